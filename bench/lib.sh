# Shared by bench/run and bench/floors (sourced): CPU time from /proc, in clock ticks (getconf CLK_TCK per second).

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
