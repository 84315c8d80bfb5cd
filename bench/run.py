#!/usr/bin/env python3
"""Kizuna's benchmark harness: generates synthetic collaboration graphs, measures Kizuna on them and runs
the peers a user would pick instead (Kùzu, DuckDB, SQLite recursive CTE, NetworkX) on the same files in the same
run. Before any timing is printed, it checks that every peer's shortest-connection lengths equal
Kizuna's for every sampled pair; a disagreement stops the run (exit 1).

    python3 bench/run.py                          # 10k and 1M relations, every peer (installs them)
    python3 bench/run.py --relations 10000000 --peers none
    python3 bench/run.py --relations 2000 --no-install   # quick run with the peers already present
    python3 bench/run.py --report results.json           # the tables of a run saved with --json

Peers are installed by the script itself: Kùzu and DuckDB with npm (into bench/.peers), NetworkX with apt
(python3-networkx). With --no-install a missing peer is reported and skipped. The table is printed in
Markdown for bench/README.md.
"""
import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
KUZU_VERSION = "0.11.3"
DUCKDB_VERSION = "1.5.6-r.1"  # @duckdb/node-api
PEERS = ("kuzu", "duckdb", "sqlite", "networkx")
# Kùzu is asked for SHORTEST 1..10: longer connections are "none" there.
KUZU_MAX_HOPS = 10


def log(message):
    print(message, file=sys.stderr, flush=True)


def run_json(command, **kwargs):
    """Runs a command that prints one JSON object; returns it. Fails loudly with the command's stderr."""
    result = subprocess.run(command, capture_output=True, text=True, **kwargs)
    if result.returncode != 0:
        raise SystemExit(f"failed ({result.returncode}): {' '.join(map(str, command))}\n{result.stderr}")
    return json.loads(result.stdout.strip().splitlines()[-1])


def debian_python():
    """The interpreter that sees Debian's python3-networkx (pyenv or venv interpreters may not)."""
    return "/usr/bin/python3" if Path("/usr/bin/python3").exists() else sys.executable


def has_networkx():
    return subprocess.run([debian_python(), "-c", "import networkx"], capture_output=True).returncode == 0


def as_root(command):
    return command if os.geteuid() == 0 else ["sudo"] + command


def ensure_networkx(install):
    if has_networkx():
        return True
    if not install:
        return False
    log("installing python3-networkx (apt)")
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    subprocess.run(as_root(["apt-get", "install", "-y", "-q", "--no-install-recommends", "python3-networkx"]),
                   check=True, env=env, stdout=subprocess.DEVNULL)
    return has_networkx()


def peer_modules():
    return HERE / ".peers" / "node_modules"


def npm_install(spec):
    """Installs an npm package into bench/.peers, where the peers' NODE_PATH points."""
    log(f"installing {spec} (npm, into bench/.peers)")
    subprocess.run(["npm", "install", "--silent", "--no-audit", "--no-fund", "--prefix", str(HERE / ".peers"), spec],
                   check=True, stdout=subprocess.DEVNULL)


def ensure_kuzu(install):
    package = peer_modules() / "kuzu"
    if (package / "kuzujs.node").exists():
        return True
    if not install or shutil.which("npm") is None:
        return False
    npm_install(f"kuzu@{KUZU_VERSION}")
    # npm no longer runs install scripts by default; Kùzu's copies its prebuilt native module into place.
    subprocess.run(["node", "install.js"], cwd=package, check=True, stdout=subprocess.DEVNULL)
    return (package / "kuzujs.node").exists()


def ensure_duckdb(install):
    package = peer_modules() / "@duckdb" / "node-api"
    if (package / "package.json").exists():
        return True
    if not install or shutil.which("npm") is None:
        return False
    npm_install(f"@duckdb/node-api@{DUCKDB_VERSION}")
    return (package / "package.json").exists()


def evict(files):
    """Drops the files' pages from the page cache (posix_fadvise DONTNEED: no root needed), so that the
    next process reads them from disk."""
    for name in files:
        if os.path.exists(name):
            fd = os.open(name, os.O_RDONLY)
            try:
                os.fsync(fd)
                os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)
            finally:
                os.close(fd)


