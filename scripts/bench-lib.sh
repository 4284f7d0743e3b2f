# Shared by the benchmark scripts (sourced): the configuration of a benchmark store and
# the measurement of one command as a process. Expects $folder and $KIZUNA_CONFIG.

# Writes $KIZUNA_CONFIG: the shipped playbooks and holidays, the store in $folder/state.
write_config() {
  mkdir -p "$folder"
  cat >"$KIZUNA_CONFIG" <<YAML
kizuna: 1
timezone: America/New_York
playbooks: $PWD/playbooks
state_directory: $folder/state
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
