"""Kizuna: an embedded graph database of collaboration relationships between organisations.

    import kizuna
    db = kizuna.connect("kizuna.db")
    db.partners("vn-moh", type=["mou"], as_of="2020")["partners"]

Each method is a command of the ``kizuna`` program, with keyword arguments named like its options
(``--as-of`` is ``as_of``, ``--type`` is ``type``: a string or a list) and returning the same structure
as its ``--format json`` output (dicts and lists). ``query`` runs Kizuna's Cypher-compatible language.
Errors are the classes below (``UnknownEntity`` with ``.candidates``, ``InvalidData`` with
``.problems``). Every answer is read from one state of the data; the next call sees what other
processes committed. A Database may be used from several threads: the GIL is released while Kizuna
answers. See docs/python.md.
"""
import json as _json
import os as _os

from . import _kizuna
from ._answers import Rows
from ._errors import DatabaseError, Error, InvalidData, LimitReached, UnknownEntity, UsageError
from ._graph import to_networkx as _to_networkx

__version__ = _kizuna.__version__
__all__ = ["connect", "create", "Database", "Rows", "Error", "UsageError", "UnknownEntity", "LimitReached",
           "InvalidData", "DatabaseError", "__version__"]


def _listed(value):
    """A repeatable option: one string or a list of them."""
    if value is None:
        return None
    if isinstance(value, (str, bytes)):
        return [value]
    return [str(item) for item in value]


def _date(value):
    return None if value is None else str(value)


def _filter(type=None, exclude_type=None, as_of=None, since=None, until=None, undated=None, directed=False,
            include_evidence=False):
    if undated is not None and undated not in ("separate", "include", "exclude"):
        raise UsageError(f"undated: {undated!r} is not separate, include or exclude")
    return {"type": _listed(type), "exclude_type": _listed(exclude_type), "as_of": _date(as_of),
            "since": _date(since), "until": _date(until), "undated": undated, "directed": bool(directed),
            "include_evidence": bool(include_evidence)}


