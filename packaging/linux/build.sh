#!/usr/bin/env bash
# Build the Linux installers from the PyInstaller bundle in dist/veil (made by `make package`):
#
#   dist/veil-<version>-linux-<arch>.tar.gz   unpack anywhere, run veil/veil
#   dist/veil_<version>_<debarch>.deb         installs to /opt/veil, /usr/bin/veil, a desktop
#                                             entry and icons
#
# Usage: packaging/linux/build.sh [dist-folder]    (needs dpkg-deb for the .deb; root not needed)
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
DIST="$(cd "${1:-$ROOT/dist}" && pwd)"
BUNDLE="$DIST/veil"
HERE="$ROOT/packaging/linux"
ICONS="$ROOT/packaging/icons"

[ -x "$BUNDLE/veil" ] || { echo "build.sh: no bundle at $BUNDLE (run make package)" >&2; exit 1; }
VERSION="$(sed -n 's/^version = "\(.*\)"/\1/p' "$ROOT/pyproject.toml" | head -1)"
ARCH="$(uname -m)"
case "$ARCH" in x86_64) DEBARCH=amd64 ;; aarch64) DEBARCH=arm64 ;; *) DEBARCH="$ARCH" ;; esac
# Staging next to dist/ so the bundle can be hard-linked instead of copied (1.4 GB).
mkdir -p "$DIST/.stage"
STAGE="$(mktemp -d "$DIST/.stage/pkg.XXXXXX")"
trap 'rm -rf "$STAGE"; rmdir "$DIST/.stage" 2>/dev/null || true' EXIT
start=$(date +%s)

# --- .tar.gz: the bundle plus its desktop entry and icons under veil/share -----------------------
TAR="$DIST/veil-$VERSION-linux-$ARCH.tar.gz"
mkdir -p "$STAGE/extra/share/applications" "$STAGE/extra/share/icons"
cp "$HERE/veil.desktop" "$STAGE/extra/share/applications/veil.desktop"
cp "$ICONS/veil.png" "$ICONS/veil.svg" "$STAGE/extra/share/icons/"
if command -v pigz >/dev/null; then GZ="pigz -9"; else GZ="gzip -9"; fi
tar --sort=name --owner=0 --group=0 --numeric-owner -cf - -C "$DIST" veil \
    -C "$STAGE/extra" --transform 's,^share,veil/share,' share | $GZ > "$TAR.part"
mv "$TAR.part" "$TAR"
echo "build.sh: $TAR ($(du -h "$TAR" | cut -f1))"

# --- .deb ----------------------------------------------------------------------------------------
PKG="$STAGE/deb"
mkdir -p "$PKG/DEBIAN" "$PKG/opt" "$PKG/usr/bin" "$PKG/usr/share/applications" \
    "$PKG/usr/share/icons/hicolor/256x256/apps" "$PKG/usr/share/icons/hicolor/scalable/apps" \
    "$PKG/usr/share/doc/veil"
cp -al "$BUNDLE" "$PKG/opt/veil" 2>/dev/null || cp -a "$BUNDLE" "$PKG/opt/veil"
ln -s /opt/veil/veil "$PKG/usr/bin/veil"
cp "$HERE/veil.desktop" "$PKG/usr/share/applications/veil.desktop"
cp "$ICONS/veil.png" "$PKG/usr/share/icons/hicolor/256x256/apps/veil.png"
cp "$ICONS/veil.svg" "$PKG/usr/share/icons/hicolor/scalable/apps/veil.svg"
cp "$HERE/copyright" "$PKG/usr/share/doc/veil/copyright"
find "$PKG" -type d -exec chmod 0755 {} +
SIZE_KB="$(du -sk --exclude=DEBIAN "$PKG" | cut -f1)"
sed -e "s/@VERSION@/$VERSION/" -e "s/@ARCH@/$DEBARCH/" -e "s/@SIZE@/$SIZE_KB/" \
    "$HERE/control.in" > "$PKG/DEBIAN/control"
DEB="$DIST/veil_${VERSION}_${DEBARCH}.deb"
# gzip: every dpkg reads it and it is several times faster to build than xz (which would save
# roughly a fifth on torch's libraries). VEIL_DEB_COMPRESSION=xz switches.
dpkg-deb --root-owner-group -Z"${VEIL_DEB_COMPRESSION:-gzip}" -z9 --build "$PKG" "$DEB" >/dev/null
echo "build.sh: $DEB ($(du -h "$DEB" | cut -f1))"
echo "build.sh: done in $(( $(date +%s) - start )) s"
