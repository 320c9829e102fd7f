#!/usr/bin/env bash
# Benchmarks the product's local API against issue 5's serving target: GetRecommendations through the local API,
# i.e. GET /users/{userId}/recommendations?count=25 served by com.movierec.local.deployer.api.LocalApiServer (the real
# API Lambda handler behind the local HTTP adapter, calling personalize-local through the AWS SDK), every MovieLens
# 100K user in turn, driven by wrk over loopback:  >= 5,000 requests/s with p99 < 10 ms on 2 cores.
# (bench/local/serving.sh measures one level down: personalize-local's own POST /recommendations.)
#
#   bench/local/api-serving.sh [SECONDS] [CONNECTIONS]      (defaults 20 and 32; wrk uses 2 threads)
#
# Each configuration runs on a fresh JVM: bench/local/src/ApiServingBenchServer.java (compiled here against
# the local deployer's runtime class path) deploys the dev stage of cdk.out into personalize-local in-process and serves the
# API on a free loopback port, as `up` (what bin/run ends with) does, minus the web page:
#   default:      LocalRun as `up` starts it (RunSettings.of(cdkOut, s3Root).withApiPort(0)
#                 .withEngineDelays(Delays.NONE)), the handler's JSON log lines (one per request) written to a file
#                 as `up --api-log` does; the engine answers repeated identical requests from its answer cache;
#   log-devnull:  the same with the log lines written to /dev/null (for information: what the log file costs);
#   uncached:     LocalRun's steps with the engine's answer cache off (EngineSettings.withAnswerCache(0), which
#                 LocalRun does not expose), log to a file: every request computed by the model (for information).
# RUNS="default" (any of the three names, space-separated) runs fewer; API_SERVER_JAVA_OPTS adds JVM options to
# the server (e.g. -XX:StartFlightRecording=filename=bench/work/local/api.jfr to profile).
# Each run: one request checked by hand (200 and 25 movies), a 10 s wrk warm-up (JIT, caches), then the measured run.
# Printed per run: wrk's output; req/s, p50/p90/p99/max, non-2xx and socket errors; the server's CPU time per request;
# how many CPUs the server, wrk and every other process used during the run ("other" near 0 = a quiet host: the load
# average also counts this benchmark's own ~10 threads); the load average. The code under test (the local deployer's classes
# and the project's jars on its class path) is copied first, so a rebuild by someone else cannot change it mid-run.
# Needs cdk.out/manifest.json, data/prepared/ml-100k and the local deployer's build (runs bin/run --synth-only if any is
# missing) and Debian's wrk (installs it with apt-get as root if missing). Everything goes to bench/work/local/.
# Exit status: 0 the default configuration met the target (or was not run), 1 it did not, 2 bad usage, 3 a
# prerequisite is missing.
set -euo pipefail

usage() { echo "usage: bench/local/api-serving.sh [SECONDS] [CONNECTIONS]" >&2; exit 2; }
[ $# -le 2 ] || usage
SECONDS_MEASURED="${1:-20}"
CONNECTIONS="${2:-32}"
[[ "$SECONDS_MEASURED" =~ ^[1-9][0-9]*$ && "$CONNECTIONS" =~ ^[1-9][0-9]*$ ]] || usage
RUNS="${RUNS:-default log-devnull uncached}"
for name in $RUNS; do
  case "$name" in default|log-devnull|uncached) ;; *) echo "RUNS: unknown configuration '$name'" >&2; usage ;; esac
done
TARGET_RPS=5000
TARGET_P99_MS=10
WARMUP_SECONDS=10

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
echo "\$ bench/local/api-serving.sh $SECONDS_MEASURED $CONNECTIONS    (run in $ROOT at $(date -u +%Y-%m-%dT%H:%M:%SZ)${RUNS:+, RUNS=\"$RUNS\"})"

# shellcheck source=../../bin/lib/jdk.sh
source bin/lib/jdk.sh   # JAVA_HOME = a JDK >= 21, or exit 3
echo "host: $(nproc) CPUs, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//'), JDK $(java_major "$JAVA_HOME/bin/java") at $JAVA_HOME"
echo "load average at the start: $(cut -d' ' -f1-3 /proc/loadavg)"

WORK=bench/work/local
BENCH="$WORK/api-serving"
mkdir -p "$BENCH"

