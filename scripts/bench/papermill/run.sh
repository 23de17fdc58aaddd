#!/usr/bin/env bash
# PRODUCT §9.3: the paper-mill autoencoder check. split.py reproduces the article's protocol with the peer's own
# code (label shift -2, events dropped, time/x28/x61 dropped, 80/20 then 80/20 split, random_state 123);
# PapermillCheck trains autoencoder@dl4j (negatives only, scaler on negative training rows, 100 epochs, best
# validation epoch kept) for the article's layout and other designs, each with the network seeds 1, 2 and 3 (the
# test part has 52 positives, so one design's figures move by a few points with the seed alone); then the
# PyTorch peer runs on this machine.
# usage: scripts/bench/papermill/run.sh [DESIGNS=all|article]   (needs /usr/bin/python3 with torch, sklearn, pandas)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../../.." && pwd)"
. "$here/../lib.sh"   # jvm_flags
which="${1:-all}"
data="$root/../shared/datasets/processminer_sheet_break/processminer-rare-event-mts - data.csv.gz"
[ -f "$data" ] || data="/work/shared/datasets/processminer_sheet_break/processminer-rare-event-mts - data.csv.gz"
work="${TMPDIR:-/tmp}/rareclass-papermill"; mkdir -p "$work"
java_home="$("$root/scripts/find-jdk")"
export OMP_NUM_THREADS="${OMP_NUM_THREADS:-1}"  # as the rareclass launcher
/usr/bin/python3 "$here/split.py" "$data" "$work/lag0" 0
[ "$which" = article ] || /usr/bin/python3 "$here/split.py" "$data" "$work/lag2" 2
(cd "$root" && JAVA_HOME="$java_home" mvn -B -o -q -pl backend-dl4j -am test-compile dependency:build-classpath \
    -Dmdep.outputFile=target/bench.cp >/dev/null)
cp="$root/backend-dl4j/target/test-classes:$root/backend-dl4j/target/classes:$(cat "$root/backend-dl4j/target/bench.cp")"
out="$work/results.jsonl"; : >"$out"
check() {  # SPLIT NAME PARAMS...: one run per seed
  local split=$1 name=$2; shift 2
  for seed in 1 2 3; do
    "$java_home/bin/java" $(jvm_flags "$root") -Dorg.bytedeco.javacpp.nopointergc=true -cp "$cp" \
      dev.rareclass.dl4j.bench.PapermillCheck "$work/$split" "$name" "$@" seed=$seed 2>/dev/null | grep '^{' | tee -a "$out"
  done
}
keep="epochs=100 early-stopping=val_loss patience=100 restore-best=true"
# the article: 32(tanh, L1 activity 1e-3)-16(relu)-16(tanh)-d(relu), adam 1e-3, batch 128
check lag0 article $keep
if [ "$which" != article ]; then
  check lag0 clip3 $keep clip=3
  check lag0 identity-out $keep output-activation=identity
  check lag0 wide-identity $keep output-activation=identity layers=64,32,64 activation=tanh,relu,tanh
  check lag0 narrow-clip3 $keep clip=3 layers=16,8,16 activation=tanh,relu,tanh
  check lag2 lag2-article $keep
fi
/usr/bin/python3 - "$out" <<'PY'
import json, statistics, sys
rows = [json.loads(l) for l in open(sys.argv[1])]
print("\n(per design, seeds 1/2/3; recall and test FPR at the threshold giving 6.3% FPR on the validation negatives;")
print(" valid: the same figures' means on the validation rows, which choose a design without the test rows)")
print(f"{'design':15} {'features':>8}  {'test ROC-AUC':>19} {'mean':>6}  {'test recall':>17} {'mean':>6}  {'test FPR':>17}"
      f"  {'valid ROC-AUC':>13} {'valid recall':>12}")
for name in dict.fromkeys(r["design"] for r in rows):
    rs = [r for r in rows if r["design"] == name]
    roc = [r["roc_auc"] for r in rs]; rec = [r["fpr6.3"]["recall"] for r in rs]; fpr = [r["fpr6.3"]["fpr"] for r in rs]
    vroc = statistics.mean(r["valid"]["roc_auc"] for r in rs); vrec = statistics.mean(r["valid"]["recall6.3"] for r in rs)
    f = lambda v: "/".join(f"{x:.3f}" for x in v)
    print(f"{name:15} {rs[0]['features']:>8}  {f(roc):>19} {statistics.mean(roc):6.3f}  {f(rec):>17} {statistics.mean(rec):6.3f}"
          f"  {f(fpr):>17}  {vroc:13.3f} {vrec:12.3f}")
PY
echo "== peer /work/shared/peers/papermill.py"
/usr/bin/python3 /work/shared/peers/papermill.py "$data"
