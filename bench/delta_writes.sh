#!/bin/bash
# Whole-command wall times (s) of small writes and the first answers after them (issue 31 item 4,
# bench/README.md). Usage: bench/delta_writes.sh KIZUNA FOLDER [long]
# FOLDER/k.db: a copy of a database of kizuna-bench generate (1M or 10M) with its k.db-graph; never the
# original: the writes land in it. "long" adds 900 more one-relation writes.
B=$1; D=$2; F=$D/files
if [ ! -d "$F" ]; then
  for i in $(seq 0 1200); do
    mkdir -p "$F/rel$i"
    printf 'id,type,from,to,start,end,attributes,sources\nrel-delta-%05d,partnership,org-%07d,org-%07d,2024-01,,,Bench | | row 2\n' \
      "$i" $((4350 + i)) $((62926 + i * 7)) > "$F/rel$i/relations.csv"
  done
  mkdir -p "$F/ent1" "$F/entrel"
  printf 'id,kind,name_en,name_ja,name_vi,aliases,country,attributes,sources\norg-delta-new,company,Delta Org,,,,JP,,\n' \
    > "$F/ent1/entities.csv"
  printf 'id,type,from,to,start,end,attributes,sources\nrel-delta-new,partnership,org-delta-new,org-0004350,2024-02,,,Bench | | row 2\n' \
    > "$F/entrel/relations.csv"
fi
t() { local s=$(date +%s.%N); "$@" > /dev/null 2>/tmp/bench-delta-err || { echo "FAILED: $*"; cat /tmp/bench-delta-err; }; local e=$(date +%s.%N); echo "$(echo "$e - $s" | bc)"; }
A=org-0004350; Z=org-0062926
echo "warm path: $(t $B --db $D/k.db path $A $Z)"
echo "warm path again: $(t $B --db $D/k.db path $A $Z)"
echo "import 1 relation: $(t $B --db $D/k.db import --quiet $F/rel0)"
echo "first path after: $(t $B --db $D/k.db path $A $Z)"
echo "partners after: $(t $B --db $D/k.db partners $A)"
echo "import 1 entity: $(t $B --db $D/k.db import --quiet $F/ent1)"
echo "first path after: $(t $B --db $D/k.db path $A $Z)"
echo "import 1 relation to it: $(t $B --db $D/k.db import --quiet $F/entrel)"
echo "first partners after: $(t $B --db $D/k.db partners org-delta-new)"
s=$(date +%s.%N); for i in $(seq 1 98); do $B --db $D/k.db import --quiet $F/rel$i >/dev/null; done; e=$(date +%s.%N)
echo "98 more one-relation imports, each: $(echo "($e - $s)/98" | bc -l | cut -c1-6)"
echo "first path after 100 writes: $(t $B --db $D/k.db path $A $Z)"
echo "partners after 100 writes: $(t $B --db $D/k.db partners $A)"
if [ "$3" = long ]; then
s=$(date +%s.%N); for i in $(seq 99 998); do $B --db $D/k.db import --quiet $F/rel$i >/dev/null; done; e=$(date +%s.%N)
echo "900 more one-relation imports, each: $(echo "($e - $s)/900" | bc -l | cut -c1-6)"
echo "first path after 1000 writes: $(t $B --db $D/k.db path $A $Z)"
echo "path again: $(t $B --db $D/k.db path $A $Z)"
fi
