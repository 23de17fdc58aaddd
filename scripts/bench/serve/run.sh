#!/usr/bin/env bash
# Serving a random forest over HTTP: `rareclass serve` against a Python peer in the same run, one server at a time,
# both on 127.0.0.1 and loaded by wrk on the same machine, with the same Open Inference Protocol (KServe V2) JSON
# requests at the same path (POST /v2/models/creditcard/infer, one FP64 input per column).
#   rareclass: `rareclass train --model random-forest` (random-forest@smile, 100 trees, seed 0, every row, threshold
#     0.5), served by `rareclass serve` (Jetty; its defaults: up to 64 requests at once).
#   python:    scikit-learn RandomForestClassifier(n_estimators=100, random_state=0) fitted on the same rows, behind
#     FastAPI + uvicorn (peer.py: p = predict_proba[:, 1], predicted = p >= 0.5, the same answer shape), run the two
#     ways people run it on a 2-core machine: one process, and --workers 2 (two processes); both are measured and
#     each configuration's table row compares rareclass with the better of the two. --no-access-log (rareclass
#     logs no requests either). uvicorn uses uvloop and httptools when they are installed (uvicorn[standard]);
#     the line "python: ..." below says what this run had.
# Load: wrk (post.lua) with single-row bodies and 1,000-row bodies (bodies.py: rows of the table drawn with seed 0,
# cycled), each at 1, 8 and 64 connections (-t2; -t1 for one connection), WARMUP seconds (discarded) then DURATION
# seconds measured; each server also gets a warm-up of SERVER_WARMUP seconds when it starts, half single rows and half
# batches at 8 connections (the JVM compiles its hot code then: in a check here rareclass answered 750 single rows a
# second at one connection 4 s after its start, and 6,000-10,000 once warm). Recorded: requests/s, rows/s,
# p50/p90/p99 latency, non-2xx answers and socket errors; and each server's peak RSS (all its processes).
# uvicorn 0.17 --workers N leaves Nagle's algorithm on for its connections (its shared socket has protocol 0, so
# asyncio does not set TCP_NODELAY), and it writes the headers and the body of an answer separately: at one
# connection each answer then waits for the client's delayed ACK, ~40 ms (strace here: 48 ms per single-row request
# with --workers 2, 3.5 ms with one process). That is the deployment as shipped; the better-of-two rule picks the
# single process where it matters.
# Checks: one request of 200 rows (50 positive, 150 negative; bodies.py) to each server: agreement of predicted
# and the largest |p difference| between the two forests (different implementations and random draws: p differs;
# these are training rows, so both forests mostly agree); and rareclass's served p and predicted must equal, exactly,
# what `rareclass predict MODEL DATA --out preds.csv` writes for the same rows.
# The table is read in place (never copied); models, bodies and logs go to WORK. About 5-6 minutes with the defaults.
# Usage: scripts/bench/serve/run.sh [DATA.csv]
#   default DATA: ../shared/datasets/creditcard_fraud_subset/creditcard_1_atique.csv beside the checkout (7409 rows,
#   30 numeric columns, label Class, positive 1)
# Env: PY (default /usr/bin/python3, with python3-fastapi, python3-uvicorn, python3-sklearn, python3-pandas),
#      LABEL (Class), POSITIVE (1), DURATION (10), WARMUP (3), SERVER_WARMUP (10), CONNS ("1 8 64"), BATCH_ROWS (1000),
#      WORKERS (uvicorn settings measured, "1 2"), WORK (default ${TMPDIR:-/tmp}/rareclass-serve-bench)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../.." && pwd)
PY=${PY:-/usr/bin/python3}
data=${1:-$root/../shared/datasets/creditcard_fraud_subset/creditcard_1_atique.csv}
LABEL=${LABEL:-Class}
POSITIVE=${POSITIVE:-1}
DURATION=${DURATION:-10}
WARMUP=${WARMUP:-3}
SERVER_WARMUP=${SERVER_WARMUP:-10}
CONNS=${CONNS:-1 8 64}
BATCH_ROWS=${BATCH_ROWS:-1000}
WORKERS=${WORKERS:-1 2}
work=${WORK:-${TMPDIR:-/tmp}/rareclass-serve-bench}
case "$(mkdir -p "$work" && cd "$work" && pwd)/" in "$root"/*) echo "WORK must be outside the repository" >&2; exit 64;; esac
[[ -s $data ]] || { echo "no table at $data" >&2; exit 66; }
command -v wrk >/dev/null || { echo "needs wrk on the PATH (Debian: apt-get install wrk)" >&2; exit 69; }
command -v curl >/dev/null || { echo "needs curl on the PATH" >&2; exit 69; }
"$PY" -c 'import fastapi, uvicorn, sklearn, pandas' || { echo "needs $PY with fastapi, uvicorn, sklearn, pandas" >&2; exit 69; }
"$root/rareclass" --version >/dev/null   # build (and the launcher's start-up cache) first
started=$SECONDS
model=creditcard                         # the URL name of both models: their file name without extension
log() { printf '[%3ds] %s\n' $((SECONDS - started)) "$*" >&2; }

# --- the servers: one at a time, each in its own process group (uvicorn --workers 2 is three processes), all
# stopped on exit, whatever the exit.
server_pid=""
stop_server() {
    [[ -n $server_pid ]] || return 0
    kill -TERM -- "-$server_pid" 2>/dev/null || true
    local i
    for i in $(seq 100); do kill -0 -- "-$server_pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL -- "-$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
    server_pid=""
}
trap stop_server EXIT
trap 'stop_server; exit 130' INT TERM
free_port() { "$PY" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
# wait_ready NAME LOG: until GET /v2/health/ready answers 200 (at most 90 s), while the server lives
wait_ready() {
    local i
    for i in $(seq 900); do
        kill -0 "$server_pid" 2>/dev/null || { echo "$1 died while starting; its log ($2):" >&2; tail -20 "$2" >&2; exit 70; }
        if [[ -n $port ]] && curl -sf --max-time 1 "http://127.0.0.1:$port/v2/health/ready" >/dev/null 2>&1; then return 0; fi
        sleep 0.1
        if [[ -z $port ]]; then   # rareclass serve --port 0 prints the port it took
            port=$(sed -n 's|^Listening on http://127.0.0.1:\([0-9]*\).*|\1|p' "$2")
        fi
    done
    echo "$1 was not ready after 90 s; its log ($2):" >&2; tail -20 "$2" >&2; exit 70
}
start_rareclass() {
    port=""
    setsid "$root/rareclass" serve "$work/$model.model" --host 127.0.0.1 --port 0 >"$work/server-rc.log" 2>&1 &
    server_pid=$!
    wait_ready "rareclass serve" "$work/server-rc.log"
}
start_python() { # WORKERS
    port=$(free_port)
    PEER_MODEL="$work/$model.pkl" PYTHONDONTWRITEBYTECODE=1 setsid "$PY" -m uvicorn peer:app --app-dir "$here" --host 127.0.0.1 --port "$port" \
        --workers "$1" --no-access-log >"$work/server-py$1.log" 2>&1 &
    server_pid=$!
    wait_ready "uvicorn --workers $1" "$work/server-py$1.log"
}
url() { echo "http://127.0.0.1:$port/v2/models/$model/infer"; }
post() { # BODY_FILE OUT: one request; fails unless the answer is 200
    local code
    code=$(curl -s --max-time 60 -o "$2" -w '%{http_code}' -H 'Content-Type: application/json' --data-binary "@$1" "$(url)")
    [[ $code == 200 ]] || { echo "POST $(url) answered $code: $(head -c 300 "$2")" >&2; exit 70; }
}

# --- the models and the bodies
rm -f "$work"/wrk-*.txt "$work"/check-*.json "$work"/answer-*.json "$work"/server-*.log "$work"/metrics-rc.txt
bodies=$work/bodies
log "bodies from $data"
"$PY" "$here/bodies.py" "$data" "$LABEL" "$POSITIVE" "$bodies" 64 4 "$BATCH_ROWS" 50 150
log "training rareclass random-forest and scikit-learn RandomForestClassifier on every row"
timeout 600 "$root/rareclass" train "$data" --label "$LABEL" --positive "$POSITIVE" --model random-forest \
    --param trees=100 --validation-split 0 --threshold 0.5 --seed 0 --out "$work/$model.model" >"$work/train-rc.txt" 2>&1 \
    || { cat "$work/train-rc.txt" >&2; exit 70; }
timeout 600 "$PY" "$here/peer.py" fit "$data" "$LABEL" "$POSITIVE" "$work/$model.pkl" >"$work/train-py.txt" 2>&1 \
    || { cat "$work/train-py.txt" >&2; exit 70; }
timeout 600 "$root/rareclass" predict "$work/$model.model" "$data" --out "$work/preds.csv" >"$work/predict-rc.txt" 2>&1 \
    || { cat "$work/predict-rc.txt" >&2; exit 70; }

# --- load
declare -A res rss       # res[SIDE|KIND|CONNS] = the RESULT line of post.lua; rss[SIDE] = peak RSS, MB
rows_of() { [[ $1 == single ]] && echo 1 || echo "$BATCH_ROWS"; }
wrk_run() { # SIDE KIND CONNS SECONDS [keep]
    local threads=$(( $3 < 2 ? $3 : 2 )) out=$work/wrk-$1-$2-c$3.txt
    wrk -t"$threads" -c"$3" -d"$4"s --timeout 30s -s "$here/post.lua" "$(url)" -- "$bodies/$2.jsonl" >"$out" 2>&1 \
        || { echo "wrk failed:" >&2; cat "$out" >&2; exit 70; }
    kill -0 "$server_pid" 2>/dev/null || { echo "the $1 server died under load" >&2; exit 70; }
    if [[ ${5:-} == keep ]]; then
        res[$1|$2|$3]=$(grep '^RESULT' "$out")
        log "  $1 $2 c$3: $(grep '^RESULT' "$out" | cut -d' ' -f4,5,7,9)"
    fi
}
load() { # SIDE
    local kind c
    log "  warm-up ${SERVER_WARMUP} s; load average $(cut -d' ' -f1-3 /proc/loadavg)"
    wrk_run "$1" single 8 $(( (SERVER_WARMUP + 1) / 2 )); wrk_run "$1" batch 8 $(( (SERVER_WARMUP + 1) / 2 ))
    for kind in single batch; do
        for c in $CONNS; do
            wrk_run "$1" "$kind" "$c" "$WARMUP"
            wrk_run "$1" "$kind" "$c" "$DURATION" keep
        done
    done
    # the peak resident memory of the server's processes (uvicorn --workers: the parent and its workers)
    rss[$1]=$(for pid in $(pgrep -g "$server_pid"); do sed -n 's/^VmHWM:[[:space:]]*\([0-9]*\) kB/\1/p' "/proc/$pid/status" 2>/dev/null; done \
        | awk '{s += $1} END {printf "%.0f", s / 1024}')
    log "  done; load average $(cut -d' ' -f1-3 /proc/loadavg); peak RSS ${rss[$1]} MB"
}

log "rareclass serve"
start_rareclass
head -1 "$bodies/single.jsonl" > "$work/one.json"
post "$work/one.json" "$work/answer-rc-one.json"
post "$bodies/check.json" "$work/check-rc.json"
load rc
# the counters once the requests wrk left in flight are done (two scrapes a second apart that agree, at most 10 s)
for i in $(seq 10); do
    sleep 1
    curl -sf --max-time 5 "http://127.0.0.1:$port/metrics" | grep -v '^#' >"$work/metrics-rc.next" || true
    if cmp -s "$work/metrics-rc.next" "$work/metrics-rc.txt" 2>/dev/null; then break; fi
    mv "$work/metrics-rc.next" "$work/metrics-rc.txt"
done
rm -f "$work/metrics-rc.next"
stop_server
for w in $WORKERS; do
    log "uvicorn --workers $w"
    start_python "$w"
    post "$work/one.json" "$work/answer-py-one.json"
    post "$bodies/check.json" "$work/check-py$w.json"
    load "py$w"
    stop_server
done

# --- results
py_info=$("$PY" -c '
import importlib.util as u, fastapi, uvicorn, sklearn, pydantic, h11
have = ["uvloop" if u.find_spec("uvloop") else "asyncio event loop",
        "httptools" if u.find_spec("httptools") else "h11 %s HTTP parser" % h11.__version__]
print("FastAPI %s, uvicorn %s (%s), pydantic %s, scikit-learn %s"
      % (fastapi.__version__, uvicorn.__version__, ", ".join(have), pydantic.VERSION, sklearn.__version__))')
field() { sed -n "s/.* $2=\([^ ]*\).*/\1/p" <<<"$1"; }
errs() { echo $(( $(field "$1" non2xx) )) $(( $(field "$1" connect) + $(field "$1" read) + $(field "$1" write) + $(field "$1" timeout) )); }
echo
echo "rareclass serve vs FastAPI + uvicorn + scikit-learn, random forest of 100 trees on $(basename "$data") ($(($(wc -l <"$data") - 1)) rows, $(wc -l <"$bodies/columns.txt") columns)"
echo "wrk on 127.0.0.1, $DURATION s per configuration after $WARMUP s of warm-up; cores: $(nproc); load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "python: $py_info"
echo "python column: the better (requests/s) of uvicorn with one process (w1) and --workers 2 (w2); p50/p99 in ms"
printf "%-7s %5s | %9s %10s %8s %8s | %9s %10s %8s %8s %3s | %6s %9s | %s\n" body conns "rc req/s" "rc rows/s" "rc p50" "rc p99" \
    "py req/s" "py rows/s" "py p50" "py p99" "" "rc/py" "p99 ok?" "errors rc / py (non-2xx socket)"
