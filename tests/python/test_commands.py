"""Every call of the Python module answers what the command line's --format json answers."""
import pytest

CASES = [
    (lambda db: db.search("保健省"), ["search", "保健省"]),
    (lambda db: db.search("Bo Y te", limit=2), ["search", "Bo Y te", "--limit", "2"]),
    (lambda db: db.show("vn-moh"), ["show", "vn-moh"]),
    (lambda db: db.show("kanagawa-vn-moh-mou-2024"), ["show", "kanagawa-vn-moh-mou-2024"]),
    (lambda db: db.partners("vn-moh", as_of="2020"), ["partners", "vn-moh", "--as-of", "2020"]),
    (lambda db: db.partners("vn-moh", type=["mou"], as_of=2020, undated="include"),
     ["partners", "vn-moh", "--type", "mou", "--as-of", "2020", "--undated", "include"]),
    (lambda db: db.partners("Ha Tay", incoming=True, type="acquisition", country="jp"),
     ["partners", "Ha Tay", "--incoming", "--type", "acquisition", "--country", "jp"]),
    (lambda db: db.path("Kanagawa", "MHLW", all=True), ["path", "Kanagawa", "MHLW", "--all"]),
    (lambda db: db.path("kanagawa", "mhlw", k=3, directed=True), ["path", "kanagawa", "mhlw", "--k", "3", "--directed"]),
    (lambda db: db.path("kanagawa", "Hau Giang"), ["path", "kanagawa", "Hau Giang"]),
    (lambda db: db.path("kanagawa", "mhlw", simple=True, max_hops=3, include_evidence=True),
     ["path", "kanagawa", "mhlw", "--simple", "--max-hops", "3", "--include-evidence"]),
    (lambda db: db.common("kanagawa", "mhlw"), ["common", "kanagawa", "mhlw"]),
    (lambda db: db.ego("vn-moh", radius=2), ["ego", "vn-moh", "--radius", "2"]),
    (lambda db: db.ego("vn-moh", include_evidence=True, exclude_type=["part_of"]),
     ["ego", "vn-moh", "--include-evidence", "--exclude-type", "part_of"]),
    (lambda db: db.timeline("vn-moh"), ["timeline", "vn-moh"]),
    (lambda db: db.timeline(since="2019"), ["timeline", "--since", "2019"]),
    (lambda db: db.timeline(since="2014", until="2020", type="acquisition"),
     ["timeline", "--since", "2014", "--until", "2020", "--type", "acquisition"]),
    (lambda db: db.stats(), ["stats"]),
    (lambda db: db.stats(top=3, betweenness=True), ["stats", "--top", "3", "--betweenness"]),
    (lambda db: db.communities(), ["communities"]),
    (lambda db: db.communities(algorithm="louvain", resolution=2.0, seed=7, as_of="2020"),
     ["communities", "--algorithm", "louvain", "--resolution", "2.0", "--seed", "7", "--as-of", "2020"]),
    (lambda db: db.communities(by_year="2018..2020"), ["communities", "--by-year", "2018..2020"]),
    (lambda db: db.list(country="JP", kind="company"), ["list", "--country", "JP", "--kind", "company"]),
    (lambda db: db.list(where="~ME-BYO"), ["list", "--where", "~ME-BYO"]),
    (lambda db: db.list(relations=True, category="ownership", country_from="JP", country_to="VN"),
     ["list", "--relations", "--category", "ownership", "--country-from", "JP", "--country-to", "VN"]),
    (lambda db: db.list(relations=True, as_of="2020"), ["list", "--relations", "--as-of", "2020"]),
]


@pytest.mark.parametrize("call, args", CASES, ids=[" ".join(args) for _, args in CASES])
def test_call_equals_the_command_lines_json(db, cli, call, args):
    assert call(db) == cli(*args)


def test_query_rows_are_the_command_lines_rows_with_parameters(db, cli):
    text = "MATCH (a {id: $id})-[r]-(b) WHERE r.start >= $since RETURN b.id AS partner, type(r) AS type ORDER BY partner"
    rows = db.query(text, id="vn-moh", since="2014")
    expected = cli("query", text, "--param", "id=vn-moh", "--param", 'since="2014"')  # JSON text: a string
    assert rows == expected["rows"]
    assert rows.columns == ["partner", "type"] == expected["columns"]
    assert len(rows) > 0


