"""Markdown escaping: scraped text must not inject links, images or HTML into notes."""

from __future__ import annotations

import re

_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+!|<>~])")


def escape_md(text: str) -> str:
    return _SPECIAL.sub(r"\\\1", text)


def inline_md(text: str) -> str:
    """Escaped and on one line: a fact that spans paragraphs must stay inside its list item."""
    return escape_md(" ".join(text.split()))
