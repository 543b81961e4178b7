# bench/lib.sh: what bench/run and bench/floors share, sourced first by both. Sets ROOT (the repository) and the
# defaults both read; each script sets LOG_NAME (the prefix of its log lines) and BASE (the service's URL) itself.

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BENCH_DATABASE_URL=${BENCH_DATABASE_URL:-postgresql://postgres@127.0.0.1:5432/bench_orders}
CORES=$(nproc)

# The benchmark's users, registered by bench/run: the list user (scenarios 1 and 2, 1,000,000 orders), two more list
# users with 20 and 10,000 (the list's cost against the size of a history), the post users user1..user$POST_USERS
# (scenario 3's tokens in rotation; log-ins also rotate over further userN).
PASSWORD=bench-password-1
LIST_EMAIL=list@bench.invalid
LIST_SMALL_EMAIL=list-small@bench.invalid
LIST_MEDIUM_EMAIL=list-medium@bench.invalid
POST_USERS=8

log() { printf '[%s %s] %s\n' "$LOG_NAME" "$(date -u +%H:%M:%S)" "$*" >&2; }

PSQL=(psql -X -q -v ON_ERROR_STOP=1 -At)
sql() { "${PSQL[@]}" "$BENCH_DATABASE_URL" "$@"; }
user_id() { sql -c "SELECT id FROM users WHERE lower(email) = lower('$1')"; }

# read_user_ids: LIST_UID, POST_FIRST_UID, POST_LAST_UID (the post users were registered one after the other)
read_user_ids() {
  LIST_UID=$(user_id "$LIST_EMAIL")
  [[ -n "$LIST_UID" ]] || { echo "the database has no list user: run bench/run first" >&2; exit 1; }
  POST_FIRST_UID=$(user_id user1@bench.invalid)
  POST_LAST_UID=$(user_id "user$POST_USERS@bench.invalid")
  (( POST_LAST_UID - POST_FIRST_UID + 1 == POST_USERS )) || { echo "post users' ids are not contiguous" >&2; exit 1; }
}

# write_order_ids FILE: ids of the list user's orders, one a line, at most 10,000 spread evenly over the history
# (scenario 2 rotates over them); FIRST_OID, LAST_OID: the user's first and last
write_order_ids() {
  sql -c "SELECT id FROM (SELECT id, row_number() OVER (ORDER BY id) AS n, count(*) OVER () AS total
                          FROM orders WHERE user_id = $LIST_UID) AS o
          WHERE (n - 1) % GREATEST(total / 10000, 1) = 0 ORDER BY id" >"$1"
  FIRST_OID=$(head -1 "$1")
  LAST_OID=$(tail -1 "$1")
}

# bare_token USER_ID LENGTH: a token of the bare stack (bench/Floors.java http), which names the user, padded to the
# length of the service's tokens so that both parse headers of the same size
bare_token() {
  local t="bare-$1-"; printf '%s%s\n' "$t" "$(head -c $(( $2 - ${#t} )) /dev/zero | tr '\0' x)"
}

# token_for EMAIL: prints the service's access token for that user and a newline
token_for() {
  local token
  token=$(curl -fsS -X POST "$BASE/auth/login" -H 'Content-Type: application/json' \
    -d "{\"email\":\"$1\",\"password\":\"$PASSWORD\"}" | sed -n 's/.*"access_token":"\([^"]*\)".*/\1/p')
  [[ -n "$token" ]] || { echo "log-in of $1 failed" >&2; exit 1; }
  printf '%s\n' "$token"
}

# refresh_tokens DIR: fresh tokens (ACCESS_TOKEN_EXPIRE_MINUTES, default 15) in the files the wrk scripts read,
# DIR/token_list.txt (the list user's; token_list_small.txt and token_list_medium.txt the other list users') and
# DIR/tokens_post.txt (the post users', one a line)
refresh_tokens() {
  local i
  token_for "$LIST_EMAIL" >"$1/token_list.txt"
  token_for "$LIST_SMALL_EMAIL" >"$1/token_list_small.txt"
  token_for "$LIST_MEDIUM_EMAIL" >"$1/token_list_medium.txt"
  : >"$1/tokens_post.txt"
  for i in $(seq 1 "$POST_USERS"); do token_for "user$i@bench.invalid" >>"$1/tokens_post.txt"; done
}

# wait_ready PID URL LOGFILE: until URL/health/ready answers 200; fails when the process exits first or after 60 s
wait_ready() {
  local t0; t0=$(date +%s%N)
  until curl -fs -o /dev/null "$2/health/ready"; do
    if ! kill -0 "$1" 2>/dev/null; then
      echo "process $1 exited during start-up; see $3" >&2; tail -20 "$3" >&2; exit 1
    fi
    if (( ($(date +%s%N) - t0) > 60000000000 )); then echo "not ready after 60 s; see $3" >&2; exit 1; fi
    sleep 0.01
  done
}

# Processes the script started in the background: at exit, after the script's own on_exit (when it defines one),
# they are killed and waited for.
BACKGROUND_PIDS=()
cleanup() {
  set +e
  if declare -F on_exit >/dev/null; then on_exit; fi
  local pid
  for pid in "${BACKGROUND_PIDS[@]}"; do kill "$pid" 2>/dev/null; done
  wait 2>/dev/null
}
trap cleanup EXIT