for kind in single batch; do
    for c in $CONNS; do
        r=${res[rc|$kind|$c]}
        best=""; best_rps=-1
        for w in $WORKERS; do
            p=${res[py$w|$kind|$c]}
            if (( $(echo "$(field "$p" rps) > $best_rps" | bc -l) )); then best=$w; best_rps=$(field "$p" rps); fi
        done
        p=${res[py$best|$kind|$c]}
        n=$(rows_of "$kind")
        ratio=$(echo "if ($(field "$p" rps) > 0) $(field "$r" rps) / $(field "$p" rps) else 0" | bc -l)
        ok=$( (( $(echo "$(field "$r" p99_ms) <= $(field "$p" p99_ms)" | bc -l) )) && echo yes || echo NO)
        printf "%-7s %5d | %9.1f %10.0f %8.2f %8.2f | %9.1f %10.0f %8.2f %8.2f w%s | %5.2fx %9s | %s / %s\n" \
            "$kind" "$c" "$(field "$r" rps)" "$(echo "$(field "$r" rps) * $n" | bc -l)" "$(field "$r" p50_ms)" "$(field "$r" p99_ms)" \
            "$(field "$p" rps)" "$(echo "$(field "$p" rps) * $n" | bc -l)" "$(field "$p" p50_ms)" "$(field "$p" p99_ms)" "$best" \
            "$ratio" "$ok" "$(errs "$r")" "$(errs "$p")"
    done
