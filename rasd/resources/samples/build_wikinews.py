"""Rebuild wikinews-ar.jsonl: a few political articles of Arabic WikiNews (Farasa).

Run from the project root with ../shared beside it:
    python rasd/resources/samples/build_wikinews.py
WikiNewsTruth.txt holds ~70 fully diacritised articles, one paragraph per line:
a `#` line opens a section, a short line without final punctuation is a
headline, the lines after it are its body. The text is CC BY 2.5 (see
PROVENANCE.md); nothing is changed but the split into records.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

SOURCE = Path(__file__).resolve().parents[4] / "shared/data/farasa-wikinews/WikiNewsTruth.txt"
TARGET = Path(__file__).with_name("wikinews-ar.jsonl")
# Headline starts (undiacritised) of the articles to bundle: Syria, Sudan, al-Qaeda.
WANTED = (
    "ستافان دي ميستورا",
    "انتخاب هادي البحرة",
    "القاعدة تعلن",
    "الأمم المتحدة تشير",
    "جنوب السودان",
)
_END = (".", "!", "؟", ":", '"', "»")


def _plain(text: str) -> str:
    return "".join(c for c in text if not ("\u064b" <= c <= "\u0652"))


def articles(lines: list[str]):  # type: ignore[no-untyped-def]
    section, headline, body = None, None, []
    for line in [*lines, "#"]:
        is_head = line.startswith("#") or (0 < len(line) < 400 and not line.rstrip().endswith(_END))
        if is_head and headline and body:
            yield section, headline, body
            headline, body = None, []
        if line.startswith("#"):
            section = line.lstrip("# ").strip()
        elif is_head:
            headline, body = line.strip(), []
        elif line.strip() and headline:
            body.append(line.strip())


def main() -> None:
    lines = SOURCE.read_text(encoding="utf-8").split("\n")
    with TARGET.open("w", encoding="utf-8") as out:
        for n, (section, headline, body) in enumerate(articles(lines)):
            if _plain(headline).startswith(WANTED):
                record = {
                    "id": f"wikinews-ar-{n:02d}",
                    "source": "ويكي الأخبار",
                    "section": section,
                    "title": headline,
                    "text": "\n".join(body),
                }
                out.write(json.dumps(record, ensure_ascii=False) + "\n")
    print(f"wrote {TARGET}", file=sys.stderr)


if __name__ == "__main__":
    main()
