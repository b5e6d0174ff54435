#!/usr/bin/env bash
# Spike detection benchmark (issue 16): Kith's farringtonFlexible over weekly series of ten years and earsC C2 over daily
# series of two years, against R surveillance on a seeded subsample of the same series in the same run (R over all of
# them would take hours). Same data (one file each, generated from a seed), same control options, per-series times of
# the detector calls alone, Kith on one thread and on all cores, and the alarms compared point by point.
# Writes bench/insights/RESULTS.md. See README.md.
#   bench/insights/run.sh [--flexible-series 10000] [--ears-series 100000] [--r-flexible 200] [--r-ears 2000] [--seed 16]
#                         [--monitored-weeks 104]
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$PWD
command="bench/insights/run.sh $*"
flexible=10000; ears=100000; r_flexible=200; r_ears=2000; seed=16; weeks=104
while [ $# -gt 0 ]; do
  case $1 in
    --flexible-series) flexible=$2; shift 2 ;;
    --ears-series) ears=$2; shift 2 ;;
    --r-flexible) r_flexible=$2; shift 2 ;;
    --r-ears) r_ears=$2; shift 2 ;;
    --seed) seed=$2; shift 2 ;;
    --monitored-weeks) weeks=$2; shift 2 ;;
    *) echo "unknown option $1"; exit 2 ;;
  esac
done
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
log() { printf '\n== %s (load %s)\n' "$*" "$(cut -d' ' -f1-3 /proc/loadavg)"; }
started=$(date +%s)

# As test.sh: Debian's r-cran-surveillance without its recommends.
if ! Rscript -e 'library(surveillance)' >/dev/null 2>&1; then
  log "installing R surveillance (Debian's r-cran-surveillance)"
  as_root apt-get update -q >/dev/null && as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends r-cran-surveillance >/dev/null \
    || { echo "could not install r-cran-surveillance"; exit 1; }
fi

work=$(mktemp -d /tmp/kith-bench-insights.XXXXXX)
exec > >(tee "$work/run.log") 2>&1
# The generated series are large (daily.csv is ~170 MB at 100,000 series); the logs and R's answers stay.
trap 'rm -f "$work/weekly.csv" "$work/daily.csv"; echo "work files (logs, R answers): $work"' EXIT

log "building Kith and InsightsBench (Release)"
dotnet build bench/insights/InsightsBench -c Release -nologo -v q >"$work/build.log" 2>&1 || { cat "$work/build.log"; exit 1; }
bench() { dotnet "$root/bench/insights/InsightsBench/bin/Release/net10.0/InsightsBench.dll" "$@" --out "$work"; }

{
  echo "date:        $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo "commit:      $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- src bench/insights || echo ' (with uncommitted changes)')"
  echo "cpu:         $(nproc) × $(lscpu | sed -n 's/^Model name: *//p' | head -1)"
  echo "memory:      $(free -g | awk '/^Mem:/ {print $2}') GB"
  echo "os:          $(. /etc/os-release && echo "$PRETTY_NAME"), kernel $(uname -r)"
  echo ".NET:        $(dotnet --version)"
  echo "R:           $(Rscript -e 'cat(R.version.string, "; surveillance", format(packageVersion("surveillance")), "; BLAS", extSoftVersion()[["BLAS"]], "; LAPACK", La_library(), "\n")' 2>/dev/null)"
  echo "load at start: $(cut -d' ' -f1-3 /proc/loadavg) (1/5/15 min; the machine is shared)"
  echo "busiest other processes at start:"
  ps -eo pcpu,args --sort=-pcpu | sed -n '2,5p' | cut -c1-140 | sed 's/^/  /'
} > "$work/machine.txt"
cat "$work/machine.txt"

log "generating $flexible weekly and $ears daily series (seed $seed); R's subsample: $r_flexible and $r_ears"
bench generate --flexible-series "$flexible" --ears-series "$ears" --r-flexible "$r_flexible" --r-ears "$r_ears" --seed "$seed"

log "R surveillance on the subsample (one thread)"
Rscript bench/insights/r-bench.R "$work" "$weeks"

log "Kith on every series and on R's subsample"
bench measure --monitored-weeks "$weeks" --started "$started" --command "$command" --results "$root/bench/insights/RESULTS.md"
log "done in $(( $(date +%s) - started )) s"
