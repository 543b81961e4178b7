-- Scenario 4: POST /auth/login with the right password, rotating over pre-registered users (one bcrypt verification
-- at the configured cost per request). users_login.txt: "email password" per line.
local common = dofile((os.getenv("BENCH_WRK_DIR") or "bench/wrk") .. "/common.lua")
setup = common.setup
local bodies = {}
local next_index = 0
local headers = { ["Content-Type"] = "application/json" }

function init(args)
  for i, line in ipairs(common.lines("users_login.txt")) do
    local email, password = line:match("^(%S+)%s+(%S+)$")
    bodies[i] = string.format('{"email":"%s","password":"%s"}', email, password)
  end
  next_index = (thread_index or 0) * 3
end

function request()
  next_index = next_index + 1
  return wrk.format("POST", "/auth/login", headers, bodies[(next_index % #bodies) + 1])
end

function done(summary, latency, requests) common.report(summary, latency) end
