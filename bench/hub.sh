# Shared by bench/run.sh and bench/profile.sh (sourced, not run): build the jar, start the hub on its embedded
# PostgreSQL in a scratch directory, and give it a bench tenant. Sets HUB_PID, PSQL, TENANT and BENCH_API_KEY.
# Expects HUB_PORT, PG_PORT and OUT; the caller's EXIT trap should call stop_hub.

# wrk threads for a number of connections: wrk needs at least one connection per thread.
threads_for() { [ "$1" -lt 2 ] && echo 1 || echo 2; }
random_hex() { head -c "$1" /dev/urandom | od -An -tx1 | tr -d ' \n'; }

build_jar() {
  echo "bench: building the jar"
  ./mvnw -q -B -ntp -DskipTests package
  JAR=$(ls target/lead-intake-hub-*.jar | grep -v '\.original$' | head -1)
}

start_hub() {
  export HUB_ADMIN_KEY=$(random_hex 24) HUB_SECRET_KEY=$(random_hex 32)
  echo "bench: starting the hub on :$HUB_PORT with its embedded PostgreSQL on :$PG_PORT (fsync on)"
  # shellcheck disable=SC2086  # HUB_JAVA_OPTS is a list of JVM options, split on purpose
  java ${HUB_JAVA_OPTS:-} -jar "$JAR" --server.port="$HUB_PORT" \
    --hub.embedded-db.port="$PG_PORT" --hub.embedded-db.data-dir="$OUT/pgdata" \
    --logging.level.root=WARN > "$OUT/hub.log" 2>&1 &
  HUB_PID=$!
  for _ in $(seq 1 120); do
    curl -fs "http://127.0.0.1:$HUB_PORT/actuator/health" >/dev/null 2>&1 && return 0
    kill -0 "$HUB_PID" 2>/dev/null || { echo "bench: hub exited, see $OUT/hub.log" >&2; exit 1; }
    sleep 1
  done
  echo "bench: hub did not become healthy, see $OUT/hub.log" >&2
  exit 1
}

stop_hub() {
  kill "$HUB_PID" 2>/dev/null
  wait "$HUB_PID" 2>/dev/null || true
}

seed_bench_tenant() {
  # The embedded cluster opens only to its password, kept beside its data directory (mode 0600); psql and pgbench
  # read it from PGPASSWORD.
  PGPASSWORD=$(cat "$OUT/pgdata.password")
  export PGPASSWORD
  PSQL=(psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres -qAt -v ON_ERROR_STOP=1)
  TENANT=00000000-0000-0000-0000-00000000b0b0
  export BENCH_API_KEY="il_live_bench$(random_hex 12)"
  "${PSQL[@]}" <<SQL
INSERT INTO tenants (id, practice_name, slug, first_name, last_name, email)
VALUES ('$TENANT', 'Bench', 'bench', 'Bench', 'Owner', 'bench@example.com');
INSERT INTO api_keys (id, tenant_id, key_hash, key_prefix)
VALUES (gen_random_uuid(), '$TENANT', sha256(convert_to('$BENCH_API_KEY', 'UTF8')), 'il_live_benc');
-- The raw limit writes the same row shape into a copy of leads with the same defaults and indexes.
CREATE TABLE bench_raw_leads (LIKE leads INCLUDING DEFAULTS INCLUDING INDEXES);
SQL
}

# Long enough for the JIT to finish compiling the hot path: a cold JVM measures the compiler, not the hub.
# Arguments: seconds, connections (default 32).
warm_up() {
  local c=${2:-32}
  echo "bench: warming the hub up for ${1}s at $c connection(s)"
  BENCH_RUN_ID="$(date +%s)-warmup-c$c" wrk -t"$(threads_for "$c")" -c"$c" -d"${1}s" \
      -s bench/ghl-lead.lua "http://127.0.0.1:$HUB_PORT" > "$OUT/warmup-c$c.txt"
}
