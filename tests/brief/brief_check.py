#!/usr/bin/env python3
"""kizuna brief on the curated data, checked against the data itself (read through `kizuna export`):

* every relation of vn-moh and of its parts (what is part_of or subsidiary_of it, to any depth), and every
  relation between a Japanese and a Vietnamese company or university, is on the sheet exactly once, with
  footnotes that are its sources and the caveat (or note) the data records;
* the HTML holds each of them once, every footnote mark points at a listed source, each source is listed
  once, the words are Japanese, and the diagram is 16:9;
* with --pdf: the sheet printed by headless Chromium has A4 landscape pages that pdftoppm renders
  (skipped, exit 77, when chromium or poppler-utils is missing).

usage: brief_check.py KIZUNA DATA_DIR WORK_DIR [--pdf]
"""
import html
import json
import os
import re
import shutil
import subprocess
import sys

KIZUNA, DATA, WORK = (os.path.abspath(a) for a in sys.argv[1:4])
PDF = "--pdf" in sys.argv[4:]
AS_OF = "2025-03-01"
SHEET = ["brief", "vn-moh", "--about", "kanagawa", "--country", "JP", "--as-of", AS_OF]


def kizuna(*args, check=True):
    done = subprocess.run([KIZUNA, "--db", DB, *args], capture_output=True, text=True, cwd=WORK)
    if check and done.returncode != 0:
        sys.exit(f"kizuna {' '.join(args)} exited {done.returncode}: {done.stderr}")
    return done


def fail(message):
    print("FAIL: " + message)
    sys.exit(1)


os.makedirs(WORK, exist_ok=True)
DB = os.path.join(WORK, "brief.db")
if os.path.exists(DB):
    os.remove(DB)
kizuna("init")
kizuna("import", DATA)

if PDF:
    # Without a browser: refused, naming the package, and nothing written.
    refused = os.path.join(WORK, "refused.pdf")
    done = subprocess.run([KIZUNA, "--db", DB, *SHEET, "-o", refused], capture_output=True, text=True,
                          env={**os.environ, "KIZUNA_CHROMIUM": ""})
    if done.returncode != 2 or "chromium" not in done.stderr or os.path.exists(refused):
        fail(f"without Chromium: exit {done.returncode}, {done.stderr!r}")
    if shutil.which("chromium") is None or shutil.which("pdfinfo") is None or shutil.which("pdftoppm") is None:
        print("SKIP: chromium or poppler-utils (pdfinfo, pdftoppm) is not installed")
        sys.exit(77)
    sheet = os.path.join(WORK, "sheet.pdf")
    kizuna("--lang", "ja", *SHEET, "-o", sheet)
    info = subprocess.run(["pdfinfo", sheet], capture_output=True, text=True, check=True).stdout
    pages = int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))
    width, height = map(float, re.search(r"^Page size:\s+([\d.]+) x ([\d.]+)", info, re.M).groups())
    if pages < 1:
        fail("the PDF has no pages")
    if not (abs(width - 842) < 3 and abs(height - 595) < 3):
        fail(f"the pages are {width} x {height} pt, not A4 landscape")
    subprocess.run(["pdftoppm", "-r", "40", "-png", sheet, os.path.join(WORK, "page")], check=True)
    rendered = [f for f in os.listdir(WORK) if f.startswith("page") and f.endswith(".png")]
    if len(rendered) != pages:
        fail(f"pdftoppm rendered {len(rendered)} of {pages} pages")
    text = subprocess.run(["pdftotext", sheet, "-"], capture_output=True, text=True).stdout
    for words in ("どのような機関ですか", "ベトナム保健省", "出典"):
        if words not in text:
            fail(f"the PDF's text lacks {words}")
    print(f"ok: {pages} A4 landscape pages")
    sys.exit(0)

# The data, as export writes it.
export = os.path.join(WORK, "data.jsonl")
kizuna("export", "--format", "jsonl", "-o", export)
entities, relations, categories = {}, {}, {}
with open(export, encoding="utf-8") as lines:
    for line in lines:
        record = json.loads(line)
        if "entity" in record:
            entities[record["entity"]["id"]] = record["entity"]
        elif "relation" in record:
            relations[record["relation"]["id"]] = record["relation"]
        elif "type" in record:
            categories[record["type"]["id"]] = record["type"]["category"]

own = {"vn-moh"}
while True:
    parts = {r["from"] for r in relations.values()
             if r["type"] in ("part_of", "subsidiary_of") and r["to"] in own} - own
    if not parts:
        break
    own |= parts
expected = {i for i, r in relations.items() if r["from"] in own or r["to"] in own}
institutions = ("company", "university")
for i, r in relations.items():
    a, b = entities[r["from"]], entities[r["to"]]
    if {a.get("country"), b.get("country")} == {"JP", "VN"} and a["kind"] in institutions and \
            b["kind"] in institutions and categories[r["type"]] != "evidence":
        expected.add(i)
if len(expected) < 15:
    fail(f"the data holds only {len(expected)} relations to check; has it changed?")