done
echo
echo "every run (req/s, p50 / p90 / p99 / max ms, non-2xx, socket errors):"
for side in rc $(for w in $WORKERS; do printf 'py%s ' "$w"; done); do
    for kind in single batch; do
        for c in $CONNS; do
            r=${res[$side|$kind|$c]}
            printf "  %-4s %-6s c%-3d %8.1f req/s  %8.2f / %8.2f / %8.2f / %8.2f ms  %s\n" "$side" "$kind" "$c" "$(field "$r" rps)" \
                "$(field "$r" p50_ms)" "$(field "$r" p90_ms)" "$(field "$r" p99_ms)" "$(field "$r" max_ms)" "$(errs "$r")"
        done
    done
done

echo
echo "same answers (200 rows: 50 positive, 150 negative, one request to each server):"
"$PY" - "$work/check-rc.json" "$work/check-py${WORKERS%% *}.json" "$bodies/check.rows" "$work/preds.csv" "$model" <<'PYEOF'
import csv, json, sys
rc_file, py_file, rows_file, preds_file, name = sys.argv[1:6]
def outputs(path):
    body = json.load(open(path))
    assert body["model_name"] == name, body.get("model_name")
    return {o["name"]: o["data"] for o in body["outputs"]}
rc, py = outputs(rc_file), outputs(py_file)
rows = [int(line) for line in open(rows_file)]
n = len(rows)
assert len(rc["p"]) == len(py["p"]) == n, (len(rc["p"]), len(py["p"]), n)
agree = sum(a == b for a, b in zip(rc["predicted"], py["predicted"]))
diffs = [abs(a - b) for a, b in zip(rc["p"], py["p"])]
worst = max(range(n), key=lambda i: diffs[i])
print(f"  predicted, rareclass vs scikit-learn: {agree}/{n} agree ({100.0 * agree / n:.1f}%); "
      f"positives predicted: rareclass {sum(rc['predicted'])}, scikit-learn {sum(py['predicted'])}")
