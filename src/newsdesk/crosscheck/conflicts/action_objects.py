"""Who did what: one actor, one decisive act, two different things acted on.

One outlet writes "In March, Russia vetoed the annual renewal of a panel of experts
monitoring the enforcement of UN sanctions", another "Russia having recently vetoed a UN
Security Council resolution to extend sanctions against Pyongyang". Neither sentence has a
number that differs, yet they disagree on what was vetoed — what an analyst checks first.

The rule, precision first:

- only acts whose object is the news (``ACTS``: vetoing, sanctioning, banning, approving,
  rejecting, signing, ratifying, adopting, blocking, arresting, charging, indicting,
  convicting, expelling, suspending, imposing, lifting, seizing, annexing), read in the
  sentence's parse, never speech or light verbs ("said", "had", "made");
- the same actor: the act's subject (or, in the passive, its "by" agent) has the same head
  word in both sentences ("Russia");
- two different objects, each naming something: their head nouns differ and they share
  less than half of their content words ("renewal of a panel of experts" against
  "resolution to extend sanctions"), and neither points back ("that effort") or is a bare
  person ("the man" against "the suspect": two outlets' words for one person);
- not two different occasions: when both sentences date the act to different months, they
  may be two vetoes, and nothing is said.

Such a pair is a difference to check, never a conflict: two outlets may well name one act
two ways ("the renewal of the panel's mandate", "a resolution renewing the panel").
Parsing is done only for sentences that carry a form of an act that sentences of another
article of the story carry too.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from ...model import Span
from ..claims import ArticleClaim
from ..words import stems
from .slots import Conflict, Side
from .value_anchors import Parse

# The inflected forms of each act: a sentence is parsed only when a form of one act stands
# in sentences of two articles of the story (most sentences, and most stories, have none).
_FORMS = {
    "veto": r"veto(?:es|ed|ing)?", "sanction": r"sanction(?:s|ed|ing)?",
    "ban": r"ban(?:s|ned|ning)?", "approve": r"approv(?:e|es|ed|ing)",
    "reject": r"reject(?:s|ed|ing)?", "sign": r"sign(?:s|ed|ing)?",
    "ratify": r"ratif(?:y|ies|ied|ying)", "adopt": r"adopt(?:s|ed|ing)?",
    "block": r"block(?:s|ed|ing)?", "arrest": r"arrest(?:s|ed|ing)?",
    "charge": r"charg(?:e|es|ed|ing)", "indict": r"indict(?:s|ed|ing)?",
    "convict": r"convict(?:s|ed|ing)?", "expel": r"expel(?:s|led|ling)?",
    "suspend": r"suspend(?:s|ed|ing)?", "impose": r"impos(?:e|es|ed|ing)",
    "lift": r"lift(?:s|ed|ing)?", "seize": r"seiz(?:e|es|ed|ing)",
    "annex": r"annex(?:es|ed|ing)?",
}
ACTS = tuple(_FORMS)
_FORM = {act: re.compile(rf"\b{form}\b", re.IGNORECASE) for act, form in _FORMS.items()}
_POINTERS = frozenset({"that", "this", "these", "those", "it", "them", "such"})
# Stems of words that name a person only by role: no object to compare by themselves.
_PEOPLE = stems("man men woman women person people suspect suspects victim victims boy boys "
                "girl girls teen teens teenager teenagers child children juvenile juveniles "
                "driver drivers shooter gunman individual individuals male female")
# Objects sharing at least this share of their content words are one thing.
SAME_OBJECT = 0.5
_MONTH = re.compile(r"^\d{4}-\d\d")


@dataclass(frozen=True)
class Act:
    verb: str  # the act's lemma: "veto"
    actor: str  # the subject's head word, folded: "russia"
    actor_text: str  # as written: "Russia"
    head: str  # the object's head noun lemma: "renewal"
    obj: Span  # the object phrase, in article characters
    words: frozenset[str]  # the object's content-word stems


def written_acts(claim: ArticleClaim) -> set[str]:
    """The acts a form of which ``claim``'s sentence holds (verb or not: the parse says)."""
    return {act for act, form in _FORM.items() if form.search(claim.text)}


