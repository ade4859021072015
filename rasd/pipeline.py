"""Stages, the pipeline, its requirement check and batch runners.

A stage is a pure function of the document so far: it reads the layers it
`requires`, returns the layers it `provides` as a dict, and does no I/O. The
pipeline runs stages in order, checks every requirement once when it is built
(reporting all unmet ones together), and maps over documents in one process
or in a process pool.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rasd.doc import Doc
from rasd.errors import RasdError

# Layers every Doc has from ingest on.
BASE_LAYERS = frozenset({"text", "published"})


@dataclass(frozen=True)
class Stage:
    name: str
    requires: frozenset[str]
    provides: frozenset[str]
    run: Callable[[Doc], dict[str, Any]]


def _text_stage(doc: Doc) -> dict[str, Any]:
    from rasd.text import analyze

    tokens, sentences = analyze(doc.text)
    return {"tokens": tokens, "sentences": sentences}


TEXT = Stage("text", frozenset({"text"}), frozenset({"tokens", "sentences"}), _text_stage)


class Pipeline:
    """An ordered list of stages whose requirements are met by earlier stages."""

    def __init__(self, stages: Iterable[Stage]) -> None:
        self.stages = list(stages)
        have = set(BASE_LAYERS)
        unmet: list[str] = []
        for stage in self.stages:
            missing = stage.requires - have
            if missing:
                unmet.append(f"{stage.name} needs {', '.join(sorted(missing))}")
            have |= stage.provides
        if unmet:
            raise RasdError("pipeline cannot run: " + "; ".join(unmet))

    def replacing(self, stage: Stage) -> Pipeline:
        """This pipeline with its stage of the same name replaced by `stage`."""
        return Pipeline(stage if s.name == stage.name else s for s in self.stages)

    def __call__(self, doc: Doc) -> Doc:
        for stage in self.stages:
            for layer, value in stage.run(doc).items():
                setattr(doc, layer, value)
        return doc

    def map(self, docs: Iterable[Doc], workers: int = 1) -> Iterator[Doc]:
        """Run over documents, in order; with workers > 1 in a process pool."""
        if workers <= 1:
            for doc in docs:
                yield self(doc)
            return
        with ProcessPoolExecutor(workers) as pool:
            yield from pool.map(self, docs, chunksize=16)


def default_pipeline(
    actor_files: Sequence[Path] = (), place_files: Sequence[Path] = ()
) -> Pipeline:
    """text → entities → times → places → actors → events, with the bundled resources.

    actor_files / place_files: the user's own actor dictionaries and gazetteer
    files, added to the bundled ones.
    """
    from rasd.extract import actors, entities, events, places, times

    return Pipeline(
        [
            TEXT,
            entities.stage(),
            times.stage(),
            places.stage(place_files),
            actors.stage(actor_files),
            events.stage(),
        ]
    )
