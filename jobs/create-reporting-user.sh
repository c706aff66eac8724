#!/usr/bin/env bash
# Creates the read-only reporting user (legal_* and treasury_* views only) in a MySQL/MariaDB
# reporting database. Secrets come from the environment, never from the repo:
#   REPORTING_PASSWORD (required), REPORTING_USER (default compliance_reporting), REPORTING_HOST (default %),
#   MYSQL_DATABASE (default compliance); connection options for the mysql client as extra arguments.
# Example: REPORTING_PASSWORD=... jobs/create-reporting-user.sh -h db.internal -u admin -p
set -euo pipefail
: "${REPORTING_PASSWORD:?set REPORTING_PASSWORD}"
user="${REPORTING_USER:-compliance_reporting}"
host="${REPORTING_HOST:-%}"
db="${MYSQL_DATABASE:-compliance}"
sql="$(dirname "$0")/../src/main/resources/sql/mysql/reporting-user.sql"
escaped_password=$(printf '%s' "$REPORTING_PASSWORD" | sed "s/'/''/g; s/[\\&|]/\\\\&/g")
sed -e "s|\${user}|$user|g" -e "s|\${host}|$host|g" -e "s|\${password}|$escaped_password|g" "$sql" \
  | mysql "$@" "$db"
echo "reporting user '$user'@'$host' can read the legal_* and treasury_* views of $db"