# CPU time from /proc, in clock ticks (TICKS_PER_S a second)
TICKS_PER_S=$(getconf CLK_TCK)

# the whole machine: all but idle and iowait
machine_ticks() { awk '/^cpu / {print $2 + $3 + $4 + $7 + $8 + $9}' /proc/stat; }

# one process (user + system)
process_ticks() { awk '{print $14 + $15}' "/proc/$1/stat" 2>/dev/null || echo 0; }

# one JVM's JIT compiler threads (named "C1 CompilerThre..." and "C2 CompilerThre...")
jit_ticks() {
  local total=0 task
  for task in /proc/"$1"/task/*; do
    if [[ $(cat "$task/comm" 2>/dev/null) == C[12]\ CompilerThre* ]]; then
      total=$(( total + $(awk '{print $14 + $15}' "$task/stat" 2>/dev/null || echo 0) ))
    fi
  done
  echo "$total"
}

# field NAME LINE: the value of NAME=value in a result line
field() { sed -n "s/.* $1=\([^ ]*\).*/\1/p" <<<"$2"; }

# wrk_measure PID URL SCRIPT CONNECTIONS SECONDS: wrk's WRK_RESULT line for bench/wrk/SCRIPT.lua (which reads its
# tokens and ids from BENCH_DATA_DIR) against URL, with the CPU time per request spent by process PID (svc_cpu_ms)
# and by everything else on the machine (other_cpu_ms: PostgreSQL, wrk, the kernel's share), and the share of one
# core PID's JIT compiler threads used meanwhile (jit_core: near 0 at steady state)
wrk_measure() {
  local pid=$1 url=$2 script=$3 c=$4 seconds=$5 m0 p0 j0 out m1 p1 j1 n
  m0=$(machine_ticks); p0=$(process_ticks "$pid"); j0=$(jit_ticks "$pid")
  out=$(wrk -t "$(( c < CORES ? c : CORES ))" -c "$c" -d "${seconds}s" --timeout 30s -s "$ROOT/bench/wrk/$script.lua" \
    "$url" | grep '^WRK_RESULT')
  m1=$(machine_ticks); p1=$(process_ticks "$pid"); j1=$(jit_ticks "$pid")
  n=$(field requests "$out")
  awk -v out="$out" -v n="$n" -v dm=$((m1 - m0)) -v dp=$((p1 - p0)) -v dj=$((j1 - j0)) -v hz="$TICKS_PER_S" \
      -v s="$seconds" 'BEGIN {
    if (n > 0) printf "%s svc_cpu_ms=%.3f other_cpu_ms=%.3f jit_core=%.3f\n", out, dp * 1000 / hz / n,
      (dm - dp) * 1000 / hz / n, dj / hz / s
    else print out }'
}

# pgbench_scenario SCENARIO CONNECTIONS SECONDS [pgbench options]: pgbench -M prepared runs the statements of one
# request of SCENARIO (bench/pgbench/SCENARIO.sql) on the benchmark's users and orders, planned as the service's
# sessions plan them (bench/pgbench/session.sql as PGOPTIONS); prints pgbench's output. Besides the ids, it binds the
# values the service binds for that request, where the scripts name the service's parameters: the first page of 20
# orders (limit + 1 rows, no cursor: for each NULL, which pgbench cannot bind, the value its COALESCE takes instead)
# and the order wrk posts, stamped 'now' (as a timestamptz input: the transaction's start).
PGBENCH_VALUES=(-D limit=21 -D afterCreatedAt=infinity -D afterId=9223372036854775807
  -D "productName=Bench item" -D amount=19.99 -D status=pending -D toStatus=pending -D actor=user -D sequence=1
  -D createdAt=now -D updatedAt=now -D at=now)
PGBENCH_SESSION=$(sed -n 's/^SET \([a-z_]*\) = \([a-z_]*\);$/-c \1=\2/p' "$ROOT/bench/pgbench/session.sql")
pgbench_scenario() {
  local scenario=$1 c=$2 seconds=$3; shift 3
  PGOPTIONS=$PGBENCH_SESSION pgbench -n -M prepared -c "$c" -j "$(( c < CORES ? c : CORES ))" -T "$seconds" \
    -D list_uid="$LIST_UID" -D first_oid="$FIRST_OID" -D last_oid="$LAST_OID" -D post_first_uid="$POST_FIRST_UID" \
    -D post_last_uid="$POST_LAST_UID" "${PGBENCH_VALUES[@]}" "$@" -f "$ROOT/bench/pgbench/$scenario.sql" \
    "$BENCH_DATABASE_URL" 2>&1
}

# The result files' header lines
cpu_model() { sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -1; }
java_version() { java -version 2>&1 | head -1; }
commit_id() {
  echo "$(git rev-parse --short HEAD 2>/dev/null || echo '?')$(git diff --quiet 2>/dev/null || echo ' (with local changes)')"
}

# publish FILE: the script's report (its own function) into FILE, its table (another) on the terminal too
publish() {
  report >"$1"
  echo; table; echo
  log "written to ${1#"$ROOT"/}"
}
