#!/usr/bin/env bash
# The release `kizuna` links the Swift runtime and Foundation statically (Package.swift),
# which the tests, built in debug, do not exercise. This runs the same commands with both
# builds on a copy of the example, with the clock pinned, and requires identical output.
set -euo pipefail
cd "$(dirname "$0")/.."

work=$(mktemp -d /tmp/kizuna-release-smoke.XXXXXX)
trap 'rm -rf "$work"' EXIT
for configuration in debug release; do
  swift build -c "$configuration" --product kizuna >"$work/build.log" 2>&1 || { cat "$work/build.log"; exit 1; }
done
export KIZUNA_NOW=2026-11-24T09:30:00-05:00 KIZUNA_CONFIG="$work/examples/kizuna.yaml"

commands=(
  "import customers"
  "plan"
  "today --json"
  "upcoming --days 30 --json"
  "playbooks check"
  "playbooks explain renewal-preparation --customer oscorp --from 2026-11-01 --to 2027-03-31 --json"
  "cadence --json --count 6 --tz Australia/Sydney --start 2026-03-30T00:00 every_day_at_02:30"
  "cadence --json --count 4 --tz America/New_York --start 2026-12-01T17:00 RRULE:FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1"
  "kpi"
  "export ics --owner alice"
)

# Runs every command with one binary over a fresh copy of the example (always at the same
# path, so outputs that name files compare equal), one output file per command.
run_all() {
  local binary=$1 outputs=$2
  rm -rf "$work/examples" "$work/playbooks"
  cp -r examples playbooks "$work/"
  rm -rf "$work/examples/.state"
  mkdir -p "$outputs"
  local index=0 words
  for command in "${commands[@]}"; do
    read -r -a words <<<"$command"
    words=("${words[@]//_/ }")
    (cd "$work" && "$binary" "${words[@]}" >"$outputs/$index" 2>&1) || echo "exit $?" >>"$outputs/$index"
    index=$((index + 1))
  done
}

run_all "$PWD/.build/debug/kizuna" "$work/debug"
run_all "$PWD/.build/release/kizuna" "$work/release"
failures=0
for index in "${!commands[@]}"; do
  if cmp -s "$work/debug/$index" "$work/release/$index"; then
    echo "same: kizuna ${commands[$index]}"
  else
    echo "DIFFERENT: kizuna ${commands[$index]}"
    diff "$work/debug/$index" "$work/release/$index" | head -20 || true
    failures=$((failures + 1))
  fi
done
echo "release smoke: $((${#commands[@]} - failures)) passed, $failures failed"
((failures == 0))
