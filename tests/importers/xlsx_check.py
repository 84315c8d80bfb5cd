#!/usr/bin/env python3
"""The xlsx export read back with openpyxl (Debian's python3-openpyxl): five sheets, a frozen and
filtered header row on each, entity names in three languages, dates as text in the data's precision, and
the same rows as the CSV export.

usage: xlsx_check.py KIZUNA DATA_DIR WORKDIR
"""
import csv
import os
import shutil
import subprocess
import sys

import openpyxl


def fail(message):
    print(f"FAILED: {message}", file=sys.stderr)
    sys.exit(1)


def run(*command):
    done = subprocess.run([str(c) for c in command], capture_output=True, text=True)
    if done.returncode != 0:
        fail(f"{' '.join(map(str, command))}: exit {done.returncode}: {done.stderr}")
    return done


def main():
    kizuna, data, work = sys.argv[1:4]
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(work)
    db = os.path.join(work, "k.db")
    run(kizuna, "--db", db, "init")
    run(kizuna, "--db", db, "import", "--quiet", data)
    book_path = os.path.join(work, "k.xlsx")
    run(kizuna, "--db", db, "export", "--format", "xlsx", "-o", book_path)
    run(kizuna, "--db", db, "export", "--format", "csv", "-o", os.path.join(work, "csv"))
    book = openpyxl.load_workbook(book_path)
    if book.sheetnames != ["entities", "relations", "relation_types", "entity_kinds", "sources"]:
        fail(f"sheets {book.sheetnames}")
    for sheet in book.worksheets:
        if sheet.freeze_panes != "A2":
            fail(f"{sheet.title}: header not frozen ({sheet.freeze_panes})")
        if not sheet.auto_filter.ref or not sheet.auto_filter.ref.startswith("A1:"):
            fail(f"{sheet.title}: no autofilter")
        if not sheet[1][0].font.bold:
            fail(f"{sheet.title}: header not bold")
    for name, csv_name in (("entities", "entities.csv"), ("relations", "relations.csv"),
                           ("relation_types", "relation_types.csv"), ("entity_kinds", "entity_kinds.csv")):
        with open(os.path.join(work, "csv", csv_name), newline="", encoding="utf-8-sig") as f:
            expected = list(csv.DictReader(f))
        sheet = book[name]
        header = [c.value for c in sheet[1]]
        rows = [dict(zip(header, [c.value or "" for c in row])) for row in sheet.iter_rows(min_row=2)]
        if len(rows) != len(expected):
            fail(f"{name}: {len(rows)} rows, the CSV export has {len(expected)}")
        for got, want in zip(sorted(rows, key=lambda r: r["id"]), sorted(expected, key=lambda r: r["id"])):
            for column, value in want.items():
                if str(got.get(column, "")) != value:
                    fail(f"{name} {want['id']} {column}: {got.get(column)!r} vs CSV {value!r}")
    moh = next(r for r in book["entities"].iter_rows(min_row=2, values_only=True) if r[0] == "vn-moh")
    if moh[2:5] != ("Ministry of Health of Vietnam", "ベトナム保健省", "Bộ Y tế"):
        fail(f"vn-moh names {moh[2:5]}")
    memo = next(r for r in book["relations"].iter_rows(min_row=2) if r[0].value == "mhlw-vn-moh-memorandum-2014")
    if memo[6].value != "2014-03" or memo[6].data_type != "s":
        fail(f"the 2014-03 memorandum's start is {memo[6].value!r} ({memo[6].data_type}), not the text 2014-03")
    if memo[3].value != "Ministry of Health, Labour and Welfare":
        fail(f"from_name {memo[3].value!r}")
    ministry = next(r for r in book["entity_kinds"].iter_rows(min_row=2, values_only=True) if r[0] == "ministry")
    if ministry[1:4] != ("ministry", "省庁", "bộ"):
        fail(f"the kind ministry is named {ministry[1:4]}")
    if book["sources"].max_row < 60:
        fail(f"sources sheet has {book['sources'].max_row} rows")
    if book["entities"].column_dimensions["D"].width < 20:
        fail("Japanese names column not widened")
    print(f"xlsx: {book['entities'].max_row - 1} entities, {book['relations'].max_row - 1} relations read back")


if __name__ == "__main__":
    main()