PREPARED=data/prepared/ml-100k
CLASSPATH_FILE=local/deployer/target/runtime-classpath.txt
if [ ! -f cdk.out/manifest.json ] || [ ! -f "$PREPARED/users.csv" ] || [ ! -f "$CLASSPATH_FILE" ] \
    || [ ! -d local/deployer/target/classes/com ]; then
  echo "building, preparing MovieLens 100K and synthesizing cdk.out with bin/run --synth-only ..."
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
command -v curl >/dev/null 2>&1 || { echo "error: curl is needed for the check request: run 'apt-get install curl'" >&2; exit 3; }
echo "load: $(wrk --version 2>&1 | head -n 1 | cut -d' ' -f1-2), $CONNECTIONS connections, 2 threads, ${SECONDS_MEASURED}s after a ${WARMUP_SECONDS}s warm-up"

# The code under test, copied so that another engineer's rebuild during the run cannot change it: the local deployer's
# classes and the project's own jars on its runtime class path (the API handler, personalize-local, ...).
SNAPSHOT="$BENCH/code"
rm -rf "$SNAPSHOT" && mkdir -p "$SNAPSHOT/lib"
cp -r local/deployer/target/classes "$SNAPSHOT/deployer-classes"
SERVER_CP="$SNAPSHOT/deployer-classes"
IFS=: read -r -a entries < "$CLASSPATH_FILE" || true   # no newline at its end
for entry in "${entries[@]}"; do
  [ -n "$entry" ] || continue
  [ -e "$entry" ] || { echo "error: $entry (on $CLASSPATH_FILE) is missing: rebuild with bin/run --synth-only" >&2; exit 3; }
  case "$(basename "$entry")" in
    movierec-*) cp -p "$entry" "$SNAPSHOT/lib/"; SERVER_CP="$SERVER_CP:$SNAPSHOT/lib/$(basename "$entry")" ;;
    *) SERVER_CP="$SERVER_CP:$entry" ;;
  esac
done
echo "code: commit $(git rev-parse --short HEAD 2>/dev/null || echo '?')$( [ -z "$(git status --porcelain -- local lambdas/api schemas 2>/dev/null)" ] || echo ', with uncommitted changes in local/ lambdas/api/ schemas/'); local/deployer/target/classes of $(find local/deployer/target/classes -name '*.class' -printf '%TY-%Tm-%TdT%TH:%TM:%TS\n' | sort | tail -n 1 | cut -c1-19)Z"
for jar in "$SNAPSHOT"/lib/movierec-*.jar; do
  echo "      $(basename "$jar") $(stat -c %s "$jar") bytes, $(date -u -r "$jar" +%Y-%m-%dT%H:%M:%SZ), sha256 $(sha256sum "$jar" | cut -c1-16)…"
done
for module in local/deployer local/personalize lambdas/api; do
  newer=$(find "$module/src/main" -newer "$CLASSPATH_FILE" -type f 2>/dev/null | head -n 1)
  [ -z "$newer" ] || echo "warning: $newer is newer than $CLASSPATH_FILE: the build may be stale (rebuild with bin/run --synth-only or mvn -q -o install -DskipTests -pl local/deployer -am)"
done

mkdir -p "$BENCH/classes"
"$JAVA_HOME/bin/javac" -d "$BENCH/classes" -cp "$SERVER_CP" bench/local/src/ApiServingBenchServer.java \
  > "$BENCH/javac.log" 2>&1 || { cat "$BENCH/javac.log" >&2; echo "error: cannot compile bench/local/src/ApiServingBenchServer.java" >&2; exit 3; }
SERVER_CP="$BENCH/classes:$SERVER_CP"

# Every user of ml-100k in turn (each wrk connection walks the list from its own start).
LUA="$BENCH/requests.lua"
{
  echo "-- Generated by bench/local/api-serving.sh: GET /users/{userId}/recommendations?count=25 for every user of"
  echo "-- $PREPARED/users.csv in turn."
  echo "local paths = {"
  tail -n +2 "$PREPARED/users.csv" | cut -d, -f1 | awk 'NF { printf "  \"/users/%s/recommendations?count=25\",\n", $1 }'
  echo "}"
  echo "local next = 0"
  echo "request = function()"
  echo "  next = next % #paths + 1"
  echo "  return wrk.format(\"GET\", paths[next])"
  echo "end"
} > "$LUA"
USERS=$(grep -c '^  "/users/' "$LUA")
echo "requests: $USERS users in turn ($LUA)"

SERVER_PID=""
stop_server() {
  if [ -n "$SERVER_PID" ]; then
    kill "$SERVER_PID" 2>/dev/null || true
    wait "$SERVER_PID" 2>/dev/null || true
    SERVER_PID=""
  fi
}
trap stop_server EXIT

