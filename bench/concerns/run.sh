#!/usr/bin/env bash
# Concern submission benchmark: durable submissions per second and latency of Kith's real POST /api/concerns with
# 50 concurrent clients, against the same database's raw single-row insert-and-commit rate measured in the same run,
# on SQLite and on PostgreSQL; and the time from submit to a signed-in responder's live stream (GET /staff/events).
# Writes bench/concerns/RESULTS.md. See README.md.
#   bench/concerns/run.sh [--providers sqlite,postgres] [--clients 50] [--warmup 5] [--duration 30]
#                         [--probe-seconds 20] [--probe-rate 20]
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$PWD
command="bench/concerns/run.sh $*"
providers=sqlite,postgres; clients=50; warmup=5; duration=30; probe_seconds=20; probe_rate=20
while [ $# -gt 0 ]; do
  case $1 in
    --providers) providers=$2; shift 2 ;;
    --clients) clients=$2; shift 2 ;;
    --warmup) warmup=$2; shift 2 ;;
    --duration) duration=$2; shift 2 ;;
    --probe-seconds) probe_seconds=$2; shift 2 ;;
    --probe-rate) probe_rate=$2; shift 2 ;;
    *) echo "unknown option $1"; exit 2 ;;
  esac
done
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
log() { printf '\n== %s (load %s)\n' "$*" "$(cut -d' ' -f1-3 /proc/loadavg)"; }

pgbin=/usr/lib/postgresql/15/bin
if [ ! -x "$pgbin/initdb" ]; then
  log "installing PostgreSQL 15"
  as_root apt-get update -q >/dev/null && as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql-15 >/dev/null
fi

work=$(mktemp -d /tmp/kith-bench-concerns.XXXXXX)
chmod 755 "$work"
exec > >(tee "$work/run.log") 2>&1
server=""
run_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
cleanup() {
  set +e
  [ -n "$server" ] && kill "$server" 2>/dev/null && wait "$server" 2>/dev/null
  [ -d "$work/pg" ] && run_pg "$pgbin/pg_ctl" -D "$work/pg/data" -m immediate stop >/dev/null 2>&1
  rm -rf "$work/pg" "$work"/*.db* "$work"/kith-*/
  echo "work files (logs, JSON): $work"
}
trap cleanup EXIT

log "building Kith and ConcernsBench (Release)"
dotnet build src/Kith -c Release -nologo -v q >/dev/null
dotnet build bench/concerns/ConcernsBench -c Release -nologo -v q >/dev/null
kith_dll="$root/src/Kith/bin/Release/net10.0/Kith.dll"
bench() { dotnet "$root/bench/concerns/ConcernsBench/bin/Release/net10.0/ConcernsBench.dll" "$@" --out "$work" \
  --clients "$clients" --warmup "$warmup" --duration "$duration"; }

# --- throw-away PostgreSQL 15 cluster (as test.sh, but durable: fsync and synchronous_commit stay on) --------------
mkdir -p "$work/pg"
pguser=postgres
if [ "$(id -u)" != 0 ]; then pguser=$(id -un); else chown postgres "$work/pg"; fi
free_port() {
  for _ in $(seq 1 50); do
    local candidate=$(( 20000 + RANDOM % 20000 ))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$candidate") 2>/dev/null; then echo "$candidate"; return; fi
  done
  echo "no free port" >&2; return 1
}
pgport=$(free_port)
log "starting PostgreSQL 15 on 127.0.0.1:$pgport (fsync on)"
run_pg "$pgbin/initdb" -D "$work/pg/data" -U "$pguser" --auth=trust -E UTF8 --locale=C.UTF-8 >"$work/pg/initdb.log" 2>&1 \
  || { cat "$work/pg/initdb.log"; exit 1; }
# Defaults otherwise (fsync, synchronous_commit, full_page_writes on; 128 MB shared buffers); pg_stat_statements
# to see which statements a submission costs.
run_pg "$pgbin/pg_ctl" -D "$work/pg/data" -l "$work/pg/server.log" -w -t 60 \
  -o "-p $pgport -k $work/pg -c listen_addresses=127.0.0.1 -c max_connections=300 -c shared_preload_libraries=pg_stat_statements" start >/dev/null \
  || { cat "$work/pg/server.log"; exit 1; }
