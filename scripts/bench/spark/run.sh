#!/usr/bin/env bash
# The Spark engine beyond one heap: compare --engine spark on a loopback standalone cluster (a master and two
# workers, separate JVMs, scripts/spark-cluster) with the driver at -Xmx1g and each executor at 2 GB, on generated
# tables of 1, 4 and 20 million rows x 30 features (1% positives, Generate.java). For each size: wall time, the
# driver's and the executors' peak resident memory, and the leaderboard. Then the in-memory engine on the largest
# table at the same -Xmx1g, which must refuse with its memory advice.
#
# Usage: scripts/bench/spark/run.sh        Env: ROWS (default "1000000 4000000 20000000"), WORK (default
#        /tmp/rareclass-spark-bench: the tables, 4.5 GB at 20 million rows, are kept there between runs),
#        MODELS (default logistic), PROTOCOL (default "--holdout 0.2")
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)"
java_home="$("$root/scripts/find-jdk")"
work="${WORK:-/tmp/rareclass-spark-bench}"
rows_list="${ROWS:-1000000 4000000 20000000}"
models="${MODELS:-logistic}"
protocol="${PROTOCOL:---holdout 0.2}"
mkdir -p "$work"

# executors' peak RSS: the workers start them as CoarseGrainedExecutorBackend JVMs; sampled every second
watch_executors() {
  local out="$1" peak=0
  while :; do
    local now
    now="$(ps -eo rss=,args= | awk '/CoarseGrainedExecutorBackend/ && !/awk/ { if ($1 > m) m = $1 } END { print m + 0 }')"
    [ "$now" -gt "$peak" ] && peak="$now" && echo "$peak" >"$out"
    sleep 1
  done
}

RARECLASS_ENGINE=spark "$root/rareclass" --version >/dev/null   # build the app and the Spark engine first
master="$("$root/scripts/spark-cluster" start 2 1 2g)"
trap '"$root/scripts/spark-cluster" stop' EXIT
echo "cluster: $master (2 workers, 1 core and 2 GB each); driver -Xmx1g"
printf '\n%-10s %-9s %-10s %-14s %-16s %s\n' rows "wall s" "s/M rows" "driver peak MB" "executor peak MB" "pr_auc (logistic)"
last_data=""
for rows in $rows_list; do
  data="$work/rows-$rows.csv"
  [ -s "$data" ] || "$java_home/bin/java" "$root/scripts/bench/spark/Generate.java" "$rows" "$data"
  last_data="$data"
  echo 0 >"$work/exec-peak-$rows"
  watch_executors "$work/exec-peak-$rows" & watcher=$!
  # shellcheck disable=SC2086 # protocol is a list of options
  /usr/bin/time -f '%e %M' -o "$work/time-$rows" env JAVA_OPTS=-Xmx1g "$root/rareclass" compare "$data" \
    --label label --positive 1 --engine spark --master "$master" \
    --conf spark.executor.memory=2g --conf spark.executor.cores=1 --conf spark.cores.max=2 \
    --models "$models" $protocol --seed 1 --quiet >"$work/leaderboard-$rows.txt" 2>"$work/err-$rows.txt" || {
      kill "$watcher"; echo "compare failed at $rows rows:"; cat "$work/err-$rows.txt"; exit 1; }
  kill "$watcher" 2>/dev/null || true
  read -r wall driver_kb <"$work/time-$rows"
  exec_kb="$(cat "$work/exec-peak-$rows")"
  pr="$(awk '/@spark/ { print $3; exit }' "$work/leaderboard-$rows.txt")"
  printf '%-10s %-9s %-10s %-14s %-16s %s\n' "$rows" "$wall" "$(awk -v w="$wall" -v r="$rows" 'BEGIN { printf "%.1f", w / (r / 1e6) }')" \
    "$((driver_kb / 1024))" "$((exec_kb / 1024))" "$pr"
done

echo; echo "== the in-memory engine on $last_data at the same -Xmx1g"
set +e
JAVA_OPTS=-Xmx1g "$root/rareclass" compare "$last_data" --label label --positive 1 --models "$models" $protocol \
  --seed 1 --quiet >/dev/null 2>"$work/in-memory.txt"
echo "exit $?: $(cat "$work/in-memory.txt")"
