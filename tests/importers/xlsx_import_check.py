#!/usr/bin/env python3
"""Workbooks back in (issue 31): the xlsx export imports into a fresh database exactly; a workbook edited
with openpyxl (a changed name, new rows, dates typed as dates shown to the month or the day, a number, a
new line in the sources sheet) imports with the changes; a workbook written by another program with inline
strings, rich text with furigana, booleans and cells without references imports; a bad cell is refused
naming the sheet and cell, and nothing is written. LibreOffice headless re-saves the export where it is
installed (skipped otherwise).

usage: xlsx_import_check.py KIZUNA DATA_DIR WORKDIR
"""
import datetime
import json
import os
import shutil
import subprocess
import sys
import zipfile

import openpyxl


def fail(message):
    print(f"FAILED: {message}", file=sys.stderr)
    sys.exit(1)


def run(*command, expect=0):
    done = subprocess.run([str(c) for c in command], capture_output=True, text=True)
    if done.returncode != expect:
        fail(f"{' '.join(map(str, command))}: exit {done.returncode} (expected {expect}): {done.stderr}")
    return done


def export_jsonl(kizuna, db, path):
    run(kizuna, "--db", db, "export", "--format", "jsonl", "-o", path)
    with open(path, encoding="utf-8") as f:
        return f.read()


def rows_by_id(text, key):
    return {item[key]["id"]: item[key] for item in map(json.loads, text.splitlines()) if key in item}


def fresh_db(kizuna, path):
    if os.path.exists(path):
        os.remove(path)
    run(kizuna, "--db", path, "init")
    return path


def header_index(sheet):
    return {cell.value: cell.column for cell in sheet[1]}


def edited_workbook(source, target):
    book = openpyxl.load_workbook(source)
    entities = book["entities"]
    columns = header_index(entities)
    for row in entities.iter_rows(min_row=2):
        if row[0].value == "vn-moh":
            row[columns["name_en"] - 1].value = "Ministry of Health (Viet Nam)"
    entities.append(["hataphar", "company", "Ha Tay Pharmaceutical JSC", "ハタイ製薬", None, "Hataphar", "VN",
                     None, "Press release | https://example.org/hataphar | p. 1"])
    relations = book["relations"]
    columns = header_index(relations)
    relations.append([])  # an empty row between: skipped
    relations.append(["hataphar-vn-moh-mou", "mou", "hataphar", None, "vn-moh", None, None, None, None,
                      "Press release | https://example.org/hataphar | p. 2"])
    row = relations.max_row
    start = relations.cell(row=row, column=columns["start"], value=datetime.date(2015, 4, 1))
    start.number_format = "yyyy-mm"
    end = relations.cell(row=row, column=columns["end"], value=datetime.date(2016, 3, 31))
    end.number_format = "yyyy-mm-dd"
    relations.append(["hataphar-kanagawa-partnership", "partnership", "hataphar", None, "kanagawa", None,
                      datetime.datetime(2017, 6, 1, 12, 30), 2019, None, "Press release"])
    relations.cell(row=relations.max_row, column=columns["start"]).number_format = "mmm-yy"
    book["sources"].append(["entity", "hataphar", "Annual report 2020", None, None])
    book.save(target)


def check_edited(kizuna, db, work):
    data = export_jsonl(kizuna, db, os.path.join(work, "edited.jsonl"))
    entities, relations = rows_by_id(data, "entity"), rows_by_id(data, "relation")
    if entities["vn-moh"]["names"]["en"] != "Ministry of Health (Viet Nam)":
        fail(f"vn-moh's changed name: {entities['vn-moh']['names']}")
    hataphar = entities.get("hataphar")
    if not hataphar or hataphar["names"].get("ja") != "ハタイ製薬" or hataphar.get("aliases") != ["Hataphar"]:
        fail(f"the new entity: {hataphar}")
    titles = [s["title"] for s in hataphar.get("sources", [])]
    if titles != ["Press release", "Annual report 2020"]:
        fail(f"the new entity's sources (cell, then the sources sheet's new line): {titles}")
    mou = relations.get("hataphar-vn-moh-mou")
    if not mou or mou.get("start") != "2015-04" or mou.get("end") != "2016-03-31":
        fail(f"dates typed as dates, to the precision shown: {mou}")
    partnership = relations.get("hataphar-kanagawa-partnership")
    if not partnership or partnership.get("start") != "2017-06" or partnership.get("end") != "2019":
        fail(f"a date-time shown as mmm-yy, a year typed as a number: {partnership}")