print(f"  |p rareclass - p scikit-learn|: largest {diffs[worst]:.4f} (data row {rows[worst]}: "
      f"{rc['p'][worst]!r} vs {py['p'][worst]!r}), mean {sum(diffs) / n:.4f}")
preds = {int(r["row"]): r for r in csv.DictReader(open(preds_file))}
p_same = sum(float(preds[r]["p"]) == p for r, p in zip(rows, rc["p"]))
pred_same = sum(int(preds[r]["predicted"]) == k for r, k in zip(rows, rc["predicted"]))
bad = [(r, preds[r]["p"], p) for r, p in zip(rows, rc["p"]) if float(preds[r]["p"]) != p]
verdict = "identical" if p_same == n and pred_same == n else "DIFFERENT"
print(f"  served vs `rareclass predict` on the same rows: p equal (exactly) {p_same}/{n}, predicted equal "
      f"{pred_same}/{n}: {verdict}" + (f"; first difference: row {bad[0][0]}: {bad[0][1]} vs {bad[0][2]!r}" if bad else ""))
PYEOF
first=${WORKERS%% *}
for w in $WORKERS; do
    cmp -s "$work/check-py$first.json" "$work/check-py$w.json" \
        || echo "  NOTE: uvicorn --workers $w answered the check request differently from --workers $first"
done
echo "peak RSS (MB, all the server's processes): $(for k in rc $(for w in $WORKERS; do printf 'py%s ' "$w"; done); do printf '%s %s  ' "$k" "${rss[$k]}"; done)"
rc_errors=$(grep -c -i 'internal error\|exception' "$work/server-rc.log" || true)
echo "rareclass server log: $rc_errors line(s) of errors; its /metrics: $(grep '^rareclass_requests_total' "$work/metrics-rc.txt" \
    | sed 's/rareclass_requests_total{code="\([0-9]*\)",model="\([^"]*\)"} \(.*\)/\1 (\2): \3/' | tr '\n' ';')"
echo "total $((SECONDS - started)) s; outputs in $work"
