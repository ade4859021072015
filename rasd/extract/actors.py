"""Stage actors — PLACEHOLDER until issue 6 lands: provides an empty layer."""

from __future__ import annotations

from rasd.pipeline import Stage


def stage() -> Stage:
    return Stage("actors", frozenset({"tokens"}), frozenset({"actors"}), lambda doc: {"actors": []})
