"""Facts on every English page: how many real English pages get no entities, and why.

The pages are the 990 of ``extraction/`` in the shared benchmarks (real pages of ~500
sites, about a sixth in English).  Which pages are English is decided by their content,
not their ``lang`` tag and not by newsdesk's own language guess: jusText's stop-word
lists (an independent, much larger word list per language) are counted over the page's
gold main-text segments, its gold title and the text newsdesk extracted, and a page is
English when English's list covers the most words.  Each page goes the way a user's
page goes (``extract_source`` from the raw bytes, then ``annotate_articles``), and a
page with no entities is given its reason: no text extracted, analysis skipped for its
language, too short, a finder failed, or a text with no names in it.

The rule before this benchmark existed is measured in the same run: the page's tag as
written (``en-US`` was not ``en``) and, without a tag, the content guess.  The precision
side is counted too: pages *not* in English that get English analysis.

    python benchmarks/zero_facts.py [--fold tune|report|all]
"""

from __future__ import annotations

import argparse
import dataclasses
import gzip
import json
import re
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from common import benchmarks_dir, results_path
from folds import fold_of
from newsdesk.annotation.nlp import load_nlp
from newsdesk.annotation.pipeline import annotate_articles
from newsdesk.config import load_settings
from newsdesk.extraction.html.extract import extract_page_meta
from newsdesk.extraction.language import decide_language, is_english
from newsdesk.extraction.pipeline import extract_source
from newsdesk.ingest import decode
from newsdesk.model import Article, Facts, Failure, Source

# The languages of the benchmark's pages that jusText has a clean list for (its Finnish,
# Marathi and a few other lists hold English words, so they are left out).
JUDGE_LANGUAGES = (
    "English", "German", "French", "Spanish", "Italian", "Dutch", "Polish", "Portuguese",
    "Hungarian", "Norwegian_Bokmal", "Catalan", "Russian", "Ukrainian",
)
JUDGE_MIN_WORDS = 20
# ... and it must also cover this share of the words: English prose runs at 40-55 % with
# jusText's English list, while a Chinese page naming a few English albums stays far below.
JUDGE_MIN_COVER = 0.2
# Below this many words an article is a stub: no names in it is no surprise.
SHORT_WORDS = 50
_WORD = re.compile(r"[^\W\d_]+")


@dataclass(frozen=True)
class Page:
    key: str
    file: str
    fold: str
    raw: bytes
    url: str | None
    gold: str  # the gold main-text segments and title: what the page is about


@dataclass(frozen=True)
class Outcome:
    """What one page got, before and after, and why it has no entities when it has none."""

    key: str
    fold: str
    english: bool
    declared: str | None
    language_before: str | None
    language_after: str | None
    analysed_before: bool
    analysed_after: bool
    counts: dict[str, int]  # facts found after
    entities_before: int
    reason: str | None = None


def load_pages(root: Path, fold: str = "all") -> list[Page]:
    """The benchmark's pages, raw bytes as a user's files hold them; ``fold`` as in folds.py."""
    base = root / "extraction"
    data = json.loads((base / "evaldata.json").read_text(encoding="utf-8"))
    pages = []
    for key, entry in data.items():
        with gzip.open(base / "pages" / f"{entry['file']}.gz") as fh:
            raw = fh.read()
        gold = "\n".join([*entry.get("with", []), str(entry.get("title") or "")])
        url = key if key.startswith(("http://", "https://")) else None
        page_fold = fold_of(key, entry["file"])
        if fold in ("all", page_fold):
            pages.append(Page(key, entry["file"], page_fold, raw, url, gold))
    return pages


@cache
def _stoplists() -> dict[str, frozenset[str]]:
    import justext

    return {name: frozenset(w.lower() for w in justext.get_stoplist(name))
            for name in JUDGE_LANGUAGES}


def english_by_content(text: str) -> bool:
    """The reference judge: English's jusText stop-word list covers the most words."""
    words = [w.lower() for w in _WORD.findall(text)]
    if len(words) < JUDGE_MIN_WORDS:
        return False
    cover = {name: sum(w in stops for w in words) for name, stops in _stoplists().items()}
    best = max(sorted(cover), key=lambda name: cover[name])
    return best == "English" and cover[best] >= JUDGE_MIN_COVER * len(words)


def rule_before(declared: str | None, text: str) -> str | None:
    """The language the pipeline used before: the tag exactly as written, else the text's
    guess (analysis ran only for ``None`` and the exact string ``"en"``)."""
    return declared or decide_language(text, None)


def _declared(page: Page) -> str | None:
    try:
        return extract_page_meta(decode(_source(page)).text, page.url).language
    except Exception:  # a page the metadata reader rejects declares nothing
        return None


def _source(page: Page) -> Source:
    return Source(name=page.file, content=page.raw, url=page.url)


def _counts(facts: Facts) -> dict[str, int]:
    return {"entities": len(facts.entities), "quotes": len(facts.quotes),
            "figures": len(facts.figures), "timexes": len(facts.timexes),
            "attributions": len(facts.attributions)}


def _why_empty(article: Article | Failure, analysed: bool) -> str:
    if isinstance(article, Failure):
        return f"no text extracted ({article.problem.code}: {article.problem.message})"
    if not analysed:
        return f"analysis skipped: language decided as {article.language!r}"
    codes = [w.code for w in article.warnings if w.code in ("W203", "W204")]
    if codes:
        return f"fact finders did not run ({', '.join(codes)})"
    words = len(article.text.split())
    if words < SHORT_WORDS:
        return f"too short ({words} words): {article.text[:80]!r}"
    return f"no names in {words} words: {article.text[:80]!r}"


