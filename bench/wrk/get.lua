-- Scenario 2: GET /orders/{id}, rotating through ids of the token's own user's orders.
-- token_list.txt: the user's bearer token; order_ids.txt: ids of that user's orders.
local common = dofile((os.getenv("BENCH_WRK_DIR") or "bench/wrk") .. "/common.lua")
setup = common.setup
local ids, headers
local next_index = 0

function init(args)
  ids = common.lines("order_ids.txt")
  next_index = (thread_index or 0) * 7919
  headers = { ["Authorization"] = "Bearer " .. common.lines("token_list.txt")[1] }
end

function request()
  next_index = next_index + 1
  return wrk.format("GET", "/orders/" .. ids[(next_index % #ids) + 1], headers)
end

function done(summary, latency, requests) common.report(summary, latency) end
