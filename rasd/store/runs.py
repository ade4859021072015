"""An ingest run: sources read, extracted and stored in batches, with a summary.

`run_ingest` is the library behind `rasd ingest`: it maps the readers' `Doc`s
through an optional pipeline (the extract stages), stores them in batches of
`batch_size` — each batch one transaction — records every `Problem`, and
returns counts. On Ctrl-C the batch in flight is rolled back, the run is
marked interrupted and KeyboardInterrupt propagates; re-running the same
sources stores what is missing and nothing twice.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field

from rasd.doc import Doc, Problem
from rasd.ingest import read_sources
from rasd.store.sqlite import Store

BATCH_SIZE = 500


@dataclass
class RunSummary:
    """What a run did: read, stored, duplicates, near-duplicates, problems by code."""

    run_id: int
    read: int = 0
    stored: int = 0
    duplicates: int = 0
    near_duplicates: int = 0
    problems: Counter[str] = field(default_factory=Counter)
    examples: list[Problem] = field(default_factory=list)  # the first few, for the report
    status: str = "running"

    def counts(self) -> dict[str, int]:
        return {
            "read": self.read,
            "stored": self.stored,
            "duplicates": self.duplicates,
            "near_duplicates": self.near_duplicates,
            "problems": sum(self.problems.values()),
        }


def run_ingest(
    store: Store,
    sources: Iterable[str],
    pipeline: Callable[[Doc], Doc] | None = None,
    published: dt.date | Callable[[Doc], dt.date | None] | None = None,
    mapping: Mapping[str, str] | None = None,
    batch_size: int = BATCH_SIZE,
    progress: Callable[[RunSummary], None] | None = None,
) -> RunSummary:
    """Read, extract and store `sources`; e.g. run_ingest(store, ["seed.txt"]).stored == 1.

    published: reference date given to documents that carry none, or a function
    of the document giving it (e.g. by source file).
    pipeline: applied to each Doc before storing; a Doc it fails on is stored
    without layers and its failure recorded as a problem.
    """
    sources = list(sources)  # the argument list, not the corpus
    summary = RunSummary(store.start_run(sources))
    docs: list[Doc] = []
    problems: list[Problem] = []

    def flush() -> None:
        for outcome in store.add_batch(docs, problems, summary.run_id):
            if outcome == "stored":
                summary.stored += 1
            elif outcome == "duplicate":
                summary.duplicates += 1
            else:
                summary.near_duplicates += 1
        docs.clear()
        problems.clear()
        if progress:
            progress(summary)

    try:
        for item in read_sources(sources, mapping):
            if isinstance(item, Problem):
                _note(summary, problems, item)
                continue
            summary.read += 1
            if published and item.published is None:
                item.published = published(item) if callable(published) else published
            if pipeline is not None:
                if store.contains(item.text):
                    # Already stored: skip the costly extraction (a re-run after Ctrl-C).
                    summary.duplicates += 1
                    continue
                item = _extract(pipeline, item, summary, problems)
            docs.append(item)
            if len(docs) >= batch_size:
                flush()
        flush()
    except KeyboardInterrupt:
        summary.status = "interrupted"
        store.finish_run(summary.run_id, summary.status, summary.counts())
        raise
    summary.status = "done"
    store.finish_run(summary.run_id, summary.status, summary.counts())
    return summary


def _extract(
    pipeline: Callable[[Doc], Doc], doc: Doc, summary: RunSummary, problems: list[Problem]
) -> Doc:
    try:
        return pipeline(doc)
    except Exception as err:  # a stage bug must not stop the batch
        for layer in ("tokens", "sentences", "entities", "times", "places", "actors", "events"):
            setattr(doc, layer, None)
        where = doc.source_path or "-"
        message = (
            f"{doc.id}: extraction failed ({type(err).__name__}: {err}); stored without layers"
        )
        _note(
            summary,
            problems,
            Problem(where, "stage-failed", message, stage="extract", position=doc.id),
        )
        return doc


def _note(summary: RunSummary, problems: list[Problem], problem: Problem) -> None:
    summary.problems[problem.code] += 1
    if len(summary.examples) < 20:
        summary.examples.append(problem)
    problems.append(problem)
