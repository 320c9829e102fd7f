#!/usr/bin/env bash
# Times data-prep against the equivalent pandas pipeline on the same generated ml-latest input.
#
#   bench/data-prep.sh [ROWS]        (default 25000000)
#
# Generates bench/work/ml-latest-ROWS/ once (bench/GenerateMovieLens.java, deterministic), runs
#   java -Xmx256m -jar data-prep/target/data-prep.jar --input ... --output ... --quiet
#   /usr/bin/python3 bench/pandas_prep.py ... ...
# each under GNU /usr/bin/time -v, checks that both wrote the same number of lines, and prints
# seconds, rows/s, MB/s (ratings.csv bytes / 10^6 / s) and peak RSS for each, the speedup, and
# PASS/FAIL against the targets: data-prep >= 10x faster than pandas, data-prep peak RSS < 512 MiB.
# Env: DATA_PREP_JAR=path/to/data-prep.jar times that jar instead of building data-prep/target/data-prep.jar;
#      REPEAT=N runs each tool N times and reports the fastest time and the largest peak RSS (default 1).
# Exit status: 0 if every check passed, 1 if one failed, 2 on bad usage, 3 if a prerequisite is missing.
set -euo pipefail

usage() { echo "usage: bench/data-prep.sh [ROWS]   (ROWS: ratings to generate, default 25000000)" >&2; exit 2; }
[ $# -le 1 ] || usage
ROWS="${1:-25000000}"
ROWS="${ROWS//_/}"
[[ "$ROWS" =~ ^[1-9][0-9]*$ ]] || usage
REPEAT="${REPEAT:-1}"
[[ "$REPEAT" =~ ^[1-9][0-9]*$ ]] || { echo "error: REPEAT must be a positive integer" >&2; exit 2; }

MIN_SPEEDUP=10
MAX_RSS_MIB=512

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

shown_env=""; [ "$REPEAT" = 1 ] || shown_env="REPEAT=$REPEAT "
echo "\$ ${shown_env}${DATA_PREP_JAR:+DATA_PREP_JAR=$DATA_PREP_JAR }bench/data-prep.sh $ROWS    (run in $ROOT at $(date -u +%Y-%m-%dT%H:%M:%SZ))"
echo

# ------------------------------------------------------------------ prerequisites
# shellcheck source=../bin/lib/jdk.sh
source bin/lib/jdk.sh   # sets JAVA_HOME to a JDK >= 21 or exits 3

PY=/usr/bin/python3
TIME=/usr/bin/time
have_pandas() { [ -x "$PY" ] && "$PY" -c 'import pandas' >/dev/null 2>&1; }
have_gnu_time() { [ -x "$TIME" ] && "$TIME" -v true >/dev/null 2>&1; }

missing=()
have_pandas || missing+=(python3-pandas)
have_gnu_time || missing+=(time)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "installing ${missing[*]} (apt-get) ..."
    { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null; } \
      || echo "warning: apt-get could not install ${missing[*]}" >&2
    echo
  fi
  if ! have_pandas || ! have_gnu_time; then
    echo "error: this benchmark needs Debian's pandas for /usr/bin/python3 (package python3-pandas) and GNU time at" \
         "/usr/bin/time (package time); install them as root with 'apt-get install -y python3-pandas time'." >&2
    exit 3
  fi
fi

WORK=bench/work
mkdir -p "$WORK"

# ------------------------------------------------------------------ the data-prep jar
# DATA_PREP_JAR=path times another build (e.g. a saved jar of an earlier version) and is never built here.
JAR="${DATA_PREP_JAR:-data-prep/target/data-prep.jar}"
build_note=""
if [ -n "${DATA_PREP_JAR:-}" ]; then
  [ -f "$JAR" ] || build_note="DATA_PREP_JAR=$JAR does not exist"
elif [ ! -f "$JAR" ]; then
  echo "building $JAR (mvn -q -pl data-prep -am package -DskipTests) ..."
  # shellcheck source=../bin/lib/mvn.sh
  source bin/lib/mvn.sh   # exits 3 if mvn is missing
  if ! mvn_quiet -q -pl data-prep -am package -DskipTests > "$WORK/build.log" 2>&1 || [ ! -f "$JAR" ]; then
    build_note="the build failed (see the Maven output below)"
    tail -n 30 "$WORK/build.log" >&2 || true
  fi
  echo
else
  newer=$(find data-prep/src/main schemas/src/main pom.xml schemas/pom.xml data-prep/pom.xml -newer "$JAR" -type f 2>/dev/null | head -n 1 || true)
  [ -z "$newer" ] || echo "warning: $newer is newer than $JAR; rebuild with 'mvn -q -pl data-prep -am package -DskipTests' (or delete the jar) to time the current code" >&2
fi

# Time a copy, so a rebuild in the tree during the run neither breaks nor changes what is measured.
if [ -z "$build_note" ]; then
  cp "$JAR" "$WORK/data-prep-under-test.jar"
  echo "jar:   $JAR, $(date -u -r "$JAR" +%Y-%m-%dT%H:%M:%SZ), sha256 $(sha256sum "$JAR" | cut -c1-16) (timing a copy: $WORK/data-prep-under-test.jar)"
fi

# ------------------------------------------------------------------ the input
IN="$WORK/ml-latest-$ROWS"
if [ -f "$IN/.complete" ] && [ -f "$IN/ratings.csv" ] && [ -f "$IN/movies.csv" ]; then
  echo "input: reusing $IN"
else
  echo "input: generating $IN ..."
  rm -rf "$IN" "$IN.tmp"
  gen_start=$(date +%s.%N)
  "$JAVA_HOME/bin/java" bench/GenerateMovieLens.java "$IN.tmp" "$ROWS" 2>&1
  gen_end=$(date +%s.%N)
  touch "$IN.tmp/.complete"
  mv "$IN.tmp" "$IN"
  awk -v a="$gen_start" -v b="$gen_end" 'BEGIN { printf "input: generated in %.1f s (java bench/GenerateMovieLens.java, source launch)\n", b - a }'
fi
IN_BYTES=$(stat -c %s "$IN/ratings.csv")
echo "input: $IN/ratings.csv, $IN_BYTES bytes, $ROWS rows"
echo "host:  $(nproc) CPUs ($(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n 1)), $(awk '/MemTotal/ { printf "%.1f GiB RAM", $2 / 1048576 }' /proc/meminfo), load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "java:  $("$JAVA_HOME/bin/java" -version 2>&1 | head -n 1) ($JAVA_HOME)"
echo "pandas: $("$PY" -c 'import pandas, platform; print(pandas.__version__, "on Python", platform.python_version())') ($PY)"
echo

[ "$REPEAT" -eq 1 ] || echo "each tool runs $REPEAT times: the table shows the fastest run and the largest peak RSS"

# Read the input once so neither tool pays for cold disk reads.
cat "$IN/ratings.csv" "$IN/movies.csv" > /dev/null

# run NAME OUTDIR CMD... : runs CMD under /usr/bin/time -v REPEAT times (stopping at a failure); sets, for NAME,
# SECS and CPU (of the fastest run), RSS_KIB (the largest peak of all runs), LINES and STATUS.
declare -A SECS CPU RSS_KIB LINES STATUS
run() {
  local name=$1 out=$2; shift 2
  local tlog="$WORK/$name-$ROWS.time" log="$WORK/$name-$ROWS.log"
  local i rc secs cpu rss
  echo "[$name] \$ $*"
  STATUS[$name]=ok; SECS[$name]=""; CPU[$name]=""; RSS_KIB[$name]=0; LINES[$name]=0
  for ((i = 1; i <= REPEAT; i++)); do
    rm -rf "$out"
    mkdir -p "$out"
    sync   # flush earlier writes now, not during this run
    rc=0
    "$TIME" -v -o "$tlog" "$@" > "$log" 2>&1 || rc=$?
    # "Elapsed (wall clock) time (h:mm:ss or m:ss): 1:02.34"
    secs=$(sed -n 's/^.*Elapsed (wall clock).*: \([0-9:.]*\)$/\1/p' "$tlog" \
           | awk -F: '{ s = 0; for (i = 1; i <= NF; i++) s = s * 60 + $i; printf "%.2f", s }')
    cpu=$(awk -F': ' '/User time \(seconds\)|System time \(seconds\)/ { s += $2 } END { printf "%.2f", s }' "$tlog")
    rss=$(sed -n 's/^[[:space:]]*Maximum resident set size (kbytes): //p' "$tlog")
    LINES[$name]=$([ -f "$out/interactions.csv" ] && wc -l < "$out/interactions.csv" || echo 0)
    if [ "$rc" -ne 0 ]; then
      STATUS[$name]="exit $rc"
      echo "[$name] FAILED with exit code $rc after ${secs:-?} s; last lines of $log:" >&2
      tail -n 20 "$log" >&2 || true
      break
    elif [ ! -f "$out/interactions.csv" ]; then
      STATUS[$name]="no interactions.csv"
      echo "[$name] FAILED: exit 0 but no $out/interactions.csv" >&2
      break
    fi
    echo "[$name] run $i/$REPEAT: $secs s, CPU $cpu s, peak RSS $(( ${rss:-0} / 1024 )) MiB, ${LINES[$name]} lines in $out/interactions.csv"
    if [ -z "${SECS[$name]}" ] || awk -v a="$secs" -v b="${SECS[$name]}" 'BEGIN { exit !(a < b) }'; then
      SECS[$name]=$secs; CPU[$name]=$cpu
    fi
    [ "${rss:-0}" -le "${RSS_KIB[$name]}" ] || RSS_KIB[$name]=$rss
  done
  echo
}

DP_OUT="$WORK/out-data-prep-$ROWS"
PD_OUT="$WORK/out-pandas-$ROWS"
if [ -n "$build_note" ]; then
  STATUS[data-prep]="not run: $build_note"; SECS[data-prep]=""; CPU[data-prep]=""; RSS_KIB[data-prep]=""; LINES[data-prep]=0
  echo "[data-prep] NOT RUN: $build_note" >&2
  echo
else
  run data-prep "$DP_OUT" "$JAVA_HOME/bin/java" -Xmx256m -jar "$WORK/data-prep-under-test.jar" --input "$IN" --output "$DP_OUT" --quiet
fi
run pandas "$PD_OUT" "$PY" bench/pandas_prep.py "$IN" "$PD_OUT"

# ------------------------------------------------------------------ report
row() { # NAME
  local n=$1
  if [ "${STATUS[$n]}" = ok ]; then
    awk -v n="$n" -v r="$ROWS" -v s="${SECS[$n]}" -v b="$IN_BYTES" -v k="${RSS_KIB[$n]}" -v c="${CPU[$n]}" 'BEGIN {
      if (s <= 0) s = 0.01
      printf "%-10s %12d %9.2f %14.0f %9.1f %13.0f %9.2f\n", n, r, s, r / s, b / 1e6 / s, k / 1024, c }'
  else
    printf "%-10s %12d %9s %14s %9s %13s %9s   (%s)\n" "$n" "$ROWS" - - - - - "${STATUS[$n]}"
  fi
}
printf "%-10s %12s %9s %14s %9s %13s %9s\n" tool rows seconds rows/s MB/s "peak RSS MiB" "CPU s"
row data-prep
row pandas
echo

