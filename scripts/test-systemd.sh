#!/usr/bin/env bash
# `make test-systemd`: kizunad as a service under a real systemd. Boots systemd as PID 1 in
# a container (a Debian minbase root made once by debootstrap and cached outside the
# repository, run with systemd-nspawn --volatile=overlay so it stays pristine), installs
# the release build with `make install DESTDIR=… PREFIX=/usr`, and checks what an
# administrator relies on: start returns after READY, status shows the STATUS line, reload
# after a playbook edit, the watchdog restarts a frozen daemon, a customer's history in the
# journal (KIZUNA_CUSTOMER=), stop, journalctl -u.
# Needs root. KIZUNA_TEST_ROOTFS overrides the cached root's folder.
set -euo pipefail
cd "$(dirname "$0")/.."

if [[ $(id -u) -ne 0 ]]; then
  echo "test-systemd: skipped: booting a container needs root" >&2
  exit 77
fi
rootfs=${KIZUNA_TEST_ROOTFS:-/var/cache/kizuna-test-root/bookworm}
machine=kizuna-test-$$
work=$(mktemp -d /tmp/kizuna-test-systemd.XXXXXX)
failures=0
check() {  # check DESCRIPTION COMMAND…
  local description=$1
  shift
  if "$@" >/dev/null; then echo "ok: $description"; else echo "FAILED: $description"; failures=$((failures + 1)); fi
}
step() { echo "== $*"; }

# The root file system, made once (~60 s, ~290 MB) and reused while the package list is
# the same: systemd, and what the release binaries load (libsqlite3, libsystemd).
packages=systemd,dbus,systemd-sysv,procps,libsqlite3-0,libsystemd0,libcurl4
if [[ $(cat "$rootfs/.kizuna-packages" 2>/dev/null) != "$packages" ]]; then
  step "making the container's root file system in $rootfs (once)"
  rm -rf "$rootfs.partial" "$rootfs"
  mkdir -p "$(dirname "$rootfs")"
  debootstrap --variant=minbase --include="$packages" bookworm "$rootfs.partial" \
    >"$work/debootstrap.log" 2>&1 || { tail -20 "$work/debootstrap.log"; exit 1; }
  echo "$packages" >"$rootfs.partial/.kizuna-packages"
  mv "$rootfs.partial" "$rootfs"
fi

step "installing the release build into a staging root"
make --no-print-directory install DESTDIR="$work/stage" PREFIX=/usr >"$work/install.log" 2>&1 \
  || { tail -30 "$work/install.log"; exit 1; }
mkdir -p "$work/data"
cp examples/customers.jsonl "$work/data/"

step "booting systemd in the container"
cgroups=(/sys/fs/cgroup/systemd/$machine /sys/fs/cgroup/unified/$machine)
nspawn_state_existed=no
[[ -e /run/systemd/nspawn ]] && nspawn_state_existed=yes
leader=""
container=""
cleanup() {
  if [[ -n $container ]]; then
    kill -TERM "$container" 2>/dev/null || true
    timeout 30 tail --pid="$container" -f /dev/null || kill -KILL "$container" 2>/dev/null || true
  fi
  for cgroup in "${cgroups[@]}"; do
    [[ -d $cgroup ]] && find "$cgroup" -depth -type d -exec rmdir {} + 2>/dev/null || true
  done
  [[ $nspawn_state_existed == no ]] && rm -rf /run/systemd/nspawn
  rm -rf "$work"
}
trap cleanup EXIT
for cgroup in "${cgroups[@]}"; do mkdir -p "$cgroup"; done
(
  for cgroup in "${cgroups[@]}"; do echo "$BASHPID" >"$cgroup/cgroup.procs"; done
  exec systemd-nspawn -q -D "$rootfs" -M "$machine" --boot --register=no --keep-unit --volatile=overlay \
    --bind-ro="$work/stage:/opt/kizuna-stage" --bind-ro="$work/data:/opt/kizuna-data"
) >"$work/container.log" 2>&1 </dev/null &
container=$!
for _ in $(seq 200); do
  leader=$(pgrep -P "$container" || true)
  [[ -n $leader ]] && break
  sleep 0.05
done
[[ -n $leader ]] || { cat "$work/container.log"; echo "the container did not start" >&2; exit 1; }
in_container() { timeout 60 nsenter -t "$leader" -a "$@"; }
system_state=offline
for _ in $(seq 400); do
  system_state=$(in_container systemctl is-system-running --wait 2>/dev/null || true)
  [[ $system_state =~ running|degraded ]] && break
  sleep 0.05
done
check "systemd runs as PID 1 in the container ($system_state)" eval '[[ $system_state =~ running|degraded ]]'


step "installing into the container as a package would"
in_container bash -c 'cp -a /opt/kizuna-stage/. / && systemd-sysusers && systemd-tmpfiles --create kizuna.conf && systemctl daemon-reload'
# A short watchdog, so that the test sees it fire in seconds rather than the shipped 30 s.
in_container bash -c 'mkdir -p /etc/systemd/system/kizunad.service.d &&
  printf "[Service]\nWatchdogSec=3s\nRestartSec=1s\n" >/etc/systemd/system/kizunad.service.d/test.conf && systemctl daemon-reload'
