"""The frozen sample behind the figures table: how its 300 sentences were drawn.

Run once, before any extractor code existed (``python benchmarks/figures.py --sample
FILE`` re-creates it byte for byte): every sentence of the PolNeAR train texts and of the
Timeline17 articles (PTB-tokenised, detokenised here) that holds a digit or a number
word and is sentence-sized; 150 distinct sentences drawn from each pool with
``random.Random(20240617)``; dev/test from a fixed hash of each sentence's pointer.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import random
import re
from pathlib import Path
from typing import Any

SEED = 20240617
PER_SOURCE = 150

_NUMBER_WORD = re.compile(
    r"\b(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|"
    r"fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|"
    r"seventy|eighty|ninety|hundreds?|thousands?|millions?|billions?|trillions?|dozens?)\b",
    re.IGNORECASE,
)
_DIGIT = re.compile(r"\d")
# A sentence ends at . ! ? (maybe followed by a closing quote or bracket) before a space and
# an opening quote or an upper-case letter or digit; abbreviations ("Mr.", "U.S.") are kept.
_SENT_END = re.compile(r"(?<=[.!?])([”\"’')]?)\s+(?=[“\"‘'(]?[A-Z0-9])")
_ABBREV = re.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Lt|Col|Sgt|St|Jr|Sr|Inc|Co|Corp|Ltd|No|vs|Jan|Feb|"
    r"Mar|Apr|Aug|Sept|Sep|Oct|Nov|Dec|Rev|Prof|Mt|Ft|Pres|Gens?)\.|\b[A-Z]\.|\b(?:[A-Z]\.){2,})$"
)
_PTB = [
    (re.compile(r"-LRB-\s?"), "("),
    (re.compile(r"\s?-RRB-"), ")"),
    (re.compile(r"-LCB-\s?"), "{"),
    (re.compile(r"\s?-RCB-"), "}"),
    (re.compile(r"``\s?"), '"'),
    (re.compile(r"\s?''"), '"'),
    (re.compile(r" (?='s\b|'re\b|'ve\b|'m\b|'ll\b|'d\b|n't\b)"), ""),
    (re.compile(r" (?=[.,;:!?%)])"), ""),
    (re.compile(r"\$ (?=\d)"), "$"),
    (re.compile(r"# (?=\d)"), "#"),
    (re.compile(r"\\(?=[/*])"), ""),
]


def split_sentences(text: str) -> list[tuple[int, str]]:
    """(offset, sentence) pairs of a paragraph-structured text; a plain, rule-based split."""
    out: list[tuple[int, str]] = []
    for para in re.finditer(r"[^\n]+", text):
        start = para.start()
        body = para.group()
        cut = 0
        for match in _SENT_END.finditer(body):
            piece = body[cut : match.start(0) + len(match.group(1))]
            if _ABBREV.search(piece.rstrip("”\"’')")):
                continue
            out.append((start + cut, piece))
            cut = match.end()
        out.append((start + cut, body[cut:]))
    return [(o, s.strip()) for o, s in out if s.strip()]


def detokenise(tokens: str) -> str:
    """Undo PTB tokenisation well enough to read as ordinary text."""
    text = tokens
    for pattern, repl in _PTB:
        text = pattern.sub(repl, text)
    return re.sub(r"\s+", " ", text).strip()


def _ptb_sentences(tokenised: str) -> list[str]:
    return [s for s in re.split(r"(?<= [.!?]) (?!'')|(?<= [.!?] '') ", tokenised) if s.strip()]


def is_candidate(sentence: str) -> bool:
    """A sentence the table may hold: a digit or a number word, and sentence-sized."""
    if not 30 <= len(sentence) <= 500:
        return False
    return bool(_DIGIT.search(sentence) or _NUMBER_WORD.search(sentence))


def attribution_pool(root: Path) -> list[dict[str, Any]]:
    pool = []
    for path in sorted((root / "attribution" / "train" / "text").glob("*.txt")):
        text = path.read_text("utf-8")
        for offset, sentence in split_sentences(text):
            if is_candidate(sentence):
                rel = str(path.relative_to(root))
                pool.append({"dataset": "attribution", "file": rel, "offset": offset,
                             "text": sentence})
    return pool


def timelines_pool(root: Path) -> list[dict[str, Any]]:
    pool = []
    for path in sorted((root / "timelines").glob("*/articles.json.gz")):
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            articles = json.load(fh)
        rel = str(path.relative_to(root))
        for art in articles:
            for k, tokenised in enumerate(_ptb_sentences(art["text"])):
                sentence = detokenise(tokenised)
                if is_candidate(sentence):
                    pool.append({"dataset": "timelines", "file": rel, "uid": art["uid"],
                                 "sentence": k, "text": sentence})
    return pool


def split_of(uid: str) -> str:
    """dev or test, from a fixed hash of the item id: never from its content or labels."""
    return "dev" if hashlib.sha1(uid.encode()).digest()[0] % 2 == 0 else "test"


def sample(root: Path, per_source: int = PER_SOURCE, seed: int = SEED) -> list[dict[str, Any]]:
    """The frozen sample: ``per_source`` distinct sentences from each pool, seeded."""
    rng = random.Random(seed)
    items: list[dict[str, Any]] = []
    for pool in (attribution_pool(root), timelines_pool(root)):
        seen: dict[str, dict[str, Any]] = {}
        for item in pool:
            seen.setdefault(item["text"], item)
        distinct = list(seen.values())
        items.extend(rng.sample(distinct, per_source))
    for n, item in enumerate(items):
        pointer = item.get("offset", item.get("uid"))
        item["id"] = f"{item['dataset'][:2]}{n:03d}"
        item["split"] = split_of(f"{item['file']}:{pointer}:{item.get('sentence', '')}")
    return items
