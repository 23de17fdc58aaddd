#!/usr/bin/env bash
# Agreement of rareclass's imbalance ensembles (balanced-random-forest, balanced-bagging, easy-ensemble, rus-boost,
# all @smile) with imbalanced-learn 0.10's (BalancedRandomForestClassifier, BalancedBaggingClassifier,
# EasyEnsembleClassifier, RUSBoostClassifier; scikit-learn 1.2), defaults on both sides, on the SAME folds: rareclass
# `compare --report` writes its folds' test rows into results.json and python_same_folds.py fits imblearn's
# classifiers on exactly those (stratified 5-fold, no sampler, no validation split, threshold 0.5; both sides
# standard-scale numeric columns and one-hot categorical ones on the training rows, which trees do not mind).
# Each side runs once per seed in SEEDS (the seed sets the folds and every draw; Python's random_state takes the same
# number). For each ensemble and set the table gives both sides' mean PR-AUC over the seeds, the difference, Python's
# seed-to-seed std and its mean fold std, whether the difference is within the larger of the two ("tol"), and
# rareclass's own seed-to-seed std. (With 3 seeds a seed std is itself a rough estimate.)
# Times: rareclass's summed fit seconds per fold (from results.json) and Python's summed fit seconds, means over seeds;
# rareclass runs one fold at a time (--jobs 1) but grows an ensemble's members on every core, Python uses n_jobs=1.
# Then each side's whole-process wall time per data set.
# Usage: scripts/bench/ensembles/run.sh     Env: PY (default /usr/bin/python3), WORK (default /tmp/rareclass-ensembles),
#   SEEDS (default "0 1 2"), ONLY (dataset names to run, default all three)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../.." && pwd)
. "$here/../lib.sh"   # same_folds_sets, read_set
PY=${PY:-/usr/bin/python3}
W=${WORK:-/tmp/rareclass-ensembles}
SEEDS=${SEEDS:-0 1 2}
mkdir -p "$W"
rm -f "$W/wall.txt"
"$root/rareclass" --version >/dev/null
models=balanced-random-forest,balanced-bagging,easy-ensemble,rus-boost

# three of the quality benchmark's sets (lib.sh)
mapfile -t sets < <(same_folds_sets "$root" mammography oil_spill abalone_19)
echo "| dataset | ensemble | rareclass PR-AUC | imblearn PR-AUC | difference | imblearn seed std | imblearn fold std | within tol | rareclass seed std | rareclass fit s | imblearn fit s |"
echo "|---|---|---|---|---|---|---|---|---|---|---|"
for s in "${sets[@]}"; do
  read_set "$s"
  rc_wall=0; py_wall=0
  for seed in $SEEDS; do
    t0=$(date +%s.%N)
    "$root/rareclass" compare "$file" "${opts[@]}" --models "$models" --samplers none \
        --folds 5 --seed "$seed" --threshold 0.5 --validation-split 0 --jobs 1 \
        --report "$W/$name-$seed" --quiet > "$W/$name-$seed.txt"
    t1=$(date +%s.%N)
    "$PY" "$here/python_same_folds.py" "$file" "$W/$name-$seed/results.json" "$label" "$positive" "$header" "$cats" \
        "$seed" > "$W/$name-$seed.py" 2> "$W/$name-$seed.py.err"
    t2=$(date +%s.%N)
    rc_wall=$(echo "$rc_wall + $t1 - $t0" | bc); py_wall=$(echo "$py_wall + $t2 - $t1" | bc)
  done
  echo "$name $rc_wall $py_wall" >> "$W/wall.txt"
  "$PY" - "$W" "$name" $SEEDS <<'PYEOF'
import json, statistics, sys
w, name, seeds = sys.argv[1], sys.argv[2], sys.argv[3:]
ours, ours_fit, theirs, theirs_fold, theirs_fit = {}, {}, {}, {}, {}
for seed in seeds:
    res = json.load(open(f"{w}/{name}-{seed}/results.json"))
    for row in res["rows"]:
        ours.setdefault(row["model"], []).append(row["pr_auc_mean"])
        ours_fit.setdefault(row["model"], []).append(sum(f["fit_seconds"] for f in row["folds"]))
    for line in open(f"{w}/{name}-{seed}.py"):
        m, mean, fold_sd, fit = line.split()
        theirs.setdefault(m, []).append(float(mean))
        theirs_fold.setdefault(m, []).append(float(fold_sd))
        theirs_fit.setdefault(m, []).append(float(fit))
for m in ["balanced-random-forest", "balanced-bagging", "easy-ensemble", "rus-boost"]:
    om, tm = statistics.mean(ours[m]), statistics.mean(theirs[m])
    seed_sd = statistics.pstdev(theirs[m]) if len(theirs[m]) > 1 else float("nan")
    fold_sd = statistics.mean(theirs_fold[m])
    which = "seed" if seed_sd >= fold_sd else "fold"  # False when seed_sd is nan (one seed): the fold std
    tol = seed_sd if which == "seed" else fold_sd
    ok = "yes" if abs(om - tm) <= tol else "NO"
    our_sd = statistics.pstdev(ours[m]) if len(ours[m]) > 1 else float("nan")
    print(f"| {name} | {m} | {om:.4f} | {tm:.4f} | {om - tm:+.4f} | {seed_sd:.4f} | {fold_sd:.4f} | {ok} ({which}) "
          f"| {our_sd:.4f} | {statistics.mean(ours_fit[m]):.2f} | {statistics.mean(theirs_fit[m]):.2f} |")
PYEOF
done
echo
echo "Whole runs (every seed, all four ensembles; rareclass: one JVM per seed, reading the file, 5 folds one at a time;"
echo "Python: one process per seed, pandas reading the file, 5 folds):"
while read -r name rc py; do
  printf '  %-12s rareclass %6.1f s   Python %6.1f s\n' "$name" "$rc" "$py"
done < "$W/wall.txt"
