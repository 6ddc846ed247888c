"""The event's day on the story's timeline: flagged, and added when the ranking left it out.

The timeline ranks the dates its articles name (``timeline``); the story's event day
(``event_date``) is decided apart, from the expressions that hang from the event, or from the
earliest publication date when no article states it (a story of five articles none of which
dates itself still happened on some day). The entry for that day is flagged ``event``, its
support widened by the sentences that give the day; when the timeline has no entry for it,
one is made from the first of those sentences. The timeline stays in date order (the chart
and the JSON promise it); the report and the Markdown show the flagged entry first.
"""

from __future__ import annotations

from dataclasses import replace

from ..facts.event_date import EventDate
from .entries import TimelineEntry


def with_event(timeline: tuple[TimelineEntry, ...],
               event: EventDate | None) -> tuple[TimelineEntry, ...]:
    """The timeline with the event's day flagged (and added if missing), in date order."""
    if event is None:
        return timeline
    sentences = [(e.article_id, e.sentence) for e in event.evidence if e.sentence is not None]
    entries = list(timeline)
    at = next((i for i, t in enumerate(entries) if t.date.value == event.value.value), None)
    if at is not None:
        old = entries[at]
        support = tuple(sorted(set(old.support) | set(sentences),
                               key=lambda x: (x[0], x[1].start, x[1].end)))
        entries[at] = replace(old, support=support, sources=len({a for a, _ in support}),
                              event=True)
        return tuple(entries)
    if not sentences:
        return timeline
    support = tuple(sorted(set(sentences), key=lambda x: (x[0], x[1].start, x[1].end)))
    entries.append(TimelineEntry(event.value, sentences[0][1].text, support,
                                 len({a for a, _ in support}), event=True))
    return tuple(sorted(entries, key=lambda e: e.date.sort_key))
