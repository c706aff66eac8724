#!/usr/bin/env bash
# Benchmark at portfolio scale (issue #9), on MariaDB/MySQL at 127.0.0.1:3306 (root, no password by default).
#   jobs/bench.sh [WORK_DIR]        (default target/bench; needs ~1.5 GB of disk and ~12 minutes)
# Steps, all measured in this run on this machine:
#   1. a seeded synthetic portfolio: 300 deals, 1,000 instruments, 300 symbols, 5 years of daily prices, filings logs
#   2. (a) a full rerun of the 5 years with -Xmx512m (job time from the run summary), timed three times
#          (BENCH_FULL_RUNS), each into a new database, the fastest counting, as for the floor's load
#   3. (b) the floor: the same input CSVs parsed and the same output rows bulk-loaded (LOAD DATA), no computation,
#          the load timed three times into fresh copies of the tables, the fastest counting;
#          and the Market Price of every symbol and day as one MariaDB window-function query
#   4. (c) a nightly run that adds one day of files to the full history, wall time including JVM start
#   5. (d) peak heap of the runs (the most heap in use at any moment, from the collectors, printed by each run)
# Before each timed phase it waits (at most 2 minutes) for the server to write out the pages the
# previous phase left dirty, so no phase pays for another's writes.
# The last line reads: full-rerun/floor=R nightly-wall-s=S peak-heap-mb=M remote/local=R2 (issue 21: the full
# rerun with 2 worker processes over RabbitMQ, jobs/run-distributed.sh, against the local one) full-rerun-s=F
# report-s=T largest-page-mb=P (issue 22: the counted full rerun's job time; the report of that range in its own
# JVM under -Xmx512m started by jobs/report.sh, JVM start included; the largest HTML page of its site)
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
work="${1:-$here/target/bench}"
jar="$here/target/debenture-compliance.jar"
db_host="${BENCH_DB_HOST:-127.0.0.1}"
db_user="${BENCH_DB_USER:-root}"
db_password="${BENCH_DB_PASSWORD:-}"
url="jdbc:mysql://$db_host:3306/compliance_bench?rewriteBatchedStatements=true"
through=2007-05-29
nightly_day=2007-05-30

[ -f "$jar" ] && [ -d "$here/target/test-classes/org/debentures/compliance/tools" ] \
  || (cd "$here" && ./mvnw -q -DskipTests package)
sql() { mariadb -h"$db_host" -u"$db_user" ${db_password:+-p"$db_password"} -N -e "$1"; }
# Before each timed phase: wait (at most 2 minutes) until the server has written out what the last
# phase left in its buffer pool, so that no phase pays for the writes of the one before it.
quiesce() {
  local total dirty i
  total=$(sql "SHOW GLOBAL STATUS LIKE 'Innodb_buffer_pool_pages_total'" | awk '{print $2}')
  for i in $(seq 1 120); do
    dirty=$(sql "SHOW GLOBAL STATUS LIKE 'Innodb_buffer_pool_pages_dirty'" | awk '{print $2}')
    [ "$(( dirty * 100 ))" -le "$(( total * 2 ))" ] && return 0
    sleep 1
  done
}
# the generators live outside the production jar (src/tools/java, compiled into target/test-classes)
launcher() { java -cp "$jar" -Dloader.path="$here/target/test-classes" -Dloader.main="$1" org.springframework.boot.loader.launch.PropertiesLauncher "${@:2}"; }
# the job as jobs/nightly.sh starts it (extracted jar and class-data sharing, jobs/fast-start.sh), -Xmx512m
job() { JAVA_OPTS="-Xmx512m" COMPLIANCE_JAR="$jar" COMPLIANCE_DATA_DIR="$work/portfolio" \
  SPRING_DATASOURCE_URL="$url" SPRING_DATASOURCE_USERNAME="$db_user" SPRING_DATASOURCE_PASSWORD="$db_password" \
  "$here/jobs/nightly.sh" "$@"; }

