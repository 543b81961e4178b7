-- The HTTP floor of bench/floors: scenario 1's request (the same Authorization header, so the same size), sent to
-- GET /ping on the bare stack, which answers without a database or JSON. token_list.txt: the (bare) bearer token.
dofile((os.getenv("BENCH_WRK_DIR") or "bench/wrk") .. "/list.lua")
local list_init = init

function init(args)
  list_init(args)
  wrk.path = "/ping"
end
