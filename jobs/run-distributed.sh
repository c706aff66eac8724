#!/usr/bin/env bash
# Runs the job with its results step partitioned to N local worker processes over RabbitMQ (issue 21): starts
# the workers, waits until each listens, runs the manager with --compliance.partitioning=remote and the given
# job options, stops the workers (SIGTERM: each ends after its current partition) and exits with the run's code.
#
#   jobs/run-distributed.sh N [job options]
#
# Remote mode needs a database every process reaches: set SPRING_DATASOURCE_URL (and _USERNAME, _PASSWORD) to
# MySQL or MariaDB (the default here: jdbc:mysql://127.0.0.1:3306/compliance, root, no password). The broker:
# SPRING_RABBITMQ_HOST, _PORT, _USERNAME, _PASSWORD (default 127.0.0.1:5672, guest/guest).
#   COMPLIANCE_JAR   the executable jar (default: target/debenture-compliance.jar)
#   JAVA_OPTS        JVM options of every process (default: -Xmx512m)
#   WORKER_LOG_DIR   where the workers' logs go (default: target/workers)
# Exit status: the manager's (0 completed; 1 failed, run again to restart; 2 refused; 3 locked; 4 the database or
# RabbitMQ unreachable); 2 when a worker did not start.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
if [ $# -lt 1 ] || ! [[ "$1" =~ ^[0-9]+$ ]] || [ "$1" -lt 1 ]; then
  echo "usage: jobs/run-distributed.sh N [job options]   (N >= 1 workers)" >&2
  exit 2
fi
n="$1"; shift
jar="${COMPLIANCE_JAR:-$here/target/debenture-compliance.jar}"
[ -f "$jar" ] || { echo "run-distributed.sh: $jar not found; build it with ./mvnw -DskipTests package" >&2; exit 2; }
export SPRING_DATASOURCE_URL="${SPRING_DATASOURCE_URL:-jdbc:mysql://127.0.0.1:3306/compliance?createDatabaseIfNotExist=true&rewriteBatchedStatements=true}"
export SPRING_DATASOURCE_USERNAME="${SPRING_DATASOURCE_USERNAME:-root}"
export SPRING_DATASOURCE_PASSWORD="${SPRING_DATASOURCE_PASSWORD:-}"
java_opts=(${JAVA_OPTS:--Xmx512m})
logs="${WORKER_LOG_DIR:-$here/target/workers}"
mkdir -p "$logs"
pids=()
stop_workers() {
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
}
trap stop_workers EXIT
for i in $(seq 1 "$n"); do
  java "${java_opts[@]}" -jar "$jar" worker "$@" > "$logs/worker-$i.log" 2>&1 &
  pids+=($!)
done
for i in $(seq 1 "$n"); do
  for _ in $(seq 1 120); do
    grep -q "listening on queue" "$logs/worker-$i.log" 2>/dev/null && break
    if ! kill -0 "${pids[$((i-1))]}" 2>/dev/null; then
      echo "run-distributed.sh: worker $i did not start:" >&2; tail -5 "$logs/worker-$i.log" >&2; exit 2
    fi
    sleep 1
  done
done
echo "run-distributed.sh: $n worker(s) listening (logs in $logs); starting the manager"
set +e
java "${java_opts[@]}" -jar "$jar" --compliance.partitioning=remote "$@"
code=$?
set -e
grep -h "COMPLETED in\|FAILED in" "$logs"/worker-*.log 2>/dev/null | sed 's/^/  /' || true
exit $code
