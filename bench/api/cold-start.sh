#!/usr/bin/env bash
# Benchmarks the recommendations API Lambda (lambdas/api) against its targets:
#   cold-start proxy: a fresh JVM from start to its first handled request, API handler (real SDK clients against a
#                     loopback Personalize stub) vs a hello-world handler in the same run: <= 1.5x
#   shaded jar:       lambdas/api/target/api.jar < 20 MB
#   warm overhead:    per-request time with Personalize answering in-process, p99 < 1 ms
# and, for information, the in-process-stub cold start, the JSON logging floor, the process CPU time of the trials,
# both handlers with an application AOT cache (CDS archive on JDK 21-24) built by a training run each, the first
# request after init with and without SnapStart priming, and warm requests through the SDK to the loopback stub.
#
#   bench/api/cold-start.sh [TRIALS] [WARM_REQUESTS]      (defaults 10 and 100000)
#
# Env: API_JAR=path times that jar instead of building lambdas/api/target/api.jar;
#      COLD_JAVA_OPTS overrides the trial JVMs' flags (default: Lambda's -XX:TieredStopAtLevel=1 -XX:+UseSerialGC);
#      AOT=0 leaves out the AOT-cache variants (and their two training runs).
# Everything it writes goes to bench/work/api/. Exit status: 0 every target passed, 1 one failed, 2 bad usage,
# 3 a prerequisite is missing.
set -euo pipefail

usage() { echo "usage: bench/api/cold-start.sh [TRIALS] [WARM_REQUESTS]" >&2; exit 2; }
[ $# -le 2 ] || usage
TRIALS="${1:-10}"
WARM="${2:-100000}"
[[ "$TRIALS" =~ ^[1-9][0-9]*$ && "$WARM" =~ ^[1-9][0-9]*$ ]] || usage

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
echo "\$ ${API_JAR:+API_JAR=$API_JAR }${COLD_JAVA_OPTS:+COLD_JAVA_OPTS=\"$COLD_JAVA_OPTS\" }${AOT:+AOT=$AOT }bench/api/cold-start.sh $TRIALS $WARM    (run in $ROOT at $(date -u +%Y-%m-%dT%H:%M:%SZ))"
echo

# shellcheck source=../../bin/lib/jdk.sh
source bin/lib/jdk.sh   # JAVA_HOME = a JDK >= 21, or exit 3
# shellcheck source=../../bin/lib/mvn.sh
source bin/lib/mvn.sh   # mvn_quiet, or exit 3

WORK=bench/work/api
mkdir -p "$WORK/classes"

JAR="${API_JAR:-lambdas/api/target/api.jar}"
if [ -z "${API_JAR:-}" ]; then
  echo "building $JAR (mvn -q -f lambdas/api/pom.xml -DskipTests package) ..."
  if ! mvn_quiet -q -f lambdas/api/pom.xml -DskipTests package > "$WORK/build.log" 2>&1; then
    tail -n 30 "$WORK/build.log" >&2
    echo "error: the build failed (full log: $WORK/build.log)" >&2
    exit 3
  fi
fi
[ -f "$JAR" ] || { echo "error: $JAR does not exist" >&2; exit 3; }
echo "jar: $JAR, $(stat -c %s "$JAR") bytes, sha256 $(sha256sum "$JAR" | cut -c1-16)…"

# The hello-world handler gets only what it needs: aws-lambda-java-core and -events.
mvn_quiet -q -f lambdas/api/pom.xml dependency:build-classpath -DincludeScope=runtime \
  -DincludeArtifactIds=aws-lambda-java-core,aws-lambda-java-events \
  -Dmdep.outputFile="$ROOT/$WORK/hello.classpath" > "$WORK/classpath.log" 2>&1 \
  || { cat "$WORK/classpath.log" >&2; echo "error: cannot resolve the hello-world classpath" >&2; exit 3; }

rm -rf "$WORK/classes" && mkdir -p "$WORK/classes"
"$JAVA_HOME/bin/javac" -nowarn -d "$WORK/classes" -cp "$JAR" bench/api/src/*.java
# CDS/AOT caches take classes from jars only, so the AOT variants run the same classes from a jar.
BENCH_JAR=""
if [ "${AOT:-1}" != 0 ]; then
  BENCH_JAR="$WORK/bench.jar"
  rm -f "$BENCH_JAR"
  "$JAVA_HOME/bin/jar" --create --file "$BENCH_JAR" -C "$WORK/classes" .
fi

# data-prep's real ml-100k items when bin/run has prepared them, else a synthetic catalog of the same size.
ITEMS=data/prepared/ml-100k/items.csv
if [ ! -f "$ITEMS" ]; then
  ITEMS="$WORK/items.csv"
  awk 'BEGIN { print "ITEM_ID,TITLE,GENRES,CREATION_TIMESTAMP";
               split("Action|Comedy|Drama|Thriller|Romance|Sci-Fi|Children'"'"'s", g, "|");
               for (i = 1; i <= 1682; i++) printf "%d,\"Movie %d, The (%d)\",%s|%s,%d\n", i, i, 1930 + i % 70, g[1 + i % 7], g[1 + (i * 3) % 7], (i % 70) * 31536000 }' > "$ITEMS"
fi
echo "items: $ITEMS ($(($(wc -l < "$ITEMS") - 1)) movies)"
echo

set +e
"$JAVA_HOME/bin/java" -cp "$WORK/classes:$JAR" ColdStartBench "$JAR" "$(cat "$WORK/hello.classpath")" "$WORK/classes" \
  "$ITEMS" "$TRIALS" "$WARM" "$WORK" $BENCH_JAR
status=$?
set -e
exit $status
