"""Whether a sentence reports an outlook (a poll, a forecast, an expectation) or an outcome.

"California Gov. Gavin Newsom heads into the Golden State recall Tuesday with the wind at
his back after the last polls of the race show voters want to keep him in the job" and
"Newsom delivered a decisive answer …, triumphing over an effort to recall him Tuesday" share
the governor, the recall and the day, and aligned as one claim the poll *corroborated* the
result (the September 2021 mixed stream, issue 15). "Republican Susan Wright had been
favored to win the runoff" against "Jake Ellzey defeated fellow Republican Susan Wright in a
runoff" is the same mistake (July 2021 stream, tune half). What polls, forecasters or
bookmakers expected is not confirmed by what happened, nor the other way round.

``claim_modality`` reads only the main assertion's verbs, so it misses both: the poll sits
in a clause ("after the last polls … show"), and "had been favored" holds a past tense.
Here an outlook word counts wherever it stands in the sentence — a noun ("polls", "a
survey", "forecasts", "projections", "expectations", "the odds", "front-runner") or a
participle of expecting ("expected", "predicted", "projected", "favored to") — and the
outcome is read as ``claim_modality`` reads a done act (a past tense in the main assertion,
"had been favored" not counted). **Outlook**: an outlook word and no done act; **outcome**:
a done act and no outlook word; otherwise (both, as "the numbers exceeded expectations", or
neither) nothing is said, so two forecasts of one thing, or two results, still align.
"""

from __future__ import annotations

import re

from .claim_modality import main_assertion, reads_done
from .claim_voice import first_person

OUTLOOK = "outlook"
OUTCOME = "outcome"

_OUTLOOK = re.compile(
    r"\b(?:polls?|polling|pollsters?|surveys?|forecast(?:s|ers?|ed|ing)?|projections?"
    r"|projected|predict(?:s|ed|ing|ions?)?|expect(?:s|ed|ing|ations?)?|odds"
    r"|favou?red\s+to|favou?rites?\s+to|front-?runners?)\b",
    re.IGNORECASE,
)
# "had been favored to", "was expected to": the participle is the outlook, not a past act.
_OUTLOOK_VERB = re.compile(
    r"\b(?:(?:had|has|have)\s+been|was|were|is|are|be)\s+"
    r"(?:favou?red|expected|predicted|projected|forecast)\s+to\b",
    re.IGNORECASE,
)


def claim_outlook(text: str) -> str | None:
    """``OUTLOOK``, ``OUTCOME`` or None (neither, both, or a first-person quote: what a
    speaker says of himself is ``claim_voice``'s)."""
    return cue_or_done(text, _OUTLOOK.search(text) is not None, _OUTLOOK_VERB, OUTLOOK)


def cue_or_done(text: str, cue: bool, not_done: re.Pattern[str], name: str) -> str | None:
    """``name`` when the sentence has the cue and no done act, ``OUTCOME`` when it has a
    done act (read on its main assertion without what ``not_done`` matches) and no cue,
    else None; None for a first-person quote."""
    if first_person(text):
        return None
    done = reads_done(not_done.sub(" ", main_assertion(text)))
    if cue == done:
        return None
    return name if cue else OUTCOME


def opposed_outlook(a: str | None, b: str | None) -> bool:
    """One sentence tells an outlook, the other an outcome."""
    return a is not None and b is not None and a != b