echo "== 1. portfolio (seeded) in $work/portfolio"
rm -rf "$work" && mkdir -p "$work"
launcher org.debentures.compliance.tools.sample.PortfolioGenerator "$work/portfolio" 42 300 1000 --through=$through

# like the floor's load, the full rerun is timed FULL_RUNS times (each into a new database) and the
# fastest counts: both sides of the ratio are the best this machine did in this run
full_runs="${BENCH_FULL_RUNS:-3}"
full_s=""
full_heap=0
for run in $(seq 1 "$full_runs"); do
  mariadb -h"$db_host" -u"$db_user" ${db_password:+-p"$db_password"} -e \
    "DROP DATABASE IF EXISTS compliance_bench; CREATE DATABASE compliance_bench"
  quiesce
  echo "== 2. (a) full rerun of the 5 years, -Xmx512m (run $run of $full_runs)"
  job --to=$through --business-date=2026-11-21 | tee "$work/full-$run.log" | grep -E "^Compliance run|^peak heap"
  run_s=$(grep -oE "COMPLETED in [0-9.]+ s" "$work/full-$run.log" | grep -oE "[0-9.]+")
  run_heap=$(grep -oE "^peak heap: [0-9]+" "$work/full-$run.log" | grep -oE "[0-9]+$")
  full_heap=$(( run_heap > full_heap ? run_heap : full_heap ))
  if [ -z "$full_s" ] || awk -v a="$run_s" -v b="$full_s" 'BEGIN { exit !(a < b) }'; then
    full_s=$run_s
    cp "$work/full-$run.log" "$work/full.log"
  fi
  full_times="${full_times:+$full_times, }$run_s"
done
echo "full reruns (s): $full_times; the fastest counts ($full_s s); its stages:"
grep -E "stage .* took|executed in|writes sent|partition .* took" "$work/full.log" | cut -c1-400 || true

# issue 22: the report of that full range (the site, the workbooks and the CSV export, as the report command writes
# them), in its own JVM under -Xmx512m, from the fastest run's database (the last run's range: the same range)
quiesce
echo "== 2. (e) the report of the full range, its own JVM, -Xmx512m"
rm -rf "$work/site"
report_start=$(date +%s.%N)
# as an operator runs it: jobs/report.sh (the nightly run's JVM start: extracted jar, class-data sharing; -Xmx512m)
JAVA_OPTS="-Xmx512m" COMPLIANCE_JAR="$jar" COMPLIANCE_DATA_DIR="$work/portfolio" SPRING_DATASOURCE_URL="$url" \
  SPRING_DATASOURCE_USERNAME="$db_user" SPRING_DATASOURCE_PASSWORD="$db_password" \
  "$here/jobs/report.sh" --export-dir="$work/site" --logging.level.root=WARN --logging.level.org.debentures.compliance=INFO \
  | tee "$work/report.log" | tail -1
report_end=$(date +%s.%N)
report_s=$(awk -v s="$report_start" -v e="$report_end" 'BEGIN { printf "%.1f", e - s }')
largest_page=$(find "$work/site" -name '*.html' -printf '%s %p\n' | sort -n | tail -1)
largest_page_mb=$(echo "$largest_page" | awk '{ printf "%.2f", $1 / 1048576 }')
echo "report ${report_s} s (JVM start included) for the ${full_s} s job; $(find "$work/site" -name '*.html' | wc -l) pages," \
  "the largest ${largest_page_mb} MB (${largest_page#* }); workbook $(du -h "$work/site"/*.xlsx | cut -f1)"

# issue 21: the same full rerun with its results step sent to 2 worker processes over RabbitMQ
# (jobs/run-distributed.sh; the manager and the workers each -Xmx512m), into a new database
mariadb -h"$db_host" -u"$db_user" ${db_password:+-p"$db_password"} -e \
  "DROP DATABASE IF EXISTS compliance_bench_remote; CREATE DATABASE compliance_bench_remote"
