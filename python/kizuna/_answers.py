"""Query rows as a list of dicts that also knows its columns and becomes a pandas DataFrame."""


class Rows(list):
    """The rows of ``Database.query``: a list of dicts (column -> value), nodes and relationships as
    dicts ({"id", "labels", "properties"}, {"id", "type", "start", "end", "properties"}).

    ``columns`` are the query's columns in order; ``writes`` what a writing query changed (else None).
    """

    def __init__(self, answer):
        super().__init__(answer.get("rows", []))
        self.columns = list(answer.get("columns", []))
        self.writes = answer.get("writes")
        self.plan = answer.get("plan")

    def to_pandas(self):
        """The rows as a ``pandas.DataFrame`` with the query's columns (pandas must be installed:
        Debian's python3-pandas)."""
        try:
            import pandas
        except ImportError as missing:
            raise ImportError("to_pandas() needs pandas (apt-get install python3-pandas)") from missing
        return pandas.DataFrame.from_records(list(self), columns=self.columns)
