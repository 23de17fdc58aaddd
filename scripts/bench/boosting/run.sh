#!/usr/bin/env bash
# Gradient boosting, whole process as a user runs it (CSV in, model file out), against Python in the same run, on a
# seeded 200,000 x 30 table with 1.5% positives (label y) and a 50,000-row test table drawn after it with the same
# generator and seed (gen.py). 100 rounds, depth 6, learning rate 0.1 everywhere.
#   gradient-boosting@xgboost (its default threads: the fit's share of the cores, here both; and threads=1)  vs
#     xgboost.XGBClassifier(tree_method='hist', n_jobs=2): REPS alternating runs of each (median). Target: rareclass
#     train (default threads) <= 1.0x Python's, PR-AUC within 0.01. A second Python row starts XGBoost from the
#     positive share (base_score), as XGBoost >= 2.0 does by itself: Debian's python3-xgboost is 1.7 (see peer.py).
#   gradient-boosting@smile  vs  HistGradientBoostingClassifier (early stopping off, no leaf cap; see peer.py):
#     SMILE_REPS runs (default 1, Smile took ~63 s a fit here); reported, no target.
# Every step is its own process, timed from outside (start to exit): `rareclass train` vs `peer.py fit` (read CSV,
# fit, save the model) -- the figure the target is about -- and `rareclass evaluate` vs `peer.py score` (load the
# model, read the test CSV, predict, PR-AUC = average precision). Both PR-AUCs are on the same test rows.
# Usage: scripts/bench/boosting/run.sh
# Env: PY (default /usr/bin/python3, with python3-xgboost, python3-sklearn, python3-pandas), REPS (default 3),
#      SMILE_REPS (default 1), ROWS (default 200000), TEST_ROWS (default 50000),
#      WORK (default ${TMPDIR:-/tmp}/rareclass-boosting-bench; the tables are made there once and kept)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../.." && pwd)
. "$here/../lib.sh"   # median
PY=${PY:-/usr/bin/python3}
REPS=${REPS:-3}
SMILE_REPS=${SMILE_REPS:-1}
ROWS=${ROWS:-200000}
TEST_ROWS=${TEST_ROWS:-50000}
work=${WORK:-${TMPDIR:-/tmp}/rareclass-boosting-bench}
case "$(mkdir -p "$work" && cd "$work" && pwd)/" in "$root"/*) echo "WORK must be outside the repository" >&2; exit 64;; esac
train=$work/train-$ROWS.csv
test=$work/test-$TEST_ROWS.csv
if [[ ! -s $train || ! -s $test ]]; then
    echo "generating $train and $test ..." >&2
    "$PY" "$here/gen.py" "$ROWS" "$TEST_ROWS" "$train" "$test"
fi
"$PY" -c 'import xgboost, sklearn, pandas' || { echo "needs $PY with xgboost, sklearn, pandas" >&2; exit 69; }
"$root/rareclass" --version >/dev/null   # build (and the launcher's start-up cache) first, outside the timing
cat "$train" "$test" >/dev/null           # page cache warm for every side

now() { date +%s.%N; }
common=(--param trees=100 --param max-depth=6 --param learning-rate=0.1 --validation-split 0 --threshold 0.5)
declare -A fit_s score_s auc
# run NAME: one fit and one scoring of NAME; appends the wall times, keeps the PR-AUC (deterministic per side)
run() {
    local name=$1 t0 t1 t2 out
    t0=$(now)
    case $name in
        rc-xgb)     "$root/rareclass" train "$train" --label y --positive 1 --model gradient-boosting@xgboost "${common[@]}" \
                        --out "$work/$name.model" >"$work/$name.train.txt" 2>&1 ;;
        rc-xgb-t1)  "$root/rareclass" train "$train" --label y --positive 1 --model gradient-boosting@xgboost "${common[@]}" \
                        --param threads=1 --out "$work/$name.model" >"$work/$name.train.txt" 2>&1 ;;
        rc-smile)   "$root/rareclass" train "$train" --label y --positive 1 --model gradient-boosting@smile "${common[@]}" \
                        --out "$work/$name.model" >"$work/$name.train.txt" 2>&1 ;;
        py-xgb)     "$PY" "$here/peer.py" fit xgboost "$train" "$work/$name.json" >"$work/$name.train.txt" 2>&1 ;;
        py-xgbp)    "$PY" "$here/peer.py" fit xgboost-prior "$train" "$work/$name.json" >"$work/$name.train.txt" 2>&1 ;;
        py-hgb)     "$PY" "$here/peer.py" fit hgb "$train" "$work/$name.pkl" >"$work/$name.train.txt" 2>&1 ;;
    esac
    t1=$(now)
    case $name in
        rc-*)   "$root/rareclass" evaluate "$work/$name.model" "$test" >"$work/$name.eval.txt" 2>&1
                out=$(sed -n 's/^ *pr_auc *\([0-9.]*\).*/\1/p' "$work/$name.eval.txt") ;;
        py-xgb*) "$PY" "$here/peer.py" score "$work/$name.json" "$test" >"$work/$name.eval.txt" 2>&1
                out=$(sed -n 's/.*pr_auc=\([0-9.]*\).*/\1/p' "$work/$name.eval.txt") ;;
        py-hgb) "$PY" "$here/peer.py" score "$work/$name.pkl" "$test" >"$work/$name.eval.txt" 2>&1
                out=$(sed -n 's/.*pr_auc=\([0-9.]*\).*/\1/p' "$work/$name.eval.txt") ;;
    esac
    t2=$(now)
    fit_s[$name]+="$(echo "$t1 - $t0" | bc -l) "; score_s[$name]+="$(echo "$t2 - $t1" | bc -l) "; auc[$name]=$out
    printf '  %-10s train %6.2f s  evaluate %5.2f s  pr_auc %s\n' "$name" "$(echo "$t1 - $t0" | bc -l)" \
        "$(echo "$t2 - $t1" | bc -l)" "$out" >&2
}

