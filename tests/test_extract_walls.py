"""A page saved while it showed only a sign-in or notification prompt is no article (E206):
such walls are word for word alike across a site and were taken for reprints of each
other, joining unrelated stories."""

from __future__ import annotations

from newsdesk.config import Settings
from newsdesk.extraction.pipeline import extract_source
from newsdesk.model import Article, Failure, Source

WALL = ("We have sent you a verification email. Please check your email and click on the "
        "link to activate your profile. If you do not receive the verification message "
        "within a few minutes of signing up, please check your Spam or Junk folder.")
NEWS = ("A 17-year-old boy was shot and killed on Elm Street in Springfield on Sunday night, "
        "police said. Officers found him on the sidewalk shortly after 11 p.m.")


def _record(text: str) -> Source:
    """A JSONL record as the reader gives it: its text, said to be clean."""
    return Source("feed.jsonl:1", text.encode(), hints={"clean": True, "title": "Teen killed"})


def test_a_sign_in_wall_fails_with_e206() -> None:
    out = extract_source(_record(WALL), Settings())
    assert isinstance(out, Failure) and out.problem.code == "E206"
    assert out.name == "feed.jsonl:1"


def test_an_article_under_a_wall_is_kept() -> None:
    out = extract_source(_record(WALL + "\n\n" + NEWS), Settings())
    assert isinstance(out, Article) and "Elm Street" in out.text
