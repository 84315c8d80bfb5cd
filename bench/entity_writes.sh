#!/bin/bash
# One-entity imports one after another on a database (bench/README.md, issue 31 item 4): the whole
# command's wall time of each, then of a name search. Every entity has names in three languages and an
# alias, so every import adds to the name search index.
# Usage: entity_writes.sh KIZUNA DB COUNT [ID_PREFIX]
set -u
K=$1 DB=$2 COUNT=$3 PREFIX=${4:-bench-ent}
DIR=$(mktemp -d)
trap 'rm -rf "$DIR"' EXIT
total=0 worst=0
for i in $(seq 1 "$COUNT"); do
    f="$DIR/e$i.csv"
    printf 'id,kind,name_en,name_ja,name_vi,aliases,country,attributes,sources\n%s-%d,company,Bench Entity %d Trading,ベンチ企業%d,Công ty Bench %d,BE%d,VN,,\n' \
        "$PREFIX" "$i" "$i" "$i" "$i" "$i" >"$f"
    start=$(date +%s%N)
    "$K" --db "$DB" import --quiet "$f" >/dev/null || exit 1
    end=$(date +%s%N)
    ms=$(((end - start) / 1000000))
    total=$((total + ms))
    ((ms > worst)) && worst=$ms
    [[ ${QUIET:-} ]] || printf "import %3d %6d ms\n" "$i" "$ms"
done
printf "imports: %d, total %d ms, worst %d ms\n" "$COUNT" "$total" "$worst"
for q in "Organisation 4350" "Bench Entity 7" "組織43"; do
    start=$(date +%s%N)
    n=$("$K" --db "$DB" --format csv search "$q" | wc -l)
    end=$(date +%s%N)
    printf "search %-20s %6d ms (%d lines)\n" "'$q'" $(((end - start) / 1000000)) "$n"
done
