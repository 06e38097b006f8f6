#!/usr/bin/env bash
# The capture benchmark: click on « Capturer la preuve » → server acknowledgement, median of 50 captures of a post on
# the X timeline fixture, against the floor measured in the same run (a bare captureVisibleTab of the same tab and
# the upload of the very bytes a capture sends, from an extension page). Goal: ratio of medians ≤ 1.5.
# Prints the medians, p90, the part sizes and the ratio; written to e2e-tests/target/capture-benchmark.txt.
# Needs /usr/bin/chromium (./vigie test installs it). VIGIE_BENCH_CAPTURES changes the count.
set -euo pipefail
cd "$(dirname "$0")/.."
# The extension's copy of the shared taxonomy, then the server and the benchmark from this checkout (the reactor,
# not ~/.m2, so the server measured is the one beside this extension).
mvn -B -q -DskipTests -pl extension generate-resources
mvn -B -q -pl shared-schemas,server,e2e-tests test -Dvigie.excludedGroups= -Dgroups=benchmark \
  -Dtest=CaptureBenchmarkTest -Dsurefire.failIfNoSpecifiedTests=false
cat e2e-tests/target/capture-benchmark.txt
