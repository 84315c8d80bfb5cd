"""Threads calling in parallel get the answers one thread gets; a database changed by another process
between or during calls is seen whole: the old data or the new, never half of it."""
import json
import subprocess
import threading
import time

import kizuna
from conftest import BINARY


def test_threads_calling_in_parallel(db):
    calls = [lambda: db.partners("vn-moh", as_of="2020"), lambda: db.path("kanagawa", "mhlw", all=True),
             lambda: db.ego("vn-moh", radius=2), lambda: db.query("MATCH (n) RETURN count(n) AS n"),
             lambda: db.search("保健省"), lambda: db.stats(betweenness=True)]
    expected = [call() for call in calls]
    failures = []

    def worker(offset):
        try:
            for round_ in range(15):
                index = (offset + round_) % len(calls)
                if calls[index]() != expected[index]:
                    failures.append(f"call {index} differed")
        except Exception as error:  # reported below, with the thread's call
            failures.append(repr(error))

    threads = [threading.Thread(target=worker, args=(n,)) for n in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert failures == []


def test_another_process_writing_meanwhile(scratch, tmp_path):
    db = kizuna.connect(scratch)
    before = db.stats()["relations"]
    # Each import adds two relations in one transaction; the reader must see 0 or 2 of each pair.
    files = []
    for n in range(4):
        path = tmp_path / f"pair-{n}.jsonl"
        path.write_text("".join(json.dumps({"relation": {"id": f"pair-{n}-{side}", "type": "mou", "from": "kanagawa",
                                                         "to": target, "start": "2025"}}) + "\n"
                                for side, target in (("a", "mhlw"), ("b", "vn-moh"))), encoding="utf-8")
        files.append(path)
    seen = set()
    done = threading.Event()

    def read():
        while not done.is_set():
            seen.add(db.stats()["relations"])

    reader = threading.Thread(target=read)
    reader.start()
    try:
        for path in files:
            subprocess.run([BINARY, "--db", str(scratch), "import", "--quiet", str(path)], check=True)
    finally:
        done.set()
        reader.join()
    assert db.stats()["relations"] == before + 8
    assert all((count - before) % 2 == 0 for count in seen), sorted(seen)


def test_the_gil_is_released_while_a_query_runs(db):
    """Another Python thread keeps running while Kizuna answers. Held, the GIL would let it run only
    between bytecodes of the call's Python part (a switch interval or two, 5 ms each), not through the
    query's fraction of a second."""
    counted = [0]
    stop = threading.Event()

    def count():
        while not stop.is_set():
            counted[0] += 1

    counter = threading.Thread(target=count)
    counter.start()
    try:
        start, began = counted[0], time.perf_counter()
        time.sleep(0.2)  # the counter alone: its rate on this machine now
        rate = (counted[0] - start) / (time.perf_counter() - began)
        start, began = counted[0], time.perf_counter()
        rows = db.query("UNWIND range(1, 1000000) AS x WITH x WHERE x % 7 = 0 RETURN count(x) AS n")
        elapsed = time.perf_counter() - began
        during = counted[0] - start
    finally:
        stop.set()
        counter.join()
    assert rows == [{"n": 142857}]
    assert elapsed > 0.1, "the query was too quick to tell"
    assert during > 0.25 * rate * elapsed, f"the other thread ran {during / rate:.3f} s of the query's {elapsed:.3f} s"


def test_a_change_by_another_process_between_two_calls_is_seen_whole_by_the_next(scratch, tmp_path):
    """The first call builds the graph; another process commits an entity and two relations; the next
    call of every kind (a command, a query, to_networkx) sees all three — the graph is not the old one."""
    db = kizuna.connect(scratch)
    assert db.partners("kanagawa")["partners"] and not db.search("Newco Holdings")
    graph_before = db.to_networkx()
    change = tmp_path / "change.jsonl"
    change.write_text(
        json.dumps({"entity": {"id": "newco", "kind": "company", "country": "JP", "names": {"en": "Newco Holdings"}}})
        + "\n" + "".join(json.dumps({"relation": {"id": f"newco-{target}", "type": "mou", "from": "newco",
                                                  "to": target, "start": "2025"}}) + "\n"
                         for target in ("kanagawa", "vn-moh")), encoding="utf-8")
    subprocess.run([BINARY, "--db", str(scratch), "import", "--quiet", str(change)], check=True)
    assert [hit["id"] for hit in db.search("Newco Holdings")] == ["newco"]
    assert {p["partner"]["id"] for p in db.partners("newco")["partners"]} == {"kanagawa", "vn-moh"}
    assert db.path("newco", "vn-moh")["paths"][0]["nodes"] == ["newco", "vn-moh"]
    assert db.query("MATCH (:company {id: 'newco'})-[r]-() RETURN count(r) AS n") == [{"n": 2}]
    graph = db.to_networkx()
    assert graph.number_of_edges() == graph_before.number_of_edges() + 2 and graph.has_node("newco")


def test_errors_in_parallel_threads_carry_their_own_candidates(db):
    results = {}

    def worker(name):
        try:
            db.partners(name)
            results[name] = None
        except kizuna.EntityError as error:
            results[name] = (type(error).__name__, tuple(error.candidates))

    names = ["Atlantis", "Ministry of Health"] * 4
    threads = [threading.Thread(target=worker, args=(name,)) for name in names]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert results["Atlantis"][0] == "UnknownEntity" and results["Ministry of Health"][0] == "AmbiguousEntity"
    assert "vn-moh" in results["Ministry of Health"][1]


def test_to_networkx_is_one_state_while_another_process_writes(scratch, tmp_path):
    """Each import adds an entity and a relation to it in one transaction; every graph read meanwhile
    has each edge's ends among its entities (a bare node would be an edge read after its entity was
    missed) and as many new entities as new relations."""
    db = kizuna.connect(scratch)
    base = db.to_networkx()
    files = []
    for n in range(5):
        path = tmp_path / f"new-{n}.jsonl"
        path.write_text(json.dumps({"entity": {"id": f"new-{n}", "kind": "company", "names": {"en": f"New {n}"}}})
                        + "\n" + json.dumps({"relation": {"id": f"new-{n}-mou", "type": "mou", "from": f"new-{n}",
                                                          "to": "vn-moh", "start": "2025"}}) + "\n",
                        encoding="utf-8")
        files.append(path)
    problems, done = [], threading.Event()

    def read():
        while not done.is_set():
            graph = db.to_networkx()
            if any("kind" not in data for _, data in graph.nodes(data=True)):
                problems.append("an edge to an entity the graph does not hold")
            if graph.number_of_nodes() - base.number_of_nodes() != graph.number_of_edges() - base.number_of_edges():
                problems.append(f"{graph.number_of_nodes()} nodes, {graph.number_of_edges()} edges")

    reader = threading.Thread(target=read)
    reader.start()
    try:
        for path in files:
            subprocess.run([BINARY, "--db", str(scratch), "import", "--quiet", str(path)], check=True)
    finally:
        done.set()
        reader.join()
    assert problems == []
    assert db.to_networkx().number_of_nodes() == base.number_of_nodes() + 5
