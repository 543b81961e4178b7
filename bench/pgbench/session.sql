-- Not a pgbench script: the session setting of the service's pools (Database.PLAN_EACH_STATEMENT_ONCE, which
-- BenchStatementsTest holds it to), so that the benchmark plans each prepared statement as the service does.
-- bench/lib.sh hands it to pgbench as PGOPTIONS; bench/Floors.java runs it on every connection.
SET plan_cache_mode = force_generic_plan;
