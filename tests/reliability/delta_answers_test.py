"""Answers after small writes (issue 31 item 4): the graph cache of an earlier state plus the changes since
(core/src/graph_delta.h) must answer exactly as the graph built anew from the database. The curated
dataset is imported and its cache written; then, write by write through the command line (one relation
imported, a relation's dates and type changed, a new entity with relations, an entity renamed, an undo
that removes, relations deleted by Cypher, re-pointed, put back, a merge and its undo, kinds and countries
added, changed and emptied), every answer below is asked with the cache as it stands, then again
with the cache moved aside (so built from the database), and the two JSON answers must be identical.
The writes a delta covers must be answered without rewriting the cache (no rebuild), the others rebuild.
Then readers race small writes, some stopped mid-answer: each answer must be one state's.

Usage: delta_answers_test.py KIZUNA DATA WORK
"""
import argparse
import difflib
import json
import os
import random
import shutil
import signal
import subprocess
import sys
from pathlib import Path

# Every answer that lists vertices or relations in an order of the graph (an added vertex or relation
# is numbered after the others: the answer must still give a build's order), and those that follow ties
# by that order (rankings, components, community detection, searches, diagrams).
ANSWERS = {
    "partners": ["partners", "vn-moh"],
    "partners-new": ["partners", "kanagawa"],
    "path": ["path", "kanagawa", "vss"],
    "path-all": ["path", "kanagawa", "taisho", "--all"],
    "path-k": ["path", "kanagawa", "vss", "--k", "6"],
    "path-simple": ["path", "kanagawa", "vss", "--simple", "--max-hops", "4"],
    "path-in-time": ["path", "kanagawa", "vss", "--in-time-order"],
    "stats": ["stats", "--top", "40"],
    "stats-betweenness": ["stats", "--betweenness", "--top", "40"],
    "stats-sampled": ["stats", "--betweenness", "--sources", "7", "--top", "40"],
    "ego": ["ego", "vn-moh", "--radius", "2"],
    "timeline": ["timeline", "vn-moh"],
    "timeline-all": ["timeline", "--since", "2015", "--until", "2025"],
    "changes": ["changes", "--from", "2019", "--to", "2025"],
    "timeline-since": ["timeline", "--since", "1990"],
    "common": ["common", "kanagawa", "mhlw"],
    "communities": ["communities"],
    "communities-louvain": ["communities", "--algorithm", "louvain"],
    "communities-by-year": ["communities", "--by-year", "2016..2025"],
    "list": ["list", "--kind", "hospital"],
    "list-all": ["list"],
    # The kinds and countries some entity has (an unknown one is refused with the list of them).
    "list-country": ["list", "--country", "VN"],
    "list-unknown-kind": ["list", "--kind", "zzz"],
    "list-unknown-country": ["list", "--country", "ZZ"],
    "partners-country": ["partners", "vn-moh", "--country", "JP"],
    "list-relations": ["list", "--relations"],
    "brief": ["brief", "kanagawa", "--as-of", "2025-01-01"],
    # With the legend: its subgraphs come in the order they were made (viz/src/creation_order_ids.h).
    "render": ["render", "--format", "dot"],
    "render-ego": ["render", "--ego", "vn-moh", "--radius", "2", "--format", "dot"],
    "cypher-nodes": ["query", "MATCH (n) RETURN n.id"],
    "cypher-label": ["query", "MATCH (n:hospital) RETURN n.id"],
    "cypher-search": ["query", "MATCH (n) WHERE matches(n, 'hospital') RETURN n.id"],
    "cypher-relations": ["query", "MATCH (a)-[r]->(b) RETURN a.id, r.id, b.id"],
    # Cypher's relationship scan: counted, and listed in the scan's own order (no ORDER BY).
    "cypher-count": ["query", "MATCH ()-[r]->() RETURN count(r)"],
    "cypher-scan": ["query", "MATCH ()-[r]->() RETURN r.id, type(r)"],
    "cypher-around": ["query", "MATCH (a {id: 'kanagawa'})-[r]-(b) RETURN r.id, b.id"],
    # ORDER BY a node or a relationship: by its place in the graph's order.
    "cypher-order-nodes": ["query", "MATCH (n) RETURN n.id ORDER BY n DESC"],
    "cypher-order-rels": ["query", "MATCH ()-[r]->() RETURN r.id ORDER BY r LIMIT 30"],
    "cypher-order-paths": ["query", "MATCH p = (a {id: 'kanagawa'})-[*1..2]-(b) RETURN b.id ORDER BY p"],
}

