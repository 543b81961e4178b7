-- The HTTP floor of bench/floors: GET /ping on the bare stack (no database, no JSON), with the same Authorization
-- header as scenario 1, so that the request is the same size. token_list.txt: the (bare) bearer token.
local common = dofile((os.getenv("BENCH_WRK_DIR") or "bench/wrk") .. "/common.lua")
setup = common.setup

function init(args)
  wrk.method = "GET"
  wrk.path = "/ping"
  wrk.headers["Authorization"] = "Bearer " .. common.lines("token_list.txt")[1]
end

function done(summary, latency, requests) common.report(summary, latency) end
