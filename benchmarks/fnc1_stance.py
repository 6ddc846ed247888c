"""Headline–body stance on FNC-1 (issue 15, item 2): is a headline unrelated to a body, or
does the body agree with it, disagree with it, or discuss it without taking a side?

FNC-1 ships its competition **test** set only (no train stances), so the pairs are split by
the body clusters of ``fnc_test_body_clusters.json.gz``: a cluster and every pair whose body
lies in it go to one half, the half chosen by a hash of the cluster id (never by labels).
Models and cuts are fitted on the **tune** half (choices by grouped cross-validation within
it); the **report** half is scored once, at the end, in the same run as the references:

* **always unrelated** — the FNC-1 null score;
* **overlap + refuting** — the FNC-1 baseline's idea: word overlap, refuting words, polarity
  and n-gram hits, fed to the same kind of trees;
* **stance** — relatedness from the body sentences most similar to the headline (TF-IDF
  cosine, content-stem coverage, BLEU/METEOR/chrF-style scores of the best sentence,
  ``align_features``), stance from refuting, hedging, confirming and negation cues in the
  body and, weighted by their similarity, in the sentences nearest the headline; two stages
  of gradient-boosted trees (related or not; then agree / disagree / discuss among related).

The FNC-1 score: +0.25 per pair rightly related or unrelated, +0.75 more per related pair
with the right agree / disagree / discuss; shown as a share of the maximum. Per-class F1,
macro-F1 and the confusion matrix beside it. The dossier question is whether ``disagree``
can be trusted: a cut on the probability of ``disagree`` is set on the tune half
(out-of-fold) for precision ≥ ``WANT_PRECISION``, and its precision and recall on the report
half are reported.

No feature names a word of a particular headline (no bag of words), so a headline that
appears in both halves (as ``unrelated`` beside bodies of other clusters) teaches nothing
about itself; how many do is written to the results.

    python benchmarks/fnc1_stance.py [--tune]   # --tune: the tune half's CV only

Writes ``benchmarks/results/fnc1_stance.json``.
"""

from __future__ import annotations

import csv
import gzip
import hashlib
import io
import itertools
import json
import math
import re
import sys
import time
from collections import Counter
from collections.abc import Sequence
from functools import cache
from typing import Any

import numpy as np

from align_features import _bleu, _chrf, _meteor, surface
from common import benchmarks_dir, results_path
from newsdesk.crosscheck.headline import missing_words
from newsdesk.crosscheck.words import content_words

LABELS = ("agree", "disagree", "discuss", "unrelated")
RELATED = ("agree", "disagree", "discuss")
SEED = 13
WANT_PRECISION = 0.80
USABLE_RECALL = 0.20

# The FNC-1 baseline's refuting words, plus the obvious kin (its list, then ours).
REFUTING = (
    "fake", "fraud", "hoax", "false", "deny", "denies", "refute", "not", "despite",
    "nope", "doubt", "doubts", "bogus", "debunk", "pranks", "retract",
    "denied", "denying", "debunked", "debunks", "refuted", "refutes", "untrue", "myth",
    "rumour", "rumor", "satire", "satirical", "prank", "hoaxes", "fabricated", "dismissed",
    "dismisses", "retracted", "misleading", "baseless", "no", "never", "isn't", "wasn't",
    "didn't", "doesn't", "won't", "aren't", "weren't", "hasn't", "haven't", "nothing",
)
BASELINE_REFUTING = REFUTING[:16]
HEDGING = (
    "reportedly", "allegedly", "alleged", "claims", "claimed", "claim", "purportedly",
    "purported", "supposedly", "rumoured", "rumored", "unconfirmed", "unverified",
    "apparently", "appears", "appear", "seems", "may", "might", "could", "possibly",
    "perhaps", "suggests", "suggest", "according", "if", "believed", "speculation",
    "report", "reports", "reported", "said", "says",
)
CONFIRMING = (
    "confirmed", "confirms", "confirm", "official", "officially", "announced", "indeed",
    "true", "verified", "actually", "real", "proved", "proven", "revealed", "shows",
)
NEGATION = frozenset((
    "not", "no", "never", "none", "nobody", "nothing", "neither", "nor", "without",
    "cannot", "isn't", "wasn't", "didn't", "doesn't", "won't", "aren't", "weren't",
    "hasn't", "haven't", "can't", "couldn't", "don't",
))
_TOKEN = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[\"“‘'(\[]?[A-Z0-9])"
                       r"|(?<=[.!?][\"”’')\]])\s+(?=[\"“‘'(\[]?[A-Z0-9])|\n+")
