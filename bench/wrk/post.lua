-- Scenario 3: POST /orders (no Idempotency-Key), rotating over a small set of users' bearer tokens.
-- tokens_post.txt: one token per line.
local common = dofile((os.getenv("BENCH_WRK_DIR") or "bench/wrk") .. "/common.lua")
setup = common.setup
local headers = {}
local next_index = 0
local body = '{"product_name":"Bench item","amount":19.99}'

function init(args)
  for i, token in ipairs(common.lines("tokens_post.txt")) do
    headers[i] = { ["Authorization"] = "Bearer " .. token, ["Content-Type"] = "application/json" }
  end
  next_index = thread_index or 0
end

function request()
  next_index = next_index + 1
  return wrk.format("POST", "/orders", headers[(next_index % #headers) + 1], body)
end

function done(summary, latency, requests) common.report(summary, latency) end
