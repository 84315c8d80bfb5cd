"""Kizuna's errors as Python exceptions: one class per kind of error the application layer reports
(usage, unknown or ambiguous entity, invalid data, database, limit), with what each carries."""


class Error(Exception):
    """Any error Kizuna reports. ``exit_code`` is the command line's exit code for it."""

    exit_code = 1


class UsageError(Error, ValueError):
    """A request that cannot be answered as asked: a bad date or option, options that exclude each
    other, a query that does not parse (the message shows where). The message names the setting as the
    keyword argument is named (``as_of``, ``max_hops``)."""

    exit_code = 2


class EntityError(UsageError, LookupError):
    """An entity argument that names no entity or several; ``candidates`` are entity ids."""

    def __init__(self, message, candidates=()):
        super().__init__(message)
        self.candidates = list(candidates)


class UnknownEntity(EntityError):
    """A name that names no entity; ``candidates`` are the ids of the closest names, best first."""


class AmbiguousEntity(EntityError):
    """A name that several entities answer to; ``candidates`` are their ids (pass one instead)."""


class LimitReached(UsageError):
    """A limit (a query's rows, time or memory) stopped the answer; the message names its setting."""


class Conflict(UsageError):
    """A write refused because it would undo what is there: an id that exists already, or a record
    changed since it was read."""


class InvalidData(Error, ValueError):
    """Data Kizuna refuses; ``problems`` as "file:line: message" (the first few of ``total``).
    Nothing was written."""

    exit_code = 3

    def __init__(self, message, details=((), 0)):
        super().__init__(message)
        problems, total = details
        self.problems = list(problems)
        self.total = total or len(self.problems)


class DatabaseError(Error):
    """The database cannot be opened, read or written: missing, locked, damaged, newer, not writable."""

    exit_code = 4
