"""Context features of each line for the learned re-scorer of plain-text extraction.

The stretch algorithm in ``text.py`` decides from one score per line and one contiguous
stretch, so it cannot tell a lead paragraph behind a share bar from a teaser behind a
menu.  The re-scorer sees each line together with its neighbourhood: its own shape, the
shape of the lines around it, where it sits relative to the stretch and to the page's
densest text, and what the stretch algorithm made of it.  This module only computes the
numbers; ``model.py`` turns them into decisions.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass

from newsdesk.extraction.text.lines import Line, comment_meta, dateline_like, has_date, norm_key


@dataclass(frozen=True)
class StretchCut:
    """What the stretch algorithm found in a page: per-line signals and its verdict.

    ``reasons`` maps the index of each line it drops to the reason; ``fixed`` holds the
    lines read as metadata (title, byline, dateline, author box), which stay dropped
    whatever the re-scorer says.
    """

    lines: tuple[Line, ...]
    sentence: tuple[bool, ...]
    runs: tuple[int, ...]
    scores: tuple[float, ...]
    walls: tuple[int, ...]
    start: int
    end: int
    reasons: dict[int, str]
    fixed: frozenset[int]
    title: str | None = None
    authors: tuple[str, ...] = ()
    outlet: str | None = None
    section: str | None = None
    dateline: str | None = None
    republished_from: str | None = None


_NEAR = 3  # lines each side for the "near" window
_WIDE = 10  # lines each side for the "wide" window
_BLOCK_WINDOW = 6  # blocks each side in which a block's shape is looked for again
_SHAPE_CHARS = 200  # digit and capital shares are read from a line's head only (speed)
_WORDS = re.compile(r"[^\W\d_]+")
_MIN_WORD = 4
_MIN_LEXICON_WORD = 3
_DATE_CHARS = 90  # a date is a feature of a short line (a dateline), and costly to find
_URL = re.compile(r"https?://|www\.", re.IGNORECASE)
_CREDIT_TAIL = re.compile(r"[.!?]\s+(?:[A-Z][\w/&.-]*\s*){1,5}$")
_SENTENCE_BREAK = re.compile(r"[.!?…][\"”»’)]?\s+[A-ZÄÖÜÉÀ0-9„“\"«]")

# Computed from a word list learned with the model; last, so the trainer can swap them.
LEXICON_FEATURES = ("lex_mean", "lex_max", "lex_min", "lex_cover")
FEATURE_NAMES: tuple[str, ...] = (
    "log_chars",
    "log_words",
    "stop_ratio",
    "lower_ratio",
    "terminal",
    "bullet",
    "blank_before",
    "sentence",
    "log_run",
    "score",
    "rel_pos",
    "rel_chars_before",
    "in_stretch",
    "base_kept",
    "to_start",
    "to_end",
    *(f"{name}_{off:+d}" for off in (-2, -1, 1, 2) for name in ("sentence", "log_chars", "kept")),
    "near_text",
    "wide_text",
    "near_sentence_share",
    "wide_sentence_share",
    "near_kept_share",
    "wide_kept_share",
    "after_wall",
    "after_related",
    "since_related",
    "repeats",
    "digit_share",
    "upper_share",
    "has_date",
    "has_url",
    "ends_colon",
    "pipes",
    "sentences",
    "comment_meta",
    "dateline_like",
    "block_lines",
    "block_chars",
    "to_sentence",
    "chunk_text",
    "chunk_share",
    "to_densest",
    "credit_tail",
    "log_stretch_through",
    "stretch_through_share",
    "cohesion",
    "title_overlap",
    "content_words",
    "block_repeat",
    "block_sentence_share",
    *LEXICON_FEATURES,
)


def _slog(x: float) -> float:
    """Signed log: distances in lines matter most when they are small."""
    return math.copysign(math.log1p(abs(x)), x)


def _prefix(values: list[float]) -> list[float]:
    out = [0.0]
    for v in values:
        out.append(out[-1] + v)
    return out


def _blocks(lines: tuple[Line, ...]) -> list[tuple[int, int]]:
    """(lines, chars) of the blank-separated block each line belongs to."""
    out: list[tuple[int, int]] = []
    i = 0
    while i < len(lines):
        j = i + 1
        while j < len(lines) and not lines[j].blank_before:
            j += 1
        size = (j - i, sum(line.chars for line in lines[i:j]))
        out.extend([size] * (j - i))
        i = j
    return out


def _block_shapes(cut: StretchCut) -> tuple[list[float], list[float]]:
    """How often a line's block shape recurs among nearby blocks, and its sentence share.

    A teaser grid repeats one block shape (headline, teaser sentence, date) over and
    over; an article's paragraphs repeat too, but as lone long sentences, so the count
    means something only beside the shape itself, which the trees see in the other
    features.  Shape: per line, whether it is running text and its length class.
    """
    lines = cut.lines
    starts = [i for i, line in enumerate(lines) if i == 0 or line.blank_before]
    bounds = [*starts, len(lines)]
    shapes = [
        tuple(
            (cut.sentence[k], min(8, lines[k].chars.bit_length()))
            for k in range(bounds[b], bounds[b + 1])
        )
        for b in range(len(starts))
    ]
    repeat, share = [0.0] * len(lines), [0.0] * len(lines)
    for b, shape in enumerate(shapes):
        lo, hi = max(0, b - _BLOCK_WINDOW), min(len(shapes), b + _BLOCK_WINDOW + 1)
        same = math.log1p(sum(1 for c in range(lo, hi) if c != b and shapes[c] == shape))
        sent = sum(1 for s, _ in shape if s) / len(shape)
        for k in range(bounds[b], bounds[b + 1]):
            repeat[k], share[k] = same, sent
    return repeat, share


def _chunks(cut: StretchCut) -> list[float]:
    """Text points of the run of running-text lines (ended by menus) each line sits in."""
    out = [0.0] * len(cut.lines)
    i = 0
    n = len(cut.lines)
    while i < n:
        j = i
        total = 0.0
        while j < n and not (not cut.sentence[j] and cut.runs[j] >= 3):
            total += max(0.0, cut.scores[j])
            j += 1
        for k in range(i, max(j, i + 1)):
            out[k] = total
        i = max(j, i + 1)
    return out


def _stretch_through(scores: tuple[float, ...]) -> list[float]:
    """Score of the best contiguous stretch that contains each line (two Kadane passes).

    The stretch algorithm keeps only the best stretch; this tells the model how strong
    the best stretch through *this* line is, so a second body region (text after an
    embedded widget) can be told from a teaser.
    """
    n = len(scores)
    ending, starting = [0.0] * n, [0.0] * n
    run = 0.0
    for i in range(n):
        run = max(run, 0.0) + scores[i]
        ending[i] = run
    run = 0.0
    for i in range(n - 1, -1, -1):
        run = max(run, 0.0) + scores[i]
        starting[i] = run
    return [ending[i] + starting[i] - scores[i] for i in range(n)]


def _cohesion(cut: StretchCut, words: list[set[str]]) -> list[float]:
    """Share of a line's words that the text the stretch kept uses elsewhere.

    An article's paragraphs share its vocabulary; a newsletter pitch, a cookie notice or
    a teaser for another story does not.  Language-independent, and it reaches lines
    outside the stretch (a lead paragraph cut off by a share bar shares the words).
    """
    vocab: Counter[str] = Counter()
    for i in range(len(cut.lines)):
        if i not in cut.reasons:
            vocab.update(words[i])
    out = []
    for i, ws in enumerate(words):
        if not ws:
            out.append(0.0)
            continue
        own = 1 if i not in cut.reasons else 0
        out.append(sum(1 for w in ws if vocab[w] - own > 0) / len(ws))
    return out


def lexicon_words(text: str) -> set[str]:
    """The words a line is looked up by in the learned lexicon (three letters or more)."""
    return {w for w in _WORDS.findall(text.lower()) if len(w) >= _MIN_LEXICON_WORD}


def lexicon_features(
    word_sets: Sequence[set[str]], lexicon: Mapping[str, float]
) -> list[list[float]]:
    """What the learned lexicon says of each line: ``LEXICON_FEATURES``.

    The lexicon gives words a weight: positive for words of boilerplate ("newsletter",
    "kommentar", "provision", "reserved"), negative for words of running prose ("sagte",
    "sondern", "while").  It is learned from the tune fold, counting a word once per
    page so that no single site's menu makes the list.
    """
    out = []
    for words in word_sets:
        weights = [lexicon[w] for w in words if w in lexicon]
        out.append(
            [
                sum(weights) / math.sqrt(len(words)) if words else 0.0,
                max(weights, default=0.0),
                min(weights, default=0.0),
                len(weights) / max(1, len(words)),
            ]
        )
    return out


def scored(cut: StretchCut, i: int) -> bool:
    """Whether the model judges line ``i`` at all.

    Lines whose phrasing names them boilerplate and the metadata lines above the text
    stay dropped whatever a model says (see ``model.decide``), so they get no row
    and are not trained on.
    """
    return cut.lines[i].kind is None and i not in cut.fixed


def _windows(prefix: list[float], k: int, mean: bool) -> list[float]:
    """Sum (or mean) of a per-line value over each line's window of ``k`` lines each side."""
    n = len(prefix) - 1
    out = []
    for i in range(n):
        lo, hi = max(0, i - k), min(n, i + k + 1)
        total = prefix[hi] - prefix[lo]
        out.append(total / (hi - lo) if mean else math.log1p(total))
    return out


