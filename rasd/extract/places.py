"""Stage places — PLACEHOLDER until issue 5 lands: provides an empty layer."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from rasd.pipeline import Stage


def stage(extra_files: Sequence[Path] = ()) -> Stage:
    return Stage("places", frozenset({"tokens"}), frozenset({"places"}), lambda doc: {"places": []})
