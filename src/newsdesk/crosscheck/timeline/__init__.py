"""A story's dated timeline: calendar values read from time expressions (``dates``), the
days that mattered and the sentences that speak for each (``entries``, ``sentences``), and
the event's own day flagged or added (``event_day``, imported where used: it reads the
story facts, which read ``dates``)."""

from .dates import DateValue, day_value
from .entries import TimelineEntry, build_timeline

__all__ = ["DateValue", "TimelineEntry", "build_timeline", "day_value"]
