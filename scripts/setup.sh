#!/usr/bin/env bash
# Installs Kizuna's dependencies (Debian 12 packages), builds it in Release and then either runs the demo
# on the bundled data (`demo`, the default) or the whole test suite through CTest (`test`: in the Release
# build, then again in a second build with sanitizers and the fuzz targets, build-check/).
# Run as root or with sudo:  sudo bash scripts/setup.sh demo | test
set -euo pipefail

mode="${1:-demo}"
case "$mode" in
  demo|test|build) ;;
  *) echo "usage: $0 [demo|test|build]" >&2; exit 2 ;;
esac

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="$root/build"

# Every dependency, and why (see README.md).
packages=(
  build-essential cmake pkg-config  # g++ 12, CMake
  libsqlitecpp-dev libsqlite3-dev   # the store (SQLiteCpp over SQLite with FTS5)
  libboost-graph-dev                # the in-memory graph and its algorithms
  libxxhash-dev                     # the graph cache's checksum (XXH3)
  libgraphviz-dev graphviz          # diagrams: cgraph to build, gvc to lay out and render
  fonts-noto-cjk                    # Japanese and Vietnamese glyphs in PNG and PDF diagrams
  catch2                            # tests (v2)
  libcli11-dev                      # the command line
  nlohmann-json3-dev                # JSON output and JSON Lines files
  libutf8proc-dev                   # Unicode normalisation and case folding of names
  libcsv-dev                        # RFC 4180 CSV parsing
  libre2-dev                        # the query language's =~: regular expressions in linear time
  libigraph-dev                     # kizuna communities: Leiden and Louvain, modularity
  libxml2-dev libxml2-utils         # GraphML reading and writing
  libxlsxwriter-dev python3-openpyxl  # xlsx export, and the tests that read it back and edit it
  libzip-dev                        # xlsx import: the workbook's zip (its XML is read with libxml2)
  nettle-dev                        # the history: the SHA-256 of each imported file
  valgrind                          # the test suite checks the renderer for memory errors and leaks
  clang-format                      # the test suite checks that every C++ file is formatted (.clang-format)
  clang-14 libfuzzer-14-dev libclang-rt-14-dev  # the test suite's second build: ASan, UBSan, libFuzzer
  python3 python3-networkx          # bench/run.py and its NetworkX peer; the NetworkX cross-check test
  libcpp-httplib-dev                # kizuna serve: the HTTP server (and the API tests' client)
  zlib1g-dev                        # kizuna serve: the page's files gzip-compressed once, not per request
  chromium                          # the explorer page's browser tests (headless, driven by playwright-core);
                                    # kizuna brief -o sheet.pdf prints the sheet with it
  poppler-utils                     # the brief's PDF test: pdfinfo and pdftoppm read the printed pages
  wrk                               # bench/: the HTTP load run of kizuna serve
  help2man                          # the manual page kizuna.1, written from `kizuna --help` at build time
  pybind11-dev python3-dev          # the Python module (python/): pybind11 over Debian's python3
  python3-pytest python3-pandas     # its tests (pytest, run by CTest) and Rows.to_pandas()
  dpkg-dev file                     # cpack -G DEB: dpkg-shlibdeps finds the package's dependencies
)
# Node.js and npm for the explorer page's npm packages (Cytoscape.js, playwright-core), unless a node
# with npm is already installed (e.g. from NodeSource).
if ! command -v npm >/dev/null 2>&1; then packages+=(nodejs npm); fi

missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if ((${#missing[@]})); then
  as_root=()
  if [ "$(id -u)" -ne 0 ]; then as_root=(sudo); fi
  echo "installing: ${missing[*]}"
  "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -q
  "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

# The page's npm packages, exactly as web/package-lock.json pins them.
npm ci --prefix "$root/web" --no-audit --no-fund --loglevel=error

jobs="$(nproc)"
# Unity builds (each target's sources compiled a few at a time as one unit; tests excluded): the test
# command builds everything twice and must stay within its time.
cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=Release -DCMAKE_UNITY_BUILD=ON
cmake --build "$build" -j "$jobs"

case "$mode" in
  demo)
    cd "$root"
    "$build/cli/kizuna" demo
    echo
    echo "The kizuna binary is $build/cli/kizuna; diagrams are in $root/kizuna-demo/."
    ;;
  test)
    ctest --test-dir "$build" --output-on-failure -j "$jobs"
    # The same suite built with AddressSanitizer and UndefinedBehaviorSanitizer (clang), with the fuzz
    # targets of the readers and parsers; valgrind's memcheck, the format check and the tests that need
    # the benchmark tool (its smoke run, the crash and race harnesses) ran in the first build.
    check="$root/build-check"
    CC=clang-14 CXX=clang++-14 cmake -S "$root" -B "$check" -DCMAKE_BUILD_TYPE=Check -DCMAKE_CXX_FLAGS_CHECK="-O1" -DCMAKE_UNITY_BUILD=ON \
      -DKIZUNA_SANITIZE=ON -DKIZUNA_FUZZ=ON -DKIZUNA_BENCH=OFF
    cmake --build "$check" -j "$jobs"
    ASAN_OPTIONS=detect_leaks=1 LSAN_OPTIONS="suppressions=$root/tests/memcheck/lsan.supp:print_suppressions=0" \
      UBSAN_OPTIONS=print_stacktrace=1 \
      ctest --test-dir "$check" --output-on-failure -j "$jobs" -E "^(memcheck|bench|format|explorer):"
    ;;
  build) ;;
esac
