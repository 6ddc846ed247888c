"""The day an agency story was written, from its dateline ("WARSAW, February 26 (Xinhua) --").

Wire copy is often stamped a day after it was written: the story's "Friday" and "today"
count from the dateline's day, not from the stamp.  When the text opens with a dated
dateline a few days before the publication date, that day becomes the anchor of the
relative expressions.  A dateline after the publication date, or far before it, is
not trusted (a misread, or an old story republished): the publication date stays.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from .lexicon import MONTH_RX, MONTHS

# "CITY, Month D (Agency) --", "CITY, Country, Month D -", "CITY, Month D _": a place in
# capitals, then the date, then the agency or a dash.  Only the text's first lines.
_DATELINE = re.compile(
    rf"\s*[A-Z][A-Z .'’-]+(?:,\s+[A-Z][\w .'’-]*)?,\s+(?i:{MONTH_RX})\s+(?P<day>[0-3]?\d)\b"
    r"\s*(?:\([^)\n]{1,40}\)\s*)?(?:--|-|_|—|–)"
)
# How far the dateline may lie before the publication date and still be its writing day.
MAX_LAG_DAYS = 3


def dateline_anchor(text: str, anchor: date) -> date:
    """The dateline's day when it is a plausible writing day for ``anchor``; else ``anchor``."""
    m = _DATELINE.match(text, 0, 200)
    if m is None or not m["mon"][:1].isupper():
        return anchor
    month = MONTHS[m["mon"].lower().rstrip(".")]
    for year in (anchor.year, anchor.year - 1):
        try:
            day = date(year, month, int(m["day"]))
        except ValueError:
            return anchor
        if timedelta(0) <= anchor - day <= timedelta(days=MAX_LAG_DAYS):
            return day
    return anchor
