#!/usr/bin/env bash
# Benchmark: POST /hooks/ghl through the whole hub versus the raw PostgreSQL single-row insert limit,
# measured in the same run, on the same PostgreSQL, on this machine. Loopback only, bounded in time.
#
#   bench/run.sh                      # 1, 8 and 32 concurrent clients, 20 s each, writes docs/PERFORMANCE.md
#   BENCH_DURATION=10 bench/run.sh    # shorter
#   HUB_JAVA_OPTS="-XX:+UseParallelGC" bench/run.sh   # JVM options for the hub (also bench/profile.sh)
#
# Needs: Java 17, wrk, pgbench/psql and pidstat (Debian: apt-get install wrk postgresql-client sysstat).
set -euo pipefail
cd "$(dirname "$0")/.."

DURATION=${BENCH_DURATION:-20}
WARMUP=${BENCH_WARMUP:-40}
# Before each level, the hub runs at that level's concurrency: a new load shape (batch sizes, thread counts)
# sends the JIT back to compiling, and that belongs in no measured phase.
LEVEL_WARMUP=${BENCH_LEVEL_WARMUP:-10}
LEVELS=${BENCH_CONCURRENCY:-"1 8 32"}
HUB_PORT=${BENCH_HUB_PORT:-18080}
PG_PORT=${BENCH_PG_PORT:-55432}
OUT=bench/out
REPORT=docs/PERFORMANCE.md

for tool in java jstat wrk pgbench psql pidstat; do
  command -v "$tool" >/dev/null || { echo "bench: '$tool' not found (apt-get install wrk postgresql-client sysstat)" >&2; exit 1; }
done

rm -rf "$OUT" && mkdir -p "$OUT"
source bench/hub.sh
build_jar
trap stop_hub EXIT
start_hub
seed_bench_tenant
# The raw limit once more, into a copy that also carries the leads table's foreign key to its tenant: the same
# table definition the hub writes to. (LIKE copies no foreign keys.) Every insert then checks and locks the one
# tenant row, which the hub's group commit does once per batch.
"${PSQL[@]}" <<SQL
CREATE TABLE bench_raw_leads_fk (LIKE leads INCLUDING DEFAULTS INCLUDING INDEXES,
                                 FOREIGN KEY (tenant_id) REFERENCES tenants (id));
SQL
sed 's/bench_raw_leads/bench_raw_leads_fk/' bench/raw-insert.sql > "$OUT/raw-insert-fk.sql"

# Average %CPU over a measured phase: of the hub's JVM (by pid) and of every postgres process, from pidstat.
# Arguments: pidstat output, command name, pid, seconds sampled.
cpu_of() { awk -v cmd="$2" -v pid="$3" -v n="$4" '$0 !~ /^#/ && NF > 8 && ($NF == cmd || $3 == pid) {sum += $8} END {printf "%.0f", sum / n}' "$1"; }
# CPU milliseconds per unit of work: %CPU (100 = one core for one second) * 10 / units per second.
ms_per() { awk -v cpu="$1" -v rate="$2" 'BEGIN {printf "%.3f", (rate > 0 ? cpu * 10 / rate : 0)}'; }

# Percentile of a list of numbers (one per line), in the unit given.
percentile() { sort -n | awk -v p="$1" '{a[NR]=$1} END {if (NR==0) {print "n/a"; exit} i=int(NR*p/100); if (i<1) i=1; if (i>NR) i=NR; print a[i]}'; }
# wrk prints latencies as 850.00us / 1.23ms / 1.02s: to milliseconds.
to_ms_lines() { awk '{v=$1; if (v ~ /us$/) {sub(/us$/,"",v); v=v/1000} else if (v ~ /ms$/) {sub(/ms$/,"",v)} else if (v ~ /s$/) {sub(/s$/,"",v); v=v*1000}; printf "%.2f\n", v}'; }
# Seconds the JIT compiler has spent so far (jstat): compiling during a measured phase means the hub was not warm.
jit_seconds() { jstat -compiler "$HUB_PID" | awk 'NR == 2 {print $4}'; }
leads_count() { "${PSQL[@]}" -c "SELECT count(*) FROM leads WHERE tenant_id = '$TENANT'"; }

warm_up "$WARMUP"

# Every phase starts right after a checkpoint. Otherwise the one PostgreSQL runs every few minutes lands in
# whichever phase it falls in: that phase pays for writing the dirty pages out, and for the full-page images its
# inserts then log, and the one beside it does not.
checkpoint() { "${PSQL[@]}" -c "CHECKPOINT"; }

