"""to_networkx() against NetworkX's own answers and the database's; imports and writing queries."""
import json
import os

import networkx as nx
import pytest

import kizuna

DATA = os.environ["KIZUNA_TEST_DATA"]


def test_to_networkx_holds_every_entity_and_the_walked_relations(db):
    graph = db.to_networkx()
    assert isinstance(graph, nx.MultiDiGraph)
    stats = db.stats()
    assert graph.number_of_nodes() == stats["entities"]
    evidence = {r["id"] for r in db.list(relations=True)["relations"] if r["category"] == "evidence"}
    assert evidence
    assert graph.number_of_edges() == stats["relations"] - len(evidence)
    assert db.to_networkx(include_evidence=True).number_of_edges() == stats["relations"]
    node = graph.nodes["vn-moh"]
    assert node["name"] == "Ministry of Health of Vietnam" and node["kind"] == "ministry" and node["country"] == "VN"
    assert node["names"]["ja"] == "ベトナム保健省" and node["sources"]
    edge = graph.edges["mhlw", "vn-moh", "mhlw-vn-moh-memorandum-2014"]
    assert edge["type"] == "mou" and edge["category"] == "collaboration" and edge["start"] == "2014-03"
    assert edge["sources"]


def test_to_networkx_agrees_with_the_database_on_connections(db):
    """Shortest connection lengths, components and degrees by NetworkX on the exported graph equal
    Kizuna's own path, stats and ego answers."""
    graph = db.to_networkx()
    undirected = nx.MultiGraph(graph)
    ids = sorted(graph.nodes)
    for a in ids[::3]:
        for b in ids[1::4]:
            if a == b:
                continue
            answer = db.path(a, b)
            if nx.has_path(undirected, a, b):
                assert len(answer["paths"][0]["relations"]) == nx.shortest_path_length(undirected, a, b), (a, b)
            else:
                assert answer["paths"] == [], (a, b)
    assert db.stats()["components"] == nx.number_connected_components(undirected)
    for entity in ("vn-moh", "kanagawa", "mhlw"):
        within = {e["id"] for e in db.ego(entity, radius=2)["entities"]}
        assert within == set(nx.single_source_shortest_path_length(undirected, entity, cutoff=2)) - {entity} or \
            within == set(nx.single_source_shortest_path_length(undirected, entity, cutoff=2))


def test_to_networkx_as_of_marks_activity(db):
    graph = db.to_networkx(as_of="2020")
    activities = {data["activity"] for _, _, data in graph.edges(data=True)}
    assert activities <= {"active", "possibly_active", "date_unknown"} and "active" in activities
    excluded = db.to_networkx(as_of="2020", undated="exclude")
    assert all(data["activity"] != "date_unknown" for _, _, data in excluded.edges(data=True))
    assert excluded.number_of_edges() < graph.number_of_edges()


def test_import_files_and_writing_queries(tmp_path):
    db = kizuna.create(tmp_path / "new.db")
    report = db.import_files(DATA)
    assert report["read"]["entities"] == 29 and report["changed"]["relations"] == 38 and not report["dry_run"]
    assert db.import_files([DATA], dry_run=True)["dry_run"]
    rows = db.query("CREATE (n:company {id: 'x-co', name_en: 'X Co', country: 'JP'}) RETURN n.id AS id")
    assert rows == [{"id": "x-co"}] and rows.writes["nodes_created"] == 1
    assert db.show("X Co")["entity"]["id"] == "x-co"


def test_a_read_only_connection_sees_writes_of_another_connection(scratch, tmp_path):
    reader = kizuna.connect(scratch)
    writer = kizuna.connect(scratch, writable=True)
    before = reader.stats()["relations"]
    extra = tmp_path / "extra.jsonl"
    extra.write_text(json.dumps({"relation": {"id": "extra-1", "type": "mou", "from": "kanagawa", "to": "mhlw",
                                              "start": "2025"}}) + "\n", encoding="utf-8")
    writer.import_files(extra)
    assert reader.stats()["relations"] == before + 1
    assert any(p["relation"]["id"] == "extra-1" for p in reader.partners("kanagawa")["partners"])


def test_duplicates_merge_undo_and_judgements(scratch, tmp_path):
    """A second record of Vietnam's MOH is proposed, merged (dry run first), undone from the history; a
    judgement keeps a pair from being proposed again; a read-only connection refuses the writes."""
    reader = kizuna.connect(scratch)
    with pytest.raises(kizuna.UsageError, match="writable=True"):
        reader.merge("vn-moh", "taisho")
    writer = kizuna.connect(scratch, writable=True)
    extra = tmp_path / "dup.jsonl"
    extra.write_text(json.dumps({"entity": {"id": "bo-y-te", "kind": "ministry", "names": {"vi": "Bo Y te"},
                                            "country": "VN", "sources": [{"title": "Press release"}]}}) + "\n",
                     encoding="utf-8")
    writer.import_files(extra)
    pairs = writer.duplicates(entity="bo-y-te")["pairs"]
    assert [(p["a"]["id"], p["b"]["id"]) for p in pairs] == [("bo-y-te", "vn-moh")]
    dry = writer.merge("vn-moh", "bo-y-te", dry_run=True)
    assert dry["dry_run"] and dry["redirect"] == {"from": "bo-y-te", "to": "vn-moh"}
    assert writer.show("bo-y-te")["entity"]["id"] == "bo-y-te"
    merged = writer.merge("vn-moh", "bo-y-te")
    assert merged["change"] > 0 and reader.show("bo-y-te")["entity"]["id"] == "vn-moh"
    log = writer.log()["changes"]
    assert log[-1]["seq"] == merged["change"]
    assert any(row["id"] == "bo-y-te" and row["op"] == "removed" for row in writer.diff(merged["change"])["rows"])
    writer.undo(merged["change"])
    assert reader.show("bo-y-te")["entity"]["id"] == "bo-y-te"
    assert writer.duplicates(entity="taisho", min_score=0.5)["pairs"]
    writer.not_duplicates("taisho", "asuka-pharma")
    assert writer.duplicates(entity="taisho", min_score=0.5)["pairs"] == []