def test_query_parameters_of_every_kind(db):
    row = db.query("RETURN $n AS n, $f AS f, $b AS b, $s AS s, $l AS l, $m AS m, $z AS z",
                   n=42, f=1.5, b=True, s="保健省", l=[1, "a"], m={"k": [None]}, z=None)[0]
    assert row == {"n": 42, "f": 1.5, "b": True, "s": "保健省", "l": [1, "a"], "m": {"k": [None]}, "z": None}


def test_to_pandas(db):
    frame = db.query("MATCH (n:ministry) RETURN n.id AS id, n.country AS country ORDER BY id").to_pandas()
    assert list(frame.columns) == ["id", "country"]
    assert frame["id"].tolist() == sorted(frame["id"].tolist())
    assert "vn-moh" in frame["id"].tolist()


def test_docstrings(db):
    import kizuna
    for name in ("search", "show", "partners", "path", "common", "ego", "timeline", "stats", "communities", "list",
                 "query", "import_files", "to_networkx"):
        assert getattr(kizuna.Database, name).__doc__, name
    assert kizuna.connect.__doc__ and kizuna.__doc__ and kizuna.UnknownEntity.__doc__


def test_import_reads_cp932_and_utf16_as_the_command_line_does(scratch, tmp_path, cli):
    """import_files(encoding=...) is `kizuna import --encoding`; without it the encoding is detected."""
    import kizuna
    from conftest import run_cli
    import json
    folder = tmp_path / "excel"
    folder.mkdir()
    (folder / "entities.csv").write_bytes("id,kind,country,name_en,name_ja\nx-shoji,company,JP,X Shoji,エックス商事\n"
                                          .encode("cp932"))
    (folder / "relations.csv").write_bytes("id,type,from,to,start\nx-mou,mou,x-shoji,vn-moh,2021\n"
                                           .encode("utf-16"))
    db = kizuna.connect(scratch, writable=True)
    for encoding in (None, "cp932"):
        files = [folder / "entities.csv"] if encoding else [folder]
        args = [str(f) for f in files] + (["--encoding", encoding] if encoding else [])
        expected = json.loads(run_cli(scratch, "--format", "json", "import", "--dry-run", *args).stdout)
        got = db.import_files(*files, dry_run=True, encoding=encoding)
        assert got == expected
        assert {e["encoding"] for e in got["encodings"]} >= {"CP932"}, got
    written = db.import_files(folder)
    assert written["changed"]["entities"] == 1 and written["changed"]["relations"] == 1
    assert db.show("エックス商事")["entity"]["id"] == "x-shoji"


def test_each_method_takes_the_settings_its_request_describes():
    """The keyword arguments are the application layer's settings of the command, no more, no fewer:
    the positional ones (an entity, from and to) as arguments, the rest as keywords."""
    import inspect

    import kizuna
    from kizuna import _kizuna
    positional = {"search": ["text"], "show": ["entity"], "partners": ["entity"], "path": ["from", "to"],
                  "common": ["a", "b"], "ego": ["entity"], "timeline": ["entity"], "stats": [], "communities": [], "list": [],
                  "changes": ["from", "to"], "duplicates": [], "log": [], "diff": ["changes"],
                  "merge": ["keep", "other"], "not_duplicates": ["a", "b"], "undo": ["change"],
                  "import_files": ["files"]}
    for method, arguments in positional.items():
        command = {"import_files": "import", "not_duplicates": "not-duplicates"}.get(method, method)
        parameters = inspect.signature(getattr(kizuna.Database, method)).parameters
        keywords = {name for name, p in parameters.items() if p.kind == p.KEYWORD_ONLY}
        assert keywords == set(_kizuna.settings(command)) - set(arguments), method
        assert len([p for p in parameters.values() if p.kind != p.KEYWORD_ONLY]) == 1 + len(arguments), method
    query = inspect.signature(kizuna.Database.query).parameters
    assert {"max_rows", "max_memory", "timeout_ms"} <= set(query)  # timeout_ms: the setting timeout
    assert set(_kizuna.settings("query")) - {"query", "param"} == {"max_rows", "max_memory", "timeout"}
