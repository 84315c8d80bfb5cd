#!/usr/bin/env bash
# Renders diagrams of the bundled dataset under valgrind memcheck: any invalid read/write/free, or a
# definite leak outside the suppressed library-internal ones (graphviz.supp), fails the test.
# usage: render_under_valgrind.sh KIZUNA_BINARY DATA_DIR
set -euo pipefail
kizuna="$1"
data="$2"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

"$kizuna" --db "$work/k.db" init >/dev/null
"$kizuna" --db "$work/k.db" import "$data" >/dev/null

check() {
  valgrind --quiet --error-exitcode=97 --leak-check=full --show-leak-kinds=definite \
    --errors-for-leak-kinds=definite --suppressions="$here/graphviz.supp" --num-callers=30 \
    "$kizuna" --db "$work/k.db" "$@" >/dev/null
}

check render --ego vn-moh --radius 2 --cluster country -o "$work/ego.svg"
check render --ego vn-moh --radius 1 --lang ja -o "$work/ego.png"
check render --path kanagawa mhlw -o "$work/path.pdf"
check render -o "$work/all.dot"
check render --cluster country -o "$work/all-clustered.svg"
check render --engine neato --ego vn-moh --radius 2 -o "$work/ego-neato.svg"
check render --engine neato --cluster country --ego vn-moh --radius 2 -o "$work/ego-neato-clustered.svg"
check render --engine fdp --cluster country --ego kanagawa --radius 2 -o "$work/ego-fdp.png"
echo "no memory errors, no definite leaks outside graphviz.supp"
