#!/usr/bin/env python3
"""The NetworkX peer: loads the generated relations into an undirected nx.Graph and answers shortest
connection lengths (NetworkX's bidirectional BFS). Prints one JSON object. Run by bench/run.py.
usage: networkx_peer.py DATA_DIR PAIRS_CSV"""
import csv
import json
import resource
import sys
import time

import networkx as nx


def percentile(samples, q):
    if not samples:
        return 0.0
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def main():
    data_dir, pairs_file = sys.argv[1], sys.argv[2]
    start = time.perf_counter()
    graph = nx.Graph()
    with open(f"{data_dir}/entities.csv", newline="", encoding="utf-8") as entities:
        graph.add_nodes_from(row["id"] for row in csv.DictReader(entities))
    relations = 0
    with open(f"{data_dir}/relations.csv", newline="", encoding="utf-8") as rows:
        for row in csv.DictReader(rows):
            graph.add_edge(row["from"], row["to"])
            relations += 1
    load_seconds = time.perf_counter() - start

    with open(pairs_file, newline="", encoding="utf-8") as rows:
        pairs = [(row["from"], row["to"]) for row in csv.DictReader(rows)]
    times, lengths = [], []
    for a, b in pairs:
        start = time.perf_counter()
        try:
            length = nx.shortest_path_length(graph, a, b)
        except nx.NetworkXNoPath:
            length = -1
        times.append(time.perf_counter() - start)
        lengths.append(length)
    print(json.dumps({
        "version": nx.__version__,
        "relations": relations,
        "import": {"seconds": load_seconds, "relations_per_second": relations / load_seconds},
        "path": {"count": len(times), "p50_ms": percentile(times, 0.5) * 1e3, "p99_ms": percentile(times, 0.99) * 1e3},
        "path_lengths": lengths,
        "peak_rss_bytes": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024,
    }))


if __name__ == "__main__":
    main()
