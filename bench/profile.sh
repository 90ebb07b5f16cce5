#!/usr/bin/env bash
# Where the hub's JVM time goes under the benchmark's load: starts the hub as bench/run.sh does, warms it up,
# then samples its CPU with async-profiler for a bounded time while wrk posts GHL leads at 32 connections.
#
#   bench/profile.sh                         # 20 s at 32 connections
#   PROFILE_SECONDS=30 PROFILE_CONNECTIONS=8 bench/profile.sh
#
# Writes bench/out/profile.html (a flame graph to open in a browser) and bench/out/profile.collapsed (one line
# per stack), and prints the hottest methods and the share of each part of the stack. async-profiler comes
# from Maven Central (tools.profiler:async-profiler) and is loaded into the running JVM with jcmd; it samples
# with a CPU timer (event=itimer), which works on VMs without hardware performance counters.
# Needs: Java 17 (with jcmd), wrk, psql (Debian: apt-get install wrk postgresql-client). Linux x64 only.
set -euo pipefail
cd "$(dirname "$0")/.."

SECONDS_PROFILED=${PROFILE_SECONDS:-20}
CONNECTIONS=${PROFILE_CONNECTIONS:-32}
WARMUP=${BENCH_WARMUP:-60}  # longer than run.sh: here the profile starts right after it
HUB_PORT=${BENCH_HUB_PORT:-18080}
PG_PORT=${BENCH_PG_PORT:-55432}
PROFILER_VERSION=4.1
OUT=bench/out

for tool in java jcmd wrk psql; do
  command -v "$tool" >/dev/null || { echo "bench: '$tool' not found" >&2; exit 1; }
done

rm -rf "$OUT" && mkdir -p "$OUT"
./mvnw -q -B -ntp dependency:copy -Dartifact="tools.profiler:async-profiler:$PROFILER_VERSION" -DoutputDirectory="$OUT"
(cd "$OUT" && unzip -q -o "async-profiler-$PROFILER_VERSION.jar" 'linux-x64/*')
AGENT="$PWD/$OUT/linux-x64/libasyncProfiler.so"

source bench/hub.sh
build_jar
trap stop_hub EXIT
start_hub
seed_bench_tenant
warm_up "$WARMUP"

# jcmd hands the agent its options as one quoted argument; unquoted, the commas split them.
profiler() { jcmd "$HUB_PID" JVMTI.agent_load "$AGENT" "\"$1\"" > /dev/null; }

echo "bench: profiling ${SECONDS_PROFILED}s at $CONNECTIONS connections"
profiler "start,event=itimer,interval=1ms"
BENCH_RUN_ID="$(date +%s)-profile" wrk -t2 -c"$CONNECTIONS" -d"${SECONDS_PROFILED}s" -s bench/ghl-lead.lua \
    "http://127.0.0.1:$HUB_PORT" > "$OUT/wrk.txt"
profiler "dump,file=$PWD/$OUT/profile.collapsed,collapsed"
profiler "stop,file=$PWD/$OUT/profile.html"
echo "bench: $(grep -E 'Requests/sec' "$OUT/wrk.txt")"

echo
echo "Share of JVM CPU samples whose stack passes through (a sample can count in several rows):"
awk '
  BEGIN {
    n = split("Tomcat (HTTP, sockets)=org/apache/coyote|Spring MVC dispatch=org/springframework/web/servlet/DispatcherServlet|Camel routing=org/apache/camel/impl/engine/CamelInternalProcessor|authenticate=io/leadhub/security|parse=IntakePayloadParser|map=FileMapping.map|  phone numbers=com/google/i18n/phonenumbers|persist (request thread)=LeadStore.save|lead writer thread=LeadGroupCommit.writeLoop|write the answer=DefaultHttpBinding.writeResponse|GC=G1|JIT compiler=CompileBroker", parts, "|")
    for (i = 1; i <= n; i++) { split(parts[i], kv, "="); label[i] = kv[1]; pattern[i] = kv[2] }
  }
  { count = $NF; total += count; for (i = 1; i <= n; i++) if (index($0, pattern[i])) share[i] += count }
  END { for (i = 1; i <= n; i++) printf "  %5.1f%%  %s\n", 100 * share[i] / total, label[i] }
' "$OUT/profile.collapsed"
echo
echo "Hottest methods (own time, excluding what they call):"
awk '{count = $NF; sub(/ [0-9]+$/, ""); k = split($0, frames, ";"); self[frames[k]] += count; total += count}
     END {for (f in self) printf "%6.2f%%  %s\n", 100 * self[f] / total, f}' "$OUT/profile.collapsed" | sort -rn | head -15
echo
echo "Flame graph: $OUT/profile.html"
