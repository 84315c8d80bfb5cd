"""What the reliability scripts share: their arguments and fresh work folder, generated graphs, running a
command, and failing the test with a message."""
import argparse
import random
import shutil
import subprocess
import sys
from pathlib import Path


def run(command, **kwargs):
    """Runs a command (any values, turned into text) and captures what it prints."""
    return subprocess.run([str(c) for c in command], capture_output=True, text=True, **kwargs)


def fail(message):
    print(f"FAILED: {message}", file=sys.stderr)
    sys.exit(1)


def setup(seed, **options):
    """Parses KIZUNA BENCH WORK and the script's own integer options (name=default), seeds the random
    numbers and empties WORK. Returns the arguments, with work as a Path."""
    parser = argparse.ArgumentParser()
    for name in ("kizuna", "bench", "work"):
        parser.add_argument(name)
    for name, default in options.items():
        parser.add_argument(f"--{name}", type=int, default=default)
    parser.add_argument("--seed", type=int, default=seed)
    args = parser.parse_args()
    random.seed(args.seed)
    args.work = Path(args.work)
    shutil.rmtree(args.work, ignore_errors=True)
    args.work.mkdir(parents=True)
    return args


def generate(bench, relations, seed, folder):
    """A generated graph of that many relations in folder (kizuna-bench generate); fails the test if not."""
    result = run([bench, "generate", "--relations", relations, "--seed", seed, "--dir", folder])
    if result.returncode != 0:
        fail(result.stderr)
