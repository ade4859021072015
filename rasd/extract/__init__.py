"""Extraction stages: entities, times, places, actors, events.

Each module provides a `rasd.pipeline.Stage` (built by a `stage()` function
that loads its read-only resources once) that reads earlier layers of a
`rasd.doc.Doc` and returns its own.
"""
