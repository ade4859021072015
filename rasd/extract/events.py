"""Stage events — PLACEHOLDER until issue 7 lands: provides an empty layer."""

from __future__ import annotations

from rasd.pipeline import Stage


def stage() -> Stage:
    return Stage("events", frozenset({"tokens"}), frozenset({"events"}), lambda doc: {"events": []})