class Database:
    """A Kizuna database file, opened read-only or writable (``kizuna.connect``)."""

    def __init__(self, engine):
        self._db = engine

    def __repr__(self):
        mode = "writable" if self._db.writable else "read-only"
        return f"<kizuna.Database {self._db.filename!r} ({mode})>"

    @property
    def filename(self):
        """The database file (``path`` is the command)."""
        return self._db.filename

    def search(self, text, *, limit=20):
        """Entities whose id, any name or alias (any language), or attribute contains ``text``: a list of
        entities, each with ``matched`` ({"field", "text"})."""
        return _json.loads(self._db.search(str(text), {"limit": limit}))

    def show(self, entity):
        """An entity with every name, attribute, source and relation ({"entity", "relations"}); or, for
        a relation id, {"relation"}."""
        return _json.loads(self._db.show(str(entity)))

    def partners(self, entity, *, country=None, kind=None, incoming=False, type=None, exclude_type=None,
                 as_of=None, since=None, until=None, undated=None, directed=False):
        """Direct partners of an entity with the relations and sources: {"entity", "partners",
        "date_unknown", "left_out"}. ``country`` and ``kind`` keep partners of those; ``incoming`` only
        relations pointing at the entity (symmetric ones stay)."""
        options = _filter(type, exclude_type, as_of, since, until, undated, directed)
        options.update(country=_listed(country), kind=_listed(kind), incoming=bool(incoming))
        return _json.loads(self._db.partners(str(entity), options))

    def path(self, source, target, *, all=False, k=None, max_hops=None, simple=False, cap=None, type=None,
             exclude_type=None, as_of=None, since=None, until=None, undated=None, directed=False,
             include_evidence=False):
        """How two entities are connected: {"from", "to", "paths", "entities", "left_out", ...}; no
        connection is an empty "paths". ``all``: every shortest path (up to ``cap``); ``k``: the k
        shortest loopless; ``simple``: every loopless path within ``max_hops``."""
        if sum(1 for chosen in (all, k is not None, simple) if chosen) > 1:
            raise UsageError("all, k and simple exclude each other")
        if cap is not None and not (all or simple):
            raise UsageError("cap applies to all and simple (the others list one path, or k)")
        options = _filter(type, exclude_type, as_of, since, until, undated, directed, include_evidence)
        options.update(all=bool(all), k=k, max_hops=max_hops, simple=bool(simple), cap=cap)
        return _json.loads(self._db.path(str(source), str(target), options))

    def common(self, a, b, *, type=None, exclude_type=None, as_of=None, since=None, until=None, undated=None,
               include_evidence=False):
        """Entities both ``a`` and ``b`` are related to, with the relations on each side."""
        options = _filter(type, exclude_type, as_of, since, until, undated, False, include_evidence)
        return _json.loads(self._db.common(str(a), str(b), options))

    def ego(self, entity, *, radius=1, type=None, exclude_type=None, as_of=None, since=None, until=None,
            undated=None, directed=False, include_evidence=False):
        """The neighbourhood within ``radius`` hops: {"centre", "radius", "entities", "relations",
        "left_out"}."""
        options = _filter(type, exclude_type, as_of, since, until, undated, directed, include_evidence)
        options.update(radius=radius)
        return _json.loads(self._db.ego(str(entity), options))

    def timeline(self, entity=None, *, type=None, exclude_type=None, as_of=None, since=None, until=None,
                 undated=None):
        """An entity's relations in date order; without an entity, what started or ended between
        ``since`` and ``until`` across the graph."""
        options = _filter(type, exclude_type, as_of, since, until, undated)
        return _json.loads(self._db.timeline("" if entity is None else str(entity), options))

    def stats(self, *, top=10, betweenness=False, sources=None, type=None, exclude_type=None, as_of=None,
              since=None, until=None, undated=None, include_evidence=False):
        """Counts by kind, country and type, components, the most connected entities (and by
        betweenness, exact or from ``sources`` sampled sources)."""
        options = _filter(type, exclude_type, as_of, since, until, undated, False, include_evidence)
        options.update(top=top, betweenness=bool(betweenness), sources=sources or 0)
        return _json.loads(self._db.stats(options))

    def list(self, *, kind=None, country=None, where=None, relations=False, category=None, kind_from=None,
             country_from=None, where_from=None, kind_to=None, country_to=None, where_to=None, type=None,
             exclude_type=None, as_of=None, since=None, until=None, undated=None):
        """Entities by ``kind``, ``country`` and ``where`` conditions ("city=Hanoi", "~ME-BYO"): {"entities"};
        or with ``relations=True`` relations by type, ``category``, dates and their ends' conditions
        (``kind_from``, ``country_to`` ...): {"relations", "date_unknown", "left_out"}."""
        options = _filter(type, exclude_type, as_of, since, until, undated)
        options.update(relations=bool(relations), category=_listed(category))
        for name, value in (("kind", kind), ("country", country), ("where", where), ("kind_from", kind_from),
                            ("country_from", country_from), ("where_from", where_from), ("kind_to", kind_to),
                            ("country_to", country_to), ("where_to", where_to)):
            options[name] = _listed(value)
        return _json.loads(self._db.list(options))

    def query(self, cypher, *, timeout_ms=60000, max_rows=1000000, lang="en", **params):
        """Runs a query in Kizuna's Cypher-compatible language (docs/cypher.md); ``$name`` is the keyword
        argument ``name``. Returns ``Rows``: a list of dicts by column, with ``.columns`` and
        ``.to_pandas()``. A writing query needs a writable database and commits whole or not at all."""
        options = {"timeout_ms": timeout_ms, "max_rows": max_rows, "lang": lang}
        return Rows(_json.loads(self._db.query(str(cypher), params, options)))

    def import_files(self, *paths, dry_run=False):
        """Loads CSV, JSON Lines or GraphML files (or folders of CSV files) in one transaction: all of them
        or nothing (``InvalidData`` with the problems). Returns {"dry_run", "read", "changed"}."""
        if len(paths) == 1 and not isinstance(paths[0], (str, bytes, _os.PathLike)):
            paths = tuple(paths[0])
        return _json.loads(self._db.import_files([_os.fspath(p) for p in paths], bool(dry_run)))

    def to_networkx(self, as_of=None, include_evidence=False, undated="separate"):
        return _to_networkx(self, as_of=as_of, include_evidence=include_evidence, undated=undated)

    to_networkx.__doc__ = _to_networkx.__doc__


def connect(path="kizuna.db", *, writable=False):
    """Opens the Kizuna database at ``path`` (read-only unless ``writable``). ``DatabaseError`` when there
    is none; ``kizuna.create`` makes a new one."""
    return Database(_kizuna.Database(_os.fspath(path), bool(writable), False))


def create(path):
    """Creates an empty database at ``path`` (or opens the one there), writable."""
    return Database(_kizuna.Database(_os.fspath(path), True, True))
