#!/usr/bin/env python3
"""Crash test: SIGKILLs imports (into an empty and into a filled database) and first queries (while the
graph cache is written) at random moments, and checks after each kill that the database is intact, holds
exactly the old or the new content, and that the next read command answers correctly.

    crash_test.py KIZUNA KIZUNA_BENCH WORK [--kills N] [--seed S]
"""
import json
import random
import shutil
import signal
import sqlite3
import subprocess
import time
from pathlib import Path

from harness import fail, generate, run, setup


def relation_count(db):
    """The relations an intact database holds, read through Python's own SQLite."""
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as connection:
        check = connection.execute("PRAGMA integrity_check").fetchone()[0]
        if check != "ok":
            fail(f"{db}: integrity_check says {check}")
        return connection.execute("SELECT count(*) FROM relations").fetchone()[0]


def answers(kizuna, db):
    """stats as JSON from a fresh process: its relation count must be the database's."""
    result = run([kizuna, "--db", db, "--format", "json", "stats"])
    if result.returncode != 0:
        fail(f"stats after a kill exited {result.returncode}: {result.stderr}")
    return json.loads(result.stdout)["relations"]


def kill_after(command, delay):
    process = subprocess.Popen([str(c) for c in command], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(delay)
    killed = process.poll() is None
    if killed:
        process.send_signal(signal.SIGKILL)
    process.wait()
    return killed


def main():
    args = setup(20261129, kills=40)
    work = args.work
    for name, size in (("first", 60000), ("second", 30000)):
        generate(args.bench, size, size, work / name)
    first, second = work / "first" / "data", work / "second" / "data"

    # How long a whole import takes, to kill at moments spread over it.
    timing = work / "timing.db"
    run([args.kizuna, "--db", timing, "init"])
    started = time.monotonic()
    run([args.kizuna, "--db", timing, "import", "-q", first])
    import_seconds = time.monotonic() - started
    full = relation_count(timing)

    kills = 0
    for attempt in range(args.kills):
        db = work / f"k{attempt}.db"
        for suffix in ("", "-wal", "-shm", "-journal", "-graph"):
            Path(f"{db}{suffix}").unlink(missing_ok=True)
        run([args.kizuna, "--db", db, "init"])
        kind = attempt % 3
        if kind == 0:  # a first import into an empty database (rollback journal while it fills)
            before, after = 0, full
            killed = kill_after([args.kizuna, "--db", db, "import", "-q", first], random.uniform(0, import_seconds))
        elif kind == 1:  # an import into a filled database (write-ahead log)
            shutil.copy(timing, db)
            before = full
            after = full + 30000
            killed = kill_after([args.kizuna, "--db", db, "import", "-q", second],
                                random.uniform(0, import_seconds / 2))
        else:  # a first query, while it builds the graph and writes its cache
            shutil.copy(timing, db)
            before = after = full
            killed = kill_after([args.kizuna, "--db", db, "path", "org-0000001", "org-0000002"],
                                random.uniform(0, 0.3))
        kills += killed
        # The next command recovers what it can and answers.
        counted = answers(args.kizuna, db)
        stored = relation_count(db)
        if stored not in (before, after):
            fail(f"attempt {attempt}: {stored} relations stored, expected {before} or {after}")
        if counted != stored:
            fail(f"attempt {attempt}: stats says {counted} relations, the database holds {stored}")
        if kind == 2 or (kind == 1 and stored == after):
            # A graph cache written after the kill answers like the database.
            again = answers(args.kizuna, db)
            if again != stored:
                fail(f"attempt {attempt}: from the cache {again} relations, the database holds {stored}")
        leftovers = [p.name for p in work.glob(f"{db.name}-graph.tmp*")]
        if kind != 0 and leftovers:
            fail(f"attempt {attempt}: temporary cache files left behind: {leftovers}")
    print(f"{args.kills} runs, {kills} killed mid-way: every database intact, old or new, and answering")


if __name__ == "__main__":
    main()
