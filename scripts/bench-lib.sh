# Shared by the benchmark scripts (sourced): the configuration of a benchmark store and
# the measurement of one command as a process. `measure` expects $folder.

# Writes a benchmark store's configuration: write_config FILE STATE_DIR [PLAYBOOK_DIR].
# The shipped playbooks (or PLAYBOOK_DIR) and holidays, the store in STATE_DIR.
write_config() {
  mkdir -p "$(dirname "$1")"
  cat >"$1" <<YAML
kizuna: 1
timezone: America/New_York
playbooks: ${3:-$PWD/playbooks}
state_directory: $2
horizon: 21 days
calendar:
  holiday_files: [$PWD/examples/holidays-us.ics]
YAML
}

# Runs a command under /usr/bin/time: "label: wall s, max RSS MiB (load average)".
measure() {
  local label=$1
  shift
  /usr/bin/time -f '%e %M' -o "$folder/time" "$@" >/dev/null
  read -r wall rss <"$folder/time"
  printf '%-52s %6.2f s  %6.1f MiB  (load average %s)\n' "$label" "$wall" "$(echo "$rss / 1024" | bc -l)" \
    "$(cut -d' ' -f1-3 /proc/loadavg)"
}
