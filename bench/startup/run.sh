#!/usr/bin/env bash
# Start-up benchmark: time from launching Kith to its first 200 on "/", against a bare ASP.NET Core
# app (the baseline) built and measured in the same run. Cold = brand-new embedded database (migrate
# + seed the Riverbend demo); warm = existing database. Also `dotnet run --project src/Kith` as a
# newcomer types it, after a build. Writes bench/startup/RESULTS.md.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$PWD
runs=${RUNS:-5}
work=$(mktemp -d /tmp/kith-bench-startup.XXXXXX)
trap 'rm -rf "$work"; kill $(jobs -p) 2>/dev/null || true' EXIT

now_ms() { date +%s%3N; }
port() { echo $(( 30000 + RANDOM % 20000 )); }
# wait_200 URL PID -> prints ms from $start until the first 200
wait_200() {
  while ! curl -fs -o /dev/null "$1"; do
    kill -0 "$2" 2>/dev/null || { echo "process died" >&2; return 1; }
    sleep 0.02
  done
}
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

echo "building Kith (Release)…"
b0=$(now_ms); dotnet build src/Kith -c Release -v q -nologo >/dev/null; build_ms=$(( $(now_ms) - b0 ))

echo "building the baseline (bare ASP.NET Core app)…"
mkdir -p "$work/baseline"
cat > "$work/baseline/Baseline.csproj" <<'XML'
<Project Sdk="Microsoft.NET.Sdk.Web">
  <PropertyGroup><TargetFramework>net10.0</TargetFramework><ImplicitUsings>enable</ImplicitUsings></PropertyGroup>
</Project>
XML
echo 'var app = WebApplication.Create(args); app.MapGet("/", () => Results.Content("<!DOCTYPE html><p>hello</p>", "text/html")); app.Run();' > "$work/baseline/Program.cs"
dotnet build "$work/baseline" -c Release -v q -nologo >/dev/null

measure() { # label command... (runs from src/Kith)
  local label=$1; shift
  local p; p=$(port)
  local start; start=$(now_ms)
  (cd "$root/src/Kith" && exec env Urls="http://127.0.0.1:$p" "$@" >/dev/null 2>&1) &
  local pid=$!
  wait_200 "http://127.0.0.1:$p/" "$pid"
  echo $(( $(now_ms) - start )) >> "$work/samples-$label"
  kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null || true
}

kith_dll="$root/src/Kith/bin/Release/net10.0/Kith.dll"
for i in $(seq 1 "$runs"); do
  echo "run $i/$runs"
  measure baseline dotnet "$work/baseline/bin/Release/net10.0/Baseline.dll"
  rm -rf "$work/data"
  measure cold env ConnectionStrings__Sqlite="Data Source=$work/data/kith.db" Kith__KeyRingPath="$work/data/keys" dotnet "$kith_dll"
  measure warm env ConnectionStrings__Sqlite="Data Source=$work/data/kith.db" Kith__KeyRingPath="$work/data/keys" dotnet "$kith_dll"
  rm -rf "$work/run-data"
  measure dotnet-run env ConnectionStrings__Sqlite="Data Source=$work/run-data/kith.db" Kith__KeyRingPath="$work/run-data/keys" \
    dotnet run --project "$root/src/Kith" -c Release --no-launch-profile
done

b=$(median < "$work/samples-baseline"); c=$(median < "$work/samples-cold"); w=$(median < "$work/samples-warm"); r=$(median < "$work/samples-dotnet-run")
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", a / b }'; }
cat > bench/startup/RESULTS.md <<MD
# Start-up — results

Measured $(date -u +%Y-%m-%d) on $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, by \`bench/startup/run.sh\` (RUNS=$runs; medians).
Time from launching the process to its first \`200\` on \`/\` (curl polling every 20 ms).

| what | median ms | × baseline |
|---|---:|---:|
| baseline: bare ASP.NET Core app, one endpoint | $b | 1.0 |
| Kith, warm (existing embedded database) | $w | $(ratio "$w" "$b") |
| Kith, cold (new database: migrate + seed Riverbend) | $c | $(ratio "$c" "$b") |
| \`dotnet run --project src/Kith\` after a build (cold database) | $r | $(ratio "$r" "$b") |

Release build of src/Kith (incremental, in this run): ${build_ms} ms.
Raw samples (ms): baseline $(paste -sd, "$work/samples-baseline"); warm $(paste -sd, "$work/samples-warm"); cold $(paste -sd, "$work/samples-cold"); dotnet run $(paste -sd, "$work/samples-dotnet-run").
MD
cat bench/startup/RESULTS.md
