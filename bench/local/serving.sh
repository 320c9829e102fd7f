#!/usr/bin/env bash
# Benchmarks personalize-local's serving path against its target: GetRecommendations through the local API
# (personalize-runtime's POST /recommendations, the unwatched filter, 25 results) for a campaign trained on
# MovieLens 100K, every user in turn, driven by wrk over loopback:  >= 5,000 requests/s with p99 < 10 ms.
#
#   bench/local/serving.sh [SECONDS] [CONNECTIONS]      (defaults 20 and 32; wrk uses 2 threads)
#
# Runs twice, each time on a fresh server (the CLI, com.movierec.local.personalize.cli.PersonalizeLocalCommand, on a free
# loopback port) set up through the real AWS SDK by com.movierec.local.personalize.bench.ServingBenchSetup:
#   default:         the server as it ships, repeated identical requests answered from its answer cache;
#   answer cache 0:  every request computed by the model (--answer-cache 0), for information.
# Each run: a 10 s wrk warm-up (JIT), then the measured run. Needs data/prepared/ml-100k (runs bin/run --synth-only if
# missing) and Debian's wrk (installs it with apt-get as root if missing). Everything goes to bench/work/local/.
# Exit status: 0 the default configuration met the target, 1 it did not, 2 bad usage, 3 a prerequisite is missing.
set -euo pipefail