TOP = 3  # body sentences nearest the headline that the stance cues are read in
LEAD_CHARS = 255  # the FNC-1 baseline counted n-gram hits in the body's first 255 chars

STANCE_FEATURES = (
    # relatedness
    "cos_body", "cos_max", "cos_top", "cos_lead", "coverage", "coverage_lead",
    "jaccard", "bigram_hits", "bigram_lead", "bleu_best", "meteor_best", "chrf_best",
    "near_share", "headline_words", "body_sentences",
    # stance cues
    "ref_headline", "ref_body", "ref_top", "ref_weighted", "ref_near",
    "hedge_headline", "hedge_body", "hedge_top", "hedge_weighted",
    "conf_body", "conf_top", "conf_weighted",
    "neg_headline", "neg_top", "polarity_clash", "question",
    "quote_share", "cos_top_minus_lead",
)


def tokens(text: str) -> list[str]:
    return [t.replace("’", "'") for t in _TOKEN.findall(text.casefold())]


def sentences(body: str) -> list[str]:
    found = [s.strip() for s in _SENTENCE.split(body) if s and s.strip()]
    return [s for s in found if len(s) > 1] or [body.strip() or "."]


def cluster_half(cluster: str) -> str:
    """'tune' or 'report' by a hash of the cluster id (about half the clusters each)."""
    return "tune" if hashlib.sha1(cluster.encode("utf-8")).digest()[0] % 2 == 0 else "report"


def read_data() -> tuple[list[tuple[str, str, str]], dict[str, str], dict[str, str]]:
    root = benchmarks_dir() / "stories" / "fnc1"
    with gzip.open(root / "competition_test_stances.csv.gz", "rt", encoding="utf-8") as fh:
        pairs = [(r["Headline"], r["Body ID"], r["Stance"]) for r in csv.DictReader(fh)]
    with gzip.open(root / "competition_test_bodies.csv.gz", "rt", encoding="utf-8") as fh:
        bodies = {r["Body ID"]: r["articleBody"] for r in csv.DictReader(io.StringIO(fh.read()))}
    with gzip.open(root / "fnc_test_body_clusters.json.gz", "rt", encoding="utf-8") as fh:
        clusters = {r["body_id"]: r["cluster"] for r in json.load(fh)}
    return pairs, bodies, clusters


# ---------------------------------------------------------------- scoring


def fnc_score(gold: Sequence[str], pred: Sequence[str]) -> float:
    score = 0.0
    for g, p in zip(gold, pred, strict=True):
        if (g == "unrelated") == (p == "unrelated"):
            score += 0.25
            if g != "unrelated" and g == p:
                score += 0.75
    return score


def report(gold: Sequence[str], pred: Sequence[str]) -> dict[str, Any]:
    best = fnc_score(gold, gold)
    got = fnc_score(gold, pred)
    per: dict[str, dict[str, float]] = {}
    for label in LABELS:
        tp = sum(g == p == label for g, p in zip(gold, pred, strict=True))
        n_pred = sum(p == label for p in pred)
        n_gold = sum(g == label for g in gold)
        p_ = tp / n_pred if n_pred else 0.0
        r_ = tp / n_gold if n_gold else 0.0
        f = 2 * p_ * r_ / (p_ + r_) if p_ + r_ else 0.0
        per[label] = {"precision": round(p_, 4), "recall": round(r_, 4), "f1": round(f, 4),
                      "gold": n_gold, "predicted": n_pred}
    confusion = {g: {p: sum(a == g and b == p for a, b in zip(gold, pred, strict=True))
                     for p in LABELS} for g in LABELS}
    return {
        "fnc_score": round(got, 2), "fnc_max": best, "fnc_share": round(got / best, 4),
        "accuracy": round(sum(g == p for g, p in zip(gold, pred, strict=True)) / len(gold), 4),
        "macro_f1": round(sum(v["f1"] for v in per.values()) / len(LABELS), 4),
        "per_class": per, "confusion": confusion,
    }


