#!/usr/bin/env bash
# Fetches Debian's zlib source package (bookworm: zlib 1.2.13.dfsg) into build/third_party/zlib,
# once. meshcheck compiles this one inflate implementation into both the native CLI and the
# wasm module (Debian's emscripten ships no zlib), so zip exports open identically in both.
# apt verifies the download against the signed Sources index; nothing else is downloaded.
set -euo pipefail
cd "$(dirname "$0")/.."
dest=build/third_party/zlib
[ -f "$dest/inflate.c" ] && exit 0

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/lists/partial" "$work/archives/partial"
echo "deb-src http://deb.debian.org/debian bookworm main" > "$work/sources.list"
apt_opts=(-o "Dir::Etc::SourceList=$work/sources.list" -o Dir::Etc::SourceParts=/dev/null
          -o "Dir::State::Lists=$work/lists" -o "Dir::Cache::Archives=$work/archives"
          -o APT::Sandbox::User=root -qq)
apt-get "${apt_opts[@]}" update
(cd "$work" && apt-get "${apt_opts[@]}" source --download-only zlib=1:1.2.13.dfsg-1)
tar -xjf "$work"/zlib_1.2.13.dfsg.orig.tar.bz2 -C "$work"
mkdir -p "$(dirname "$dest")"
rm -rf "$dest"
mv "$work/zlib-1.2.13.dfsg" "$dest"
echo "zlib source ready in $dest"