# One phase of the raw limit: pgbench for $3 seconds at $1 clients, tagged $2, into the plain copy of leads
# (kind raw) or the copy with the tenant foreign key (kind rawfk, $4).
raw_phase() {
  local c=$1 tag=$2 secs=$3 kind=${4:-raw} t cpu_pid script=../raw-insert.sql
  t=$(threads_for "$c")
  if [ "$kind" = rawfk ]; then script=raw-insert-fk.sql; fi
  echo "bench: raw insert limit ($kind), $c client(s), ${secs}s ($tag)"
  checkpoint
  pidstat -u -h 1 "$secs" > "$OUT/cpu-$kind-c$c-$tag.txt" & cpu_pid=$!
  # Prepared statements, as the hub's JDBC driver uses: the simple protocol would understate the raw limit.
  (cd "$OUT" && pgbench -h 127.0.0.1 -p "$PG_PORT" -U postgres -n -M prepared -f "$script" -c "$c" -j "$t" \
      -T "$secs" -D phase="raw-$(date +%s)-c$c-$tag" -D n=0 -l --log-prefix="$kind-c$c-$tag" postgres > "$kind-c$c-$tag.txt" 2>&1)
  wait "$cpu_pid"
}

# One phase of the hub: wrk POSTing GHL leads for $3 seconds over $1 connections, tagged $2.
hub_phase() {
  local c=$1 tag=$2 secs=$3 t cpu_pid before after jit_before
  t=$(threads_for "$c")
  echo "bench: hub POST /hooks/ghl, $c connection(s), ${secs}s ($tag)"
  checkpoint
  before=$(leads_count)
  jit_before=$(jit_seconds)
  pidstat -u -h 1 "$secs" > "$OUT/cpu-hub-c$c-$tag.txt" & cpu_pid=$!
  BENCH_RUN_ID="$(date +%s)-c$c-$tag" wrk -t"$t" -c"$c" -d"${secs}s" --latency -s bench/ghl-lead.lua \
      "http://127.0.0.1:$HUB_PORT" > "$OUT/hub-c$c-$tag.txt"
  wait "$cpu_pid"
  after=$(leads_count)
  echo $((after - before)) > "$OUT/hub-c$c-$tag.committed"
  awk -v a="$(jit_seconds)" -v b="$jit_before" 'BEGIN {printf "%.2f\n", a - b}' > "$OUT/hub-c$c-$tag.jit"
}

# Each level runs raw, raw with the foreign key, hub, hub, then the two raws again (half the duration each): the
# machine's speed drifts over minutes, and this order gives every column the same average moment, so the drift
# cancels out of the ratios.
# Mean transactions per second of a raw kind's two phases at $2 clients; hub rate over raw rate.
tps_of() { cat "$OUT/$1"-c"$2"-[ab].txt | grep -oE 'tps = [0-9.]+' | awk '{s += $3} END {printf "%.0f", s / NR}'; }
ratio_of() { awk -v h="$1" -v r="$2" 'BEGIN {printf "%.2f", (r>0 ? h/r : 0)}'; }

HALF=$(( (DURATION + 1) / 2 ))
ROWS=()
for c in $LEVELS; do
  warm_up "$LEVEL_WARMUP" "$c"
  raw_phase "$c" a "$HALF"; raw_phase "$c" a "$HALF" rawfk
  hub_phase "$c" a "$HALF"; hub_phase "$c" b "$HALF"
  raw_phase "$c" b "$HALF" rawfk; raw_phase "$c" b "$HALF"
  secs=$((2 * HALF))
  raw_tps=$(tps_of raw "$c")
  rawfk_tps=$(tps_of rawfk "$c")
  raw_p50=$(cat "$OUT"/raw-c"$c"-[ab].[0-9]* | awk '{print $3/1000}' | percentile 50)
  raw_p99=$(cat "$OUT"/raw-c"$c"-[ab].[0-9]* | awk '{print $3/1000}' | percentile 99)
  committed=$(cat "$OUT"/hub-c"$c"-[ab].committed | awk '{s += $1} END {print s}')
  hub_rps=$(awk -v n="$committed" -v d="$secs" 'BEGIN {printf "%.0f", n/d}')
  errors=$(cat "$OUT"/hub-c"$c"-[ab].txt | awk '/Non-2xx or 3xx responses:/ {s += $NF} END {print s + 0}')
  # wrk reports percentiles per run: the median of the two medians, and the worse of the two p99s.
  hub_p50=$(cat "$OUT"/hub-c"$c"-[ab].txt | awk '$1=="50%" {print $2}' | to_ms_lines | awk '{s += $1} END {printf "%.2f", s / NR}')
  hub_p99=$(cat "$OUT"/hub-c"$c"-[ab].txt | awk '$1=="99%" {print $2}' | to_ms_lines | sort -n | tail -1)
  jit=$(cat "$OUT"/hub-c"$c"-[ab].jit | awk '{s += $1} END {printf "%.1f", s}')
  ratio=$(ratio_of "$hub_rps" "$raw_tps")
  ratio_fk=$(ratio_of "$hub_rps" "$rawfk_tps")
  cat "$OUT"/cpu-hub-c"$c"-[ab].txt > "$OUT/cpu-hub-c$c.txt"
  cat "$OUT"/cpu-raw-c"$c"-[ab].txt > "$OUT/cpu-raw-c$c.txt"
  hub_jvm_ms=$(ms_per "$(cpu_of "$OUT/cpu-hub-c$c.txt" java "$HUB_PID" "$secs")" "$hub_rps")
  hub_pg_ms=$(ms_per "$(cpu_of "$OUT/cpu-hub-c$c.txt" postgres - "$secs")" "$hub_rps")
  raw_pg_ms=$(ms_per "$(cpu_of "$OUT/cpu-raw-c$c.txt" postgres - "$secs")" "$raw_tps")
  ROWS+=("| $c | $hub_rps | $hub_p50 | $hub_p99 | $raw_tps | $(printf '%.2f' "$raw_p50") | $(printf '%.2f' "$raw_p99") | **$ratio** | $hub_jvm_ms | $hub_pg_ms | $raw_pg_ms | $rawfk_tps | $ratio_fk | $jit | ${errors:-0} |")
  echo "bench:   hub $hub_rps leads/s (p50 $hub_p50 ms, p99 $hub_p99 ms), raw $raw_tps inserts/s, ratio $ratio (raw with the foreign key $rawfk_tps, ratio $ratio_fk); CPU ms per lead: JVM $hub_jvm_ms, PostgreSQL $hub_pg_ms (raw insert: $raw_pg_ms); JIT compiling ${jit}s"
