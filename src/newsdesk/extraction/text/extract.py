"""Plain-text boilerplate removal: which lines of a page dump are the article.

A text dump keeps the page's reading order but none of its markup, so the article has
to be found from the shape of the text.  The approach, in three steps:

1. every non-blank line gets features and, when its phrasing gives it away, a
   boilerplate reason (``lines``);
2. each line gets a score — running text earns points in proportion to its length,
   short label-like lines cost a little, runs of them (menus, headline lists) and
   recognised boilerplate cost more — and the article is the contiguous stretch with
   the highest total (the "maximum subarray" idea of Finn et al.'s Body Text
   Extraction).  This rests on structure alone, so it works the same in German,
   English or Polish; keyword patterns only sharpen the scores.  A comment section
   header is a wall the stretch cannot cross, because comments are running text too;
3. inside the stretch, recognised boilerplate and menu runs are dropped while lone
   short lines between paragraphs (subheadings) stay; the lines above it yield the
   title, section, byline and dateline;
4. a learned line model (``features`` + ``model``) then re-judges every line
   from its own shape, its neighbourhood and the stretch's verdict, so text outside
   the one stretch (a lead paragraph behind a share bar, a second body region after a
   widget) can come back and a bio or newsletter pitch inside it can go.  One stretch
   alone scores F1 0.858 on the tune fold; with the re-scorer, cross-validated by
   site, 0.908 (``benchmarks/train_text_lines.py``; 0.907-0.912 over retraining seeds).

Every dropped line is reported in ``removed`` with a reason, so a reader can audit it.
"""

from __future__ import annotations

import itertools
import math
import re

from newsdesk.errors import NewsdeskError
from newsdesk.extraction.text.features import StretchCut, line_features
from newsdesk.extraction.text.lines import (
    Line,
    comment_meta,
    dateline_like,
    is_copyright,
    is_sentence_like,
    make_line,
    norm_key,
    split_lines,
    syndication_source,
)
from newsdesk.extraction.text.model import decide, load_model
from newsdesk.extraction.text.top import author_box, read_top, title_like
from newsdesk.model import Extraction, Removed

# Scores, tuned on the "tune" fold of benchmarks/extraction/text (see
# benchmarks/extraction_text.py).  Running text is worth about one point per 60 chars;
# a label costs less than a short sentence earns, so one subheading never splits an
# article, while a menu of a dozen items outweighs a teaser paragraph beyond it.
_CHARS_PER_POINT = 60.0
_MAX_LINE_POINTS = 10.0
_LONE_SHORT_COST = -0.4
_RUN_SHORT_COST = -1.0
_KNOWN_BOILERPLATE_COST = -3.0
_SHORT_RUN = 3  # this many label-like lines in a row make a menu / list
_INSIDE_RUN_DROP = 4  # inside the article, a run this long is an embedded widget
_COMMENT_DISCOUNT = 0.35  # text after a comments header must be ~3x as strong to win
_REPEAT_PREFIX = 40
_TRIM_FRACTION = 0.25  # an end chunk under this share of the best chunk is cut ...
_TRIM_POINTS = 6.0  # ... unless it holds this much text (~360 chars) on its own
# Boilerplate that marks the edge of a page region; other kinds (credits, share
# buttons, counters) sit inside articles too and cost only as much as a menu item.
_BLOCK_KINDS = frozenset({"related_list", "comments", "cookie_notice", "skip_link", "footer"})
_INLINE_TEXT = 100  # a paragraph this long right after a "read also" label: it is inline

_META_KINDS = frozenset({"byline", "dateline", "title", "section_label", "photo_credit", "counter"})


def _runs(lines: list[Line], sentence: list[bool]) -> list[int]:
    """Length of the run of consecutive non-sentence lines each line belongs to."""
    out = [0] * len(lines)
    i = 0
    while i < len(lines):
        if sentence[i]:
            out[i] = 0
            i += 1
            continue
        j = i
        while j < len(lines) and not sentence[j]:
            j += 1
        for k in range(i, j):
            out[k] = j - i
        i = j
    return out


def _edges(lines: list[Line], sentence: list[bool]) -> list[bool]:
    """Which lines mark the edge of a page region (see ``_BLOCK_KINDS``).

    A "Read also:" / "Lesen Sie auch" label between paragraphs (running text right
    above it and, after at most one headline, right below it) is a link set inside the
    article, not the head of a list of other stories, so it is not an edge; it costs
    only what a menu item costs.
    """
    out = [line.kind in _BLOCK_KINDS for line in lines]
    n = len(lines)
    for i, line in enumerate(lines):
        if line.kind != "related_list" or not any(
            sentence[j] and lines[j].chars >= _INLINE_TEXT for j in range(max(0, i - 2), i)
        ):
            continue
        for j in (i + 1, i + 2):
            if j < n and sentence[j] and lines[j].chars >= _INLINE_TEXT:
                out[i] = False
                break
            if j < n and (sentence[j] or lines[j].kind is not None):
                break
    return out


