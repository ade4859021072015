import hashlib
from pathlib import Path

import pytest

RESOURCES = Path(__file__).resolve().parents[2] / "rasd" / "resources"
TEXT_RESOURCES = [
    "word_counts.tsv.gz",
    "clitic_weights.json",
    "clitic_splits.tsv.gz",
    "broken_plurals.tsv",
]


@pytest.mark.parametrize("name", TEXT_RESOURCES)
def test_text_resources_are_listed_with_their_checksum(name: str) -> None:
    manifest = (RESOURCES / "MANIFEST.md").read_text(encoding="utf-8")
    row = next(line for line in manifest.splitlines() if line.startswith(f"| `{name}` |"))
    digest = hashlib.sha256((RESOURCES / name).read_bytes()).hexdigest()
    assert row.rstrip(" |").endswith(digest)
