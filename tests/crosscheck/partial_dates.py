"""Partial dates as the cross-checks read them: a date (YYYY, YYYY-MM or YYYY-MM-DD) is every day it may
be, as PRODUCT.md's Dates rule says."""
import calendar
import datetime


def days(text):
    """The first and last day a partial date may be."""
    parts = [int(p) for p in text.split("-")]
    if len(parts) == 1:
        return datetime.date(parts[0], 1, 1), datetime.date(parts[0], 12, 31)
    if len(parts) == 2:
        last = calendar.monthrange(parts[0], parts[1])[1]
        return datetime.date(parts[0], parts[1], 1), datetime.date(parts[0], parts[1], last)
    day = datetime.date(*parts)
    return day, day
