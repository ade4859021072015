"""CLI commands: ner (registered on the app in rasd.cli)."""

from __future__ import annotations
