"""The database as a NetworkX graph."""
from ._errors import UsageError


def to_networkx(db, as_of=None, include_evidence=False, undated="separate", *, since=None, until=None):
    """Every entity and, as edges keyed by relation id, every relation that passes the filter, in a
    ``networkx.MultiDiGraph`` (Debian's python3-networkx).

    Nodes carry ``name`` (English, else the id), ``names``, ``kind``, ``country``, ``aliases``,
    ``attributes`` and ``sources``; edges ``id``, ``type``, ``category``, ``start``, ``end``,
    ``attributes``, ``sources`` and, under ``as_of`` (or the period ``since``..``until``), ``activity``
    ("active", "possibly_active" or "date_unknown"): the relations active at that date, by the rules of
    ``list(relations=True, as_of=...)``. Evidence relations (a document mentions, authored, publishes)
    are left out unless ``include_evidence``. Under a date, relations without dates are kept marked
    "date_unknown" with ``undated="separate"`` or ``"include"`` and left out with ``"exclude"`` (the
    connection commands walk them only with ``"include"``). Directions are the
    relations' own; symmetric types (mou, partnership ...) are one edge from ``from`` to ``to``.
    """
    try:
        import networkx
    except ImportError as missing:
        raise ImportError("to_networkx() needs networkx (apt-get install python3-networkx)") from missing
    if undated not in ("separate", "include", "exclude"):
        raise UsageError(f"undated: {undated!r} is not separate, include or exclude")
    options = {"relations": True}
    dated = as_of is not None or since is not None or until is not None
    if dated:
        options.update(as_of=as_of, since=since, until=until, undated=undated)
    # Entities and relations are two answers, each of one state of the data. Entities read the same
    # before and after the relations were read held through that read: the graph is that one state.
    entities = db.list()["entities"]
    while True:
        answer = db.list(**options)
        again = db.list()["entities"]
        if again == entities:
            break
        entities = again  # another process wrote meanwhile: read once more
    graph = networkx.MultiDiGraph()
    for entity in entities:
        graph.add_node(entity["id"], name=entity["names"].get("en") or entity["id"], names=entity["names"],
                       kind=entity["kind"], country=entity["country"], aliases=entity["aliases"],
                       attributes=entity["attributes"], sources=entity["sources"])
    for relation in answer["relations"] + answer.get("date_unknown", []):
        if relation["category"] == "evidence" and not include_evidence:
            continue
        attributes = {key: relation[key] for key in ("id", "type", "category", "start", "end", "attributes",
                                                     "sources")}
        if "activity" in relation:
            attributes["activity"] = relation["activity"]
        elif dated:
            attributes["activity"] = "date_unknown"
        graph.add_edge(relation["from"], relation["to"], key=relation["id"], **attributes)
    return graph
