#!/usr/bin/env bash
# The store benchmark of the README: builds a store of 100,000 customers and 1,000,000 task
# rows with the release `kizuna`, and measures each step as a process (wall time, max RSS).
#
#   scripts/bench-store.sh [customers] [task rows] [folder]
#
# Defaults: 100000 customers, 1000000 task rows, a temporary folder removed afterwards.
# The clock is pinned (KIZUNA_NOW) so the figures repeat.
set -euo pipefail
cd "$(dirname "$0")/.."

customers=${1:-100000}
rows=${2:-1000000}
folder=${3:-$(mktemp -d /tmp/kizuna-bench-store.XXXXXX)}
[[ -n ${3:-} ]] || trap 'rm -rf "$folder"' EXIT
export KIZUNA_NOW=2026-11-24T09:30:00-05:00 KIZUNA_CONFIG="$folder/kizuna.yaml"

swift build -c release --product kizuna >&2
kizuna=$PWD/.build/release/kizuna

source scripts/bench-lib.sh
write_config

python3 scripts/bench-store-data.py customers "$customers" >"$folder/customers.jsonl"

echo "kizuna store benchmark: $customers customers, $rows task rows, in $folder"
measure "import customers ($customers, JSON lines)" "$kizuna" import customers "$folder/customers.jsonl"
measure "plan (first pass over every customer)" "$kizuna" plan
measure "plan (again, nothing to change)" "$kizuna" plan
python3 scripts/bench-store-data.py history "$rows" "$folder/state/kizuna.sqlite"
owner=csm-42
for run in 1 2 3 4 5; do
  measure "today --owner $owner (run $run)" "$kizuna" today --owner "$owner"
done
measure "today --owner $owner --json" "$kizuna" today --owner "$owner" --json
measure "upcoming --owner $owner" "$kizuna" upcoming --owner "$owner"
echo "today --owner $owner lists $("$kizuna" today --owner "$owner" --json | grep -c '"short_id"') tasks"
python3 scripts/bench-store-data.py counts 0 "$folder/state/kizuna.sqlite"
