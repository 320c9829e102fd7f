# Sourced by the bin/ scripts: points JAVA_HOME at a JDK 21 or newer, or stops with one sentence.
# Order: $JAVA_HOME, the java on PATH, then the JDKs installed under the usual directories (newest first).

java_major() { # prints the feature version of the java binary $1, or nothing
  "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = \([0-9][0-9]*\).*/\1/p' | head -n 1
}

jdk_ok() { # a JDK (with javac) whose version is 21 or newer
  [ -x "$1/bin/java" ] && [ -x "$1/bin/javac" ] || return 1
  local v; v=$(java_major "$1/bin/java")
  [ -n "$v" ] && [ "$v" -ge 21 ]
}

find_jdk() {
  if [ -n "${JAVA_HOME:-}" ] && jdk_ok "$JAVA_HOME"; then echo "$JAVA_HOME"; return 0; fi
  local on_path; on_path=$(command -v javac 2>/dev/null) && on_path=$(dirname "$(dirname "$(readlink -f "$on_path")")")
  if [ -n "$on_path" ] && jdk_ok "$on_path"; then echo "$on_path"; return 0; fi
  local best="" best_v=0 d v
  for d in /usr/lib/jvm/* /opt/java/* /opt/jdk* /usr/local/lib/jvm/* "$HOME"/.sdkman/candidates/java/* "$HOME"/.jdks/*; do
    [ -d "$d" ] || continue
    jdk_ok "$d" || continue
    v=$(java_major "$d/bin/java")
    if [ "$v" -gt "$best_v" ]; then best="$d"; best_v="$v"; fi
  done
  [ -n "$best" ] && echo "$(readlink -f "$best")"
}

if ! JAVA_HOME=$(find_jdk); then
  echo "error: this project needs a JDK 21 or newer and none was found (checked JAVA_HOME, the java on PATH and /usr/lib/jvm): install one, e.g. Temurin 21 or 25, and set JAVA_HOME to it." >&2
  exit 3
fi
export JAVA_HOME
export PATH="$JAVA_HOME/bin:$PATH"
