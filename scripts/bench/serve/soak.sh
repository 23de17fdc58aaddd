#!/usr/bin/env bash
# Soak of `rareclass serve`: SOAK seconds (default 180) of high load on loopback, in rounds of ROUND seconds that
# alternate single-row requests at 64 connections and 1,000-row batches at 16, with the bodies and model of run.sh.
# After every round: wrk's errors (non-2xx answers, socket errors), the server's RSS, and its live heap after a full
# collection (jcmd GC.run, then the heap's used size); /v2/health/ready must still answer 200. The verdict: no error
# at all, and live heap and RSS flat over the second half (the last round within 10% of the middle one, RSS within
# 15%), so nothing accumulates per request.
# Usage: scripts/bench/serve/soak.sh [DATA.csv]   (run.sh's defaults; the model and bodies are made as run.sh makes
#        them when WORK lacks them)
# Env: SOAK (180), ROUND (30), JAVA_OPTS for the server (default -Xmx1g: a bounded heap, as a service would run),
#      WORK (default ${TMPDIR:-/tmp}/rareclass-serve-bench), PY
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../.." && pwd)
PY=${PY:-/usr/bin/python3}
data=${1:-$root/../shared/datasets/creditcard_fraud_subset/creditcard_1_atique.csv}
SOAK=${SOAK:-180}
ROUND=${ROUND:-30}
export JAVA_OPTS=${JAVA_OPTS:--Xmx1g}
work=${WORK:-${TMPDIR:-/tmp}/rareclass-serve-bench}
case "$(mkdir -p "$work" && cd "$work" && pwd)/" in "$root"/*) echo "WORK must be outside the repository" >&2; exit 64;; esac
command -v wrk >/dev/null || { echo "needs wrk on the PATH (Debian: apt-get install wrk)" >&2; exit 69; }
java_home=$("$root/scripts/find-jdk")
model=$work/creditcard.model
bodies=$work/bodies
if [[ ! -s $bodies/single.jsonl || ! -s $bodies/batch.jsonl ]]; then
    "$PY" "$here/bodies.py" "$data" Class 1 "$bodies" 64 4 1000 50 150
fi
if [[ ! -s $model ]]; then
    "$root/rareclass" train "$data" --label Class --positive 1 --model random-forest --param trees=100 \
        --validation-split 0 --threshold 0.5 --seed 0 --out "$model" --quiet
fi
log=$work/soak-server.log
setsid "$root/rareclass" serve "$model" --host 127.0.0.1 --port 0 >"$log" 2>&1 &
server=$!
trap 'kill -TERM -- -$server 2>/dev/null || true; wait $server 2>/dev/null || true' EXIT
port=
for _ in $(seq 1 600); do
    port=$(sed -n 's|^Listening on http://127.0.0.1:\([0-9]*\).*|\1|p' "$log")
    [[ -n $port ]] && break
    kill -0 $server 2>/dev/null || { cat "$log" >&2; exit 70; }
    sleep 0.1
done
[[ -n $port ]] || { echo "the server did not start" >&2; exit 70; }
jvm=$(pgrep -g $server -f 'java' | head -1)
url=http://127.0.0.1:$port/v2/models/creditcard/infer
live_mb() { # live heap after a full collection, MB
    "$java_home/bin/jcmd" "$jvm" GC.run >/dev/null
    "$java_home/bin/jcmd" "$jvm" GC.heap_info | sed -n 's/.* used \([0-9]*\)K.*/\1/p' | head -1 \
        | awk '{printf "%.1f", $1 / 1024}'
}
rss_mb() { awk '/VmRSS/ {printf "%.0f", $2 / 1024}' "/proc/$jvm/status"; }
wrk -t2 -c16 -d10s -s "$here/post.lua" "$url" -- "$bodies/single.jsonl" >/dev/null   # warm-up
printf '%-6s %-7s %6s %10s %7s %7s %9s %9s\n' round body conns "req/s" non2xx sockerr "RSS MB" "live MB"
errors=0
rounds=$(( SOAK / ROUND ))
declare -a lives rsss
for r in $(seq 1 "$rounds"); do
    if (( r % 2 )); then kind=single; conns=64; else kind=batch; conns=16; fi
    line=$(wrk -t2 -c$conns -d${ROUND}s --timeout 30s -s "$here/post.lua" "$url" -- "$bodies/$kind.jsonl" | grep '^RESULT')
    rps=$(sed -n 's/.* rps=\([0-9.]*\).*/\1/p' <<<"$line")
    non2xx=$(sed -n 's/.* non2xx=\([0-9]*\).*/\1/p' <<<"$line")
    sock=$(awk '{for (i = 1; i <= NF; i++) if ($i ~ /^(connect|read|write|timeout)=/) {split($i, kv, "="); s += kv[2]}} END {print s + 0}' <<<"$line")
    ready=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/v2/health/ready")
    [[ $ready == 200 ]] || { echo "round $r: ready answered $ready" >&2; errors=$((errors + 1)); }
    errors=$((errors + non2xx + sock))
    lives[$r]=$(live_mb); rsss[$r]=$(rss_mb)
    printf '%-6s %-7s %6s %10.0f %7s %7s %9s %9s\n' "$r" "$kind" "$conns" "$rps" "$non2xx" "$sock" "${rsss[$r]}" "${lives[$r]}"
done
mid=$(( (rounds + 1) / 2 ))
verdict=$(awk -v a="${lives[$mid]}" -v b="${lives[$rounds]}" -v c="${rsss[$mid]}" -v d="${rsss[$rounds]}" -v e=$errors \
    'BEGIN {flat = (b <= a * 1.10 + 1) && (d <= c * 1.15); print (e == 0 && flat) ? "ok" : "FAILED"}')
echo "errors: $errors; live heap round $mid -> $rounds: ${lives[$mid]} -> ${lives[$rounds]} MB; RSS ${rsss[$mid]} -> ${rsss[$rounds]} MB; $verdict"
[[ $verdict == ok ]]