def acts_of(claim: ArticleClaim, parse: Parse, only: set[str] | None = None) -> list[Act]:
    """The decisive acts of ``claim``'s sentence (of ``only``, when given) with an actor
    and an object."""
    wanted = written_acts(claim) & (only if only is not None else set(ACTS))
    if not wanted:
        return []
    doc = parse(claim.text)
    base = claim.span.start
    out = []
    for verb in doc:
        if verb.pos_ != "VERB" or verb.lemma_.lower() not in wanted:
            continue
        actor = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
        if obj is None:  # the passive: "the resolution was vetoed by Russia"
            obj = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
            agent = next((c for c in verb.children if c.dep_ == "agent"), None)
            actor = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent else None
        if actor is None or obj is None or actor.pos_ == "PRON" or obj.pos_ == "PRON":
            continue
        tokens = list(obj.subtree)
        # "vetoed a resolution | to extend sanctions": the parser hangs the purpose from
        # the verb, but it says which resolution
        purpose = next((c for c in verb.children if c.dep_ in ("advcl", "xcomp")
                        and c.left_edge.i == tokens[-1].i + 1
                        and c.left_edge.lower_ == "to"), None)
        if purpose is not None:
            tokens += list(purpose.subtree)
        start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
        phrase = claim.text[start:end]
        out.append(Act(verb.lemma_.lower(), actor.text.casefold(), actor.text,
                       obj.lemma_.lower(), Span(base + start, base + end, phrase),
                       stems(phrase)))
    return out


def _months(claim: ArticleClaim) -> set[str]:
    return {t.value[:7] for t in claim.timexes
            if t.type == "DATE" and t.value and _MONTH.match(t.value)}


def _names_something(act: Act) -> bool:
    """An object that says what was acted on: not a pointer back ("that effort", "them")
    nor a bare person ("the man", "the suspect" — two outlets' words for one person)."""
    first = act.obj.text.split()[0].casefold() if act.obj.text.split() else ""
    return first not in _POINTERS and bool(act.words - _PEOPLE)


def _different_objects(a: Act, b: Act) -> bool:
    if a.head == b.head or not (_names_something(a) and _names_something(b)):
        return False
    union = a.words | b.words
    return not union or len(a.words & b.words) / len(union) < SAME_OBJECT


_IRREGULAR_PAST = {"ban": "banned", "ratify": "ratified", "expel": "expelled"}


def _past(verb: str) -> str:
    """The past form for a label: "vetoed", "banned", "seized"."""
    if verb in _IRREGULAR_PAST:
        return _IRREGULAR_PAST[verb]
    return verb + "d" if verb.endswith("e") else verb + "ed"


def action_differences(claims: Sequence[ArticleClaim], published: dict[str, str],
                       parse: Parse | None) -> list[Conflict]:
    """Pairs of claims of different articles in which one actor's act has two different
    objects (the module docstring), as differences to check; none without a parser."""
    if parse is None:
        return []
    articles_with: dict[str, set[str]] = {}
    written = {c.id: written_acts(c) for c in claims}
    for claim in claims:
        for act in written[claim.id]:
            articles_with.setdefault(act, set()).add(claim.article_id)
    shared = {act for act, ids in articles_with.items() if len(ids) > 1}
    found = [(c, act) for c in claims if written[c.id] & shared
             for act in acts_of(c, parse, shared)]
    out: list[Conflict] = []
    seen: set[tuple[str, ...]] = set()
    for i, j in _same_act_pairs([act for _, act in found]):
        (a, act_a), (b, act_b) = found[i], found[j]
        if a.article_id == b.article_id:
            continue
        months_a, months_b = _months(a), _months(b)
        if months_a and months_b and not months_a & months_b:
            continue
        if not _different_objects(act_a, act_b):
            continue
        key = (act_a.verb, act_a.actor, *sorted((a.article_id, b.article_id)))
        if key in seen:
            continue
        seen.add(key)
        out.append(Conflict(
            f"what {act_a.actor_text} {_past(act_a.verb)}", "action",
            (Side(a.article_id, act_a.obj.text, act_a.obj, a.span,
                  published.get(a.article_id)),
             Side(b.article_id, act_b.obj.text, act_b.obj, b.span,
                  published.get(b.article_id))),
            "conflict"))
    return out


def _same_act_pairs(acts: Sequence[Act]) -> list[tuple[int, int]]:
    """Index pairs (i < j, in order) of acts with one verb and one actor: met through
    their (verb, actor), not by trying every two acts of a story, which grew with the
    square of a large story's size."""
    by_act: dict[tuple[str, str], list[int]] = {}
    for n, act in enumerate(acts):
        by_act.setdefault((act.verb, act.actor), []).append(n)
    return sorted((i, j) for held in by_act.values()
                  for x, i in enumerate(held) for j in held[x + 1:])