def cli_path(kizuna, db, pairs_file, repeats, page_cache_cold=False):
    """Wall time of whole `kizuna path` processes on a pair that is connected: with the page cache warm
    (as after any earlier command), or with the database and graph cache files evicted before each."""
    with open(pairs_file, encoding="utf-8") as rows:
        pair = rows.read().splitlines()[1].split(",")
    times = []
    for _ in range(repeats):
        if page_cache_cold:
            evict([db, db + "-wal", db + "-graph"])
        start = time.perf_counter()
        subprocess.run([kizuna, "--db", db, "path", pair[0], pair[1]], check=True, stdout=subprocess.DEVNULL)
        times.append(time.perf_counter() - start)
    return {"pair": pair, "runs": times, "median_ms": statistics.median(times) * 1e3, "first_ms": times[0] * 1e3}


def check_agreement(name, kizuna_lengths, peer_lengths, max_hops=None):
    """Returns the disagreements of a peer with Kizuna, pair by pair."""
    problems = []
    for i, (mine, theirs) in enumerate(zip(kizuna_lengths, peer_lengths)):
        expected = mine
        if max_hops is not None and mine > max_hops:
            expected = -1
        if theirs != expected:
            problems.append(f"{name}: pair {i}: Kizuna {mine}, {name} {theirs}")
    return problems


def machine():
    cpu = platform.processor() or platform.machine()
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as info:
            for line in info:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    memory = ""
    try:
        with open("/proc/meminfo", encoding="utf-8") as info:
            kib = int(info.readline().split()[1])
            memory = f"{kib / 1024 / 1024:.0f} GiB"
    except (OSError, ValueError, IndexError):
        pass
    return f"{os.cpu_count()} cores ({cpu}), {memory} RAM, {platform.system()} {platform.release()}"


def mib(value):
    return f"{value / 1024 / 1024:,.0f} MiB"


def ms(value):
    return f"{value:,.3f} ms" if value < 10 else f"{value:,.1f} ms"


def rate(value):
    return f"{value:,.0f}/s"


def ratio(mine, theirs, higher_is_better=False):
    if not mine or not theirs:
        return ""
    factor = mine / theirs if higher_is_better else theirs / mine
    return f"{factor:,.2f}x" if factor < 10 else f"{factor:,.1f}x"  # 0.96x and 1.04x must not both read 1.0x


