#!/usr/bin/env bash
# `rareclass score` of a large predictions file against pandas + scikit-learn computing the same metrics (score.py),
# whole processes, alternating: 200,000 and 2,000,000 rows (1.5% positives, tied scores), text and --json.
# rareclass also computes 1,000 bootstrap resamples for its 95% intervals, which scikit-learn does not.
# Usage: scripts/bench/score/run.sh [WORKDIR]   (REPS: runs of each side per size, default 2)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../.." && pwd)
work=${1:-${TMPDIR:-/tmp}/rareclass-bench-score}
reps=${REPS:-2}
mkdir -p "$work"
"$root/rareclass" --version >/dev/null # build (and make the start-up cache) outside the timings
for rows in 200000 2000000; do
    csv=$work/predictions-$rows.csv
    [[ -s $csv ]] || /usr/bin/python3 "$here/generate.py" "$rows" "$csv"
    for ((i = 1; i <= reps; i++)); do
        /usr/bin/time -f "$rows rows  rareclass score         %e s wall  %U s user" \
            "$root/rareclass" score "$csv" --label y --score p >/dev/null
        /usr/bin/time -f "$rows rows  rareclass score --json  %e s wall  %U s user" \
            "$root/rareclass" score "$csv" --label y --score p --json >/dev/null
        /usr/bin/time -f "$rows rows  pandas + scikit-learn   %e s wall  %U s user" \
            /usr/bin/python3 "$here/score.py" "$csv" >/dev/null
    done
done
