#!/usr/bin/env bash
# rareclass compare vs the Python stack (scikit-learn + imbalanced-learn + PyTorch) on nasa.csv, in one run:
# logistic, random forest (100 trees), MLP 16-16 tanh dropout 0.2 (adam 1e-3, 10 epochs, batch 64, no L2 penalty:
# the peer's PyTorch network has none; rareclass's default l2=auto would add one)
# x samplers none/smote x stratified 5-fold. Prints both leaderboards, the whole-process wall-time ratio and
# PR-AUC per row side by side.
# Usage: scripts/bench/compare/run.sh [NASA_CSV]   Env: PY (default /usr/bin/python3), JOBS (default: cores),
#        REPS (default 3: alternating runs of each side; the times are medians)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../.." && pwd)
. "$here/../lib.sh"   # median
PY=${PY:-/usr/bin/python3}
nasa=${1:-$root/../shared/datasets/nasa_asteroids/nasa.csv}
peer=$root/../shared/peers/compare_nasa.py
out=${WORK:-/tmp/rareclass-compare-bench}
mkdir -p "$out"
"$root/rareclass" --version >/dev/null   # build first, outside the timing

py_runs=(); rc_runs=()
for rep in $(seq "${REPS:-3}"); do   # alternating runs; the figures are the medians (single runs vary by ±20% here)
  t0=$(date +%s.%N)
  "$PY" "$peer" "$nasa" > "$out/python.txt"
  t1=$(date +%s.%N)
  # rareclass's defaults: each model's threshold tuned (max-f1) on a hold-out of a first fit, then refit on the
  # whole training fold, so it does more than the Python script (one fit per fold, no threshold) and is scored by
  # the same final model (PR-AUC and ROC-AUC do not depend on the threshold).
  "$root/rareclass" compare "$nasa" --label Hazardous --positive True \
    --drop "Neo Reference ID,Name,Close Approach Date,Orbit Determination Date,Orbiting Body,Equinox" \
    --models logistic,random-forest,mlp@dl4j --samplers none,smote --folds 5 --seed 0 \
    ${JOBS:+--jobs $JOBS} \
    --param random-forest.trees=100 --param random-forest.node-size=1 \
    --param mlp.hidden=16,16 --param mlp.activation=tanh --param mlp.dropout=0.2 --param mlp.optimizer=adam \
    --param mlp.learning-rate=0.001 --param mlp.epochs=10 --param mlp.batch-size=64 --param mlp.l2=0 \
    --report "$out/rareclass" --quiet > "$out/rareclass.txt"
  t2=$(date +%s.%N)
  py_runs+=("$(echo "$t1 - $t0" | bc -l)"); rc_runs+=("$(echo "$t2 - $t1" | bc -l)")
done

echo "== Python stack (scikit-learn, imbalanced-learn, PyTorch)"; cat "$out/python.txt"
echo; echo "== rareclass"; cat "$out/rareclass.txt"
py_s=$(median "${py_runs[@]}"); rc_s=$(median "${rc_runs[@]}")
echo
echo "runs (s): python ${py_runs[*]}; rareclass ${rc_runs[*]}"
printf "whole process, median of %d: python %.1f s, rareclass %.1f s, ratio rareclass/python %.2f\n" "${REPS:-3}" "$py_s" "$rc_s" "$(echo "$rc_s / $py_s" | bc -l)"
echo
printf "%-16s %-8s %-18s %-18s\n" model sampler "pr_auc python" "pr_auc rareclass"
"$PY" - "$out/python.txt" "$out/rareclass/leaderboard.csv" <<'PYEOF'
import csv, re, sys
py = {}
for line in open(sys.argv[1]):
    m = re.match(r"(\S+)\s+(\S+)\s+pr_auc ([0-9.]+)±([0-9.]+)", line)
    if m:
        py[(m.group(1), m.group(2))] = (float(m.group(3)), float(m.group(4)))
for row in csv.DictReader(open(sys.argv[2])):
    key = (row["model"], row["sampler"])
    p = py.get(key)
    ours = f'{float(row["pr_auc_mean"]):.3f}±{float(row["pr_auc_std"]):.3f}'
    theirs = f"{p[0]:.3f}±{p[1]:.3f}" if p else "-"
    within = "" if not p else ("  within 1 std" if abs(float(row["pr_auc_mean"]) - p[0]) <= max(p[1], float(row["pr_auc_std"])) else "  DIFFERENT")
    print(f"{key[0]:16s} {key[1]:8s} {theirs:18s} {ours:18s}{within}")
PYEOF