# ---------------------------------------------------------------- features


@cache
def _surface(text: str) -> Any:
    return surface(text)


def _count(words: Sequence[str], vocab: frozenset[str]) -> int:
    return sum(w in vocab for w in words)


_REF = frozenset(REFUTING)
_HEDGE = frozenset(HEDGING)
_CONF = frozenset(CONFIRMING)


class Body:
    """One body, read once: its sentences, their words and cue counts."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.sentences = sentences(text)
        self.words = [tokens(s) for s in self.sentences]
        flat = [w for ws in self.words for w in ws]
        self.n_words = max(1, len(flat))
        self.word_set = frozenset(flat)
        self.bigrams = frozenset(itertools.pairwise(flat))
        lead = tokens(text[:LEAD_CHARS])
        self.lead_set = frozenset(lead)
        self.lead_bigrams = frozenset(itertools.pairwise(lead))
        self.ref = [_count(ws, _REF) for ws in self.words]
        self.hedge = [_count(ws, _HEDGE) for ws in self.words]
        self.conf = [_count(ws, _CONF) for ws in self.words]
        self.neg = [_count(ws, NEGATION) % 2 for ws in self.words]
        self.stems = frozenset(s for s, _ in content_words(text))
        self.lead_stems = frozenset(s for s, _ in content_words(" ".join(self.sentences[:2])))
        self.quotes = sum(('"' in s or "“" in s) for s in self.sentences) / len(self.sentences)


class Vectors:
    """TF-IDF over the tune half's headlines and body sentences (no report text)."""

    def __init__(self, texts: Sequence[str]) -> None:
        from sklearn.feature_extraction.text import TfidfVectorizer

        self.vec = TfidfVectorizer(lowercase=True, stop_words="english", sublinear_tf=True,
                                   token_pattern=r"(?u)\b[^\W\d_][\w']+\b", min_df=1)
        self.vec.fit(texts)

    def matrix(self, texts: Sequence[str]) -> Any:
        return self.vec.transform(texts)


def pair_features(headline: str, hvec: Any, body: Body, smat: Any, bvec: Any,
                  df: dict[str, int], docs: int) -> list[float]:
    htok = tokens(headline)
    hset = frozenset(htok)
    hbig = frozenset(itertools.pairwise(htok))
    cos = (smat @ hvec.T).toarray().ravel()
    cos_body = float((bvec @ hvec.T).toarray()[0, 0])
    order = np.argsort(-cos, kind="stable")
    top = [int(i) for i in order[:TOP]]
    weights = [max(0.0, float(cos[i])) for i in top]
    wsum = sum(weights) or 1.0
    best = body.sentences[top[0]]
    hs, bs = _surface(headline), _surface(best)
    _, missing = missing_words(headline, body.text, df, docs)
    hstems = frozenset(s for s, _ in content_words(headline))
    near = [i for i in range(len(cos)) if cos[i] >= 0.1]
    n = len(body.sentences)
    neg_h = _count(htok, NEGATION) % 2
    neg_top = sum(body.neg[i] for i in top) / len(top)
    return [
        cos_body, float(cos.max()), sum(float(cos[i]) for i in top) / len(top),
        float(cos[:2].max()),
        1.0 - missing,
        len(hstems & body.lead_stems) / max(1, len(hstems)),
        len(hset & body.word_set) / max(1, len(hset | body.word_set)),
        len(hbig & body.bigrams) / max(1, len(hbig)),
        len(hbig & body.lead_bigrams) / max(1, len(hbig)),
        _bleu(hs.tokens, bs.tokens), _meteor(hs.stems, bs.stems), _chrf(hs, bs),
        len(near) / n, float(len(hstems)), float(n),
        float(_count(htok, _REF)),
        sum(body.ref) / body.n_words * 100, sum(body.ref[i] for i in top),
        sum(w * body.ref[i] for w, i in zip(weights, top, strict=True)) / wsum,
        sum(body.ref[i] for i in near) / max(1, len(near)),
        float(_count(htok, _HEDGE)),
        sum(body.hedge) / body.n_words * 100, sum(body.hedge[i] for i in top),
        sum(w * body.hedge[i] for w, i in zip(weights, top, strict=True)) / wsum,
        sum(body.conf) / body.n_words * 100, sum(body.conf[i] for i in top),
        sum(w * body.conf[i] for w, i in zip(weights, top, strict=True)) / wsum,
        float(neg_h), neg_top, abs(neg_h - neg_top),
        float("?" in headline), body.quotes,
        sum(float(cos[i]) for i in top) / len(top) - float(cos[:2].max()),
    ]


