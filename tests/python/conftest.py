"""Fixtures of the Python module's tests: the curated data in a database made by the command line, and
the command line's --format json answers to compare with. Environment (set by CTest): PYTHONPATH (the
build's python/), KIZUNA_BINARY, KIZUNA_TEST_DATA, KIZUNA_TEST_WORK."""
import json
import os
import shutil
import subprocess

import pytest

BINARY = os.environ["KIZUNA_BINARY"]
DATA = os.environ["KIZUNA_TEST_DATA"]
WORK = os.environ["KIZUNA_TEST_WORK"]


def run_cli(db, *args, check=True):
    result = subprocess.run([BINARY, "--db", str(db), "--lang", "en", *args], capture_output=True, text=True)
    if check and result.returncode != 0:
        raise AssertionError(f"kizuna {' '.join(args)}: exit {result.returncode}: {result.stderr}")
    return result


@pytest.fixture(scope="session")
def curated_path():
    """A database of the curated data (data/), imported by the command line."""
    shutil.rmtree(WORK, ignore_errors=True)
    os.makedirs(WORK)
    db = os.path.join(WORK, "curated.db")
    run_cli(db, "init")
    run_cli(db, "import", "--quiet", DATA)
    return db


@pytest.fixture
def cli(curated_path):
    """cli(*args): the command line's --format json answer on the curated data, parsed."""
    def answer(*args):
        return json.loads(run_cli(curated_path, "--format", "json", *args).stdout)
    return answer


@pytest.fixture
def db(curated_path):
    import kizuna
    return kizuna.connect(curated_path)


@pytest.fixture
def scratch(tmp_path):
    """A new database of the curated data in a test's own folder (for writes)."""
    path = tmp_path / "scratch.db"
    run_cli(path, "init")
    run_cli(path, "import", "--quiet", DATA)
    return path