def _inline_links(lines: list[Line], sentence: list[bool], edges: list[bool]) -> list[int]:
    """The headline right after an inline "Read also" label: a link to another story.

    It sits between paragraphs like a subheading, so neither the stretch nor the line
    model would drop it; it stays dropped whatever the model says.
    """
    return [
        i + 1
        for i, line in enumerate(lines[:-1])
        if line.kind == "related_list"
        and not edges[i]
        and not sentence[i + 1]
        and lines[i + 1].kind is None
    ]


def _score(line: Line, sentence: bool, run: int, edge: bool) -> float:
    if edge:
        return _KNOWN_BOILERPLATE_COST
    if line.kind is not None:
        return _RUN_SHORT_COST
    if sentence:
        return min(line.chars / _CHARS_PER_POINT, _MAX_LINE_POINTS)
    return _RUN_SHORT_COST if run >= _SHORT_RUN else _LONE_SHORT_COST


def _punish_repeats(lines: list[Line], scores: list[float]) -> None:
    """Text that recurs on one page (consent dialogs, repeated teasers) is not the article.

    Lines are keyed by their first words so "… Der Google Konzern …" and "… Der Facebook
    Konzern …" variants of one consent paragraph count as repeats.
    """
    seen: set[str] = set()
    for i, line in enumerate(lines):
        if line.chars < 40:
            continue
        key = norm_key(line.text)[:_REPEAT_PREFIX]
        if key in seen and scores[i] > 0:
            scores[i] = _LONE_SHORT_COST
        seen.add(key)


def _comment_thread(lines: list[Line], sentence: list[bool], first_text: int) -> list[int]:
    """Where a thread of user comments begins, if there is one below the first text.

    One "X sagt:" or time stamp can be an article dateline; two of them with running
    text between is a comment thread, which reads like an article and must be walled off.
    """
    metas = [i for i in range(first_text + 1, len(lines)) if comment_meta(lines[i])]
    for a, b in itertools.pairwise(metas):
        if any(sentence[a + 1 : b]):
            return [a]
    return []


def _best_stretch(scores: list[float], walls: list[int]) -> tuple[int, int] | None:
    """Highest-scoring contiguous stretch that does not cross a wall (Kadane per section).

    Stretches after the first wall (a comments header) are discounted, so a long
    discussion does not beat a shorter article above it.
    """
    best: tuple[float, int, int] | None = None
    bounds = [-1, *walls, len(scores)]
    for n, (lo, hi) in enumerate(itertools.pairwise(bounds)):
        factor = 1.0 if n == 0 else _COMMENT_DISCOUNT
        run_sum, run_start = 0.0, lo + 1
        for i in range(lo + 1, hi):
            if run_sum <= 0:
                run_sum, run_start = 0.0, i
            run_sum += scores[i]
            if run_sum > 0 and (best is None or run_sum * factor > best[0]):
                best = (run_sum * factor, run_start, i)
    return (best[1], best[2]) if best else None


def _trim_edges(
    edges: list[bool],
    scores: list[float],
    runs: list[int],
    sentence: list[bool],
    start: int,
    end: int,
) -> tuple[int, int]:
    """Cut weak chunks of text off the ends of the stretch.

    The stretch often carries an author bio, a newsletter pitch or a teaser across a
    small widget, because their text outweighs the widget.  Split it at menu runs and
    known boilerplate; a chunk at either end that is small next to the strongest
    chunk is dropped (and the cut repeats inward).
    """
    chunks: list[tuple[int, int, float]] = []
    lo: int | None = None
    for i in range(start, end + 1):
        gap = (not sentence[i] and runs[i] >= _SHORT_RUN) or edges[i]
        if gap:
            if lo is not None:
                chunks.append((lo, i - 1, sum(max(0.0, scores[k]) for k in range(lo, i))))
                lo = None
        elif lo is None:
            lo = i
    if lo is not None:
        chunks.append((lo, end, sum(max(0.0, scores[k]) for k in range(lo, end + 1))))
    if len(chunks) < 2:
        return start, end
    best = max(c[2] for c in chunks)

    def weak(chunk: tuple[int, int, float]) -> bool:
        return chunk[2] < _TRIM_FRACTION * best and chunk[2] < _TRIM_POINTS

    while len(chunks) > 1 and weak(chunks[-1]):
        chunks.pop()
    while len(chunks) > 1 and weak(chunks[0]):
        chunks.pop(0)
    return chunks[0][0], chunks[-1][1]


