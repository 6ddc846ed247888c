"""The README documents every command, option, setting and error code the code has."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import click
import pytest

from newsdesk.cli import cli
from newsdesk.config import Settings
from newsdesk.errors import CATALOGUE

README = (Path(__file__).resolve().parents[1] / "README.md").read_text("utf-8")


def _commands() -> list[tuple[str, click.Command]]:
    assert isinstance(cli, click.Group)
    return sorted(cli.commands.items())


@pytest.mark.parametrize("name,command", _commands())
def test_command_and_options_documented(name: str, command: click.Command) -> None:
    assert f"newsdesk {name}" in README
    for param in command.params:
        if isinstance(param, click.Option):
            assert any(opt in README for opt in param.opts), (name, param.opts)


@pytest.mark.parametrize("field", [f.name for f in dataclasses.fields(Settings)])
def test_setting_documented(field: str) -> None:
    assert f"`{field}`" in README


@pytest.mark.parametrize("code", sorted(CATALOGUE))
def test_error_code_documented(code: str) -> None:
    assert f"| {code} |" in README


def test_cli_reference_is_current() -> None:
    """docs/cli.md is generated from the code; regenerate it when a command changes."""
    from newsdesk.clidocs import render

    path = Path(__file__).resolve().parents[1] / "docs" / "cli.md"
    assert path.read_text("utf-8") == render(), "run: python -m newsdesk.clidocs docs/cli.md"
