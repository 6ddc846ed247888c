"""Annotation on all cores: ``-j 1`` against ``-j 2`` (issue 13), beside spaCy's own
``nlp.pipe`` with one and two processes on the same texts.

Texts: 300 PolNeAR articles (real political news, ~800 words each; the 84 dev articles,
then train articles — with only 84, spaCy's own two processes had too few batches to
share and the reference was weak) written as one JSONL file; without
../shared/benchmarks, the five bundled examples. Timed, each after the model is loaded:
newsdesk's ``iter_annotated`` (extraction + parsing + the fact finders)
with 1 and with N workers, and ``nlp.pipe`` alone with ``n_process`` 1 and N. Targets:
``-j 2`` at least 1.7x faster than ``-j 1`` on this 2-core machine, and newsdesk with N
workers at most 1.5x spaCy's ``nlp.pipe`` with N processes — and so the whole flow
(``newsdesk.analyze`` with N workers into a fresh store, grouping, cross-checking, the JSON
dossier and HTML report included). The outputs of 1 and N workers
are compared (they must be identical).

    python benchmarks/annotate_workers.py [--docs N] [--workers N]
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from pathlib import Path

from annotate_speed import load_texts
from common import results_path
from newsdesk.annotation.nlp import load_nlp
from newsdesk.annotation.pipeline import BATCH_SIZE
from newsdesk.api import iter_annotated
from newsdesk.config import load_settings
from newsdesk.records import annotate_record


def run_newsdesk(path: Path, workers: int) -> tuple[float, list[str]]:
    start = time.perf_counter()
    out = [json.dumps(annotate_record(item, facts), sort_keys=True)
           for _, item, facts in iter_annotated([str(path)], workers=workers)]
    return time.perf_counter() - start, out


def run_analyze(path: Path, workers: int, folder: Path) -> float:
    """The whole flow as a user runs it (``newsdesk analyze FILE -j N`` into a fresh store,
    dossier JSON and HTML report written): what the issue's "whole analyze" ratio times."""
    import newsdesk

    start = time.perf_counter()
    newsdesk.analyze([str(path)], db=folder / "whole.db", workers=workers,
                     json_path=folder / "dossier.json", html_path=folder / "report.html")
    return time.perf_counter() - start


def run_spacy(texts: list[str], processes: int) -> float:
    nlp = load_nlp(load_settings().spacy_model)
    start = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=BATCH_SIZE, n_process=processes):
        pass
    return time.perf_counter() - start


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, default=300)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--whole-only", action="store_true",
                        help="time only the whole flow against spaCy with N processes")
    parser.add_argument("--rounds", type=int, default=1,
                        help="the whole flow and spaCy with N processes, interleaved this many "
                             "times; the best of each is kept (a loaded machine swings)")
    args = parser.parse_args(argv)
    source, texts = load_texts(args.docs, ("dev", "train"))
    load_nlp(load_settings().spacy_model)
    n = args.workers
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "texts.jsonl"
        path.write_text("".join(json.dumps({"text": t, "clean": True}) + "\n" for t in texts),
                        encoding="utf-8")
        if args.whole_only:
            one = many = spacy_one = float("nan")
            out_one = out_many = []
        else:
            one, out_one = run_newsdesk(path, 1)
            many, out_many = run_newsdesk(path, n)
        wholes, spacies = [], []
        for r in range(args.rounds):
            folder = Path(tmp) / f"round{r}"
            folder.mkdir()
            wholes.append(run_analyze(path, n, folder))
            spacies.append(run_spacy(texts, n))
            print(f"round {r + 1}: whole {wholes[-1]:.1f} s, spaCy {n} processes "
                  f"{spacies[-1]:.1f} s ({wholes[-1] / spacies[-1]:.2f}x)", flush=True)
        whole, spacy_many = min(wholes), min(spacies)
    if not args.whole_only:
        spacy_one = run_spacy(texts, 1)
    same: bool | str = "not run" if args.whole_only else out_one == out_many
    print(f"\n{len(texts)} texts ({source})\n")
    print("| run | seconds | texts/s |\n|---|---|---|")
    for name, seconds in (("newsdesk -j 1", one), (f"newsdesk -j {n}", many),
                          (f"newsdesk analyze -j {n} (whole flow, fresh store)", whole),
                          ("spaCy nlp.pipe, 1 process", spacy_one),
                          (f"spaCy nlp.pipe, {n} processes", spacy_many)):
        print(f"| {name} | {seconds:.1f} | {len(texts) / seconds:.1f} |")
    print(f"\n-j {n} against -j 1: {one / many:.2f}x faster (target >= 1.7x); "
          f"newsdesk -j {n} / spaCy {n} processes: {many / spacy_many:.2f}x (target <= 1.5x); "
          f"whole analyze -j {n} / spaCy {n} processes: {whole / spacy_many:.2f}x "
          f"(target <= 1.5x); same output: {same}")
    results_path("annotate_workers.json").write_text(json.dumps({
        "benchmark": "annotate_workers", "texts": len(texts), "workers": n,
        "seconds": {"one": one, "many": many, "whole": whole, "spacy_one": spacy_one,
                    "spacy_many": spacy_many},
        "speedup": one / many, "over_spacy": many / spacy_many,
        "whole_over_spacy": whole / spacy_many,
        "same_output": same, "rounds": {"whole": wholes, "spacy_many": spacies},
    }, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
