"""Build the word-form counts that clitic segmentation and search keys use as evidence.

Input: SaudiNewsNet (`shared/data/saudinewsnet/articles.jsonl.gz`, 30,984
articles, CC BY-NC-SA 4.0; only these derived counts are shipped, never the
text). Output: `rasd/resources/word_counts.tsv.gz`, one Arabic word form per
line, `form <TAB> count`, most frequent first, forms seen at least
`--min-count` times. A form is the letters level of `rasd.text.normalize`
(no diacritics or tatweel, hamza, ة and ى kept), so «وإلى» and «والي» stay
apart. Deterministic; one process, about a minute.

    .venv/bin/python scripts/build_stems.py [--min-count 2]
"""

from __future__ import annotations

import argparse
import gzip
import json
from collections import Counter
from pathlib import Path

from rasd.text.normalize import normalize_letters
from rasd.text.tokens import iter_tokens

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "data" / "saudinewsnet" / "articles.jsonl.gz"
OUT = ROOT / "rasd" / "resources" / "word_counts.tsv.gz"


def count_forms(path: Path) -> Counter[str]:
    """Counts of the letters form of every Arabic word in the corpus."""
    counts: Counter[str] = Counter()
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            text = json.loads(line).get("content") or ""
            counts.update(
                text[start:end]
                for start, end, kind in iter_tokens(text)
                if kind == "word" and "\u0621" <= text[start] <= "\u06ff"
            )
    letters: Counter[str] = Counter()
    for form, n in counts.items():
        letters[normalize_letters(form)] += n
    return letters


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--min-count", type=int, default=2)
    args = parser.parse_args()
    counts = count_forms(CORPUS)
    rows = sorted(
        ((f, n) for f, n in counts.items() if n >= args.min_count and f),
        key=lambda fn: (-fn[1], fn[0]),
    )
    # mtime=0 keeps the gzip byte-identical across rebuilds (stable checksum).
    with open(OUT, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as gz:
        gz.write("".join(f"{f}\t{n}\n" for f, n in rows).encode("utf-8"))
    print(f"{len(rows)} forms (of {len(counts)}), {sum(counts.values())} words -> {OUT}")


if __name__ == "__main__":
    main()
