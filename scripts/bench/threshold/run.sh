#!/usr/bin/env bash
# How to choose the threshold, measured: the hold-out followed by a refit (the default, --validation-split 0.2: two
# fits per model) against the out-of-fold scores of an inner 5-fold followed by a refit (--threshold-cv 5: six fits),
# on the imbalanced sets of the quality benchmark, 5 stratified outer folds, logistic and a random forest of 100
# trees, no sampler, max-f1. Both refit on every training row, so their PR-AUC (a ranking) is the same; what differs
# is the threshold, so the table shows the outer test folds' F1 and MCC at the chosen threshold, and the wall time.
# Prints a Markdown table. Usage: scripts/bench/threshold/run.sh     Env: WORK (default /tmp/rareclass-threshold),
#   SEEDS (default "0 1 2"), ONLY (dataset names, default all)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../.." && pwd)
. "$here/../lib.sh"   # same_folds_sets, read_set
W=${WORK:-/tmp/rareclass-threshold}
SEEDS=${SEEDS:-0 1 2}
mkdir -p "$W"
"$root/rareclass" --version >/dev/null

mapfile -t sets < <(same_folds_sets "$root")
echo "| dataset | model | F1 hold-out | F1 threshold-cv 5 | MCC hold-out | MCC threshold-cv 5 | PR-AUC (both) | seconds hold-out | seconds threshold-cv 5 |"
echo "|---|---|---|---|---|---|---|---|---|"
for s in "${sets[@]}"; do
  read_set "$s"
  for way in holdout cv; do
    case $way in
      holdout) how=() ;;
      cv) how=(--threshold-cv 5) ;;
    esac
    for seed in $SEEDS; do
      out="$W/$name-$way-$seed"
      t0=$(date +%s.%N)
      "$root/rareclass" compare "$file" "${opts[@]}" --models logistic,random-forest --samplers none \
          --param random-forest.trees=100 --folds 5 --seed "$seed" "${how[@]}" --report "$out" --quiet > "$out.txt"
      t1=$(date +%s.%N)
      echo "$t1 - $t0" | bc -l > "$out.seconds"
    done
  done
  /usr/bin/python3 - "$W" "$name" $SEEDS <<'PYEOF'
import csv, statistics, sys
w, name, seeds = sys.argv[1], sys.argv[2], sys.argv[3:]
def read(way):
    rows, secs = {}, []
    for seed in seeds:
        secs.append(float(open(f"{w}/{name}-{way}-{seed}.seconds").read()))
        for r in csv.DictReader(open(f"{w}/{name}-{way}-{seed}/leaderboard.csv")):
            rows.setdefault(r["model"], []).append((float(r["f1_mean"]), float(r["mcc_mean"]), float(r["pr_auc_mean"])))
    return rows, statistics.mean(secs)
h, hs = read("holdout")
c, cs = read("cv")
for model in h:
    f = lambda rows, i: statistics.mean(v[i] for v in rows[model])
    print(f"| {name} | {model} | {f(h,0):.4f} | {f(c,0):.4f} | {f(h,1):.4f} | {f(c,1):.4f} | {f(h,2):.4f} | {hs:.1f} | {cs:.1f} |")
PYEOF
done