quiesce
echo "== 2. (d) the same full rerun, remote partitions on 2 worker processes (RabbitMQ)"
JAVA_OPTS="-Xmx512m" COMPLIANCE_JAR="$jar" WORKER_LOG_DIR="$work/workers" \
  SPRING_DATASOURCE_URL="jdbc:mysql://$db_host:3306/compliance_bench_remote?rewriteBatchedStatements=true" \
  SPRING_DATASOURCE_USERNAME="$db_user" SPRING_DATASOURCE_PASSWORD="$db_password" \
  "$here/jobs/run-distributed.sh" 2 --data-dir="$work/portfolio" --to=$through --business-date=2026-11-21 \
  | tee "$work/remote.log" | grep -E "^Compliance run|^peak heap|COMPLETED in|FAILED in"
remote_s=$(grep -oE "^Compliance run .*COMPLETED in [0-9.]+ s" "$work/remote.log" | grep -oE "[0-9.]+ s$" | grep -oE "[0-9.]+")
remote_ratio=$(awk -v r="$remote_s" -v f="$full_s" 'BEGIN { printf "%.2f", r / f }')
echo "remote full rerun ${remote_s} s against the local ${full_s} s: remote/local=$remote_ratio"

quiesce
echo "== 3. (b) floor: parse the same CSVs, bulk-load the same rows; the window-function Market Price"
launcher org.debentures.compliance.tools.bench.FloorBenchmark "$work/portfolio" "$url" "$db_user" "$db_password" \
  | tee "$work/floor.log" | grep -E "^floor"
floor_line=$(tail -1 "$work/floor.log")
parse_ms=$(echo "$floor_line" | grep -oE "floor-parse-ms=[0-9]+" | cut -d= -f2)
load_ms=$(echo "$floor_line" | grep -oE "floor-load-ms=[0-9]+" | cut -d= -f2)
# the job works out each symbol's Market Prices first among its deals' rules, in each partition: the time is summed over them
market_ms=$(grep -oE "Market Prices of [0-9]+ symbols took [0-9]+ ms" "$work/full.log" | grep -oE "[0-9]+ ms" \
  | awk '{ s += $1 } END { print s + 0 }')
echo "Market Price: job ${market_ms} ms of worker time (300 symbols, every calendar day, prices read, 4(b) adjustment, evidence, exceptions);" \
  "window query $(echo "$floor_line" | grep -oE "window-query-ms=[0-9]+" | cut -d= -f2) ms"

echo "== 4. (c) nightly run adding one day of files ($nightly_day), wall time including JVM start"
launcher org.debentures.compliance.tools.sample.PortfolioGenerator "$work/portfolio" 42 300 1000 --day=$nightly_day
quiesce
start=$(date +%s.%N)
job --business-date=2007-05-31 | tee "$work/nightly.log" | grep -E "^Compliance run|^peak heap"
end=$(date +%s.%N)
nightly_heap=$(grep -oE "^peak heap: [0-9]+" "$work/nightly.log" | grep -oE "[0-9]+$")

ratio=$(awk -v f="$full_s" -v p="$parse_ms" -v l="$load_ms" 'BEGIN { printf "%.2f", f * 1000 / (p + l) }')
nightly=$(awk -v s="$start" -v e="$end" 'BEGIN { printf "%.1f", e - s }')
heap=$(( full_heap > nightly_heap ? full_heap : nightly_heap ))
echo "full rerun ${full_s} s; floor $(( parse_ms + load_ms )) ms (parse ${parse_ms} + load ${load_ms})"
echo "full-rerun/floor=$ratio nightly-wall-s=$nightly peak-heap-mb=$heap remote/local=$remote_ratio full-rerun-s=$full_s report-s=$report_s largest-page-mb=$largest_page_mb"
