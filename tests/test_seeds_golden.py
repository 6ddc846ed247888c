"""Golden test: each bundled example article comes out as exactly its article.

The expectations in golden/seeds.json were labelled by reading the files, not by
running newsdesk; they pin both what must stay and what must go.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import newsdesk
from newsdesk.model import Article

from .conftest import EXAMPLES

GOLDEN = json.loads((Path(__file__).parent / "golden" / "seeds.json").read_text("utf-8"))
CASES = sorted(k for k in GOLDEN if not k.startswith("_"))


@pytest.fixture(scope="module")
def extracted() -> dict[str, Article]:
    out: dict[str, Article] = {}
    for item in newsdesk.extract(str(EXAMPLES)):
        assert isinstance(item, Article), item
        out[Path(item.source).name] = item
    return out


@pytest.mark.parametrize("name", CASES)
def test_body_is_exactly_the_article(extracted: dict[str, Article], name: str) -> None:
    expect, art = GOLDEN[name], extracted[name]
    paras = art.paragraphs
    assert paras[0].startswith(expect["first"]), paras[0]
    assert paras[-1].startswith(expect["last"]), paras[-1]
    assert len(paras) == expect["paragraphs"], paras
    for heading in expect["keep"]:
        assert heading in paras
    for junk in expect["drop"]:
        assert junk not in art.text, junk


@pytest.mark.parametrize("name", CASES)
def test_metadata(extracted: dict[str, Article], name: str) -> None:
    expect, art = GOLDEN[name], extracted[name]
    assert art.title == expect["title"]
    assert list(art.authors) == expect["authors"]
    if "outlet" in expect:
        assert art.outlet == expect["outlet"]
    if "section" in expect:
        assert art.section == expect["section"]


def test_removed_parts_point_at_their_lines(extracted: dict[str, Article]) -> None:
    for name, art in extracted.items():
        lines = (EXAMPLES / name).read_text("utf-8").split("\n")
        for r in art.removed:
            assert 1 <= r.start_line <= r.end_line <= len(lines)
            first = lines[r.start_line - 1].strip()
            assert first and first[:20] in r.text, (name, r)


def test_unanchored_dates_stay_unknown(extracted: dict[str, Article]) -> None:
    """'on the 17th' and 'Tuesday' alone fix no date: no value may be invented."""
    art = extracted["000_b68e5266273c9d2a.txt"]
    assert art.published.value is None


def test_years_since_bounds_the_year(extracted: dict[str, Article]) -> None:
    """'first visit in 24 years' + 'last visited Pyongyang in July 2000' → published in 2024."""
    pub = extracted["002_96a2cc4274e4cc7d.txt"].published
    assert pub.earliest is not None and pub.latest is not None
    assert pub.earliest >= "2024-01-01" and pub.latest <= "2025-07-31"
    assert pub.evidence
