#!/usr/bin/env bash
# `rareclass describe` of the 1,000,000 x 31 numeric CSV (generate.py, as run.sh uses) against pandas reading and
# describing it (../shared/peers/describe_csv.py: read_csv, describe(include="all"), missing values, class counts).
# Both as a user runs them (rareclass through its launcher, JVM start included), REPS runs each, alternating, and
# per run the wall time and the peak RSS of the whole process (/usr/bin/time: %e, %M). Prints every run, then
# the medians and the ratios rareclass / pandas. Target: <= 1.0x pandas in time and in peak memory.
# Usage: scripts/bench/csv/describe.sh [WORKDIR]   (REPS=5 by default; the CSV is made in WORKDIR if absent)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../.." && pwd)
work=${1:-${TMPDIR:-/tmp}/rareclass-bench-csv}
reps=${REPS:-5}
peer=${PEERS:-$root/../shared/peers}/describe_csv.py
mkdir -p "$work"
csv=$work/bench-1e6x31.csv
if [[ ! -s $csv ]]; then
    echo "generating $csv ..." >&2
    /usr/bin/python3 "$here/generate.py" "$csv"
fi
"$root/rareclass" --version > /dev/null   # build (and prepare the start-up cache) before anything is timed
cat "$csv" > /dev/null                    # the page cache warm for both

run() { # side, command...: one run; prints "seconds KB", keeps the side's output
    local side=$1; shift
    /usr/bin/time -f '%e %M' -o "$work/time-$side.txt" "$@" > "$work/out-$side.txt" 2> "$work/err-$side.txt" || {
        echo "$side failed:" >&2; tail -5 "$work/err-$side.txt" >&2; exit 1; }
    tail -1 "$work/time-$side.txt"
}
median() { sort -g | awk '{v[NR] = $1} END {print NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2}'; }

: > "$work/runs-pandas.txt"
: > "$work/runs-rareclass.txt"
echo "describe of $(basename "$csv") ($(du -m "$csv" | cut -f1) MB), $reps runs each, alternating"
printf '%-4s %-10s %8s %12s\n' run side "wall s" "peak RSS MB"
for i in $(seq "$reps"); do
    for side in pandas rareclass; do
        if [[ $side == pandas ]]; then
            r=$(run pandas /usr/bin/python3 "$peer" "$csv" y)
        else
            r=$(run rareclass "$root/rareclass" describe "$csv" --label y --positive 1 --quiet)
        fi
        echo "$r" >> "$work/runs-$side.txt"
        read -r s kb <<< "$r"
        printf '%-4s %-10s %8.2f %12d\n' "$i" "$side" "$s" $((kb / 1024))
    done
done
# both read the whole table: pandas' describe has 31 columns, rareclass's 1,000,000 rows
grep -q '(8, 31)' "$work/out-pandas.txt" || { echo "pandas' output is not the expected one" >&2; exit 1; }
grep -q ': 1000000 rows, 30 feature columns' "$work/out-rareclass.txt" || { echo "rareclass's output is not the expected one" >&2; exit 1; }

declare -A t m
for side in pandas rareclass; do
    t[$side]=$(awk '{print $1}' "$work/runs-$side.txt" | median)
    m[$side]=$(awk '{print $2 / 1024}' "$work/runs-$side.txt" | median)
done
echo
printf '%-10s %14s %20s\n' side "median wall s" "median peak RSS MB"
for side in pandas rareclass; do
    printf '%-10s %14.2f %20.0f\n' "$side" "${t[$side]}" "${m[$side]}"
done
awk -v a="${t[rareclass]}" -v b="${t[pandas]}" -v c="${m[rareclass]}" -v d="${m[pandas]}" \
    'BEGIN {printf "ratio rareclass / pandas: time %.2f, peak RSS %.2f (target: both <= 1.00)\n", a / b, c / d}'
