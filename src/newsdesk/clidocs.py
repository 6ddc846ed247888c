"""The CLI reference in docs/cli.md, generated from the commands themselves.

Generated rather than written so it cannot drift: tests/test_docs.py fails when the
file differs from what the code prints (regenerate with
``python -m newsdesk.clidocs docs/cli.md``).  Each section is exactly what
``newsdesk COMMAND --help`` shows a user.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click
from click.testing import CliRunner

from .cli import cli

HEADER = (
    "# newsdesk command-line reference\n\n"
    "Generated from the code by `python -m newsdesk.clidocs docs/cli.md`; do not edit.\n"
)


def _help(*args: str) -> str:
    result = CliRunner().invoke(cli, [*args, "--help"], prog_name="newsdesk",
                                terminal_width=100)
    return result.output.rstrip()


def render() -> str:
    assert isinstance(cli, click.Group)
    parts = [HEADER, f"\n## newsdesk\n\n```\n{_help()}\n```\n"]
    for name in sorted(cli.commands):
        parts.append(f"\n## newsdesk {name}\n\n```\n{_help(name)}\n```\n")
    return "".join(parts)


if __name__ == "__main__":
    if len(sys.argv) > 1:
        Path(sys.argv[1]).write_text(render(), encoding="utf-8")
    else:
        sys.stdout.write(render())
