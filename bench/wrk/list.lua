-- Scenario 1: GET /orders?limit=20, the first page of a user who has 1,000 orders.
-- token_list.txt: that user's bearer token.
local common = dofile((os.getenv("BENCH_WRK_DIR") or "bench/wrk") .. "/common.lua")
setup = common.setup

function init(args)
  wrk.method = "GET"
  wrk.path = "/orders?limit=20"
  wrk.headers["Authorization"] = "Bearer " .. common.lines("token_list.txt")[1]
end

function done(summary, latency, requests) common.report(summary, latency) end
