#!/usr/bin/env bash
# HTTP load on `kizuna serve` over loopback with wrk (Debian): path and partners requests between random
# entities of a generated graph, 8 connections, a bounded time each. Prints one JSON line per endpoint.
#   bash bench/http/run.sh KIZUNA KIZUNA_BENCH WORK [RELATIONS] [SECONDS]
set -euo pipefail
kizuna="$1"; bench="$2"; work="$3"; relations="${4:-1000000}"; seconds="${5:-10}"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
mkdir -p "$work"
if [ ! -f "$work/k.db" ]; then
  "$bench" generate --relations "$relations" --dir "$work/graph" >/dev/null
  "$kizuna" --db "$work/k.db" init >/dev/null
  "$kizuna" --db "$work/k.db" import --quiet "$work/graph/data" >/dev/null
  "$kizuna" --db "$work/k.db" stats >/dev/null  # builds the graph cache once
fi
"$kizuna" --db "$work/k.db" serve --port 0 >"$work/serve.out" &
server=$!
trap 'kill -INT $server 2>/dev/null; wait $server 2>/dev/null || true' EXIT
for _ in $(seq 50); do grep -q http "$work/serve.out" 2>/dev/null && break; sleep 0.1; done
url="$(grep -o 'http://[^ ]*' "$work/serve.out")"
curl -sf "${url}api/stats" >/dev/null  # the shared graph loaded before timing
for endpoint in path partners; do
  KIZUNA_ENDPOINT=$endpoint KIZUNA_PAIRS="$work/graph/pairs.csv" \
    wrk -t 2 -c 8 -d "${seconds}s" --latency -s "$here/requests.lua" "$url" | grep '^{'
done
