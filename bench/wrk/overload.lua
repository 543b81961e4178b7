-- The overload scenario: scenario 1 (list.lua) or 3 (post.lua), as BENCH_OVERLOAD_SCENARIO says, counting the
-- answers by kind. A 503 with Retry-After: 1 is a request shed at once by the bound on order requests in flight
-- (MAX_ORDER_REQUESTS_IN_FLIGHT); any other 503 waited for a database connection first (Retry-After: 5). Adds to
-- the WRK_RESULT line: ok (2xx), shed, slow503, other (any other status).
local dir = os.getenv("BENCH_WRK_DIR") or "bench/wrk"
local common = dofile(dir .. "/common.lua")
dofile(dir .. "/" .. (os.getenv("BENCH_OVERLOAD_SCENARIO") or "list") .. ".lua")

-- main state: the threads, to read their counts at the end
local threads = {}
local scenario_setup = setup
function setup(thread)
  scenario_setup(thread)
  threads[#threads + 1] = thread
end

-- each thread's state: its own counts
ok, shed, slow503, other = 0, 0, 0, 0
function response(status, headers, body)
  if status >= 200 and status < 300 then
    ok = ok + 1
  elseif status == 503 then
    if headers["Retry-After"] == "1" then shed = shed + 1 else slow503 = slow503 + 1 end
  else
    other = other + 1
  end
end

function done(summary, latency, requests)
  local totals = { ok = 0, shed = 0, slow503 = 0, other = 0 }
  for _, thread in ipairs(threads) do
    for name in pairs(totals) do totals[name] = totals[name] + thread:get(name) end
  end
  common.report(summary, latency, string.format(" ok=%d shed=%d slow503=%d other=%d",
    totals.ok, totals.shed, totals.slow503, totals.other))
end
