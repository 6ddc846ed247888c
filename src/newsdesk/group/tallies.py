"""How many were killed, hurt or shot, as an article's lead first says it: a cheap clue that
two same-day reports are about different events ("three killed" against "one dead, four
wounded").

Only the lead is read (the later paragraphs give the year's tally, other shootings), and
only the first figure of each kind, since later ones are updates the other report may not
have had. The dossier's counts, with their spans and statuses, are read from annotate's
figures (``crosscheck/event_counts.py``); this is the grouping's quick look.
"""

from __future__ import annotations

import re

# Characters of the title-and-text read: the headline and the first paragraphs.
LEAD_CHARS = 1500
_WORD_NUMBERS = {w: i for i, w in enumerate((
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve"))}
# A small count, up to three words, then what happened to them: "5 shot", "two men were
# killed", "four people wounded".
_COUNT = re.compile(
    r"\b(\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\b"
    r"(?:\s+[\w-]+){0,3}?\s+(?:were\s+|was\s+)?(shot|wounded|injured|hurt|killed|dead)\b",
    re.I)
_KIND = {"wounded": "hurt", "injured": "hurt", "dead": "killed"}


def tallies_of(text: str) -> frozenset[str]:
    """The first count of each kind in the lead, as ``kind:N`` (kinds: killed, hurt, shot)."""
    found: dict[str, int] = {}
    for match in _COUNT.finditer(text[:LEAD_CHARS]):
        raw, kind = match.group(1).casefold(), match.group(2).casefold()
        kind = _KIND.get(kind, kind)
        if kind not in found:
            found[kind] = int(raw) if raw.isdigit() else _WORD_NUMBERS[raw]
    return frozenset(f"{kind}:{n}" for kind, n in found.items())


def tallies_differ(a: frozenset[str], b: frozenset[str]) -> bool:
    """Both give a count of some kind, and not one count of a shared kind is the same."""
    kinds_a = {t.split(":")[0] for t in a}
    kinds_b = {t.split(":")[0] for t in b}
    return bool(kinds_a & kinds_b) and not a & b
