#!/usr/bin/env bash
# rt-polarity, multi-hot text -> 16-16 relu MLP (rmsprop, 4 epochs, batch 512), stratified 5-fold:
#   1. mlp@dl4j through rareclass's TextTransform + sparse embedding-sum first layer (every fold) and the same
#      network on the dense rows x N multi-hot matrix (first DENSE_FOLDS folds): accuracy and seconds per epoch;
#      then both paths warm, 10 epochs each on fold 0's rows (seconds per epoch)
#   2. PyTorch per-epoch time of the peer's network on its dense matrix (torch_epoch.py, first fold)
#   3. the peer itself, /work/shared/peers/polarity.py (accuracy; whole-process wall time)
#   4. logistic@smile on the same 10,000-word bag (Smile's sparse logistic regression): one fit on every row, the
#      default train (a first fit, the threshold on its held-out 20%, a refit), a 5-fold compare; then scikit-learn's
#      CountVectorizer(binary) + LogisticRegression() by logistic.py, in its own 5 folds and in rareclass's
# usage: scripts/bench/text/run.sh [WORDS=10000] [DENSE_FOLDS=1] [DATASET_DIR]
# Needs /usr/bin/python3 with torch, scikit-learn, numpy, and a JDK 25 (scripts/find-jdk).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../../.." && pwd)"
. "$here/../lib.sh"   # jvm_flags
words="${1:-10000}"; dense_folds="${2:-1}"
data="${3:-$root/../shared/datasets/movie_review_polarity_pang_lee}"
[ -d "$data" ] || data=/work/shared/datasets/movie_review_polarity_pang_lee
peer="${PEER:-/work/shared/peers/polarity.py}"
java_home="$("$root/scripts/find-jdk")"
export OMP_NUM_THREADS="${OMP_NUM_THREADS:-1}"  # as the rareclass launcher
echo "machine: $(nproc --all) cores, load $(cut -d" " -f1-3 /proc/loadavg); OMP_NUM_THREADS=$OMP_NUM_THREADS"

(cd "$root" && JAVA_HOME="$java_home" mvn -B -o -q -pl backend-dl4j -am test-compile dependency:build-classpath \
    -Dmdep.outputFile=target/bench.cp >/dev/null)
cp="$root/backend-dl4j/target/test-classes:$root/backend-dl4j/target/classes:$(cat "$root/backend-dl4j/target/bench.cp")"

echo "== dl4j sparse vs dense (words=$words)"
"$java_home/bin/java" -Xmx6g $(jvm_flags "$root") \
  -Dorg.bytedeco.javacpp.nopointergc=true -cp "$cp" dev.rareclass.dl4j.bench.TextBench "$data" "$words" "$dense_folds" 4 \
  2>/dev/null | grep '^{' | tee "${TMPDIR:-/tmp}/rareclass-text-bench.json"
echo "== torch per epoch (dense multi-hot, first fold)"
/usr/bin/python3 "$here/torch_epoch.py" "$data" "$words" 4
echo "== peer: $peer"
t0=$(date +%s.%N); /usr/bin/python3 "$peer" "$data"; t1=$(date +%s.%N)
python3 -c "print(f'peer wall time {$t1-$t0:.1f}s (5 folds: vectorizer, logistic regression and MLP)')"
/usr/bin/python3 - "${TMPDIR:-/tmp}/rareclass-text-bench.json" <<'PY'
import json, sys
d = json.loads(open(sys.argv[1]).read().splitlines()[-1])
print(f"dl4j warm ({d['timing_epochs']} epochs on fold 0, median after the first): sparse {d['sparse_warm_epoch_s']:.3f} s/epoch "
      f"vs dense {d['dense_warm_epoch_s']:.3f} s/epoch: {d['dense_warm_epoch_s'] / d['sparse_warm_epoch_s']:.1f}x")
if d["dense_epoch_s"]:
    print(f"dl4j in the 4-epoch fold runs (JIT still warming): sparse {d['sparse_epoch_s']:.3f} s/epoch vs dense "
          f"{d['dense_epoch_s']:.3f} s/epoch: {d['dense_epoch_s'] / d['sparse_epoch_s']:.1f}x; 5-fold accuracy sparse {d['sparse_acc']:.3f}")
PY

echo "== logistic@smile against scikit-learn (whole processes, reading and vectorizing included)"
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
timed() { local t0 t1; t0=$(date +%s.%N); "$@" >"$work/out" 2>&1 || { cat "$work/out"; exit 1; }; t1=$(date +%s.%N)
          python3 -c "print(f'{$t1-$t0:.1f}')"; }
rc="$root/rareclass"
JAVA_HOME="$java_home" "$rc" describe "$data" --format text --quiet >/dev/null 2>&1 || true   # builds it, once
one=$(JAVA_HOME="$java_home" timed "$rc" train "$data" --format text --positive pos --model logistic \
      --validation-split 0 --threshold 0.5 --out "$work/one.model" --quiet)
two=$(JAVA_HOME="$java_home" timed "$rc" train "$data" --format text --positive pos --model logistic --out "$work/m.model")
valid=$(grep -o 'pr_auc [0-9.]*' "$work/out" | head -1)
cv=$(JAVA_HOME="$java_home" timed "$rc" compare "$data" --format text --positive pos --models logistic --folds 5 \
     --quiet --report "$work/cmp")
cvline=$(grep 'logistic@smile' "$work/out" | head -1)
echo "rareclass train, one fit (--validation-split 0 --threshold 0.5): ${one}s"
echo "rareclass train, default (first fit, threshold on 20% held out, refit): ${two}s; validation $valid"
echo "rareclass compare --folds 5: ${cv}s; $cvline"
/usr/bin/python3 "$here/logistic.py" "$data" "$work/cmp/results.json"
