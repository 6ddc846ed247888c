"""What the parse says around a candidate: the tense of its verb, and whether it is a date at all.

These are the only token-level looks the timex finder takes, and only at the few
candidates that need them (a bare weekday or month, a four-digit number), so the cost
stays far below spaCy's own parse (the speed budget in docs/drafts/timex.md).
"""

from __future__ import annotations

import bisect
import re

from spacy.attrs import IDX
from spacy.tokens import Doc, Token

from .patterns import Candidate

_FUTURE_AUX = frozenset({"will", "'ll", "’ll", "shall", "wo"})
_PERFECT_AUX = frozenset({"has", "have", "'ve", "’ve"})
_MODAL_AUX = frozenset({"would", "could", "might", "may", "should", "must", "can"})
_VERBS = frozenset({"VERB", "AUX"})
# Verbs that put what they govern ahead of the moment they were said, whatever their own
# tense: "planned a rally on Saturday", "has scheduled a news conference Thursday".
_SCHEDULE_VERBS = frozenset({"plan", "schedule", "slate"})
_FISCAL = re.compile(r"fiscal|calendar|financial|year|fy", re.IGNORECASE)
# Nouns a year can modify without being a count of them ("the 1988 period", "1990 levels").
_TIME_NOUNS = frozenset({
    "period", "quarter", "quarters", "season", "levels", "level", "results", "figures",
    "earnings", "budget", "elections", "election", "games", "olympics", "census", "edition",
    "class", "model", "models", "contracts", "holidays", "prices", "rates",
})  # fmt: skip
# Words before a four-digit number that make it a count or a code, not a year.
_NOT_YEAR_BEFORE = frozenset({
    "$", "no.", "no", "#", "number", "flight", "route", "highway", "interstate", "room", "code",
    "page", "pages", "about", "nearly", "some", "over", "than", "approximately", "around",
    "almost",
})  # fmt: skip


