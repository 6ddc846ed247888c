"""How likely two articles report the same event: a logistic model over what they share.

The features are generic — how alike the whole texts and the titles are, how much of their
names they share and how rare the rarest shared name is, the specific numbers (ages, street
numbers) both give, how many days apart they are, whether one is too short to judge — and
the weights are learnt on the GVA tune incidents (``benchmarks/train_story_links.py``) and
shipped as ``link_model.json``; applying them needs no library.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from operator import mul
from typing import Any

from .measures import disagreements
from .places import placed_apart
from .profile import Profile
from .regions import regions_apart
from .towns import towns_apart

FEATURES = ("cosine", "title", "names", "rarest_name", "numbers", "days_apart", "short",
            "nameless", "cosine_x_names", "rarest_word", "rare_words", "names_differ")
# A word is rare when its idf is at least this share of a once-seen word's.
RARE_SHARE = 0.6
RARE_CAP = 5
# A specific name is nearly unique: its idf at least this share of a once-seen word's.
SPECIFIC_SHARE = 0.8
# Fewer content words than this and a page is too thin to judge by its words alone (a
# login wall, a video caption).
SHORT_WORDS = 60
# Two articles one of which has no date are taken to be this many days apart: the typical
# gap between two reports of one event (GVA: most follow-ups come the next day), not the
# same-day gap that made every undated pair look like one event's. On FNC-1 (no dates) it
# lifts precision from 0.876 to 0.970 (recall 0.837 -> 0.646); dated streams are untouched.
UNDATED_DAYS_APART = 1
# Measured things (kilometers, magnitude, homes) two reports must both give and disagree on,
# agreeing on none, to be two events.
MEASURES_DIFFER = 2
# Shared names and numbers reported per link (the "why it joined" record).
SHOWN = 6
_NAMES_DIFFER, _NUMBERS = FEATURES.index("names_differ"), FEATURES.index("numbers")


@dataclass(frozen=True, slots=True)
class Evidence:
    """What two articles share: the reasons a link was made, for the reader."""

    names: tuple[str, ...]
    numbers: tuple[str, ...]
    title_words: tuple[str, ...]
    days_apart: int | None


def features(a: Profile, b: Profile, ceiling: float) -> tuple[float, ...]:
    """The feature vector of a pair, in ``FEATURES`` order; ``ceiling`` is the idf of a word
    seen once (to scale rarity). Sums run over sorted shared terms, so the result does not
    depend on string hashing; each shared set is walked once (this is the clusterer's
    innermost loop: 20 candidates per article, so the helpers are written out inline, and
    the shared terms and names come from the profiles' frozensets)."""
    # Shared words: the cosine of the two word vectors, the rarity of the rarest shared word
    # (as a share of a once-seen word's idf) and how many shared words are rare.
    va, vb, ra, rb = a.vector, b.vector, a.rarity, b.rarity  # rarity keys are vector keys
    cosine = 0.0
    rarest_word = 0.0
    rare = 0
    for t in sorted(a.terms & b.terms):
        cosine += va[t] * vb[t]
        x, y = ra[t], rb[t]
        share = (y if y < x else x) / ceiling  # min() without the call
        if share > rarest_word:
            rarest_word = share
        if share >= RARE_SHARE:
            rare += 1
    # Shared names: the share of the names both give (weighted by rarity, of the article
    # naming less) and the rarity of the rarest shared name.
    na, nb = a.names, b.names
    names = rarest = 0.0
    differ = False
    if na and nb:
        shared = a.name_set & b.name_set
        summed = 0.0
        for n in sorted(shared):
            x, y = na[n], nb[n]
            weight = y if y < x else x
            summed += weight
            if weight > rarest:
                rarest = weight
        names, rarest = summed / min(a.names_total, b.names_total), rarest / ceiling
        differ = _names_differ(a, b, ceiling, shared)
    days = UNDATED_DAYS_APART if a.day is None or b.day is None else abs((a.day - b.day).days)
    return (cosine, _dot(a.title, b.title) if a.title and b.title else 0, names, rarest,
            min(len(a.numbers & b.numbers), 3) / 3, math.log1p(days),
            float(min(a.size, b.size) < SHORT_WORDS), float(not na or not nb),
            cosine * names, rarest_word, min(rare, RARE_CAP) / RARE_CAP, float(differ))


def _names_differ(a: Profile, b: Profile, ceiling: float, shared: frozenset[str]) -> bool:
    """Both articles name specific people or places, and not one of them (``shared``: the
    names both give) is shared: the mark of two look-alike events ("shot in Hawthorne" and
    "shot in Fresno"). A profile's names are kept rarest first, so "at least two specific"
    is a look at the second."""
    cut = SPECIFIC_SHARE * ceiling
    if a.second_name < cut or b.second_name < cut:
        return False
    na, nb = a.names, b.names
    return not any(na[n] >= cut and nb[n] >= cut for n in shared)


def vetoed(values: tuple[float, ...]) -> bool:
    """Never one event, whatever the model says: both articles name specific people or
    places and share none of them, nor any specific number. Precision first: on the GVA tune
    pairs the model puts above its threshold this drops 8 true links of 990 and no false
    one, but it is what keeps two template-written reports of look-alike events apart in a
    small batch, where the stream has not yet learnt that the template's words are common."""
    return values[_NAMES_DIFFER] == 1.0 and values[_NUMBERS] == 0.0


def conflicting_measures(a: Profile, b: Profile) -> bool:
    """Never one event either: the two measure at least ``MEASURES_DIFFER`` things alike
    (magnitude, depth, homes without power) and agree on none — two look-alike events of
    one kind, written alike ("measures.py"). On the GVA tune stream this vetoes 26 links the
    model accepted, lifting precision 0.985 -> 0.987 at the same recall; FNC-1 and NeuS are
    unchanged (docs/decisions.md)."""
    differ, agree = disagreements(a.measures, b.measures)
    return differ >= MEASURES_DIFFER and not agree


def look_alikes(a: Profile, b: Profile, ceiling: float) -> bool:
    """Two events of one kind written alike, whatever the model says: they disagree on
    what they measure, their headlines name different subjects, or their leads place them
    apart. Checked only for a pair above the threshold (the clusterer's best candidate) and
    for the incident link's near misses, not for every candidate."""
    return (conflicting_measures(a, b) or headline_subjects_differ(a, b, ceiling)
            or placed_apart_profiles(a, b) or in_states_apart(a, b)
            or in_towns_apart(a, b))


def placed_apart_profiles(a: Profile, b: Profile) -> bool:
    """Never one event either: the two leads place their events in streets or
    neighbourhoods the other article never mentions, and the two name no person in common
    ("in the South Shore neighborhood … South Cornell" and "in the Lawndale neighborhood …
    West Douglas"; ``places.py``). On the GVA tune stream it vetoes 36 pairs of different
    incidents and 3 of one (precision 0.9846 -> 0.9864, recall 0.8486 -> 0.8482); FNC-1
    and NeuS are unchanged (docs/decisions.md, "Junk names and places apart")."""
    if not a.places or not b.places:  # most pairs: no lead place, nothing more is read
        return False
    return placed_apart(a.places, a.folded, a.people, b.places, b.folded, b.people)


def in_states_apart(a: Profile, b: Profile) -> bool:
    """Never one event either: the two leads place their events in different US states,
    neither article names the other's state or lead town anywhere, and the two name no
    person in common ("BRISTOL, Tenn." and "SELMA, Ala.", "Fort Myers" and "San Diego";
    ``regions.py``)."""
    region_a = a.region
    if not region_a.states:
        return False
    return regions_apart(region_a, a.folded, a.people, b.region, b.folded, b.people)


def in_towns_apart(a: Profile, b: Profile) -> bool:
    """Never one event either: the two leads place their events in different towns far
    apart (``NEAR_KM``), neither article names the other's lead town anywhere, and the two
    name no person in common — where no state is read for a lead ("CHICAGO —" and "a
    Kansas City teen"; ``towns.py``). On the tune streams it changes no number (the tune
    stream's false merges are one city's); among all GVA tune pairs a day apart it parts
    1,870 of two incidents and none of one, NeuS 1 / 1 (docs/decisions.md)."""
    region_a = a.region
    if not region_a.placed:
        return False
    return towns_apart(region_a, a.folded, a.people, b.region, b.folded, b.people)


def headline_subjects_differ(a: Profile, b: Profile, ceiling: float) -> bool:
    """Never one event either: each headline names someone or something specific (a name
    of the article, nearly unique in the stream) that the other article never mentions —
    "Zentrix to cut 1,200 jobs" and "Altavec lays off 600 workers", "Harold Vance dies at
    88" and "Earl Dupree dead at 91". Reports of one event name its subject in their
    headlines or at least in their text. Hyphenated words count by their parts
    ("Pfizer-BioNTech" meets "Pfizer"). On the tune streams it vetoes 4 GVA links (precision
    0.9870 -> 0.9873, recall 0.8028 -> 0.8027) and 1 NeuS link (recall 0.763 -> 0.762);
    FNC-1 has no headlines (docs/decisions.md)."""
    cut = SPECIFIC_SHARE * ceiling
    subjects_a = {w for w in a.title if a.names.get(w, 0.0) >= cut}
    subjects_b = {w for w in b.title if b.names.get(w, 0.0) >= cut}
    if not subjects_a or not subjects_b:
        return False
    words_a = _with_parts(a.names.keys() | a.vector.keys() | a.title.keys())
    words_b = _with_parts(b.names.keys() | b.vector.keys() | b.title.keys())
    return not _with_parts(subjects_a) & words_b and not _with_parts(subjects_b) & words_a


def _with_parts(words: Iterable[str]) -> set[str]:
    """The words and the parts of each hyphenated one (longer than two letters)."""
    out = set(words)
    for word in list(out):
        if "-" in word:
            out.update(part for part in word.split("-") if len(part) > 2)
    return out


def evidence(a: Profile, b: Profile) -> Evidence:
    """The shared names (rarest first), numbers and title words of a pair."""
    shared = sorted(a.names.keys() & b.names.keys(), key=lambda n: (-a.names[n], n))
    title_words = sorted(a.title.keys() & b.title.keys(), key=lambda w: (-a.title[w], w))
    return Evidence(tuple(shared[:SHOWN]), tuple(sorted(a.numbers & b.numbers)[:SHOWN]),
                    tuple(title_words[:SHOWN]), _days_apart(a, b))


def _dot(a: dict[str, float], b: dict[str, float]) -> float:
    """Dot product over the shared terms only (a set intersection runs in C: this is the
    clusterer's innermost loop), summed in term order so the result does not depend on
    string hashing."""
    return sum(a[t] * b[t] for t in sorted(a.keys() & b.keys()))


def _days_apart(a: Profile, b: Profile) -> int | None:
    if a.day is None or b.day is None:
        return None
    return abs((a.day - b.day).days)


@lru_cache(maxsize=1)
def model() -> dict[str, Any]:
    """The shipped weights, intercept and decision threshold."""
    text = resources.files("newsdesk.group").joinpath("link_model.json").read_text("utf-8")
    loaded: dict[str, Any] = json.loads(text)
    return loaded


def probability(values: tuple[float, ...], weights: dict[str, Any] | None = None) -> float:
    """The model's probability that the pair is one event."""
    params = weights or model()
    return scorer(params)(values)


def scorer(params: dict[str, Any]) -> Callable[[tuple[float, ...]], float]:
    """``probability`` with ``params`` looked up once: the weights in ``FEATURES`` order (the
    clusterer scores 20 pairs per article with one set of weights). The same sum in the same
    order, so the same probabilities to the last bit."""
    intercept = params["intercept"]
    ordered = tuple(params["weights"][name] for name in FEATURES)
    exp = math.exp

    def score(values: tuple[float, ...]) -> float:
        if len(values) != len(ordered):
            raise ValueError(f"{len(values)} feature values for {len(ordered)} weights")
        z = intercept + sum(map(mul, ordered, values))  # the products in C, summed in order
        return 1.0 / (1.0 + exp(-z))

    return score
