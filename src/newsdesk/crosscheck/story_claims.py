"""Claims of a story: article claims that state the same thing, grouped across articles.

Candidate pairs come from an inverted index over the claims' rarer stems and entities (no
all-pairs comparison); pairs from different articles at or above ``align.SAME_CLAIM`` are
joined by average link, so one loose pair cannot chain two different claims together. A
large story's pairs (millions at 800 articles) are sieved in bulk before the exact score
(``align_batch``), with the same groups as scoring each pair. A pair ``held_apart`` finds
(one shared word, or only one sentence's speaker, shared; opposed conditions, an act done
against one yet to happen, different percentages or sums, a first-person quote against a
sentence about someone else; different ages or written days) is never one claim; one held
apart only for its ages or days is kept (``AlignedPairs.apart``) so that slot is still
compared (``conflicts.apart``).
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from .align import SAME_CLAIM, ClaimKey, StoryVocabulary, similarity
from .align_batch import BulkSimilarity
from .claims import ArticleClaim
from .held_apart import held_apart, reasons_apart

# Each claim is indexed under its rarest stems; a posting longer than POSTING_MAX is the
# story's topic ("oil", "putin") and proposes no pairs.
RAREST_STEMS = 8
POSTING_MAX = 100
# Proposed pairs from which they are sieved in bulk first (``align_batch``): below it, the
# arrays cost more than they save (two-article stories took 0.9 ms more each).
BULK_MIN = 2000

Pairs = npt.NDArray[np.int64]


@dataclass(frozen=True)
class ClaimGroup:
    """Article claims stating one thing; ``members`` in (article, position) order."""

    id: str
    members: tuple[ArticleClaim, ...]


def _candidate_pairs(keys: Sequence[ClaimKey], claims: Sequence[ArticleClaim],
                     vocab: StoryVocabulary) -> Pairs:
    """Pairs ``(i, j)``, ``i < j``, of claims from different articles that share one of
    each other's ``RAREST_STEMS`` rarest stems, or a number, once each and in order. A stem
    or number held by more than ``POSTING_MAX`` claims proposes nothing (it is the story's
    topic, not a claim), so the work grows with the story's size, not with its square. On
    80 Timeline17 articles of one story this proposes 3 % of all pairs and finds 86 % of
    the pairs that score as the same claim (docs/decisions.md, "Claim groups at scale").
    The pairs are an array: a story of 800 articles proposes two million."""
    article = {a: n for n, a in enumerate(dict.fromkeys(c.article_id for c in claims))}
    if len(article) < 2:  # most stories are one article: no pair, and no arrays to make
        return np.zeros((0, 2), dtype=np.int64)
    postings: dict[str, list[int]] = defaultdict(list)
    for i, key in enumerate(keys):
        for stem in sorted(key.stems, key=lambda s: (vocab.df[s], s))[:RAREST_STEMS]:
            postings["w:" + stem].append(i)
        for number in key.numbers:
            postings["n:" + number].append(i)
    count = len(claims)
    codes: list[int] = []  # i * count + j, for i < j: one int a pair
    for members in postings.values():  # ascending: claims were indexed in order
        if len(members) <= POSTING_MAX:
            codes.extend(i * count + j for x, i in enumerate(members) for j in members[x + 1:])
    unique = np.unique(np.array(codes, dtype=np.int64))
    pairs = np.stack([unique // count, unique % count], axis=1)
    of = np.array([article[c.article_id] for c in claims], dtype=np.int64)
    crossing: Pairs = pairs[of[pairs[:, 0]] != of[pairs[:, 1]]]
    return crossing


def _likely_pairs(pairs: Pairs, keys: Sequence[ClaimKey], vocab: StoryVocabulary) -> Pairs:
    """The proposed pairs that may score as the same claim, sieved in bulk (``align_batch``):
    the rest score under ``SAME_CLAIM`` and would be dropped one by one."""
    if len(pairs) < BULK_MIN:
        return pairs  # a small story: each pair is scored by ``similarity`` as it is
    return BulkSimilarity(keys, vocab).at_least(pairs, SAME_CLAIM)


@dataclass(frozen=True)
class AlignedPairs:
    """The claim pairs (index ``i < j``) that score as one claim: ``scores`` those grouping
    may join; ``apart`` those held apart only for their values in one slot (``APART_SLOTS``:
    different ages, different written days), with the rules that hold them — two reports
    that may disagree on one fact, compared on that slot (``conflicts.apart``)."""

    scores: dict[tuple[int, int], float]
    apart: dict[tuple[int, int], frozenset[str]]


# Held-apart rules that compare one slot's values: a pair held apart by these alone says the
# same thing but for an age or a day, which is either two people or events, or a
# disagreement worth showing. A poll against a result (``outlook``) is neither.
APART_SLOTS = frozenset({"ages", "days"})


def aligned_pairs(claims: Sequence[ArticleClaim], keys: Sequence[ClaimKey],
                  vocab: StoryVocabulary | None = None) -> AlignedPairs:
    """Pairs of claims from different articles at or above ``SAME_CLAIM``, split into
    those that may be joined and those held apart only by ``APART_SLOTS`` rules (the rest
    held apart are dropped)."""
    vocab = vocab or StoryVocabulary(keys)
    scores: dict[tuple[int, int], float] = {}
    apart: dict[tuple[int, int], frozenset[str]] = {}
    for i, j in _likely_pairs(_candidate_pairs(keys, claims, vocab), keys, vocab).tolist():
        score = similarity(keys[i], keys[j], vocab)
        if score < SAME_CLAIM:
            continue
        why = held_apart(keys[i], keys[j])
        if why is None:
            scores[(i, j)] = score
        elif why in APART_SLOTS and (rules := reasons_apart(keys[i], keys[j])) <= APART_SLOTS:
            apart[(i, j)] = rules
    return AlignedPairs(scores, apart)


def group_claims(claims: Sequence[ArticleClaim], keys: Sequence[ClaimKey],
                 vocab: StoryVocabulary | None = None,
                 pairs: AlignedPairs | None = None) -> list[ClaimGroup]:
    """Groups of claims from different articles that state the same thing (singletons too);
    ``vocab``: the story's, when the caller has built it already; ``pairs``: the
    ``aligned_pairs``, likewise."""
    scores = (pairs or aligned_pairs(claims, keys, vocab)).scores
    cluster_of = list(range(len(claims)))
    members: dict[int, list[int]] = {i: [i] for i in range(len(claims))}
    for (i, j), _ in sorted(scores.items(), key=lambda kv: (-kv[1], kv[0])):
        a, b = cluster_of[i], cluster_of[j]
        if a == b or not _average_link(members[a], members[b], scores, claims):
            continue
        for k in members[b]:
            cluster_of[k] = a
        members[a].extend(members.pop(b))
    groups = []
    for indices in members.values():
        ordered = tuple(sorted((claims[i] for i in indices),
                               key=lambda c: (c.article_id, c.span.start)))
        digest = hashlib.sha1("\n".join(c.id for c in ordered).encode()).hexdigest()
        groups.append(ClaimGroup("c-" + digest[:16], ordered))
    return sorted(groups, key=lambda g: (-len(g.members), g.id))


def _average_link(a: list[int], b: list[int], scores: dict[tuple[int, int], float],
                  claims: Sequence[ArticleClaim]) -> bool:
    """Merge two groups only when their cross pairs from different articles reach the
    threshold on average (a pair never proposed counts as 0)."""
    total = 0.0
    count = 0
    for i in a:
        for j in b:
            if claims[i].article_id == claims[j].article_id:
                continue
            pair = (i, j) if i < j else (j, i)
            total += scores.get(pair, 0.0)
            count += 1
    return count > 0 and total / count >= SAME_CLAIM