fail=0
check() { # OK? DESCRIPTION
  if [ "$1" = 1 ]; then echo "PASS  $2"; else echo "FAIL  $2"; fail=1; fi
}
dp_ok=0; [ "${STATUS[data-prep]}" = ok ] && dp_ok=1
pd_ok=0; [ "${STATUS[pandas]}" = ok ] && pd_ok=1
check "$dp_ok" "data-prep ran: ${STATUS[data-prep]}"
check "$pd_ok" "pandas ran: ${STATUS[pandas]}"
expected=$((ROWS + 1))
check "$([ "$dp_ok" = 1 ] && [ "$pd_ok" = 1 ] && [ "${LINES[data-prep]}" = "${LINES[pandas]}" ] && echo 1 || echo 0)" \
  "same row count: data-prep ${LINES[data-prep]} lines, pandas ${LINES[pandas]} lines (header + $ROWS rows = $expected expected)"
if [ "$dp_ok" = 1 ] && [ "$pd_ok" = 1 ]; then
  if cmp -s "$DP_OUT/interactions.csv" "$PD_OUT/interactions.csv"; then
    echo "info  the two interactions.csv files are byte-identical"
  else
    echo "info  the two interactions.csv files differ in content ($(cmp "$DP_OUT/interactions.csv" "$PD_OUT/interactions.csv" 2>&1 | head -n 1))"
  fi
  speedup=$(awk -v p="${SECS[pandas]}" -v d="${SECS[data-prep]}" 'BEGIN { if (d <= 0) d = 0.01; printf "%.1f", p / d }')
  check "$(awk -v x="$speedup" -v m="$MIN_SPEEDUP" 'BEGIN { print (x >= m) ? 1 : 0 }')" \
    "speedup ${speedup}x (pandas ${SECS[pandas]} s / data-prep ${SECS[data-prep]} s), target >= ${MIN_SPEEDUP}x"
else
  check 0 "speedup: not measured (a run failed), target >= ${MIN_SPEEDUP}x"
fi
if [ "$dp_ok" = 1 ]; then
  rss_kib="${RSS_KIB[data-prep]:-0}"
  rss_mib=$(( rss_kib / 1024 ))
  check "$([ "$rss_mib" -lt "$MAX_RSS_MIB" ] && echo 1 || echo 0)" "data-prep peak RSS ${rss_mib} MiB, target < ${MAX_RSS_MIB} MiB"
else
  check 0 "data-prep peak RSS: not measured, target < ${MAX_RSS_MIB} MiB"
fi
echo
echo "seconds: wall clock; MB/s: ratings.csv bytes / 10^6 / seconds; peak RSS: 'Maximum resident set size'; CPU s: user + system"
echo "outputs: $DP_OUT, $PD_OUT; timings: $WORK/*-$ROWS.time; logs: $WORK/*-$ROWS.log"
exit "$fail"
