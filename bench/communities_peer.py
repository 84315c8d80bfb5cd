#!/usr/bin/env python3
"""`kizuna communities` beside NetworkX's louvain_communities on the same generated graph, in one run:
wall time and modularity of each, and NetworkX's modularity of Kizuna's own partition (the two must
agree on it). Parallel relations count as a weighted pair in both, as Kizuna counts them.

    python3 bench/communities_peer.py KIZUNA DB RELATIONS_CSV
(RELATIONS_CSV: the relations.csv the database was imported from, e.g. `kizuna-bench generate`'s.)"""
import csv
import json
import subprocess
import sys
import time

import networkx as nx


def kizuna_run(kizuna, db, algorithm):
    began = time.perf_counter()
    out = subprocess.run([kizuna, "--db", db, "--format", "json", "communities", "--algorithm", algorithm,
                          "--seed", "1"], check=True, capture_output=True, text=True).stdout
    seconds = time.perf_counter() - began
    answer = json.loads(out)
    groups = [{m["id"] for m in g["members"]} for g in answer["communities"]]
    return seconds, answer["modularity"], groups


def main():
    kizuna, db, relations = sys.argv[1:4]
    began = time.perf_counter()
    graph = nx.Graph()
    with open(relations, newline="") as f:
        for row in csv.DictReader(f):
            a, b = row["from"], row["to"]
            if graph.has_edge(a, b):
                graph[a][b]["weight"] += 1
            else:
                graph.add_edge(a, b, weight=1)
    load = time.perf_counter() - began
    print(f"NetworkX {nx.__version__}: graph read in {load:.1f} s ({graph.number_of_nodes()} entities, "
          f"{graph.number_of_edges()} linked pairs)")
    for algorithm in ("louvain", "leiden"):
        seconds, modularity, groups = kizuna_run(kizuna, db, algorithm)
        checked = nx.community.modularity(graph, groups, weight="weight")
        print(f"kizuna communities --algorithm {algorithm}: {seconds:.1f} s (whole process), "
              f"{len(groups)} groups, modularity {modularity:.4f} (NetworkX on the same partition: "
              f"{checked:.4f})")
        if abs(checked - modularity) > 1e-6:
            sys.exit(f"the modularity of Kizuna's {algorithm} partition differs in NetworkX")
    began = time.perf_counter()
    found = nx.community.louvain_communities(graph, weight="weight", seed=1)
    seconds = time.perf_counter() - began
    print(f"networkx louvain_communities: {seconds:.1f} s (graph already in memory), {len(found)} groups, "
          f"modularity {nx.community.modularity(graph, found, weight='weight'):.4f}")


if __name__ == "__main__":
    main()
