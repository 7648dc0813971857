#!/usr/bin/env bash
# The ledger benchmark (docs/benchmarks.md): LogTime over HTTP at 32 concurrent clients, the PostgreSQL ceiling
# (pgbench) on the same server in the same run, resident memory, a replay of 1,000,000 stored events, and the
# week view and invoice drafts among 1,000,000 entries. Not part of the test suite.
#
#   app/src/bench/run.sh            # from the project root; builds the jar if it is missing
#
# Knobs (environment): BENCH_CLIENTS (32), BENCH_REQUESTS (20000), BENCH_ENTRIES (1000000), BENCH_PG_PORT (55432),
# BENCH_APP_PORT (18080), BENCH_JAVA (java), BENCH_JAVA_OPTS (""), BENCH_PGBENCH_SECONDS (30), BENCH_READS (200),
# BENCH_PG_OPTS (extra server settings), BENCH_STATEMENTS=1 (after (1), the SQL statements LogTime ran, per request:
# needs BENCH_PG_OPTS="-c shared_preload_libraries=pg_stat_statements").
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/../../.." && pwd)
BENCH=$ROOT/app/src/bench
WORK=$ROOT/app/target/bench
PGDATA=/tmp/ledgerline-bench-pg
CLIENTS=${BENCH_CLIENTS:-32}
REQUESTS=${BENCH_REQUESTS:-20000}
ENTRIES=${BENCH_ENTRIES:-1000000}
PGPORT=${BENCH_PG_PORT:-55432}
APPPORT=${BENCH_APP_PORT:-18080}
JAVA=${BENCH_JAVA:-java}
PGBIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
BASE=http://localhost:$APPPORT
STATE=$WORK/state.properties

as_postgres() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}
psql_bench() {
  "$PGBIN/psql" -X -q -v ON_ERROR_STOP=1 -h localhost -p "$PGPORT" -U postgres -d ledgerline "$@"
}
cleanup() {
  [ -n "${APP_PID:-}" ] && kill "$APP_PID" 2>/dev/null && wait "$APP_PID" 2>/dev/null || true
  as_postgres "$PGBIN/pg_ctl" -D "$PGDATA" -m fast stop >/dev/null 2>&1 || true
}
trap cleanup EXIT

mkdir -p "$WORK"
rm -f "$STATE"
[ -f "$ROOT/app/target/ledgerline.jar" ] || (cd "$ROOT" && ./mvnw -B -q -DskipTests package)

echo "== machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB; $("$JAVA" -version 2>&1 | head -1);" \
     "PostgreSQL $("$PGBIN/postgres" --version | awk '{print $3}')"

# A dedicated PostgreSQL with production defaults (fsync and synchronous commits on), tuned only in memory.
rm -rf "$PGDATA" && mkdir -p "$PGDATA" && chown "$(id -u postgres 2>/dev/null || id -u)" "$PGDATA" 2>/dev/null || true
as_postgres "$PGBIN/initdb" -D "$PGDATA" -U postgres -A trust >/dev/null
as_postgres "$PGBIN/pg_ctl" -D "$PGDATA" -l "$PGDATA/server.log" -w start \
  -o "-p $PGPORT -c max_connections=200 -c shared_buffers=2GB -c work_mem=32MB -c maintenance_work_mem=512MB ${BENCH_PG_OPTS:-}" >/dev/null
"$PGBIN/createdb" -h localhost -p "$PGPORT" -U postgres ledgerline

# The server, on that database (which, being external, needs a secrets key: a throwaway one).
LEDGERLINE_SECRETS_KEY=${LEDGERLINE_SECRETS_KEY:-$(head -c 32 /dev/urandom | base64)} \
LEDGERLINE_DB_URL=jdbc:postgresql://localhost:$PGPORT/ledgerline LEDGERLINE_DATA_DIR=$WORK/data SERVER_PORT=$APPPORT \
  "$JAVA" ${BENCH_JAVA_OPTS:-} -Daxoniq.update-checker.disabled=true -jar "$ROOT/app/target/ledgerline.jar" \
  >"$WORK/server.log" 2>&1 &
APP_PID=$!
for _ in $(seq 1 120); do
  curl -fs "$BASE/actuator/health" >/dev/null 2>&1 && break
  sleep 1
done
curl -fs "$BASE/actuator/health" >/dev/null

bench() { "$JAVA" "$BENCH/LedgerBenchmark.java" "$1" "$BASE" "$STATE" "${@:2}"; }

echo "== 1. LogTime over HTTP"
bench setup "$CLIENTS"
BENCH_SERVER_PID=$APP_PID bench logtime "$CLIENTS" 2000 "$REQUESTS"

if [ "${BENCH_STATEMENTS:-0}" = 1 ]; then
  echo "== statements per LogTime request (pg_stat_statements, warm-up included)"
  psql_bench -c "CREATE EXTENSION IF NOT EXISTS pg_stat_statements" -c "
    SELECT round(calls::numeric / (SELECT count(*) FROM time_entry_view), 2) AS per_entry,
           round(mean_exec_time::numeric, 3) AS mean_ms, left(regexp_replace(query, '\s+', ' ', 'g'), 110) AS query
    FROM pg_stat_statements WHERE calls >= (SELECT count(*) FROM time_entry_view) / 2
    ORDER BY calls DESC LIMIT 40"
fi

echo "== 5. resident memory of the server after (1)"
echo "server RSS: $(awk '/VmRSS/ {printf "%.0f MiB", $2/1024}' /proc/$APP_PID/status)," \
     "heap committed per jcmd: $(jcmd $APP_PID GC.heap_info 2>/dev/null | awk '/total/ {print $0; exit}' || echo n/a)"

echo "== 2. PostgreSQL ceiling: pgbench, one-row inserts, $CLIENTS clients"
psql_bench -c "CREATE TABLE bench_insert (id BIGSERIAL PRIMARY KEY, org_id UUID NOT NULL, payload TEXT NOT NULL,
  created_at TIMESTAMPTZ NOT NULL DEFAULT now())"
"$PGBIN/pgbench" -n -h localhost -p "$PGPORT" -U postgres -c "$CLIENTS" -j 2 -T "${BENCH_PGBENCH_SECONDS:-30}" \
  -f "$BENCH/pgbench-insert.sql" ledgerline 2>/dev/null | grep -E "^(tps|latency|number of transactions actually)"

echo "== 3. replay of the time ledger from $ENTRIES stored events"
ORG=$(grep '^orgId=' "$STATE" | cut -d= -f2)
MEMBER=$(grep '^member.0.id=' "$STATE" | cut -d= -f2)
PROJECT=$(grep '^projectId=' "$STATE" | cut -d= -f2)
TASK=$(grep '^taskId=' "$STATE" | cut -d= -f2)
CLIENT=$(grep '^clientId=' "$STATE" | cut -d= -f2)
OWNER=$(grep '^ownerId=' "$STATE" | cut -d= -f2)
start=$(date +%s.%N)
psql_bench -v org="$ORG" -v member="$MEMBER" -v project="$PROJECT" -v task="$TASK" -v client="$CLIENT" \
  -v owner="$OWNER" -v entries="$ENTRIES" -f "$BENCH/seed-ledger.sql"
echo "seeded $ENTRIES TimeLogged events (and a year of approved weeks) in $(echo "$(date +%s.%N) - $start" | bc) s"
bench replay time-entries

echo "== 4. week view and invoice drafts for a member with a year of entries among $ENTRIES"
bench reads "${BENCH_READS:-200}"
