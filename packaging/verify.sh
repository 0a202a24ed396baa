#!/usr/bin/env bash
# Verify the Linux installers built by `make package` (run as root on a Debian-like machine):
#
#  1. sizes: the bundle folder, the .tar.gz and the .deb;
#  2. unpack the .tar.gz into an empty folder; check the model and data files are inside;
#  3. `veil --self-test` from the unpacked bundle inside a network namespace with no network
#     (`unshare -n`; `unshare -rn` when not root), timed: the cold start;
#  4. the GUI from the unpacked bundle under Xvfb: time to the first shown frame
#     (VEIL_STARTUP_PROBE), then, with a workspace made by `veil init`, a screenshot of the
#     unlock screen (PNG);
#  5. install the .deb, run `veil --self-test` from the installed path (offline too), remove it.
#
# Usage: packaging/verify.sh [dist-folder] [screenshot.png]
# Prints a summary; exit code 0 only when every step passed. Needs: Xvfb, unshare, dpkg, python3.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
DIST="${1:-$ROOT/dist}"
SHOT="${2:-$DIST/unlock-screen.png}"
# VEIL_VERIFY_PARTS=tar or deb runs only that half (e.g. while the other is still being built).
PARTS="${VEIL_VERIFY_PARTS:-all}"
TAR="$(ls "$DIST"/veil-*-linux-*.tar.gz | head -1)"
DEB=""
[ "$PARTS" = tar ] || DEB="$(ls "$DIST"/veil_*.deb | head -1)"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/veil-verify.XXXXXX")"
XVFB_PID=""
APP_PID=""
cleanup() {
    [ -n "$APP_PID" ] && kill "$APP_PID" 2>/dev/null || true
    [ -n "$XVFB_PID" ] && kill "$XVFB_PID" 2>/dev/null || true
    rm -rf "$WORK"
}
trap cleanup EXIT
say() { printf '%s\n' "verify: $*"; }
SUMMARY=()
note() { SUMMARY+=("$1"); say "$1"; }

if [ "$(id -u)" -eq 0 ]; then NONET=(unshare -n); else NONET=(unshare -rn); fi
# A fresh user: no config, no caches, no HOME of the developer.
fresh_env() {
    local home="$1"
    mkdir -p "$home"
    echo env -i "HOME=$home" "PATH=/usr/bin:/bin" "LANG=C.UTF-8" "VEIL_HOME=$home/veil"
}
now_ms() { date +%s%3N; }
secs() { awk -v a="$1" -v b="$(now_ms)" 'BEGIN { printf "%.1f", (b - a) / 1000 }'; }
cold() {  # drop the page cache when allowed, so "cold" means read from disk
    sync
    if echo 3 > /proc/sys/vm/drop_caches 2>/dev/null; then echo "page cache dropped"; else
        echo "page cache not droppable here (files may be cached)"; fi
}

# --- 1. sizes -----------------------------------------------------------------------------------
folder_mb=$(du -sm "$DIST/veil" | cut -f1)
tar_mb=$(( $(stat -c %s "$TAR") / 1048576 ))
sizes="folder ${folder_mb} MB, $(basename "$TAR") ${tar_mb} MB"
[ -z "$DEB" ] || sizes="$sizes, $(basename "$DEB") $(( $(stat -c %s "$DEB") / 1048576 )) MB"
note "sizes: $sizes"
[ "$tar_mb" -le 600 ] || { say "FAIL: compressed bundle over 600 MB"; exit 1; }

if [ "$PARTS" != deb ]; then
# --- 2. unpack into an empty folder -------------------------------------------------------------
mkdir "$WORK/unpacked"
tar -xzf "$TAR" -C "$WORK/unpacked"
APP="$WORK/unpacked/veil/veil"
[ -x "$APP" ] || { say "FAIL: no executable veil/veil in the tarball"; exit 1; }
python3 - "$ROOT/packaging/bundle.toml" "$WORK/unpacked/veil/_internal" <<'PY'
import sys, tomllib
from pathlib import Path
config = tomllib.loads(Path(sys.argv[1]).read_text())
internal = Path(sys.argv[2])
missing = [f"{r['package']}/{r['path']}" for r in config["required"]
           if not (internal / r["package"].replace(".", "/") / r["path"]).is_file()]
missing += [p for p in config["drop"]["must_keep"] if not (internal / p).exists()]
if missing:
    sys.exit("verify: FAIL: missing in the bundle: " + ", ".join(missing))
print(f"verify: all {len(config['required'])} required data files and "
      f"{len(config['drop']['must_keep'])} key libraries are in the bundle")
