#!/usr/bin/env bash
# Text lines benchmark: signed Twilio-style inbound webhooks per second on one node and on two nodes sharing one
# PostgreSQL, and webhook → console latency (the `line-conversation` event on responders' `GET /staff/events`) with
# 1,000 open conversations and 200 connected consoles, against the same database's raw insert-and-commit rate measured
# in the same run. Writes bench/lines/RESULTS.md (the hand-written reading below its marker is kept). See README.md.
#   bench/lines/run.sh [--clients 32] [--warmup 3] [--duration 10] [--conversations 1000] [--consoles 200] [--probe-rate 10]
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$PWD
command="bench/lines/run.sh $*"
clients=32; warmup=3; duration=10; conversations=1000; consoles=200; probe_rate=10
while [ $# -gt 0 ]; do
  case $1 in
    --clients) clients=$2; shift 2 ;;
    --warmup) warmup=$2; shift 2 ;;
    --duration) duration=$2; shift 2 ;;
    --conversations) conversations=$2; shift 2 ;;
    --consoles) consoles=$2; shift 2 ;;
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

work=$(mktemp -d /tmp/kith-bench-lines.XXXXXX)
chmod 755 "$work"
exec > >(tee "$work/run.log") 2>&1
servers=()
run_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
stop_servers() {
  for pid in "${servers[@]}"; do kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null; done
  servers=()
}
cleanup() {
  set +e
  stop_servers
  [ -d "$work/pg" ] && run_pg "$pgbin/pg_ctl" -D "$work/pg/data" -m immediate stop >/dev/null 2>&1
  rm -rf "$work/pg" "$work"/kith-keys/
  echo "work files (logs, JSON): $work"
}
trap cleanup EXIT

log "building Kith and LinesBench (Release)"
dotnet build src/Kith -c Release -nologo -v q >/dev/null
dotnet build bench/lines/LinesBench -c Release -nologo -v q >/dev/null
kith_dll="$root/src/Kith/bin/Release/net10.0/Kith.dll"
bench() { dotnet "$root/bench/lines/LinesBench/bin/Release/net10.0/LinesBench.dll" "$@" --out "$work" \
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
run_pg "$pgbin/pg_ctl" -D "$work/pg/data" -l "$work/pg/server.log" -w -t 60 \
  -o "-p $pgport -k $work/pg -c listen_addresses=127.0.0.1 -c max_connections=300" start >/dev/null \
  || { cat "$work/pg/server.log"; exit 1; }
pg_at() { echo "Host=127.0.0.1;Port=$pgport;Username=$pguser;Database=$1"; }
for database in raw kith; do
  run_pg "$pgbin/psql" -h "$work/pg" -p "$pgport" -U "$pguser" -d postgres -qc "CREATE DATABASE $database" >/dev/null
done

{
  echo "date:        $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo "cpu:         $(nproc) × $(lscpu | sed -n 's/^Model name: *//p' | head -1)"
  echo "memory:      $(free -g | awk '/^Mem:/ {print $2}') GB"
  echo "os:          $(. /etc/os-release && echo "$PRETTY_NAME"), kernel $(uname -r)"
  echo ".NET:        $(dotnet --version)"
  echo "PostgreSQL:  $("$pgbin/postgres" --version)"
  echo "load at start: $(cut -d' ' -f1-3 /proc/loadavg) (1/5/15 min; the machine is shared)"
  echo "busiest other processes at start:"
  ps -eo pcpu,args --sort=-pcpu | sed -n '2,5p' | cut -c1-140 | sed 's/^/  /'
} > "$work/machine.txt"
cat "$work/machine.txt"

log "raw insert-and-commit baseline"
bench raw --connection "$(pg_at raw)"

log "Kith: migrate, a responder, a team and two lines"
kith_db=$(pg_at kith)
password="bench responder passphrase"
common_env=(ConnectionStrings__Postgres="$kith_db" Kith__KeyRingPath="$work/kith-keys" Kith__DemoOnFirstStart=false
  Kith__RateLimits__PublicPerMinute=100000000 Kith__RateLimits__SignInPerMinute=100000 Kith__Jobs__Enabled=true
  Kith__Lines__PublicBaseUrl=https://lines.bench.example Kith__Lines__Sms__Enabled=true Kith__Lines__Sms__AuthToken=bench-lines-auth-token)
kith() { (cd src/Kith && env "${common_env[@]}" dotnet "$kith_dll" "$@"); }
kith migrate >"$work/migrate.log" 2>&1 || { cat "$work/migrate.log"; exit 1; }
bench organisation --connection "$kith_db"
kith users add --email console@bench.example --name console --role responder --org "Bench Text Line" --password "$password" >/dev/null
bench setup --connection "$kith_db"

start_node() { # $1 = node number; prints its URL
  local port; port=$(free_port)
  # exec all the way down: the pid is the server process itself. Both nodes share the key ring (the sender-hash key).
  (cd src/Kith && exec env "${common_env[@]}" Urls="http://127.0.0.1:$port" dotnet "$kith_dll" > "$work/kith-node$1.log" 2>&1) &
  servers+=($!)
  until curl -fs -o /dev/null "http://127.0.0.1:$port/readyz"; do
    kill -0 "${servers[-1]}" 2>/dev/null || { cat "$work/kith-node$1.log" >&2; exit 1; }
    sleep 0.5
  done
  node_url="http://127.0.0.1:$port"
}
kith_run() { bench kith --name "$1" --nodes "$2" --email console@bench.example --password "$password" \
  --conversations "$conversations" --consoles "$consoles" --probe-rate "$probe_rate"; }

log "one node"
start_node 1; one=$node_url
kith_run one "$one"
log "two nodes on the same database"
start_node 2; two=$node_url
kith_run two "$one,$two"
stop_servers
for n in 1 2; do echo "node $n: $(grep -c '"LogLevel":"\(Error\|Critical\)"' "$work/kith-node$n.log" || true) error lines in Kith's log"; done

log "done"
echo "load at end: $(cut -d' ' -f1-3 /proc/loadavg)" >> "$work/machine.txt"
bench report --command "$command" --results "$root/bench/lines/RESULTS.md"
echo "wrote bench/lines/RESULTS.md"
