#!/usr/bin/env bash
# The Debian package: `cpack -G DEB` from the build, its contents listed and checked (binary, library,
# headers, CMake package, pkg-config file, page, data, manual, Python module), its dependencies
# found by dpkg-shlibdeps, and its kizuna run after `dpkg -x` into a scratch root.
# usage: deb_test.sh BUILD_DIR WORK_DIR
set -euo pipefail
build="$1" work="$2"
fail() { echo "FAILED: $*" >&2; exit 1; }

rm -rf "$work"
mkdir -p "$work"
cpack --config "$build/CPackConfig.cmake" -G DEB -B "$work" >"$work/cpack.log" || { cat "$work/cpack.log"; fail "cpack"; }
version="$(sed -n 's/^set(CPACK_PACKAGE_VERSION "\(.*\)")$/\1/p' "$build/CPackConfig.cmake")"
deb="$work/kizuna_${version}_amd64.deb"
[ -f "$deb" ] || fail "no $deb: $(ls "$work")"

dpkg-deb -c "$deb" | awk '{ print $6 }' | sed 's|^\./|/|' >"$work/contents.txt"
echo "contents of $(basename "$deb"):"
cat "$work/contents.txt"
for path in /usr/bin/kizuna "/usr/lib/libkizuna.so.${version%.*}" /usr/lib/libkizuna.so /usr/include/kizuna/kizuna.h \
            /usr/include/kizuna/version.h /usr/lib/cmake/kizuna/kizunaConfig.cmake \
            /usr/lib/cmake/kizuna/kizunaConfigVersion.cmake /usr/lib/pkgconfig/kizuna.pc \
            /usr/share/kizuna/web/index.html /usr/share/kizuna/web/node_modules/cytoscape/dist/cytoscape.min.js \
            /usr/share/kizuna/data/entities.csv /usr/share/man/man1/kizuna.1 /usr/share/doc/kizuna/CHANGELOG.md; do
  grep -qxF "$path" "$work/contents.txt" || fail "the package lacks $path"
done
grep -q '^/usr/lib/python3[^/]*/dist-packages/kizuna/_kizuna\..*\.so$' "$work/contents.txt" ||
  fail "the package lacks the Python module"

depends="$(dpkg-deb -f "$deb" Depends)"
echo "Depends: $depends"
for library in libsqlite3 libgvc6 libxml2 libstdc++6; do
  [[ "$depends" == *"$library"* ]] || fail "Depends lacks $library (shlibdeps)"
done
[ "$(dpkg-deb -f "$deb" Version)" = "$version" ] || fail "the package's version"

dpkg -x "$deb" "$work/root"
[ "$("$work/root/usr/bin/kizuna" --version)" = "kizuna $version" ] || fail "kizuna --version in the scratch root"
echo "kizuna --version in the scratch root: $("$work/root/usr/bin/kizuna" --version)"