done

CPU=$(lscpu 2>/dev/null | awk -F: '/Model name/ {gsub(/^ +/, "", $2); print $2; exit}')
MEM=$(free -g | awk '/Mem:/ {print $2 " GiB"}')
PGV=$("${PSQL[@]}" -c "SHOW server_version")
{
  echo "<!-- bench:start -->"
  echo "### Run of $(date -u +%Y-%m-%d) ($(date -u +%H:%MZ))"
  echo
  echo "- Machine: $(nproc) cores ($CPU), $MEM; hub, PostgreSQL, wrk and pgbench share it."
  echo "- Database: embedded PostgreSQL $PGV, fsync and synchronous_commit on, one server for every column."
  echo "- Command: \`BENCH_DURATION=$DURATION bench/run.sh\` (levels: $LEVELS; ${WARMUP}s warm-up first, then ${LEVEL_WARMUP}s"
  echo "  at each level's concurrency; each level runs raw, raw FK, hub, hub, raw FK, raw for $HALF s each, so"
  echo "  drift in the machine's speed cancels out of the ratios)."
  echo "- Hub: each request is a new GoHighLevel lead (unique contact_id): authenticate, parse, map, validate,"
  echo "  upsert + history event in one transaction (shared with concurrent requests by group commit), answered"
  echo "  after the commit. leads/s counts rows actually committed."
  echo "- Raw: pgbench (prepared statements), one autocommitted INSERT of the same row shape into a copy of the"
  echo "  leads table. The goal's ratio, hub/raw, is against it."
  echo "- Raw FK: the same, into a copy that also has the leads table's foreign key to tenants (the table the hub"
  echo "  writes to has it; LIKE copies none), so every insert checks and locks the tenant row. For comparison only."
  echo "- CPU ms per lead: average %CPU over the phase (pidstat, 1 s samples) divided by the rate; 2 cores give"
  echo "  2,000 CPU ms per second to share between wrk or pgbench, the JVM and PostgreSQL."
  echo "- hub JIT compile s: time the JVM's JIT compiler spent during the level's hub phases (jstat); near 0"
  echo "  means the hub was measured warm."
  echo
  echo "| clients | hub leads/s | hub p50 ms | hub p99 ms | raw inserts/s | raw p50 ms | raw p99 ms | hub/raw | hub JVM CPU ms/lead | hub PostgreSQL CPU ms/lead | raw PostgreSQL CPU ms/insert | raw FK inserts/s | hub/raw FK | hub JIT compile s | hub non-2xx |"
  echo "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
  printf '%s\n' "${ROWS[@]}"
  echo "<!-- bench:end -->"
} > "$OUT/results.md"

if [ -f "$REPORT" ] && grep -q '<!-- bench:start -->' "$REPORT"; then
  awk -v results="$OUT/results.md" '
    /<!-- bench:start -->/ {while ((getline line < results) > 0) print line; skip=1; next}
    /<!-- bench:end -->/ {skip=0; next}
    !skip {print}' "$REPORT" > "$OUT/report.md" && mv "$OUT/report.md" "$REPORT"
else
  cat "$OUT/results.md" >> "$REPORT"
fi
echo "bench: results written to $REPORT"
cat "$OUT/results.md"