def measure(size, args, build, peers):
    work = Path(args.work) / f"r{size}"
    if work.exists():
        shutil.rmtree(work)
    work.mkdir(parents=True)
    bench = str(build / "bench" / "kizuna-bench")
    kizuna = str(build / "cli" / "kizuna")
    data, pairs, db = work / "data", work / "pairs.csv", work / "kizuna.db"

    log(f"[{size:,} relations] generating (seed {args.seed})")
    run_json([bench, "generate", "--relations", str(size), "--seed", str(args.seed), "--pairs", str(args.pairs),
              "--dir", str(work)])
    log(f"[{size:,} relations] Kizuna: import")
    result = {"size": size, "kizuna": {"import": run_json([bench, "import", "--db", str(db), "--dir", str(data)])}}
    # The import wrote the graph cache: the first command after it need not read the relations back.
    result["kizuna"]["first_command"] = cli_path(kizuna, str(db), pairs, 1)
    log(f"[{size:,} relations] Kizuna: graph and queries")
    result["kizuna"]["queries"] = run_json([bench, "queries", "--db", str(db), "--pairs", str(pairs),
                                            "--sample", str(args.sample)])
    result["kizuna"]["cold_cli_path"] = cli_path(kizuna, str(db), pairs, args.cli_repeats)
    result["kizuna"]["cold_cli_path_uncached"] = cli_path(kizuna, str(db), pairs, args.cli_repeats, True)
    log(f"[{size:,} relations] Kizuna: query language shapes")
    result["kizuna"]["cypher"] = run_json([bench, "cypher", "--db", str(db), "--pairs", str(pairs),
                                           "--starts", str(args.pairs), "--repeats", str(args.cypher_repeats)])
    lengths = result["kizuna"]["queries"]["path_lengths"]

    if "sqlite" in peers and size <= args.sqlite_max:
        limit = args.sqlite_pairs if size > 100000 else args.pairs
        log(f"[{size:,} relations] SQLite recursive CTE ({limit} pairs)")
        result["sqlite"] = run_json([bench, "sqlite-cte", "--db", str(db), "--pairs", str(pairs),
                                     "--limit", str(limit)])
    if "networkx" in peers and size <= args.networkx_max:
        log(f"[{size:,} relations] NetworkX")
        result["networkx"] = run_json([debian_python(), str(HERE / "peers" / "networkx_peer.py"), str(data),
                                       str(pairs)])
    if "kuzu" in peers and size <= args.kuzu_max:
        log(f"[{size:,} relations] Kùzu")
        env = dict(os.environ, NODE_PATH=str(peer_modules()))
        result["kuzu"] = run_json(["node", str(HERE / "peers" / "kuzu_peer.js"), str(data), str(pairs), str(work)],
                                  env=env)
        log(f"[{size:,} relations] Kùzu: query language shapes")
        result["kuzu_cypher"] = run_json(["node", str(HERE / "peers" / "kuzu_cypher_peer.js"), str(data), str(pairs),
                                          str(work), str(args.pairs), str(args.cypher_repeats)], env=env)

    if "duckdb" in peers and size <= args.duckdb_max:
        limit = args.duckdb_pairs if size > 100000 else args.pairs
        log(f"[{size:,} relations] DuckDB ({limit} pairs)")
        env = dict(os.environ, NODE_PATH=str(peer_modules()))
        result["duckdb"] = run_json(["node", str(HERE / "peers" / "duckdb_peer.js"), str(data), str(pairs), str(work),
                                     str(limit)], env=env)

    problems = []
    if "duckdb" in result:
        problems += check_agreement("DuckDB", lengths, result["duckdb"]["path_lengths"], KUZU_MAX_HOPS)
    if "sqlite" in result:
        problems += check_agreement("SQLite", lengths, result["sqlite"]["path_lengths"])
    if "networkx" in result:
        problems += check_agreement("NetworkX", lengths, result["networkx"]["path_lengths"])
    if "kuzu" in result:
        problems += check_agreement("Kùzu", lengths, result["kuzu"]["path_lengths"], KUZU_MAX_HOPS)
    if "kuzu_cypher" in result:
        mine, theirs = result["kizuna"]["cypher"], result["kuzu_cypher"]
        for shape in ("two_hop", "typed_dated"):
            if mine[shape]["answers"] != theirs[shape]["answers"]:
                problems.append(f"Kùzu Cypher {shape}: {theirs[shape]['answers'][:5]}… vs Kizuna {mine[shape]['answers'][:5]}…")
        problems += check_agreement("Kùzu Cypher shortest", mine["shortest"]["answers"],
                                    theirs["shortest"]["answers"], KUZU_MAX_HOPS)
    if problems:
        raise SystemExit("answers disagree; no timings reported:\n  " + "\n  ".join(problems[:20]))
    checked = {name: len(result[name]["path_lengths"]) for name in ("sqlite", "networkx", "kuzu", "duckdb")
               if name in result}
    result["agreement"] = checked
    log(f"[{size:,} relations] path lengths agree: " +
        (", ".join(f"{name} {count} pairs" for name, count in checked.items()) or "no peer ran"))
    if not args.keep:
        shutil.rmtree(work, ignore_errors=True)
    return result


def with_ratio(text, kizuna, peer, higher_is_better=False):
    """A peer's figure with Kizuna's advantage over it: "15.3 ms (Kizuna 555x)"."""
    factor = ratio(kizuna, peer, higher_is_better)
    return f"{text} (Kizuna {factor})" if factor else text


