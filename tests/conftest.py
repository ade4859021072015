"""Shared fixtures: the real Arabic inputs in ../shared/data."""

from __future__ import annotations

from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[2] / "shared" / "data"
SEED_PATH = SHARED / "seed" / "alwatan-daesh-defections.txt"


@pytest.fixture(scope="session")
def seed_raw() -> str:
    return SEED_PATH.read_text(encoding="utf-8")
