#!/usr/bin/env bash
# `make install` and `make uninstall`: the release binaries, the systemd units, the
# sysusers.d and tmpfiles.d files, the example configuration and the shipped playbooks in
# /etc/kizuna, the man pages and the shell completions. Honours PREFIX (default /usr/local)
# and DESTDIR (a staging root). What is installed is listed in a manifest, which uninstall
# reads, so that it removes exactly that; a configuration file edited since is kept.
set -euo pipefail
cd "$(dirname "$0")/.."

action=${1:?usage: install.sh install|uninstall}
PREFIX=${PREFIX:-/usr/local}
DESTDIR=${DESTDIR:-}
SYSCONFDIR=${SYSCONFDIR:-/etc}
bindir=$PREFIX/bin
libdir=$PREFIX/lib
datadir=$PREFIX/share
docdir=$datadir/doc/kizuna
configdir=$SYSCONFDIR/kizuna
manifest=$datadir/kizuna/install-manifest

# The executables this tree builds (kizunad joins once Sources/kizunad exists).
binaries=()
for name in kizuna kizunad; do [[ -d Sources/$name ]] && binaries+=("$name"); done

installed=()  # manifest lines: "file PATH [SHA256]" or "folder PATH", in the order made
# note_folders TARGET: records the folders above TARGET that installing it creates.
note_folders() {
  local folder=${1%/*} missing=()
  while [[ -n $folder && ! -d $DESTDIR$folder ]]; do
    missing=("$folder" "${missing[@]}")
    folder=${folder%/*}
  done
  for folder in "${missing[@]}"; do installed+=("folder $folder"); done
}
# put MODE SOURCE TARGET: installs one file under DESTDIR and records it.
put() {
  note_folders "$3"
  install -D -m "$1" "$2" "$DESTDIR$3"
  installed+=("file $3")
}
# put_config SOURCE TARGET: a configuration file, kept if the administrator has one.
put_config() {
  if [[ -e $DESTDIR$2 ]]; then
    echo "keeping $2 (already there); the shipped one is $1"
    return
  fi
  note_folders "$2"
  install -D -m 0644 "$1" "$DESTDIR$2"
  installed+=("file $2 $(sha256sum <"$1" | cut -d' ' -f1)")
}

install_all() {
  local work
  work=$(mktemp -d)
  trap 'rm -rf "$work"' RETURN
  for name in "${binaries[@]}"; do swift build -c release --product "$name"; done
  swift build -c release --product generate-manual

  mkdir -p "$work/man"
  for name in "${binaries[@]}"; do
    put 0755 ".build/release/$name" "$bindir/$name"
    .build/release/generate-manual ".build/release/$name" --output-directory "$work/man" --date 2026-01-01 \
      --authors "Kizuna maintainers" || echo "no man page for $name (it does not use the argument parser)"
    [[ -f $work/man/$name.1 ]] && put 0644 "$work/man/$name.1" "$datadir/man/man1/$name.1"
  done

  .build/release/kizuna --generate-completion-script bash >"$work/kizuna.bash"
  .build/release/kizuna --generate-completion-script zsh >"$work/_kizuna"
  .build/release/kizuna --generate-completion-script fish >"$work/kizuna.fish"
  put 0644 "$work/kizuna.bash" "$datadir/bash-completion/completions/kizuna"
  put 0644 "$work/_kizuna" "$datadir/zsh/site-functions/_kizuna"
  put 0644 "$work/kizuna.fish" "$datadir/fish/vendor_completions.d/kizuna.fish"

  sed -e "s|@bindir@|$bindir|g" -e "s|@docdir@|$docdir|g" systemd/kizunad.service.in >"$work/kizunad.service"
  put 0644 "$work/kizunad.service" "$libdir/systemd/system/kizunad.service"
  put 0644 systemd/kizuna.sysusers "$libdir/sysusers.d/kizuna.conf"
  put 0644 systemd/kizuna.tmpfiles "$libdir/tmpfiles.d/kizuna.conf"
  put 0644 docs/systemd.md "$docdir/systemd.md"

  # The example's configuration, for a server: playbooks in /etc/kizuna/playbooks, the
  # store in /var/lib/kizuna, and no sample customers.
  sed -e '1,2c\# Kizuna'"'"'s configuration (docs/configuration.md). kizunad reads it at start and on\n# `systemctl reload kizunad`; the kizuna command reads it by default.' \
    -e "s|^playbooks: .*|playbooks: $configdir/playbooks|" \
    -e "s|^state_directory: .*|state_directory: /var/lib/kizuna|" \
    -e '/^customers: /d' examples/kizuna.yaml >"$work/kizuna.yaml"
  put_config "$work/kizuna.yaml" "$configdir/kizuna.yaml"
  put_config examples/holidays-us.ics "$configdir/holidays-us.ics"
  for playbook in playbooks/*.yaml; do put_config "$playbook" "$configdir/playbooks/${playbook##*/}"; done

  note_folders "$manifest"
  mkdir -p "$(dirname "$DESTDIR$manifest")"
  printf '%s\n' "${installed[@]}" "file $manifest" >"$DESTDIR$manifest"
  echo "installed ${#installed[@]} files under ${DESTDIR:-/} (manifest: $manifest)"
}

uninstall_all() {
  [[ -f $DESTDIR$manifest ]] || { echo "nothing to uninstall: no $DESTDIR$manifest" >&2; exit 1; }
  local kind path checksum folders=()
  while read -r kind path checksum; do
    if [[ $kind == folder ]]; then
      folders=("$path" "${folders[@]}")  # deepest last made, removed first
    elif [[ -e $DESTDIR$path ]]; then
      if [[ -n $checksum && $(sha256sum <"$DESTDIR$path" | cut -d' ' -f1) != "$checksum" ]]; then
        echo "keeping $path (edited since it was installed)"
      else
        rm -f "$DESTDIR$path"
      fi
    fi
  done <"$DESTDIR$manifest"
  # The folders the installation made, if nothing else is in them now.
  for path in "${folders[@]}"; do rmdir "$DESTDIR$path" 2>/dev/null || true; done
  echo "uninstalled from ${DESTDIR:-/}"
}

case $action in
  install) install_all ;;
  uninstall) uninstall_all ;;
  *) echo "usage: install.sh install|uninstall" >&2; exit 64 ;;
esac
