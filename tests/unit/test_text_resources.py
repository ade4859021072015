import hashlib
from pathlib import Path

import pytest

RESOURCES = Path(__file__).resolve().parents[2] / "rasd" / "resources"
TEXT_RESOURCES = [
    "word_counts.tsv.gz",
    "clitic_weights.json",
    "clitic_splits.tsv.gz",
    "broken_plurals.tsv",
    "word_analyses.tsv.gz",
]


@pytest.mark.parametrize("name", TEXT_RESOURCES)
def test_text_resources_are_listed_with_their_checksum(name: str) -> None:
    manifest = (RESOURCES / "MANIFEST.md").read_text(encoding="utf-8")
    row = next(line for line in manifest.splitlines() if line.startswith(f"| `{name}` |"))
    digest = hashlib.sha256((RESOURCES / name).read_bytes()).hexdigest()
    assert row.rstrip(" |").endswith(digest)


def test_precomputed_word_analyses_agree_with_the_resources() -> None:
    """word_analyses.tsv.gz is derived from the other text resources: stale after editing them."""
    from rasd.text.clitics import word_counts
    from rasd.text.forms import analyse_word, known_analyses, lookup_word

    table = known_analyses()
    assert table.keys() == word_counts().keys()
    stale = [form for form in table if lookup_word(form) != analyse_word(form)]
    assert not stale, f"rebuild: scripts/train_clitics.py --analyses-only ({stale[:5]})"
