"""A learned second look at the entities the merge rules leave apart (issue 12, item 5):
an experiment, measured and not adopted (docs/decisions.md, "A learned pair model").

The rules (``entity_merge``) join the story's article-level entities; this module
describes a pair of the entities they left in two different groups by generic features —
the rules' own verdicts on the two names (``compatible``, key equality, acronym, common
spelling), string similarities, shared words, given and family name agreement, how common
the family name is in English and in the US census, how many people of the story carry
it, how often each is named, the types the story gives them — and a logistic model
(learnt by ``train_entity_merge.py`` on the dev halves of the cross-outlet pair tables;
its weights are written to ``results/entity_merge_model.json``) scores it. Plain Python,
as it would run in ``newsdesk.crosscheck`` had it been adopted.

Candidates are found by blocking: two groups are compared only when a name of each
shares a word, a consonant skeleton of a word, or an acronym with the other, and a block
holding more than ``MAX_BLOCK`` groups (a word like "Gulf" in a long story) is skipped,
so the work stays near-linear in the story's names.

A learned join is never a guess and never joins people who cannot be one
(``join_learned``): union-find closes over joins, and one weak join must not make Jim
Hackett and Shawn Hackett one person. Groups of different classes are not compared.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from functools import lru_cache
from typing import Any

from newsdesk.crosscheck.entities.census_names import surname_share
from newsdesk.crosscheck.entities.mention_types import type_class
from newsdesk.crosscheck.entities.misspelling import common_spelling, skeleton, zipf
from newsdesk.crosscheck.entities.name_keys import PersonName, acronym_of, initials, plain_name_key
from newsdesk.crosscheck.unionfind import UnionFind

Node = tuple[str, Any]  # (article_id, Entity), as entity_merge.Node

FEATURES = (
    "same_class", "both_person", "one_person", "key_equal", "ratio", "jaro_winkler",
    "edit1", "edit2", "token_jaccard", "contained", "skeleton_equal", "common_spelling",
    "acronym", "first_word_equal", "last_word_equal", "length_ratio", "words_apart",
    "odd_word_zipf", "name_zipf", "both_full", "one_bare", "family_equal", "given_fits",
    "given_conflict", "compatible", "family_zipf", "family_census", "namesakes",
    "one_word_each", "fuzzy_cover", "both_odd",
    "odd_alpha", "odd_entity",
)
# A block (a shared word, skeleton or acronym) holding more groups than this is too
# common a word to compare within: its groups are not paired through it.
MAX_BLOCK = 30
# Spellings of a group compared per block (its most mentioned ones).
REPS_PER_BLOCK = 2
_WORD = re.compile(r"[a-z0-9]+")
_VOWELS = re.compile(r"[aeiouy]")
_DOUBLE = re.compile(r"(.)\1+")


@lru_cache(maxsize=1 << 16)
def _key(text: str) -> str:
    return " ".join(_WORD.findall(plain_name_key(text)))


def _word_bone(word: str) -> str:
    """A word's consonant skeleton (first letter kept, vowels and doubling off) for words
    of four letters or more: "manaagement" and "management" meet."""
    if len(word) < 4 or not word.isalpha():
        return ""
    return word[0] + _DOUBLE.sub(r"\1", _VOWELS.sub("", word[1:]))


def jaro_winkler(a: str, b: str) -> float:
    """Jaro-Winkler similarity (prefix scale 0.1, up to four letters)."""
    if a == b:
        return 1.0
    la, lb = len(a), len(b)
    if not la or not lb:
        return 0.0
    reach = max(la, lb) // 2 - 1
    used = [False] * lb
    match_a = []
    for i, ch in enumerate(a):
        for j in range(max(0, i - reach), min(lb, i + reach + 1)):
            if not used[j] and b[j] == ch:
                used[j] = True
                match_a.append(ch)
                break
    m = len(match_a)
    if not m:
        return 0.0
    match_b = [b[j] for j in range(lb) if used[j]]
    half = sum(x != y for x, y in zip(match_a, match_b, strict=True)) / 2
    jaro = (m / la + m / lb + (m - half) / m) / 3
    prefix = 0
    for x, y in zip(a[:4], b[:4], strict=False):
        if x != y:
            break
        prefix += 1
    return jaro + prefix * 0.1 * (1 - jaro)


def edit_distance(a: str, b: str, cap: int = 3) -> int:
    """Levenshtein distance, counted up to ``cap``."""
    if abs(len(a) - len(b)) >= cap:
        return cap
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        if min(cur) >= cap:
            return cap
        prev = cur
    return min(prev[-1], cap)


@dataclass
class Group:
    """One group of the rules: its nodes' spellings, classes, people and mentions."""

    root: int
    spellings: dict[str, int] = field(default_factory=dict)  # name → mentions
    classes: set[str] = field(default_factory=set)
    people: list[PersonName] = field(default_factory=list)
    mentions: int = 0


