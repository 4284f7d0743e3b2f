#!/usr/bin/env bash
# `make install` into a temporary DESTDIR: the tree it makes, the unit as systemd reads it
# (`systemd-analyze verify`, empty stderr required, and `security`, exposure 2.0 or lower),
# then `make uninstall`, which must leave nothing behind.
set -euo pipefail
cd "$(dirname "$0")/.."

stage=$(mktemp -d /tmp/kizuna-install.XXXXXX)
trap 'rm -rf "$stage"' EXIT
failures=0
check() {  # check DESCRIPTION COMMAND…: runs a check and reports it
  local description=$1
  shift
  if "$@" >/dev/null; then echo "ok: $description"; else echo "FAILED: $description"; failures=$((failures + 1)); fi
}

make --no-print-directory install DESTDIR="$stage/root" >"$stage/install.log" 2>&1 || { cat "$stage/install.log"; exit 1; }
root=$stage/root
expected=(
  usr/local/bin/kizuna
  usr/local/lib/systemd/system/kizunad.service
  usr/local/lib/sysusers.d/kizuna.conf
  usr/local/lib/tmpfiles.d/kizuna.conf
  usr/local/share/man/man1/kizuna.1
  usr/local/share/bash-completion/completions/kizuna
  usr/local/share/zsh/site-functions/_kizuna
  usr/local/share/fish/vendor_completions.d/kizuna.fish
  usr/local/share/doc/kizuna/systemd.md
  usr/local/share/kizuna/install-manifest
  etc/kizuna/kizuna.yaml
  etc/kizuna/holidays-us.ics
)
for playbook in playbooks/*.yaml; do expected+=("etc/kizuna/$playbook"); done
[[ -d Sources/kizunad ]] && expected+=(usr/local/bin/kizunad usr/local/share/man/man1/kizunad.1)
check "the installed tree is exactly the expected files" \
  diff <(printf '%s\n' "${expected[@]}" | sort) <(cd "$root" && find . -type f | sed 's|^\./||' | sort)
check "the unit starts the installed kizunad" grep -qx 'ExecStart=/usr/local/bin/kizunad --config /etc/kizuna/kizuna.yaml' \
  "$root/usr/local/lib/systemd/system/kizunad.service"
check "the installed binary runs" "$root/usr/local/bin/kizuna" --help
check "the man page is a man page" grep -q '^\.Dt KIZUNA 1\|^\.TH KIZUNA' "$root/usr/local/share/man/man1/kizuna.1"
check "the bash completion completes subcommands" grep -q 'today' "$root/usr/local/share/bash-completion/completions/kizuna"
check "the configuration points at /etc/kizuna/playbooks and /var/lib/kizuna" \
  grep -qzP 'playbooks: /etc/kizuna/playbooks\n(.*\n)*state_directory: /var/lib/kizuna\n' "$root/etc/kizuna/kizuna.yaml"
check "the installed configuration and playbooks are valid" \
  "$root/usr/local/bin/kizuna" playbooks check --config "$root/etc/kizuna/kizuna.yaml" "$root/etc/kizuna/playbooks"

# systemd reads the unit from the installed tree laid over this machine's own (for
# sysinit.target and /bin/kill), in a private mount namespace. The man page check runs man.
stand_in=""
if [[ ! -x $root/usr/local/bin/kizunad ]]; then
  echo "note: kizunad is not built in this tree yet: the unit is verified against a stand-in executable"
  stand_in=$stage/stand-in
  install -D -m 0755 /bin/true "$stand_in/usr/local/bin/kizunad"
fi
analyze() {
  unshare --mount --propagation private bash -c '
    set -e
    root=$1 stage=$2 stand_in=$3
    shift 3
    mkdir -p "$stage/merged"
    mount --bind / "$stage/merged"
    for folder in usr etc; do
      lower=$root/$folder:/$folder
      [[ -n $stand_in && -d $stand_in/$folder ]] && lower=$stand_in/$folder:$lower
      mount -t overlay overlay -o "lowerdir=$lower" "$stage/merged/$folder"
    done
    MANPATH=$stage/merged/usr/local/share/man systemd-analyze "$@" --root="$stage/merged"
  ' analyze "$root" "$stage" "$stand_in" "$@"
}
if [[ $(id -u) -ne 0 ]]; then
  echo "skipped: systemd-analyze verify and security (laying the tree over this machine's needs root)"
else
  analyze verify kizunad.service >"$stage/verify.out" 2>"$stage/verify.err" && verified=yes || verified=no
  cat "$stage/verify.out" "$stage/verify.err"
  check "systemd-analyze verify passes with nothing on stderr" test "$verified" = yes -a ! -s "$stage/verify.err"
  analyze security --offline=true kizunad.service >"$stage/security.out" 2>&1 || true
  exposure=$(grep -o 'Overall exposure level for kizunad.service: [0-9.]*' "$stage/security.out" | awk '{print $NF}' || true)
  echo "systemd-analyze security --offline=true: exposure ${exposure:-unknown}"
  check "the unit's exposure is 2.0 or lower" awk -v score="${exposure:-99}" 'BEGIN { exit !(score <= 2.0) }'
fi

# An administrator's edit survives uninstall; everything else goes.
echo "# edited" >>"$root/etc/kizuna/kizuna.yaml"
make --no-print-directory uninstall DESTDIR="$root" >"$stage/uninstall.log" 2>&1 || { cat "$stage/uninstall.log"; exit 1; }
check "uninstall keeps the edited configuration and removes everything else" \
  diff <(echo etc/kizuna/kizuna.yaml) <(cd "$root" && find . -type f | sed 's|^\./||')
check "uninstall removes the folders it made" diff <(printf '%s\n' . ./etc ./etc/kizuna) <(cd "$root" && find . -type d | sort)

# PREFIX=/usr: the unit follows the binary.
make --no-print-directory install DESTDIR="$stage/usr-root" PREFIX=/usr >"$stage/install.log" 2>&1 || { cat "$stage/install.log"; exit 1; }
check "with PREFIX=/usr the unit starts /usr/bin/kizunad" grep -q '^ExecStart=/usr/bin/kizunad ' \
  "$stage/usr-root/usr/lib/systemd/system/kizunad.service"

echo "install test: $failures failed"
((failures == 0))
