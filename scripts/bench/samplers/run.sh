#!/usr/bin/env bash
# Times imbalanced-learn 0.10 against `rareclass resample` (CSV in, CSV out, whole process) on seeded
# 30-feature tables with 1.5% positives; also the sampler alone on each side. Usage: scripts/bench/samplers/run.sh [ROWS...]   (default: 50000 200000 800000)
# Env: PY (default /usr/bin/python3, which must have imblearn), JAVA_HOME (JDK 25),
#      SAMPLERS (default "smote borderline-smote-1 adasyn near-miss-1"), WORK (default /tmp/rareclass-sampler-bench),
#      REPS (default 3: each figure is the median of REPS runs of each side, run alternately; the machine is noisy).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../.." && pwd)
. "$here/../lib.sh"   # median
PY=${PY:-/usr/bin/python3}
JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
SAMPLERS=${SAMPLERS:-"smote borderline-smote-1 adasyn near-miss-1"}
REPS=${REPS:-3}
WORK=${WORK:-/tmp/rareclass-sampler-bench}
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(50000 200000 800000)
mkdir -p "$WORK"

"$root/rareclass" --version >/dev/null   # build first, outside the timing

field() { sed -n "s/.*$1=\([0-9.]*\).*/\1/p"; }
printf "%-8s %-19s %10s %10s %7s | %10s %10s %7s | %9s %9s\n" rows sampler imbl_samp java_samp ratio imbl_total java_total ratio imbl_out java_out
for n in "${sizes[@]}"; do
    csv="$WORK/data-$n.csv"
    [ -f "$csv" ] || "$PY" "$here/gen.py" "$n" "$csv"
    for s in $SAMPLERS; do
        # REPS runs of each side, alternating; each figure is the median of its REPS values
        ps=(); pt=(); js=(); jt=()
        for rep in $(seq "$REPS"); do
            # both sides timed the same way, from outside, start to exit: Python's own total_s misses the
            # interpreter's start and its exit (about 0.3 s with pandas and scikit-learn loaded)
            t0=$(date +%s.%N)
            p=$("$PY" "$here/imblearn_bench.py" "$s" "$csv" "$WORK/py-$s-$n.csv" 2>/dev/null)
            t1=$(date +%s.%N)
            ps+=("$(echo "$p" | field sampler_s)"); pt+=("$(echo "$t1 - $t0" | bc -l)"); po=$(echo "$p" | field rows_out)
            t0=$(date +%s.%N)
            r=$(JAVA_OPTS=-Xmx8g "$root/rareclass" resample "$csv" --label y --positive 1 --sampler "$s" --seed 0 \
                --out "$WORK/java-$s-$n.csv" --quiet)
            t1=$(date +%s.%N)
            # "smote: 200000 rows -> 394000 rows (...); sampler 0.601 s; wrote ..."
            js+=("$(echo "$r" | sed -n 's/.*sampler \([0-9.]*\) s.*/\1/p')"); jt+=("$(echo "$t1 - $t0" | bc -l)")
            jo=$(echo "$r" | sed -n 's/.*-> \([0-9]*\) rows.*/\1/p')
        done
        mps=$(median "${ps[@]}"); mpt=$(median "${pt[@]}"); mjs=$(median "${js[@]}"); mjt=$(median "${jt[@]}")
        printf "%-8s %-19s %10.3f %10.3f %7.2f | %10.3f %10.3f %7.2f | %9s %9s\n" "$n" "$s" "$mps" "$mjs" \
            "$(echo "$mjs / $mps" | bc -l)" "$mpt" "$mjt" "$(echo "$mjt / $mpt" | bc -l)" "$po" "$jo"
    done
done
