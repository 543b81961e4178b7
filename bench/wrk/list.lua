-- Scenario 1: GET /orders?limit=20, the first page of the list user (1,000,000 orders).
-- token_list.txt: that user's bearer token. BENCH_TOKEN_FILE names another user's token file, BENCH_LIST_QUERY
-- another query (status=completed&limit=20).
local common = dofile((os.getenv("BENCH_WRK_DIR") or "bench/wrk") .. "/common.lua")
setup = common.setup

function init(args)
  wrk.method = "GET"
  wrk.path = "/orders?" .. (os.getenv("BENCH_LIST_QUERY") or "limit=20")
  wrk.headers["Authorization"] = "Bearer " .. common.lines(os.getenv("BENCH_TOKEN_FILE") or "token_list.txt")[1]
end

function done(summary, latency, requests) common.report(summary, latency) end