def baseline_features(headline: str, body: Body) -> list[float]:
    """The FNC-1 baseline's kind of evidence: word overlap, refuting words of the headline
    (one column each), polarity of headline and body, n-gram hits (whole body and lead)."""
    htok = tokens(headline)
    hset = frozenset(htok)
    hbig = frozenset(itertools.pairwise(htok))
    flat_neg = sum(_count(ws, frozenset(BASELINE_REFUTING)) for ws in body.words) % 2
    return [
        len(hset & body.word_set) / max(1, len(hset | body.word_set)),
        *[float(w in hset) for w in BASELINE_REFUTING],
        float(_count(htok, frozenset(BASELINE_REFUTING)) % 2), float(flat_neg),
        float(len(hset & body.word_set)), float(len(hset & body.lead_set)),
        float(len(hbig & body.bigrams)), float(len(hbig & body.lead_bigrams)),
    ]


def featurise(rows: list[tuple[str, str, str]], bodies: dict[str, Body], vectors: Vectors,
              df: dict[str, int], docs: int) -> tuple[np.ndarray, np.ndarray]:
    heads = sorted({h for h, _, _ in rows})
    hmat = vectors.matrix(heads)
    hvec = {h: hmat[i] for i, h in enumerate(heads)}
    ids = sorted({b for _, b, _ in rows})
    smats = {b: vectors.matrix(bodies[b].sentences) for b in ids}
    bmat = vectors.matrix([bodies[b].text for b in ids])
    bvecs = {b: bmat[i] for i, b in enumerate(ids)}
    x = [pair_features(h, hvec[h], bodies[b], smats[b], bvecs[b], df, docs) for h, b, _ in rows]
    xb = [baseline_features(h, bodies[b]) for h, b, _ in rows]
    return np.asarray(x, dtype=float), np.asarray(xb, dtype=float)


# ---------------------------------------------------------------- models


def gbm(params: dict[str, Any]) -> Any:
    from sklearn.ensemble import GradientBoostingClassifier

    return GradientBoostingClassifier(random_state=SEED, **params)


class TwoStage:
    """Related or not, then agree / disagree / discuss among the related."""

    def __init__(self, params: dict[str, Any], balanced: bool = False) -> None:
        self.params = params
        self.balanced = balanced  # stance classes weighted to equal totals

    def fit(self, x: np.ndarray, y: np.ndarray) -> TwoStage:
        related = y != "unrelated"
        self.rel = gbm(self.params).fit(x, related)
        weights = None
        if self.balanced:
            counts = Counter(y[related])
            weights = np.asarray([len(y[related]) / (3 * counts[c]) for c in y[related]])
        self.stance = gbm(self.params).fit(x[related], y[related], sample_weight=weights)
        return self

    def proba(self, x: np.ndarray) -> np.ndarray:
        """Columns in ``LABELS`` order: P(related) × P(stance | related), P(unrelated)."""
        p_rel = self.rel.predict_proba(x)[:, list(self.rel.classes_).index(True)]
        ps = self.stance.predict_proba(x)
        cols = [ps[:, list(self.stance.classes_).index(c)] * p_rel for c in RELATED]
        return np.column_stack([*cols, 1.0 - p_rel])


def predict(p: np.ndarray) -> list[str]:
    """Unrelated when P(unrelated) ≥ 0.5, else the likeliest stance."""
    out = []
    for row in p:
        out.append("unrelated" if row[3] >= 0.5 else RELATED[int(np.argmax(row[:3]))])
    return out