# to_ms VALUE: wrk's "1.23ms" / "456.78us" / "1.20s" in milliseconds.
to_ms() { awk -v v="$1" 'BEGIN { u = v; gsub(/[0-9.]/, "", u); sub(/[a-z]+$/, "", v);
                                 printf "%.2f", (u == "us" ? v / 1000 : (u == "s" ? v * 1000 : (u == "m" ? v * 60000 : v))) }'; }
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }
busy_ticks() { awk '$1 == "cpu" { print $2 + $3 + $4 + $7 + $8 + $9 }' /proc/stat; }
# children_ms FILE: user + system CPU of this shell's finished children (so: wrk), in ms, from the output of the
# times builtin (which must run in this shell, not in a command substitution's subshell).
children_ms() { awk 'NR == 2 { split($1, u, /[ms]/); split($2, s, /[ms]/); printf "%d", (u[1] * 60 + u[2] + s[1] * 60 + s[2]) * 1000 }' "$1"; }

# run NAME: starts the server in configuration NAME, checks one request, runs wrk; sets the R_* results.
run() {
  local name="$1" mode=default log
  local dir="$BENCH/$name"
  rm -rf "$dir" && mkdir -p "$dir/s3"
  log="$dir/api.log"
  case "$name" in
    log-devnull) log=/dev/null ;;
    uncached) mode=uncached ;;
  esac
  # shellcheck disable=SC2086  # API_SERVER_JAVA_OPTS is a list of options
  "$JAVA_HOME/bin/java" ${API_SERVER_JAVA_OPTS:-} -cp "$SERVER_CP" ApiServingBenchServer cdk.out "$dir/s3" "$log" "$mode" \
    > "$dir/server.log" 2>&1 &
  SERVER_PID=$!
  local endpoint=""
  for _ in $(seq 1 1200); do
    endpoint=$(sed -n 's/^api-serving-bench listening on \(http:[^ ]*\).*/\1/p' "$dir/server.log")
    [ -n "$endpoint" ] && break
    kill -0 "$SERVER_PID" 2>/dev/null || { tail -n 30 "$dir/server.log" >&2; echo "error: the local API did not start (log: $dir/server.log)" >&2; exit 3; }
    sleep 0.1
  done
  [ -n "$endpoint" ] || { echo "error: the local API did not report its endpoint within 120 s (log: $dir/server.log)" >&2; exit 3; }
  echo
  echo "== $name: the local API at $endpoint (API log: $log; $(grep -m1 '^deployed and serving' "$dir/server.log"))"

  local status movies
  status=$(curl -s -o "$dir/check.json" -w '%{http_code}' "$endpoint/users/1/recommendations?count=25")
  movies=$(grep -o '"movieId"' "$dir/check.json" | wc -l)
  if [ "$status" != 200 ] || [ "$movies" -ne 25 ]; then
    echo "error: GET /users/1/recommendations?count=25 answered $status with $movies movies, not 200 with 25 ($dir/check.json)" >&2
    exit 3
  fi
  echo "   check: GET /users/1/recommendations?count=25 -> 200, 25 movies"

  wrk -t2 -c"$CONNECTIONS" -d"${WARMUP_SECONDS}s" -s "$LUA" "$endpoint" > "$dir/warmup.txt" 2>&1
  local load_before cpu_before cpu_after busy_before busy_after wrk_before wrk_after started ended
  load_before=$(cut -d' ' -f1-3 /proc/loadavg)
  times > "$dir/times.before"
  wrk_before=$(children_ms "$dir/times.before")
  busy_before=$(busy_ticks)
  cpu_before=$(cpu_ticks "$SERVER_PID")
  started=$(date +%s%N)
  wrk -t2 -c"$CONNECTIONS" -d"${SECONDS_MEASURED}s" --latency -s "$LUA" "$endpoint" > "$dir/wrk.txt" 2>&1
  ended=$(date +%s%N)
  cpu_after=$(cpu_ticks "$SERVER_PID")
  busy_after=$(busy_ticks)
  times > "$dir/times.after"
  wrk_after=$(children_ms "$dir/times.after")
  local load_after
  load_after=$(cut -d' ' -f1-3 /proc/loadavg)
  R_LOAD="$load_before / $load_after"
  R_LOAD1="${load_before%% *} / ${load_after%% *}"
  sed 's/^/   /' "$dir/wrk.txt"
  # The host is shared: other work on its 2 CPUs shows up in p99, so the load average goes with the figures.
  echo "   load average before/after the measured run: $R_LOAD"
  [ -s "$log" ] && [ "$log" != /dev/null ] && echo "   API log: $(wc -l < "$log") lines, $(stat -c %s "$log") bytes"
  stop_server

  R_RPS=$(awk '/^Requests\/sec:/ { printf "%d", $2 }' "$dir/wrk.txt")
  local requests
  requests=$(awk '/ requests in / { print $1 }' "$dir/wrk.txt")
  R_P50=$(to_ms "$(awk '$1 == "50%" { print $2 }' "$dir/wrk.txt")")
  R_P90=$(to_ms "$(awk '$1 == "90%" { print $2 }' "$dir/wrk.txt")")
  R_P99=$(to_ms "$(awk '$1 == "99%" { print $2 }' "$dir/wrk.txt")")
  R_MAX=$(to_ms "$(awk '$1 == "Latency" { print $4 }' "$dir/wrk.txt")")
  if [ -z "$R_RPS" ] || [ -z "$requests" ] || [ "$R_P99" = "0.00" ]; then
    echo "error: cannot read wrk's results ($dir/wrk.txt)" >&2
    exit 3
  fi
  # Server CPU (user + system, all threads) per request during the measured run; wrk used the rest of the 2 CPUs.
  local hz
  hz=$(getconf CLK_TCK)
  R_CPU_US=$(awk -v t=$((cpu_after - cpu_before)) -v hz="$hz" -v n="$requests" 'BEGIN { printf "%d", t / hz * 1e6 / n }')
  # How busy the 2 CPUs were, in CPUs (2.00 = both all the time): the server, wrk, and everything else on the host
  # (other engineers' builds); the load average counts this benchmark's own ~10 threads too, so "other" is the
  # better sign of a quiet host.
  local seconds
  seconds=$(awk -v a="$started" -v b="$ended" 'BEGIN { printf "%.3f", (b - a) / 1e9 }')
  R_CPUS=$(awk -v s="$seconds" -v hz="$hz" -v srv=$((cpu_after - cpu_before)) -v all=$((busy_after - busy_before)) \
      -v wrk=$((wrk_after - wrk_before)) 'BEGIN { o = all / hz - srv / hz - wrk / 1000; if (o < 0) o = 0;
        printf "server %.2f, wrk %.2f, other %.2f", srv / hz / s, wrk / 1000 / s, o / s }')
  R_OTHER=$(awk -v s="$seconds" -v hz="$hz" -v srv=$((cpu_after - cpu_before)) -v all=$((busy_after - busy_before)) \
      -v wrk=$((wrk_after - wrk_before)) 'BEGIN { o = all / hz - srv / hz - wrk / 1000; if (o < 0) o = 0; printf "%.2f", o / s }')
  local non2xx socket
  non2xx=$(awk -F': ' '/Non-2xx or 3xx responses/ { print $2 }' "$dir/wrk.txt")
  socket=$(awk '/Socket errors:/ { sub(/^ *Socket errors: */, ""); print }' "$dir/wrk.txt")
  R_ERRORS="${non2xx:-0} non-2xx${socket:+, socket errors: $socket}"
  echo "   server CPU per request: ${R_CPU_US} µs; CPUs busy during the run: $R_CPUS; errors: $R_ERRORS"
  R_VERDICT=PASS
  if [ -n "$non2xx" ] || [ -n "$socket" ] || [ "$R_RPS" -lt "$TARGET_RPS" ] \
      || awk -v p="$R_P99" -v t="$TARGET_P99_MS" 'BEGIN { exit !(p >= t) }'; then
    R_VERDICT=FAIL
  fi
}

