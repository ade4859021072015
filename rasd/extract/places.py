"""Stage places — PLACEHOLDER until issue 5 lands: provides an empty layer."""

from __future__ import annotations

from rasd.pipeline import Stage


def stage() -> Stage:
    return Stage("places", frozenset({"tokens"}), frozenset({"places"}), lambda doc: {"places": []})
