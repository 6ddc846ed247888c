"""A story's disagreements in the three sections the report and the Markdown dossier show:
conflicts an analyst can act on, values later reports overtook, and differences to check.

One place decides the sections, so the HTML report, the Markdown and the app agree. A
record written before conflicts had a confidence (an older store) has none: its
disagreements are listed as differences to check, never promoted to conflicts.
"""

from __future__ import annotations

from typing import Any

SECTIONS = (
    ("Conflicts", "Two outlets say much the same thing about one place, the same day, in "
     "the same words around the value, and give one slot different firm values, close to "
     "each other. Still leads to check with both sentences: on labelled whole stories about "
     "half of these held out were real conflicts, the rest two things counted in the same "
     "words (README, \"Conflicts\")."),
    ("Overtaken by later reports", "An earlier value a later report overtook: a toll that "
     "rose, an expectation that came to pass (about half of these are, on the same sample)."),
    ("Differences to check", "Values or descriptions that differ where the sentences are "
     "only partly alike or something says they are two counts or two times (printed days "
     "apart, a forecast, a part, another source; the reason says which): mostly two "
     "different things, kept so nothing is hidden."),
)


def section_of(conflict: dict[str, Any]) -> str:
    """The section title a disagreement record is listed under."""
    if conflict.get("status") == "superseded":
        return SECTIONS[1][0]
    if conflict.get("confidence") == "high":
        return SECTIONS[0][0]
    return SECTIONS[2][0]


def disagreement_sections(conflicts: list[dict[str, Any]]
                          ) -> list[tuple[str, str, list[dict[str, Any]]]]:
    """(title, note, records) for each section that has records, in the order shown."""
    out = []
    for title, note in SECTIONS:
        rows = [c for c in conflicts if section_of(c) == title]
        if rows:
            out.append((title, note, rows))
    return out
