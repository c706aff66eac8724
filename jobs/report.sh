#!/usr/bin/env bash
# Writes the report site, workbooks and CSV export of the last completed run (or of --from/--to) without running
# the job: jobs/report.sh --export-dir=DIR [--from=YYYY-MM-DD --to=YYYY-MM-DD] [other options]
# Same environment as jobs/nightly.sh (COMPLIANCE_JAR, COMPLIANCE_DATA_DIR for the deal files, SPRING_DATASOURCE_*,
# JAVA_OPTS, COMPLIANCE_FAST_START); the JVM is started as the nightly run's is (extracted jar, class-data sharing:
# jobs/fast-start.sh), with -Xmx512m unless JAVA_OPTS gives a heap (issue 22: the bench portfolio's report fits in it).
# Exit status: 0 written; 2 refused (bad options, no completed run to report on); 4 the database is unreachable.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
# shellcheck source=fast-start.sh
. "$here/jobs/fast-start.sh"
require_jar "$here"
case " ${JAVA_OPTS:-} " in *" -Xmx"*) ;; *) JAVA_OPTS="-Xmx512m ${JAVA_OPTS:-}" ;; esac
args=(report --data-dir="${COMPLIANCE_DATA_DIR:-$here/data}")
fast_start_command "$jar" "${args[@]}" "$@"
exec "${FAST_START[@]}" "${args[@]}" "$@"