def hand_written_workbook(path):
    """A workbook as other programs write it: inline strings, a rich-text run with a phonetic guide (as
    Japanese Excel adds), booleans, no cell references, no shared strings and no styles."""
    ns = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ' \
         'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'

    def inline(text):
        return f'<c t="inlineStr"><is><t xml:space="preserve">{text}</t></is></c>'

    def sheet(rows):
        body = "".join(f"<row>{''.join(cells)}</row>" for cells in rows)
        return f'<?xml version="1.0" encoding="UTF-8"?><worksheet {ns}><sheetData>{body}</sheetData></worksheet>'

    entities = sheet([
        [inline(h) for h in ("id", "kind", "name_en", "name_ja", "country")],
        [inline("hataphar"), inline("company"), inline("Ha Tay &amp; Co"),
         '<c t="inlineStr"><is><r><t>ハタイ</t></r><r><rPr><b/></rPr><t>製薬</t></r>'
         '<rPh sb="0" eb="3"><t>ハタイ</t></rPh><rPh sb="3" eb="5"><t>セイヤク</t></rPh></is></c>',
         inline("VN")],
        [],
    ])
    types = sheet([
        [inline(h) for h in ("id", "label_en", "directed", "category")],
        [inline("co_hosts"), inline("co-hosts"), '<c t="b"><v>0</v></c>', inline("collaboration")],
    ])
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml",
                   '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                   '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
                   '<Default Extension="xml" ContentType="application/xml"/>'
                   '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
                   '</Types>')
        z.writestr("_rels/.rels",
                   '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                   '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
                   '</Relationships>')
        z.writestr("xl/workbook.xml",
                   f'<?xml version="1.0" encoding="UTF-8"?><workbook {ns}><sheets>'
                   '<sheet name="entities" sheetId="1" r:id="rId1"/><sheet name="relation_types" sheetId="2" r:id="rId2"/>'
                   '</sheets></workbook>')
        z.writestr("xl/_rels/workbook.xml.rels",
                   '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                   '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/a.xml"/>'
                   '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/xl/worksheets/b.xml"/>'
                   '</Relationships>')
        z.writestr("xl/worksheets/a.xml", entities)
        z.writestr("xl/worksheets/b.xml", types)


