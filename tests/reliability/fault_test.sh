#!/usr/bin/env bash
# Fault tests of the real binary: a database in a read-only folder read by a non-root user (with and
# without a write interrupted by a kill), a full disk during an import, damaged database files under
# every read command, damaged graph caches. Usage: fault_test.sh KIZUNA DATA_DIR WORK
set -uo pipefail
kizuna="$1"
data="$2"
work="$3"
failures=0
fail() { echo "FAILED: $*" >&2; failures=$((failures + 1)); }
expect_exit() {  # expect_exit CODE DESCRIPTION COMMAND…
  local want="$1" what="$2"
  shift 2
  "$@" > "$work/out" 2> "$work/err"
  local got=$?
  if [ "$got" != "$want" ]; then fail "$what: exit $got, expected $want: $(head -c 300 "$work/err")"; fi
}
rm -rf "$work" && mkdir -p "$work" && chmod 755 "$work"

# 1. A read-only folder, as a user who cannot write there: the state every import leaves (no -wal, no
#    -shm beside the file) answers; the graph is only built each time.
as_nobody=()
if [ "$(id -u)" -eq 0 ] && command -v setpriv > /dev/null; then
  as_nobody=(setpriv --reuid=65534 --regid=65534 --clear-groups)
fi
ro="$work/readonly"
mkdir -p "$ro"
"$kizuna" --db "$ro/k.db" init > /dev/null && "$kizuna" --db "$ro/k.db" import -q "$data" > /dev/null
rm -f "$ro/k.db-graph"
chmod 644 "$ro/k.db" && chmod 555 "$ro"
if ((${#as_nobody[@]})) || [ "$(id -u)" -ne 0 ]; then
  expect_exit 0 "read-only folder: partners" "${as_nobody[@]}" "$kizuna" --db "$ro/k.db" partners vn-moh
  grep -q "Kanagawa Prefecture" "$work/out" || fail "read-only folder: partners did not answer"
  expect_exit 0 "read-only folder: path" "${as_nobody[@]}" "$kizuna" --db "$ro/k.db" --format json path kanagawa mhlw
  grep -q '"length": 2' "$work/out" || fail "read-only folder: path did not answer"
  expect_exit 0 "read-only folder: search" "${as_nobody[@]}" "$kizuna" --db "$ro/k.db" search "Bo Y te"
  expect_exit 0 "read-only folder: export" "${as_nobody[@]}" "$kizuna" --db "$ro/k.db" export --format jsonl -o /dev/null
  expect_exit 4 "read-only folder: import is refused" "${as_nobody[@]}" "$kizuna" --db "$ro/k.db" import "$data"
  [ -e "$ro/k.db-graph" ] && fail "read-only folder: a graph cache appeared"
else
  echo "skipped: the read-only folder test needs a non-root user (or root with setpriv)"
fi
chmod 755 "$ro"

# 2. A write killed in rollback-journal mode (the mode of a first import into an empty database) after
#    it changed pages of the file leaves a hot journal. A reader that may write rolls it back and
#    answers; one in a read-only folder says what happened and how to recover.
bench_file="$work/many"
mkdir -p "$bench_file"
python3 - "$bench_file" <<'PY'
import sys
folder = sys.argv[1]
with open(f"{folder}/entities.csv", "w") as f:
    f.write("id,kind,name_en,name_ja,name_vi,aliases,country,attributes,sources\n")
    for i in range(20000):
        f.write(f"e{i:05d},company,Company {i},,,,JP,,\n")
with open(f"{folder}/relations.csv", "w") as f:
    f.write("id,type,from,to,start,end,attributes,sources\n")
    for i in range(200000):
        f.write(f"r{i:06d},mou,e{i % 20000:05d},e{(i * 7 + 1) % 20000:05d},2020,,,registry | | row {i}\n")
PY
hot="$work/hot"
mkdir -p "$hot"
"$kizuna" --db "$hot/k.db" init > /dev/null && "$kizuna" --db "$hot/k.db" import -q "$data" > /dev/null
expected=$("$kizuna" --db "$hot/k.db" --format json stats)
# A tiny page cache makes SQLite write changed pages into the file before the commit; then the kill.
python3 - "$hot/k.db" <<'PY' &
import os, signal, sqlite3, sys
db = sqlite3.connect(sys.argv[1], isolation_level=None)
db.execute("PRAGMA journal_mode = DELETE")
db.execute("PRAGMA cache_size = 2")
db.execute("BEGIN IMMEDIATE")
db.execute("UPDATE entities SET attributes = '{\"note\": \"' || hex(randomblob(200)) || '\"}'")
db.execute("DELETE FROM relations")
os.kill(os.getpid(), signal.SIGKILL)
PY
wait $! 2> /dev/null
[ -s "$hot/k.db-journal" ] || fail "the killed write left no journal"
cp -a "$hot" "$work/hot-readonly"
if ((${#as_nobody[@]})) || [ "$(id -u)" -ne 0 ]; then
  chmod 555 "$work/hot-readonly"
  expect_exit 4 "hot journal, read-only folder" "${as_nobody[@]}" "$kizuna" --db "$work/hot-readonly/k.db" stats
  grep -q "a write was interrupted" "$work/err" || fail "hot journal, read-only folder: no explanation: $(cat "$work/err")"
  chmod 755 "$work/hot-readonly"
fi
expect_exit 0 "hot journal: the next read command recovers" "$kizuna" --db "$hot/k.db" --format json stats
[ "$(cat "$work/out")" = "$expected" ] || fail "hot journal: the interrupted write is not rolled back: $(head -c 200 "$work/out")"
[ -s "$hot/k.db-journal" ] && fail "hot journal: still there after recovery"

# 3. A full disk during an import (a file size limit stands in for it): exit 4, nothing written.
full="$work/full"
mkdir -p "$full"
"$kizuna" --db "$full/k.db" init > /dev/null && "$kizuna" --db "$full/k.db" import -q "$data" > /dev/null
before=$("$kizuna" --db "$full/k.db" --format json stats)
(ulimit -f 2048; trap '' XFSZ; exec "$kizuna" --db "$full/k.db" import -q "$bench_file") > "$work/out" 2> "$work/err"
code=$?
[ "$code" = 4 ] || fail "full disk: import exit $code, expected 4: $(head -c 300 "$work/err")"
after=$("$kizuna" --db "$full/k.db" --format json stats)
[ "$before" = "$after" ] || fail "full disk: the database changed"

# 3b. Two imports into one empty database at once: the second waits for the first, then both land.
both="$work/both"
mkdir -p "$both"
"$kizuna" --db "$both/k.db" init > /dev/null
"$kizuna" --db "$both/k.db" import -q "$bench_file" > "$work/first.out" 2> "$work/first.err" &
first=$!
sleep 0.1
"$kizuna" --db "$both/k.db" import -q "$data" > "$work/second.out" 2> "$work/second.err"
second_code=$?
wait "$first"
first_code=$?
[ "$first_code" = 0 ] || fail "concurrent imports: the first exited $first_code: $(cat "$work/first.err")"
[ "$second_code" = 0 ] || fail "concurrent imports: the second exited $second_code: $(cat "$work/second.err")"
"$kizuna" --db "$both/k.db" --format json stats > "$work/out"
grep -q '"relations": 200038' "$work/out" || fail "concurrent imports: not both landed: $(head -c 120 "$work/out")"

# 3c. A CSV saved as UTF-16 (Excel's "Unicode text") is read as such and named; one valid in no
#     supported encoding is refused naming the likely one.
printf '\xff\xfei\x00d\x00,\x00k\x00i\x00n\x00d\x00\n\x00' > "$work/utf16.csv"
expect_exit 0 "UTF-16 CSV" "$kizuna" --db "$both/k.db" import "$work/utf16.csv"
grep -q "read as UTF-16LE" "$work/err" || fail "UTF-16 CSV: not named: $(cat "$work/err")"
printf 'id,kind,name_en\nx,company,\xff\xfe\xff\n' > "$work/garbled.csv"
expect_exit 3 "garbled CSV" "$kizuna" --db "$both/k.db" import "$work/garbled.csv"
grep -q "garbled.csv:2: not valid text in any supported encoding" "$work/err" ||
  fail "garbled CSV: not refused with its line: $(cat "$work/err")"

# 4. Damaged database files: every read command exits 4 (or answers, when the damage is in unused
#    bytes), never crashes, never exits 1 or 3; damage to the header is always a database problem.
good="$work/good.db"
"$kizuna" --db "$good" init > /dev/null && "$kizuna" --db "$good" import -q "$data" > /dev/null
size=$(stat -c %s "$good")
for offset in 0 20 100 4096 8192 $((size / 3)) $((size / 2)) $((size - 4096)); do
  damaged="$work/damaged.db"
  cp "$good" "$damaged" && rm -f "$damaged-graph" "$damaged-wal" "$damaged-shm"
  printf '\xde\xad\xbe\xef\xde\xad\xbe\xef\xde\xad\xbe\xef\xde\xad\xbe\xef' | dd of="$damaged" bs=1 seek="$offset" conv=notrunc status=none
  for command in "stats" "partners vn-moh" "show vn-moh" "search MOH" "path kanagawa mhlw" "timeline --since 2019" "export --format jsonl -o $work/e.jsonl" "export --format csv -o $work/e-csv"; do
    # shellcheck disable=SC2086
    "$kizuna" --db "$damaged" $command > /dev/null 2> "$work/err"
    code=$?
    case "$code" in
      0 | 4) ;;
      *) fail "damage at $offset, $command: exit $code: $(head -c 200 "$work/err")" ;;
    esac
    if [ "$offset" -lt 100 ] && [ "$code" != 4 ]; then fail "damage at $offset (the header), $command: exit $code"; fi
  done
done
# A stored value that does not read back (broken JSON in a row) is damage too.
python3 - "$good" "$work/badjson.db" <<'PY'
import shutil, sqlite3, sys
shutil.copy(sys.argv[1], sys.argv[2])
with sqlite3.connect(sys.argv[2]) as db:
    db.execute("UPDATE relations SET sources = '[{' WHERE id = 'kanagawa-vn-moh-mou-2024'")
PY
expect_exit 4 "broken stored JSON: export" "$kizuna" --db "$work/badjson.db" export --format jsonl -o "$work/e.jsonl"
expect_exit 4 "broken stored JSON: show" "$kizuna" --db "$work/badjson.db" show kanagawa-vn-moh-mou-2024
grep -q "is damaged" "$work/err" || fail "broken stored JSON: the message does not say so: $(cat "$work/err")"

# 5. Damaged graph caches are never used: answers equal those without a cache.
cached="$work/cached.db"
cp "$good" "$cached"
"$kizuna" --db "$cached" --format json stats --betweenness > "$work/expected"
cache_size=$(stat -c %s "$cached-graph")
for offset in 16 40 64 $((cache_size / 4)) $((cache_size / 2)) $((cache_size - 12)) $((cache_size - 1)); do
  "$kizuna" --db "$cached" stats > /dev/null  # a sound cache again
  printf '\x5a' | dd of="$cached-graph" bs=1 seek="$offset" conv=notrunc status=none
  "$kizuna" --db "$cached" --format json stats --betweenness > "$work/got" 2> "$work/err" || fail "damaged cache at $offset: exit $?"
  cmp -s "$work/expected" "$work/got" || fail "damaged cache at $offset: a different answer"
done

if [ "$failures" -gt 0 ]; then
  echo "$failures fault checks failed" >&2
  exit 1
fi
echo "fault tests passed"
