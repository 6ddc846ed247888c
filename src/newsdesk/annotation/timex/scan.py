"""Running the candidate patterns over a text: fast triggers, windows, longest match wins.

``patterns`` says *what* a time expression looks like; this module finds every
match in one article quickly and keeps the longest where two overlap, so "Tuesday, June
18, 2024" is one date, not a weekday, a date and a year.
"""

from __future__ import annotations

import bisect
import re

from .holidays import HOLIDAY_TRIGGER
from .patterns import SOURCES, Candidate

_FLAGS = re.IGNORECASE
# Each pattern runs only near its trigger: a word every match of it contains.  Scanning a
# whole article with 40 patterns that start with optional modifiers is slow in Python's
# regex engine (no literal prefix to skip ahead on); the triggers are plain alternations
# it scans fast, and the patterns then run on the few short windows around their hits.
_TRIGGERS: dict[str, str] = {
    "month": r"jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec",
    "weekday": r"(?:mon|tues|wednes|thurs|fri|satur|sun)days?\b",
    "digit": r"\d[/-]\d|\d\.[01]?\d\.[12]\d\d\d",
    "apos": r"['’]\d\d(?!\d)",
    "ordinal": r"\d(?:st|nd|rd|th)\b",
    "year": r"(?:1\d|20)\d\d",
    "spoken": r"eighteen|nineteen|twenty|thousand",
    "decade": r"\d0['’]?s\b|ties\b",
    "century": r"centur",
    "deictic": r"today|tonight|yesterday|tomorrow|morning|afternoon|evening|night|midday",
    "unit": r"second|minute|hour|day|night|week|fortnight|month|quarter|year|decade|centur",
    "season": r"spring|summer|fall|autumn|winter",
    "quarter": r"quarter|half",
    "qn": r"q[1-4]\b",
    "ref": r"now|current|present|these\s+days|recent|lately|past|future|soon|term|coming",
    "clock": r"\d\s*[ap]\.?\s?m\b|noon|midnight|midday|\d:\d\d"
             r"|\d\d\s+(?:gmt|utc|[a-z]{2,3}t|local)\b",
    "every": r"every|each",
    "holiday": HOLIDAY_TRIGGER,
}  # fmt: skip
_BEFORE, _AFTER = 80, 48  # the longest stretch a pattern reaches before / after its trigger
# Triggers run case-sensitively on the lowercased text (ten times faster than IGNORECASE);
# the IGNORECASE set is for the rare text whose lowercase form has another length.
TRIGGERS = {name: re.compile(rx) for name, rx in _TRIGGERS.items()}
TRIGGERS_ANY_CASE = {name: re.compile(rx, _FLAGS) for name, rx in _TRIGGERS.items()}
# The patterns too run on the lowercased text, compiled from lowercased sources (no
# uppercase escape such as \S is used, so lowercasing keeps their meaning); the parts are
# then cut from the original text, where capitalisation is checked.
PATTERNS: list[tuple[str, str, re.Pattern[str]]] = [
    (kind, trigger, re.compile(p.lower().replace("(?p<", "(?P<"))) for kind, trigger, p in SOURCES
]
PATTERNS_ANY_CASE: list[tuple[str, str, re.Pattern[str]]] = [
    (kind, trigger, re.compile(p, _FLAGS)) for kind, trigger, p in SOURCES
]


def _windows(rx: re.Pattern[str], text: str) -> list[tuple[int, int]]:
    """Merged stretches of ``text`` around every hit of a trigger."""
    out: list[tuple[int, int]] = []
    for m in rx.finditer(text):
        lo, hi = max(0, m.start() - _BEFORE), min(len(text), m.end() + _AFTER)
        if out and lo <= out[-1][1]:
            out[-1] = (out[-1][0], hi)
        else:
            out.append((lo, hi))
    return out


def _capitalised(parts: dict[str, str]) -> bool:
    """Month and weekday names count only when capitalised ("may", "march" are verbs)."""
    return all(parts[k][:1].isupper() for k in ("mon", "wd") if parts.get(k))


def scan(text: str) -> list[Candidate]:
    """Every candidate in ``text``, longest first where they overlap, then in text order."""
    lowered = text.lower()
    if len(lowered) == len(text):
        haystack, triggers, patterns = lowered, TRIGGERS, PATTERNS
    else:
        haystack, triggers, patterns = text, TRIGGERS_ANY_CASE, PATTERNS_ANY_CASE
    windows = {name: _windows(rx, haystack) for name, rx in triggers.items()}
    found: list[Candidate] = []
    for kind, trigger, rx in patterns:
        for m in (m for lo, hi in windows[trigger] for m in rx.finditer(haystack, lo, hi)):
            parts = {k: text[m.start(k) : m.end(k)] for k, v in m.groupdict().items() if v}
            if not _capitalised(parts):
                continue
            start, end = m.span("ext") if "ext" in parts else m.span()
            if end > start:
                core = m.end("unit") if kind == "ago" else end
                start = _drop_determiner(kind, haystack, start, end)
                found.append(Candidate(start, end, kind, parts, core))
    return select(found)


_ADJECTIVAL = re.compile(
    r"(?:the|its|their|his|her|a|an)\s+(?=[\w.]+-(?:quarter|half|year|month|week|day|hour|minute)"
    r"|(?:1[0-9]|20)\d\d\s+[a-z]|(?:year|quarter|month)-(?:ago|earlier)\b(?!\s+(?:quarter|period)))"
)


def _drop_determiner(kind: str, haystack: str, start: int, end: int) -> int:
    """TimeML leaves the determiner out when the expression only modifies a noun.

    "its third-quarter results", "the two-week strike", "the 1988 period", "the
    year-ago results": the expression is "third-quarter", "two-week", "1988", "year-ago";
    but "the third quarter" and "the year-ago quarter" keep theirs.
    """
    if kind not in {"quarter", "duration", "year", "yearago"}:
        return start
    m = _ADJECTIVAL.match(haystack, start, end + 3)
    return m.end() if m else start


def select(found: list[Candidate]) -> list[Candidate]:
    """Non-overlapping candidates, the longest kept where two overlap."""
    found.sort(key=lambda c: (-(c.end - c.start), c.start))
    starts: list[int] = []
    kept: list[Candidate] = []
    for c in found:
        i = bisect.bisect_right(starts, c.start)
        if (i == 0 or kept[i - 1].end <= c.start) and (i == len(kept) or c.end <= kept[i].start):
            starts.insert(i, c.start)
            kept.insert(i, c)
    return kept