def main():
    kizuna, data, work = sys.argv[1:4]
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(work)
    db = fresh_db(kizuna, os.path.join(work, "k.db"))
    run(kizuna, "--db", db, "import", "--quiet", data)
    book = os.path.join(work, "k.xlsx")
    run(kizuna, "--db", db, "export", "--format", "xlsx", "-o", book)
    original = export_jsonl(kizuna, db, os.path.join(work, "original.jsonl"))

    # Export -> import is exact.
    copy = fresh_db(kizuna, os.path.join(work, "copy.db"))
    run(kizuna, "--db", copy, "import", "--quiet", book)
    if export_jsonl(kizuna, copy, os.path.join(work, "copy.jsonl")) != original:
        fail("the database imported from the xlsx export differs from the original")

    # Edited and saved by openpyxl.
    edited = os.path.join(work, "edited.xlsx")
    edited_workbook(book, edited)
    answer = json.loads(run(kizuna, "--db", copy, "--format", "json", "import", "--quiet", edited).stdout)
    if answer["changed"]["entities"] != 2 or answer["changed"]["relations"] != 2:
        fail(f"the edited workbook changed {answer['changed']}")
    check_edited(kizuna, copy, work)

    # A bad cell: refused, naming the sheet and cell; nothing written.
    before = export_jsonl(kizuna, copy, os.path.join(work, "before.jsonl"))
    bad = openpyxl.load_workbook(edited)
    relations = bad["relations"]
    start_column = header_index(relations)["start"]
    relations.cell(row=3, column=start_column, value="2014-13")
    bad["entities"].cell(row=2, column=header_index(bad["entities"])["name_en"], value="Changed but not saved")
    bad.save(os.path.join(work, "bad.xlsx"))
    refused = run(kizuna, "--db", copy, "import", "--quiet", os.path.join(work, "bad.xlsx"), expect=3)
    letter = openpyxl.utils.get_column_letter(start_column)
    if f"bad.xlsx:relations!{letter}3: " not in refused.stderr:
        fail(f"the bad date is not named by its cell relations!{letter}3: {refused.stderr}")
    # Only that cell: the refused row's lines in the sources sheet are not reported as naming no row.
    if "sources!" in refused.stderr or "1 problem;" not in refused.stderr:
        fail(f"one bad cell gave other problems besides: {refused.stderr}")
    # A formula saved without its result (as openpyxl saves one): named, never read as an empty cell.
    uncalculated = openpyxl.load_workbook(edited)
    uncalculated["relations"].cell(row=3, column=start_column, value="=1/0")
    uncalculated.save(os.path.join(work, "formula.xlsx"))
    refused = run(kizuna, "--db", copy, "import", "--quiet", os.path.join(work, "formula.xlsx"), expect=3)
    if f"formula.xlsx:relations!{letter}3: the cell holds a formula without its result" not in refused.stderr:
        fail(f"a formula without its result is not named: {refused.stderr}")
    if export_jsonl(kizuna, copy, os.path.join(work, "after.jsonl")) != before:
        fail("a refused workbook changed the database")

    # Written by another program.
    other = os.path.join(work, "other.xlsx")
    hand_written_workbook(other)
    third = fresh_db(kizuna, os.path.join(work, "third.db"))
    run(kizuna, "--db", third, "import", "--quiet", other)
    third_data = export_jsonl(kizuna, third, os.path.join(work, "third.jsonl"))
    names = rows_by_id(third_data, "entity")["hataphar"]["names"]
    if (names.get("en"), names.get("ja")) != ("Ha Tay & Co", "ハタイ製薬"):
        fail(f"inline strings and rich text without the furigana: {names}")
    co_hosts = rows_by_id(third_data, "type").get("co_hosts")
    if not co_hosts or co_hosts.get("directed") is not False or co_hosts.get("labels", {}).get("en") != "co-hosts":
        fail(f"the relation type of the hand-written workbook, its boolean cell: {co_hosts}")

    # Re-saved by LibreOffice, where installed.
    office = shutil.which("soffice") or shutil.which("libreoffice")
    if office:
        out = os.path.join(work, "libreoffice")
        run(office, "--headless", "--norestore", "--convert-to", "xlsx", "--outdir", out, book)
        fourth = fresh_db(kizuna, os.path.join(work, "fourth.db"))
        run(kizuna, "--db", fourth, "import", "--quiet", os.path.join(out, "k.xlsx"))
        if export_jsonl(kizuna, fourth, os.path.join(work, "fourth.jsonl")) != original:
            fail("the workbook re-saved by LibreOffice imports differently")
        print("xlsx import: LibreOffice's re-saved workbook imports exactly")
    else:
        print("xlsx import: LibreOffice is not installed; its re-saved workbook is not tested")
    print("xlsx import: export -> import exact; openpyxl's edits, another writer's workbook and a bad cell as expected")


if __name__ == "__main__":
    main()
