#!/usr/bin/env python3
"""kizuna communities against NetworkX on random graphs (issue 32): the modularity Kizuna reports for its
partition is the one NetworkX computes for the same partition (nx.community.modularity, at the same
resolution, parallel relations counted as weights); the partition covers exactly the entities with a
relation the rules admit (evidence left out unless asked; under --as-of only relations alive that
year); its quality is not worse than NetworkX's own Louvain on the same graph; the count of relations
inside each group is right; and the same seed gives the same answer.

Relations here have day-precise dates or none, so the date rule needs no partial dates: a relation is
alive in a year when [start, end] meets it (the NetworkX cross-check tests partial dates).

usage: communities_check.py KIZUNA WORKDIR [--rounds N] [--seed S]
"""
import argparse
import datetime
import json
import os
import random
import shutil
import subprocess
import sys

import networkx as nx

from generated_csv import write_csv

TIES = ["mou", "acquisition", "part_of", "supports", "joint_venture"]
EVIDENCE = ["mentions"]


def fail(message):
    print(f"FAILED: {message}", file=sys.stderr)
    sys.exit(1)


def make_graph(rng, n, m):
    """Planted groups (most relations inside one of five blocks), some evidence, some undated."""
    block = [rng.randrange(5) for _ in range(n)]
    relations = []
    for i in range(m):
        a = rng.randrange(n)
        if rng.random() < 0.8:
            b = rng.choice([v for v in range(n) if block[v] == block[a] and v != a] or [(a + 1) % n])
        else:
            b = rng.choice([v for v in range(n) if v != a])
        start = end = ""
        if rng.random() < 0.8:
            first = datetime.date(2010, 1, 1) + datetime.timedelta(days=rng.randrange(12 * 365))
            start = first.isoformat()
            if rng.random() < 0.5:
                end = (first + datetime.timedelta(days=rng.randrange(5 * 365))).isoformat()
        rtype = rng.choice(EVIDENCE) if rng.random() < 0.15 else rng.choice(TIES)
        relations.append({"id": f"r{i:04d}", "type": rtype, "from": f"e{a:03d}", "to": f"e{b:03d}",
                          "start": start, "end": end})
    return relations


def admitted(relations, evidence, year):
    out = []
    for r in relations:
        if r["type"] in EVIDENCE and not evidence:
            continue
        if year is not None:
            if not r["start"]:
                continue  # date unknown: left out under a date filter (kept apart, counted)
            start = datetime.date.fromisoformat(r["start"])
            end = datetime.date.fromisoformat(r["end"]) if r["end"] else datetime.date.max
            if start > datetime.date(year, 12, 31) or end < datetime.date(year, 1, 1):
                continue
        out.append(r)
    return out


def weighted(relations):
    g = nx.Graph()
    for r in relations:
        a, b = r["from"], r["to"]
        g.add_edge(a, b, weight=g.get_edge_data(a, b, {"weight": 0})["weight"] + 1)
    return g


def kizuna(binary, db, *args):
    result = subprocess.run([binary, "--db", db, "--format", "json", "communities", *args],
                            capture_output=True, text=True)
    if result.returncode != 0:
        fail(f"communities {' '.join(args)}: exit {result.returncode}: {result.stderr}")
    return result.stdout


def alive(relation, year):
    return relation in admitted([relation], False, year)


def check_history(binary, db, relations, number):
    """--by-year: each year's partition is the one --as-of YEAR gives; events follow from the groups by the
    documented rule (linked when at least half of the smaller group is in both), and each relation named
    as a cause began or ended between the two years with both ends in the groups concerned."""
    answer = json.loads(kizuna(binary, db, "--by-year", "2012..2018", "--seed", str(number)))
    by_id = {r["id"]: r for r in relations}
    years = {y["year"]: y for y in answer["years"]}
    for year, row in years.items():
        single = json.loads(kizuna(binary, db, "--as-of", str(year), "--seed", str(number)))
        if [{m["id"] for m in c["members"]} for c in single["communities"]] != [set(c["members"]) for c in row["communities"]]:
            fail(f"round {number} --by-year: {year}'s groups are not those of --as-of {year}")
    expected = []
    for year in range(2013, 2019):
        before = {c["community"]: set(c["members"]) for c in years[year - 1]["communities"]}
        after = {c["community"]: set(c["members"]) for c in years[year]["communities"]}
        links = {(i, j) for i, a in before.items() for j, b in after.items()
                 if len(a & b) > 0 and 2 * len(a & b) >= min(len(a), len(b))}
        for j in after:
            sources = sorted(i for i, k in links if k == j)
            if not sources:
                expected.append((year, "birth", (), (j,)))
            elif len(sources) > 1:
                expected.append((year, "merge", tuple(sources), (j,)))
        for i in before:
            targets = sorted(k for h, k in links if h == i)
            if not targets:
                expected.append((year, "death", (i,), ()))
            elif len(targets) > 1:
                expected.append((year, "split", (i,), tuple(targets)))
        for event in (e for e in answer["events"] if e["year"] == year):
            groups = [before[i] for i in event["before"]] + [after[j] for j in event["after"]]
            members = set().union(*groups)
            for relation in event["relations"]:
                r = by_id[relation["id"]]
                changed = alive(r, year) != alive(r, year - 1)
                if not changed or r["from"] not in members or r["to"] not in members:
                    fail(f"round {number} --by-year {year} {event['event']}: {r['id']} did not begin or end "
                         "among the groups' members")
    actual = sorted((e["year"], e["event"], tuple(sorted(e["before"])), tuple(sorted(e["after"])))
                    for e in answer["events"])
    if actual != sorted(expected):
        fail(f"round {number} --by-year: events {actual[:6]} are not those of the rule {sorted(expected)[:6]}")
    return len(actual)


