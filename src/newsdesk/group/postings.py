"""Posting lists — a key (a term, a person's name, an incident key) mapped to the ids of the
open articles that carry it — as the story clusterer and its person and incident links keep
them: entries of closed stories must go, or the lists grow with the whole stream."""

from __future__ import annotations

from collections.abc import Container, Hashable
from typing import TypeVar

K = TypeVar("K", bound=Hashable)


def drop_articles(postings: dict[K, list[str]], gone: Container[str]) -> None:
    """Removes the ``gone`` articles from every list, and a key whose list is left empty."""
    for key in list(postings):
        kept = [a for a in postings[key] if a not in gone]
        if kept:
            postings[key] = kept
        else:
            del postings[key]
