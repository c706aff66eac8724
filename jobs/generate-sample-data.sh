#!/usr/bin/env bash
# Regenerates the SYNTHETIC sample price feeds under data/prices (see SampleDataGenerator):
#   jobs/generate-sample-data.sh [DATA_DIR] [SEED]      (defaults: data 20020328)
# The same seed writes the same bytes. The filings log (data/filings) and the deal file are hand-written.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
jar="${COMPLIANCE_JAR:-$here/target/debenture-compliance.jar}"
# the generator lives outside the production jar (src/tools/java, compiled into target/test-classes)
tools="$here/target/test-classes"
[ -f "$jar" ] && [ -d "$tools/org/debentures/compliance/tools" ] || (cd "$here" && ./mvnw -q -DskipTests package)
exec java -cp "$jar" -Dloader.path="$tools" -Dloader.main=org.debentures.compliance.tools.sample.SampleDataGenerator \
  org.springframework.boot.loader.launch.PropertiesLauncher "${1:-$here/data}" "${2:-20020328}"
