"""The store: the last stage of the data flow, and what every command reads.

`Store(path)` opens (creating and migrating) a SQLite database of articles,
near-duplicates, a full-text index, problems, extraction layers and events;
`run_ingest(store, paths)` fills it from sources.
"""

from __future__ import annotations

from rasd.store.runs import RunSummary, run_ingest
from rasd.store.sqlite import Hit, Store

__all__ = ["Hit", "RunSummary", "Store", "run_ingest"]