@dataclass
class StoryView:
    """What the features need of a story after the rules: each node's group and each
    group's spellings, and the family names the story's people carry."""

    nodes: Sequence[Node]
    labels: Sequence[str]
    people: Mapping[int, PersonName]
    uf: UnionFind[int]
    groups: dict[int, Group] = field(default_factory=dict)
    families: dict[str, set[int]] = field(default_factory=dict)  # family → group roots
    readings: dict[tuple[int, str], PersonName] = field(default_factory=dict)
    words: dict[str, set[int]] = field(default_factory=dict)  # name word → group roots

    @classmethod
    def build(cls, nodes: Sequence[Node], labels: Sequence[str],
              people: Mapping[int, PersonName], uf: UnionFind[int]) -> StoryView:
        view = cls(nodes, labels, people, uf)
        families: dict[str, set[int]] = defaultdict(set)
        for i, (_, entity) in enumerate(nodes):
            root = uf.find(i)
            group = view.groups.setdefault(root, Group(root))
            count = max(1, len(entity.mentions))
            group.spellings[entity.name] = group.spellings.get(entity.name, 0) + count
            group.classes.add(type_class(labels[i]))
            group.mentions += count
            for word in _key(entity.name).split():
                view.words.setdefault(word, set()).add(root)
            name = people.get(i)
            if name is not None:
                group.people.append(name)
                view.readings.setdefault((root, entity.name), name)
                if name.is_full and not name.family_first:
                    families[name.family].add(root)
        view.families = dict(families)
        return view

    def group_of(self, i: int) -> Group:
        return self.groups[self.uf.find(i)]


def _fuzzy_match(word: str, others: Sequence[str]) -> bool:
    """Whether a word is one of ``others``, or one letter off one of them when both have
    five letters or more ("mexiaco" / "mexico")."""
    if word in others:
        return True
    return len(word) >= 5 and any(len(o) >= 5 and edit_distance(word, o, 2) <= 1
                                  for o in others)