def _hard_wrapped(lines: list[Line]) -> int | None:
    """The wrap width if the dump was hard-wrapped (most long lines end near one width)."""
    long = sorted(line.chars for line in lines if line.chars >= 40)
    if len(long) < 5:
        return None
    width = long[int(len(long) * 0.9)]
    near = sum(1 for c in long if c >= 0.75 * width)
    return width if width <= 100 and near >= 0.6 * len(long) else None


def _wrapped_sentences(lines: list[Line], sentence: list[bool]) -> list[bool]:
    """In a hard-wrapped dump judge the whole wrapped paragraph, not its pieces.

    A 72-column line cut mid-sentence looks like a label (no closing punctuation); the
    paragraph it belongs to is plainly running text.
    """
    width = _hard_wrapped(lines)
    if width is None:
        return sentence
    out = list(sentence)
    i = 0
    while i < len(lines):
        j = i + 1
        while j < len(lines) and not lines[j].blank_before and lines[j - 1].chars >= 0.6 * width:
            j += 1
        if j - i > 1:
            joined = make_line(lines[i].number, " ".join(x.text for x in lines[i:j]), False)
            if is_sentence_like(joined):
                for k in range(i, j):
                    out[k] = lines[k].kind is None
        i = j
    return out


def _paragraphs(lines: list[Line], kept: list[int]) -> tuple[str, ...]:
    """Join kept lines into paragraphs: a blank line or a dropped line ends one, and so
    does a line break unless it falls mid-sentence (wrapped text)."""
    width = _hard_wrapped(lines)
    paras: list[str] = []
    prev: int | None = None
    for i in kept:
        line = lines[i]
        joins = (
            prev is not None
            and prev == i - 1
            and not line.blank_before
            and (
                (width is not None and lines[prev].chars >= 0.6 * width)
                or (not lines[prev].terminal and line.text[:1].islower())
            )
        )
        if joins:
            paras[-1] = paras[-1] + " " + line.text
        else:
            paras.append(line.text)
        prev = i
    return tuple(paras)


def _group_removed(lines: list[Line], reasons: dict[int, str]) -> tuple[Removed, ...]:
    """Consecutive dropped lines with one reason become one Removed record."""
    out: list[Removed] = []
    group: list[int] = []

    def flush() -> None:
        if group:
            out.append(
                Removed(
                    text="\n".join(lines[k].text for k in group),
                    reason=reasons[group[0]],
                    start_line=lines[group[0]].number,
                    end_line=lines[group[-1]].number,
                )
            )
            group.clear()

    for i in range(len(lines)):
        if i not in reasons:
            flush()
            continue
        if group and (group[-1] != i - 1 or reasons[group[-1]] != reasons[i]):
            flush()
        group.append(i)
    flush()
    return tuple(out)


def stretch_cut(lines: list[Line]) -> StretchCut:
    """The stretch algorithm's verdict on every line: what it keeps, drops and reads above."""
    sentence = _wrapped_sentences(lines, [is_sentence_like(line) for line in lines])
    runs = _runs(lines, sentence)
    edges = _edges(lines, sentence)
    scores = [
        _score(line, s, r, e) for line, s, r, e in zip(lines, sentence, runs, edges, strict=True)
    ]
    _punish_repeats(lines, scores)
    first_text = next((i for i, s in enumerate(sentence) if s), len(lines))
    walls = [
        i
        for i, line in enumerate(lines)
        if i > first_text and (line.kind in ("comments", "cookie_notice") or is_copyright(line))
    ]
    walls = sorted({*walls, *_comment_thread(lines, sentence, first_text)})
    stretch = _best_stretch(scores, walls)
    start, end = stretch if stretch else (len(lines), len(lines) - 1)
    if stretch:
        start, end = _trim_edges(edges, scores, runs, sentence, start, end)
    top = read_top(lines, start)
    lead = start - 1
    if (
        0 < start <= end
        and lead not in top.reasons
        and lines[lead].kind is None
        and (runs[lead] < _SHORT_RUN or lines[lead].blank_before)
        and (title_like(lines[lead]) or lines[lead].text.endswith(":"))
    ):
        start = lead  # a subheading or "Leitsätze des Gerichts:" opening the text
    reasons: dict[int, str] = dict(top.reasons)
    republished: str | None = None
    after_related = False
    for i, line in enumerate(lines):
        if line.kind == "syndication_notice" and republished is None:
            republished = syndication_source(line.text)
        if i in reasons:
            continue
        if edges[i] and line.kind == "related_list" and i > start:
            after_related = True
        if start <= i <= end:
            if line.kind is not None:
                reasons[i] = line.kind
            elif not sentence[i] and runs[i] >= _INSIDE_RUN_DROP and i != start:
                reasons[i] = "related_list" if after_related else "navigation"
            elif dateline_like(line) and i < start + 5:
                reasons[i] = "dateline"
                top.dateline = top.dateline or line.text
            continue
        if after_related and line.kind in (None, "counter", "navigation", "photo_credit"):
            reasons[i] = "related_list"  # numbers, labels and headlines of one list
        elif line.kind is not None:
            reasons[i] = line.kind
        elif i < start:
            reasons[i] = "navigation"
        else:
            reasons[i] = "related_list" if after_related else "footer"
    box = author_box(lines, start)
    for i in box:
        reasons[i] = "byline"
    links = _inline_links(lines, sentence, edges)
    for i in links:
        reasons[i] = "related_link"
    return StretchCut(
        lines=tuple(lines),
        sentence=tuple(sentence),
        runs=tuple(runs),
        scores=tuple(scores),
        walls=tuple(walls),
        start=start,
        end=end,
        reasons=reasons,
        fixed=frozenset({*top.reasons, *box, *links}),
        title=top.title,
        authors=(lines[box[0]].text,) if box else top.authors,
        outlet=top.outlet,
        section=top.section,
        dateline=top.dateline,
        republished_from=republished,
    )