check "the kizuna user exists" in_container id kizuna
check "/var/lib/kizuna belongs to kizuna" test "$(in_container stat -c %U:%G:%a /var/lib/kizuna)" = kizuna:kizuna:770
check "systemd loads the unit" test "$(in_container systemctl show -P LoadState kizunad)" = loaded
check "the customers import as user kizuna" in_container runuser -u kizuna -- kizuna import customers /opt/kizuna-data/customers.jsonl

if [[ ! -x $work/stage/usr/bin/kizunad ]]; then
  echo "test-systemd: kizunad is not built in this tree yet: the service checks (start, status, reload," >&2
  echo "watchdog, stop, journalctl -u) cannot run; the container booted and the installation succeeded." >&2
  exit 1
fi

show() { in_container systemctl show -P "$1" kizunad; }
wait_for() {  # wait_for PROPERTY VALUE [TRIES]: polls until the unit's property has the value
  local tries=${3:-200}
  while ((tries-- > 0)); do [[ $(show "$1") == "$2" ]] && return 0; sleep 0.05; done
  return 1
}

step "start"
in_container systemctl start kizunad
check "start returns once the daemon reported READY" test "$(show ActiveState)/$(show SubState)" = active/running
status_text=$(show StatusText)
echo "   STATUS: $status_text"
check "the status line counts customers" grep -q ' customers · ' <<<"$status_text"
check "systemctl status shows the status line" bash -c "in_container() { timeout 60 nsenter -t $leader -a \"\$@\"; }; \
  in_container systemctl status --no-pager kizunad | grep -qF 'Status: \"$status_text\"'"

step "reload after a playbook edit"
pid_before=$(show MainPID)
in_container sed -i 's/^title: .*/title: Weekly onboarding follow-up (edited)/' /etc/kizuna/playbooks/onboarding-weekly.yaml
in_container sed -i 's/^  title: .*/  title: "Edited onboarding follow-up: {{ customer.name }}"/' /etc/kizuna/playbooks/onboarding-weekly.yaml
in_container systemctl reload kizunad
check "the daemon is active again after the reload" wait_for ActiveState active
check "the reload kept the same process" test "$(show MainPID)" = "$pid_before"
check "the reloaded playbook's tasks are planned" bash -c "for _ in \$(seq 100); do \
  timeout 60 nsenter -t $leader -a runuser -u kizuna -- kizuna upcoming --days 30 | grep -q 'Edited onboarding follow-up' && exit 0; sleep 0.1; done; exit 1"

step "the watchdog restarts a frozen daemon"
restarts=$(show NRestarts)
in_container kill -STOP "$(show MainPID)"
check "a frozen daemon is restarted" wait_for NRestarts $((restarts + 1)) 300
check "it failed with result 'watchdog'" bash -c "timeout 60 nsenter -t $leader -a journalctl -u kizunad --no-pager | grep -q \"Failed with result 'watchdog'\""
check "it is running again" wait_for SubState running 200

step "a customer's history"
in_container runuser -u kizuna -- kizuna customer set-stage acme-corp mature >/dev/null
customer_journal() {  # customer_journal PATTERN: polls the journal of acme-corp for a line
  for _ in $(seq 100); do
    in_container journalctl -u kizunad KIZUNA_CUSTOMER=acme-corp -o cat --no-pager | grep -q "$1" && return 0
    sleep 0.1
  done
  return 1
}
check "journalctl KIZUNA_CUSTOMER=acme-corp shows its stage change" customer_journal 'acme-corp entered stage mature'
check "and the tasks the stage change cancelled" customer_journal '^cancelled ".*stage changed to mature$'
check "cancellations carry the task and the playbook" bash -c "timeout 60 nsenter -t $leader -a journalctl -u kizunad \
  KIZUNA_CUSTOMER=acme-corp KIZUNA_PLAYBOOK=onboarding-weekly -o json --no-pager | grep '\"MESSAGE\":\"cancelled ' \
  | grep -q '\"KIZUNA_TASK\"'"

step "stop"
in_container systemctl stop kizunad
check "stop leaves the unit inactive" test "$(show ActiveState)" = inactive
check "the daemon exited cleanly" test "$(show Result)" = success

step "journalctl"
check "the daemon's entries are structured (native journal protocol, with source locations)" \
  bash -c "timeout 60 nsenter -t $leader -a journalctl -u kizunad _TRANSPORT=journal -o json --no-pager | grep -q '\"CODE_FILE\"'"
check "journalctl -u kizunad KIZUNA_CUSTOMER=acme-corp finds the customer's entries" \
  bash -c "timeout 60 nsenter -t $leader -a journalctl -u kizunad KIZUNA_CUSTOMER=acme-corp -o json --no-pager | grep -q acme-corp"

echo "test-systemd: $failures failed"
((failures == 0))