def table(result):
    k = result["kizuna"]
    q, imp = k["queries"], k["import"]
    kuzu, duck = result.get("kuzu"), result.get("duckdb")
    sqlite, nx = result.get("sqlite"), result.get("networkx")
    rows = [("operation", "Kizuna", "Kùzu", "DuckDB", "SQLite CTE", "NetworkX")]

    def import_rate(peer, suffix=""):
        if not peer:
            return ""
        theirs = peer["import"]["relations_per_second"]
        return with_ratio(rate(theirs) + suffix, imp["relations_per_second"], theirs, True)

    def latency(peer, key, pairs_note=False):
        if not peer:
            return ""
        text = ms(peer["path"][key]) + (f", {peer['path']['count']} pairs" if pairs_note else "")
        return with_ratio(text, q["path"][key], peer["path"][key])

    rows.append(("import (relations/s)", rate(imp["relations_per_second"]), import_rate(kuzu), import_rate(duck),
                 f"endpoint indexes for the CTE: {sqlite['index_seconds']:.1f} s" if sqlite else "",
                 import_rate(nx, " in memory")))
    rows.append(("graph from SQLite (relations/s)", rate(q["graph_from_sqlite"]["relations_per_second"]), "", "", "",
                 ""))
    rows.append(("graph from cache (mapped; pages read as used)", ms(q["graph_from_cache"]["seconds"] * 1e3), "", "",
                 "", ""))
    for label, key in (("path p50", "p50_ms"), ("path p99", "p99_ms")):
        rows.append((f"{label} ({q['path']['count']} pairs)", ms(q["path"][key]), latency(kuzu, key),
                     latency(duck, key, duck is not None and duck["path"]["count"] != q["path"]["count"]),
                     latency(sqlite, key, True), latency(nx, key)))
    for label, key in (("partners, type+date filter", "partners_type_date"), ("ego, 2 hops", "ego_2_hops"),
                       ("simple paths ≤ 4 hops, cap 1000", "simple_paths_4_hops"),
                       ("path --in-time-order", "time_ordered_paths")):
        if key not in q:  # figures of a run before the measure existed
            continue
        rows.append((f"{label} p50 / p99", f"{ms(q[key]['p50_ms'])} / {ms(q[key]['p99_ms'])}", "", "", "", ""))
    if "first_command" in k:
        rows.append(("first command after the import (`kizuna path`)", ms(k["first_command"]["median_ms"]),
                     "", "", "", ""))
    cold = k["cold_cli_path"]
    rows.append(("cold `kizuna path` process (median)", ms(cold["median_ms"]), "", "", "", ""))
    if "cold_cli_path_uncached" in k:
        rows.append(("the same, database and cache out of the page cache", ms(k["cold_cli_path_uncached"]["median_ms"]),
                     "", "", "", ""))
    rows.append(("peak RSS, query process", mib(q["peak_rss_bytes"]),
                 mib(kuzu["peak_rss_bytes"]) + " (load + paths)" if kuzu else "",
                 mib(duck["peak_rss_bytes"]) + " (load + paths)" if duck else "", "",
                 mib(nx["peak_rss_bytes"]) if nx else ""))
    rows.append(("peak RSS, import process", mib(imp["peak_rss_bytes"]), "", "", "", ""))
    parts = q["graph_bytes_per_relation_by_part"]
    rows.append(("in-memory graph, bytes/relation", f"{q['graph_bytes_per_relation']:.1f}: adjacency "
                 f"{parts['adjacency']:.1f}, type+dates {parts['relation_attributes']:.1f}, "
                 f"row ids {parts['row_ids']:.1f}, entity ids etc. {parts['entities']:.1f}", "", "", "", ""))
    rows.append(("database on disk, bytes/relation", f"{imp['db_bytes_per_relation']:.0f}",
                 f"{kuzu['import']['db_bytes'] / kuzu['relations']:.0f}" if kuzu else "",
                 f"{duck['import']['db_bytes'] / duck['relations']:.0f}" if duck else "", "", ""))
    lines = [f"### {result['size']:,} relations, {q['entities']:,} entities"]
    lines.append("| " + " | ".join(rows[0]) + " |")
    lines.append("|" + "---|" * len(rows[0]))
    lines += ["| " + " | ".join(row) + " |" for row in rows[1:]]
    if "disk" in imp:
        lines += ["", disk_table(imp["disk"], imp["relations"])]
    if "cypher" in k:
        lines += ["", cypher_table(k["cypher"], result.get("kuzu_cypher"))]
    return "\n".join(lines)


def disk_table(disk, relations):
    """Where the database's bytes go, per relation: each table and index, and the relations table's columns."""
    per = lambda value: f"{value / relations:.1f}"
    objects = ", ".join(f"{name} {per(size)}" for name, size in disk["objects"].items() if size / relations >= 0.05)
    columns = ", ".join(f"{name} {per(size)}" for name, size in disk["relation_columns"].items())
    return (f"Database bytes per relation by table and index: {objects}. "
            f"Of the relations table: {columns}.")


