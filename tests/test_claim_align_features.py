"""The learned claim aligner's features and tree walk (benchmarks/align_features.py,
benchmarks/align_model.py): measured in benchmarks/claim_align.py, not adopted, but its
numbers must come from features that mean what they say."""

from __future__ import annotations

import importlib
import sys
from types import ModuleType

import pytest

from newsdesk.crosscheck.align import StoryVocabulary
from newsdesk.crosscheck.claim_words import claim_words

from .conftest import ROOT


def _module(name: str) -> ModuleType:
    path = str(ROOT / "benchmarks")
    if path not in sys.path:
        sys.path.insert(0, path)
    return importlib.import_module(name)


def _features(a: str, b: str, numbers: tuple[frozenset[str], frozenset[str]] = (
        frozenset(), frozenset())) -> dict[str, float]:
    from newsdesk.crosscheck.align import ClaimKey

    feats = _module("align_features")
    keys = []
    for text, nums in zip((a, b), numbers, strict=True):
        stems, minor = claim_words(text)
        keys.append(ClaimKey(stems, frozenset(), nums, minor))
    vocab = StoryVocabulary(keys)
    row = feats.pair_features(keys[0], keys[1], vocab, feats.surface(a), feats.surface(b))
    return dict(zip(feats.FEATURES, row, strict=True))


A = "Putin will sign a strategic partnership agreement with North Korea on Wednesday."
B = "On Wednesday, North Korea and Russia are expected to sign a partnership agreement."
C = "Heavy rain flooded three villages in the south of the country overnight."


def test_features_are_symmetric() -> None:
    one, other = _features(A, B), _features(B, A)
    assert one == pytest.approx(other)


def test_the_same_sentence_scores_full_overlap() -> None:
    same = _features(A, A)
    for name in ("jaccard", "stem_jaccard", "stem_containment", "background", "bleu",
                 "bigrams", "trigrams", "lcs_short", "lcs_long", "chrf", "length_ratio"):
        assert same[name] == pytest.approx(1.0), name
    assert same["meteor"] > 0.99
    assert same["negation"] == 0.0


def test_unrelated_sentences_share_nothing() -> None:
    apart = _features(A, C)
    assert apart["jaccard"] == 0.0 and apart["bleu"] == 0.0 and apart["lcs_short"] == 0.0
    assert apart["chrf"] < _features(A, B)["chrf"]


def test_negation_and_numbers() -> None:
    assert _features(A, A.replace("will sign", "will not sign"))["negation"] == 1.0
    assert _features("He refused to sign the deal.", "He did not sign the deal.")[
        "negation"] == 0.0
    clash = _features("The spill reached 5,000 barrels a day.", "The spill reached 12,000 "
                      "barrels a day.", (frozenset({"5000"}), frozenset({"12000"})))
    assert clash["number_clash"] == 1.0 and clash["digits_miss"] == 1.0
    agree = _features("The spill reached 5,000 barrels a day.", "Some 5,000 barrels a day "
                      "leaked.", (frozenset({"5000"}), frozenset({"5000"})))
    assert agree["numbers"] == 1.0 and agree["digits_miss"] == 0.0


def test_tree_walk() -> None:
    model = _module("align_model")
    names = _module("align_features").FEATURES
    rule = names.index("rule")
    tree = [[rule, 0.5, 1, 2], [-2.0], [3.0]]
    trees = {"baseline": 0.0, "trees": [tree]}
    low, high = [0.0] * len(names), [0.0] * len(names)
    high[rule] = 0.9
    assert model.probability(low, trees) == pytest.approx(1 / (1 + 2.718281828 ** 2))
    assert model.probability(high, trees) == pytest.approx(1 / (1 + 2.718281828 ** -3))


def test_fitted_model_loads_and_orders_pairs() -> None:
    model = _module("align_model")
    fitted = model.model()
    if fitted is None:
        pytest.skip("benchmarks/results/claim_align_model.json not present")
    feats = _module("align_features")
    assert tuple(fitted["features"]) == feats.FEATURES and 0 < fitted["cut"] < 1
    same = model.probability(tuple(_features(A, A).values()))
    close = model.probability(tuple(_features(A, B).values()))
    apart = model.probability(tuple(_features(A, C).values()))
    assert same > close > apart
    assert same >= fitted["cut"] > apart
