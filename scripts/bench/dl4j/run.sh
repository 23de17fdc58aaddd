#!/usr/bin/env bash
# DL4J (mlp@dl4j through rareclass's trainer) against PyTorch on the same CSV, architecture, optimizer,
# batch size and epochs; the two run alternately, REPS times, and each line is one whole process.
#   (a) 20,000 x 30 -> 16-16-1 tanh, adam, batch 64
#   (b) 100,000 x 30 -> 256-256-256-1 relu, dropout 0.3, adam, batch 2048
# usage: scripts/bench/dl4j/run.sh [EPOCHS_A=5] [EPOCHS_B=2] [REPS=2]
# Needs /usr/bin/python3 with torch, numpy, pandas, and a JDK 25 (scripts/find-jdk).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../../.." && pwd)"
. "$here/../lib.sh"   # jvm_flags
epochs_a="${1:-5}"; epochs_b="${2:-2}"; reps="${3:-2}"
work="${TMPDIR:-/tmp}/rareclass-dl4j-bench"; mkdir -p "$work"
java_home="$("$root/scripts/find-jdk")"
export OMP_NUM_THREADS="${OMP_NUM_THREADS:-1}"  # as the rareclass launcher (and PyTorch then uses one thread too)

[ -f "$work/a.csv" ] || /usr/bin/python3 "$here/make_data.py" "$work/a.csv" 20000 30
[ -f "$work/b.csv" ] || /usr/bin/python3 "$here/make_data.py" "$work/b.csv" 100000 30
(cd "$root" && JAVA_HOME="$java_home" mvn -B -o -q -pl backend-dl4j -am test-compile dependency:build-classpath \
    -Dmdep.outputFile=target/bench.cp >/dev/null)
cp="$root/backend-dl4j/target/test-classes:$root/backend-dl4j/target/classes:$(cat "$root/backend-dl4j/target/bench.cp")"

dl4j() {
  "$java_home/bin/java" $(jvm_flags "$root") \
    -Dorg.bytedeco.javacpp.nopointergc=true -cp "$cp" dev.rareclass.dl4j.bench.MlpBench "$@" 2>/dev/null | grep '^{'
}
wall() { local t0 t1; t0=$(date +%s.%N); "$@" >"$work/last.json"; t1=$(date +%s.%N)
  python3 -c "import json,sys; d=json.load(open('$work/last.json')); d['process_s']=$t1-$t0; print(json.dumps(d))"; }

out="$work/results.jsonl"; : >"$out"
for rep in $(seq "$reps"); do
  for cfg in a b; do
    e=$([ "$cfg" = a ] && echo "$epochs_a" || echo "$epochs_b")
    wall /usr/bin/python3 "$here/torch_bench.py" "$work/$cfg.csv" "$cfg" "$e" | tee -a "$out"
    wall dl4j "$work/$cfg.csv" "$cfg" "$e" | tee -a "$out"
  done
done
/usr/bin/python3 - "$out" <<'PY'
import json, sys
rows = [json.loads(l) for l in open(sys.argv[1])]
print("\nconfig  impl   process_s  train_s  ms/step  later-epoch_s   (best of runs; ratio = dl4j / torch)")
best = {}
for r in rows:
    k = (r["config"], r["impl"])
    later = min(r["epoch_s"][1:]) if len(r["epoch_s"]) > 1 else r["epoch_s"][0]
    cur = (r["process_s"], r["train_s"], r["ms_per_step"], later)
    best[k] = tuple(min(a, b) for a, b in zip(best.get(k, cur), cur))
for cfg in "ab":
    t, d = best.get((cfg, "torch")), best.get((cfg, "dl4j"))
    for name, v in (("torch", t), ("dl4j", d)):
        print(f"{cfg:6}  {name:5}  {v[0]:9.2f}  {v[1]:7.2f}  {v[2]:7.3f}  {v[3]:13.3f}")
    print(f"{cfg:6}  ratio  {d[0]/t[0]:9.2f}  {d[1]/t[1]:7.2f}  {d[2]/t[2]:7.2f}  {d[3]/t[3]:13.2f}")
PY
