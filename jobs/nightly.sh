#!/usr/bin/env bash
# The nightly compliance run (SPEC §9): no dates, so the job processes every day after the last one
# processed, through yesterday (or through the day before --business-date=YYYY-MM-DD).
#
# Configuration from the environment (nothing secret in the repo):
#   COMPLIANCE_JAR          the executable jar        (default: target/debenture-compliance.jar)
#   COMPLIANCE_DATA_DIR     the data directory        (default: data)
#   COMPLIANCE_EXPORT_DIR   CSV exports, if set
#   SPRING_DATASOURCE_URL / SPRING_DATASOURCE_USERNAME / SPRING_DATASOURCE_PASSWORD
#                           the reporting database    (default: embedded H2 file ./var/compliance-db)
#   JAVA_OPTS               JVM options, e.g. -Xmx512m. A nightly run (no --from/--to) also gets
#                           -XX:TieredStopAtLevel=1: in a run of a few seconds the quick compiler alone
#                           leaves both cores to the job (measured by jobs/bench.sh: about 1.5 s less);
#                           JAVA_OPTS=-XX:TieredStopAtLevel=4 turns it off. Reruns keep both compilers.
#   COMPLIANCE_JSON_LOGS    true: log lines as JSON (the summary stays plain text)
#   COMPLIANCE_FAST_START   false: run `java -jar` on the jar instead of the extracted, class-data-shared
#                           copy made once per build by jobs/fast-start.sh (COMPLIANCE_APP_CACHE: where)
# Extra arguments are passed to the job (e.g. --business-date=2007-03-29, --switches.deadline-convention=NONE).
#
# Exit status: 0 completed; 1 the run failed (run again: it restarts where it stopped); 2 refused (bad
# options or deal files); 3 refused (another run holds the deal or the embedded database); 4 the database
# is unreachable or was lost (nothing of the run is visible; run again).
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
# shellcheck source=fast-start.sh
. "$here/jobs/fast-start.sh"
require_jar "$here"
args=(--data-dir="${COMPLIANCE_DATA_DIR:-$here/data}")
if [ "${COMPLIANCE_JSON_LOGS:-false}" = "true" ]; then
  args+=(--json-logs)
fi
if [ -n "${COMPLIANCE_EXPORT_DIR:-}" ]; then
  args+=(--export-dir="$COMPLIANCE_EXPORT_DIR")
fi
nightly=true
for arg in "$@"; do
  case "$arg" in --from=*|--to=*) nightly=false ;; esac
done
if [ "$nightly" = "true" ]; then
  JAVA_OPTS="-XX:TieredStopAtLevel=1 ${JAVA_OPTS:-}"
fi
fast_start_command "$jar" "${args[@]}" "$@"
exec "${FAST_START[@]}" "${args[@]}" "$@"
