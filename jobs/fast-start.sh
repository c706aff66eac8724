#!/usr/bin/env bash
# Sourced by nightly.sh and report.sh: starts the job's JVM faster than `java -jar` on the fat jar.
# The jar is extracted once (Spring Boot's `-Djarmode=tools extract`: plain jars on a class path
# load faster than nested ones) and a class-data-sharing archive is recorded by one start that stops
# once the application context is up (no job runs): later starts map the classes from the archive
# (about 1.5 s less per run, measured by jobs/bench.sh). Both are redone when the jar changes, and
# anything that fails here falls back to `java -jar` on the jar itself.
#   fast_start_command JAR [JOB ARGUMENTS...]  sets the array FAST_START (the java command to exec)
#   COMPLIANCE_APP_CACHE   where the extracted application lives (default: next to the jar, app/)
#   COMPLIANCE_FAST_START  false: always plain `java -jar`
#   require_jar HERE   sets jar to COMPLIANCE_JAR (default HERE/target/debenture-compliance.jar), or exits 2 naming
#                      the calling script when there is none
require_jar() {
  jar="${COMPLIANCE_JAR:-$1/target/debenture-compliance.jar}"
  if [ ! -f "$jar" ]; then
    echo "$(basename "$0"): $jar not found; build it with ./mvnw -DskipTests package" >&2
    exit 2
  fi
}
fast_start_command() {
  local jar="$1"; shift
  # shellcheck disable=SC2206
  local opts=(${JAVA_OPTS:-})
  FAST_START=(java "${opts[@]}" -jar "$jar")
  if [ "${COMPLIANCE_FAST_START:-true}" != "true" ]; then
    return 0
  fi
  local cache="${COMPLIANCE_APP_CACHE:-$(dirname "$jar")/app}"
  local app="$cache/$(basename "$jar")"
  if [ ! -f "$app" ] || [ "$jar" -nt "$app" ]; then
    local tmp="$cache.tmp.$$"
    rm -rf "$tmp"
    if ! java -Djarmode=tools -jar "$jar" extract --destination "$tmp" >/dev/null 2>&1; then
      rm -rf "$tmp"; return 0
    fi
    rm -rf "$cache" && mv "$tmp" "$cache" || return 0
  fi
  if [ ! -f "$cache/app.jsa" ]; then
    # record the archive: start with the same options and arguments, stop when the context is up
    java "${opts[@]}" -XX:ArchiveClassesAtExit="$cache/app.jsa.tmp" -Dspring.context.exit=onRefresh \
      -jar "$app" "$@" >/dev/null 2>&1 && mv "$cache/app.jsa.tmp" "$cache/app.jsa" || rm -f "$cache/app.jsa.tmp"
  fi
  if [ -f "$cache/app.jsa" ]; then
    FAST_START=(java "${opts[@]}" -XX:SharedArchiveFile="$cache/app.jsa" -Xshare:auto -Xlog:cds=off -Xlog:cds+dynamic=off -jar "$app")
  else
    FAST_START=(java "${opts[@]}" -jar "$app")
  fi
}

# Run directly (jobs/fast-start.sh [JAR]), it only prepares the extracted copy and the archive, the
# archive recorded against an in-memory database: for building an image ahead of the first run.
if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  set -euo pipefail
  here="$(cd "$(dirname "$0")/.." && pwd)"
  fast_start_command "${1:-${COMPLIANCE_JAR:-$here/target/debenture-compliance.jar}}" \
    --spring.datasource.url=jdbc:h2:mem:class-data-sharing
  echo "${FAST_START[*]}"
fi
