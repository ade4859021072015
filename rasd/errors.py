"""The catalogue of problem codes for bad input.

A reader or stage that meets bad input records a `rasd.doc.Problem` with one
of these codes and goes on; the run summary counts them by code.
"""

from __future__ import annotations

PROBLEMS: dict[str, str] = {
    "binary": "file looks binary (NUL bytes or undecodable), not text",
    "encoding": "could not detect the text encoding",
    "empty": "file or record has no text",
    "truncated": "file ends in the middle of a record or markup",
    "bad-json": "line is not valid JSON",
    "no-text": "record has no text or content field",
    "no-body": "HTML page has no extractable body",
    "bad-date": "date is impossible or out of range; left empty",
    "unreadable": "file vanished or could not be read",
    "unsupported": "not a format rasd reads",
    "stage-failed": "a pipeline stage failed on this document; stored without layers",
}


class RasdError(Exception):
    """An error a user can act on; the CLI prints it as one line with a hint."""

    def __init__(self, message: str, hint: str | None = None) -> None:
        super().__init__(message)
        self.hint = hint