def out_of_fold(make: Any, x: np.ndarray, y: np.ndarray, groups: np.ndarray,
                folds: int = 4) -> np.ndarray:
    from sklearn.model_selection import GroupKFold

    p = np.zeros((len(y), len(LABELS)))
    for train, test in GroupKFold(n_splits=folds).split(x, y, groups):
        p[test] = make().fit(x[train], y[train]).proba(x[test])
    return p


def precision_cut(p: np.ndarray, gold: np.ndarray, want: float) -> float | None:
    """The lowest cut on P(disagree) whose out-of-fold precision is ≥ ``want`` and stays so
    above it (None when no cut holding at least 5 pairs gets there)."""
    col = p[:, LABELS.index("disagree")]
    order = np.argsort(-col, kind="stable")
    tp = 0
    best = None
    for k, i in enumerate(order, start=1):
        tp += gold[i] == "disagree"
        if k >= 5 and tp / k >= want:
            best = float(col[i])
    return best


def precision_at_recall(p: np.ndarray, gold: np.ndarray, recall: float) -> dict[str, Any]:
    """A point of the precision–recall curve of P(disagree), read off for the record (not
    a cut anyone chose): the precision of the fewest top-ranked pairs that reach ``recall``,
    and the best precision over any cut with at least 10 pairs."""
    col = p[:, LABELS.index("disagree")]
    order = np.argsort(-col, kind="stable")
    hits = np.cumsum(gold[order] == "disagree")
    total = int(hits[-1])
    k = int(np.searchsorted(hits, math.ceil(recall * total))) + 1
    shown = np.arange(1, len(hits) + 1)
    best = int(np.argmax(np.where(shown >= 10, hits / shown, 0.0)))
    return {"recall": recall, "pairs": k, "precision": round(float(hits[k - 1] / k), 4),
            "best_precision_10_or_more": round(float(hits[best] / (best + 1)), 4),
            "best_at_pairs": best + 1}


def at_cut(p: np.ndarray, gold: np.ndarray, cut: float | None) -> dict[str, Any]:
    col = p[:, LABELS.index("disagree")]
    flagged = col >= cut if cut is not None else np.zeros(len(gold), dtype=bool)
    tp = int(np.sum(flagged & (gold == "disagree")))
    n = int(flagged.sum())
    total = int(np.sum(gold == "disagree"))
    return {"cut": None if cut is None else round(cut, 4), "flagged": n, "true": tp,
            "precision": round(tp / n, 4) if n else None,
            "recall": round(tp / total, 4) if total else None}