def measure(pages: Iterable[Page]) -> list[Outcome]:
    settings = load_settings()
    nlp = load_nlp(settings.spacy_model)
    rows: list[tuple[Page, Article | Failure, bool, str | None, str | None]] = []
    for page in pages:
        article = extract_source(_source(page), settings)
        text = article.text if isinstance(article, Article) else ""
        english = english_by_content(f"{page.gold}\n{text}")
        declared = _declared(page)
        rows.append((page, article, english, declared, rule_before(declared, text)))
    # Facts for every English page that either rule analyses (the text is the same, so
    # the facts are too); other pages need only the decisions.
    todo = [dataclasses.replace(a, language="en") for _, a, english, _, before in rows
            if english and isinstance(a, Article) and a.text
            and (before in (None, "en") or _analysed(a))]
    facts = {a.id: f for a, f in annotate_articles(todo, nlp)}
    out = []
    for page, article, english, declared, before in rows:
        after = article.language if isinstance(article, Article) else None
        analysed_after = isinstance(article, Article) and _analysed(article)
        analysed_before = isinstance(article, Article) and bool(article.text) and (
            before in (None, "en"))
        got = facts.get(article.id) if isinstance(article, Article) else None
        counts = _counts(got if got is not None and analysed_after else Facts())
        entities_before = len(got.entities) if got is not None and analysed_before else 0
        reason = None if counts["entities"] else _why_empty(article, analysed_after)
        out.append(Outcome(page.key, page.fold, english, declared, before, after,
                           analysed_before, analysed_after, counts, entities_before, reason))
    return out


def _analysed(article: Article) -> bool:
    return bool(article.text) and (article.language is None or is_english(article.language))


def summarise(outcomes: list[Outcome]) -> dict[str, Any]:
    english = [o for o in outcomes if o.english]
    others = [o for o in outcomes if not o.english]
    no_entities_after = [o for o in english if not o.counts["entities"]]
    no_facts_after = [o for o in english if not any(o.counts.values())]
    no_entities_before = [o for o in english if not o.entities_before]
    n = max(len(english), 1)
    return {
        "pages": len(outcomes),
        "english_pages": len(english),
        "before": {
            "no_entities": len(no_entities_before),
            "no_entities_share": round(len(no_entities_before) / n, 4),
            "english_not_analysed": sum(not o.analysed_before for o in english),
            "other_pages_given_english_analysis": sum(o.analysed_before for o in others),
        },
        "after": {
            "no_entities": len(no_entities_after),
            "no_entities_share": round(len(no_entities_after) / n, 4),
            "no_facts_of_any_kind": len(no_facts_after),
            "english_not_analysed": sum(not o.analysed_after for o in english),
            "other_pages_given_english_analysis": sum(o.analysed_after for o in others),
        },
        "tags_of_english_pages": _tally(o.declared for o in english),
        "remaining": [{"key": o.key, "fold": o.fold, "declared": o.declared,
                       "language": o.language_after, "counts": o.counts, "reason": o.reason}
                      for o in no_entities_after],
        "others_given_english_analysis": [
            {"key": o.key, "declared": o.declared, "language": o.language_after}
            for o in others if o.analysed_after],
    }


def _tally(values: Iterable[str | None]) -> dict[str, int]:
    out: dict[str, int] = {}
    for v in values:
        out[str(v)] = out.get(str(v), 0) + 1
    return dict(sorted(out.items(), key=lambda kv: (-kv[1], kv[0])))


def run(root: Path, fold: str = "all") -> dict[str, Any]:
    return {"fold": fold, **summarise(measure(load_pages(root, fold)))}


def print_table(result: dict[str, Any]) -> None:
    n = result["english_pages"]
    print(f"{n} English pages (by content) of {result['pages']} (fold: {result['fold']})\n")
    print("| rule | English pages with no entities | English pages not analysed "
          "| other pages given English analysis |")
    print("|---|---:|---:|---:|")
    for name, label in (("before", "before: the tag as written"),
                        ("after", "**newsdesk**: any en-*, the text over the tag")):
        r = result[name]
        print(f"| {label} | {r['no_entities']} ({r['no_entities_share']:.1%}) "
              f"| {r['english_not_analysed']} | {r['other_pages_given_english_analysis']} |")
    print(f"\nno facts of any kind (after): {result['after']['no_facts_of_any_kind']}")
    print("\nremaining pages with no entities:")
    for row in result["remaining"]:
        print(f"- {row['key']} [{row['declared']} -> {row['language']}]: {row['reason']}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--fold", choices=("tune", "report", "all"), default="all",
                        help="by-site fold of folds.py (nothing here was tuned on either)")
    args = parser.parse_args(argv)
    root = benchmarks_dir()
    if not (root / "extraction" / "evaldata.json").is_file():
        print(f"skipped: {root}/extraction not found (set NEWSDESK_BENCHMARKS)")
        return 0
    result = run(root, args.fold)
    print_table(result)
    name = "zero_facts.json" if args.fold == "all" else f"zero_facts_{args.fold}.json"
    results_path(name).write_text(
        json.dumps(result, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