def pair_features(view: StoryView, a: tuple[int, str, PersonName | None],
                  b: tuple[int, str, PersonName | None]) -> list[float]:
    """The ``FEATURES`` of two spellings of two groups: (group root, name as written, the
    rules' person reading or None) each."""
    from newsdesk.crosscheck.entities.merge import _given_fits, compatible

    ga, gb = view.groups[a[0]], view.groups[b[0]]
    ka, kb = _key(a[1]), _key(b[1])
    wa, wb = ka.split(), kb.split()
    sa, sb = set(wa), set(wb)
    pa, pb = a[2], b[2]
    ca, cb = ga.classes, gb.classes
    same_class = float(bool(ca & cb))
    both_person = float(pa is not None and pb is not None)
    one_person = float((pa is None) != (pb is None))
    dist = edit_distance(ka, kb) if ka and kb else 3
    union = sa | sb
    odd = (sa ^ sb)
    bone_a, bone_b = skeleton(ka), skeleton(kb)
    common = common_spelling([ka, kb]) if bone_a and bone_a == bone_b and ka != kb else None
    acro = float(bool(
        (acronym_of(a[1]) and acronym_of(a[1]) == initials(b[1]))
        or (acronym_of(b[1]) and acronym_of(b[1]) == initials(a[1]))))
    full_a = pa is not None and pa.is_full
    full_b = pb is not None and pb.is_full
    fam_equal = float(pa is not None and pb is not None and pa.family == pb.family)
    given_fit = float(full_a and full_b and _given_fits(pa, pb))  # type: ignore[arg-type]
    given_conflict = float(full_a and full_b and not given_fit)
    compat = float(full_a and full_b and compatible(pa, pb))  # type: ignore[arg-type]
    surnames = [p.surname for p in (pa, pb) if p is not None and p.surname]
    if not surnames:
        surnames = [w for w in (wa[-1:] + wb[-1:])]
    family_zipf = min((zipf(s) for s in surnames), default=0.0)
    census = max((surname_share(s) for s in surnames), default=0.0)
    family = pa.family if pa is not None else (pb.family if pb is not None else "")
    namesakes = len(view.families.get(family, ()))
    odd_a = [w for w in wa if not _fuzzy_match(w, wb)]
    odd_b = [w for w in wb if not _fuzzy_match(w, wa)]
    shorter = wa if len(wa) <= len(wb) else wb
    cover = 1.0 - len(odd_a if shorter is wa else odd_b) / len(shorter) if shorter else 0.0
    odd_words = odd_a + odd_b
    # a word left over that names another group of the story: a span fusing two names
    # ("Haliburton Cheney")
    odd_entity = sum(1 for w in odd_words if len(w) >= 3 and zipf(w) < 4.0
                     and view.words.get(w, set()) - {a[0], b[0]})
    return [
        same_class, both_person, one_person,
        float(ka == kb and bool(ka)),
        SequenceMatcher(None, ka, kb).ratio() if ka and kb else 0.0,
        jaro_winkler(ka, kb),
        float(dist <= 1), float(dist <= 2),
        len(sa & sb) / len(union) if union else 0.0,
        float(bool(sa) and bool(sb) and (sa <= sb or sb <= sa)),
        float(bool(bone_a) and bone_a == bone_b),
        float(common is not None),
        acro,
        float(bool(wa) and bool(wb) and wa[0] == wb[0]),
        float(bool(wa) and bool(wb) and wa[-1] == wb[-1]),
        min(len(ka), len(kb)) / max(len(ka), len(kb), 1),
        float(abs(len(wa) - len(wb))),
        max((zipf(w) for w in odd), default=0.0),
        max(zipf(ka) if len(wa) == 1 else 0.0, zipf(kb) if len(wb) == 1 else 0.0),
        float(full_a and full_b),
        float(both_person and full_a != full_b),
        fam_equal, given_fit, given_conflict, compat,
        family_zipf, min(census, 1.0), math.log1p(namesakes),
        float(len(wa) == 1 and len(wb) == 1),
        cover, float(bool(odd_a) and bool(odd_b)),
        float(min(3, sum(1 for w in odd_words if w.isalpha() and len(w) >= 3))),
        float(min(2, odd_entity)),
    ]


def _blocks(key: str, raw: str) -> set[str]:
    words = key.split()
    out = {"w:" + w for w in words if len(w) >= 3 or w.isupper()}
    out |= {"s:" + b for b in map(_word_bone, words) if b}
    for letters in (acronym_of(raw), initials(raw)):
        if letters:
            out.add("a:" + letters.casefold())
    return out


def candidate_pairs(view: StoryView) -> list[tuple[tuple[int, str], tuple[int, str]]]:
    """Pairs of spellings of two different groups that share a block (module docstring),
    each pair once, in a fixed order."""
    blocks: dict[str, dict[int, list[tuple[int, str]]]] = defaultdict(dict)
    for root, group in sorted(view.groups.items()):
        ranked = sorted(group.spellings.items(), key=lambda s: (-s[1], s[0]))
        keyed: dict[str, list[tuple[int, str]]] = defaultdict(list)
        for name, _ in ranked:
            for block in _blocks(_key(name), name):
                if len(keyed[block]) < REPS_PER_BLOCK:
                    keyed[block].append((root, name))
        for block, reps in keyed.items():
            blocks[block][root] = reps
    seen: set[tuple[tuple[int, str], tuple[int, str]]] = set()
    for _, members in sorted(blocks.items()):
        if len(members) < 2 or len(members) > MAX_BLOCK:
            continue
        roots = sorted(members)
        for x, ra in enumerate(roots):
            for rb in roots[x + 1:]:
                for rep_a in members[ra]:
                    for rep_b in members[rb]:
                        seen.add((rep_a, rep_b))
    return sorted(seen)


