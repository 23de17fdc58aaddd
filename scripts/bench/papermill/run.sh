#!/usr/bin/env bash
# PRODUCT §9.3: the paper-mill autoencoder check. split.py reproduces the article's protocol with the peer's own
# code (label shift -2, events dropped, time/x28/x61 dropped, 80/20 then 80/20 split, random_state 123);
# PapermillCheck trains autoencoder@dl4j (negatives only, scaler on negative training rows, 100 epochs, best
# validation epoch kept) for the article's layout and other designs; then the PyTorch peer runs on this machine.
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
check() {
  "$java_home/bin/java" $(jvm_flags "$root") \
    -Dorg.bytedeco.javacpp.nopointergc=true -cp "$cp" dev.rareclass.dl4j.bench.PapermillCheck "$@" 2>/dev/null | grep '^{'
}
keep="epochs=100 early-stopping=val_loss patience=100 restore-best=true"
# the article: 32(tanh, L1 activity 1e-3)-16(relu)-16(tanh)-d(relu), adam 1e-3, batch 128
check "$work/lag0" article $keep
if [ "$which" != article ]; then
  check "$work/lag0" identity-out $keep output-activation=identity
  check "$work/lag0" identity-no-l1 $keep output-activation=identity l1-activity=0
  check "$work/lag0" wide-identity $keep output-activation=identity layers=64,32,64 activation=tanh,relu,tanh
  check "$work/lag0" narrow-identity $keep output-activation=identity layers=16,8,16 activation=tanh,relu,tanh
  check "$work/lag2" lag2-article $keep
  check "$work/lag2" lag2-identity $keep output-activation=identity
fi
echo "== peer /work/shared/peers/papermill.py"
/usr/bin/python3 /work/shared/peers/papermill.py "$data"
