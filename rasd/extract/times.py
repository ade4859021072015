"""Stage times — PLACEHOLDER until issue 4 lands: provides an empty layer."""

from __future__ import annotations

from rasd.pipeline import Stage


def stage() -> Stage:
    return Stage("times", frozenset({"tokens"}), frozenset({"times"}), lambda doc: {"times": []})
