#!/usr/bin/env bash
# Benchmarks personalize-local's training time per recipe (aws-popularity-count, aws-sims, aws-similar-items,
# aws-user-personalization-v2, aws-personalized-ranking-v2; Trainer.train with TrainingOptions.defaults()) on
#   (1) MovieLens 100K: data/prepared/ml-100k if prepared, else the raw ../shared/datasets/ml-100k read in place;
#   (2) a deterministic synthetic ML-1M-shaped dataset built in memory (6,040 users x 3,706 items, 1,000,209
#       interactions, Zipf-skewed item popularity, long-tailed user activity, fixed seed).
# Each recipe: one warm-up run, then RUNS timed runs (min and median wall ms). Also times
# OfflineEvaluation.evaluate for aws-user-personalization-v2 and aws-popularity-count on ML-100K and prints
# their NDCG@10.
#
#   bench/local/training.sh [RUNS]      (default 3)
#
# Builds local/personalize/ and what it depends on quietly (mvn install -pl local/personalize -am -DskipTests), compiles
# bench/local/TrainingBench.java against local/personalize/target/classes + the runtime class path, and runs it.
# Everything it writes goes to bench/work/local/. Exit status: 0 done, 2 bad usage, 3 a prerequisite is missing.
set -euo pipefail

usage() { echo "usage: bench/local/training.sh [RUNS]" >&2; exit 2; }
[ $# -le 1 ] || usage
RUNS="${1:-3}"
[[ "$RUNS" =~ ^[1-9][0-9]*$ ]] || usage

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
echo "\$ bench/local/training.sh $RUNS    (run in $ROOT at $(date -u +%Y-%m-%dT%H:%M:%SZ))"

# shellcheck source=../../bin/lib/jdk.sh
source bin/lib/jdk.sh   # JAVA_HOME = a JDK >= 21, or exit 3
# shellcheck source=../../bin/lib/mvn.sh
source bin/lib/mvn.sh   # mvn_quiet, or exit 3
echo "host: $(nproc) CPUs, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//'), JDK $(java_major "$JAVA_HOME/bin/java") at $JAVA_HOME"
echo "load before: $(uptime | sed 's/.*load average/load average/')"

WORK=bench/work/local
mkdir -p "$WORK/training-classes"

if [ ! -f ../shared/datasets/ml-100k/u.data ] && [ ! -f data/prepared/ml-100k/interactions.csv ]; then
  echo "error: neither data/prepared/ml-100k nor ../shared/datasets/ml-100k/u.data exists: run bin/run --synth-only" >&2
  exit 3
fi

echo "building local/personalize/ (mvn -q -pl local/personalize -am install -DskipTests) ..."
if ! mvn_quiet -q -pl local/personalize -am install -DskipTests > "$WORK/training-build.log" 2>&1; then
  tail -n 30 "$WORK/training-build.log" >&2
  echo "error: the build failed (log: $WORK/training-build.log)" >&2
  exit 3
fi
mvn_quiet -q -f local/personalize/pom.xml dependency:build-classpath -DincludeScope=runtime \
  -Dmdep.outputFile="$ROOT/$WORK/training.classpath" >> "$WORK/training-build.log" 2>&1 \
  || { tail -n 30 "$WORK/training-build.log" >&2; echo "error: cannot resolve the class path" >&2; exit 3; }
CP="local/personalize/target/classes:$(cat "$WORK/training.classpath")"

javac -nowarn -Xlint:none -d "$WORK/training-classes" -cp "$CP" bench/local/TrainingBench.java 2> "$WORK/training-javac.log" \
  || { cat "$WORK/training-javac.log" >&2; exit 3; }

# A 4 GB heap holds the ML-1M-sized EASE matrices (3,706^2 doubles, a few copies) with room to spare.
java -Xms1g -Xmx4g -cp "$WORK/training-classes:$CP" TrainingBench "$ROOT" "$RUNS"
echo "load after: $(uptime | sed 's/.*load average/load average/')"
