#!/usr/bin/env bash
# The recipes under recipes/ that reproduce an article (mammography-ensembles.yaml, a tour of the model kinds, has no
# article to be set beside) run end to end (`rareclass run RECIPE --report DIR`, timed), with their numbers beside
# the article's published figures and beside the Python stack: scikit-learn + imbalanced-learn on the SAME folds
# (peer_same_folds.py reads each run's results.json), or, for the text and paper-mill recipes, the peer scripts of
# ../shared/peers on the same protocol. Prints Markdown (used by scripts/bench/benchmarks.sh).
# Usage: scripts/bench/recipes/run.sh      Env: PY (default /usr/bin/python3), WORK (default /tmp/rareclass-recipes)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../.." && pwd)
D=$root/../shared/datasets
P=$root/../shared/peers
PY=${PY:-/usr/bin/python3}
W=${WORK:-/tmp/rareclass-recipes}
mkdir -p "$W"
"$root/rareclass" --version >/dev/null   # build first, outside the timing

for r in asteroids asteroids-tune ionosphere creditcard movie-reviews papermill; do
  t0=$(date +%s.%N)
  "$root/rareclass" run "$root/recipes/$r.yaml" --report "$W/$r" --quiet > "$W/$r.txt"
  echo "$(date +%s.%N) - $t0" | bc -l > "$W/$r.seconds"
done

nasa_drop="Neo Reference ID,Name,Close Approach Date,Orbit Determination Date,Orbiting Body,Equinox"
"$PY" "$here/peer_same_folds.py" "$W/asteroids/results.json" "$D/nasa_asteroids/nasa.csv" Hazardous True \
  --drop "$nasa_drop" --top-k 20 --models logistic,random-forest --samplers none,borderline-smote-1 > "$W/asteroids.peer"
"$PY" "$here/peer_same_folds.py" "$W/ionosphere/results.json" "$D/uci_ionosphere/ionosphere.data" 34 b \
  --no-header --models mlp-sigmoid,random-forest,logistic > "$W/ionosphere.peer"
"$PY" "$here/peer_same_folds.py" "$W/creditcard/results.json" "$D/creditcard_fraud_subset/creditcard_adjustedl.csv" \
  Class 1 --models logistic,random-forest --class-weights none,balanced > "$W/creditcard.peer"
"$PY" "$P/polarity.py" "$D/movie_review_polarity_pang_lee" > "$W/movie-reviews.peer"
"$PY" "$P/papermill.py" "$D/processminer_sheet_break/processminer-rare-event-mts - data.csv.gz" > "$W/papermill.peer"

"$PY" "$here/summarise.py" "$W"
