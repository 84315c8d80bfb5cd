#!/usr/bin/env python3
"""How well `kizuna duplicates` finds planted duplicates: precision and recall on a generated set.

Organisations are generated with Vietnamese, Japanese and English names, kinds, countries, websites and
relations; then duplicates are planted, each a second record of one organisation under another id:
  transliterated  the Vietnamese name without its diacritics ("Duoc pham Ha Tay" for "Dược phẩm Hà Tây")
  width           the English name in full-width letters, or the Japanese name in half-width katakana
  ja/en           a Japanese-only record of an organisation recorded with English and Japanese names
  variant         the English name with its legal form changed or a letter mistyped
and near misses that are *not* duplicates (the same place name with another trade, the same name in
another country). The database is built with `kizuna import`, then `kizuna duplicates --format json` is
asked at several minimum scores; a reported pair is right when it is a planted pair.

  python3 bench/dedupe_check.py --kizuna build/cli/kizuna [--entities 2000] [--duplicates 300]
  python3 bench/dedupe_check.py ... --check 0.9 0.9   exit 1 unless precision and recall at 0.7 (the default) reach these
"""
import argparse
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
import unicodedata

PLACES = ["Hà", "Tây", "Bình", "Định", "Phú", "Thọ", "Hưng", "Long", "An", "Giang", "Hải", "Dương", "Quảng",
          "Nam", "Ninh", "Thái", "Sơn", "Đồng", "Tháp", "Cần", "Thơ", "Bắc", "Kạn", "Lâm", "Đà", "Nẵng", "Vĩnh",
          "Trà", "Vinh", "Sóc", "Trăng", "Bạc", "Liêu", "Cà", "Mau", "Kiên", "Tiền", "Bến", "Tre", "Gia", "Lai"]
KANA = ["ハ", "タ", "イ", "ビン", "ディン", "フー", "トー", "ハウ", "ザン", "ドン", "タップ", "カン", "ナム",
        "ロン", "アン", "ザ", "ソン", "ハイ", "ズオン", "クアン", "ニン", "タイ", "バック", "ラム", "ダ", "ナン",
        "ヴィン", "チャ", "ソック", "チャン", "バク", "リエウ", "カー", "マウ", "キエン", "ティエン", "ベン",
        "チェ", "ザー", "ライ", "フン"]
TRADES = [  # kind, Vietnamese, English, Japanese
    ("company", "Dược phẩm {}", "{} Pharmaceutical JSC", "{}製薬"),
    ("hospital", "Bệnh viện {}", "{} General Hospital", "{}総合病院"),
    ("university", "Đại học {}", "{} University", "{}大学"),
    ("company", "Thương mại {}", "{} Trading Co.", "{}商事"),
    ("agency", "Sở Y tế {}", "{} Department of Health", "{}保健局"),
]
COUNTRIES = ["VN", "VN", "VN", "JP", "TH"]


def ascii_fold(text):
    text = text.replace("Đ", "D").replace("đ", "d")
    return "".join(c for c in unicodedata.normalize("NFD", text) if unicodedata.category(c) != "Mn")


def full_width(text):
    return "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else ("\u3000" if c == " " else c) for c in text)


HALF = {}
for code in range(0xFF61, 0xFFA0):
    HALF.setdefault(unicodedata.normalize("NFKC", chr(code)), chr(code))
for base in range(0xFF66, 0xFF9E):
    for mark in ("\uFF9E", "\uFF9F"):
        composed = unicodedata.normalize("NFKC", chr(base) + mark)
        if len(composed) == 1:
            HALF.setdefault(composed, chr(base) + mark)


def half_width(text):
    return "".join(HALF.get(c, c) for c in text)


