"""Stage actors — PLACEHOLDER until issue 6 lands: provides an empty layer."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from rasd.pipeline import Stage


def stage(extra_files: Sequence[Path] = ()) -> Stage:
    return Stage("actors", frozenset({"tokens"}), frozenset({"actors"}), lambda doc: {"actors": []})
