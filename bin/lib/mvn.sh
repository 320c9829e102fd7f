# Sourced by the bin/ scripts: runs Maven quietly and non-interactively on the JDK found by jdk.sh.
if ! command -v mvn >/dev/null 2>&1; then
  echo "error: Maven (mvn) is not on PATH: install Apache Maven 3.8 or newer (e.g. 'apt-get install maven')." >&2
  exit 3
fi
# Maven 3.8's bundled Guava uses sun.misc.Unsafe, which JDK 24+ warns about on every run.
if [ "$(java_major "$JAVA_HOME/bin/java")" -ge 24 ]; then
  export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow"
fi
mvn_quiet() { mvn -B -ntp -Dstyle.color=never "$@"; }
