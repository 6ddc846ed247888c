"""A story's claim matrix: one row per claim, one column per outlet, and every cell that
says something a link to the sentence it stands on.

An analyst checks a cell by reading its sentence: ✔ links to that outlet's own sentence
giving the claim, ✖ to its sentence giving another value (a claim's ``support`` holds the
dissenting outlets' sentences too: ``records.claim_record``). Columns are named short (a
long outlet name is cut, the whole name in the head's title); a page without a named outlet
— whose stance key is its file name — is named by the first words of its headline, never
the file name. Rows are grouped by status, the claims to check first on top.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Protocol


class Records(Protocol):
    """Article records by id: a dict, or a report's on-demand lookup (``stream.Lookup``)."""

    def get(self, key: str, default: Any = None) -> Any: ...

# Groups of rows, in the order an analyst checks them: disagreement, then what rests on one
# source, then what several independent outlets say, then what a later report overtook.
STATUS_ORDER = ("contested", "single_source", "corroborated", "superseded")
STATUS_HEADING = {"contested": "Contested", "single_source": "Single source",
                  "corroborated": "Corroborated", "superseded": "Superseded"}
# Claims shown (fewest sources last in the dossier, so the cut drops the thinnest); the JSON
# dossier has them all.
MAX_CLAIMS = 150
# Outlet columns shown, those saying most first: a story of 200 local outlets would make
# 30,000 cells, most silent; a claim's own link still reaches its first sentence.
MAX_COLUMNS = 30
# The overview's glance at a story (``pages.py``): its claims to check first, the outlets
# saying most; the story's page has the whole matrix.
GLANCE_CLAIMS = 20
GLANCE_COLUMNS = 12
# Characters of an outlet's name in a column head ("Washington Examiner" whole; 1,280 px
# hold the claim and about ten such heads).
SHORT_NAME = 20


@dataclass(frozen=True)
class Column:
    """An outlet's column: the key its stance has in the claims, the name shown, the whole
    name (the head's title)."""

    key: str
    short: str
    full: str


@dataclass(frozen=True)
class Cell:
    """One outlet's stance on one claim and the span it rests on (None when silent)."""

    stance: str
    span: dict[str, Any] | None


@dataclass(frozen=True)
class Group:
    """The rows of one status: (claim, cells in column order)."""

    status: str
    heading: str
    rows: tuple[tuple[dict[str, Any], tuple[Cell, ...]], ...]


@dataclass(frozen=True)
class Matrix:
    columns: tuple[Column, ...]
    groups: tuple[Group, ...]
    hidden_columns: int  # outlets beyond MAX_COLUMNS
    hidden_claims: int  # claims beyond MAX_CLAIMS


def short_name(name: str, limit: int = SHORT_NAME) -> str:
    """``name`` cut at a word to ``limit`` characters, "…" marking the cut."""
    if len(name) <= limit:
        return name
    cut = name[:limit - 1].rsplit(" ", 1)[0] if " " in name[:limit - 1] else name[:limit - 1]
    return cut.rstrip(" ,;:-–") + "…"


def stance_keys(story: dict[str, Any], label: Callable[[str], str]) -> dict[str, str]:
    """Article id -> the key its outlet has in the claims' ``stance``: the story's source
    name, else (no outlet named) the article's label, its file name
    (``crosscheck.story.outlet_label``)."""
    return {aid: src.get("outlet") or label(aid)
            for src in story.get("sources", []) for aid in src.get("article_ids", [])}


def _columns(story: dict[str, Any], keys: dict[str, str], by_id: Records,
             claims: list[dict[str, Any]]) -> list[Column]:
    named = {src["outlet"] for src in story.get("sources", []) if src.get("outlet")}
    saying = Counter(o for c in claims for o, st in c.get("stance", {}).items()
                     if st != "silent")
    outlets = sorted(claims[0].get("stance", {}) if claims else (),
                     key=lambda o: (-saying[o], o not in named, o))
    first: dict[str, str] = {}
    for aid, key in keys.items():
        first.setdefault(key, aid)
    columns, unnamed = [], 0
    for key in outlets:
        if key in named:
            columns.append(Column(key, short_name(key), key))
            continue
        unnamed += 1
        title = str((by_id.get(first.get(key, ""), {}) or {}).get("title") or "").strip()
        shown = short_name(title) if title else f"unnamed {unnamed}"
        columns.append(Column(key, shown, f"no outlet named: {title or 'untitled page'}"))
    return columns


def claim_matrix(story: dict[str, Any], label: Callable[[str], str], by_id: Records,
                 max_claims: int = MAX_CLAIMS, max_columns: int = MAX_COLUMNS) -> Matrix:
    """The matrix of ``story``'s first ``max_claims`` claims and ``max_columns`` outlets;
    ``label`` gives an article's stance key (``view.stance_label``), ``by_id`` gives
    its record (its headline)."""
    claims = list(story.get("claims", []))
    keys = stance_keys(story, label)
    columns = _columns(story, keys, by_id, claims)
    shown = columns[:max_columns]
    grouped: dict[str, list[tuple[dict[str, Any], tuple[Cell, ...]]]] = {}
    for claim in claims[:max_claims]:
        spans: dict[str, dict[str, Any]] = {}
        for span in claim.get("support", []):
            spans.setdefault(keys.get(span["article_id"], ""), span)
        stance = claim.get("stance", {})
        cells = tuple(Cell(st, spans.get(c.key) if st != "silent" else None)
                      for c in shown for st in (stance.get(c.key, "silent"),))
        grouped.setdefault(claim.get("status", ""), []).append((claim, cells))
    order = list(STATUS_ORDER) + sorted(set(grouped) - set(STATUS_ORDER))
    groups = tuple(Group(st, STATUS_HEADING.get(st, st.replace("_", " ").capitalize()),
                         tuple(grouped[st])) for st in order if st in grouped)
    return Matrix(tuple(shown), groups, len(columns) - len(shown),
                  max(0, len(claims) - max_claims))
