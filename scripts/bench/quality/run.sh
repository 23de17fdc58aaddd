#!/usr/bin/env bash
# Quality table: for each imbalanced set of CATALOG.md, the best PR-AUC (stratified 5-fold) of rareclass and of
# the Python stack (scikit-learn + imbalanced-learn) with the same candidates (logistic, random forest of 100
# trees) and samplers (none, SMOTE), on the SAME folds: rareclass writes its folds' test rows into results.json
# and the Python script evaluates on exactly those.
# Usage: scripts/bench/quality/run.sh     Env: PY (default /usr/bin/python3), WORK (default /tmp/rareclass-quality)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../.." && pwd)
D=$root/../shared/datasets
PY=${PY:-/usr/bin/python3}
W=${WORK:-/tmp/rareclass-quality}
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
printf "%-12s %-28s %-8s %-28s %-8s %s\n" dataset "rareclass best" pr_auc "python best" pr_auc "rareclass - python"
for s in "${sets[@]}"; do
  IFS='|' read -r name file label positive header cats <<< "$s"
  opts=(--label "$label" --positive "$positive")
  [ "$header" = 0 ] && opts+=(--no-header)
  [ "$cats" != - ] && opts+=(--categorical "$cats")
  "$root/rareclass" compare "$file" "${opts[@]}" --models logistic,random-forest --samplers none,smote \
      --folds 5 --seed 0 --threshold 0.5 --validation-split 0 --param random-forest.trees=100 \
      --report "$W/$name" --quiet > "$W/$name.txt"
  ours=$("$PY" -c "import csv,sys; r=next(csv.DictReader(open(sys.argv[1]))); print(r['model']+'+'+r['sampler'], '%.4f' % float(r['pr_auc_mean']))" "$W/$name/leaderboard.csv")
  theirs=$("$PY" "$here/python_same_folds.py" "$file" "$W/$name/results.json" "$label" "$positive" "$header" "$cats" 2>"$W/$name.py.err" | sort -k3 -nr | head -1 || true)
  read -r om op <<< "$ours"; read -r tm ts tp <<< "$theirs"
  printf "%-12s %-28s %-8s %-28s %-8s %+.4f\n" "$name" "$om" "$op" "$tm+$ts" "$tp" "$(echo "$op - $tp" | bc -l)"
done
