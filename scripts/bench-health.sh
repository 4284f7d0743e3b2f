#!/usr/bin/env bash
# The health benchmark of the README: 100,000 customers with a year of daily signals
# (logins every day, open tickets and feature adoption every week, NPS every quarter), the
# example's health model and lifecycle and the shipped playbooks; then, with release builds:
#
#   - `kizuna health --recompute` as a process: every customer's score recomputed and stored;
#   - kizuna-bench-health in one process: the same recomputation three times, and one
#     customer's new signal stored and re-evaluated (score, stage, triggers, tasks).
#
#   scripts/bench-health.sh [customers] [days] [folder]
#
# Defaults: 100000 customers, 365 days, a temporary folder removed afterwards. The clock is
# pinned (KIZUNA_NOW) so the figures repeat. The machine may be shared: the load average
# is printed beside the times.
set -euo pipefail
cd "$(dirname "$0")/.."

customers=${1:-100000}
days=${2:-365}
folder=${3:-$(mktemp -d /tmp/kizuna-bench-health.XXXXXX)}
[[ -n ${3:-} ]] || trap 'rm -rf "$folder"' EXIT
export KIZUNA_NOW=2026-11-24T09:30:00-05:00 KIZUNA_CONFIG="$folder/kizuna.yaml"

swift build -c release --product kizuna >&2
swift build -c release --product kizuna-bench-health >&2
kizuna=$PWD/.build/release/kizuna

source scripts/bench-lib.sh
write_config "$KIZUNA_CONFIG" "$folder/state"
cp examples/health.yaml examples/lifecycle.yaml "$folder/"

if [[ ! -s $folder/state/kizuna.sqlite ]]; then
  python3 scripts/bench-store-data.py customers "$customers" >"$folder/customers.jsonl"
  "$kizuna" import customers "$folder/customers.jsonl" >/dev/null
  python3 scripts/bench-store-data.py signals "$days" "$folder/state/kizuna.sqlite"
fi

echo "kizuna health benchmark: $customers customers, $days days of signals, in $folder"
for run in 1 2 3; do
  measure "kizuna health --recompute (run $run)" "$kizuna" health --recompute --band red
done
.build/release/kizuna-bench-health "$KIZUNA_CONFIG" 20
