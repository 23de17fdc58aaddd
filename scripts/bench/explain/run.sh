#!/usr/bin/env bash
# Cross-check of `rareclass explain` against scikit-learn's permutation_importance, same model kind, same rows:
# random-forest (100 trees) fitted on a stratified 70% of a real table (sklearn's train_test_split, random_state=0),
# permutation importance of every column on the other 30%, PR-AUC (average precision) as the score, 5 repeats. The two
# forests and the two shuffles differ, so the values differ; what should agree is which columns matter. Prints both
# top-5 lists and how many columns they share (the target: 3 of 5 at least).
# Usage: scripts/bench/explain/run.sh   (default: nasa.csv, label Hazardous, positive True)
# Env: PY (default /usr/bin/python3, with sklearn and pandas), DATA, LABEL, POSITIVE, DROP (columns left out on both
#      sides), WORK (default ${TMPDIR:-/tmp}/rareclass-explain-check)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../.." && pwd)
PY=${PY:-/usr/bin/python3}
DATA=${DATA:-$root/../shared/datasets/nasa_asteroids/nasa.csv}
LABEL=${LABEL:-Hazardous}
POSITIVE=${POSITIVE:-True}
DROP=${DROP-Neo Reference ID,Name,Close Approach Date,Orbit Determination Date,Orbiting Body,Equinox}
work=${WORK:-${TMPDIR:-/tmp}/rareclass-explain-check}
case "$(mkdir -p "$work" && cd "$work" && pwd)/" in "$root"/*) echo "WORK must be outside the repository" >&2; exit 64;; esac
[[ -f $DATA ]] || { echo "no $DATA (the shared datasets go beside the checkout)" >&2; exit 66; }
"$PY" "$here/split.py" "$DATA" "$LABEL" "$DROP" "$work/train.csv" "$work/test.csv"
"$root/rareclass" train "$work/train.csv" --label "$LABEL" --positive "$POSITIVE" --model random-forest \
    --param trees=100 --validation-split 0 --threshold 0.5 --seed 0 --out "$work/rf.model" --quiet
"$root/rareclass" explain "$work/rf.model" "$work/test.csv" --repeats 5 --seed 42 --top 5 --out "$work/explain" \
    --quiet >/dev/null
"$PY" "$here/peer.py" "$work/train.csv" "$work/test.csv" "$LABEL" "$POSITIVE" > "$work/sklearn.csv"
ours=$(tail -n +2 "$work/explain/importance.csv" | head -5 | cut -d, -f2)
theirs=$(head -5 "$work/sklearn.csv" | cut -d, -f1)
echo "rank  rareclass (drop in PR-AUC)            scikit-learn (drop in average precision)"
paste -d'|' <(tail -n +2 "$work/explain/importance.csv" | head -5 | awk -F, '{printf "%s %.4f±%.4f\n", $2, $3, $4}') \
    <(head -5 "$work/sklearn.csv" | awk -F, '{printf "%s %.4f±%.4f\n", $1, $2, $3}') \
    | awk -F'|' '{printf "%-5d %-36s %s\n", NR, $1, $2}'
shared=$(comm -12 <(sort <<<"$ours") <(sort <<<"$theirs") | wc -l)
echo "top-5 columns in common: $shared of 5 (target: at least 3)"
