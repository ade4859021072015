"""The CLI prints library errors as one line and a hint, brackets and all."""

from __future__ import annotations

import pytest

import rasd.cli as cli
from rasd.errors import RasdError


def test_error_and_hint_keep_their_brackets(monkeypatch, capsys) -> None:
    def fail() -> None:
        raise RasdError("no model in [/tmp/x]", hint="pip install -e '.[train]'")

    monkeypatch.setattr(cli, "app", fail)
    with pytest.raises(SystemExit) as stop:
        cli.main()
    assert stop.value.code == 2
    out = capsys.readouterr().err  # the CLI's console writes to stderr
    assert "no model in [/tmp/x]" in out
    assert "pip install -e '.[train]'" in out