def check_round(binary, work, rng, number):
    n, m = rng.randint(30, 120), rng.randint(60, 400)
    relations = make_graph(rng, n, m)
    folder = os.path.join(work, f"round{number}")
    write_csv(folder, n, relations)
    db = os.path.join(folder, "k.db")
    for command in (["init"], ["import", "--quiet", folder]):
        result = subprocess.run([binary, "--db", db, *command], capture_output=True, text=True)
        if result.returncode != 0:
            fail(f"{command[0]}: {result.stderr}")
    checked = 0
    for algorithm in ("leiden", "louvain"):
        for resolution in (1.0, 2.0, 0.5):
            for evidence, year in ((False, None), (True, None), (False, 2015)):
                args = ["--algorithm", algorithm, "--resolution", str(resolution), "--seed", str(number)]
                if evidence:
                    args.append("--include-evidence")
                if year is not None:
                    args += ["--as-of", str(year)]
                text = kizuna(binary, db, *args)
                if kizuna(binary, db, *args) != text:
                    fail(f"round {number} {args}: the same seed gave another answer")
                answer = json.loads(text)
                graph = weighted(admitted(relations, evidence, year))
                groups = [{member["id"] for member in c["members"]} for c in answer["communities"]]
                covered = set().union(*groups) if groups else set()
                if covered != set(graph.nodes) or sum(len(g) for g in groups) != len(covered):
                    fail(f"round {number} {args}: the groups cover {sorted(covered ^ set(graph.nodes))[:5]} "
                         "wrongly (each admitted entity exactly once)")
                if answer["relations"] != graph.size(weight="weight"):
                    fail(f"round {number} {args}: {answer['relations']} relations, NetworkX admits "
                         f"{graph.size(weight='weight')}")
                if not groups:
                    continue
                expected = nx.community.modularity(graph, groups, weight="weight", resolution=resolution)
                if abs(expected - answer["modularity"]) > 1e-9:
                    fail(f"round {number} {args}: modularity {answer['modularity']}, NetworkX {expected}")
                for c, members in zip(answer["communities"], groups):
                    inside = graph.subgraph(members).size(weight="weight")
                    if c["relations"] != inside:
                        fail(f"round {number} {args}: group {c['community']} has {inside} relations inside, "
                             f"not {c['relations']}")
                theirs = nx.community.louvain_communities(graph, weight="weight", resolution=resolution,
                                                          seed=number)
                best = nx.community.modularity(graph, theirs, weight="weight", resolution=resolution)
                if answer["modularity"] < best - 0.02:
                    fail(f"round {number} {args}: modularity {answer['modularity']:.4f}, NetworkX's Louvain "
                         f"finds {best:.4f}")
                checked += 1
    return checked + check_history(binary, db, relations, number)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("kizuna")
    parser.add_argument("work")
    parser.add_argument("--rounds", type=int, default=6)
    parser.add_argument("--seed", type=int, default=32)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    shutil.rmtree(args.work, ignore_errors=True)
    os.makedirs(args.work)
    checked = sum(check_round(args.kizuna, args.work, rng, number) for number in range(1, args.rounds + 1))
    print(f"{checked} partitions and yearly changes agree with NetworkX and the rules (modularity, coverage, "
          "relations inside, quality, seed, events and their causes)")


if __name__ == "__main__":
    main()
