#!/usr/bin/env bash
# Installs what building and testing Kizuna needs and is missing, and nothing else.
# Safe to run again: packages already present are left alone.
set -euo pipefail

# Debian packages the build and the tests use.
packages=(
  python3            # the RRULE oracle test drives python-dateutil
  python3-dateutil
  libsystemd-dev     # the CSystemd target: sd_notify, the journal
  libcurl4-openssl-dev  # kizunad links Foundation's networking (webhooks) statically, and it needs libcurl
  debootstrap        # make test-systemd: the container's root file system
  systemd-container  # make test-systemd: systemd-nspawn boots systemd as PID 1
)

missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
# python-dateutil may come from pip rather than Debian: then it is not missing.
if [[ " ${missing[*]} " == *" python3-dateutil "* ]] && python3 -c 'import dateutil' 2>/dev/null; then
  missing=("${missing[@]/python3-dateutil}")
fi
read -r -a missing <<<"${missing[*]}"

if ((${#missing[@]})); then
  sudo=""
  [[ $(id -u) -eq 0 ]] || sudo="sudo"
  echo "Installing: ${missing[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}"
fi

# The calendar export test parses Kizuna's .ics files with Python's icalendar package: from
# PyPI for the python3 on PATH, else (a system Python that refuses pip) Debian's package.
if ! python3 -c 'import icalendar' 2>/dev/null; then
  echo "Installing: icalendar (Python)"
  python3 -m pip install --quiet icalendar 2>/dev/null || {
    [[ $(id -u) -eq 0 ]] && sudo="" || sudo="sudo"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq python3-icalendar
  }
fi

command -v swift >/dev/null || { echo "error: the Swift toolchain (swift.org) is not on PATH" >&2; exit 1; }