pg_at() { echo "Host=127.0.0.1;Port=$pgport;Username=$pguser;Database=$1"; }
for database in raw kith; do
  run_pg "$pgbin/psql" -h "$work/pg" -p "$pgport" -U "$pguser" -d postgres -qc "CREATE DATABASE $database" >/dev/null
done

{
  echo "date:        $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo "cpu:         $(nproc) × $(lscpu | sed -n 's/^Model name: *//p' | head -1)"
  echo "memory:      $(free -g | awk '/^Mem:/ {print $2}') GB"
  echo "disk:        $(df -T "$work" | awk 'NR==2 {print $2 " on " $1}') (the SQLite files and the PostgreSQL cluster)"
  echo "os:          $(. /etc/os-release && echo "$PRETTY_NAME"), kernel $(uname -r)"
  echo ".NET:        $(dotnet --version)"
  echo "PostgreSQL:  $("$pgbin/postgres" --version)"
  echo "load at start: $(cut -d' ' -f1-3 /proc/loadavg) (1/5/15 min; the machine is shared)"
  echo "busiest other processes at start:"
  ps -eo pcpu,args --sort=-pcpu | sed -n '2,5p' | cut -c1-140 | sed 's/^/  /'
} > "$work/machine.txt"
cat "$work/machine.txt"

password="bench responder passphrase"
team=crisis1@bench.example,crisis2@bench.example,crisis3@bench.example
for provider in ${providers//,/ }; do
  log "$provider: raw insert-and-commit baseline"
  if [ "$provider" = postgres ]; then raw=$(pg_at raw); kith_db=$(pg_at kith); else raw="Data Source=$work/raw.db"; kith_db="Data Source=$work/kith-sqlite/kith.db"; fi
  bench raw --provider "$provider" --connection "$raw"

  log "$provider: Kith: migrate, staff accounts, teams and routing rules"
  port=$(free_port)
  kith_env=(Urls="http://127.0.0.1:$port" Kith__KeyRingPath="$work/kith-$provider/keys" Kith__DemoOnFirstStart=false
    Kith__RateLimits__PublicPerMinute=100000000 Kith__Jobs__Enabled=true)
  if [ "$provider" = postgres ]; then kith_env+=(ConnectionStrings__Postgres="$kith_db"); else kith_env+=(ConnectionStrings__Sqlite="$kith_db"); fi
  kith() { (cd src/Kith && env "${kith_env[@]}" dotnet "$kith_dll" "$@"); }
  kith migrate >"$work/migrate-$provider.log" 2>&1 || { cat "$work/migrate-$provider.log"; exit 1; }
  bench organisation --provider "$provider" --connection "$kith_db"
  for email in probe@bench.example ${team//,/ }; do
    kith users add --email "$email" --name "${email%@*}" --role responder --org "Bench County Crisis Line" --password "$password" >/dev/null
  done
  bench teams --provider "$provider" --connection "$kith_db" --team "$team" --probe-email probe@bench.example

  log "$provider: Kith serving on 127.0.0.1:$port"
  # exec all the way down: $! is the server process itself (its CPU time is read from /proc).
  (cd src/Kith && exec env "${kith_env[@]}" dotnet "$kith_dll" > "$work/kith-$provider.log" 2>&1) &
  server=$!
  until curl -fs -o /dev/null "http://127.0.0.1:$port/readyz"; do
    kill -0 "$server" 2>/dev/null || { cat "$work/kith-$provider.log"; exit 1; }
    sleep 0.5
  done
  bench kith --provider "$provider" --connection "$kith_db" --url "http://127.0.0.1:$port" --kith-pid "$server" \
    --probe-email probe@bench.example --password "$password" --probe-seconds "$probe_seconds" --probe-rate "$probe_rate"
  kill "$server"; wait "$server" 2>/dev/null || true; server=""
  echo "$provider: $(grep -c '"LogLevel":"\(Error\|Critical\)"' "$work/kith-$provider.log" || true) error lines in Kith's log"
done

log "done"
echo "load at end: $(cut -d' ' -f1-3 /proc/loadavg)" >> "$work/machine.txt"
bench report --command "$command" --results "$root/bench/concerns/RESULTS.md"
echo "wrote bench/concerns/RESULTS.md"
