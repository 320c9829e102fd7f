#!/usr/bin/env bash
# Measures the API's answer cache on a replayed request log: the hit rate, the Personalize calls it saves and those
# calls in TPS-hours, the unit a campaign is billed in. The log is what the web page asks when people use it,
# generated from MovieLens 100K's users by a session model (bench/cache/GenerateRequestLog.java; its comment has the
# model). bench/cache/src/CacheReplay.java replays it through the real handler (com.movierec.api.ApiHandler, built from
# lambdas/api) against a counting Personalize stand-in, on the log's own clock, four ways side by side:
#   no cache                 CACHE_TTL_SECONDS=0: every read calls Personalize;
#   cache, 1 environment     the cache in one execution environment (local mode, or Lambda when requests never overlap);
#   cache, Lambda pool       a simulated pool of Lambda execution environments: a request goes to an idle one (chosen
#                            at random) or, when all are busy, to a new one, each with its own cache; a request keeps
#                            its environment busy MISS_MS when it calls Personalize or records an event, HIT_MS else;
#   ..., page asks fresh     the same pool, the page sending Cache-Control: max-age=0 (fetch's cache: "no-cache") for
#                            its user's recommendations during TTL_SECONDS after it recorded an event.
#
#   bench/cache/replay.sh [SESSIONS_PER_MINUTE] [MINUTES]     (defaults 30 and 120)
#
# Env: TTL_SECONDS (60), MAX_ENTRIES (10000): the cache's settings (cdk.json's api.cache); MIN_TPS (1): each
# campaign's minProvisionedTPS for the billed TPS-hours (cdk.json: 1 in dev and staging, 2 in prod); MISS_MS (60),
# HIT_MS (5): the pool's request durations (assumed, not measured on AWS).
# TPS-hours: a campaign is billed for the larger of its minProvisionedTPS and its actual TPS, the average requests per
# second over a 5-minute window (aws.amazon.com/personalize/pricing): "used" is calls / 3,600 (one TPS for an hour is
# 3,600 calls), "billed" applies that rule per campaign and window to the replayed calls.
# Needs data/prepared/ml-100k (bin/run prepares it; run here with bin/run --synth-only when missing). Everything it
# writes goes to bench/work/cache/. Exit status: 0 done, 2 bad usage, 3 a prerequisite is missing or the build failed.
set -euo pipefail

usage() { echo "usage: bench/cache/replay.sh [SESSIONS_PER_MINUTE] [MINUTES]" >&2; exit 2; }
[ $# -le 2 ] || usage
SESSIONS="${1:-30}"
MINUTES="${2:-120}"
[[ "$SESSIONS" =~ ^[0-9]+(\.[0-9]+)?$ && "$MINUTES" =~ ^[1-9][0-9]*$ ]] || usage
TTL_SECONDS="${TTL_SECONDS:-60}"
MAX_ENTRIES="${MAX_ENTRIES:-10000}"
MIN_TPS="${MIN_TPS:-1}"
MISS_MS="${MISS_MS:-60}"
HIT_MS="${HIT_MS:-5}"
[[ "$TTL_SECONDS" =~ ^[0-9]+$ && "$MAX_ENTRIES" =~ ^[1-9][0-9]*$ && "$MIN_TPS" =~ ^[0-9]+(\.[0-9]+)?$
   && "$MISS_MS" =~ ^[0-9]+$ && "$HIT_MS" =~ ^[0-9]+$ ]] || { echo "TTL_SECONDS, MAX_ENTRIES, MIN_TPS, MISS_MS and HIT_MS must be numbers" >&2; usage; }

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
echo "\$ TTL_SECONDS=$TTL_SECONDS MAX_ENTRIES=$MAX_ENTRIES MIN_TPS=$MIN_TPS MISS_MS=$MISS_MS HIT_MS=$HIT_MS bench/cache/replay.sh $SESSIONS $MINUTES    (run in $ROOT at $(date -u +%Y-%m-%dT%H:%M:%SZ))"

# shellcheck source=../../bin/lib/jdk.sh
source bin/lib/jdk.sh   # JAVA_HOME = a JDK >= 21, or exit 3
# shellcheck source=../../bin/lib/mvn.sh
source bin/lib/mvn.sh   # mvn_quiet, or exit 3

WORK=bench/work/cache
mkdir -p "$WORK"
PREPARED=data/prepared/ml-100k
if [ ! -f "$PREPARED/interactions.csv" ] || [ ! -f "$PREPARED/items.csv" ]; then
  echo "preparing MovieLens 100K with bin/run --synth-only ..."
  bin/run --synth-only > "$WORK/prepare.log" 2>&1 || { tail -n 20 "$WORK/prepare.log" >&2; echo "error: bin/run failed (log: $WORK/prepare.log)" >&2; exit 3; }
fi

JAR=lambdas/api/target/api.jar
echo "building $JAR (mvn -q -pl lambdas/api -am -DskipTests package) ..."
if ! mvn_quiet -q -pl lambdas/api -am -DskipTests package > "$WORK/build.log" 2>&1; then
  tail -n 30 "$WORK/build.log" >&2
  echo "error: the build failed (full log: $WORK/build.log)" >&2
  exit 3
fi
# The code under test, copied so that a rebuild during the run cannot change it.
cp "$JAR" "$WORK/api.jar"
echo "jar: $JAR, $(stat -c %s "$WORK/api.jar") bytes, sha256 $(sha256sum "$WORK/api.jar" | cut -c1-16)…, commit $(git rev-parse --short HEAD 2>/dev/null || echo '?')$( [ -z "$(git status --porcelain -- lambdas/api schemas 2>/dev/null)" ] || echo ' with uncommitted changes in lambdas/api/ or schemas/')"

rm -rf "$WORK/classes" && mkdir -p "$WORK/classes"
"$JAVA_HOME/bin/javac" -nowarn -d "$WORK/classes" -cp "$WORK/api.jar" bench/cache/src/*.java

LOG="$WORK/requests-$SESSIONS-$MINUTES.tsv"
"$JAVA_HOME/bin/java" bench/cache/GenerateRequestLog.java "$PREPARED" "$LOG" "$SESSIONS" "$MINUTES"
# The users of the training data, as the API's data layer ships them: everyone else gets the popular fallback.
tail -n +2 "$PREPARED/interactions.csv" | cut -d, -f1 | sort -un > "$WORK/known-users.txt"
echo

# POWERTOOLS_LOG_LEVEL=WARN: the handler's one INFO line per request would be most of the run's time.
POWERTOOLS_LOG_LEVEL=WARN "$JAVA_HOME/bin/java" -XX:+UseSerialGC -Xmx1g -cp "$WORK/classes:$WORK/api.jar" CacheReplay \
  "$PREPARED/items.csv" "$PREPARED/interactions.csv" "$WORK/known-users.txt" "$LOG" "$MINUTES" \
  "$TTL_SECONDS" "$MAX_ENTRIES" "$MIN_TPS" "$MISS_MS" "$HIT_MS"
