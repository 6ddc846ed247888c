"""JSONL ``text`` is cleaned like a ``.txt`` file unless the record says ``"clean": true``."""

from __future__ import annotations

import json
from pathlib import Path

import newsdesk
from newsdesk.model import Article

SCRAPE = "\n".join([
    "Home | World | Politics | Business | Sport",
    "",
    "Senate passes budget after long night",
    "",
    "WASHINGTON (AP) — The Senate passed a $1.2 trillion budget early Saturday after a night "
    "of votes, sending the bill to the House where its fate is uncertain.",
    "",
    "The vote was 51-49, with Vice President Kamala Harris casting the tie-breaking vote. "
    "Majority Leader Chuck Schumer said the bill would lower costs for families.",
    "",
    "Republicans said the spending would fuel inflation and warned of a long fight over the "
    "details in the House, where the majority is narrow.",
    "",
    "Click to share on Facebook (Opens in new window)",
    "",
    "23 Comments",
    "",
    "johnsmith42 · 3 hours ago",
    "This is a disgrace, they will spend us into oblivion and nobody cares anymore.",
    "Reply · Like · 12",
])


def _extract(path: Path) -> list[Article]:
    items = list(newsdesk.extract([str(path)]))
    assert all(isinstance(i, Article) for i in items), items
    return [i for i in items if isinstance(i, Article)]


def _jsonl(tmp_path: Path, *records: dict[str, object]) -> Path:
    path = tmp_path / "feed.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def test_jsonl_text_is_cleaned_exactly_like_a_txt_file(tmp_path: Path) -> None:
    txt = tmp_path / "page.txt"
    txt.write_text(SCRAPE, encoding="utf-8")
    [from_txt] = _extract(txt)
    [from_jsonl] = _extract(_jsonl(tmp_path, {"text": SCRAPE}))
    assert from_jsonl.text == from_txt.text
    assert from_jsonl.removed == from_txt.removed
    assert "Comments" not in from_jsonl.text and "johnsmith42" not in from_jsonl.text
    assert "Click to share" not in from_jsonl.text
    assert "The vote was 51-49" in from_jsonl.text
    # the removed parts carry their line numbers in the record's text
    lines = SCRAPE.split("\n")
    for part in from_jsonl.removed:
        assert part.text.split("\n")[0] == lines[part.start_line - 1]


def test_a_record_marked_clean_is_kept_as_given(tmp_path: Path) -> None:
    body = "First paragraph of a body another tool extracted.\n\n\nSecond paragraph, kept.\n"
    [scrape, given] = _extract(_jsonl(tmp_path, {"text": SCRAPE, "clean": True},
                                      {"text": body, "clean": True}))
    assert scrape.removed == () and given.removed == ()
    assert scrape.text == SCRAPE  # nothing judged, nothing dropped: the record said so
    assert given.text == (
        "First paragraph of a body another tool extracted.\n\nSecond paragraph, kept."
    )


def test_a_clean_flag_that_is_not_a_boolean_is_reported_and_the_text_cleaned(
    tmp_path: Path,
) -> None:
    [article] = _extract(_jsonl(tmp_path, {"text": SCRAPE, "clean": "yes"}))
    assert "W103" in [w.code for w in article.warnings]
    assert article.removed
