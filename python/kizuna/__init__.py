"""Kizuna: an embedded graph database of collaboration relationships between organisations.

    import kizuna
    db = kizuna.connect("kizuna.db")
    db.partners("vn-moh", type=["mou"], as_of="2020")["partners"]

Each method is a command of the ``kizuna`` program, with keyword arguments named like its options
(``--as-of`` is ``as_of``, ``--type`` is ``type``: a string or a list) and returning the same structure
as its ``--format json`` output (dicts and lists). ``query`` runs Kizuna's Cypher-compatible language.
Errors are the classes below (``UnknownEntity`` and ``AmbiguousEntity`` with ``.candidates``,
``InvalidData`` with ``.problems``). Every answer is read from one state of the data; the next call
sees what other processes committed. A Database may be used from several threads: the GIL is released while Kizuna
answers. See docs/python.md.
"""
import json as _json
import os as _os

from . import _kizuna
from ._answers import Rows
from ._errors import (AmbiguousEntity, Conflict, DatabaseError, EntityError, Error, InvalidData,
                      LimitReached, UnknownEntity, UsageError)
from ._graph import to_networkx as _to_networkx

__version__ = _kizuna.__version__
__all__ = ["connect", "create", "Database", "Rows", "Error", "UsageError", "EntityError", "UnknownEntity",
           "AmbiguousEntity", "LimitReached", "Conflict", "InvalidData", "DatabaseError", "__version__"]


def _filter(type=None, exclude_type=None, as_of=None, since=None, until=None, undated=None, **walk):
    """The relation filter's settings (directed, include_evidence only where the command takes them)."""
    return dict(type=type, exclude_type=exclude_type, as_of=as_of, since=since, until=until, undated=undated,
                **walk)