RELATION_HEADER = "id,type,from,to,start,end,attributes,sources\n"
ENTITY_HEADER = "id,kind,name_en,name_ja,name_vi,aliases,country,attributes,sources\n"


def fail(message):
    print(f"FAIL: {message}", file=sys.stderr)
    sys.exit(1)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("kizuna")
    parser.add_argument("data")
    parser.add_argument("work")
    args = parser.parse_args()
    work = Path(args.work)
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    db = work / "k.db"
    cache = Path(f"{db}-graph")
    aside = work / "cache-aside"

    def kizuna(*words):
        return subprocess.run([args.kizuna, "--db", str(db)] + [str(w) for w in words], capture_output=True,
                              text=True, timeout=120)

    def write(what, *words, files=None):
        folder = work / what.replace(" ", "-")
        for name, text in (files or {}).items():
            folder.mkdir(exist_ok=True)
            (folder / name).write_text(text)
        result = kizuna(*[folder if w == "FOLDER" else w for w in words])
        if result.returncode != 0:
            fail(f"{what}: exit {result.returncode}: {result.stderr}")

    def latest_change():
        result = kizuna("--format", "json", "log")
        if result.returncode != 0:
            fail(f"log: {result.stderr}")
        return json.loads(result.stdout)["changes"][-1]["seq"]

    def answers():
        out = {}
        for name, words in ANSWERS.items():
            result = kizuna("--format", "json", *words)
            out[name] = (result.returncode, result.stdout, result.stderr)
        return out

    def cache_state():
        status = os.stat(cache)
        return (status.st_ino, status.st_mtime_ns, status.st_size)

    def check(what, delta_expected):
        before = cache_state()
        with_cache = answers()
        rebuilt_by_answers = cache_state() != before
        if delta_expected and rebuilt_by_answers:
            fail(f"{what}: the graph was rebuilt, not the cache plus a delta")
        if not delta_expected and not rebuilt_by_answers:
            fail(f"{what}: the cache was used though the write is not a delta's")
        # The same answers from the database, the cache moved aside; then the cache put back, so that
        # the next write's delta holds this one's too.
        os.replace(cache, aside)
        built = answers()
        os.replace(aside, cache)
        differing = [name for name in ANSWERS if with_cache[name] != built[name]]
        for name in differing:
            diff = difflib.unified_diff(built[name][1].splitlines(), with_cache[name][1].splitlines(), "built",
                                        "with the cache", n=2, lineterm="")
            print(f"{what}: {name} differs (exit {with_cache[name][0]} / {built[name][0]}):\n" +
                  "\n".join(list(diff)[:40]) + with_cache[name][2], file=sys.stderr)
        if differing:
            fail(f"{what}: {', '.join(differing)} differ with the cache and a delta")
        print(f"ok: {what} ({'delta' if delta_expected else 'rebuilt'}): {len(ANSWERS)} answers identical")

    write("init", "init")
    write("import", "import", "-q", args.data)
    answers()  # builds the graph and writes its cache
    if not cache.exists():
        fail("no graph cache was written")

    write("one relation", "import", "-q", "FOLDER", files={
        "relations.csv": RELATION_HEADER + "delta-kanagawa-taisho,mou,kanagawa,taisho,2023-04,,,Test | | 1\n"})
    check("one relation imported", True)

    write("dates and type", "import", "-q", "FOLDER", files={
        "relations.csv": RELATION_HEADER + "delta-kanagawa-taisho,joint_venture,kanagawa,taisho,2019,2022,,Test | | 1\n"
        "vn-moh-operates-vss,operates,vn-moh,vss,2001,2030-06,,Test | | 2\n"})
    check("dates and types changed", True)

    # Ids before, among and after the others' (kanagawa-delta-lab right after kanagawa, mid-delta-hospital
    # between mhlw and moh-ehr), with relations that make them partners, common partners, community
    # members and betweenness ties.
    write("new entity", "import", "-q", "FOLDER", files={
        "entities.csv": ENTITY_HEADER + "aaa-delta-clinic,hospital,Delta Clinic,,,,JP,,Test | | 1\n"
        "zzz-delta-hospital,hospital,Delta Hospital,,,,VN,,Test | | 2\n"
        "kanagawa-delta-lab,company,Kanagawa Delta Lab,,,,JP,,Test | | 3\n"
        "mid-delta-hospital,hospital,Mid Delta Hospital,,,,VN,,Test | | 4\n",
        "relations.csv": RELATION_HEADER + "delta-clinic-moh,mou,aaa-delta-clinic,vn-moh,2024,,,Test | | 3\n"
        "delta-kanagawa-clinic,mou,kanagawa,aaa-delta-clinic,2024-02,,,Test | | 4\n"
        "delta-hospital-vss,mou,zzz-delta-hospital,vss,2020,,,Test | | 5\n"
        "delta-lab-kanagawa,mou,kanagawa-delta-lab,kanagawa,2021,,,Test | | 6\n"
        "delta-lab-mhlw,mou,kanagawa-delta-lab,mhlw,2021,,,Test | | 7\n"
        "delta-mid-moh,mou,mid-delta-hospital,vn-moh,2018,2023,,Test | | 8\n"
        "delta-mid-kanagawa,mou,kanagawa,mid-delta-hospital,2022,,,Test | | 9\n"
        "delta-mid-mhlw,mou,mhlw,mid-delta-hospital,2019,,,Test | | 10\n"
        "delta-mid-vss,mou,mid-delta-hospital,vss,2020,,,Test | | 11\n"})
    check("new entities with relations", True)

    write("lone entity", "import", "-q", "FOLDER", files={
        "entities.csv": ENTITY_HEADER + "iuhw-delta-annex,clinic,IUHW Delta Annex,,,,JP,,Test | | 1\n"})
    check("a new entity without relations", True)
    lone_import = latest_change()

    write("renamed", "import", "-q", "FOLDER", files={
        "entities.csv": ENTITY_HEADER + "aaa-delta-clinic,hospital,Delta Clinic Renamed,,,,JP,,Test | | 1\n"})
    check("an entity renamed", True)

    write("relation to the new entity", "import", "-q", "FOLDER", files={
        "relations.csv": RELATION_HEADER + "delta-mhlw-clinic,mou,mhlw,aaa-delta-clinic,2025,,,Test | | 1\n"})
    check("a relation to an entity added before", True)

    write("undo", "undo", latest_change())  # the relation just imported: a removal
    check("an import undone (a removal)", True)

    write("cypher delete", "query", "MATCH ()-[r {id: 'vn-moh-operates-vss'}]->() DELETE r")
    check("a relation deleted by Cypher", True)

    write("re-added", "import", "-q", "FOLDER", files={
        "relations.csv": RELATION_HEADER + "vn-moh-operates-vss,operates,vn-moh,vss,2001,2030-06,,Test | | 1\n"})
    check("the deleted relation's id imported again", True)

    write("re-pointed", "import", "-q", "FOLDER", files={
        "relations.csv": RELATION_HEADER + "delta-kanagawa-taisho,mou,kanagawa,vn-moh,2019,2022,,Test | | 1\n"})
    check("a relation re-pointed (its to changed)", True)

    write("re-pointed from", "import", "-q", "FOLDER", files={
        "relations.csv": RELATION_HEADER + "delta-kanagawa-taisho,mou,aaa-delta-clinic,kanagawa,2019,,,Test | | 1\n"})
    check("a relation re-pointed (both ends changed)", True)

    write("re-pointed undone", "undo", latest_change())
    check("the re-pointing undone", True)

    write("delete undone", "query", "MATCH ()-[r {id: 'vn-moh-operates-vss'}]->() DELETE r")
    write("delete undone", "undo", latest_change())  # put back under its old key
    check("a Cypher delete undone (the same row back)", True)

    write("one more relation", "import", "-q", "FOLDER", files={
        "relations.csv": RELATION_HEADER + "delta-taisho-vss,mou,taisho,vss,2021,,,Test | | 1\n"})
    check("one relation after a rebuild", True)

    # Entities without relations removed: one of the cache (the undo of its import), one the delta added
    # (a Cypher DETACH DELETE of an entity just imported).
    write("lone undone", "undo", lone_import)
    check("a one-entity import undone (an entity of the cache removed)", True)
    write("lone two", "import", "-q", "FOLDER", files={
        "entities.csv": ENTITY_HEADER + "mhlw-delta-office,ministry,MHLW Delta Office,,,,JP,,Test | | 1\n"})
    write("lone two deleted", "query", "MATCH (n {id: 'mhlw-delta-office'}) DETACH DELETE n")
    check("an entity added then deleted by Cypher", True)

    # Entities removed with their relations: one the delta added, one of the cache.
    write("added deleted", "query", "MATCH (n {id: 'mid-delta-hospital'}) DETACH DELETE n")
    check("an entity added with relations, then DETACH DELETEd", True)
    write("cache entity deleted", "query", "MATCH (n {id: 'vneid'}) DETACH DELETE n")
    check("an entity of the cache DETACH DELETEd with its relations", True)
    detach_delete = latest_change()

    # A merge re-points the other's relations and removes it; its undo puts the entity back under its old
    # key (the vertex it had), and its relations: all on the delta, as is the undo of the DETACH DELETE.
    write("merge", "merge", "ha-tay-pharma", "codupha")
    check("a merge", True)
    write("merge undone", "undo", latest_change())
    check("the merge undone", True)
    write("detach delete undone", "undo", detach_delete)
    check("the DETACH DELETE undone", True)

    # Kinds and countries: an entity DETACH DELETEd and put back by undo, then its kind changed; entities of
    # a kind and of a country no entity had, one without a country (a Cypher CREATE); an entity's country
    # changed to a new one and back; the last entity of a kind removed (of the cache, and one the delta
    # added): all on the delta, the graph's lists of kinds and countries as a build's.
    write("deleted", "query", "MATCH (n {id: 'moh-ehr'}) DETACH DELETE n")
    write("put back", "undo", latest_change())
    write("kind changed", "import", "-q", "FOLDER", files={
        "entities.csv": ENTITY_HEADER + "moh-ehr,programme,Electronic health records,,,,VN,,Test | | 1\n"})
    check("an entity put back, then its kind changed", True)
    write("new kind and country", "import", "-q", "FOLDER", files={
        "entities.csv": ENTITY_HEADER + "th-delta-foundation,foundation,Delta Foundation,,,,TH,,Test | | 1\n",
        "relations.csv": RELATION_HEADER + "delta-foundation-moh,mou,th-delta-foundation,vn-moh,2024,,,Test | | 2\n"})
    check("an entity of a kind and a country no entity had", True)
    write("no country", "query", "CREATE (n:company {id: 'nc-delta-firm', name_en: 'No Country Firm'})")
    check("an entity without a country (a Cypher CREATE)", True)
    write("country changed", "query", "MATCH (n {id: 'taisho'}) SET n.country = 'SG'")
    check("an entity's country changed to one no entity had", True)
    write("country back", "query", "MATCH (n {id: 'taisho'}) SET n.country = 'JP'")
    check("the country changed back (the new one gone again)", True)
    write("last of a kind", "query", "MATCH (n {id: 'vss'}) DETACH DELETE n")
    check("the last entity of a kind (of the cache) DETACH DELETEd", True)
    write("added kind gone", "query", "MATCH (n {id: 'th-delta-foundation'}) DETACH DELETE n")
    check("the last entity of a kind and a country the delta added DETACH DELETEd", True)
    write("kind back", "undo", latest_change())
    check("that DETACH DELETE undone", True)

    # A relation type added to the vocabulary: the graph's types change, not a delta's (rebuilt).
    write("new type", "import", "-q", "FOLDER", files={
        "relation_types.csv": "id,label_en,label_ja,label_vi,directed,description,category\n"
        "delta_advises,advises,助言,tư vấn,true,adviser -> advised,collaboration\n",
        "relations.csv": RELATION_HEADER + "delta-advises,delta_advises,kanagawa,vn-moh,2025,,,Test | | 1\n"})
    check("a relation type added (the vocabulary changed)", False)


    # Readers racing small writes answered with a delta, some stopped mid-answer while a write commits:
    # every answer is the answer of one state (as a fresh command gives it right after each write).
    question = [args.kizuna, "--db", str(db), "--format", "json", "partners", "kanagawa"]
    states = {kizuna("--format", "json", "partners", "kanagawa").stdout}
    cache_before = cache_state()
    checked = 0
    for round_number in range(4):
        readers = []
        for index in range(3):
            process = subprocess.Popen(question, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
            readers.append(process)
            if index < 2 and process.poll() is None:
                process.send_signal(signal.SIGSTOP)
        write(f"race {round_number}", "import", "-q", "FOLDER", files={
            "relations.csv": RELATION_HEADER + f"race-{round_number},mou,kanagawa,vn-moh,2025,,,Test | | 1\n"})
        states.add(kizuna("--format", "json", "partners", "kanagawa").stdout)
        for process in readers:
            process.send_signal(signal.SIGCONT)
            out, err = process.communicate(timeout=60)
            if process.returncode != 0:
                fail(f"a racing reader exited {process.returncode}: {err}")
            if out not in states:
                fail(f"race {round_number}: an answer that is no state's")
            checked += 1
    if cache_state() != cache_before:
        fail("the racing small writes were answered by rebuilds, not the cache plus a delta")
    print(f"ok: {checked} answers racing 4 small writes, each one state's")

    # Cypher reads a relationship scan in batches of 4,096 (cypher/src/operators/relationship_scan.cpp):
    # with relations removed before where a batch stops, the next must resume at the same place.
    big = work / "big"
    big.mkdir()
    rng = random.Random(31)
    with open(big / "entities.csv", "w") as f:
        f.write("id,kind,name_en\n" + "".join(f"e{i:04d},company,Entity {i}\n" for i in range(1000)))
    with open(big / "relations.csv", "w") as f:
        f.write("id,type,from,to,start\n")
        for i in range(10000):
            a, b = rng.sample(range(1000), 2)
            f.write(f"r{i:05d},mou,e{a:04d},e{b:04d},2020\n")
    big_db = work / "big.db"

    def big_kizuna(*words):
        result = subprocess.run([args.kizuna, "--db", str(big_db), *words], capture_output=True, text=True,
                                timeout=120)
        if result.returncode != 0:
            fail(f"{' '.join(words)}: exit {result.returncode}: {result.stderr}")
        return result.stdout

    big_kizuna("init")
    big_kizuna("import", "-q", str(big))
    big_kizuna("stats")
    before_big = os.stat(f"{big_db}-graph").st_mtime_ns
    deleted = big_kizuna("--format", "json", "query", "MATCH (a {id: 'e0001'})-[r]->() DELETE r")
    listed = big_kizuna("--format", "csv", "query", "MATCH ()-[r]->() RETURN r.id").splitlines()[1:]
    if os.stat(f"{big_db}-graph").st_mtime_ns != before_big:
        fail("the relations deleted from the large graph were answered by a rebuild")
    os.replace(f"{big_db}-graph", work / "big-aside")
    rebuilt = big_kizuna("--format", "csv", "query", "MATCH ()-[r]->() RETURN r.id").splitlines()[1:]
    if listed != rebuilt or len(set(listed)) != len(listed):
        fail(f"a relationship scan in batches over a delta with removals: {len(listed)} rows "
             f"({len(set(listed))} distinct), a rebuild gives {len(rebuilt)}")
    print(f"ok: a scan of {len(listed)} relationships in batches, with {10000 - len(listed)} removed, as a rebuild's")


if __name__ == "__main__":
    main()
