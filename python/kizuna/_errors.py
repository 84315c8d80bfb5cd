"""Kizuna's errors as Python exceptions: one class per kind, with what each carries."""


class Error(Exception):
    """Any error Kizuna reports. ``exit_code`` is the command line's exit code for it."""

    exit_code = 1


class UsageError(Error, ValueError):
    """A request that cannot be answered as asked: a bad date or option, a query that does not parse."""

    exit_code = 2


class UnknownEntity(UsageError, LookupError):
    """An entity argument that names no entity or several; ``candidates`` are ids to suggest."""

    def __init__(self, message, candidates=()):
        super().__init__(message)
        self.candidates = list(candidates)


class LimitReached(UsageError):
    """A limit (a query's rows or time) stopped the answer; the message names it."""


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
    """The database cannot be opened, read or written: missing, locked, damaged, newer, read-only."""

    exit_code = 4
