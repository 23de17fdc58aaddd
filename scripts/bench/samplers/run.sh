#!/usr/bin/env bash
# Times imbalanced-learn 0.10 against rareclass's Smile samplers on seeded 30-feature tables with
# 1.5% positives. Usage: scripts/bench/samplers/run.sh [ROWS...]   (default: 50000 200000 800000)
# Env: PY (default /usr/bin/python3, which must have imblearn), JAVA_HOME (JDK 25),
#      SAMPLERS (default "smote borderline-smote-1 adasyn near-miss-1"), WORK (default /tmp/rareclass-sampler-bench).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../.." && pwd)
PY=${PY:-/usr/bin/python3}
JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
SAMPLERS=${SAMPLERS:-"smote borderline-smote-1 adasyn near-miss-1"}
WORK=${WORK:-/tmp/rareclass-sampler-bench}
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(50000 200000 800000)
mkdir -p "$WORK"

(cd "$root" && JAVA_HOME=$JAVA_HOME mvn -B -o -q -pl backend-smile -am test-compile \
    dependency:build-classpath -Dmdep.outputFile="$WORK/cp.txt" -Dmdep.includeScope=test >/dev/null)
cp="$root/backend-smile/target/test-classes:$root/backend-smile/target/classes:$root/domain/target/classes:$(cat "$WORK/cp.txt")"

field() { sed -n "s/.*$1=\([0-9.]*\).*/\1/p"; }
printf "%-8s %-19s %10s %10s %7s | %10s %10s %7s | %9s %9s\n" rows sampler imbl_samp java_samp ratio imbl_total java_total ratio imbl_out java_out
for n in "${sizes[@]}"; do
    csv="$WORK/data-$n.csv"
    [ -f "$csv" ] || "$PY" "$here/gen.py" "$n" "$csv"
    for s in $SAMPLERS; do
        p=$("$PY" "$here/imblearn_bench.py" "$s" "$csv" "$WORK/py-$s-$n.csv" 2>/dev/null)
        j=$("$JAVA_HOME/bin/java" -Xmx8g -cp "$cp" dev.rareclass.smile.sampling.bench.SamplerBench "$s" "$csv" "$WORK/java-$s-$n.csv")
        ps=$(echo "$p" | field sampler_s); pt=$(echo "$p" | field total_s); po=$(echo "$p" | field rows_out)
        js=$(echo "$j" | field sampler_s); jt=$(echo "$j" | field total_s); jo=$(echo "$j" | field rows_out)
        printf "%-8s %-19s %10s %10s %7.2f | %10s %10s %7.2f | %9s %9s\n" "$n" "$s" "$ps" "$js" \
            "$(echo "$js / $ps" | bc -l)" "$pt" "$jt" "$(echo "$jt / $pt" | bc -l)" "$po" "$jo"
    done
done
