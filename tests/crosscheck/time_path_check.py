#!/usr/bin/env python3
"""kizuna path --in-time-order against a brute force (issue 32): on small random graphs whose relations
have partial dates (years, months, days), open ends, unknown dates and evidence, every loopless
connection is enumerated with NetworkX and walked in time order by the rule the README states (each
relation taken on a day it may be alive, the days never going back; from the first day of --from-date).
Kizuna's earliest-arrival connection must be a real connection in order that arrives on the earliest day
any connection does; its fewest-hops connection must have the fewest relations of any in order and the
earliest arrival among those; "none" must mean that no connection is in order; each step's state must be
"surely" exactly while the walk is in order along the sure lives (every reading of the dates) from the
last day of --from-date; and the blocks named for "none" must be true.

usage: time_path_check.py KIZUNA WORKDIR [--rounds N] [--queries Q] [--seed S]
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
from partial_dates import days

TIES = ["mou", "acquisition", "part_of", "supports", "joint_venture"]
EVIDENCE = ["mentions"]
BEFORE_ALL, AFTER_ALL = datetime.date.min, datetime.date.max


def fail(message):
    print(f"FAILED: {message}", file=sys.stderr)
    sys.exit(1)


def coarsen(rng, day):
    precision = rng.random()
    if precision < 0.4:
        return f"{day.year:04d}"
    if precision < 0.7:
        return f"{day.year:04d}-{day.month:02d}"
    return day.isoformat()


def make_graph(rng, n, m):
    relations = []
    for i in range(m):
        a = rng.randrange(n)
        b = rng.choice([v for v in range(n) if v != a])
        start = end = ""
        shape = rng.random()
        if shape < 0.85:  # a start, and often an end
            first = datetime.date(2010, 1, 1) + datetime.timedelta(days=rng.randrange(10 * 365))
            start = coarsen(rng, first)
            if rng.random() < 0.5:
                end = coarsen(rng, first + datetime.timedelta(days=rng.randrange(4 * 365)))
        elif shape < 0.92:  # only an end
            end = coarsen(rng, datetime.date(2010, 1, 1) + datetime.timedelta(days=rng.randrange(10 * 365)))
        rtype = rng.choice(EVIDENCE) if rng.random() < 0.1 else rng.choice(TIES)
        relations.append({"id": f"r{i:03d}", "type": rtype, "from": f"e{a:02d}", "to": f"e{b:02d}",
                          "start": start, "end": end})
    return relations


def lives(r):
    """(possible, sure) lives as (first, last) days; None for a relation of unknown date. Without a known
    start a relation is never surely alive (an empty sure life)."""
    if not r["start"] and not r["end"]:
        return None
    start = days(r["start"]) if r["start"] else None
    end = days(r["end"]) if r["end"] else None
    possible = (start[0] if start else BEFORE_ALL, end[1] if end else AFTER_ALL)
    sure = (start[1], end[0] if end else AFTER_ALL) if start else (AFTER_ALL, BEFORE_ALL)
    return possible, sure


def take(day, life):
    if life[0] > life[1]:
        return None
    taken = max(day, life[0])
    return taken if taken <= life[1] else None


def walk(path, by_id, from_date):
    """The arrival day along possible lives, or None when the path is not even possibly in order."""
    day = days(from_date)[0] if from_date else BEFORE_ALL
    for rid in path:
        life = lives(by_id[rid])
        if life is None:
            return None
        day = take(day, life[0])
        if day is None:
            return None
    return day


def sure_steps(path, by_id, from_date):
    day = days(from_date)[1] if from_date else BEFORE_ALL
    steps, surely = [], True
    for rid in path:
        taken = take(day, lives(by_id[rid])[1]) if surely else None
        surely = taken is not None
        day = taken if surely else day
        steps.append("surely" if surely else "possibly")
    return steps


def kizuna_path(binary, db, a, b, from_date, max_hops):
    args = [binary, "--db", db, "--format", "json", "path", a, b, "--in-time-order"]
    if from_date:
        args += ["--from-date", from_date]
    if max_hops:
        args += ["--max-hops", str(max_hops)]
    result = subprocess.run(args, capture_output=True, text=True)
    if result.returncode != 0:
        fail(f"{' '.join(args[3:])}: exit {result.returncode}: {result.stderr}")
    return json.loads(result.stdout)


def arrival_day(pick, from_date):
    if pick["arrival"] is None:
        return BEFORE_ALL
    return days(pick["arrival"])[0]


def check_pick(where, answer, pick, by_id, a, b, from_date):
    """The pick is a real connection from a to b, in order; returns (hops, arrival day)."""
    path = answer["paths"][pick["path"]]
    ids = [r["id"] for r in path["relations"]]
    nodes = path["nodes"]
    if nodes[0] != a or nodes[-1] != b or len(set(nodes)) != len(nodes):
        fail(f"{where}: {nodes} is no loopless connection from {a} to {b}")
    for i, rid in enumerate(ids):
        if {by_id[rid]["from"], by_id[rid]["to"]} != {nodes[i], nodes[i + 1]} or by_id[rid]["type"] in EVIDENCE:
            fail(f"{where}: {rid} does not link {nodes[i]} and {nodes[i + 1]} (or is evidence)")
    arrival = walk(ids, by_id, from_date)
    if arrival is None:
        fail(f"{where}: {ids} is not in time order")
    if arrival_day(pick, from_date) != arrival:
        fail(f"{where}: arrival {pick['arrival']} but the walk arrives {arrival}")
    if pick["steps"] != sure_steps(ids, by_id, from_date):
        fail(f"{where}: steps {pick['steps']}, expected {sure_steps(ids, by_id, from_date)}")
    return len(ids), arrival


def check_none(where, order, graph, by_id, a, b, max_hops, from_date):
    reachable = nx.has_path(graph, a, b) and (max_hops is None or nx.shortest_path_length(graph, a, b) <= max_hops)
    if order["connected"] != reachable:
        fail(f"{where}: connected {order['connected']}, NetworkX {reachable}")
    if sum(block["connections"] for block in order["blocks"]) != order["connections_examined"]:
        fail(f"{where}: the blocks do not account for the connections examined")
    for block in order["blocks"]:
        later = lives(by_id[block["later"]["id"]])
        if block["kind"] == "undated":
            if later is not None:
                fail(f"{where}: {block['later']['id']} is dated")
            continue
        begins = days(block["earlier"]["start"])[0] if block["earlier"] else days(from_date)[0]
        if later[0][1] >= begins:
            fail(f"{where}: {block['later']['id']} had not ended when the earlier one began")
    if order["every_connection_examined"]:
        hops = order["examined_hops"]
        count = sum(1 for p in nx.all_simple_edge_paths(graph, a, b, cutoff=hops))
        if count != order["connections_examined"]:
            fail(f"{where}: {order['connections_examined']} connections examined, {count} exist")


def check_query(binary, db, graph, by_id, a, b, from_date, max_hops):
    where = f"path {a} {b} --in-time-order from {from_date} max-hops {max_hops}"
    cutoff = max_hops if max_hops else None
    best_arrival, fewest, fewest_arrival = None, None, None
    for edges in nx.all_simple_edge_paths(graph, a, b, cutoff=cutoff):
        ids = [key for _, _, key in edges]
        arrival = walk(ids, by_id, from_date)
        if arrival is None:
            continue
        best_arrival = arrival if best_arrival is None else min(best_arrival, arrival)
        if fewest is None or len(ids) < fewest or (len(ids) == fewest and arrival < fewest_arrival):
            fewest, fewest_arrival = len(ids), arrival
    answer = kizuna_path(binary, db, a, b, from_date, max_hops)
    order = answer["in_time_order"]
    if best_arrival is None:
        if order["earliest_arrival"] is not None or order["fewest_hops"] is not None or answer["paths"]:
            fail(f"{where}: kizuna found a connection in order; none exists")
        check_none(where, order, graph, by_id, a, b, max_hops, from_date)
        return "none"
    if order["earliest_arrival"] is None or order["fewest_hops"] is None:
        fail(f"{where}: kizuna found none; one arrives {best_arrival}")
    _, arrival = check_pick(where + " (earliest)", answer, order["earliest_arrival"], by_id, a, b, from_date)
    if arrival != best_arrival:
        fail(f"{where}: earliest arrival {arrival}, the brute force finds {best_arrival}")
    hops, arrival = check_pick(where + " (fewest)", answer, order["fewest_hops"], by_id, a, b, from_date)
    if (hops, arrival) != (fewest, fewest_arrival):
        fail(f"{where}: fewest hops {hops} arriving {arrival}, the brute force finds {fewest} arriving "
             f"{fewest_arrival}")
    return "found"


def check_round(binary, work, rng, number, queries):
    n, m = rng.randint(6, 11), rng.randint(8, 24)
    relations = make_graph(rng, n, m)
    folder = os.path.join(work, f"round{number}")
    write_csv(folder, n, relations, width=2)
    db = os.path.join(folder, "k.db")
    for command in (["init"], ["import", "--quiet", folder]):
        result = subprocess.run([binary, "--db", db, *command], capture_output=True, text=True)
        if result.returncode != 0:
            fail(f"{command[0]}: {result.stderr}")
    by_id = {r["id"]: r for r in relations}
    graph = nx.MultiGraph()
    graph.add_nodes_from(f"e{i:02d}" for i in range(n))
    for r in relations:
        if r["type"] not in EVIDENCE:
            graph.add_edge(r["from"], r["to"], key=r["id"])
    outcomes = []
    for _ in range(queries):
        a, b = rng.sample(sorted(graph.nodes), 2)
        from_date = coarsen(rng, datetime.date(2010, 1, 1) + datetime.timedelta(days=rng.randrange(10 * 365))) \
            if rng.random() < 0.5 else None
        max_hops = rng.randint(1, 4) if rng.random() < 0.25 else None
        outcomes.append(check_query(binary, db, graph, by_id, a, b, from_date, max_hops))
    return outcomes


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("kizuna")
    parser.add_argument("work")
    parser.add_argument("--rounds", type=int, default=8)
    parser.add_argument("--queries", type=int, default=25)
    parser.add_argument("--seed", type=int, default=32)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    shutil.rmtree(args.work, ignore_errors=True)
    os.makedirs(args.work)
    outcomes = []
    for number in range(1, args.rounds + 1):
        outcomes += check_round(args.kizuna, args.work, rng, number, args.queries)
    found = outcomes.count("found")
    if found == 0 or found == len(outcomes):
        fail(f"the random graphs gave {found} of {len(outcomes)} connections in order: not a test of both")
    print(f"{len(outcomes)} time-ordered connections agree with the brute force ({found} found, "
          f"{len(outcomes) - found} none)")


if __name__ == "__main__":
    main()
