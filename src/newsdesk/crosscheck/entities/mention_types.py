"""An entity's type decided by all its mentions in the story, not by one article.

Why: spaCy's small model labels a name by its context, so one outlet's "Gadhafi" comes
out ORG in a sentence about his government, "Halliburton" PERSON after "said", and a
dateline "HOUSTON" ORG, while the other articles have them right. The merge rules never
join a PERSON with an ORG (that guard keeps "Trump" the man apart from "Trump Tower"), so
a one-article label would split one entity in two.

Every mention votes for its entity's label under the spelling key of the mention's text
(``label_key``: "Gadhafi" and "Gaddafi" vote together; GPE and LOC are one class, PLACE).
An entity takes the label with the most votes for its own name across the story — except
a full name whose own article tags its bare family name PERSON ("Rahm Emanuel" ORG …
"Emanuel said"), which is a person's name in every article (``_named_as_people``). A tie is
broken by the number of articles giving each label, then by ``PRECEDENCE``: PERSON first,
because people are what the small model most often mislabels and what an analyst looks
for; then ORG, then places. The names must still be spelled alike for a merge: a vote
changes only which entities may be compared, and "Trump Organization" never votes with
"Trump".
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from functools import lru_cache

from ...model import Entity
from .misspelling import common_spelling, skeleton, zipf
from .name_keys import person_name, plain_name_key
from .spelling import family_key, variant

# A full name tagged as no person is a person's when its article tags its family name
# PERSON, unless its first word is this common in English (zipf; ``_named_as_people``):
# "Greater" (4.9) is a word, "Rahm", "Keiji", "Evgenvy" (below 2) are not.
GIVEN_WORD = 3.0
# Tie-break order of labels (module docstring); labels not listed come after, by name.
PRECEDENCE = ("PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "EVENT")


def type_class(label: str) -> str:
    """The labels that may merge with each other share a class (the small model swaps GPE
    and LOC)."""
    return "PLACE" if label in ("GPE", "LOC") else label


@lru_cache(maxsize=1 << 16)  # every mention of a story is keyed
def label_key(text: str) -> str:
    """The spelling key of a whole name as written, for votes: each word's ``variant``,
    the last word's ``family_key`` (so a bare family name votes with its spellings)."""
    words = plain_name_key(text).split()
    if not words:
        return ""
    return " ".join([*(variant(w) for w in words[:-1]), family_key(words[-1])])


def _rank(label: str) -> tuple[int, str]:
    return (PRECEDENCE.index(label) if label in PRECEDENCE else len(PRECEDENCE), label)


def _misspelt(texts: set[str]) -> dict[str, str]:
    """Each text that is a rare misspelling of another name of the story (``misspelling``:
    "Andarko" of "Anadarko") → that name's key, so that both vote as one name."""
    by_bone: dict[str, set[str]] = defaultdict(set)
    for text in texts:
        key = plain_name_key(text)
        bone = skeleton(key)
        if bone:
            by_bone[bone].add(key)
    home: dict[str, str] = {}
    for keys in by_bone.values():
        common = common_spelling(keys) if len(keys) > 1 else None
        if common is not None:
            home.update((k, common) for k in keys)
    return {t: home[plain_name_key(t)] for t in texts if plain_name_key(t) in home}


def story_labels(entities: Sequence[tuple[str, Entity]]) -> list[str]:
    """The label each (article id, entity) has in the story, in the order given. A rare
    misspelling of an organisation, place or people votes with the name it misspells
    (not a person's: people are not matched by misspelling, ``misspelling.py``)."""
    texts = {t for _, e in entities if e.label != "PERSON"
             for t in (e.name, *(m.text for m in e.mentions))}
    home = _misspelt(texts)

    def vote_key(text: str) -> str:
        return label_key(home.get(text, text))

    mentions: dict[str, Counter[str]] = defaultdict(Counter)
    articles: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for aid, entity in entities:
        for mention in entity.mentions:
            key = vote_key(mention.text)
            mentions[key][entity.label] += 1
            articles[key][entity.label].add(aid)
    persons = _named_as_people(entities, vote_key)
    out = []
    for _, entity in entities:
        key = vote_key(entity.name)
        if key in persons:
            out.append("PERSON")
            continue
        votes = mentions.get(key)
        if not votes:
            out.append(entity.label)
            continue
        best = min(votes, key=lambda label: (-votes[label], -len(articles[key][label]),
                                             *_rank(label)))
        out.append(best)
    return out


def _named_as_people(entities: Sequence[tuple[str, Entity]],
                     vote_key: Callable[[str], str]) -> set[str]:
    """The keys of full names that their own article shows as a person's: a name of two
    or three capitalised words tagged something else ("Rahm Emanuel" ORG, "Evgenvy
    Solovyov" ORG) whose family name the same article tags PERSON on its own ("Emanuel
    said"). The annotate stage links a bare family name only to a full name it tagged
    PERSON, so there the two stay apart, and a name the small model tags ORG in most
    articles (Keiji Fukuda, 36 of 37 times in H1N1) wins the story's vote as an
    organisation. The article's own "Emanuel" is the evidence; the whole key turns, so
    every article's "Rahm Emanuel" stays one entity. Not for a span with a comma
    ("Novartis, Sanofi-Aventis": two names), nor a first word common in English
    (``GIVEN_WORD``: "Greater Glasgow" beside a person called Glasgow)."""
    bare: set[tuple[str, str]] = set()
    for aid, entity in entities:
        if entity.label == "PERSON":
            bare.update((aid, m.text.strip().casefold()) for m in entity.mentions
                        if " " not in m.text.strip())
    out: set[str] = set()
    for aid, entity in entities:
        words = entity.name.split()
        if (entity.label == "PERSON" or not 2 <= len(words) <= 3
                or not all(w[:1].isupper() and w[-1].isalpha() for w in words)
                or (aid, words[-1].casefold()) not in bare):
            continue
        parsed = person_name(entity.name)
        if (parsed is not None and parsed.is_full and not parsed.family_first
                and zipf(parsed.given_written) < GIVEN_WORD):
            out.add(vote_key(entity.name))
    return out


def majority_type(labels: Sequence[str], weights: Sequence[int]) -> str:
    """The type of a story entity from its members' story labels, each weighted by its
    mentions; ties by ``PRECEDENCE``."""
    counts: Counter[str] = Counter()
    for label, weight in zip(labels, weights, strict=True):
        counts[label] += weight
    return min(counts, key=lambda label: (-counts[label], *_rank(label)))