def score(model: Mapping[str, Any], features: Sequence[float]) -> float:
    """The model's probability that the pair is one entity: a plain logistic sum."""
    weights = model["weights"]
    z = model["bias"] + sum(weights[name] * x for name, x in zip(FEATURES, features,
                                                                   strict=True))
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def _people_clash(a: Sequence[PersonName], b: Sequence[PersonName]) -> bool:
    """Whether two groups' people hold full names that cannot be one person: family names
    that differ (beyond one letter in a long name), or given names that neither fit
    (``entity_merge._given_fits``) nor differ by one letter (module docstring)."""
    from newsdesk.crosscheck.entities.merge import _given_fits

    for x in a:
        if not x.is_full or x.family_first:
            continue
        for y in b:
            if not y.is_full or y.family_first:
                continue
            if x.family != y.family and (min(len(x.family), len(y.family)) < 5
                                         or edit_distance(x.family, y.family, 2) > 1):
                return True
            if not _given_fits(x, y) and edit_distance(x.given, y.given, 2) > 1:
                return True
    return False


def learned_joins(view: StoryView, model: Mapping[str, Any]) -> list[tuple[int, int, float]]:
    """(root, root, probability) of the group pairs of one class whose best-scored pair of
    spellings reaches the model's threshold, best first."""
    best: dict[tuple[int, int], float] = {}
    reading = view.readings.get
    for rep_a, rep_b in candidate_pairs(view):
        pair = (rep_a[0], rep_b[0])
        if not view.groups[pair[0]].classes & view.groups[pair[1]].classes:
            continue
        p = score(model, pair_features(view, (*rep_a, reading(rep_a)), (*rep_b, reading(rep_b))))
        if p > best.get(pair, -1.0):
            best[pair] = p
    threshold = float(model["threshold"])
    return sorted(((ra, rb, p) for (ra, rb), p in best.items() if p >= threshold),
                  key=lambda j: (-j[2], j[0], j[1]))


def join_learned(view: StoryView, model: Mapping[str, Any]) -> int:
    """Apply ``learned_joins`` to the view's union-find (``apply_joins``); the number of
    joins made."""
    return apply_joins(view.uf, view.groups, learned_joins(view, model))


def apply_joins(uf: UnionFind[int], groups: Mapping[int, Group],
                joins: Sequence[tuple[int, int, float]]) -> int:
    """Join the groups of ``joins`` (root, root, probability; best first) in ``uf``. Never
    a guess: a group the model would join to two or more groups the rules keep apart joins
    none of them ("George Bush" to George W. and George H. W. Bush, "Washington" to
    Washington, DC and the Washington Post); and a join that would put people who cannot
    be one (``_people_clash``) into one entity is skipped, also after the joins already
    made. Returns the number of joins made."""
    partners: dict[int, set[int]] = defaultdict(set)
    for ra, rb, _ in joins:
        partners[ra].add(rb)
        partners[rb].add(ra)
    people: dict[int, list[PersonName]] = {r: list(g.people) for r, g in groups.items()}
    made = 0
    for ra, rb, _ in joins:
        if len(partners[ra]) > 1 or len(partners[rb]) > 1:
            continue
        xa, xb = uf.find(ra), uf.find(rb)
        if xa == xb or _people_clash(people[xa], people[xb]):
            continue
        uf.union(xa, xb)
        root = uf.find(xa)
        people[root] = people[xa] + people[xb] if root == xa else people[xb] + people[xa]
        made += 1
    return made
