"""Time expressions: find them in a parsed text, resolve each to a calendar value (TimeML
types, ranges, durations, holidays, relative days against the publication date) and keep
them as span groups. ``expressions`` is the entry point; the other modules are its lexicon,
patterns and calendar arithmetic."""

from .expressions import (
    TimexUnits,
    find_timexes,
    timex_units,
    timexes_for,
    unit_records,
    units_from_records,
    values_at,
)

__all__ = ["TimexUnits", "find_timexes", "timex_units", "timexes_for", "unit_records",
           "units_from_records", "values_at"]
