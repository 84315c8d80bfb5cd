#!/bin/bash
# One-record Cypher writes on a copy of a generated database (bench/README.md, issue 31 item 4): the
# whole command's wall time of each, one after another on the same copy, each after a reading query so
# that the graph cache is of the current state (the first answer after a write is measured apart).
# Usage: cypher_writes.sh KIZUNA SOURCE_DB WORK_DB RELATION_FROM [query options, e.g. --timeout 900000]
#   RELATION_FROM: the entity id at the start of rel-00000000 (org-0015539 at 1M, org-0230812 at 10M).
set -u
K=$1 SRC=$2 DB=$3 FROM=$4
shift 4
cp "$SRC" "$DB" && cp "$SRC-graph" "$DB-graph" && rm -f "$DB-wal" "$DB-shm" || exit 1
refresh() { "$K" --db "$DB" query "MATCH (n {id: 'org-0000001'}) RETURN n.id" >/dev/null; }
timed() {
    local name=$1 query=$2 out start end
    shift 2
    refresh
    start=$(date +%s%N)
    out=$("$K" --db "$DB" query "$@" "$query" 2>&1 | tail -1)
    end=$(date +%s%N)
    printf "%-22s %8d ms  %s\n" "$name" $(((end - start) / 1000000)) "$out"
}
timed "SET property" "MATCH (a {id: 'org-0004350'}) SET a.note = 'x' RETURN a.id" "$@"
timed "CREATE entity" "CREATE (:company {id: 'bench-new', name_en: 'Bench New'})" "$@"
timed "CREATE relation" "MATCH (a {id: 'org-0004350'}), (b {id: 'org-0004351'}) CREATE (a)-[r:cooperation {start: '2025'}]->(b) RETURN r.id" "$@"
timed "MERGE (matches)" "MERGE (n:university {id: 'org-0004352'}) ON MATCH SET n.seen = 'yes' RETURN n.id" "$@"
timed "MERGE (creates)" "MERGE (n:company {id: 'bench-merged'}) ON CREATE SET n.name_en = 'Bench Merged' RETURN n.id" "$@"
timed "DELETE relation" "MATCH (a {id: '$FROM'})-[r {id: 'rel-00000000'}]->() DELETE r" "$@"
timed "DETACH DELETE entity" "MATCH (n {id: 'org-0004353'}) DETACH DELETE n" "$@"
