#!/usr/bin/env bash
# mlp@dl4j against PyTorch on the same CSV, architecture, optimizer, batch size and epochs; the sides run
# alternately, REPS times, and the figures are medians:
#   (a) 20,000 x 30 -> 16-16-1 tanh, adam, batch 64 (30 epochs by default: the peers' reference run of
#       torch_train.py, "20k x 30, 30 epochs, batch 64")
#   (b) 100,000 x 30 -> 256-256-256-1 relu, dropout 0.3, adam, batch 2048
# Three processes per config and repetition:
#   torch     torch_bench.py: whole process, and seconds per epoch inside it
#   rareclass `rareclass train` with the same network (the product as a user runs it: the launcher, its AOT
#             cache, reading and scaling the CSV, saving the model): whole process
#   dl4j      MlpBench, rareclass's trainer alone in a plain JVM: seconds per epoch and per step
# usage: scripts/bench/dl4j/run.sh [EPOCHS_A=30] [EPOCHS_B=3] [REPS=3]   (CONFIGS="a b" by default; CONFIGS=b runs one)
# Needs /usr/bin/python3 with torch, numpy, pandas, and a JDK 25 (scripts/find-jdk).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../../.." && pwd)"
. "$here/../lib.sh"   # jvm_flags
epochs_a="${1:-30}"; epochs_b="${2:-3}"; reps="${3:-3}"
work="${TMPDIR:-/tmp}/rareclass-dl4j-bench"; mkdir -p "$work"
java_home="$("$root/scripts/find-jdk")"
export OMP_NUM_THREADS="${OMP_NUM_THREADS:-1}"  # as the rareclass launcher (and PyTorch then uses one thread too)

[ -f "$work/a.csv" ] || /usr/bin/python3 "$here/make_data.py" "$work/a.csv" 20000 30
[ -f "$work/b.csv" ] || /usr/bin/python3 "$here/make_data.py" "$work/b.csv" 100000 30
(cd "$root" && JAVA_HOME="$java_home" mvn -B -o -q -pl backend-dl4j -am test-compile dependency:build-classpath \
    -Dmdep.outputFile=target/bench.cp >/dev/null)
"$root/rareclass" --version >/dev/null   # build (and make the AOT cache) outside the timing
cp="$root/backend-dl4j/target/test-classes:$root/backend-dl4j/target/classes:$(cat "$root/backend-dl4j/target/bench.cp")"

dl4j() {
  "$java_home/bin/java" $(jvm_flags "$root") \
    -Dorg.bytedeco.javacpp.nopointergc=true -cp "$cp" dev.rareclass.dl4j.bench.MlpBench "$@" 2>/dev/null | grep '^{'
}
product() {  # CONFIG EPOCHS: rareclass train, one JSON line like the others'
  local net
  if [ "$1" = a ]; then
    net=(--param hidden=16,16 --param activation=tanh --param init=glorot-uniform --param batch-size=64)
  else
    net=(--param hidden=256,256,256 --param activation=relu --param dropout=0.3 --param batch-size=2048)
  fi
  "$root/rareclass" train "$work/$1.csv" --label y --positive 1 --model mlp@dl4j "${net[@]}" --param optimizer=adam \
    --param learning-rate=0.001 --param l2=0 --param epochs="$2" --validation-split 0 --threshold 0.5 --out "$work/$1.model" \
    --quiet >/dev/null
  echo "{\"impl\": \"rareclass\", \"config\": \"$1\", \"epochs\": $2}"
}
wall() { local t0 t1; t0=$(date +%s.%N); "$@" >"$work/last.json"; t1=$(date +%s.%N)
  python3 -c "import json,sys; d=json.load(open('$work/last.json')); d['process_s']=$t1-$t0; print(json.dumps(d))"; }

out="$work/results.jsonl"; : >"$out"
for rep in $(seq "$reps"); do
  for cfg in ${CONFIGS:-a b}; do
    e=$([ "$cfg" = a ] && echo "$epochs_a" || echo "$epochs_b")
    wall /usr/bin/python3 "$here/torch_bench.py" "$work/$cfg.csv" "$cfg" "$e" | tee -a "$out"
    wall product "$cfg" "$e" | tee -a "$out"
    wall dl4j "$work/$cfg.csv" "$cfg" "$e" | tee -a "$out"
  done
done
/usr/bin/python3 - "$out" <<'PY'
import json, statistics, sys
rows = [json.loads(l) for l in open(sys.argv[1])]
def med(cfg, impl, f):
    v = [f(r) for r in rows if r["config"] == cfg and r["impl"] == impl]
    return statistics.median(v) if v else float("nan")
warm = lambda r: statistics.median(r["epoch_s"][1:]) if len(r["epoch_s"]) > 1 else r["epoch_s"][0]
print("\n(medians of the runs above; ratio = rareclass / torch)")
print("config  epochs  whole process: torch  rareclass  ratio  |  s/epoch after the first: torch  dl4j  ratio  |  ms/step: torch  dl4j")
for cfg in sorted({r["config"] for r in rows}):
    e = next(r["epochs"] for r in rows if r["config"] == cfg)
    pt, pr = med(cfg, "torch", lambda r: r["process_s"]), med(cfg, "rareclass", lambda r: r["process_s"])
    et, ed = med(cfg, "torch", warm), med(cfg, "dl4j", warm)
    st = med(cfg, "torch", lambda r: r["ms_per_step"])
    sd = med(cfg, "dl4j", lambda r: r.get("ms_per_step_after_epoch1", r["ms_per_step"]))
    print(f"{cfg:6}  {e:6}  {pt:20.2f}  {pr:9.2f}  {pr / pt:5.2f}  |  {et:30.3f}  {ed:4.3f}  {ed / et:5.2f}  |  {st:14.2f}  {sd:4.2f}")
print("(torch ms/step: all steps; dl4j ms/step: the steps after the first epoch, which also carries ND4J's start-up)")
PY
