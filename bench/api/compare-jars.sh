#!/usr/bin/env bash
# Cold-start proxy of several builds of the API Lambda against hello-world, interleaved round by round, so that a
# before/after comparison is not skewed by what else the host is doing (bench/api/README.md).
#
#   bench/api/compare-jars.sh [ROUNDS] NAME=JAR [NAME=JAR ...]      (ROUNDS defaults to 15)
#   e.g. bench/api/compare-jars.sh 15 before=/tmp/api-before.jar after=lambdas/api/target/api.jar
#
# The bench classes are compiled against lambdas/api/target/api.jar (built if missing); the trials only create each
# jar's com.movierec.api.ApiHandler by name, so any build of the API can be compared. Env: COLD_JAVA_OPTS as for
# cold-start.sh. Writes to bench/work/api-compare/. Exit status: 0 done, 2 bad usage, 3 a prerequisite is missing.
set -euo pipefail

usage() { echo "usage: bench/api/compare-jars.sh [ROUNDS] NAME=JAR [NAME=JAR ...]" >&2; exit 2; }
ROUNDS=15
if [ $# -gt 0 ] && [[ "$1" =~ ^[1-9][0-9]*$ ]]; then ROUNDS="$1"; shift; fi
[ $# -ge 1 ] || usage
for pair in "$@"; do
  [[ "$pair" == *=* ]] || usage
  [ -f "${pair#*=}" ] || { echo "error: ${pair#*=} does not exist" >&2; exit 3; }
done

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
echo "\$ ${COLD_JAVA_OPTS:+COLD_JAVA_OPTS=\"$COLD_JAVA_OPTS\" }bench/api/compare-jars.sh $ROUNDS $*    (run in $ROOT at $(date -u +%Y-%m-%dT%H:%M:%SZ))"
for pair in "$@"; do
  echo "  ${pair%%=*}: ${pair#*=}, $(stat -c %s "${pair#*=}") bytes, sha256 $(sha256sum "${pair#*=}" | cut -c1-16)…"
done

# shellcheck source=../../bin/lib/jdk.sh
source bin/lib/jdk.sh
# shellcheck source=../../bin/lib/mvn.sh
source bin/lib/mvn.sh

WORK=bench/work/api-compare
mkdir -p "$WORK"
JAR=lambdas/api/target/api.jar
if [ ! -f "$JAR" ]; then
  mvn_quiet -q -f lambdas/api/pom.xml -DskipTests package > "$WORK/build.log" 2>&1 \
    || { tail -n 30 "$WORK/build.log" >&2; echo "error: the build failed" >&2; exit 3; }
fi
mvn_quiet -q -f lambdas/api/pom.xml dependency:build-classpath -DincludeScope=runtime \
  -DincludeArtifactIds=aws-lambda-java-core,aws-lambda-java-events \
  -Dmdep.outputFile="$ROOT/$WORK/hello.classpath" > "$WORK/classpath.log" 2>&1 \
  || { cat "$WORK/classpath.log" >&2; echo "error: cannot resolve the hello-world classpath" >&2; exit 3; }
rm -rf "$WORK/classes" && mkdir -p "$WORK/classes"
"$JAVA_HOME/bin/javac" -nowarn -d "$WORK/classes" -cp "$JAR" bench/api/src/*.java

ITEMS=data/prepared/ml-100k/items.csv
if [ ! -f "$ITEMS" ]; then
  ITEMS="$WORK/items.csv"
  awk 'BEGIN { print "ITEM_ID,TITLE,GENRES,CREATION_TIMESTAMP";
               for (i = 1; i <= 1682; i++) printf "%d,\"Movie %d (%d)\",Drama|Comedy,%d\n", i, i, 1930 + i % 70, (i % 70) * 31536000 }' > "$ITEMS"
fi

"$JAVA_HOME/bin/java" -cp "$WORK/classes:$JAR" CompareJars "$(cat "$WORK/hello.classpath")" "$WORK/classes" "$ITEMS" \
  "$ROUNDS" "$WORK" "$@"