class TokenIndex:
    """Character offset → token of one Doc, by binary search over token starts."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.starts: list[int] = doc.to_array(IDX).tolist() if len(doc) else []

    def at(self, char: int) -> Token | None:
        i = bisect.bisect_right(self.starts, char) - 1
        return self.doc[i] if 0 <= i < len(self.starts) else None

    def root(self, start: int, end: int) -> Token | None:
        """The token of ``start``..``end`` whose head lies outside it (the phrase's head)."""
        first = self.at(start)
        last = self.at(max(start, end - 1))
        if first is None or last is None:
            return None
        for tok in self.doc[first.i : last.i + 1]:
            if not (first.i <= tok.head.i <= last.i) or tok.head.i == tok.i:
                return tok
        return last


def _verb_tense(verb: Token, depth: int = 0) -> str | None:
    if verb.lemma_ in _SCHEDULE_VERBS and verb.tag_ != "VBG":
        return "future"
    aux = [c for c in verb.children if c.dep_ in {"aux", "auxpass"}]
    words = {c.lower_ for c in aux}
    if words & _FUTURE_AUX:
        return "future"
    if verb.dep_ == "xcomp" and verb.head.lower_ in {"going", "gon"}:
        return "future"
    if verb.tag_ == "VBD" or any(c.tag_ == "VBD" for c in aux):
        return "past"
    if words & _PERFECT_AUX:
        return "past"
    if words & _MODAL_AUX:
        return None
    has_head = verb.head.i != verb.i and depth < 4
    if "to" in words and has_head and verb.head.pos_ in _VERBS:
        head_tense = _verb_tense(verb.head, depth + 1)
        # "plans to meet on Friday" points ahead.  Under a past verb ("had to move on the
        # 19th", "was to visit in March": the future of a past moment) or a future or
        # progressive one ("is continuing to try to sell") the infinitive's time may lie
        # either side of the anchor: no direction (TimeBank value F1 0.833; 0.832 when
        # only a past head cancels it, 0.830 when the head's tense is kept).
        ahead = head_tense in {"present", None} or verb.head.lemma_ in _SCHEDULE_VERBS
        return "future" if ahead else None
    if verb.tag_ in {"VBZ", "VBP"} or words & {"is", "are", "am"}:
        return "future" if verb.tag_ == "VBG" else "present"
    if not aux and verb.tag_ in {"VB", "VBG", "VBN"} and has_head and verb.head.pos_ in _VERBS:
        return _verb_tense(verb.head, depth + 1)  # "will begin withdrawing troops on Friday"
    return None


def tense_of(index: TokenIndex, start: int, end: int) -> str | None:
    """past, present, future or None: the tense of the verb the expression hangs on."""
    tok = index.root(start, end)
    for _ in range(6):
        if tok is None:
            return None
        if tok.pos_ in _VERBS:
            return _verb_tense(tok)
        if tok.head.i == tok.i:
            return None
        tok = tok.head
    return None


def cand_text_capitalised(parts: dict[str, str]) -> bool:
    return any(v[:1].isupper() for k, v in parts.items() if k in {"present", "past", "future"})


def is_plausible(index: TokenIndex, cand: Candidate) -> bool:
    """Drop candidates the parse contradicts: counts that look like years, names like "May"."""
    kind, parts = cand.kind, cand.parts
    strong = parts.get("pos") or _FISCAL.search(parts.get("fy", ""))
    if kind == "year" and not strong and not parts.get("syear") and not parts.get("orlater"):
        tok = index.at(cand.end - 1)  # the year itself, after any "the"
        if tok is None:
            return False
        prev = tok.nbor(-1) if tok.i > 0 else None
        nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
        if tok.ent_type_ in {"MONEY", "PERCENT", "QUANTITY"}:
            return False
        if prev is not None and prev.lower_ in _NOT_YEAR_BEFORE:
            return False
        if nxt is not None and nxt.tag_ == "NNS" and nxt.lower_ not in _TIME_NOUNS:
            return False
    if kind in {"month", "date"} and parts.get("mon") and not parts.get("day"):
        tok = index.at(cand.end - 1)
        if tok is not None and tok.ent_type_ == "PERSON":
            return False  # "Theresa May", "April Ryan"
        if kind == "month" and not parts.get("rel") and not parts.get("pos") and tok is not None:
            prev = tok.nbor(-1) if tok.i > 0 else None
            if (
                prev is not None
                and prev.pos_ == "PROPN"
                and prev.is_title
                and not tok.is_sent_start
            ):
                return False  # a surname after a first name: "Theresa May"
    if kind == "relunit" and parts["unit"][:1].isupper():
        return False  # "This Week", a programme's name
    if kind in {"duration", "ago", "set"} and not _plausible_length(index, cand):
        return False
    if kind == "month" and _names_something(index, cand):
        return False
    if kind == "ref" and cand_text_capitalised(parts):
        tok = index.at(cand.start)
        if tok is not None and not tok.is_sent_start and tok.i > 0 and tok.nbor(-1).is_alpha:
            return False  # "Historical Context and Current Relations": a heading's word
    if kind == "deictic" and parts.get("dd", "")[:1].isupper():
        tok = index.at(cand.start)
        if tok is not None and not tok.is_sent_start and tok.i > 0 and tok.nbor(-1).is_alpha:
            return False  # "VOA Today"
    return True


def _plausible_length(index: TokenIndex, cand: Candidate) -> bool:
    """A length is not a title ("CBS's 60 Minutes") nor an ordinal ("a second betrayal")."""
    first = index.at(cand.start)
    unit = cand.parts.get("unit", "")
    if unit[:1].isupper() and first is not None and not first.is_sent_start:
        return False
    if unit.lower() == "second" and cand.parts.get("num", "").lower() in {"a", "an"}:
        tok = index.at(cand.end - 1)
        return tok is None or tok.tag_ != "JJ"
    return True


def _names_something(index: TokenIndex, cand: Candidate) -> bool:
    """A month heading a name: "the March of the Combatant Mothers", "April in Paris"."""
    tok = index.at(cand.end - 1)
    if tok is None or tok.i + 3 > len(tok.doc) - 1:
        return False
    nxt = tok.doc[tok.i + 1 : tok.i + 4]
    return nxt[0].lower_ == "of" and nxt[1].lower_ == "the" and nxt[2].is_title
