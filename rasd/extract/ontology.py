"""The event ontology: PLOVER types and modes plus DEFECT, and their ACLED categories.

In: `rasd/resources/ontology.yaml` and the user's files of the same shape
(merged by type name; modes are added, descriptions and ACLED categories
overridden). Out: an `Ontology` that lists the types and modes and maps a
(type, mode) to ACLED's (event type, sub-event type) for export:
("ASSAULT", "aerial") → ("Explosions/Remote violence", "Air/drone strike").
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

ONTOLOGY_PATH = Path(__file__).resolve().parents[1] / "resources" / "ontology.yaml"
FALLBACK = ("Strategic developments", "Other")


@dataclass(frozen=True)
class Ontology:
    """Event types → their modes, and ACLED categories per type and per (type, mode)."""

    modes: dict[str, frozenset[str]]
    acled_types: dict[str, tuple[str, str]]
    acled_modes: dict[tuple[str, str], tuple[str, str]]

    def acled(self, type_: str, mode: str | None) -> tuple[str, str]:
        """ACLED (event type, sub-event type): ("DEFECT", None) → (Strategic developments, ...)."""
        if mode and (type_, mode) in self.acled_modes:
            return self.acled_modes[(type_, mode)]
        return self.acled_types.get(type_, FALLBACK)


def load_ontology(extra_files: Sequence[Path] = ()) -> Ontology:
    """The bundled ontology merged with the user's files."""
    modes: dict[str, set[str]] = {}
    acled_types: dict[str, tuple[str, str]] = {}
    acled_modes: dict[tuple[str, str], tuple[str, str]] = {}
    for path in (ONTOLOGY_PATH, *extra_files):
        data: dict[str, Any] = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}
        for name, spec in (data.get("types") or {}).items():
            spec = spec or {}
            modes.setdefault(name, set())
            if spec.get("acled"):
                acled_types[name] = tuple(spec["acled"])  # type: ignore[assignment]
            for mode, mode_spec in (spec.get("modes") or {}).items():
                modes[name].add(mode)
                if mode_spec and mode_spec.get("acled"):
                    acled_modes[(name, mode)] = tuple(mode_spec["acled"])  # type: ignore[assignment]
    return Ontology({k: frozenset(v) for k, v in modes.items()}, acled_types, acled_modes)
