"""Build the name-cue table that the NER model uses as features.

Input: SaudiNewsNet (`shared/data/saudinewsnet/articles.jsonl.gz`, CC BY-NC-SA 4.0;
only derived counts are shipped, never the text). Output:
`rasd/resources/ner/name_cues.tsv`, one line per word form:
`norm <TAB> count <TAB> after_title <TAB> next_to_bin <TAB> after_org <TAB> after_place`.

How often a word follows a title («السيد»، «الرئيس»، «الأمير»...), stands next
to «بن»/«بنت», follows an organisation noun («شركة»، «حزب»، «جامعة»...) or a
place noun («مدينة»، «محافظة»...) in the corpus, out of all its occurrences:
first names and surnames the annotated data never saw get the evidence of
8.7M words of news, learned without labels. Words are split on whitespace
and punctuation after search normalisation (no clitic analysis: names after
a title stand alone). Deterministic.

    .venv/bin/python scripts/build_name_cues.py [--articles 30984]
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import time
from collections import Counter
from pathlib import Path

from rasd.text import normalize_search

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "data" / "saudinewsnet" / "articles.jsonl.gz"
OUT = ROOT / "rasd" / "resources" / "ner" / "name_cues.tsv"
MIN_COUNT = 3
MIN_RATIO = 0.05

TITLES = [
    "السيد",
    "السيدة",
    "الرئيس",
    "الأمير",
    "الأميرة",
    "الشيخ",
    "الشيخة",
    "الدكتور",
    "الدكتورة",
    "د",
    "المهندس",
    "الأستاذ",
    "الأستاذة",
    "اللواء",
    "العميد",
    "العقيد",
    "الفريق",
    "المشير",
    "الوزير",
    "النائب",
    "الإمام",
    "الملك",
    "الفنان",
    "الفنانة",
    "اللاعب",
    "المدرب",
    "الشاعر",
    "الكاتب",
    "المواطن",
    "المواطنة",
    "الزميل",
    "الداعية",
    "المستشار",
    "القاضي",
    "الحاج",
    "السفير",
    "المتحدث",
    "الناطق",
]
BIN = ("بن", "بنت", "ابن")
ORG_NOUNS = [
    "شركة",
    "مجموعة",
    "جامعة",
    "حزب",
    "حركة",
    "منظمة",
    "بنك",
    "مصرف",
    "صحيفة",
    "قناة",
    "وكالة",
    "مؤسسة",
    "جمعية",
    "هيئة",
    "نادي",
    "مجلس",
    "مركز",
]
PLACE_NOUNS = [
    "مدينة",
    "محافظة",
    "منطقة",
    "ولاية",
    "عاصمة",
    "بلدة",
    "قرية",
    "جزيرة",
    "إقليم",
    "مقاطعة",
    "حي",
]
_WORD = re.compile(r"[^\s\.,،؛;:!\?؟\"'«»\(\)\[\]\-–—/]+")


def words_of(text: str) -> list[str]:
    return _WORD.findall(normalize_search(text))


def count_cues(path: Path, limit: int) -> tuple[Counter, dict[str, Counter]]:
    titles = {normalize_search(w) for w in TITLES}
    bins = {normalize_search(w) for w in BIN}
    orgs = {normalize_search(w) for w in ORG_NOUNS}
    places = {normalize_search(w) for w in PLACE_NOUNS}
    total: Counter[str] = Counter()
    cues: dict[str, Counter[str]] = {k: Counter() for k in ("title", "bin", "org", "place")}
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for i, line in enumerate(fh):
            if i >= limit:
                break
            ws = words_of(json.loads(line).get("content") or "")
            total.update(ws)
            for j in range(1, len(ws)):
                prev, w = ws[j - 1], ws[j]
                if prev in titles:
                    cues["title"][w] += 1
                elif prev in orgs:
                    cues["org"][w] += 1
                elif prev in places:
                    cues["place"][w] += 1
                if prev in bins or (j + 1 < len(ws) and ws[j + 1] in bins):
                    cues["bin"][w] += 1
    return total, cues


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--articles", type=int, default=30_984)
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args()
    t0 = time.time()
    total, cues = count_cues(CORPUS, args.articles)
    rows = []
    for w, n in total.items():
        if n < MIN_COUNT:
            continue
        c = [cues[k][w] for k in ("title", "bin", "org", "place")]
        if max(c) / n >= MIN_RATIO:
            rows.append((w, n, *c))
    rows.sort(key=lambda r: (-r[1], r[0]))
    with args.out.open("w", encoding="utf-8") as fh:
        for r in rows:
            fh.write("\t".join(map(str, r)) + "\n")
    print(f"{len(rows)} words → {args.out} in {time.time() - t0:.0f}s")


if __name__ == "__main__":
    main()