declare -A LABEL=(
  [default]="default: as \`up\` serves it, API log to a file, answer cache on"
  [log-devnull]="API log to /dev/null (information)"
  [uncached]="engine answer cache off, API log to a file (information)"
)
ROWS=()
DEFAULT_VERDICT=""
for name in $RUNS; do
  run "$name"
  verdict="$R_VERDICT (information)"
  if [ "$name" = default ]; then DEFAULT_VERDICT=$R_VERDICT; verdict="**$R_VERDICT**"; fi
  ROWS+=("| ${LABEL[$name]} | $R_RPS | $R_P50 | $R_P90 | $R_P99 | $R_MAX | $R_ERRORS | $R_CPU_US | $R_OTHER | $R_LOAD1 | $verdict |")
done

echo
echo "| configuration | requests/s | p50 ms | p90 ms | p99 ms | max ms | errors | server CPU µs/request | other processes' CPUs | 1-min load average before / after | target >= $TARGET_RPS req/s, p99 < $TARGET_P99_MS ms |"
echo "|---|---:|---:|---:|---:|---:|---|---:|---:|---|---|"
printf '%s\n' "${ROWS[@]}"
if [ -z "$DEFAULT_VERDICT" ]; then
  echo "(the default configuration was not run: RUNS=\"$RUNS\")"
  exit 0
fi
[ "$DEFAULT_VERDICT" = PASS ]
