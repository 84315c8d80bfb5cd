#!/usr/bin/env bash
# An installed prefix, copied whole to another folder, serves its own page: `kizuna serve` finds
# share/kizuna/web beside its executable (../share/kizuna/web), not in the source tree. $KIZUNA_WEB points
# nowhere, so a binary that looked only there or in the checkout would answer 404 or refuse to start.
# Skipped (77) while the binary does not look beside itself yet (the serve lookup of the explorer issue).
# usage: serve_test.sh PREFIX WORK_DIR   (PREFIX as install_test.sh left it, with k.db beside it)
set -euo pipefail
prefix="$1" work="$2"
fail() { echo "FAILED: $*" >&2; exit 1; }

if ! grep -qa "share/kizuna/web" "$prefix/bin/kizuna"; then
  echo "SKIPPED: this kizuna does not look for share/kizuna/web beside itself yet"
  exit 77
fi
rm -rf "$work"
mkdir -p "$work"
cp -a "$prefix" "$work/moved"
cp "$(dirname "$prefix")/k.db" "$work/k.db"
cd "$work"
KIZUNA_WEB="$work/nowhere" "$work/moved/bin/kizuna" --db "$work/k.db" serve --port 0 >"$work/serve.out" 2>"$work/serve.err" &
server=$!
trap 'kill "$server" 2>/dev/null || true' EXIT
/usr/bin/python3 - "$work/serve.out" <<'PY'
import json, re, sys, time, urllib.parse, urllib.request
deadline = time.time() + 20
url = None
while time.time() < deadline and url is None:
    match = re.search(r"http://\S+/", open(sys.argv[1], encoding="utf-8").read())
    url = match.group(0) if match else time.sleep(0.1)
assert url, "the server printed no address"
page = urllib.request.urlopen(url, timeout=10).read().decode("utf-8")
assert "<html" in page.lower() and "cytoscape" in page, page[:200]
answer = json.load(urllib.request.urlopen(url + "api/search?q=" + urllib.parse.quote("保健省"), timeout=10))
assert answer[0]["id"] == "vn-moh", answer
print("served", url, "and found", answer[0]["id"])
PY
