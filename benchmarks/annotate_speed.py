"""Annotate speed: newsdesk's fact finders on top of spaCy, beside spaCy's nlp.pipe alone.

The target (DESIGN.md) is that annotating costs at most 1.5x what spaCy's own
``nlp.pipe`` costs on the same texts, i.e. our five finders together add at most half
of spaCy's time. Both runs use the same model, batch size and texts in the same
process, after an untimed warm-up; each is repeated and the fastest repeat is kept,
so a noisy neighbour on the machine does not decide the ratio.

Texts: the PolNeAR dev articles (real political news, ~800 words each) from
../shared/benchmarks/attribution; without that folder, the five bundled examples.

    python benchmarks/annotate_speed.py [--docs N] [--repeat R]
"""

from __future__ import annotations

import argparse
import json
import time
from collections.abc import Callable

from common import REPO, benchmarks_dir, results_path
from newsdesk.annotation.nlp import load_nlp
from newsdesk.annotation.pipeline import BATCH_SIZE, facts_of
from newsdesk.config import load_settings
from newsdesk.model import Article, PublishedDate


def load_texts(limit: int, splits: tuple[str, ...] = ("dev",)) -> tuple[str, list[str]]:
    """Up to ``limit`` PolNeAR articles of ``splits`` (in that order), else the examples."""
    folders = [benchmarks_dir() / "attribution" / split / "text" for split in splits]
    if all(folder.is_dir() for folder in folders):
        files = [f for folder in folders for f in sorted(folder.glob("*.txt"))][:limit]
        return (f"PolNeAR {' + '.join(splits)} articles",
                [f.read_text("utf-8") for f in files])
    examples = sorted((REPO / "examples" / "articles").glob("*.txt"))
    return "bundled examples (benchmarks not found)", [f.read_text("utf-8") for f in examples]


def article(text: str) -> Article:
    return Article(
        id="bench", source="bench", url=None, format="text", title=None, authors=(),
        outlet=None, section=None, published=PublishedDate(value="2016-06-01"), text=text,
        language="en",
    )


def best_times(repeat: int, runs: dict[str, Callable[[], None]]) -> dict[str, float]:
    """Fastest of ``repeat`` runs each, interleaved so load on the machine hits both alike."""
    best = {name: float("inf") for name in runs}
    for _ in range(repeat):
        for name, run in runs.items():
            start = time.perf_counter()
            run()
            best[name] = min(best[name], time.perf_counter() - start)
    return best


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, default=84)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    label, texts = load_texts(args.docs)
    nlp = load_nlp(load_settings().spacy_model)
    articles = [article(t) for t in texts]
    list(nlp.pipe(texts[:2]))  # warm-up: lazy initialisation is not what we measure

    def spacy_alone() -> None:
        for _ in nlp.pipe(texts, batch_size=BATCH_SIZE):
            pass

    def newsdesk() -> None:
        for a, doc in zip(articles, nlp.pipe(texts, batch_size=BATCH_SIZE), strict=True):
            facts_of(doc, a)

    rows = best_times(args.repeat, {
        "spaCy nlp.pipe alone": spacy_alone,
        "newsdesk annotate (nlp.pipe + finders)": newsdesk,
    })
    base, ours = rows.values()
    words = sum(len(t.split()) for t in texts)
    print(f"{len(texts)} texts ({label}), {words} words; best of {args.repeat} runs")
    print("| system | seconds | articles/s | words/s | ratio to spaCy |")
    print("| --- | ---: | ---: | ---: | ---: |")
    for name, secs in rows.items():
        print(f"| {name} | {secs:.2f} | {len(texts) / secs:.1f} | {words / secs:.0f} "
              f"| {secs / base:.2f} |")
    out = results_path("annotate_speed.json")
    out.write_text(json.dumps({
        "texts": label, "docs": len(texts), "words": words,
        "seconds": {k: round(v, 3) for k, v in rows.items()},
        "ratio": round(ours / base, 3),
    }, indent=2, sort_keys=True) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
