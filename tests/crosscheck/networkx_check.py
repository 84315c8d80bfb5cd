#!/usr/bin/env python3
"""Kizuna's answers against NetworkX on random graphs, with relation categories, partial dates and
relations without dates (issue 16), through the Python module (issue 30).

Each round writes a random graph as CSV (some relations evidence, dates at every precision, some
undated) and imports it with kizuna.create().import_files(). For each random filter the graph NetworkX
works on is the module's own db.to_networkx(...): first checked against the relations that the rules of
the README admit — with the date rule written here again from its definition, day by day with Python's
calendar, not from Kizuna's code — then NetworkX's shortest paths, neighbourhoods, common neighbours
and components on it are compared with db.path / ego / common / stats; db.partners with the date rule.

With --delta (issue 31 item 4) each graph reaches its final state through small writes after a first
import wrote the graph cache: entities and relations added, relations' dates and types changed, a relation
deleted by Cypher, an import undone. Every answer is then read from the cache plus a delta
(core/src/graph_delta.h), and the cache file must not have been rewritten (no rebuild).

usage: networkx_check.py WORKDIR [--rounds N] [--queries N] [--seed S] [--delta]   (PYTHONPATH: the module)
"""
import argparse
import calendar
import datetime
import os
import random
import shutil
import sys
import time

import networkx as nx

import kizuna

from generated_csv import write_csv
from partial_dates import days

TIES = ["mou", "acquisition", "part_of", "implements", "supports"]
EVIDENCE = ["mentions", "authored"]


def fail(message):
    print(f"FAILED: {message}", file=sys.stderr)
    sys.exit(1)


def random_date(rng):
    year = rng.randint(2012, 2016)
    precision = rng.choice(["year", "month", "day"])
    if precision == "year":
        return f"{year}"
    month = rng.randint(1, 12)
    if precision == "month":
        return f"{year}-{month:02d}"
    return f"{year}-{month:02d}-{rng.randint(1, calendar.monthrange(year, month)[1]):02d}"


def state(start, end, window):
    """active / possibly_active / inactive / date_unknown, by the README's definition, day by day."""
    if not start and not end:
        return "date_unknown"
    first, last = window
    far_past, far_future = datetime.date(1, 1, 1), datetime.date(9999, 12, 31)
    s_first, s_last = days(start) if start else (far_past, far_future)
    e_first, e_last = days(end) if end else (far_future, far_future)
    surely = possibly = False
    day = max(first, datetime.date(2010, 1, 1))
    stop = min(last, datetime.date(2019, 12, 31))
    while day <= stop:
        if start and s_last <= day <= e_first:
            surely = True
        if s_first <= day <= e_last:
            possibly = True
        day += datetime.timedelta(days=1)
    # Windows reaching beyond the generated years: the edges decide.
    if last > stop and (not end or e_last > stop):
        possibly = True
        surely = surely or (start is not None and (not end or e_first > stop))
    return "active" if surely else "possibly_active" if possibly else "inactive"


def make_graph(rng, n, m):
    relations = []
    for i in range(m):
        a, b = rng.sample(range(n), 2)
        kind = rng.random()
        start = end = ""
        if kind < 0.6:
            start = random_date(rng)
            if rng.random() < 0.4:
                end = random_date(rng)
                if days(end)[1] < days(start)[0]:
                    start, end = end, start
                    if days(end)[1] < days(start)[0]:
                        end = ""
        elif kind < 0.7:
            end = random_date(rng)
        rtype = rng.choice(EVIDENCE) if rng.random() < 0.25 else rng.choice(TIES)
        relations.append({"id": f"r{i:03d}", "type": rtype, "from": f"e{a:03d}", "to": f"e{b:03d}",
                          "start": start, "end": end})
    return relations


def admitted(relations, evidence, window, undated):
    """The relations a connection query walks."""
    out = []
    for r in relations:
        if r["type"] in EVIDENCE and not evidence:
            continue
        if window:
            s = state(r["start"] or None, r["end"] or None, window)
            if s == "inactive" or (s == "date_unknown" and undated != "include"):
                continue
        out.append(r)
    return out


def walked_graph(db, window_options, evidence, undated):
    """The module's graph under the filter, checked against the rules, as the connection commands walk
    it: undated relations only with undated="include"."""
    graph = db.to_networkx(include_evidence=evidence, undated=undated, **window_options)
    walked = nx.MultiGraph()
    walked.add_nodes_from(graph.nodes)
    for a, b, key, data in graph.edges(keys=True, data=True):
        if data.get("activity") != "date_unknown" or undated == "include":
            walked.add_edge(a, b, key=key)
    return graph, walked


