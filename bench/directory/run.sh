#!/usr/bin/env bash
# Directory search benchmark: Kith's real GET /api/directory/search (in-memory engine) against the same
# queries answered by PostgreSQL alone (tsvector + GiST bounding box + haversine + schedules table), in
# the same run, on the same generated services. Writes bench/directory/RESULTS.md. See README.md.
#   bench/directory/run.sh [--sizes 10000,100000,1000000] [--duration 20s] [--threads 2] [--connections 32]
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$PWD
command="bench/directory/run.sh $*"
sizes=10000,100000,1000000; duration=20s; warmup=5s; threads=2; connections=32
while [ $# -gt 0 ]; do
  case $1 in
    --sizes) sizes=$2; shift 2 ;;
    --duration) duration=$2; shift 2 ;;
    --threads) threads=$2; shift 2 ;;
    --connections) connections=$2; shift 2 ;;
    *) echo "unknown option $1"; exit 2 ;;
  esac
done
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
log() { printf '\n== %s\n' "$*"; }

if ! command -v wrk >/dev/null; then
  log "installing wrk"
  as_root apt-get update -q >/dev/null && as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q wrk >/dev/null
fi
pgbin=/usr/lib/postgresql/15/bin
if [ ! -x "$pgbin/initdb" ]; then
  log "installing PostgreSQL 15"
  as_root apt-get update -q >/dev/null && as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql-15 >/dev/null
fi

work=$(mktemp -d /tmp/kith-bench-directory.XXXXXX)
chmod 755 "$work"
server=""
cleanup() {
  set +e
  [ -n "$server" ] && kill "$server" 2>/dev/null && wait "$server" 2>/dev/null
  [ -d "$work/pg" ] && run_pg "$pgbin/pg_ctl" -D "$work/pg/data" -m immediate stop >/dev/null 2>&1
  rm -rf "$work/pg"  # GBs at 1M; the stats and wrk outputs stay
  echo "work files: $work"
}
trap cleanup EXIT

log "building DirectoryBench (Release)"
dotnet build bench/directory/DirectoryBench -c Release -nologo -v q >/dev/null
bench_dll="$root/bench/directory/DirectoryBench/bin/Release/net10.0/DirectoryBench.dll"

# --- throw-away PostgreSQL 15 cluster (as test.sh: initdb as the postgres user when run as root) -------
mkdir -p "$work/pg"
pguser=postgres
run_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
if [ "$(id -u)" != 0 ]; then pguser=$(id -un); else chown postgres "$work/pg"; fi
free_port() {
  for _ in $(seq 1 50); do
    local candidate=$(( 20000 + RANDOM % 20000 ))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$candidate") 2>/dev/null; then echo "$candidate"; return; fi
  done
  echo "no free port" >&2; return 1
}
pgport=$(free_port)
log "starting PostgreSQL 15 on 127.0.0.1:$pgport"
run_pg "$pgbin/initdb" -D "$work/pg/data" -U "$pguser" --auth=trust -E UTF8 --locale=C.UTF-8 >"$work/pg/initdb.log" 2>&1 \
  || { cat "$work/pg/initdb.log"; exit 1; }
# Tuned for a read-mostly search box, not handicapped: 1 GB shared buffers, parallel workers allowed by default.
run_pg "$pgbin/pg_ctl" -D "$work/pg/data" -l "$work/pg/server.log" -w -t 60 \
  -o "-p $pgport -k $work/pg -c listen_addresses=127.0.0.1 -c max_connections=300 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c shared_buffers=1GB -c effective_cache_size=4GB -c work_mem=16MB -c max_wal_size=4GB" start >/dev/null \
  || { cat "$work/pg/server.log"; exit 1; }
connection="Host=127.0.0.1;Port=$pgport;Username=$pguser;Database=postgres;Maximum Pool Size=64"

{
  echo "date:        $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo "cpu:         $(nproc) × $(lscpu | sed -n 's/^Model name: *//p' | head -1)"
  echo "memory:      $(free -g | awk '/^Mem:/ {print $2}') GB"
  echo "os:          $(. /etc/os-release && echo "$PRETTY_NAME"), kernel $(uname -r)"
  echo ".NET:        $(dotnet --version)"
  echo "PostgreSQL:  $("$pgbin/postgres" --version)"
  echo "wrk:         $(wrk -v 2>&1 | head -1)"
  echo "load at start: $(cut -d' ' -f1-3 /proc/loadavg) (1/5/15 min; the machine is shared)"
} > "$work/machine.txt"

for n in ${sizes//,/ }; do
  log "N = $n: generate, build the index, measure in process, load PostgreSQL"
  port=$(free_port)
  rm -f "$work/ready"
  dotnet "$bench_dll" serve --n "$n" --pg "$connection" --port "$port" --out "$work" > "$work/serve-$n.log" 2>&1 &
  server=$!
  until [ -f "$work/ready" ]; do
    kill -0 "$server" 2>/dev/null || { cat "$work/serve-$n.log"; exit 1; }
    sleep 1
  done
  cat "$work/serve-$n.log"
  for target in kith:/api/directory/search pg:/baseline/search; do
    name=${target%%:*}; path=${target#*:}
    # A 30 s timeout: slow answers are measured, not dropped (wrk's default of 2 s hides them).
    args=(-t"$threads" -c"$connections" --timeout 30s --latency -s "$root/bench/directory/mix.lua" "http://127.0.0.1:$port" -- "$work/queries.txt" "$path")
    wrk -t"$threads" -c"$connections" --timeout 30s -d"$warmup" -s "$root/bench/directory/mix.lua" "http://127.0.0.1:$port" -- "$work/queries.txt" "$path" >/dev/null
    log "wrk $path (N = $n, load $(cut -d' ' -f1 /proc/loadavg))"
    shown="wrk -d$duration ${args[*]}"; shown=${shown//$root\//}; shown=${shown//$work\//}
    { echo "# $shown (load before: $(cut -d' ' -f1-3 /proc/loadavg))"; wrk -d"$duration" "${args[@]}"; } | tee "$work/wrk-$name-$n.txt"
  done
  echo "load after N = $n: $(cut -d' ' -f1-3 /proc/loadavg)" >> "$work/machine.txt"
  kill "$server"; wait "$server" 2>/dev/null || true; server=""
done

echo "load at end: $(cut -d' ' -f1-3 /proc/loadavg)" >> "$work/machine.txt"
dotnet "$bench_dll" report --out "$work" --command "$command" --results "$root/bench/directory/RESULTS.md"
log "wrote bench/directory/RESULTS.md"
