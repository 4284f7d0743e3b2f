#!/usr/bin/env bash
# The daemon benchmark of the README, with the release `kizunad` on 10,000 generated customers:
# start-up to the first plan done (a new store, then a restart on a planned one), CPU time,
# wake-ups (context switches) and memory over an idle period, how long a playbook edit takes
# to be planned and shown in the status file, and how late reminders are sent after their
# instant (through an `exec` channel, alone and 50 at one instant; through the log, those the
# shipped plays owed before the restart).
#
#   scripts/bench-daemon.sh [customers] [idle seconds] [folder]
#
# Defaults: 10000 customers, 60 idle seconds, a temporary folder removed afterwards. The
# machine may be shared: the load average is printed with the figures, and the daemon's CPU
# time (user and system) with each timing. KIZUNAD=path runs another build of the daemon
# (a baseline to compare with) on the same data. KIZUNA_BENCH_SIGNAL_DAYS=60 adds that many days
# of every customer's signals (scripts/bench-store-data.py signals) and the example health model
# and lifecycle (examples/health.yaml, lifecycle.yaml) beside the configuration, so that each
# pass scores the customers and evaluates stages and triggers. KIZUNA_BENCH_REMINDER_BURST=N
# makes the burst N reminders at one instant (N customers, at most the customers less one).
set -euo pipefail
cd "$(dirname "$0")/.."

customers=${1:-10000}
idle=${2:-60}
folder=${3:-$(mktemp -d /tmp/kizuna-bench-daemon.XXXXXX)}
[[ -n ${3:-} ]] || trap 'kill -9 "${pid:-0}" 2>/dev/null || true; rm -rf "$folder"' EXIT
export KIZUNA_CONFIG="$folder/kizuna.yaml"

swift build -c release --product kizuna >&2
swift build -c release --product kizunad >&2
kizuna=$PWD/.build/release/kizuna
kizunad=${KIZUNAD:-$PWD/.build/release/kizunad}

