"""The words a claim is compared by: stems that meet across inflections, and which of them
sit outside the sentence's main assertion.

Two outlets state one fact in the main clause of their sentences and dress it differently:
who said it ("Putin's foreign policy adviser, Yuri Ushakov, mentioned that ..."), a
relative clause (", which will include security issues"), a leading adverbial ("Since he
had to move to Vietnam on the 19th, ..."), a participle tail (", marking his first visit in
24 years"). Words found only in those parts are *minor*: alignment weighs them less, so two
sentences that share only their framing do not read as one claim. The split is a cheap
punctuation heuristic, not a parse (the annotated facts carry no parse); on the dev pairs it
lifts cross-validated F1 from 0.740 to 0.771, where spaCy's parse would give 0.789
(docs/decisions.md, "Claim alignment, second round").
"""

from __future__ import annotations

import re

from .words import STOP

STEM = 5
# Longest first; a suffix is cut only when three letters or more remain.
_SUFFIXES = ("ations", "ation", "ings", "ing", "ied", "ies", "ed", "es", "s")
# Words that open a clause or phrase outside the main assertion when they start a
# comma-delimited segment.
SUBORDINATORS = frozenset((
    "which", "who", "whom", "whose", "where", "when", "whenever", "while", "whereas",
    "although", "though", "because", "since", "after", "before", "as", "if", "unless",
    "until", "despite", "following", "including", "amid", "according", "like", "unlike",
    "once", "whether",
))
_SEGMENT = re.compile(r"[^,;:()\[\]—–]+")
_FIRST_WORD = re.compile(r"[A-Za-z]+")
# Words that open a subordinate clause inside a segment, with no comma before them ("Eleven
# rig workers died when the rig exploded", "BP is worth less than it was when the rig
# exploded"): the clause runs to the end of its segment and is outside the main assertion.
# Not "that" (after a verb of saying it opens the thing said), nor a relative pronoun with no
# comma before it: a restrictive clause defines its noun ("boosters for those who are 65 or
# older" is what was endorsed; tune half of the corroborated stream), nor the prepositions of
# SUBORDINATORS ("as", "like", "including"). Docs/decisions.md, "Claim alignment, third
# round".
_CLAUSE = re.compile(
    r"\b(?:when|whenever|while|whereas|because|since|after|before|until|although|though)\b",
    re.IGNORECASE)
# Who speaks before a colon: "At 09:17 am on 16 Jun 2010, peeweepete wrote: Rig operated by
# Transocean", "The mayor said: …". Everything up to the colon is framing (the attribution
# finder reads "said" before a quote, not a reader comment's stamp). Dev half of the claim
# pairs: one more true pair aligned (docs/decisions.md, "Claim alignment, third round").
# Not "the United States:" (a country before a colon, not a verb).
_SAID_COLON = re.compile(
    r"\b(?<!united\s)(?:wrote|writes|said|says|told|tells|tweeted|posted|added|adds|stated|states)\s*:",
    re.IGNORECASE)
_WORD = re.compile(r"[^\W\d_][\w'’-]*")


def claim_stem(word: str) -> str:
    """The word case-folded, its possessive and one inflectional suffix (or "-ation") cut,
    a doubled final consonant before it undone, then its first ``STEM`` letters: "sign",
    "signed", "signing" meet; so do "ship" and "shipped", "supply" and "supplied"."""
    folded = word.casefold().replace("’", "'")
    if folded.endswith("'s"):
        folded = folded[:-2]
    for suffix in _SUFFIXES:
        if folded.endswith(suffix) and len(folded) - len(suffix) >= 3:
            folded = folded[: -len(suffix)] + ("y" if suffix in ("ied", "ies") else "")
            if len(folded) > 3 and folded[-1] == folded[-2] and folded[-1] not in "lsy":
                folded = folded[:-1]  # "shipped" -> "ship"
            break
    return folded[:STEM]


def minor_ranges(text: str, framing: tuple[str | None, ...]) -> list[tuple[int, int]]:
    """Character ranges outside the main assertion: the speaker and cue as written, what
    comes before "wrote:" or "said:", every comma-delimited segment that opens with a
    subordinator, sits in brackets, or is a participle ("..., marking his first visit")
    after a comma, and the rest of a segment from a subordinate clause opening inside it
    (``_CLAUSE``)."""
    ranges = []
    for part in framing:
        if part and (at := text.find(part)) >= 0:
            ranges.append((at, at + len(part)))
    if said := _SAID_COLON.search(text):
        ranges.append((0, said.end()))
    for match in _SEGMENT.finditer(text):
        first = _FIRST_WORD.search(match.group())
        if first is None:
            continue
        word = first.group().lower()
        before = text[match.start() - 1] if match.start() else ""
        if word in SUBORDINATORS or before in ("(", "[") or (
            before == "," and word.endswith("ing")
        ):
            ranges.append((match.start(), match.end()))
        elif clause := _clause_inside(match.group()):
            ranges.append((match.start() + clause, match.end()))
    return ranges


def _clause_inside(segment: str) -> int | None:
    """Where a subordinate clause opens inside ``segment`` after some words of its own, or
    None."""
    for clause in _CLAUSE.finditer(segment):
        if _FIRST_WORD.search(segment[: clause.start()]):
            return clause.start()
    return None


def claim_words(text: str, speaker: str | None = None,
                cue: str | None = None) -> tuple[frozenset[str], frozenset[str]]:
    """(every content stem of ``text``, the stems found only outside its main assertion)."""
    ranges = minor_ranges(text, (speaker, cue))
    main: set[str] = set()
    minor: set[str] = set()
    for match in _WORD.finditer(text):
        word = match.group()
        folded = word.casefold().replace("’", "'")
        if folded.endswith("'s"):
            folded = folded[:-2]
        if len(folded) < 3 or folded in STOP:
            continue  # the content words of words.content_words
        inside = any(a <= match.start() < b for a, b in ranges)
        (minor if inside else main).add(claim_stem(word))
    return frozenset(main | minor), frozenset(minor - main)
