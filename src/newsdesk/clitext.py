"""Plain-text renderings the CLI prints (kept out of cli.py, which only wires commands)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from .store.changes import Changes

# Characters of a claim's text shown on one line.
CLAIM_CHARS = 100


def changes_lines(found: Changes) -> Iterator[str]:
    """``newsdesk changes`` as lines a person reads in a terminal."""
    against = f"analysis {found.since}" if found.since else "an empty store"
    yield f"Analysis {found.run}, against {against}:"
    yield f"New stories: {len(found.new_stories)}"
    for story in found.new_stories:
        count = len(story["article_ids"])
        yield (f"  {story['story_id']}  {story['title']!r}  "
               f"({count} article{'' if count == 1 else 's'})")
    yield f"Articles new to a story: {sum(len(s['article_ids']) for s in found.new_articles)}"
    for story in found.new_articles:
        yield f"  {story['story_id']}  {story['title']!r}  +{len(story['article_ids'])}"
    yield f"Claims whose status changed: {len(found.claims)}"
    for claim in found.claims:
        text = claim["text"][:CLAIM_CHARS]
        yield f"  {claim['story_id']}  {claim['was']} -> {claim['now']}: {text!r}"
    yield f"New conflicts: {len(found.conflicts)}"
    for conflict in found.conflicts:
        sides = " vs ".join(f"{value} ({article})" for article, value in conflict["sides"])
        yield f"  {conflict['story_id']}  {sides}"
    yield f"New figures: {len(found.figures)}"
    for figure in found.figures:
        what = " ".join(str(figure[k]) for k in ("value", "unit", "what") if figure.get(k))
        yield f"  {figure['story_id']}  {figure['kind']}: {what}"
    yield f"Edited articles: {len(found.edited)}"
    for edit in found.edited:
        yield from _edit_lines(edit)


def _edit_lines(edit: dict[str, Any]) -> Iterator[str]:
    """One page read again with another text: where, then what changed."""
    yield (f"  {edit['url']}  {edit['previous_id']} -> {edit['article_id']}"
           f"  (read {edit['previous_retrieved']}, again {edit['retrieved']})")
    if edit["title"]:
        yield f"    headline: {edit['title']['was']!r} -> {edit['title']['now']!r}"
    for sign, key in (("-", "paragraphs_removed"), ("+", "paragraphs_added")):
        for paragraph in edit[key]:
            yield f"    {sign} {paragraph!r}"
    for sign, key in (("-", "figures_removed"), ("+", "figures_added")):
        if edit[key]:
            yield f"    figures {sign}: {', '.join(edit[key])}"