source scripts/bench-lib.sh
mkdir -p "$folder"
cp -r playbooks "$folder/playbooks"
write_config "$KIZUNA_CONFIG" "$folder/state" "$folder/playbooks"
# The channel of the benchmark's reminders (below): a program that notes the time it was
# started and the instant the reminder was owed at. Only the benchmark's own plays name it,
# so the shipped plays' reminders, sent at start, do not run it.
recorder=$folder/record-reminder.sh
reminders=$folder/reminders.txt
cat >"$recorder" <<'SH'
#!/bin/sh
started=$(date +%s%N)
echo "$started $(sed -n 's/.*"instant":"\([^"]*\)".*/\1/p')" >>"$1"
SH
chmod +x "$recorder"
: >"$reminders"
cat >>"$KIZUNA_CONFIG" <<YAML
channels:
  record:
    type: exec
    command: [$recorder, $reminders]
YAML
status=$folder/state/kizunad.status.json
python3 scripts/bench-store-data.py customers "$customers" >"$folder/customers.jsonl"
"$kizuna" import customers "$folder/customers.jsonl" >/dev/null
signal_days=${KIZUNA_BENCH_SIGNAL_DAYS:-}
if [[ -n $signal_days ]]; then
  python3 scripts/bench-store-data.py signals "$signal_days" "$folder/state/kizuna.sqlite"
  cp examples/health.yaml examples/lifecycle.yaml "$folder/"
fi

now_ms() { echo $(($(date +%s%N) / 1000000)); }
# The status file's count of passes, read without starting a process, to leave the CPU to the daemon.
passes() {
  local text=""
  [[ -f $status ]] && text=$(<"$status")
  if [[ $text =~ \"passes\"\ :\ ([0-9]+) ]]; then echo "${BASH_REMATCH[1]}"; else echo 0; fi
}
# Waits until the status file records more than $1 passes; prints the milliseconds waited.
wait_for_pass() {
  local before=$1 start
  start=$(now_ms)
  until [[ $(passes) -gt $before ]]; do sleep 0.01; done
  echo $(($(now_ms) - start))
}
hz=$(getconf CLK_TCK)
# The daemon's CPU time so far, user and system, in clock ticks (/proc/PID/stat fields 14, 15).
cpu_ticks() {
  local stat
  stat=$(<"/proc/$pid/stat")
  read -r -a fields <<<"${stat##*) }"
  echo "${fields[11]} ${fields[12]}"
}
# Prints label, the milliseconds until the status records more than $2 passes, and the CPU
# time the daemon used meanwhile ($3: its CPU ticks before, "user system").
report_pass() {
  local label=$1 before=$2 ms user0 system0 user1 system1
  read -r user0 system0 <<<"$3"
  ms=$(wait_for_pass "$before")
  read -r user1 system1 <<<"$(cpu_ticks)"
  printf '%-52s %6d ms  (CPU: user %d ms, system %d ms)\n' "$label" "$ms" \
    $(((user1 - user0) * 1000 / hz)) $(((system1 - system0) * 1000 / hz))
}
start_daemon() {
  rm -f "$status"
  "$kizunad" 2>>"$folder/kizunad.log" &
  pid=$!
}
stop_daemon() {
  kill -TERM "$pid"
  wait "$pid"
}
# Prints "TID VALUE" for each of the daemon's threads: the sum of field $2 over the lines of
# /proc/PID/task/TID/$1 whose first field matches $3 (every line when empty). Printed as whole
# numbers: awk would print a large sum in exponent notation, which bc does not read.
per_thread() {
  local task
  for task in /proc/"$pid"/task/*; do
    awk -v t="${task##*/}" -v f="$2" -v k="$3" '$1 ~ k { s += $f } END { printf "%s %.0f\n", t, s }' "$task/$1" 2>/dev/null
  done
}
cpu_ns() { per_thread schedstat 1 ""; }
switches() { per_thread status 2 '^(non)?voluntary_ctxt_switches:$'; }
# The growth from snapshot $1 to snapshot $2 of per_thread, summed over the threads in both: a
# thread that ended in between would otherwise take its count out of the sum.
growth() { awk 'NR == FNR { before[$1] = $2; next } ($1 in before) { s += $2 - before[$1] } END { printf "%.0f\n", s }' <(echo "$1") <(echo "$2"); }

echo "kizunad benchmark: $customers customers${signal_days:+, $signal_days days of signals}, load average $(cut -d' ' -f1-3 /proc/loadavg)"
start_daemon
report_pass "start-up to first plan done (new store)" 0 "0 0"
stop_daemon
delivered_before=$(grep -c "delivered [0-9]* messages" "$folder/kizunad.log" || true)
start_daemon
report_pass "start-up to first plan done (restart, planned store)" 0 "0 0"
# After that pass the restarted daemon sends the reminders the shipped plays owed while it was
# down (marked late, through the log only): the time from the pass recorded to their sending
# logged, a burst through the cheapest channel, its cost the dispatcher's and the store's.
start=$(now_ms)
until [[ $(grep -c "delivered [0-9]* messages" "$folder/kizunad.log" || true) -gt $delivered_before ]] ||
  (($(now_ms) - start > 60000)); do
  sleep 0.01
done
printf '%-52s %6d ms  (%s)\n' "late reminders sent after the restart's pass" $(($(now_ms) - start)) \
  "$(grep -o "delivered [0-9]* messages" "$folder/kizunad.log" | tail -n +$((delivered_before + 1)) | head -1)"
/usr/bin/time -f '%e' -o "$folder/time" "$kizuna" plan >/dev/null
printf '%-52s %6.0f ms\n' "for comparison: kizuna plan on the same store" "$(echo "$(cat "$folder/time") * 1000" | bc -l)"
# Dispatch's worker threads of the first plan end after a few idle seconds; their counts
# would leave the per-thread sums below.
sleep 10
threads_before=$(ls /proc/"$pid"/task | wc -l)
cpu_before=$(cpu_ns) switches_before=$(switches)
sleep "$idle"
cpu_after=$(cpu_ns) switches_after=$(switches)
printf '%-52s %6.2f ms\n' "CPU while idle, per minute" "$(echo "$(growth "$cpu_before" "$cpu_after") / 1000000 * 60 / $idle" | bc -l)"
printf '%-52s %6d (threads %d, then %d)\n' "wake-ups (context switches) while idle, $idle s" \
  "$(growth "$switches_before" "$switches_after")" "$threads_before" "$(ls /proc/"$pid"/task | wc -l)"
printf '%-52s %6.1f MiB (peak %.1f MiB)\n' "resident memory" \
  "$(awk '/VmRSS/ { print $2 / 1024 }' /proc/"$pid"/status)" "$(awk '/VmHWM/ { print $2 / 1024 }' /proc/"$pid"/status)"
for run in 1 2 3; do
  before=$(passes)
  sed -i "s/^title: .*/title: Weekly onboarding follow-up $run/" "$folder/playbooks/onboarding-weekly.yaml"
  report_pass "playbook edit planned and in the status (run $run)" "$before" "$(cpu_ticks)"
done
# Reminders, sent within a second of their instant: two plays added at once owe reminders at
# instants a few seconds ahead, one customer's at three instants two seconds apart (each the
# only one at its instant: the timer's own lateness), then the burst: 50 customers' at one
# instant, as many as one CSM's whole book in this data (200 CSMs). The daemon sends up to 8
# messages at once, started in the order of their instants, so a burst's last reminder is
# about its latest.
# A reminder is late by the time its program started after its instant. The plays are in
# UTC, and kept off UTC's midnight, so that their instants fall on today.
burst=${KIZUNA_BENCH_REMINDER_BURST:-50}
until [[ $(date -u -d +20sec +%F) == $(date -u +%F) ]]; do sleep 1; done
alone_at=$(($(date +%s) + 4)) burst_at=$(($(date +%s) + 10))
clock() { date -u -d "@$1" +'"%H:%M:%S"'; }
# Writes the play $1, for the customers of the segment $2, reminding through `record` at the times $3.
reminder_play() {
  cat >"$folder/playbooks/$1.yaml" <<YAML
kizuna: 1
playbook: $1
title: Benchmark reminders
applies:
  segment: '$2'
timezone: UTC
catch_up: none
cadence:
  every: day
  at: [$3]
task:
  title: "Benchmark reminder: {{ customer.name }}"
remind:
  - at start: via record
YAML
}
before=$(passes)
reminder_play bench-reminders-alone 'id == "customer-0"' "$(clock "$alone_at"), $(clock $((alone_at + 2))), $(clock $((alone_at + 4)))"
reminder_play bench-reminders-burst "$(seq -f 'id == "customer-%g"' -s ' or ' 1 "$burst")" "$(clock "$burst_at")"
report_pass "plays with 3 + $burst reminders planned" "$before" "$(cpu_ticks)"
now=$(date +%s)
((now < alone_at)) || echo "(planned after the first reminder's instant: its lateness includes the pass)"
((now > burst_at)) || sleep $((burst_at + 1 - now))
until [[ $(wc -l <"$reminders") -ge $((3 + burst)) ]] || (($(date +%s) > burst_at + 30 + burst / 10)); do
  sleep 0.5
done
# "instant lateness" in seconds and milliseconds, one line per reminder recorded.
while read -r started instant; do
  owed=$(date -d "$instant" +%s)
  echo "$owed $((started / 1000000 - owed * 1000))"
done <"$reminders" >"$folder/lateness"
run=0
while read -r owed ms; do
  ((owed == burst_at)) && continue
  run=$((run + 1))
  printf '%-52s %6d ms\n' "reminder alone at its instant, late by (run $run)" "$ms"
done <"$folder/lateness"
read -r sent median latest < <(awk -v t="$burst_at" '$1 == t { print $2 }' "$folder/lateness" | sort -n |
  awk '{ ms[NR] = $1 } END { print NR, ms[int((NR + 1) / 2)] + 0, ms[NR] + 0 }')
printf '%-52s %6d ms  (median %d ms, %d of %d sent)\n' "$burst reminders at one instant, the last late by" \
  "$latest" "$median" "$sent" "$burst"
stop_daemon
echo "load average afterwards: $(cut -d' ' -f1-3 /proc/loadavg)"
