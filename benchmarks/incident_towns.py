"""Which towns the incident link should read from a lead (issue 12, session 16): the shipped
``event_place.lead_towns`` or ``event_place.lead_town_states``, which reads a dateline
anywhere in the lead ("(Photo: WJHL)\\n\\nBRISTOL (WATE/AP) –"), leaves out a country's name
and a larger city abroad named without a state ("in China", "Hamilton"), and knows each
town's state. GVA **tune** split only; each variant is a full run of the clusterer over the
GVA stream, side by side with the shipped code:

- ``lead_towns``: the shipped incident link;
- ``town_states``: the town keys of ``lead_town_states``;
- ``town_states_agree``: the same, and a town two leads place in different states is no
  town in common ("Kansas City", Missouri and Kansas);
- ``union_agree``: the towns of both, with the states' check;
- ``abroad_by_text_agree``: ``town_states_agree``, but a town named like a country or a
  larger city abroad counts when the article names a state having a place of that name or
  gives the town's own police ("Lebanon" in a text naming Tennessee, "York Police").

Printed per variant: B-cubed P / R / F1 and same-day false merges (tune), the incident
links made in the whole stream, those joining two tune articles and how many of those join
two different tune incidents, the links gained and lost against ``lead_towns``, and how many
tune leads gain or lose a town.

    python benchmarks/incident_towns.py [variant ...]
"""

from __future__ import annotations

import argparse
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from datetime import date
from typing import Any

import common  # noqa: F401  (puts src on the path)
from newsdesk.crosscheck.facts import event_place, town_state
from newsdesk.crosscheck.facts.gazetteer import gazetteer
from newsdesk.group import incident_links, stories
from newsdesk.group.incidents import (
    LEAD_CHARS,
    NO_INCIDENT,
    Incident,
    ages_of,
    counts_of,
    event_day,
    streets_of,
)
from newsdesk.group.incidents import incident_of as real_incident_of
from newsdesk.group.stories import StoryClusterer
from stories_stream import bcubed, load_gva_tune, same_day_false_merges

Placed = frozenset[tuple[str, str]]  # (town key, state or "")


def town_states(lead: str, whole: str) -> Placed:
    return frozenset((t, s or "") for t, s in event_place.lead_town_states(lead, whole))


def union(lead: str, whole: str) -> Placed:
    placed = town_states(lead, whole)
    known = {t for t, _ in placed}
    return placed | {(t, "") for t in event_place.lead_towns(lead) if t not in known}


def abroad_by_text(lead: str, whole: str) -> Placed:
    """``lead_town_states``, and the towns ``lead_towns`` finds that it left out as a
    country's or a larger foreign city's name, when the text names a state having a place
    so named or gives the town's own police."""
    placed = town_states(lead, whole)
    known = {t for t, _ in placed}
    policed = {event_place.place_key(city) for city, _, _, kind, _
               in event_place._text_places(lead) if kind == "town police"}
    named_states = next(town_state.text_states(whole))
    extra = set()
    for town in event_place.lead_towns(lead) - known:
        states = {p.state for p in gazetteer().us_places(town)}
        named = states & named_states
        if len(named) == 1:
            extra.add((town, named.pop()))
        elif town in policed:
            extra.add((town, ""))
    return placed | extra


VARIANTS: dict[str, tuple[Callable[[str, str], Placed] | None, bool]] = {
    "lead_towns": (None, False),
    "town_states": (town_states, False),
    "town_states_agree": (town_states, True),
    "union_agree": (union, True),
    "abroad_by_text_agree": (abroad_by_text, True),
}