def generate(entities, duplicates, seed):
    rng = random.Random(seed)
    orgs, seen, japanese, made_of = [], set(), {}, {}
    while len(orgs) < entities:
        words = rng.randint(2, 3)
        picks = rng.sample(range(len(PLACES)), words)
        place = " ".join(PLACES[i] for i in picks)
        kana = "".join(KANA[i] for i in picks)
        trade = rng.randrange(len(TRADES))
        if (place, trade) in seen:
            continue
        seen.add((place, trade))
        kind, vi, en, ja = TRADES[trade]
        n = len(orgs)
        org = {"id": f"org-{n}", "kind": kind, "names": {"en": en.format(ascii_fold(place)),
                                                           "vi": vi.format(place)},
               "country": rng.choice(COUNTRIES), "aliases": []}
        japanese[org["id"]] = ja.format(kana)
        made_of[org["id"]] = (place, trade)
        if rng.random() < 0.5:
            org["names"]["ja"] = japanese[org["id"]]
        if rng.random() < 0.4:
            org["attributes"] = {"website": f"https://www.org{n}.example.com/"}
        orgs.append(org)
    relations = []
    for i, org in enumerate(orgs):
        for _ in range(2):
            j = rng.randrange(len(orgs))
            if j != i:
                relations.append((org["id"], orgs[j]["id"]))
    # Planted duplicates: each a new record of a different organisation.
    planted, records = [], []
    originals = rng.sample(range(len(orgs)), duplicates)
    for d, i in enumerate(originals):
        org = orgs[i]
        style = ["transliterated", "width", "ja/en", "variant"][d % 4]
        dup = {"id": f"dup-{d}", "kind": org["kind"], "names": {}, "country": org["country"], "aliases": []}
        if style == "transliterated":
            dup["names"]["en"] = ascii_fold(org["names"]["vi"])
        elif style == "width":
            if "ja" in org["names"] and d % 8 == 1:
                dup["names"]["ja"] = half_width(org["names"]["ja"])
            else:
                dup["names"]["en"] = full_width(org["names"]["en"])
        elif style == "ja/en":
            org["names"]["ja"] = japanese[org["id"]]
            dup["names"]["ja"] = org["names"]["ja"]
        else:
            en = org["names"]["en"]
            for long, short in (("Pharmaceutical JSC", "Pharma"), ("General Hospital", "Hospital"),
                                ("Trading Co.", "Trading Company"), ("Department of Health", "Health Department"),
                                ("University", "Univ.")):
                en = en.replace(long, short)
            dup["names"]["en"] = en
        if rng.random() < 0.3 and "attributes" in org:
            dup["attributes"] = dict(org["attributes"])
        records.append(dup)
        planted.append(tuple(sorted((org["id"], dup["id"]))))
        if rng.random() < 0.5:
            neighbour = next((b for a, b in relations if a == org["id"]), None)
            if neighbour:
                relations.append((dup["id"], neighbour))
    # Near misses: the same place with another trade, or the same name in another country.
    for k in range(duplicates // 2):
        org = orgs[rng.randrange(len(orgs))]
        other = {"id": f"near-{k}", "kind": org["kind"], "names": {"en": org["names"]["en"]},
                 "country": "TH" if org["country"] != "TH" else "JP", "aliases": []}
        if k % 2 == 0:
            place, trade = made_of[org["id"]]
            kind, vi, en, ja = TRADES[(trade + 1) % len(TRADES)]
            if (place, (trade + 1) % len(TRADES)) in seen:
                continue  # that organisation exists: it would be a duplicate, not a near miss
            other = {"id": f"near-{k}", "kind": kind, "names": {"en": en.format(ascii_fold(place))},
                     "country": org["country"], "aliases": []}
        records.append(other)
    return orgs + records, relations, set(planted)


def write_jsonl(path, entities, relations):
    with open(path, "w", encoding="utf-8") as out:
        for entity in entities:
            out.write(json.dumps({"entity": entity}, ensure_ascii=False) + "\n")
        for n, (a, b) in enumerate(relations):
            if a != b:
                out.write(json.dumps({"relation": {"id": f"r{n}", "type": "cooperation", "from": a, "to": b,
                                                   "sources": [{"title": "generated"}]}}) + "\n")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--kizuna", required=True)
    parser.add_argument("--entities", type=int, default=2000)
    parser.add_argument("--duplicates", type=int, default=300)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--check", type=float, nargs=2, metavar=("PRECISION", "RECALL"))
    args = parser.parse_args()
    entities, relations, planted = generate(args.entities, args.duplicates, args.seed)
    work = tempfile.mkdtemp(prefix="kizuna-dedupe-")
    try:
        data, db = os.path.join(work, "set.jsonl"), os.path.join(work, "set.db")
        write_jsonl(data, entities, relations)
        env = dict(os.environ, KIZUNA_DB=db)
        subprocess.run([args.kizuna, "init"], check=True, env=env, capture_output=True)
        subprocess.run([args.kizuna, "import", data, "--quiet"], check=True, env=env, capture_output=True)
        print(f"{len(entities)} entities ({len(planted)} planted duplicates, {args.duplicates // 2} near misses), "
              f"{len(relations)} relations")
        print("| min score | reported | right | precision | recall | time |")
        print("|---|---|---|---|---|---|")
        result = {}
        for min_score in (0.5, 0.6, 0.7, 0.8):
            began = time.monotonic()
            answer = json.loads(subprocess.run(
                [args.kizuna, "duplicates", "--min-score", str(min_score), "--limit", "100000", "--format", "json"],
                check=True, env=env, capture_output=True, text=True).stdout)
            took = time.monotonic() - began
            reported = {tuple(sorted((p["a"]["id"], p["b"]["id"]))) for p in answer["pairs"]}
            right = len(reported & planted)
            precision = right / len(reported) if reported else 1.0
            recall = right / len(planted)
            result[min_score] = (precision, recall)
            print(f"| {min_score} | {len(reported)} | {right} | {precision:.3f} | {recall:.3f} | {took:.2f} s |")
            if min_score == 0.7:
                missed = sorted(planted - reported)[:5]
                wrong = sorted(reported - planted)[:5]
                print(f"(at 0.7: missed e.g. {missed}; wrongly reported e.g. {wrong}; "
                      f"{answer['candidates']} candidate pairs scored)", file=sys.stderr)
        if args.check:
            precision, recall = result[0.7]
            if precision < args.check[0] or recall < args.check[1]:
                print(f"below the bar: precision {precision:.3f} (want {args.check[0]}), recall {recall:.3f} "
                      f"(want {args.check[1]})", file=sys.stderr)
                return 1
        return 0
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