usage() { echo "usage: bench/local/serving.sh [SECONDS] [CONNECTIONS]" >&2; exit 2; }
[ $# -le 2 ] || usage
SECONDS_MEASURED="${1:-20}"
CONNECTIONS="${2:-32}"
[[ "$SECONDS_MEASURED" =~ ^[1-9][0-9]*$ && "$CONNECTIONS" =~ ^[1-9][0-9]*$ ]] || usage
TARGET_RPS=5000
TARGET_P99_MS=10

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
echo "\$ bench/local/serving.sh $SECONDS_MEASURED $CONNECTIONS    (run in $ROOT at $(date -u +%Y-%m-%dT%H:%M:%SZ))"

# shellcheck source=../../bin/lib/jdk.sh
source bin/lib/jdk.sh   # JAVA_HOME = a JDK >= 21, or exit 3
# shellcheck source=../../bin/lib/mvn.sh
source bin/lib/mvn.sh   # mvn_quiet, or exit 3
echo "host: $(nproc) CPUs, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//'), JDK $(java_major "$JAVA_HOME/bin/java") at $JAVA_HOME"

WORK=bench/work/local
mkdir -p "$WORK"

PREPARED=data/prepared/ml-100k
if [ ! -f "$PREPARED/interactions.csv" ] || [ ! -f "$PREPARED/items.csv" ]; then
  echo "preparing MovieLens 100K with bin/run --synth-only ..."
  bin/run --synth-only > "$WORK/prepare.log" 2>&1 || { tail -n 20 "$WORK/prepare.log" >&2; echo "error: bin/run failed (log: $WORK/prepare.log)" >&2; exit 3; }
fi

if ! command -v wrk >/dev/null 2>&1; then
  if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "installing Debian's wrk ..."
    { apt-get install -y wrk || { apt-get update && apt-get install -y wrk; }; } > "$WORK/apt.log" 2>&1 \
      || { tail -n 20 "$WORK/apt.log" >&2; echo "error: cannot install wrk (log: $WORK/apt.log)" >&2; exit 3; }
  else
    echo "error: wrk is not installed: run 'apt-get install wrk' as root" >&2
    exit 3
  fi
fi
echo "load: $(wrk --version 2>&1 | head -n 1 | cut -d' ' -f1-2), $CONNECTIONS connections, 2 threads, ${SECONDS_MEASURED}s after a 10s warm-up"

echo "building local/personalize/ (mvn -q -f local/personalize/pom.xml -DskipTests test-compile) ..."
if ! mvn_quiet -q -f local/personalize/pom.xml -DskipTests test-compile > "$WORK/build.log" 2>&1; then
  tail -n 30 "$WORK/build.log" >&2
  echo "error: the build failed (log: $WORK/build.log); if movierec-schemas is missing, run: mvn -q -f schemas/pom.xml install" >&2
  exit 3
fi
for scope in runtime test; do
  mvn_quiet -q -f local/personalize/pom.xml dependency:build-classpath -DincludeScope="$scope" \
    -Dmdep.outputFile="$ROOT/$WORK/$scope.classpath" > "$WORK/classpath.log" 2>&1 \
    || { cat "$WORK/classpath.log" >&2; echo "error: cannot resolve the $scope classpath" >&2; exit 3; }
done
SERVER_CP="local/personalize/target/classes:$(cat "$WORK/runtime.classpath")"
SETUP_CP="local/personalize/target/test-classes:local/personalize/target/classes:$(cat "$WORK/test.classpath")"

SERVER_PID=""
stop_server() {
  if [ -n "$SERVER_PID" ]; then
    kill "$SERVER_PID" 2>/dev/null || true
    wait "$SERVER_PID" 2>/dev/null || true
    SERVER_PID=""
  fi
}
trap stop_server EXIT

# run NAME SERVER_ARGS...: starts a server, deploys ml-100k, runs wrk; sets RPS, P99_MS and VERDICT.
run() {
  local name="$1"; shift
  local dir="$WORK/$name"
  rm -rf "$dir" && mkdir -p "$dir/s3"
  "$JAVA_HOME/bin/java" -cp "$SERVER_CP" com.movierec.local.personalize.cli.PersonalizeLocalCommand \
    --port 0 --s3-root "$dir/s3" --delays none "$@" > "$dir/server.log" 2>&1 &
  SERVER_PID=$!
  local endpoint=""
  for _ in $(seq 1 300); do
    endpoint=$(sed -n 's/^personalize-local listening on \(http:[^ ]*\).*/\1/p' "$dir/server.log")
    [ -n "$endpoint" ] && break
    kill -0 "$SERVER_PID" 2>/dev/null || { cat "$dir/server.log" >&2; echo "error: the server did not start" >&2; exit 3; }
    sleep 0.1
  done
  [ -n "$endpoint" ] || { echo "error: the server did not report its endpoint (log: $dir/server.log)" >&2; exit 3; }
  echo
  echo "== $name: personalize-local ${*:-(defaults)} at $endpoint"
  "$JAVA_HOME/bin/java" -cp "$SETUP_CP" com.movierec.local.personalize.bench.ServingBenchSetup "$endpoint" "$PREPARED" \
    "$dir/s3" "$dir/requests.lua" 2> "$dir/setup.err" | sed 's/^/   /' \
    || { cat "$dir/setup.err" >&2; echo "error: the setup failed" >&2; exit 3; }
  wrk -t2 -c"$CONNECTIONS" -d10s -s "$dir/requests.lua" "$endpoint" > "$dir/warmup.txt" 2>&1
  local load_before
  load_before=$(cut -d' ' -f1-3 /proc/loadavg)
  wrk -t2 -c"$CONNECTIONS" -d"${SECONDS_MEASURED}s" --latency -s "$dir/requests.lua" "$endpoint" > "$dir/wrk.txt" 2>&1
  sed 's/^/   /' "$dir/wrk.txt"
  # The host is shared: other work on its 2 CPUs shows up in p99, so the load average goes with the figures.
  echo "   load average before/after the measured run: $load_before / $(cut -d' ' -f1-3 /proc/loadavg)"
  stop_server

  RPS=$(awk '/^Requests\/sec:/ { printf "%d", $2 }' "$dir/wrk.txt")
  P99_MS=$(awk '$1 == "99%" { v = $2; u = v; gsub(/[0-9.]/, "", u); sub(/[a-z]+$/, "", v);
                              printf "%.2f", (u == "us" ? v / 1000 : (u == "s" ? v * 1000 : v)) }' "$dir/wrk.txt")
  local errors
  errors=$(awk '/Non-2xx|Socket errors/ { print }' "$dir/wrk.txt")
  if [ -z "$RPS" ] || [ -z "$P99_MS" ]; then
    echo "error: cannot read wrk's results ($dir/wrk.txt)" >&2
    exit 3
  fi
  VERDICT=PASS
  if [ -n "$errors" ] || [ "$RPS" -lt "$TARGET_RPS" ] || awk -v p="$P99_MS" -v t="$TARGET_P99_MS" 'BEGIN { exit !(p >= t) }'; then
    VERDICT=FAIL
  fi
  [ -z "$errors" ] || echo "   errors: $errors"
}

run default
DEFAULT_RPS=$RPS DEFAULT_P99=$P99_MS DEFAULT_VERDICT=$VERDICT
run uncached --answer-cache 0
UNCACHED_RPS=$RPS UNCACHED_P99=$P99_MS UNCACHED_VERDICT=$VERDICT

echo
echo "| configuration | requests/s | p99 ms | target >= $TARGET_RPS req/s, p99 < $TARGET_P99_MS ms |"
echo "|---|---:|---:|---|"
echo "| default (answer cache on) | $DEFAULT_RPS | $DEFAULT_P99 | **$DEFAULT_VERDICT** |"
echo "| --answer-cache 0 (every request computed) | $UNCACHED_RPS | $UNCACHED_P99 | $UNCACHED_VERDICT (information) |"
[ "$DEFAULT_VERDICT" = PASS ]
