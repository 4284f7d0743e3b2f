#!/usr/bin/env bash
# The store benchmark of the README: builds a store of 100,000 customers and 1,000,000 task
# rows with the release `kizuna`, and measures each step as a process (wall time, user CPU
# time, max RSS), ending with a planning pass a week later over that store.
#
#   scripts/bench-store.sh [customers] [task rows] [folder]
#
# Defaults: 100000 customers, 1000000 task rows, a temporary folder removed afterwards.
# The clock is pinned (KIZUNA_NOW) so the figures repeat.
#
# KIZUNA_BENCH_BASELINE=path/to/other/kizuna also runs every step with that binary, on a store
# of its own, right after the same step of this build, and prints this build's wall time as a
# ratio of it: on a machine shared with other work, a ratio measured in one run means more
# than either time. The load average is printed at the start and the end.
set -euo pipefail
cd "$(dirname "$0")/.."

customers=${1:-100000}
rows=${2:-1000000}
folder=${3:-$(mktemp -d /tmp/kizuna-bench-store.XXXXXX)}
[[ -n ${3:-} ]] || trap 'rm -rf "$folder"' EXIT
export KIZUNA_NOW=2026-11-24T09:30:00-05:00

swift build -c release --product kizuna >&2
builds=(current)
binaries=("$PWD/.build/release/kizuna")
if [[ -n ${KIZUNA_BENCH_BASELINE:-} ]]; then
  builds+=(baseline)
  binaries+=("$(realpath "$KIZUNA_BENCH_BASELINE")")
fi

source scripts/bench-lib.sh
for build in "${builds[@]}"; do
  write_config "$folder/$build/kizuna.yaml" "$folder/$build/state"
done

python3 scripts/bench-store-data.py customers "$customers" >"$folder/customers.jsonl"

# Runs `kizuna ARGS` of each build under /usr/bin/time and prints "label: wall s, user CPU s, max RSS MiB"
# (and, with a baseline, its figures and the ratio of the wall times).
measure_builds() {
  local label=$1 index wall user rss line=""
  local -a walls=()
  shift
  for index in "${!builds[@]}"; do
    KIZUNA_CONFIG="$folder/${builds[index]}/kizuna.yaml" /usr/bin/time -f '%e %U %M' -o "$folder/time" \
      "${binaries[index]}" "$@" >/dev/null
    read -r wall user rss <"$folder/time"
    walls+=("$wall")
    line+=$(printf '  %6.2f s (user %6.2f s)  %6.1f MiB' "$wall" "$user" "$(echo "$rss / 1024" | bc -l)")
  done
  if ((${#walls[@]} > 1)) && [[ ${walls[1]} != 0.00 ]]; then
    line+=$(printf '  ratio %.2f' "$(echo "${walls[0]} / ${walls[1]}" | bc -l)")
  fi
  printf '%-48s%s\n' "$label" "$line"
}

# Runs `kizuna ARGS` of each build 21 times, alternating the builds, and prints the median wall
# time in milliseconds and the largest max RSS (and, with a baseline, the ratio of the medians):
# /usr/bin/time's hundredths of a second are too coarse for a 50 ms target.
measure_builds_ms() {
  local label=$1
  shift
  local -a configs=()
  for build in "${builds[@]}"; do configs+=("$folder/$build/kizuna.yaml"); done
  python3 - "$label" "${#builds[@]}" "${binaries[@]}" "${configs[@]}" "$@" <<'PY'
import os, resource, statistics, subprocess, sys, time
label, count = sys.argv[1], int(sys.argv[2])
binaries, configs, arguments = sys.argv[3:3 + count], sys.argv[3 + count:3 + 2 * count], sys.argv[3 + 2 * count:]
walls, rss = [[] for _ in binaries], [0] * count
for _ in range(21):
    for index, binary in enumerate(binaries):
        start = time.perf_counter()
        process = subprocess.Popen([binary, *arguments], stdout=subprocess.DEVNULL,
                                   env=dict(os.environ, KIZUNA_CONFIG=configs[index]))
        _, status, usage = os.wait4(process.pid, 0)
        walls[index].append((time.perf_counter() - start) * 1000)
        process.returncode = os.waitstatus_to_exitcode(status)
        rss[index] = max(rss[index], usage.ru_maxrss)
        if process.returncode != 0: sys.exit(f"{label}: exit status {process.returncode}")
medians = [statistics.median(w) for w in walls]
line = "".join(f"  {m:6.1f} ms (median of 21)  {r / 1024:6.1f} MiB" for m, r in zip(medians, rss))
if count > 1: line += f"  ratio {medians[0] / medians[1]:.2f}"
print(f"{label:<48}{line}")
PY
}

# Runs a step that measures nothing on the store of each build.
on_each_store() {
  local build
  for build in "${builds[@]}"; do "$@" "$folder/$build/state/kizuna.sqlite"; done
}

echo "kizuna store benchmark: $customers customers, $rows task rows, in $folder (${builds[*]})"
echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
measure_builds "import customers ($customers, JSON lines)" import customers "$folder/customers.jsonl"
measure_builds "plan (first pass over every customer)" plan
measure_builds "plan (again, nothing to change)" plan
on_each_store python3 scripts/bench-store-data.py history "$rows"
owner=csm-42
measure_builds "today --owner $owner (first run)" today --owner "$owner"
measure_builds_ms "today --owner $owner" today --owner "$owner"
measure_builds "today --owner $owner --json" today --owner "$owner" --json
measure_builds "upcoming --owner $owner" upcoming --owner "$owner"
listed=$(KIZUNA_CONFIG="$folder/current/kizuna.yaml" "${binaries[0]}" today --owner "$owner" --json | grep -c '"short_id"')
echo "today --owner $owner lists $listed tasks"
# The issue's configuration: a pass over every customer of the store of $rows task rows, a
# week later, so it creates a week of new tasks. (After the reads above, whose figures stay
# those of the store as `history` left it.)
KIZUNA_NOW=2026-12-01T09:30:00-05:00 measure_builds "plan (a week later, over $rows task rows)" plan
on_each_store python3 scripts/bench-store-data.py counts 0
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