@contextmanager
def variant(towns_of: Callable[[str, str], Placed] | None, agree: bool,
            links: list[tuple[str, str]]) -> Iterator[None]:
    """Runs the clusterer with the incident's towns from ``towns_of`` (the shipped ones when
    None), a town placed in two states shared by no two leads when ``agree``, and the
    links it makes recorded in ``links``."""
    states: dict[int, Placed] = {}
    real_agreement, real_add = incident_links.agreement, incident_links.IncidentIndex.add

    def incident_of(title: str, text: str, published: date | None,
                    follow_ups: bool = False) -> Incident:
        if towns_of is None or published is None:
            return real_incident_of(title, text, published, follow_ups)
        lead = f"{title}\n{text[:LEAD_CHARS]}"
        placed = towns_of(lead, f"{title}\n{text}")
        if not placed:
            return NO_INCIDENT
        found = Incident(frozenset(t for t, _ in placed), event_day(lead, published),
                         ages_of(lead), streets_of(lead), counts_of(lead))
        states[id(found)] = placed
        return found

    def agreement(a: Incident, b: Incident | None, follow_ups: bool = True) -> str | None:
        if agree and b is not None:
            a = replace(a, towns=frozenset(t for t in a.towns & b.towns
                                           if not _apart(t, states.get(id(a), frozenset()),
                                                         states.get(id(b), frozenset()))))
        return real_agreement(a, b, follow_ups)

    def add(self: Any, article_id: str, incident: Incident, *args: Any) -> Any:
        link = real_add(self, article_id, incident, *args)
        if link is not None:
            links.append((article_id, link[0]))
        return link

    patched = ((stories, "incident_of", incident_of), (incident_links, "agreement", agreement),
               (incident_links.IncidentIndex, "add", add))
    real = [(owner, attr, getattr(owner, attr)) for owner, attr, _ in patched]
    for owner, attr, value in patched:
        setattr(owner, attr, value)
    try:
        yield
    finally:
        for owner, attr, value in real:
            setattr(owner, attr, value)


def _apart(town: str, a: Placed, b: Placed) -> bool:
    """Both leads give ``town`` a state and none in common."""
    states_a = {s for t, s in a if t == town and s}
    states_b = {s for t, s in b if t == town and s}
    return bool(states_a and states_b and not states_a & states_b)


def town_changes(rows: Any, gold: dict[str, str], towns_of: Callable[[str, str], Placed]
                 ) -> str:
    """How many tune articles' leads gain or lose a town against ``lead_towns``, and the
    towns lost most often."""
    gained = lost = 0
    lost_names: Counter[str] = Counter()
    for item, _ in rows:
        if item.id not in gold:
            continue
        lead = f"{item.title}\n{item.text[:LEAD_CHARS]}"
        old = event_place.lead_towns(lead)
        new = frozenset(t for t, _ in towns_of(lead, f"{item.title}\n{item.text}"))
        gained += bool(new - old)
        lost += bool(old - new)
        lost_names.update(old - new)
    top = ", ".join(f"{t} {n}" for t, n in lost_names.most_common(8))
    return f"leads gaining a town {gained}, losing one {lost} (most lost: {top})"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("variants", nargs="*", default=list(VARIANTS),
                        help=f"of {', '.join(VARIANTS)} (default: all)")
    args = parser.parse_args(argv)
    if unknown := set(args.variants) - set(VARIANTS):
        parser.error(f"unknown variants: {', '.join(sorted(unknown))}")
    loaded = load_gva_tune()
    if loaded is None:
        return 0
    rows, gold = loaded
    shipped: set[tuple[str, str]] | None = None
    for name in args.variants:
        links: list[tuple[str, str]] = []
        with variant(*VARIANTS[name], links):
            clusterer = StoryClusterer()
            for item, _ in rows:
                clusterer.add(item)
        groups = clusterer.groups()
        tune = [pair for pair in links if pair[0] in gold and pair[1] in gold]
        wrong = sum(gold[a] != gold[b] for a, b in tune)
        line = (f"{name}: {bcubed(groups, gold)} same-day false merges "
                f"{same_day_false_merges(groups, rows, gold)}; incident links {len(links)}, "
                f"tune pairs {len(tune)}, of two tune incidents {wrong}")
        if shipped is None and name == "lead_towns":
            shipped = set(links)
        elif shipped is not None:
            mine = set(links)
            line += (f"; against lead_towns +{len(mine - shipped)} -{len(shipped - mine)} "
                     f"(tune pairs +{sum(p in mine - shipped for p in tune)} "
                     f"-{sum(a in gold and b in gold for a, b in shipped - mine)})")
        print(line, flush=True)
        if (towns_of := VARIANTS[name][0]) is not None and towns_of is not union:
            print("   ", town_changes(rows, gold, towns_of), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
