"""What keeps a large story's cross-check near-linear, pinned against the slow definitions
it replaced: the claim-pair index as arrays, the bulk sieve of claim pairs, and the
neighbourhood search limited to names before a "neighborhood" word, acts met by verb and
actor."""

from __future__ import annotations

import re

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from newsdesk.crosscheck.align import SAME_CLAIM, ClaimKey, StoryVocabulary, similarity
from newsdesk.crosscheck.align_batch import BulkSimilarity, ItemRows
from newsdesk.crosscheck.claims import ArticleClaim
from newsdesk.crosscheck.conflicts.action_objects import Act, _same_act_pairs
from newsdesk.crosscheck.facts.place_context import parts_of_town
from newsdesk.crosscheck.story_claims import POSTING_MAX, _candidate_pairs, group_claims
from newsdesk.model import Span

WORDS = ("oil", "spill", "well", "cap", "bp", "gulf", "leak", "barrel", "coast", "rig")
_keys = st.builds(
    ClaimKey,
    st.frozensets(st.sampled_from(WORDS), max_size=6),
    st.frozensets(st.sampled_from(("e1", "e2", "e3")), max_size=2),
    st.frozensets(st.sampled_from(("11", "2010", "5000")), max_size=2),
    st.frozensets(st.sampled_from(WORDS[:4]), max_size=2),
)


def _claims(articles: list[str]) -> list[ArticleClaim]:
    return [ArticleClaim(f"{a}:{n}", a, Span.of("a claim", 0, 7))
            for n, a in enumerate(articles)]


@settings(max_examples=60, deadline=None)
@given(st.lists(_keys, min_size=2, max_size=12))
def test_bulk_scores_are_the_scores_of_similarity(keys: list[ClaimKey]) -> None:
    vocab = StoryVocabulary(keys)
    pairs = np.array([(i, j) for i in range(len(keys)) for j in range(i + 1, len(keys))],
                     dtype=np.int64)
    bulk = BulkSimilarity(keys, vocab).scores(pairs[:, 0], pairs[:, 1])
    exact = [similarity(keys[i], keys[j], vocab) for i, j in pairs.tolist()]
    assert np.allclose(bulk, exact, rtol=0, atol=1e-12)
    kept = {tuple(p) for p in BulkSimilarity(keys, vocab).at_least(pairs, SAME_CLAIM).tolist()}
    assert {p for p, s in zip(map(tuple, pairs.tolist()), exact, strict=True)
            if s >= SAME_CLAIM} <= kept


def test_item_rows_find_what_two_claims_share() -> None:
    rows = ItemRows.of([{"a": 1.0, "b": 2.0}, {}, {"b": 3.0, "c": 1.0}, {"a": 0.5}])
    left, right = np.array([0, 0, 1, 3], dtype=np.int64), np.array([2, 3, 2, 0], dtype=np.int64)
    product, smaller, count = rows.shared(left, right)
    assert product.tolist() == [6.0, 0.5, 0.0, 0.5]
    assert smaller.tolist() == [2.0, 0.5, 0.0, 0.5]
    assert count.tolist() == [1, 1, 0, 1]


def test_candidate_pairs_cross_articles_once_and_skip_the_topic() -> None:
    topic = frozenset({"oil"})
    keys = [ClaimKey(topic | {"cap"}, frozenset(), frozenset()),
            ClaimKey(topic | {"cap"}, frozenset(), frozenset()),  # same article as 0
            ClaimKey(topic | {"cap", "rig"}, frozenset(), frozenset({"11"})),
            ClaimKey(topic | {"rig"}, frozenset(), frozenset({"11"}))]
    keys += [ClaimKey(topic, frozenset(), frozenset())] * POSTING_MAX  # "oil": > POSTING_MAX
    claims = _claims(["a", "a", "b", "c"] + [f"x{n}" for n in range(POSTING_MAX)])
    pairs = _candidate_pairs(keys, claims, StoryVocabulary(keys)).tolist()
    assert pairs == [[0, 2], [1, 2], [2, 3]]  # (2, 3) shares both "rig" and 11: listed once


def test_groups_join_restatements_across_articles_only() -> None:
    same = frozenset({"cap", "well", "leak"})
    keys = [ClaimKey(same, frozenset(), frozenset()), ClaimKey(same, frozenset(), frozenset()),
            ClaimKey(same, frozenset(), frozenset()), ClaimKey(frozenset({"coast"}),
                                                               frozenset(), frozenset())]
    claims = _claims(["a", "b", "b", "c"])
    groups = group_claims(claims, keys)
    assert [[m.id for m in g.members] for g in groups][:1] == [["a:0", "b:1", "b:2"]]
    assert len(groups) == 2


def _parts_by_every_name(text: str, names: set[str]) -> set[str]:
    """The definition ``parts_of_town`` keeps: every name searched in the whole text."""
    out = set()
    for name in names:
        for m in re.finditer(r"(?:\bthe\s+|[A-Z][a-z]+(?:\s[A-Z][a-z]+)?['’]s\s+)"
                             + re.escape(name) + r"\b", text):
            if re.match(r"^\s+(?:neighborhood|neighbourhood|section)\b",
                        text[m.end():m.end() + 20], re.IGNORECASE):
                out.add(name)
                break
    return out


def test_parts_of_town_as_when_every_name_was_searched() -> None:
    text = ("Shots were fired in the Woodlawn neighborhood and in Chicago's Portage Park "
            "Neighbourhood, said the Chicago community. In the Austin  section all was quiet; "
            "Austin police and the Loop district were not, nor the Loopsection.")
    names = {"Woodlawn", "Portage Park", "Chicago", "Austin", "Loop", "Park", ""}
    found = parts_of_town(text, names)
    assert found == _parts_by_every_name(text, names)
    assert {"Woodlawn", "Portage Park", "Austin"} <= found and "Chicago" not in found
    assert parts_of_town("No such word here about Woodlawn.", names) == set()


def test_acts_meet_only_their_own_verb_and_actor_in_order() -> None:
    def act(verb: str, actor: str) -> Act:
        return Act(verb, actor, actor, "thing", Span.of("a thing", 0, 7), frozenset())

    acts = [act("veto", "russia"), act("ban", "russia"), act("veto", "china"),
            act("veto", "russia"), act("ban", "russia"), act("veto", "russia")]
    every = [(i, j) for i in range(len(acts)) for j in range(i + 1, len(acts))
             if (acts[i].verb, acts[i].actor) == (acts[j].verb, acts[j].actor)]
    assert _same_act_pairs(acts) == every == [(0, 3), (0, 5), (1, 4), (3, 5)]


@settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(st.sampled_from("abc"), _keys), min_size=2, max_size=30))
def test_groups_are_the_same_with_and_without_the_bulk_sieve(
        claimed: list[tuple[str, ClaimKey]]) -> None:
    import newsdesk.crosscheck.story_claims as story_claims

    claims = _claims([article for article, _ in claimed])
    keys = [key for _, key in claimed]
    alone = group_claims(claims, keys)  # few pairs: each scored by ``similarity``
    before = story_claims.BULK_MIN
    story_claims.BULK_MIN = 0
    try:
        sieved = group_claims(claims, keys)
    finally:
        story_claims.BULK_MIN = before
    assert sieved == alone
