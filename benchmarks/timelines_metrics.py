"""Timeline scores as in Martschat & Markert (2017, 2018) and the ``tilse`` library.

A timeline here is a mapping ISO day → list of sentences (plain text).

Tokens. ROUGE-1.5.5 as ``tilse`` calls it (``-m -s``: Porter stemming, stop words
removed) is a Perl script we do not ship; we use rouge-score 0.1.2's tokenizer (lower
case, every run of characters other than a-z0-9 is a separator, Porter stem on tokens
longer than three characters) after dropping spaCy's English stop words (326 words;
ROUGE-1.5.5's SMART list has 571). Hits are clipped unigram counts,
``h(S, R) = Σ_w min(c_S(w), c_R(w))``; ``|S|`` is the token count.

Date F1. ``P = |D_sys ∩ D_ref| / |D_sys|``, ``R = |D_sys ∩ D_ref| / |D_ref|``.

Alignment-based ROUGE-1, many-to-one with date and content costs (tilse's
``evaluate_align_date_content_costs_many_to_one``, the AR1 of Gholipour Ghalandari &
Ifrim 2020). For system date ``d`` and reference date ``r``:

    cost(d, r) = (1 - 1/(|d - r| + 1)) · (1 - F1approx(S_d, R_r))

where F1approx is ROUGE-1 F of the two summaries on the same tokens. Precision aligns
every system date to its cheapest reference date ``a(d)``; recall every reference date
to its cheapest system date ``b(r)`` (ties: the earliest). Then

    P = Σ_d h(S_d, R_a(d)) / (|d - a(d)| + 1)  /  Σ_d |S_d|
    R = Σ_r h(S_b(r), R_r) / (|r - b(r)| + 1)  /  Σ_r |R_r|
    F = 2PR / (P + R)

(with an empty timeline on either side, nothing aligns: P or R is 0). Concat ROUGE-1
compares all system sentences with all reference sentences as two documents.

Averaging over tasks (news-tls ``get_average_results``): the mean of the per-task P and
the mean of the per-task R, and F of those two means.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from datetime import date
from functools import lru_cache

from rouge_score.tokenizers import DefaultTokenizer
from spacy.lang.en.stop_words import STOP_WORDS

Timeline = Mapping[str, Sequence[str]]
PRF = dict[str, float]

_TOKENIZER = DefaultTokenizer(use_stemmer=False)
_STEMMER = DefaultTokenizer(use_stemmer=True)


@lru_cache(maxsize=100_000)
def tokens(text: str) -> tuple[str, ...]:
    """ROUGE tokens: lower case, alphanumeric runs, stop words out, Porter-stemmed."""
    kept = " ".join(t for t in _TOKENIZER.tokenize(text) if t not in STOP_WORDS)
    return tuple(_STEMMER.tokenize(kept))


def _counts(sents: Sequence[str]) -> Counter[str]:
    out: Counter[str] = Counter()
    for s in sents:
        out.update(tokens(s))
    return out


def _hits(a: Counter[str], b: Counter[str]) -> int:
    return sum(min(c, b[w]) for w, c in a.items())


def f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def date_prf(system: Timeline, reference: Timeline) -> PRF:
    shared = len(set(system) & set(reference))
    p = shared / len(system) if system else 0.0
    r = shared / len(reference) if reference else 0.0
    return {"p": p, "r": r, "f": f1(p, r)}


def concat_prf(system: Timeline, reference: Timeline) -> PRF:
    s = _counts([x for d in sorted(system) for x in system[d]])
    r = _counts([x for d in sorted(reference) for x in reference[d]])
    hit = _hits(s, r)
    p = hit / sum(s.values()) if s else 0.0
    rec = hit / sum(r.values()) if r else 0.0
    return {"p": p, "r": rec, "f": f1(p, rec)}


def _approx_f1(a: Counter[str], b: Counter[str]) -> float:
    hit = _hits(a, b)
    p = hit / sum(a.values()) if a else 0.0
    r = hit / sum(b.values()) if b else 0.0
    return f1(p, r)


def _days(a: str, b: str) -> int:
    return abs(date.fromisoformat(a).toordinal() - date.fromisoformat(b).toordinal())


def align_prf(system: Timeline, reference: Timeline) -> PRF:
    """AR1 (many-to-one, date + content costs): see the module docstring."""
    sys_dates, ref_dates = sorted(system), sorted(reference)
    if not sys_dates or not ref_dates:
        return {"p": 0.0, "r": 0.0, "f": 0.0}
    sc = {d: _counts(system[d]) for d in sys_dates}
    rc = {d: _counts(reference[d]) for d in ref_dates}

    def cost(d: str, r: str) -> float:
        return (1 - 1 / (_days(d, r) + 1)) * (1 - _approx_f1(sc[d], rc[r]))

    p_num = 0.0
    for d in sys_dates:
        r = min(ref_dates, key=lambda x: cost(d, x))
        p_num += _hits(sc[d], rc[r]) / (_days(d, r) + 1)
    r_num = 0.0
    for r in ref_dates:
        d = min(sys_dates, key=lambda x: cost(x, r))
        r_num += _hits(sc[d], rc[r]) / (_days(d, r) + 1)
    p_den = sum(sum(c.values()) for c in sc.values())
    r_den = sum(sum(c.values()) for c in rc.values())
    p = p_num / p_den if p_den else 0.0
    rec = r_num / r_den if r_den else 0.0
    return {"p": p, "r": rec, "f": f1(p, rec)}


def mean_prf(rows: Sequence[PRF]) -> PRF:
    """Mean P, mean R, and F of the two means (news-tls's averaging)."""
    if not rows:
        return {"p": 0.0, "r": 0.0, "f": 0.0}
    p = sum(r["p"] for r in rows) / len(rows)
    rec = sum(r["r"] for r in rows) / len(rows)
    return {"p": p, "r": rec, "f": f1(p, rec)}
