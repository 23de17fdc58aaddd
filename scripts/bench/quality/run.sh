#!/usr/bin/env bash
# Quality table: for each imbalanced set of CATALOG.md, the best PR-AUC (stratified 5-fold) of rareclass and of
# the Python stack on the SAME folds: rareclass writes its folds' test rows into results.json and the Python script
# evaluates on exactly those. Two groups of candidates, each its own row:
#   baseline: logistic and a random forest of 100 trees, each without and with SMOTE (scikit-learn +
#             imbalanced-learn on the Python side);
#   boosting: no sampler, three shapes of gradient boosting on each side, each with its library's defaults:
#             XGBoost (rareclass: gradient-boosting@xgboost, XGBoost 3.4; Python: XGBClassifier, Debian's 1.7),
#             histogram boosting of 31 leaves grown leaf-wise at learning rate 0.1 (rareclass: @xgboost with
#             max-nodes=31 max-depth=0 learning-rate=0.1; Python: HistGradientBoostingClassifier, whose defaults
#             those are) and Friedman's boosting of depth-3 trees (rareclass: gradient-boosting@smile; Python:
#             GradientBoostingClassifier).
# rareclass runs with its defaults (threshold tuned on a hold-out of a first fit, then the model refit on the whole
# training fold, which is what its PR-AUC measures). Each side runs once per seed in SEEDS (the seed sets the folds, SMOTE's draws and the models'; Python's
# random_state takes the same number), and the table compares each configuration's mean over the seeds: one seed
# moves a small set's PR-AUC by a few hundredths on either side.
# Prints a Markdown table. Usage: scripts/bench/quality/run.sh     Env: PY (default /usr/bin/python3), WORK (default /tmp/rareclass-quality),
#   SEEDS (default "0 1 2"), ONLY (dataset names to run, default all), BENCH_GROUPS (default "baseline boosting")
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../.." && pwd)
. "$here/../lib.sh"   # same_folds_sets, read_set
PY=${PY:-/usr/bin/python3}
W=${WORK:-/tmp/rareclass-quality}
SEEDS=${SEEDS:-0 1 2}
BENCH_GROUPS=${BENCH_GROUPS:-baseline boosting}
[[ " $BENCH_GROUPS " == *" boosting "* ]] && BENCH_GROUPS=${BENCH_GROUPS/boosting/boosting-leafwise boosting}
mkdir -p "$W"
"$root/rareclass" --version >/dev/null

mapfile -t sets < <(same_folds_sets "$root")
echo "| dataset | rows (positives) | group | rareclass best | PR-AUC | Python best | PR-AUC | rareclass − Python | Python's seed-to-seed std |"
echo "|---|---|---|---|---|---|---|---|---|"
for s in "${sets[@]}"; do
  read_set "$s"
  for group in $BENCH_GROUPS; do
    case $group in
      baseline) candidates=(--models logistic,random-forest --samplers none,smote --param random-forest.trees=100) ;;
      boosting) candidates=(--models gradient-boosting@xgboost,gradient-boosting@smile --samplers none) ;;
      # the same kind in another shape: a second compare on the same folds (same seed, same labels)
      boosting-leafwise) candidates=(--models gradient-boosting@xgboost --samplers none --param max-nodes=31
                                     --param max-depth=0 --param learning-rate=0.1) ;;
      *) echo "unknown group $group" >&2; exit 64 ;;
    esac
    for seed in $SEEDS; do
      out="$W/$name-$group-$seed"
      "$root/rareclass" compare "$file" "${opts[@]}" "${candidates[@]}" \
          --folds 5 --seed "$seed" --report "$out" --quiet > "$out.txt"
      [ "$group" = boosting-leafwise ] && continue   # its Python counterpart runs in the boosting group
      "$PY" "$here/python_same_folds.py" "$file" "$out/results.json" "$label" "$positive" "$header" "$cats" \
          "$seed" "$group" > "$out.py" 2> "$out.py.err"
    done
    [ "$group" = boosting-leafwise ] && continue
    "$PY" - "$W" "$name" "$group" $SEEDS <<'PYEOF'
import csv, json, statistics, sys
w, name, group, seeds = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4:]
ours, theirs = {}, {}
for seed in seeds:
    for run, label in [(group, "")] + ([("boosting-leafwise", "(max-nodes=31,lr=0.1)")] if group == "boosting" else []):
        for row in csv.DictReader(open(f"{w}/{name}-{run}-{seed}/leaderboard.csv")):
            ours.setdefault(row["model"] + "@" + row["backend"] + label + "+" + row["sampler"], []).append(float(row["pr_auc_mean"]))
    for line in open(f"{w}/{name}-{group}-{seed}.py"):
        m, smp, v = line.split()
        theirs.setdefault(m + "+" + smp, []).append(float(v))
o = max(ours, key=lambda k: statistics.mean(ours[k]))
t = max(theirs, key=lambda k: statistics.mean(theirs[k]))
om, tm = statistics.mean(ours[o]), statistics.mean(theirs[t])
res = json.load(open(f"{w}/{name}-{group}-{seeds[0]}/results.json"))
n = sum(len(s["test_rows"]) for s in res["splits"])
pos = sum(f["test_positives"] for f in res["rows"][0]["folds"])
sd = statistics.pstdev(theirs[t]) if len(theirs[t]) > 1 else float("nan")
print(f"| {name} | {n} ({pos}) | {group} | {o} | {om:.4f} | {t} | {tm:.4f} | {om - tm:+.4f} | {sd:.4f} |")
PYEOF
  done
done
