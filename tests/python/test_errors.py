"""Errors as Python exception classes, with what they carry; the command line's exit code for each."""
import pytest

import kizuna


def test_unknown_entity_has_candidates(db, curated_path):
    with pytest.raises(kizuna.UnknownEntity) as error:
        db.partners("Ministry of Healt")
    assert error.value.candidates, "no candidates"
    assert "vn-moh" in error.value.candidates or "mhlw" in error.value.candidates
    assert isinstance(error.value, kizuna.UsageError) and isinstance(error.value, LookupError)
    assert error.value.exit_code == 2


def test_usage_errors_name_the_setting(db):
    with pytest.raises(kizuna.UsageError, match="as_of: '20x' is not a date"):
        db.partners("vn-moh", as_of="20x")
    with pytest.raises(kizuna.UsageError, match="as_of"):
        db.ego("vn-moh", as_of="2020", since="2019")
    with pytest.raises(kizuna.UsageError, match="undated"):
        db.partners("vn-moh", undated="include")
    with pytest.raises(kizuna.UsageError, match="radius"):
        db.ego("vn-moh", radius=51)
    with pytest.raises(kizuna.UsageError, match="exclude each other"):
        db.path("kanagawa", "mhlw", all=True, k=2)
    with pytest.raises(TypeError):
        db.partners("vn-moh", as_at="2020")  # a misspelt option is refused, not ignored


def test_query_errors(db):
    with pytest.raises(kizuna.UsageError, match=r"\^"):  # a caret under the place
        db.query("MATCH (n RETURN n")
    with pytest.raises(kizuna.LimitReached, match="1"):
        db.query("MATCH (n) RETURN n.id", max_rows=1)
    with pytest.raises(kizuna.DatabaseError, match="read-only"):
        db.query("CREATE (n:company {id: 'x-co', name_en: 'X'})")
    with pytest.raises(TypeError):
        db.query("RETURN $x", x=object())


def test_missing_database(tmp_path):
    with pytest.raises(kizuna.DatabaseError, match="no database") as error:
        kizuna.connect(tmp_path / "none.db")
    assert error.value.exit_code == 4


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
