#!/usr/bin/env bash
# The installed Kizuna, as a user of the library gets it: `cmake --install` into a temporary prefix, then
# the two examples built against it with find_package(kizuna) and with pkg-config, the complete example
# of docs/library.md, and the Python module, each run on the curated data with its answers checked.
# Builds only the examples (a few seconds), never the project.
# usage: install_test.sh BUILD_DIR SOURCE_DIR WORK_DIR
set -euo pipefail
build="$1" source="$2" work="$3"
prefix="$work/prefix"

fail() { echo "FAILED: $*" >&2; exit 1; }
expect_line() {  # FILE TEXT: the output has the line
  grep -qxF -- "$2" "$1" || { cat "$1" >&2; fail "$1 lacks the line: $2"; }
}

rm -rf "$work"
mkdir -p "$work"
cmake --install "$build" --prefix "$prefix" >"$work/install.log"

# What is installed, and nothing of the modules' internals.
for file in bin/kizuna lib/libkizuna.so lib/cmake/kizuna/kizunaConfig.cmake lib/cmake/kizuna/kizunaConfigVersion.cmake \
            lib/cmake/kizuna/kizunaTargets.cmake lib/pkgconfig/kizuna.pc include/kizuna/kizuna.h include/kizuna/version.h \
            share/kizuna/web/index.html share/kizuna/web/node_modules/cytoscape/dist/cytoscape.min.js \
            share/kizuna/data/entities.csv share/kizuna/data/relations.csv share/man/man1/kizuna.1; do
  [ -e "$prefix/$file" ] || fail "not installed: $file"
done
headers="$(cd "$prefix/include" && find . -type f | sort | tr '\n' ' ')"
[ "$headers" = "./kizuna/kizuna.h ./kizuna/version.h " ] || fail "public headers are kizuna.h and version.h, not: $headers"
[ ! -e "$prefix/share/kizuna/web/node_modules/playwright-core" ] || fail "a development npm package was installed"
soname="$(objdump -p "$prefix/lib/libkizuna.so" | awk '$1 == "SONAME" { print $2 }')"
version="$("$prefix/bin/kizuna" --version)"
[ "$soname" = "libkizuna.so.$(echo "${version#kizuna }" | cut -d. -f1-2)" ] || fail "SONAME $soname for $version"
leaked="$(nm -D --defined-only "$prefix/lib/libkizuna.so" | c++filt | grep -v 'kizuna::api' | grep 'kizuna::' || true)"
[ -z "$leaked" ] || fail "libkizuna.so exports internals: $(echo "$leaked" | head -3)"
third_party="$(nm -D --defined-only "$prefix/lib/libkizuna.so" | c++filt | grep -Ei 'nlohmann|sqlite|boost|_from\(' || true)"
[ -z "$third_party" ] || fail "libkizuna.so exports more than its API: $(echo "$third_party" | head -3)"
grep -q '^\.TH KIZUNA' "$prefix/share/man/man1/kizuna.1" || fail "kizuna.1 is not a manual page"

# The curated data, loaded by the installed binary from the installed share/kizuna/data.
"$prefix/bin/kizuna" --db "$work/k.db" init >/dev/null
"$prefix/bin/kizuna" --db "$work/k.db" import --quiet "$prefix/share/kizuna/data" >/dev/null

check_partners() {  # PROGRAM
  "$1" "$work/k.db" vn-moh 2020 >"$work/partners.out"
  expect_line "$work/partners.out" "partners of Ministry of Health of Vietnam as of 2020:"
  expect_line "$work/partners.out" "$(printf 'mhlw\tMinistry of Health, Labour and Welfare\tmou\t2014-03..\tactive')"
  [ "$(grep -c $'\t' "$work/partners.out")" = 9 ] || fail "$1: 3 partners and 6 of unknown date expected"
  if "$1" "$work/k.db" "no such ministry" 2020 2>"$work/unknown.err"; then fail "$1: an unknown entity answered"; fi
  grep -q "unknown entity" "$work/unknown.err" || fail "$1: $(cat "$work/unknown.err")"
}
check_path() {  # PROGRAM
  rm -f "$work/new.db"*
  "$1" "$work/new.db" "$prefix/share/kizuna/data" vn-moh mhlw >"$work/path.out"
  printf '%s\n' "imported 29 entities and 38 relations" "added 1 entity and 1 relation" "path of 2 relations:" \
    "example-university" "  mou (2025-04)" "vn-moh" "  mou (2014-03)" "mhlw" | diff - "$work/path.out" ||
    fail "$1: the path after the import differs"
}

# find_package(kizuna), as the examples' own CMakeLists.txt say.
for example in partners_as_of import_then_path; do
  cmake -S "$source/examples/$example" -B "$work/$example" -DCMAKE_PREFIX_PATH="$prefix" \
        -DCMAKE_BUILD_TYPE=Release >"$work/$example.log" || { cat "$work/$example.log"; fail "configuring $example"; }
  cmake --build "$work/$example" >>"$work/$example.log" || { cat "$work/$example.log"; fail "building $example"; }
done
check_partners "$work/partners_as_of/partners_as_of"
check_path "$work/import_then_path/import_then_path"

# pkg-config, from the prefix's kizuna.pc (relocatable: it finds the prefix from where it is).
export PKG_CONFIG_PATH="$prefix/lib/pkgconfig"
[ "$(pkg-config --modversion kizuna)" = "${version#kizuna }" ] || fail "kizuna.pc's version"
for example in partners_as_of import_then_path; do
  # shellcheck disable=SC2046
  g++ -o "$work/$example-pc" "$source/examples/$example/main.cpp" $(pkg-config --cflags --libs kizuna) \
      -Wl,-rpath,"$prefix/lib"
done
check_partners "$work/partners_as_of-pc"
check_path "$work/import_then_path-pc"

# docs/library.md's complete example, as written there.
awk '/^```cpp$/ { keep = 1; next } /^```$/ { if (keep) exit } keep' "$source/docs/library.md" >"$work/library_example.cpp"
[ -s "$work/library_example.cpp" ] || fail "docs/library.md has no cpp example"
# shellcheck disable=SC2046
g++ -Wall -Wextra -o "$work/library_example" "$work/library_example.cpp" $(pkg-config --cflags --libs kizuna) \
    -Wl,-rpath,"$prefix/lib"
"$work/library_example" "$work/k.db" >"$work/library_example.out"
expect_line "$work/library_example.out" "vn-moh: Ministry of Health of Vietnam (ベトナム保健省)"
expect_line "$work/library_example.out" "kanagawa -> vn-moh -> mhlw"
expect_line "$work/library_example.out" "mhlw: 1 mou"
grep -q "^unknown entity, [0-9]* names close to it$" "$work/library_example.out" || fail "library example: no UnknownEntity"

# The Python module, from the prefix's dist-packages.
python_dir="$(cd "$prefix" && find lib -type d -path '*-packages/kizuna' | head -1)"
[ -n "$python_dir" ] || fail "the Python module is not installed"
PYTHONPATH="$prefix/$(dirname "$python_dir")" /usr/bin/python3 - "$work/k.db" <<'PY'
import sys
import kizuna
db = kizuna.connect(sys.argv[1])
assert db.search("保健省")[0]["id"] == "vn-moh", db.search("保健省")
assert "/prefix/" in kizuna.__file__, kizuna.__file__  # the installed module, not the build tree's
PY
echo "installed prefix checked: $prefix"