def cypher_table(mine, kuzu):
    """The query language's shapes: `kizuna query`'s engine beside Kùzu's Cypher, answers checked equal."""
    shapes = (("2-hop distinct count from a start entity", "two_hop"),
              ("typed and dated filter over every relation", "typed_dated"),
              ("shortestPath between a pair", "shortest"))
    lines = ["| query shape (Cypher) | Kizuna p50 / p99 | Kùzu p50 / p99 |", "|---|---|---|"]
    for label, key in shapes:
        m = mine[key]
        theirs = ""
        if kuzu:
            t = kuzu[key]
            theirs = with_ratio(f"{ms(t['p50_ms'])} / {ms(t['p99_ms'])}", m["p50_ms"], t["p50_ms"])
        lines.append(f"| {label} ({m['count']} runs) | {ms(m['p50_ms'])} / {ms(m['p99_ms'])} | {theirs} |")
    return "\n".join(lines)


def report(run):
    """The Markdown report of a run: the machine, then a table per graph size."""
    text = f"Machine: {run['machine']}; seed {run['seed']}; {run['pairs']} pairs.\n\n"
    return text + "\n\n".join(table(result) for result in run["results"]) + "\n"


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--relations", type=int, nargs="+", default=[10000, 1000000],
                        help="graph sizes in relations (entities = relations / 10)")
    parser.add_argument("--seed", type=int, default=20261125)
    parser.add_argument("--pairs", type=int, default=1000, help="random pairs for shortest paths")
    parser.add_argument("--sample", type=int, default=100, help="queries for ego and simple paths")
    parser.add_argument("--sqlite-max", type=int, default=1000000, help="largest graph the SQLite CTE answers on")
    parser.add_argument("--sqlite-pairs", type=int, default=20,
                        help="pairs the SQLite CTE answers on graphs over 100k relations (it is slow)")
    parser.add_argument("--networkx-max", type=int, default=1000000, help="largest graph NetworkX loads")
    parser.add_argument("--kuzu-max", type=int, default=10000000, help="largest graph Kùzu loads")
    parser.add_argument("--duckdb-max", type=int, default=10000000, help="largest graph DuckDB loads")
    parser.add_argument("--duckdb-pairs", type=int, default=20,
                        help="pairs DuckDB's recursive CTE answers on graphs over 100k relations (it is slow)")
    parser.add_argument("--cli-repeats", type=int, default=5)
    parser.add_argument("--cypher-repeats", type=int, default=5, help="runs of the query-language filter over every relation")
    parser.add_argument("--peers", default=",".join(PEERS), help="comma-separated subset of kuzu,duckdb,sqlite,networkx, or none")
    parser.add_argument("--no-install", action="store_true", help="skip peers that are not installed")
    parser.add_argument("--build", default=str(ROOT / "build"), help="Kizuna's build folder")
    parser.add_argument("--work", default=str(HERE / "work"), help="where generated files and databases go")
    parser.add_argument("--keep", action="store_true", help="keep the generated files and databases")
    parser.add_argument("--json", help="also write every measurement to this file")
    parser.add_argument("--report", metavar="JSON", help="print the tables of a run saved with --json, and stop")
    args = parser.parse_args()
    if args.report:
        print(report(json.loads(Path(args.report).read_text(encoding="utf-8"))), end="")
        return

    build = Path(args.build)
    if not (build / "bench" / "kizuna-bench").exists():
        raise SystemExit(f"{build}/bench/kizuna-bench not found: build Kizuna first (scripts/setup.sh build)")
    peers = [] if args.peers == "none" else [p.strip() for p in args.peers.split(",") if p.strip()]
    for name in peers:
        if name not in PEERS:
            raise SystemExit(f"unknown peer '{name}' (use {', '.join(PEERS)} or none)")
    install = not args.no_install
    if "networkx" in peers and not ensure_networkx(install):
        log("NetworkX is not installed: skipped (run without --no-install to install it)")
        peers.remove("networkx")
    if "kuzu" in peers and not ensure_kuzu(install):
        log("Kùzu is not installed: skipped (run without --no-install to install it with npm)")
        peers.remove("kuzu")
    if "duckdb" in peers and not ensure_duckdb(install):
        log("DuckDB is not installed: skipped (run without --no-install to install it with npm)")
        peers.remove("duckdb")

    run = {"machine": machine(), "seed": args.seed, "pairs": args.pairs,
           "results": [measure(size, args, build, peers) for size in args.relations]}
    if args.json:
        Path(args.json).write_text(json.dumps(run, indent=1), encoding="utf-8")
    print(report(run), end="")


if __name__ == "__main__":
    main()