def _rescore(cut: StretchCut) -> dict[int, str]:
    """Let the learned line model overrule the stretch, line by line.

    Metadata lines read above the text (title, byline, dateline, author box) stay
    dropped.  A line the stretch kept but the model drops is "boilerplate"; a line the
    stretch dropped keeps its reason unless the model keeps it.
    """
    model = load_model()
    odds = [model.log_odds(row) if row else -math.inf
            for row in line_features(cut, model.lexicon)]
    keep = decide(cut, odds, model.cut)
    reasons: dict[int, str] = {}
    for i, line in enumerate(cut.lines):
        if i in cut.fixed:
            reasons[i] = cut.reasons[i]
        elif not keep[i]:
            reasons[i] = cut.reasons.get(i) or line.kind or "boilerplate"
    return reasons


# Lines of plain text read as one page. Each line costs about 2 KB while the page is cut
# (its features, its words), so 2 MB of one-character lines once took 3.4 GB; a news page,
# menus and comments included, has a few thousand lines at most.
MAX_TEXT_LINES = 50_000


def extract_plain_text(text: str) -> Extraction:
    """Split a plain-text page into article paragraphs and reported boilerplate; a text of
    more than ``MAX_TEXT_LINES`` lines is refused (E203) before any line is read."""
    count = text.count("\n") + 1
    if count > MAX_TEXT_LINES:
        raise NewsdeskError("E203", lines=count, limit=MAX_TEXT_LINES)
    lines = split_lines(text)
    if not lines:
        return Extraction(paragraphs=(), removed=())
    cut = stretch_cut(lines)
    reasons = _rescore(cut)
    kept = [i for i in range(len(lines)) if i not in reasons]
    return Extraction(
        paragraphs=_paragraphs(lines, kept),
        removed=_group_removed(lines, reasons),
        title=cut.title,
        authors=cut.authors,
        outlet=cut.outlet,
        section=cut.section,
        dateline=cut.dateline,
        republished_from=cut.republished_from,
    )


# A page whose cleaner dropped sign-up prompts and kept less than this is a sign-up wall.
# GVA tune: the walls' remnants keep 81-278 characters ("Sorry, this zipcode is not in our
# deliverable area for this subscription service.", "Why are we asking this?"), the
# shortest article with a sign-up prompt removed keeps 732 (docs/decisions.md, "Sign-up
# prompts out of plain-text bodies").
SIGNUP_WALL_CHARS = 300


def signup_wall(ex: Extraction) -> bool:
    """True when the cleaner dropped sign-up prompts and kept only a scrap of text: a page
    saved while it asked the reader to register or subscribe. Without its prompts the rest
    ("Why are we asking this?", "Click here to return to the page you were visiting.") no
    longer reads as boilerplate, yet holds no article; it fails as a wall (E206) did before."""
    if not any(part.reason == "signup_prompt" for part in ex.removed):
        return False
    return sum(len(p.strip()) for p in ex.paragraphs) < SIGNUP_WALL_CHARS


def given_text(text: str) -> Extraction:
    """Text the input says is already clean (JSONL ``"clean": true``): every paragraph kept
    as given, nothing removed; paragraphs end at blank lines, as in ``Article.text``."""
    paragraphs = (p.strip() for p in re.split(r"\n[ \t\r\f\v]*\n", text))
    return Extraction(paragraphs=tuple(p for p in paragraphs if p), removed=())
