#!/usr/bin/env bash
# Quality table: for each imbalanced set of CATALOG.md, the best PR-AUC (stratified 5-fold) of rareclass and of
# the Python stack (scikit-learn + imbalanced-learn) with the same candidates (logistic, random forest of 100
# trees) and samplers (none, SMOTE), on the SAME folds: rareclass writes its folds' test rows into results.json
# and the Python script evaluates on exactly those. Each side runs once per seed in SEEDS (the seed sets the folds,
# SMOTE's draws and the forest's; Python's random_state takes the same number), and the table compares each
# configuration's mean over the seeds: one seed moves a small set's PR-AUC by a few hundredths on either side.
# Prints a Markdown table. Usage: scripts/bench/quality/run.sh     Env: PY (default /usr/bin/python3), WORK (default /tmp/rareclass-quality),
#   SEEDS (default "0 1 2"), ONLY (dataset names to run, default all)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../.." && pwd)
D=$root/../shared/datasets
PY=${PY:-/usr/bin/python3}
W=${WORK:-/tmp/rareclass-quality}
SEEDS=${SEEDS:-0 1 2}
mkdir -p "$W"
"$root/rareclass" --version >/dev/null

# name | file | label index | positive | header (0/1) | categorical indices (or -)
sets=(
  "mammography|$D/mammography/mammography.csv|6|'1'|0|-"
  "oil_spill|$D/oil_spill/oil-spill.csv|49|1|0|-"
  "wine_le4|$D/wine_quality/winequality-white.csv|11|3,4|0|-"
  "abalone_19|$D/abalone/abalone.data|8|19|0|0"
  "car_vgood|$D/car_evaluation/car.data|6|vgood|0|0,1,2,3,4,5"
  "ecoli_imU|$D/ecoli/ecoli.csv|7|imU|0|-"
  "phoneme|$D/phoneme/phoneme.csv|5|1|0|-"
  "creditcard|$D/creditcard_fraud_subset/creditcard_adjustedl.csv|30|1|1|-"
)
echo "| dataset | rows (positives) | rareclass best | PR-AUC | Python best | PR-AUC | rareclass − Python | Python's seed-to-seed std |"
echo "|---|---|---|---|---|---|---|---|"
for s in "${sets[@]}"; do
  IFS='|' read -r name file label positive header cats <<< "$s"
  [ -z "${ONLY:-}" ] || [[ " $ONLY " == *" $name "* ]] || continue
  opts=(--label "$label" --positive "$positive")
  [ "$header" = 0 ] && opts+=(--no-header)
  [ "$cats" != - ] && opts+=(--categorical "$cats")
  for seed in $SEEDS; do
    "$root/rareclass" compare "$file" "${opts[@]}" --models logistic,random-forest --samplers none,smote \
        --folds 5 --seed "$seed" --threshold 0.5 --validation-split 0 --param random-forest.trees=100 \
        --report "$W/$name-$seed" --quiet > "$W/$name-$seed.txt"
    "$PY" "$here/python_same_folds.py" "$file" "$W/$name-$seed/results.json" "$label" "$positive" "$header" "$cats" \
        "$seed" > "$W/$name-$seed.py" 2> "$W/$name-$seed.py.err"
  done
  "$PY" - "$W" "$name" $SEEDS <<'PYEOF'
import csv, json, statistics, sys
w, name, seeds = sys.argv[1], sys.argv[2], sys.argv[3:]
ours, theirs = {}, {}
for seed in seeds:
    for row in csv.DictReader(open(f"{w}/{name}-{seed}/leaderboard.csv")):
        ours.setdefault(row["model"] + "+" + row["sampler"], []).append(float(row["pr_auc_mean"]))
    for line in open(f"{w}/{name}-{seed}.py"):
        m, smp, v = line.split()
        theirs.setdefault(m + "+" + smp, []).append(float(v))
o = max(ours, key=lambda k: statistics.mean(ours[k]))
t = max(theirs, key=lambda k: statistics.mean(theirs[k]))
om, tm = statistics.mean(ours[o]), statistics.mean(theirs[t])
res = json.load(open(f"{w}/{name}-{seeds[0]}/results.json"))
n = sum(len(s["test_rows"]) for s in res["splits"])
pos = sum(f["test_positives"] for f in res["rows"][0]["folds"])
sd = statistics.pstdev(theirs[t]) if len(theirs[t]) > 1 else float("nan")
print(f"| {name} | {n} ({pos}) | {o} | {om:.4f} | {t} | {tm:.4f} | {om - tm:+.4f} | {sd:.4f} |")
PYEOF
done
