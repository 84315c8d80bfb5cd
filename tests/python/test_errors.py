"""Errors as Python exception classes chosen by the application layer's kind of error, with what they
carry; the command line's exit code for each."""
import pytest

import kizuna
from conftest import run_cli


def test_unknown_entity_has_the_closest_names_as_candidates(db, curated_path):
    with pytest.raises(kizuna.UnknownEntity) as error:
        db.partners("Ministry of Heath Vietnam")
    assert error.value.candidates, "no candidates"
    assert "vn-moh" in error.value.candidates
    assert isinstance(error.value, kizuna.EntityError) and isinstance(error.value, LookupError)
    assert isinstance(error.value, kizuna.UsageError) and not isinstance(error.value, kizuna.AmbiguousEntity)
    assert error.value.exit_code == 2
    # The command line says the same, with the same exit code.
    cli = run_cli(curated_path, "partners", "Ministry of Heath Vietnam", check=False)
    assert cli.returncode == 2 and str(error.value) in cli.stderr


def test_ambiguous_entity_has_the_entities_as_candidates(db, curated_path):
    with pytest.raises(kizuna.AmbiguousEntity) as error:
        db.show("Ministry of Health")
    assert {"vn-moh", "mhlw"} <= set(error.value.candidates), error.value.candidates
    assert isinstance(error.value, kizuna.EntityError) and not isinstance(error.value, kizuna.UnknownEntity)
    assert error.value.exit_code == 2
    cli = run_cli(curated_path, "show", "Ministry of Health", check=False)
    assert cli.returncode == 2 and str(error.value) in cli.stderr
    # Each candidate chooses one.
    assert db.show(error.value.candidates[0])["entity"]["id"] == error.value.candidates[0]


def test_usage_errors_name_the_setting(db):
    with pytest.raises(kizuna.UsageError, match="as_of: '20x' is not a date"):
        db.partners("vn-moh", as_of="20x")
    with pytest.raises(kizuna.UsageError, match="as_of"):
        db.ego("vn-moh", as_of="2020", since="2019")
    with pytest.raises(kizuna.UsageError, match="undated"):
        db.partners("vn-moh", undated="include")
    with pytest.raises(kizuna.UsageError, match="radius: '51' is not a whole number from 0 to 50"):
        db.ego("vn-moh", radius=51)
    with pytest.raises(kizuna.UsageError, match="all excludes k"):
        db.path("kanagawa", "mhlw", all=True, k=2)
    with pytest.raises(kizuna.UsageError, match="cap applies to all and simple"):
        db.path("kanagawa", "mhlw", cap=3)
    with pytest.raises(kizuna.UsageError, match="sources needs betweenness"):
        db.stats(sources=5)
    with pytest.raises(kizuna.UsageError, match="category needs relations"):
        db.list(category="ownership")
    with pytest.raises(TypeError):
        db.partners("vn-moh", as_at="2020")  # a misspelt option is refused, not ignored


def test_query_errors(db):
    with pytest.raises(kizuna.UsageError, match=r"\^"):  # a caret under the place
        db.query("MATCH (n RETURN n")
    with pytest.raises(kizuna.LimitReached, match="max_rows") as limit:
        db.query("MATCH (n) RETURN n.id", max_rows=1)
    assert limit.value.exit_code == 2
    with pytest.raises(kizuna.UsageError, match="read-only"):
        db.query("CREATE (n:company {id: 'x-co', name_en: 'X'})")
    with pytest.raises(TypeError):
        db.query("RETURN $x", x=object())


def test_writes_on_a_read_only_connection_are_refused(curated_path, tmp_path):
    db = kizuna.connect(curated_path)
    extra = tmp_path / "extra.jsonl"
    extra.write_text('{"relation": {"id": "x", "type": "mou", "from": "kanagawa", "to": "mhlw"}}\n',
                     encoding="utf-8")
    with pytest.raises(kizuna.UsageError, match="read-only"):
        db.import_files(extra)


def test_missing_database(tmp_path):
    with pytest.raises(kizuna.DatabaseError, match="no database") as error:
        kizuna.connect(tmp_path / "none.db")
    assert error.value.exit_code == 4
    not_a_database = tmp_path / "text.db"
    not_a_database.write_text("not SQLite\n" * 100, encoding="utf-8")
    with pytest.raises(kizuna.DatabaseError):
        kizuna.connect(not_a_database)


def test_invalid_import_has_problems_and_writes_nothing(scratch, tmp_path):
    db = kizuna.connect(scratch, writable=True)
    before = db.stats()["relations"]
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"relation": {"id": "r1", "type": "mou", "from": "vn-moh", "to": "nowhere", "start": "2020"}}\n'
                   '{"relation": {"id": "r2", "type": "mou", "from": "vn-moh", "to": "mhlw", "start": "2020-13"}}\n',
                   encoding="utf-8")
    with pytest.raises(kizuna.InvalidData) as error:
        db.import_files(bad)
    assert len(error.value.problems) == 2 and error.value.total == 2
    assert all(problem.startswith(str(bad) + ":") for problem in error.value.problems), error.value.problems
    assert error.value.exit_code == 3
    assert db.stats()["relations"] == before
    # The command line lists the same problems.
    cli = run_cli(scratch, "import", str(bad), check=False)
    assert cli.returncode == 3 and all(problem in cli.stderr for problem in error.value.problems)
