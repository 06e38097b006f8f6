#!/usr/bin/env bash
# The overlay benchmark: a 500-post X timeline that keeps growing, in Debian's Chromium with and without the
# extension, same run. Prints main-thread task time ratio, post → badge / risk latencies, heap; also written to
# e2e-tests/target/overlay-benchmark.txt. Needs /usr/bin/chromium (./vigie test installs it).
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -DskipTests install -pl shared-schemas,server,extension -am
mvn -B -q -f e2e-tests/pom.xml test -Dvigie.excludedGroups= -Dgroups=benchmark -Dtest=OverlayBenchmarkTest \
  -Dsurefire.failIfNoSpecifiedTests=false
cat e2e-tests/target/overlay-benchmark.txt
