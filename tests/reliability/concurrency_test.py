#!/usr/bin/env python3
"""Concurrency test: read commands racing imports in other processes, some of them stopped (SIGSTOP)
mid-answer while an import commits, then continued. Every answer must come from one state of the data:
the same as a fresh command gives before the import or after it, never a mix.

    concurrency_test.py KIZUNA KIZUNA_BENCH WORK [--rounds N]
"""
import json
import random
import signal
import subprocess
import time
from pathlib import Path

from harness import fail, generate, run, setup


def main():
    args = setup(7, rounds=6)
    work = args.work
    # Two graphs over the same entity ids whose relation ids are the same with other ends: an import of
    # the second rewrites the relations of the first.
    for name, seed in (("a", 1), ("b", 2)):
        generate(args.bench, 100000, seed, work / name)
    db = work / "k.db"
    run([args.kizuna, "--db", db, "init"])
    run([args.kizuna, "--db", db, "import", "-q", work / "a" / "data"])
    entity = "org-0000063"
    question = [args.kizuna, "--db", db, "--format", "json", "partners", entity]

    def answer_now():
        result = run(question)
        if result.returncode != 0:
            fail(f"partners exited {result.returncode}: {result.stderr}")
        return json.loads(result.stdout)

    states = {json.dumps(answer_now(), sort_keys=True)}
    checked = 0
    for round_number in range(args.rounds):
        source = work / ("b" if round_number % 2 == 0 else "a") / "data"
        # Without a graph cache, each reader builds the graph first: a longer window to be stopped in
        # between the graph and the rows it then reads.
        Path(f"{db}-graph").unlink(missing_ok=True)
        # A writing connection that closes last merges the write-ahead log into the file. (A reader
        # stopped while it rebuilds the log's index from a large log, which read-only readers left, holds
        # a lock that writers wait for: that wait is SQLite's, and not what this test is about.)
        run([args.kizuna, "--db", db, "init"])
        readers = []
        # Readers stopped mid-answer while the import commits, and readers left running alongside it.
        for index in range(4):
            out = open(work / f"r{round_number}-{index}.json", "w")
            process = subprocess.Popen([str(c) for c in question], stdout=out, stderr=subprocess.PIPE)
            readers.append((process, out, index < 2))
            time.sleep(random.uniform(0.01, 0.15))
            if index < 2 and process.poll() is None:
                process.send_signal(signal.SIGSTOP)
        imported = run([args.kizuna, "--db", db, "import", "-q", source])
        if imported.returncode != 0:
            fail(f"import exited {imported.returncode}: {imported.stderr}")
        states.add(json.dumps(answer_now(), sort_keys=True))
        for process, out, stopped in readers:
            if stopped:
                process.send_signal(signal.SIGCONT)
            _, err = process.communicate()
            out.close()
            if process.returncode != 0:
                fail(f"a racing reader exited {process.returncode}: {err.decode()}")
            text = Path(out.name).read_text()
            given = json.loads(text)
            for row in given["partners"]:
                relation = row["relation"]
                if entity not in (relation["from"], relation["to"]):
                    fail(f"round {round_number}: relation {relation['id']} does not involve {entity}")
            if json.dumps(given, sort_keys=True) not in states:
                fail(f"round {round_number}: an answer that is neither the state before nor after an import")
            checked += 1
    print(f"{checked} answers racing {args.rounds} imports, {args.rounds * 2} of them stopped mid-answer: "
          f"each one state of the data")


if __name__ == "__main__":
    main()