PY
note "unpacked $(find "$WORK/unpacked" -type f | wc -l) files into an empty folder"

# --- 3. self-test without network ---------------------------------------------------------------
say "$(cold)"
netdevs=$("${NONET[@]}" sh -c 'tail -n +3 /proc/net/dev | cut -d: -f1' | tr -d ' ' | tr '\n' ' ')
start=$(now_ms)
# shellcheck disable=SC2046
if ! "${NONET[@]}" $(fresh_env "$WORK/home1") "$APP" --self-test > "$WORK/selftest.log" 2>&1; then
    cat "$WORK/selftest.log"; say "FAIL: self-test in the unpacked bundle"; exit 1
fi
t_self=$(secs "$start")
cat "$WORK/selftest.log"
note "self-test (unpacked tarball, '${NONET[*]}', interfaces: ${netdevs% }): passed, cold ${t_self} s"

# --- 4. the GUI under Xvfb ------------------------------------------------------------------------
mkdir "$WORK/fb"
Xvfb :97 -screen 0 1280x800x24 -fbdir "$WORK/fb" -nolisten tcp >/dev/null 2>&1 &
XVFB_PID=$!
sleep 2
say "$(cold)"
start=$(now_ms)
# shellcheck disable=SC2046
probe=$(timeout 120 $(fresh_env "$WORK/home2") DISPLAY=:97 VEIL_STARTUP_PROBE=1 \
    "$APP" gui 2>&1 | tee "$WORK/probe.log" | sed -n 's/^window-visible //p' | tail -1)
t_window=$(secs "$start")
[ -n "$probe" ] || { cat "$WORK/probe.log"; say "FAIL: the window did not appear"; exit 1; }
# The unlock screen needs a workspace: make one with the CLI (a throwaway passphrase).
# shellcheck disable=SC2046
$(fresh_env "$WORK/home3") VEIL_PASSPHRASE="verify-$$-$RANDOM-passphrase" "$APP" init > /dev/null
# shellcheck disable=SC2046
$(fresh_env "$WORK/home3") DISPLAY=:97 "$APP" gui > "$WORK/gui.log" 2>&1 &
APP_PID=$!
sleep $(( ${probe%.*} + 6 ))
kill -0 "$APP_PID" 2>/dev/null || { cat "$WORK/gui.log"; say "FAIL: the GUI exited"; exit 1; }
python3 "$ROOT/packaging/xwd2png.py" "$WORK/fb/Xvfb_screen0" "$SHOT" >/dev/null
kill "$APP_PID"; wait "$APP_PID" 2>/dev/null || true; APP_PID=""
kill "$XVFB_PID"; wait "$XVFB_PID" 2>/dev/null || true; XVFB_PID=""
note "GUI (unpacked tarball, Xvfb): cold start to first frame and exit ${t_window} s (${probe} s of it inside main()); screenshot $SHOT"

fi  # tar part

if [ "$PARTS" != tar ]; then
# --- 5. the .deb ---------------------------------------------------------------------------------
if dpkg -s veil >/dev/null 2>&1; then say "FAIL: a veil package is already installed"; exit 1; fi
dpkg -i "$DEB" > /dev/null
for f in /opt/veil/veil /usr/share/applications/veil.desktop \
        /usr/share/icons/hicolor/256x256/apps/veil.png /usr/share/icons/hicolor/scalable/apps/veil.svg; do
    [ -e "$f" ] || { say "FAIL: $f not installed"; dpkg -r veil >/dev/null; exit 1; }
done
[ "$(readlink /usr/bin/veil)" = /opt/veil/veil ] || { say "FAIL: /usr/bin/veil"; dpkg -r veil; exit 1; }
say "$(cold)"
start=$(now_ms)
# shellcheck disable=SC2046
if ! "${NONET[@]}" $(fresh_env "$WORK/home4") veil --self-test > "$WORK/deb-selftest.log" 2>&1; then
    cat "$WORK/deb-selftest.log"; dpkg -r veil > /dev/null; say "FAIL: self-test of the installed .deb"; exit 1
fi
t_deb=$(secs "$start")
tail -1 "$WORK/deb-selftest.log"
dpkg -r veil > /dev/null
[ ! -e /opt/veil/veil ] && [ ! -e /usr/bin/veil ] || { say "FAIL: dpkg -r left files"; exit 1; }
note "deb: installed, 'veil --self-test' from /usr/bin passed offline in ${t_deb} s, removed cleanly"
fi  # deb part

echo
echo "verify: summary ($(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg))"
for line in "${SUMMARY[@]}"; do echo "  - $line"; done
echo "verify: ALL PASSED ($PARTS)"
