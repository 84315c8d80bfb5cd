#!/bin/bash
# Every kind of one-record write once, one after another on a database with the generated ids
# (bench/README.md, issue 31 item 4): the whole command's wall time of each, each after a reading query
# so that the graph cache is of the current state. Run it on a copy: it writes.
# Usage: write_paths.sh KIZUNA DB TAG   (TAG: a fresh word for this run's new ids, e.g. a1)
#   Environment: DETACH (an old entity to delete), KEEP and OTHER (to merge), REL (a relation to SET):
#   give fresh ones to each run on the same copy.
set -u
K=$1 DB=$2 T=$3
DIR=$(mktemp -d)
trap 'rm -rf "$DIR"' EXIT
# (then sync: a rebuild writes the graph cache file, and the next fdatasync would wait for the disk to
# take it: that is the rebuild's cost, not the write's; measured apart in bench/README.md)
refresh() {
    "$K" --db "$DB" query "MATCH (n {id: 'org-0000001'}) RETURN n.id" >/dev/null
    sync
}
timed() {
    local name=$1 out start end
    shift
    refresh
    start=$(date +%s%N)
    out=$("$@" 2>&1 | tail -1)
    end=$(date +%s%N)
    printf "%-24s %8d ms  %s\n" "$name" $(((end - start) / 1000000)) "${out:0:60}"
}
q() { "$K" --db "$DB" query "$1"; }
printf 'id,kind,name_en,name_ja,name_vi,aliases,country,attributes,sources\n%s-e1,company,Write Path %s,書込%s,,,VN,,\n' "$T" "$T" "$T" >"$DIR/e.csv"
printf 'id,type,from,to,start,end,attributes,sources\n%s-r1,cooperation,org-0004350,org-0004360,2024,,,\n' "$T" >"$DIR/r.csv"
printf 'id,type,from,to,start,end,attributes,sources\n%s-r2,cooperation,org-0004350,org-0004361,2024,,,\n' "$T" >"$DIR/r2.csv"
printf 'id,type,from,to,start,end,attributes,sources\n%s-r3,cooperation,org-0004350,org-0004363,2024,,,\n' "$T" >"$DIR/r3.csv"
"$K" --db "$DB" import --quiet "$DIR/r2.csv" >/dev/null
"$K" --db "$DB" import --quiet "$DIR/r3.csv" >/dev/null
timed "import one entity" "$K" --db "$DB" import --quiet "$DIR/e.csv"
timed "import one relation" "$K" --db "$DB" import --quiet "$DIR/r.csv"
seq=$("$K" --db "$DB" --format csv log | tail -1 | cut -d, -f1)
timed "undo relation import" "$K" --db "$DB" undo "$seq"
timed "Cypher SET" q "MATCH (a {id: 'org-0004350'}) SET a.note = '$T' RETURN a.id"
timed "Cypher CREATE node" q "CREATE (:company {id: '$T-c1', name_en: 'Cypher $T'})"
timed "Cypher CREATE rel" q "MATCH (a {id: 'org-0004350'}), (b {id: 'org-0004351'}) CREATE (a)-[r:cooperation {start: '2025'}]->(b) RETURN r.id"
timed "Cypher MERGE (match)" q "MERGE (n:university {id: 'org-0004352'}) ON MATCH SET n.seen = '$T' RETURN n.id"
timed "Cypher MERGE (create)" q "MERGE (n:company {id: '$T-m1'}) ON CREATE SET n.name_en = 'Merged $T' RETURN n.id"
timed "Cypher DELETE rel" q "MATCH (a {id: 'org-0004350'})-[r {id: '$T-r2'}]->() DELETE r"
timed "Cypher SET rel by id" q "MATCH ()-[r {id: '${REL:-rel-00000005}'}]->() SET r.note = '$T' RETURN r.id"
timed "Cypher DELETE rel by id" q "MATCH ()-[r {id: '$T-r3'}]->() DELETE r"
timed "no write (RETURN 1)" q "RETURN 1"
timed "Cypher DETACH DELETE" q "MATCH (n {id: '$T-c1'}) DETACH DELETE n"
timed "Cypher DETACH DELETE old" q "MATCH (n {id: '${DETACH:-org-0004353}'}) DETACH DELETE n"
timed "merge A B" "$K" --db "$DB" merge "${KEEP:-org-0004354}" "${OTHER:-org-0004355}"
seq=$("$K" --db "$DB" --format csv log | tail -1 | cut -d, -f1)
timed "undo merge" "$K" --db "$DB" undo "$seq"
