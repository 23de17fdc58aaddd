-- wrk script of the serving benchmark: POSTs the JSON bodies of a file (one body a line, as bodies.py writes them)
-- to the URL given to wrk, each connection cycling through them, and prints one line of figures at the end.
--   wrk -t T -c C -d 10s --timeout 30s -s post.lua URL -- BODIES.jsonl
-- The requests are formatted once per thread (init), so a request costs wrk no Lua work but returning a string.
-- done() prints
--   RESULT requests=R seconds=S rps=X p50_ms=.. p90_ms=.. p99_ms=.. max_ms=.. mean_ms=.. non2xx=N
--          connect=.. read=.. write=.. timeout=.. bytes_in=..
-- where non2xx is wrk's count of answers with a status of 400 or more (wrk counts no other status as an error; every
-- answer of these servers is 200 or 4xx/5xx), and connect/read/write/timeout are its socket errors.

local requests = {}
local next_request = 1
local threads = 0

local function read_bodies(path)
   local bodies = {}
   local f = assert(io.open(path, "r"), "cannot read " .. tostring(path))
   for line in f:lines() do
      if #line > 0 then bodies[#bodies + 1] = line end
   end
   f:close()
   assert(#bodies > 0, "no bodies in " .. path)
   return bodies
end

function setup(thread)
   -- a different starting body per thread, so that the threads do not send the same body at the same moment
   thread:set("offset", threads)
   threads = threads + 1
end

function init(args)
   local headers = { ["Content-Type"] = "application/json" }
   for _, body in ipairs(read_bodies(args[1])) do
      requests[#requests + 1] = wrk.format("POST", nil, headers, body)
   end
   next_request = ((tonumber(offset) or 0) % #requests) + 1
end

function request()
   local r = requests[next_request]
   next_request = next_request % #requests + 1
   return r
end

function done(summary, latency, _)
   local s = summary.duration / 1e6
   local e = summary.errors
   io.write(string.format(
      "RESULT requests=%d seconds=%.3f rps=%.1f p50_ms=%.3f p90_ms=%.3f p99_ms=%.3f max_ms=%.3f mean_ms=%.3f "
      .. "non2xx=%d connect=%d read=%d write=%d timeout=%d bytes_in=%d\n",
      summary.requests, s, summary.requests / s,
      latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000,
      latency.max / 1000, latency.mean / 1000,
      e.status, e.connect, e.read, e.write, e.timeout, summary.bytes))
end
