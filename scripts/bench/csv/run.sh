#!/usr/bin/env bash
# Loading a 1,000,000 x 31 numeric CSV (label y, 1.5% positives): pandas.read_csv vs rareclass's CsvTableSource.
# Reports each tool's own load time, the whole process's wall time and its peak RSS (/usr/bin/time -v).
# Targets: rareclass <= 1.0x pandas' time, peak RSS <= 2x the float64 matrix (1e6 x 31 x 8 B = 248 MB -> 496 MB).
# Then `rareclass describe` of the same file against pandas reading and describing it (describe.sh, in this run).
# Usage: scripts/bench/csv/run.sh [WORKDIR]   (JAVA_OPTS overrides the JVM flags below; REPS the describe runs)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../.." && pwd)
work=${1:-${TMPDIR:-/tmp}/rareclass-bench-csv}
mkdir -p "$work"
csv=$work/bench-1e6x31.csv
java_home=${JAVA_HOME:-$("$root/scripts/find-jdk" 2>/dev/null || echo /usr/lib/jvm/temurin-25-jdk-amd64)}
# The loaded table is 1e6 x 31 float32 (124 MB) plus growth while arrays double; a small heap cap and a
# serial collector keep the RSS near the data (G1 reserves far more than it needs for a one-shot load).
java_opts=${JAVA_OPTS:--Xmx400m -Xms64m -XX:+UseSerialGC}

if [[ ! -s $csv ]]; then
    echo "generating $csv ..."
    /usr/bin/python3 "$here/generate.py" "$csv"
fi
ls -l "$csv"

(cd "$root" && JAVA_HOME=$java_home mvn -B -o -q -pl adapters -am test-compile \
    && JAVA_HOME=$java_home mvn -B -o -q -pl adapters dependency:build-classpath -Dmdep.outputFile="$work/cp.txt" >/dev/null)
cp="$root/adapters/target/test-classes:$root/adapters/target/classes:$(cat "$work/cp.txt")"
# domain classes from the reactor build
cp="$cp:$root/domain/target/classes"

measure() { # label, command...
    local label=$1; shift
    /usr/bin/time -v "$@" 2> "$work/time.txt" | tail -1
    local wall rss
    wall=$(grep 'Elapsed (wall clock)' "$work/time.txt" | awk '{print $NF}')
    rss=$(grep 'Maximum resident set size' "$work/time.txt" | awk '{print $NF}')
    printf '%-10s whole process %s, peak RSS %d MB\n' "$label" "$wall" $((rss / 1024))
}

cat /dev/null "$csv" > /dev/null # warm the page cache for both
for i in 1 2; do
    measure pandas /usr/bin/python3 "${PEERS:-$root/../shared/peers}/load_csv.py" "$csv"
    # shellcheck disable=SC2086
    measure rareclass "$java_home/bin/java" $java_opts -cp "$cp" dev.rareclass.adapters.bench.CsvLoadBench "$csv" y 1
done
echo
JAVA_OPTS= "$here/describe.sh" "$work"