echo "xgboost: $REPS alternating runs of each side" >&2
for rep in $(seq "$REPS"); do
    run py-xgb; run rc-xgb; run py-xgbp; run rc-xgb-t1
done
echo "smile vs HistGradientBoostingClassifier: $SMILE_REPS run(s) of each" >&2
for rep in $(seq "$SMILE_REPS"); do
    run py-hgb; run rc-smile
done

med() { median ${1}; }   # word-split the space-separated list
row() { # LABEL RC PY TARGET
    local rf pf rs ps ra pa
    [[ -n ${fit_s[$2]:-} && -n ${fit_s[$3]:-} ]] || return 0   # a side not run (SMILE_REPS=0)
    rf=$(med "${fit_s[$2]}"); pf=$(med "${fit_s[$3]}"); rs=$(med "${score_s[$2]}"); ps=$(med "${score_s[$3]}")
    ra=${auc[$2]}; pa=${auc[$3]}
    local ratio delta verdict=""
    ratio=$(echo "$rf / $pf" | bc -l); delta=$(echo "$ra - $pa" | bc -l)
    if [[ $4 == yes ]]; then
        if (( $(echo "$ratio <= 1.0" | bc -l) )) && (( $(echo "${delta#-} <= 0.01" | bc -l) )); then verdict=met; else verdict="NOT met"; fi
    else verdict="-"; fi
    printf "%-34s %8.2f %8.2f %6.2f | %7.2f %7.2f %6.2f | %8.4f %8.4f %+8.4f | %s\n" "$1" "$rf" "$pf" "$ratio" \
        "$rs" "$ps" "$(echo "$rs / $ps" | bc -l)" "$ra" "$pa" "$delta" "$verdict"
}
echo
echo "train: ${ROWS} x 30, test: ${TEST_ROWS} rows, 1.5% positives; 100 rounds, depth 6, learning rate 0.1; 2 cores: $(nproc)"
echo "wall seconds of whole processes, median of $REPS (xgboost) / $SMILE_REPS (smile, hgb); PR-AUC = average precision on the test rows"
printf "%-34s %8s %8s %6s | %7s %7s %6s | %8s %8s %8s | %s\n" "rareclass vs python" "rc train" "py fit" ratio \
    "rc eval" "py scr" ratio "rc prauc" "py prauc" delta "target (<=1.0x, |d|<=0.01)"
row "@xgboost / XGBClassifier" rc-xgb py-xgb yes
row "@xgboost / XGBC. base_score=prior" rc-xgb py-xgbp yes
row "@xgboost threads=1 / XGBClassifier" rc-xgb-t1 py-xgb no
row "@smile / HistGradientBoosting" rc-smile py-hgb no
echo
echo "runs (s), train/fit: $(for k in py-xgb py-xgbp rc-xgb rc-xgb-t1 py-hgb rc-smile; do printf '%s [%s] ' "$k" "${fit_s[$k]:-}"; done)"
echo "outputs in $work"