def main() -> None:
    start = time.time()
    pairs, texts, clusters = read_data()
    halves = {h: [r for r in pairs if cluster_half(clusters[r[1]]) == h]
              for h in ("tune", "report")}
    tune_bodies = sorted({b for _, b, _ in halves["tune"]})
    bodies = {b: Body(t) for b, t in texts.items()}
    vectors = Vectors([h for h, _, _ in halves["tune"]]
                      + [s for b in tune_bodies for s in bodies[b].sentences])
    df: dict[str, int] = Counter()
    for b in tune_bodies:
        df.update(bodies[b].stems)
    docs = len(tune_bodies)
    data = {}
    for half, rows in halves.items():
        x, xb = featurise(rows, bodies, vectors, dict(df), docs)
        y = np.asarray([s for _, _, s in rows])
        g = np.asarray([clusters[b] for _, b, _ in rows])
        data[half] = (x, xb, y, g)
    print(f"features: {time.time() - start:.0f}s", flush=True)

    # hyper-parameters by grouped 4-fold CV on the tune half (FNC share, then disagree F1)
    xt, xbt, yt, gt = data["tune"]
    grid = [({"n_estimators": n, "max_depth": d, "learning_rate": 0.1, "subsample": 0.8}, bal)
            for n, d in ((100, 3), (200, 5)) for bal in (False, True)]
    cv: list[dict[str, Any]] = []
    for params, bal in grid:
        p = out_of_fold(lambda params=params, bal=bal: TwoStage(params, bal), xt, yt, gt)
        r = report(list(yt), predict(p))
        cv.append({"params": params, "balanced": bal, "fnc_share": r["fnc_share"],
                   "macro_f1": r["macro_f1"], "disagree": r["per_class"]["disagree"],
                   "disagree_at_cut": at_cut(p, yt, precision_cut(p, yt, WANT_PRECISION)),
                   "oof": p})
        print(f"cv {params} balanced={bal}: {r['fnc_share']} macro {r['macro_f1']} "
              f"disagree {r['per_class']['disagree']} {cv[-1]['disagree_at_cut']}", flush=True)
    if "--tune" in sys.argv:
        return
    chosen = max(cv, key=lambda c: (c["fnc_share"], c["macro_f1"]))
    params, balanced = chosen["params"], chosen["balanced"]
    cut = precision_cut(chosen["oof"], yt, WANT_PRECISION)
    base_params = {"n_estimators": 200, "max_depth": 3, "learning_rate": 0.1, "subsample": 0.8}

    model = TwoStage(params, balanced).fit(xt, yt)
    baseline = TwoStage(base_params).fit(xbt, yt)

    # the report half, once
    xr, xbr, yr, _gr = data["report"]
    p_model = model.proba(xr)
    gold = list(yr)
    systems = {
        "always_unrelated": report(gold, ["unrelated"] * len(gold)),
        "overlap_refuting": report(gold, predict(baseline.proba(xbr))),
        "stance": report(gold, predict(p_model)),
    }
    tune_heads = {h for h, _, _ in halves["tune"]}
    report_heads = {h for h, _, _ in halves["report"]}
    importances = sorted(zip(STANCE_FEATURES, model.stance.feature_importances_, strict=True),
                         key=lambda t: -t[1])
    disagree = at_cut(p_model, yr, cut)
    usable = (disagree["precision"] is not None and disagree["precision"] >= WANT_PRECISION
              and (disagree["recall"] or 0) >= USABLE_RECALL)
    out = {
        "data": "stories/fnc1 (FNC-1 competition test set), split by body cluster hash",
        "halves": {h: {"pairs": len(rows), "clusters": len({clusters[b] for _, b, _ in rows}),
                       "bodies": len({b for _, b, _ in rows}),
                       "labels": dict(Counter(s for _, _, s in rows))}
                   for h, rows in halves.items()},
        "headlines_in_both_halves": len(tune_heads & report_heads),
        "cv_tune": [{k: v for k, v in c.items() if k != "oof"} for c in cv],
        "chosen_params": params, "chosen_balanced": balanced,
        "baseline_params": base_params,
        "report": systems,
        "disagree_at_precision_cut": {
            "want_precision": WANT_PRECISION, "usable_recall": USABLE_RECALL,
            "tune_oof": at_cut(chosen["oof"], yt, cut), "report": disagree,
            "curve_tune_oof": precision_at_recall(chosen["oof"], yt, USABLE_RECALL),
            "curve_report": precision_at_recall(p_model, yr, USABLE_RECALL),
            "usable": usable,
        },
        "stance_importances": [(n, round(float(v), 4)) for n, v in importances[:12]],
        "relatedness_importances": sorted(
            ((n, round(float(v), 4)) for n, v in zip(STANCE_FEATURES,
                                                       model.rel.feature_importances_,
                                                       strict=True)),
            key=lambda t: -t[1])[:8],
        "seconds": round(time.time() - start, 1),
    }
    results_path("fnc1_stance.json").write_text(json.dumps(out, indent=1) + "\n", "utf-8")
    for name, r in systems.items():
        per = " ".join(f"{k} {v['f1']:.3f}" for k, v in r["per_class"].items())
        print(f"{name:17s} FNC {r['fnc_score']:.2f}/{r['fnc_max']} = {r['fnc_share']:.4f}  "
              f"macro-F1 {r['macro_f1']:.4f}  {per}")
    print("disagree at cut:", disagree, "usable" if usable else "not usable")
    print("disagree curve:", out["disagree_at_precision_cut"]["curve_report"])
    print(f"{out['seconds']}s")


if __name__ == "__main__":
    main()