def line_features(cut: StretchCut, lexicon: Mapping[str, float]) -> Iterator[list[float]]:
    """One row of ``FEATURE_NAMES`` values per line the model judges, [] for the rest, made
    as they are asked for: a row is ~80 floats (~3 KB as Python objects), so a page of a
    million one-character lines held 3 GB of rows at once when they were a list."""
    lines = cut.lines
    n = len(lines)
    kept = [float(i not in cut.reasons) for i in range(n)]
    sent = [float(s) for s in cut.sentence]
    text_chars = [
        float(line.chars) if s else 0.0 for line, s in zip(lines, cut.sentence, strict=True)
    ]
    p_kept, p_sent, p_text = _prefix(kept), _prefix(sent), _prefix(text_chars)
    near_text, wide_text = _windows(p_text, _NEAR, False), _windows(p_text, _WIDE, False)
    near_sent, wide_sent = _windows(p_sent, _NEAR, True), _windows(p_sent, _WIDE, True)
    near_kept, wide_kept = _windows(p_kept, _NEAR, True), _windows(p_kept, _WIDE, True)
    log_chars = [math.log1p(line.chars) for line in lines]
    total_chars = sum(line.chars for line in lines) or 1
    norms = [norm_key(line.text) for line in lines]
    counts = Counter(norms)
    blocks = _blocks(lines)
    chunks = _chunks(cut)
    best_chunk = max(chunks, default=0.0) or 1.0
    densest = max(range(n), key=lambda i: (wide_text[i], -i)) if n else 0
    sentence_idx = [i for i in range(n) if cut.sentence[i]]
    through = _stretch_through(cut.scores)
    best_through = max(max(through, default=0.0), 1.0)
    word_sets = [lexicon_words(line.text) for line in lines]
    words = [{w for w in ws if len(w) >= _MIN_WORD} for ws in word_sets]
    cohesion = _cohesion(cut, words)
    block_repeat, block_share = _block_shapes(cut)
    title_words = {w for w in lexicon_words(cut.title or "") if len(w) >= _MIN_WORD}
    lexical = lexicon_features(
        [ws if scored(cut, i) else set() for i, ws in enumerate(word_sets)], lexicon
    )
    chars_before = 0
    last_related: int | None = None
    walls = set(cut.walls)
    after_wall = 0.0
    nearest = 0
    for i, line in enumerate(lines):
        if i in walls:
            after_wall = 1.0
        if line.kind == "related_list":
            last_related = i
        while nearest + 1 < len(sentence_idx) and abs(sentence_idx[nearest + 1] - i) <= abs(
            sentence_idx[nearest] - i
        ):
            nearest += 1
        if not scored(cut, i):
            yield []
            chars_before += line.chars
            continue
        to_sentence = abs(sentence_idx[nearest] - i) if sentence_idx else n
        text = line.text
        head = text[:_SHAPE_CHARS]
        letters = sum(map(str.isalpha, head))
        short = line.chars <= _DATE_CHARS
        row = [
            log_chars[i],
            math.log1p(line.words),
            line.stop_ratio,
            line.lower_ratio,
            float(line.terminal),
            float(line.bullet),
            float(line.blank_before),
            sent[i],
            math.log1p(cut.runs[i]),
            cut.scores[i],
            i / n,
            chars_before / total_chars,
            float(cut.start <= i <= cut.end),
            kept[i],
            _slog(i - cut.start),
            _slog(i - cut.end),
        ]
        for j in (i - 2, i - 1, i + 1, i + 2):
            if 0 <= j < n:
                row += [sent[j], log_chars[j], kept[j]]
            else:
                row += [0.0, 0.0, 0.0]
        row += [
            near_text[i],
            wide_text[i],
            near_sent[i],
            wide_sent[i],
            near_kept[i],
            wide_kept[i],
            after_wall,
            float(last_related is not None),
            math.log1p(i - last_related) if last_related is not None else 10.0,
            math.log1p(counts[norms[i]] - 1),
            sum(map(str.isdigit, head)) / max(1, len(head)),
            sum(map(str.isupper, head)) / max(1, letters),
            float(short and has_date(text)),
            float(bool(_URL.search(text))),
            float(text.endswith(":")),
            float(text.count("|") + text.count("»") + text.count("›")),
            float(len(_SENTENCE_BREAK.findall(text))),
            float(short and comment_meta(line)),
            float(short and dateline_like(line)),
            math.log1p(blocks[i][0]),
            math.log1p(blocks[i][1]),
            math.log1p(to_sentence),
            math.log1p(chunks[i]),
            chunks[i] / best_chunk,
            _slog(i - densest),
            float(not line.terminal and bool(_CREDIT_TAIL.search(text))),
            _slog(through[i]),
            through[i] / best_through,
            cohesion[i],
            len(title_words.intersection(words[i])) / max(1, len(title_words)),
            math.log1p(len(words[i])),
            block_repeat[i],
            block_share[i],
            *lexical[i],
        ]
        yield row
        chars_before += line.chars
