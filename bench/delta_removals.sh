#!/bin/bash
# Whole-command wall times (s) of small writes that remove or re-point a relation, and the first answers
# after them (issue 31 item 4, bench/README.md). Usage: bench/delta_removals.sh KIZUNA FOLDER
# FOLDER/k.db: a copy of a database of kizuna-bench generate (1M or 10M) with its k.db-graph; never the
# original: the writes land in it.
B=$1; D=$2; F=$D/removal-files
mkdir -p "$F/rel" "$F/moved"
printf 'id,type,from,to,start,end,attributes,sources\nrel-removal-1,partnership,org-0004350,org-0062926,2024-01,,,Bench | | row 2\n' \
  > "$F/rel/relations.csv"
t() { local s=$(date +%s.%N); "$@" > /dev/null 2>/tmp/bench-removal-err || { echo "FAILED: $*"; cat /tmp/bench-removal-err; }; local e=$(date +%s.%N); echo "$(echo "$e - $s" | bc)"; }
last() { $B --db $D/k.db --format json log | python3 -c 'import json,sys; print(json.load(sys.stdin)["changes"][-1]["seq"])'; }
A=org-0004350; Z=org-0062926
echo "warm path: $(t $B --db $D/k.db path $A $Z)"
echo "warm path again: $(t $B --db $D/k.db path $A $Z)"
echo "import 1 relation: $(t $B --db $D/k.db import --quiet $F/rel)"
echo "first path after: $(t $B --db $D/k.db path $A $Z)"
seq=$(last)
echo "undo of it: $(t $B --db $D/k.db undo $seq)"
echo "first path after: $(t $B --db $D/k.db path $A $Z)"
echo "partners after: $(t $B --db $D/k.db partners $A)"
R=$($B --db $D/k.db --format csv query "MATCH (a {id: '$A'})-[r]->() RETURN r.id LIMIT 1" | tail -1 | tr -d '\r')
echo "Cypher DELETE of $R: $(t $B --db $D/k.db query "MATCH (a {id: '$A'})-[r {id: '$R'}]->() DELETE r")"
echo "first path after: $(t $B --db $D/k.db path $A $Z)"
echo "partners after: $(t $B --db $D/k.db partners $A)"
echo "undo of the DELETE: $(t $B --db $D/k.db undo $(last))"
echo "first partners after: $(t $B --db $D/k.db partners $A)"
printf 'id,type,from,to,start,end,attributes,sources\n%s,partnership,%s,org-0000001,2024-01,,,Bench | | row 2\n' "$R" "$A" \
  > "$F/moved/relations.csv"
echo "import re-pointing $R: $(t $B --db $D/k.db import --quiet $F/moved)"
echo "first path after: $(t $B --db $D/k.db path $A $Z)"
echo "partners after: $(t $B --db $D/k.db partners $A)"
