# Sourced by the launchers: sets JAVA_HOME to a JDK 21 or newer (Neo4j 2026.x and GDS 2.26 need it).
# Keeps a JAVA_HOME that is already new enough; otherwise looks under /usr/lib/jvm.

java_major() {
  "$1/bin/java" -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -n 1
}

select_java_home() {
  local candidate major
  for candidate in "${JAVA_HOME:-}" /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/temurin-21-jdk-amd64 \
      /usr/lib/jvm/java-25-openjdk-amd64 /usr/lib/jvm/java-21-openjdk-amd64 /usr/lib/jvm/*; do
    if [ -n "$candidate" ] && [ -x "$candidate/bin/java" ]; then
      major="$(java_major "$candidate")"
      if [ -n "$major" ] && [ "$major" -ge 21 ]; then
        export JAVA_HOME="$candidate"
        return 0
      fi
    fi
  done
  echo "svr: no JDK 21 or newer found under /usr/lib/jvm or in JAVA_HOME; install one (for example Temurin 25)" >&2
  return 1
}
