#!/usr/bin/env bash
# The overlay benchmark: a 500-post X timeline that keeps growing, in Debian's Chromium with and without the
# extension, same run, 5 rounds each. Two pages: a light synthetic cell, and X's real cell structure (from the saved
# page fixture). Prints main-thread task time ratio, post → badge / risk latencies, heap; written to
# e2e-tests/target/overlay-benchmark-*.txt. Needs /usr/bin/chromium (./vigie test installs it).
# VIGIE_BENCH_POSTS and VIGIE_BENCH_ROUNDS change the size; VIGIE_BENCH_TRACE=<folder> also records a Chrome trace
# of every load, which `node benchmarks/trace-breakdown.mjs <folder> growing-timeline-x --events` breaks down.
# VIGIE_BENCH_PROFILE=<folder> records a V8 CPU profile of every load with the extension, which
# `node benchmarks/profile-breakdown.mjs <folder>` sums per function and script. VIGIE_BENCH_AUTOCAPTURE=off|high|critical
# sets the auto-capture level (default critical, the extension's default).
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -DskipTests install -pl shared-schemas,server,extension -am
for page in growing-timeline.html growing-timeline-x.html; do
  VIGIE_BENCH_PAGE=$page mvn -B -q -f e2e-tests/pom.xml test -Dvigie.excludedGroups= -Dgroups=benchmark \
    -Dtest=OverlayBenchmarkTest -Dsurefire.failIfNoSpecifiedTests=false
done
cat e2e-tests/target/overlay-benchmark-growing-timeline.txt e2e-tests/target/overlay-benchmark-growing-timeline-x.txt
