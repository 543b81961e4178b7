-- Shared by the scenario scripts (loaded with dofile). Data files are written by bench/run into
-- $BENCH_DATA_DIR; each line is one token, one id or one "email password" pair.
local common = {}

function common.lines(name)
  local dir = os.getenv("BENCH_DATA_DIR") or "."
  local path = dir .. "/" .. name
  local file = assert(io.open(path, "r"), "cannot open " .. path)
  local out = {}
  for line in file:lines() do
    if line ~= "" then out[#out + 1] = line end
  end
  file:close()
  assert(#out > 0, path .. " is empty")
  return out
end

-- One parseable line per run: bench/run greps "WRK_RESULT". Latencies are in microseconds in wrk; we print ms.
-- extra: more " name=value" fields for the end of the line, or nil.
function common.report(summary, latency, extra)
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
  io.write(string.format(
    "WRK_RESULT requests=%d seconds=%.3f req_s=%.1f p50_ms=%.2f p99_ms=%.2f max_ms=%.2f socket_errors=%d non2xx=%d%s\n",
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    errors, summary.errors.status, extra or ""))
end

-- Each wrk thread gets its own Lua state; an offset per thread spreads them over the data.
local thread_counter = 0
function common.setup(thread)
  thread:set("thread_index", thread_counter)
  thread_counter = thread_counter + 1
end

return common
