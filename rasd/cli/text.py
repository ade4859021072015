"""CLI commands: text (registered on the app in rasd.cli)."""

from __future__ import annotations
