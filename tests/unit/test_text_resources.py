import hashlib
from pathlib import Path

import pytest

RESOURCES = Path(__file__).resolve().parents[2] / "rasd" / "resources"
MANIFEST = RESOURCES / "MANIFEST.md"


def _data_files() -> list[str]:
    """Every shipped resource file but the notes and the bundled sample articles."""
    return sorted(
        str(p.relative_to(RESOURCES))
        for p in RESOURCES.rglob("*")
        if p.is_file() and p.suffix != ".md" and "samples" not in p.parts
    )


@pytest.mark.parametrize("name", _data_files())
def test_resources_are_listed_with_their_checksum(name: str) -> None:
    """MANIFEST.md names every resource with its sha256: a stale row fails here."""
    rows = [
        line
        for line in MANIFEST.read_text(encoding="utf-8").splitlines()
        if line.startswith(f"| `{name}` |")
    ]
    assert rows, f"{name} is not in MANIFEST.md"
    digest = hashlib.sha256((RESOURCES / name).read_bytes()).hexdigest()
    assert rows[0].rstrip(" |").endswith(digest)


def test_precomputed_word_analyses_agree_with_the_resources() -> None:
    """word_analyses.tsv.gz is derived from the other text resources: stale after editing them."""
    from rasd.text.clitics import word_counts
    from rasd.text.forms import analyse_word, known_analyses, lookup_word

    table = known_analyses()
    assert table.keys() == word_counts().keys()
    stale = [form for form in table if lookup_word(form) != analyse_word(form)]
    assert not stale, f"rebuild: scripts/train_clitics.py --analyses-only ({stale[:5]})"
