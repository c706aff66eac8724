#!/usr/bin/env bash
# Reruns the compliance job over a date range: jobs/rerun.sh FROM TO [extra job arguments]
# The range's rows are replaced (no duplicates); rows outside it are untouched; the run is "as of TO"
# and rebuilds its state from each deal's start (SPEC §10). Same environment as jobs/nightly.sh.
# Exit status: as jobs/nightly.sh (0 completed, 1 failed, 2 bad input, 3 another run holds the deal, 4 database).
set -euo pipefail
if [ $# -lt 2 ]; then
  echo "usage: jobs/rerun.sh FROM TO [job arguments]   (dates YYYY-MM-DD)" >&2
  exit 2
fi
from="$1"; to="$2"; shift 2
exec "$(dirname "$0")/nightly.sh" --from="$from" --to="$to" "$@"
