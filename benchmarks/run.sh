#!/usr/bin/env bash
# Vigie benchmarks, in one command (from anywhere): benchmarks/run.sh
#   1. builds the jars if they are missing or older than the sources (mvn -q -DskipTests package);
#   2. JMH: the classification engine alone, one thread, posts/s over the realistic mix (goal ≥ 100,000);
#   3. load run: starts the real server jar on a free loopback port with a temporary data folder and admin token,
#      sends 50-post batches to POST /api/v1/classify and the same bodies to POST /api/v1/echo, alternating,
#      (goal: classify ≥ half of echo's throughput), then stops the server and prints a summary.
# Options: --skip-jmh, --skip-load. Extra JMH arguments: JMH_ARGS="-i 3 -r 5". Load settings: LOAD_ARGS="--threads 4".
# With taskset and ≥ 2 cores, the server and JMH run on CPU 1 and the load driver on CPU 0.
set -euo pipefail
cd "$(dirname "$0")/.."

say() { printf '\033[1m==> %s\033[0m\n' "$*"; }
die() { printf 'benchmarks/run.sh: %s\n' "$*" >&2; exit 1; }

run_jmh=1
run_load=1
for arg in "$@"; do
  case "$arg" in
    --skip-jmh) run_jmh=0 ;;
    --skip-load) run_load=0 ;;
    *) die "unknown option $arg (use --skip-jmh, --skip-load)" ;;
  esac
done

BENCH_JAR=benchmarks/target/benchmarks.jar
SERVER_JAR=server/target/vigie-server.jar
if [ ! -f "$BENCH_JAR" ] || [ ! -f "$SERVER_JAR" ] \
   || [ -n "$(find server/src benchmarks/src shared-schemas/schemas pom.xml server/pom.xml benchmarks/pom.xml \
                 -newer "$BENCH_JAR" -type f -print -quit 2>/dev/null)" ]; then
  say "Building (mvn -q -DskipTests package)"
  mvn -B -q -DskipTests package
fi

cores=$(nproc)
cpu=$(grep -m1 'model name' /proc/cpuinfo 2>/dev/null | cut -d: -f2- | sed 's/^ *//' || true)
java_version=$(java -version 2>&1 | head -1)
server_cpus="" client_cpus=""
pin_server=() pin_client=()
if command -v taskset >/dev/null 2>&1 && [ "$cores" -ge 2 ]; then
  server_cpus=1 client_cpus=0
  pin_server=(taskset -c "$server_cpus")
  pin_client=(taskset -c "$client_cpus")
fi
machine="$cores cores (${cpu:-unknown CPU}), $(awk '/MemTotal/ {printf "%.0f GB", $2/1048576}' /proc/meminfo), $java_version"
say "Machine: $machine"
if [ -n "$server_cpus" ]; then
  echo "    engine/server pinned to CPU $server_cpus, load driver to CPU $client_cpus (taskset)"
else
  echo "    no pinning (taskset missing or a single core): server and load driver share the CPUs"
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/vigie-bench.XXXXXX")
server_pid=""
cleanup() {
  if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
    kill "$server_pid" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 "$server_pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$server_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

jmh_line="(skipped)"
if [ "$run_jmh" -eq 1 ]; then
  say "JMH: ClassifyBenchmark (one thread, one post per op; about 90 s)"
  # shellcheck disable=SC2086
  "${pin_server[@]}" java -jar "$BENCH_JAR" ClassifyBenchmark -rf csv -rff "$work/jmh.csv" ${JMH_ARGS:-}
  jmh_line=$(awk -F, 'NR==2 {gsub(/"/,""); printf "%.0f ± %.0f posts/s (99.9%% CI)", $5, $6}' "$work/jmh.csv")
fi

load_line="(skipped)"
if [ "$run_load" -eq 1 ]; then
  token="bench-$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')"
  mkdir -p "$work/data"
  say "Starting the server ($SERVER_JAR) with a temporary data folder"
  # The API rate limit (6,000 requests/min per account by default) is raised for the load run only.
  VIGIE_PORT=0 VIGIE_DATA_DIR="$work/data" VIGIE_ADMIN_TOKEN="$token" VIGIE_ADMIN_PASSWORD="$token" \
    VIGIE_API_RATE_PER_MINUTE=1000000000 \
    "${pin_server[@]}" java -jar "$SERVER_JAR" >"$work/server.log" 2>&1 &
  server_pid=$!
  port=""
  for _ in $(seq 1 120); do
    kill -0 "$server_pid" 2>/dev/null || { cat "$work/server.log" >&2; die "the server stopped during start-up"; }
    port=$(grep -oE 'http://localhost:[0-9]+' "$work/server.log" | head -1 | cut -d: -f3 || true)
    if [ -n "$port" ] && curl -fsS "http://127.0.0.1:$port/api/v1/health" >/dev/null 2>&1; then break; fi
    port=""
    sleep 0.5
  done
  [ -n "$port" ] || { cat "$work/server.log" >&2; die "the server did not answer /api/v1/health within 60 s"; }
  echo "    server on http://127.0.0.1:$port (pid $server_pid)"

  say "Load run: classify vs echo (about 65 s)"
  set +e
  # shellcheck disable=SC2086
  VIGIE_TOKEN="$token" "${pin_client[@]}" java -cp "$BENCH_JAR" fr.vigie.benchmarks.LoadRun \
    --url "http://127.0.0.1:$port" ${LOAD_ARGS:-} | tee "$work/load.txt"
  load_status=${PIPESTATUS[0]}
  set -e
  result=$(grep '^RESULT ' "$work/load.txt" || true)
  if [ -n "$result" ]; then
    get() { sed -E "s/.* $1=([^ ]+).*/\1/" <<<"$result"; }
    load_line="classify $(get classify_rps) req/s ($(get classify_posts_s) posts/s, p50 $(get classify_p50_ms) ms, p99 $(get classify_p99_ms) ms, $(get classify_errors) errors); echo $(get echo_rps) req/s ($(get echo_posts_s) posts/s, p50 $(get echo_p50_ms) ms, p99 $(get echo_p99_ms) ms, $(get echo_errors) errors); ratio classify/echo $(get ratio)"
  else
    load_line="load run failed (status $load_status), see above"
  fi
  kill "$server_pid" 2>/dev/null || true
  wait "$server_pid" 2>/dev/null || true
  server_pid=""
fi

echo
say "Summary ($(date -u +%Y-%m-%d), $machine)"
echo "    JMH engine, 1 thread:  $jmh_line   (goal ≥ 100,000 posts/s)"
echo "    HTTP, 50-post batches: $load_line   (goal ratio ≥ 0.5)"