# The content, as JSON.
brief = json.loads(kizuna("--format", "json", "--lang", "ja", *SHEET).stdout)
sources = [(s["title"], s.get("url") or "", s.get("locator") or "") for s in brief["sources"]]
if len(set(sources)) != len(sources):
    fail("a source is numbered twice")
if [s["number"] for s in brief["sources"]] != list(range(1, len(sources) + 1)):
    fail("the footnotes are not numbered 1, 2, 3 …")
seen = {}
for section in brief["sections"]:
    if section["total"] != len(section["items"]):
        fail(f"section {section['id']} is capped on the curated data")
    for item in section["items"]:
        rid = item["relation"]["id"]
        if rid in seen:
            fail(f"{rid} is in section {seen[rid]} and in {section['id']}")
        seen[rid] = section["id"]
        data = relations[rid]
        want = {(s["title"], s.get("url") or "", s.get("locator") or "") for s in data["sources"]}
        got = {sources[n - 1] for n in item["notes"]}
        if not want or got != want:
            fail(f"{rid}: footnotes {sorted(item['notes'])} are not its sources")
        attributes = data.get("attributes") or {}
        caveat = attributes.get("caveat") or attributes.get("note") or ""
        if item["caveat"] != caveat:
            fail(f"{rid}: caveat {item['caveat']!r}, the data records {caveat!r}")
missing = expected - set(seen)
if missing:
    fail(f"not on the sheet: {sorted(missing)}")
if seen["kanagawa-vn-moh-mou-2024"] != "about" or seen["mhlw-vn-moh-memorandum-2014"] != "government":
    fail("the MOU with Kanagawa belongs to section (2), the memorandum with MHLW to (4a)")
for rid in ("asuka-acquisition-ha-tay-2020", "taisho-acquisition-hau-giang-2019", "iuhw-established-hcmc-checkup-centre-2018"):
    if seen.get(rid) != "business" or "必ずしも神奈川県とのMOUを活用した事例ではない" not in \
            next(i for s in brief["sections"] for i in s["items"] if i["relation"]["id"] == rid)["caveat"]:
        fail(f"{rid} is not in section (4b) with its caveat")
entity_sources = {(s["title"], s.get("url") or "", s.get("locator") or "") for s in entities["vn-moh"]["sources"]}
if {sources[n - 1] for n in brief["entity_notes"]} != entity_sources:
    fail("the entity's facts are not footnoted to its sources")
about = next(s for s in brief["sections"] if s["id"] == "about")["items"][0]
if about["state"] != "active":
    fail(f"the MOU of 2024-11-15 is {about['state']} on {AS_OF}")

# The sheet, as HTML in Japanese.
sheet_path = os.path.join(WORK, "sheet.html")
kizuna("--lang", "ja", *SHEET, "-o", sheet_path)
page = open(sheet_path, encoding="utf-8").read()
for rid in expected:
    count = page.count(f'data-relation="{rid}"')
    if count != 1:
        fail(f"{rid} is on the HTML sheet {count} times")
marks = set(re.findall(r'href="#fn-(\d+)"', page))
listed = re.findall(r'<li id="fn-(\d+)"', page)
if len(listed) != len(sources) or len(set(listed)) != len(listed) or not marks <= set(listed):
    fail("footnote marks and the listed sources do not match")
text = html.unescape(re.sub(r"<[^>]+>", " ", re.sub(r"<(style|svg)[\s\S]*?</\1>", " ", page)))
for words in ("（１）どのような機関ですか？", "（２）神奈川県との関係は？", "（３）どのような取組をしていますか？",
              "（４）日本とどのようなコラボレーションをしていますか？", "国家間・政府間の協力", "企業・機関の間の事業",
              "出典", "関係図", "年表", "省庁", "有効", "2024年11月15日〜", "注記"):
    if words not in text:
        fail(f"the Japanese sheet lacks {words!r}")
for english in ("What is it", "What does it", "Collaborations with", "Relationship map", "Timeline", "Sources",
                "Kind", "Country", "date unknown", "possibly active", "Between governments", "Written by"):
    if english in text:
        fail(f"the Japanese sheet says {english!r}")
for rid in expected:
    attributes = relations[rid].get("attributes") or {}
    caveat = attributes.get("caveat") or attributes.get("note")
    if caveat and caveat not in text:
        fail(f"{rid}'s caveat is not on the HTML sheet")
svgs = re.findall(r"<svg[^>]*>", page)
if len(svgs) != 2:
    fail(f"the sheet holds {len(svgs)} SVG drawings, not the diagram and the timeline")
box = re.search(r'viewBox="([\d.\-]+) ([\d.\-]+) ([\d.]+) ([\d.]+)"', svgs[0])
if not box or abs(float(box.group(3)) / float(box.group(4)) - 16 / 9) > 0.05:
    fail(f"the diagram is not 16:9: {svgs[0]}")
if "@page" not in page or "A4 landscape" not in page or re.search(r"<link |<script| src=", page):
    fail("the page lacks its print stylesheet, or fetches something")
print(f"ok: {len(expected)} relations once each, {len(sources)} sources")
