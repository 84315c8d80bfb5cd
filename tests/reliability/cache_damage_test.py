"""Damaged graph caches (issue 27): a generated graph is imported (which writes its cache), then for random
bytes anywhere in the cache file one bit is flipped and the file's times are put back, as bit rot, a bad
sector or a restore that sets times would leave it. `partners`, `stats` and `path` must each exit 0 with
exactly the answer of the sound cache (which must equal the answer built from the database): the damage
found before it is used, the graph rebuilt from the database. A crash, another exit or another answer
fails the test.

Usage: cache_damage_test.py KIZUNA BENCH WORK [--relations N] [--flips N] [--seed N]
"""
import os
import random
from pathlib import Path

from harness import fail, generate, run, setup


def main():
    args = setup(20261202, relations=100000, flips=40)
    work = args.work
    generate(args.bench, args.relations, 27, work / "gen")
    db = work / "g.db"
    cache = Path(f"{db}-graph")
    run([args.kizuna, "--db", db, "init"])
    result = run([args.kizuna, "--db", db, "import", "-q", work / "gen" / "data"])
    if result.returncode != 0:
        fail(f"import: {result.stderr}")

    # A hub (the entity of most relations in the first pairs) and two pairs' ends.
    pairs = (work / "gen" / "pairs.csv").read_text().split("\n")[1:]
    pairs = [line.split(",") for line in pairs if line.strip()][:2]
    commands = {
        "partners": ["partners", pairs[0][0]],
        "stats": ["stats"],
        "path": ["path", pairs[1][0], pairs[1][1]],
    }

    def answer(name):
        return run([args.kizuna, "--db", db, "--format", "json"] + commands[name])

    # The answers built from the database, then from the sound cache: the same.
    cache.unlink(missing_ok=True)
    built = {name: answer(name) for name in commands}
    for name, result in built.items():
        if result.returncode != 0:
            fail(f"{name} without a cache: exit {result.returncode}: {result.stderr}")
    if not cache.exists():
        fail("no graph cache was written")
    sound = cache.read_bytes()
    times = os.stat(cache)
    for name in commands:
        if answer(name).stdout != built[name].stdout:
            fail(f"{name}: the sound cache answers differently from the database")

    size = len(sound)
    damaged_runs = rewritten = 0
    for flip in range(args.flips):
        offset = random.randrange(size)
        bit = random.randrange(8)
        damaged = bytearray(sound)
        damaged[offset] ^= 1 << bit
        for name in commands:
            # The damage before each command (the one before may have rewritten the file).
            cache.write_bytes(damaged)
            os.utime(cache, ns=(times.st_atime_ns, times.st_mtime_ns))
            result = answer(name)
            damaged_runs += 1
            where = f"flip {flip}: bit {bit} of byte {offset} of {size}, {name}"
            if result.returncode < 0:
                fail(f"{where}: killed by signal {-result.returncode}: {result.stderr}")
            if result.returncode != 0:
                fail(f"{where}: exit {result.returncode}: {result.stderr}")
            if result.stdout != built[name].stdout:
                fail(f"{where}: a different answer")
            if cache.read_bytes() == sound:
                rewritten += 1
    print(f"{args.flips} flips, {damaged_runs} answers from damaged caches: all exact, no crash "
          f"({rewritten} times the damage was read, the graph rebuilt and the file rewritten)")


if __name__ == "__main__":
    main()
