"""Dateline places (``annotation/entities/datelines.py``), as a table of made-up datelines."""

from __future__ import annotations

import pytest

from newsdesk.annotation.entities.datelines import is_dateline_place, leading_credits

DATELINES = [
    # (text, the name span's text, is it a dateline's place?)
    ("MARVILLE, Louisiana -- Crews worked.", "MARVILLE", True),
    ("The well was capped. AP MARVILLE, La. (AP) -- Crews worked.", "AP MARVILLE", True),
    ("Intro line\nNEW MARVILLE (Reuters) - Crews worked.", "NEW MARVILLE", True),
    ("MARVILLE, Louisiana | Thu Jun 10 -- more", "MARVILLE", False),  # no dash after it
    ("They met KOBOLD SMITH -- a farmer.", "KOBOLD SMITH", False),  # not a sentence start
    ("Marville, Louisiana -- Crews worked.", "Marville", False),  # not in capitals
    ("MARVILLE is quiet -- for now.", "MARVILLE", False),  # prose, no tail
]


@pytest.mark.parametrize(("text", "name", "expected"), DATELINES)
def test_dateline_place(text: str, name: str, expected: bool) -> None:
    start = text.index(name)
    assert is_dateline_place(text, start, start + len(name)) is expected


@pytest.mark.parametrize(("words", "organisations", "cut"), [
    (["AP", "MARVILLE"], {"ap"}, 1),
    (["NEW", "MARVILLE"], {"ap"}, 0),
    (["AP", "ZENTREX", "MARVILLE"], {"ap", "zentrex"}, 2),
    (["AP"], {"ap"}, 0),  # one word always stays
])
def test_leading_credits(words: list[str], organisations: set[str], cut: int) -> None:
    assert leading_credits(words, frozenset(organisations)) == cut