def filters(rng):
    """A random date filter: (settings, window or None, undated policy)."""
    choice = rng.random()
    undated = rng.choice(["separate", "include", "exclude"])
    if choice < 0.3:
        return {}, None, "separate"
    if choice < 0.7:
        d = random_date(rng)
        return {"as_of": d}, days(d), undated
    a, b = sorted([random_date(rng), random_date(rng)], key=lambda t: days(t)[0])
    return {"since": a, "until": b}, (days(a)[0], days(b)[1]), undated


def check_graph(graph, n, relations, evidence, window, undated, where):
    """to_networkx() holds every entity and exactly the relations the rules admit, with their activity."""
    if set(graph.nodes) != {f"e{i:03d}" for i in range(n)}:
        fail(f"to_networkx {where}: nodes {sorted(graph.nodes)}")
    by_id = {r["id"]: r for r in relations}
    expected = {r["id"] for r in admitted(relations, evidence, window, "include")}
    if window and undated == "exclude":
        expected = {i for i in expected if state(by_id[i]["start"] or None, by_id[i]["end"] or None, window) !=
                    "date_unknown"}
    edges = {key: (a, b, data) for a, b, key, data in graph.edges(keys=True, data=True)}
    if set(edges) != expected:
        fail(f"to_networkx {where}: extra {sorted(set(edges) - expected)}, missing {sorted(expected - set(edges))}")
    for key, (a, b, data) in edges.items():
        r = by_id[key]
        if (a, b) != (r["from"], r["to"]) or data["type"] != r["type"]:
            fail(f"to_networkx {where}: {key} is {a}-{data['type']}->{b}")
        if window and data["activity"] != state(r["start"] or None, r["end"] or None, window):
            fail(f"to_networkx {where}: {key} is {data['activity']}")


def check_round(db, rng, n, relations, queries):
    checked = 0
    for _ in range(queries):
        settings, window, undated = filters(rng)
        if window:
            settings["undated"] = undated
        evidence = rng.random() < 0.3
        walk = dict(settings, include_evidence=evidence)
        window_options = {key: value for key, value in settings.items() if key != "undated"}
        graph, g = walked_graph(db, window_options, evidence, undated)
        a, b = rng.sample([f"e{i:03d}" for i in range(n)], 2)
        where = f"{a} {b} {walk}"
        check_graph(graph, n, relations, evidence, window, undated, where)

        answer = db.path(a, b, **walk)
        expected = nx.shortest_path_length(g, a, b) if nx.has_path(g, a, b) else None
        got = answer["paths"][0]["length"] if answer["paths"] else None
        if got != expected:
            fail(f"path {where}: kizuna {got}, networkx {expected}")
        _, with_evidence = walked_graph(db, window_options, True, undated)
        only_evidence = expected is None and not evidence and nx.has_path(with_evidence, a, b)
        if (answer["evidence_only"] is not None) != only_evidence:
            fail(f"path {where}: evidence_only {answer['evidence_only']}, expected {only_evidence}")
        if only_evidence and answer["evidence_only"]["hops"] != nx.shortest_path_length(with_evidence, a, b):
            fail(f"path {where}: evidence-only hops {answer['evidence_only']['hops']}")
        for path in answer["paths"]:
            for rel in path["relations"]:
                if rel["category"] == "evidence" and not evidence:
                    fail(f"path {where}: walked evidence {rel['id']}")
                if window and rel["activity"] != state(rel["start"], rel["end"], window):
                    fail(f"path {where}: {rel['id']} is {rel['activity']}")

        radius = rng.randint(1, 3)
        ego = db.ego(a, radius=radius, **walk)
        expected_ego = set(nx.single_source_shortest_path_length(g, a, cutoff=radius))
        if {e["id"] for e in ego["entities"]} != expected_ego:
            fail(f"ego {where} radius {radius}: {sorted(e['id'] for e in ego['entities'])} vs {sorted(expected_ego)}")

        common = db.common(a, b, **walk)
        expected_common = (set(g.neighbors(a)) & set(g.neighbors(b))) - {a, b}
        if {c["entity"]["id"] for c in common["common"]} != expected_common:
            fail(f"common {where}: {[c['entity']['id'] for c in common['common']]} vs {sorted(expected_common)}")

        stats = db.stats(**walk)
        if stats["components"] != nx.number_connected_components(g):
            fail(f"stats {where}: {stats['components']} components, networkx {nx.number_connected_components(g)}")
        # Each relation left out is counted once: an undated evidence relation as evidence.
        dropped_evidence = 0 if evidence else len([r for r in admitted(relations, True, window, "include")
                                                   if r["type"] in EVIDENCE])
        if stats["left_out"]["evidence"] != dropped_evidence:
            fail(f"stats {where}: left out {stats['left_out']['evidence']} evidence, expected {dropped_evidence}")

        # partners lists evidence, with each relation's state; undated ones apart unless included
        partners = db.partners(a, **settings)
        mine = [r for r in relations if a in (r["from"], r["to"])]
        listed = {row["relation"]["id"]: row["relation"].get("activity") for row in partners["partners"]}
        apart = {row["relation"]["id"] for row in partners["date_unknown"]}
        want_listed, want_apart = {}, set()
        for r in mine:
            s = state(r["start"] or None, r["end"] or None, window) if window else None
            if s == "inactive":
                continue
            if s == "date_unknown" and undated != "include":
                if undated == "separate":
                    want_apart.add(r["id"])
                continue
            want_listed[r["id"]] = s
        if listed != want_listed or apart != want_apart:
            fail(f"partners {a} {settings}: {listed} / {apart} vs {want_listed} / {want_apart}")
        checked += 6
    return checked


