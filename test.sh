#!/usr/bin/env bash
# The one test command. Restores, builds with warnings as errors, starts a throw-away PostgreSQL 15
# cluster on a free loopback port, installs Chromium (and its headless shell) if missing, runs every test project (the
# integration tests on SQLite and again on PostgreSQL), stops the cluster, and prints
# "N passed, N failed" as its last line.
set -uo pipefail
cd "$(dirname "$0")"
root=$PWD
results="$root/.test-results"
rm -rf "$results" && mkdir -p "$results"
configuration=${CONFIGURATION:-Release}
log() { printf '\n== %s\n' "$*"; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

# --- tools a fresh machine lacks --------------------------------------------------------------
# The browser tests run Debian's Chromium headless shell, and the full browser for the one thing the shell does not do (ADR 47).
if [ ! -x /usr/lib/chromium/chromium-headless-shell ] || [ ! -x /usr/bin/chromium ]; then
  log "installing Debian's chromium and chromium-headless-shell for the browser tests"
  as_root apt-get update -q >/dev/null && as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium chromium-headless-shell >/dev/null \
    || { echo "could not install chromium and chromium-headless-shell"; exit 1; }
fi
# The spike-detection tests compare with R surveillance on the datasets it ships (issue 16): Debian's package, without
# its recommends (20 packages; about 11 s to install here once the package lists are fresh).
if ! Rscript -e 'library(surveillance)' >/dev/null 2>&1; then
  log "installing R surveillance (Debian's r-cran-surveillance) for the spike-detection reference tests"
  r_start=$(date +%s)
  as_root apt-get update -q >/dev/null && as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends r-cran-surveillance >/dev/null \
    || { echo "could not install r-cran-surveillance"; exit 1; }
  echo "R surveillance installed in $(( $(date +%s) - r_start )) s"
fi
pgbin=/usr/lib/postgresql/15/bin
if [ ! -x "$pgbin/initdb" ]; then
  log "installing PostgreSQL 15"
  as_root apt-get update -q >/dev/null && as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql-15 >/dev/null \
    || { echo "could not install postgresql-15"; exit 1; }
fi

if [ ! -d tests/hsds-validate/node_modules ]; then
  log "installing the HSDS schema validator (ajv)"
  (cd tests/hsds-validate && npm ci --no-audit --no-fund) || { echo "could not install tests/hsds-validate"; exit 1; }
fi
if [ ! -d tests/qr-decode/node_modules ]; then
  log "installing the QR decoder (jsqr) for the QR encoder's tests"
  (cd tests/qr-decode && npm ci --no-audit --no-fund) || { echo "could not install tests/qr-decode"; exit 1; }
fi

# --- build ---------------------------------------------------------------------------------------
log "restore and build ($configuration, warnings as errors)"
build_start=$(date +%s)
dotnet restore Kith.slnx || exit 1
dotnet build Kith.slnx -c "$configuration" --no-restore -warnaserror || exit 1
build_seconds=$(( $(date +%s) - build_start ))
echo "build took $build_seconds s"

# --- throw-away PostgreSQL cluster ---------------------------------------------------------------
pgroot=$(mktemp -d /tmp/kith-pg.XXXXXX)
chmod 755 "$pgroot"
pguser=postgres
run_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
if [ "$(id -u)" != 0 ]; then pguser=$(id -un); fi
if [ "$(id -u)" = 0 ]; then chown postgres "$pgroot"; fi
port=""
for _ in $(seq 1 50); do
  candidate=$(( 20000 + RANDOM % 20000 ))
  if ! (exec 3<>"/dev/tcp/127.0.0.1/$candidate") 2>/dev/null; then port=$candidate; break; fi
done
[ -n "$port" ] || { echo "no free port for PostgreSQL"; exit 1; }
stop_pg() { run_pg "$pgbin/pg_ctl" -D "$pgroot/data" -m immediate stop >/dev/null 2>&1; rm -rf "$pgroot"; }
trap stop_pg EXIT
log "starting PostgreSQL 15 on 127.0.0.1:$port"
run_pg "$pgbin/initdb" -D "$pgroot/data" -U "$pguser" --auth=trust -E UTF8 --locale=C.UTF-8 >"$pgroot/initdb.log" 2>&1 \
  || { cat "$pgroot/initdb.log"; exit 1; }
run_pg "$pgbin/pg_ctl" -D "$pgroot/data" -l "$pgroot/server.log" -w -t 60 \
  -o "-p $port -k $pgroot -c listen_addresses=127.0.0.1 -c max_connections=300 -c fsync=off -c shared_buffers=128MB" start >/dev/null \
  || { cat "$pgroot/server.log"; exit 1; }
export KITH_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=$pguser;Database=postgres;Pooling=true;Maximum Pool Size=50"

# --- tests ---------------------------------------------------------------------------------------
# Runtime switches for the test processes and every app they start (not for deployments): most of the suite's
# CPU is start-up work repeated per test host — JIT, and the W^X double mapping of every method it compiles —
# and PGO instrumentation only pays back in long-running processes; a 128 MB first generation and no background
# GC trade memory (the machine has plenty) for fewer collections. Measured in docs/testing.md and ADR 25.
export DOTNET_TieredPGO=0 DOTNET_EnableWriteXorExecute=0 DOTNET_GCgen0size=0x8000000 DOTNET_gcConcurrent=0
status=0
run_tests() { # name project provider filter [threads]: one stage; its time goes to $results/<name>.time
  local name=$1 project=$2 provider=$3 filter=$4 threads=${5:-} rc=0
  log "tests: $name"
  local start; start=$(date +%s)
  KITH_TEST_PROVIDER=$provider dotnet test "$project" -c "$configuration" --no-build \
    --filter "$filter" --logger "trx;LogFileName=$name.trx" --results-directory "$results" \
    --logger "console;verbosity=normal" ${threads:+-- xUnit.MaxParallelThreads=$threads} || rc=1
  echo "$name: $(( $(date +%s) - start )) s" >"$results/$name.time"
  return $rc
}
test_start=$(date +%s)
# Tests marked Provider=Independent (no database, or always the embedded one) run once, in the SQLite stage.
# The integration stages run three test classes at a time on the 2 cores: with two, the cores idled about a sixth of the
# stage while tests waited on processes, timers and the database (SQLite stage 225 s with two, 208 s with three, same
# code, same hour; ADR 42).
postgres_stage() { run_tests integration-postgres tests/Kith.Tests postgres "(Category=Integration&Provider!=Independent)|Category=PostgresOnly" 3; }
# One stage after another by default. KITH_TEST_LANES=2 runs the PostgreSQL stage beside the others (ADR 33): on
# this 2-core machine the stages are CPU-bound, and the first idle run with two lanes had finished neither
# integration stage after 9.5 minutes (one after another they take about 9), so it is not the default.
# In two lanes its console lines carry a [postgres] prefix; each stage keeps its own trx file and time line.
postgres_lane=""
if [ "${KITH_TEST_LANES:-1}" = 2 ]; then
  ( postgres_stage 2>&1 | sed -u 's/^/[postgres] /' ) &
  postgres_lane=$!
fi
run_tests unit tests/Kith.Tests sqlite "Category!=Integration&Category!=PostgresOnly" || status=1
run_tests integration-sqlite tests/Kith.Tests sqlite "Category=Integration" 3 || status=1
[ -n "$postgres_lane" ] || postgres_stage || status=1
run_tests browser tests/Kith.BrowserTests sqlite "FullyQualifiedName!=NONE" || status=1
[ -z "$postgres_lane" ] || wait "$postgres_lane" || status=1
echo "tests took $(( $(date +%s) - test_start )) s"
stage_times=("build: $build_seconds s")
for name in unit integration-sqlite integration-postgres browser; do
  [ -f "$results/$name.time" ] && stage_times+=("$(cat "$results/$name.time")")
done
printf 'stage time  %s\n' "${stage_times[@]}"

# --- summary -------------------------------------------------------------------------------------
count() { # file attribute
  [ -f "$1" ] || { echo 0; return; }
  grep -o "<Counters [^>]*" "$1" | grep -o "$2=\"[0-9]*\"" | grep -o '[0-9]*' | head -1
}
passed=0; failed=0; skipped=0
for name in unit integration-sqlite integration-postgres browser; do
  file="$results/$name.trx"
  p=$(count "$file" passed); f=$(count "$file" failed); t=$(count "$file" total); e=$(count "$file" executed)
  [ -f "$file" ] || { echo "$name: no results (the run did not complete)"; failed=$((failed + 1)); continue; }
  s=$(( ${t:-0} - ${e:-0} ))
  echo "$name: ${t:-0} ran: ${p:-0} passed, ${f:-0} failed, $s not run"
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0})); skipped=$((skipped + s))
done
# The names of failed tests, so a red CI log says what to look at without the .trx files.
for file in "$results"/*.trx; do
  [ -f "$file" ] || continue
  grep -o '<UnitTestResult [^>]*outcome="Failed"[^>]*' "$file" | grep -o 'testName="[^"]*"' \
    | sed -e 's/^testName="//' -e 's/"$//' -e "s|^|FAILED ($(basename "$file" .trx)): |"
done
[ "$failed" -gt 0 ] && status=1
if [ "$skipped" -gt 0 ]; then echo "$passed passed, $failed failed, $skipped skipped"; else echo "$passed passed, $failed failed"; fi
exit $status