class Database:
    """A Kizuna database file, opened read-only or writable (``kizuna.connect``).

    Each method is a command; its keyword arguments are the command's settings, checked by Kizuna's
    application layer exactly as the command line's options and the HTTP API's parameters are.
    """

    def __init__(self, engine):
        self._db = engine

    def __repr__(self):
        mode = "writable" if self._db.writable else "read-only"
        return f"<kizuna.Database {self._db.filename!r} ({mode})>"

    @property
    def filename(self):
        """The database file (``path`` is the command)."""
        return self._db.filename

    def _answer(self, command, **settings):
        # None and False are the defaults: settings not given (as options left out of a command line).
        given = {name: value for name, value in settings.items() if value is not None and value is not False}
        return _json.loads(self._db.answer(command, given))

    def search(self, text, *, limit=20):
        """Entities whose id, any name or alias (any language), or attribute contains ``text``: a list of
        entities, each with ``matched`` ({"field", "text"})."""
        return self._answer("search", text=text, limit=limit)

    def show(self, entity):
        """An entity with every name, attribute, source and relation ({"entity", "relations"}); or, for
        a relation id, {"relation"}."""
        return self._answer("show", entity=entity)

    def partners(self, entity, *, country=None, kind=None, incoming=False, type=None, exclude_type=None,
                 as_of=None, since=None, until=None, undated=None, directed=False):
        """Direct partners of an entity with the relations and sources: {"entity", "partners",
        "date_unknown", "left_out"}. ``country`` and ``kind`` keep partners of those; ``incoming`` only
        relations pointing at the entity (symmetric ones stay)."""
        return self._answer("partners", entity=entity, country=country, kind=kind, incoming=incoming,
                            **_filter(type, exclude_type, as_of, since, until, undated, directed=directed))

    def path(self, source, target, *, all=False, k=None, max_hops=None, simple=False, cap=None,
             in_time_order=False, from_date=None, type=None, exclude_type=None, as_of=None, since=None,
             until=None, undated=None, directed=False, include_evidence=False):
        """How two entities are connected: {"from", "to", "paths", "entities", "left_out", ...}; no
        connection is an empty "paths". ``all``: every shortest path (up to ``cap``); ``k``: the k
        shortest loopless; ``simple``: every loopless path within ``max_hops``; ``in_time_order``: the
        earliest-arrival and fewest-hops connections whose relations follow one another in time (from
        ``from_date``), in "in_time_order"."""
        return self._answer("path", **{"from": source, "to": target}, all=all, k=k, max_hops=max_hops,
                            simple=simple, cap=cap, in_time_order=in_time_order, from_date=from_date,
                            **_filter(type, exclude_type, as_of, since, until, undated, directed=directed,
                                      include_evidence=include_evidence))

    def common(self, a, b, *, type=None, exclude_type=None, as_of=None, since=None, until=None, undated=None,
               include_evidence=False):
        """Entities both ``a`` and ``b`` are related to, with the relations on each side."""
        return self._answer("common", a=a, b=b, **_filter(type, exclude_type, as_of, since, until, undated,
                                                            include_evidence=include_evidence))

    def changes(self, from_date, to_date, *, entity=None, type=None, exclude_type=None, include_evidence=False):
        """What began, ended or changed state between two dates, per category, and how the groups
        changed: {"from", "to", "categories", "undated", "groups", "entities"}."""
        return self._answer("changes", **{"from": from_date, "to": to_date}, entity=entity, type=type,
                            exclude_type=exclude_type, include_evidence=include_evidence)

    def ego(self, entity, *, radius=1, type=None, exclude_type=None, as_of=None, since=None, until=None,
            undated=None, directed=False, include_evidence=False):
        """The neighbourhood within ``radius`` hops: {"centre", "radius", "entities", "relations",
        "left_out"}."""
        return self._answer("ego", entity=entity, radius=radius,
                            **_filter(type, exclude_type, as_of, since, until, undated, directed=directed,
                                      include_evidence=include_evidence))

    def timeline(self, entity=None, *, type=None, exclude_type=None, as_of=None, since=None, until=None,
                 undated=None):
        """An entity's relations in date order; without an entity, what started or ended between
        ``since`` and ``until`` across the graph."""
        return self._answer("timeline", entity=entity,
                            **_filter(type, exclude_type, as_of, since, until, undated))

    def stats(self, *, top=10, betweenness=False, sources=None, type=None, exclude_type=None, as_of=None,
              since=None, until=None, undated=None, include_evidence=False):
        """Counts by kind, country and type, components, the most connected entities (and by
        betweenness, exact or from ``sources`` sampled sources)."""
        return self._answer("stats", top=top, betweenness=betweenness, sources=sources,
                            **_filter(type, exclude_type, as_of, since, until, undated,
                                      include_evidence=include_evidence))

    def communities(self, *, algorithm="leiden", resolution=1.0, seed=1, by_year=None, timeout=None, type=None,
                    exclude_type=None, as_of=None, since=None, until=None, undated=None, include_evidence=False):
        """Groups of organisations that work more with one another than with the rest (igraph's Leiden or
        Louvain, modularity): {"algorithm", "resolution", "seed", "modularity", "entities", "relations",
        "communities": [{"community", "size", "relations", "members"}], "left_out"}; with
        ``by_year="2013..2024"`` each year's groups and their births, deaths, merges and splits
        ({"years", "events", "entities", ...}); ``timeout`` (milliseconds, default 600000): no year's groups
        begun past it."""
        return self._answer("communities", algorithm=algorithm, resolution=resolution, seed=seed,
                            by_year=by_year, timeout=timeout,
                            **_filter(type, exclude_type, as_of, since, until, undated,
                                      include_evidence=include_evidence))

    def list(self, *, kind=None, country=None, where=None, relations=False, category=None, kind_from=None,
             country_from=None, where_from=None, kind_to=None, country_to=None, where_to=None, type=None,
             exclude_type=None, as_of=None, since=None, until=None, undated=None):
        """Entities by ``kind``, ``country`` and ``where`` conditions ("city=Hanoi", "~ME-BYO"): {"entities"};
        or with ``relations=True`` relations by type, ``category``, dates and their ends' conditions
        (``kind_from``, ``country_to`` ...): {"relations", "date_unknown", "left_out"}."""
        return self._answer("list", kind=kind, country=country, where=where, relations=relations,
                            category=category, kind_from=kind_from, country_from=country_from,
                            where_from=where_from, kind_to=kind_to, country_to=country_to, where_to=where_to,
                            **_filter(type, exclude_type, as_of, since, until, undated))

    def query(self, cypher, *, timeout_ms=60000, max_rows=1000000, max_memory=1024, lang="en", **params):
        """Runs a query in Kizuna's Cypher-compatible language (docs/cypher.md); ``$name`` is the keyword
        argument ``name``. Returns ``Rows``: a list of dicts by column, with ``.columns`` and
        ``.to_pandas()``. ``timeout_ms`` (the setting ``timeout``), ``max_rows`` and ``max_memory`` (MiB)
        stop it with ``LimitReached``. A writing query needs a writable database and commits whole or not
        at all."""
        settings = {"query": cypher, "timeout": timeout_ms, "max_rows": max_rows, "max_memory": max_memory}
        return Rows(_json.loads(self._db.query(settings, params, str(lang))))

    def import_files(self, *paths, dry_run=False, encoding=None, match=None):
        """Loads CSV, JSON Lines, GraphML or xlsx files (or folders of CSV files) in one transaction: all of
        them or nothing (``InvalidData`` with the problems). ``encoding``: the CSV files' (UTF-8, CP932,
        UTF-16LE/BE, UTF-32LE/BE; default: told by each file, CP932 and UTF-16 detected). Returns
        {"dry_run", "read", "changed"} and "encodings" when a file was not read as UTF-8. ``match="names"``:
        also "proposed_merges", new entities whose names existing ones have (nothing is merged)."""
        if len(paths) == 1 and not isinstance(paths[0], (str, bytes, _os.PathLike)):
            paths = tuple(paths[0])
        return self._answer("import", files=[_os.fspath(p) for p in paths], dry_run=dry_run,
                            encoding=encoding, match=match)

    def duplicates(self, *, kind=None, entity=None, min_score=0.7, limit=100):
        """Pairs of entities that are probably one, best first: {"pairs": [{"a", "b", "score", "reasons"}],
        "entities", "candidates", "left_out"}. ``entity``: only the pairs it is in (docs/duplicates.md)."""
        return self._answer("duplicates", kind=kind, entity=entity, min_score=min_score, limit=limit)

    def merge(self, keep, other, *, dry_run=False, prefer=None):
        """Merges ``other`` into ``keep`` as one change of the history (relations re-pointed, names and
        sources united, ``other``'s id kept as a redirect); ``dry_run``: what it would do, nothing written;
        ``prefer="other"``: the other's values win conflicts. Needs a writable database."""
        return self._answer("merge", keep=keep, other=other, dry_run=dry_run, prefer=prefer)

    def not_duplicates(self, a, b):
        """Records that ``a`` and ``b`` are two entities: ``duplicates`` does not propose them again.
        Needs a writable database."""
        return self._answer("not-duplicates", a=a, b=b)

    def log(self, *, entity=None, since=None, author=None):
        """The history of changes, oldest first: {"changes": [{"seq", "at", "author", "command", ...}]}."""
        return self._answer("log", entity=entity, since=since, author=author)

    def diff(self, changes, *, limit=None):
        """What a change (``7``) or changes (``"3..7"``) did, row by row and field by field: "rows" lists
        the first ``limit`` (default 1,000; 0: none), "rows_total" counts them all."""
        return self._answer("diff", changes=str(changes), limit=limit)

    def undo(self, change, *, dry_run=False, limit=None):
        """Takes a change back as a new change; refused, naming them, when later changes touched the same
        rows. ``dry_run``: what it would do. "rows" lists the first ``limit`` rows it changes (default
        1,000), "rows_total" counts them all. Needs a writable database."""
        return self._answer("undo", change=str(change), dry_run=dry_run, limit=limit)

    def to_networkx(self, as_of=None, include_evidence=False, undated="separate", *, since=None, until=None):
        return _to_networkx(self, as_of=as_of, include_evidence=include_evidence, undated=undated, since=since,
                            until=until)

    to_networkx.__doc__ = _to_networkx.__doc__


def connect(path="kizuna.db", *, writable=False):
    """Opens the Kizuna database at ``path`` (read-only unless ``writable``). ``DatabaseError`` when there
    is none; ``kizuna.create`` makes a new one."""
    return Database(_kizuna.Database(_os.fspath(path), bool(writable), False))


def create(path):
    """Creates an empty database at ``path`` (or opens the one there), writable."""
    return Database(_kizuna.Database(_os.fspath(path), True, True))