def cache_state(path):
    status = os.stat(path)
    return (status.st_ino, status.st_mtime_ns, status.st_size)


def staged_import(db, folder, n, relations, rng):
    """Imports the graph in steps a graph delta covers, after a first import that wrote the graph cache;
    returns the relations as they end up (changed dates and types, deleted ones gone) and the cache's
    state after the first import."""
    held = set(rng.sample(range(n), max(2, n // 8)))  # entities added by the later writes
    cut = int(len(relations) * 0.7)
    first = [r for r in relations[:cut] if int(r["from"][1:]) not in held and int(r["to"][1:]) not in held]
    later = [r for r in relations if r not in first]
    write_csv(folder + "-0", n, first, entities=[i for i in range(n) if i not in held])
    db.import_files(folder + "-0")
    db.stats()
    cache = db.filename + "-graph"
    for _ in range(100):  # written beside the answer, on a thread of its own
        if os.path.exists(cache):
            break
        time.sleep(0.1)
    if not os.path.exists(cache):
        fail(f"{folder}: the first import wrote no graph cache")
    before = cache_state(cache)

    def import_step(name, entities, rels):
        step = f"{folder}-{name}"
        write_csv(step, n, rels, entities=sorted(entities))
        if not entities:
            os.remove(os.path.join(step, "entities.csv"))
        db.import_files(step)

    chunks = [later[i::3] for i in range(3)]
    added = set()
    for number, chunk in enumerate(chunks):
        needed = {int(e[1:]) for r in chunk for e in (r["from"], r["to"])} & held - added
        if number == len(chunks) - 1:
            needed |= held - added  # entities no relation names: added all the same
        added |= needed
        import_step(f"add{number}", needed, chunk)
        db.stats()  # an answer between the writes: the delta is read again, larger each time

    # Dates and types changed by re-importing relations of the first import.
    changed = rng.sample(first, min(4, len(first)))
    for r in changed:
        r["start"] = random_date(rng) if rng.random() < 0.7 else ""
        r["end"] = ""
        r["type"] = rng.choice(TIES + EVIDENCE)
    import_step("changed", set(), changed)

    # A relation imported and the import undone; a relation of the first import deleted by Cypher.
    a, b = rng.sample([i for i in range(n) if i not in held], 2)
    import_step("undone", set(), [{"id": "decoy", "type": "mou", "from": f"e{a:03d}", "to": f"e{b:03d}",
                                   "start": "2014", "end": ""}])
    db.undo(db.log()["changes"][-1]["seq"])
    gone = rng.choice([r for r in first if r not in changed])
    db.query(f"MATCH ()-[r {{id: '{gone['id']}'}}]->() DELETE r")
    return [r for r in relations if r is not gone], cache, before


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("workdir")
    parser.add_argument("--rounds", type=int, default=4)
    parser.add_argument("--queries", type=int, default=25)
    parser.add_argument("--seed", type=int, default=16)
    parser.add_argument("--delta", action="store_true")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    shutil.rmtree(args.workdir, ignore_errors=True)
    os.makedirs(args.workdir)
    total = 0
    for round_number in range(args.rounds):
        n = rng.randint(20, 60)
        relations = make_graph(rng, n, rng.randint(n, 3 * n))
        folder = os.path.join(args.workdir, f"g{round_number}")
        db = kizuna.create(os.path.join(args.workdir, f"g{round_number}.db"))
        if args.delta:
            relations, cache, before = staged_import(db, folder, n, relations, rng)
        else:
            write_csv(folder, n, relations)
            db.import_files(folder)
        total += check_round(db, rng, n, relations, args.queries)
        if args.delta and cache_state(cache) != before:
            fail(f"round {round_number}: the graph was rebuilt, not read from the cache plus a delta")
    with_delta = " read from a graph cache plus a delta" if args.delta else ""
    print(f"{total} answers agree with NetworkX over {args.rounds} random graphs{with_delta}")


if __name__ == "__main__":
    main()
