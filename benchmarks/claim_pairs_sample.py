"""The frozen samples behind ``data/claim_pairs.jsonl`` and ``data/conflict_pairs.jsonl``.

Drawn once, before any claim aligner or conflict detector existed, then labelled by hand
from the texts and frozen (``python benchmarks/claim_pairs_sample.py OUTDIR`` re-creates the
unlabelled rows byte for byte; ``--check`` validates the offsets of the labelled files).

Sentences come from two pools, split with ``figures_sample.split_sentences``:

- ``seeds``: the five example articles, in the clean text ``newsdesk.extract`` returns, so
  offsets are what the tool sees;
- ``timeline17``: Timeline17 articles (``detokenise`` from ``common``) of one topic (bpoil,
  H1N1) from two *different* outlets whose publication dates are at most 3 days apart.

Claim pairs always join sentences of two different articles and are drawn by stratum: the
content-word Jaccard bin ([0, .1), [.1, .25), [.25, .5), [.5, 1]), ``number`` (the two share
a number token) and ``entity`` (they share a capitalised name but < .25 Jaccard) — the
last two carry the hard negatives. For the seeds a ``topic`` stratum comes first: every
cross-article pair whose sentences both speak of one of the subjects the issue lists (the
visit dates, the first visit in 24 years, the partnership agreement, the documents, the
delegation, the munitions; and Kim's invitation and the UN veto, which more than one seed
reports) — so that every plausible positive among the seeds is present.

Conflict candidates: first every cross-article seed pair on one slot of ``SEED_SLOTS``
whose sentences both carry a number or a date; then Timeline17 cross-outlet pairs (<= 3
days apart) whose sentences count the same noun ("5,000 barrels", "149 deaths") with
different values, drawn by ``CONFLICT_PER_STRATUM`` (see ``_slot_pool``) plus a ``date``
stratum (same month, another day); last the seed pairs of ``SEED_SLOTS_NO_NUMBER``. The
strata after ``loose`` and the last seed group were added, drawn after the earlier ones
from the same generator, when the first draw held too few real disagreements; the earlier
rows stayed byte-identical. See ``data/README-pairs.md`` for counts and label rules.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import random
import re
import sys
from datetime import date
from itertools import combinations
from pathlib import Path
from typing import Any

from common import REPO, detokenise, timelines_root
from figures_sample import split_sentences

SEED = 20240618
TOPICS = ("bpoil", "H1N1")
MAX_DAYS = 3
N_ARTICLE_PAIRS = 1500
SEED_PER_STRATUM = {"j0": 8, "j1": 10, "j2": 10, "j3": 10, "number": 6, "entity": 8}
T17_PER_STRATUM = {"j0": 30, "j1": 40, "j2": 55, "j3": 60, "number": 30, "entity": 25}
T17_EXTRA = {"j2": 25, "j3": 50}
CONFLICT_PER_STRATUM = {
    "slot_sameday": 55,
    "slot_later": 30,
    "loose": 20,
    "slot_close": 40,
    "date": 20,
    "near_value": 60,
}

_STOP_WORDS = (
    "a an the and or but if of to in on at by for with from as is are was were be been "
    "being has have had do does did will would shall should may might can could that this "
    "these those it its he she they them his her their we our you your i me my not no than "
    "then there here which who whom whose what when where while also into over under about "
    "after before said says say more most some such only other any all each very just up "
    "out so"
)
_STOP = frozenset(_STOP_WORDS.split())
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*|\d[\d,.]*")
_NUMBER = re.compile(r"\b\d[\d,]*(?:\.\d+)?\b")
_NAME = re.compile(r"(?<!^)(?<![.!?] )\b[A-Z][a-z]+(?:[ -][A-Z][a-z]+)*")
# The subjects the issue names for the seeds; a pair enters ``topic`` when both sentences
# match one pattern.
SEED_TOPICS = {
    "visit_dates": re.compile(r"\b(?:18th|19th|Tuesday|Wednesday|June 19-20|evening)\b"),
    "first_visit": re.compile(r"24 years|2000|second time"),
    "agreement": re.compile(r"partnership agreement|\b(?:[Tt]he|[Tt]his) (?:agreement|deal)\b"),
    "documents": re.compile(r"\bdocuments?\b"),
    "delegation": re.compile(r"accompan|delegation"),
    "munitions": re.compile(r"munitions|containers|shells|ammunition|missiles|weapons"),
    "invitation": re.compile(r"invit"),
    "veto": re.compile(r"veto"),
}
# The slots the seeds disagree or agree on, for conflict candidates; both sentences must
# also carry a number or a date.
SEED_SLOTS = {
    "visit_timing": re.compile(
        r"\b(?:18th|19th|Tuesday|Wednesday|June 19-20|evening|April|"
        r"first half|less than a day)\b"
    ),
    "first_visit": re.compile(r"24 years|2000|second time"),
    "documents": re.compile(r"\bdocuments?\b"),
    "munitions": re.compile(r"munitions|containers|shells|missiles"),
    "money": re.compile(r"\$\d"),
    "kim_visit": re.compile(r"Far East|traveled to Russia"),
}
# Slots without a number (who went, what was vetoed), drawn last: added after the first
# draw showed that the numeric seed slots hold no disagreement at all.
SEED_SLOTS_NO_NUMBER = {
    "delegation": re.compile(r"accompan|delegation"),
    "veto": re.compile(r"veto"),
}
_DATED = re.compile(
    r"\d|\b(?:one|two|five|dozens|million|Tuesday|Wednesday|April|September|"
    r"last year|first half)\b",
    re.IGNORECASE,
)
_MONTH_DAY = re.compile(
    r"\b(January|February|March|April|May|June|July|August|September|"
    r"October|November|December) (\d{1,2})\b"
)
_COUNTED = re.compile(
    r"(?P<num>\b\d[\d,]*(?:\.\d+)?)(?:\s*-\s*\d[\d,]*)?(?:\s+(?P<mult>million|billion|thousand))?"
    r"\s+(?:[a-z-]+\s+){0,2}?(?P<noun>barrels|gallons|deaths|dead|people|cases|workers|miles|"
    r"feet|birds|vessels|boats|countries|patients|infections|wells|jobs|claims)\b"
)


def content(sentence: str) -> frozenset[str]:
    """Lower-cased words that carry meaning: what the lexical overlap is measured on."""
    words = (w.lower().strip("'’-.,") for w in _WORD.findall(sentence))
    return frozenset(w for w in words if len(w) > 2 and w not in _STOP)


def jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / len(a | b) if a | b else 0.0


def numbers(sentence: str) -> frozenset[str]:
    return frozenset(n.replace(",", "") for n in _NUMBER.findall(sentence))


def names(sentence: str) -> frozenset[str]:
    """Capitalised words past the sentence's first word: a crude entity signature."""
    return frozenset(m.group() for m in _NAME.finditer(sentence) if m.group().lower() not in _STOP)


def _bin(j: float) -> str:
    return "j0" if j < 0.1 else "j1" if j < 0.25 else "j2" if j < 0.5 else "j3"


def _sentences(doc: str, text: str) -> list[dict[str, Any]]:
    out = []
    for offset, sentence in split_sentences(text):
        start = text.index(sentence, offset)
        if 40 <= len(sentence) <= 400 and len(content(sentence)) >= 4:
            out.append({"doc": doc, "start": start, "end": start + len(sentence), "text": sentence})
    return out


def seed_sentences() -> list[dict[str, Any]]:
    """Every sentence of the five example articles, offsets into the clean text."""
    import newsdesk

    out: list[dict[str, Any]] = []
    for art in newsdesk.extract(
        sorted(str(p) for p in (REPO / "examples" / "articles").glob("*.txt"))
    ):
        out.extend(_sentences(Path(art.source).name, art.text))
    return out


def timeline_articles(root: Path) -> dict[str, list[dict[str, Any]]]:
    """Per topic: (folder, uid, date, detokenised text) of every article."""
    out: dict[str, list[dict[str, Any]]] = {t: [] for t in TOPICS}
    for path in sorted((root / "timelines").glob("*/articles.json.gz")):
        topic = path.parent.name.split("_")[0]
        if topic not in out:
            continue
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            for art in sorted(json.load(fh), key=lambda a: a["uid"]):
                out[topic].append(
                    {
                        "doc": f"{path.parent.name}/{art['uid']}",
                        "dct": date.fromisoformat(art["dct"]),
                        "text": detokenise(art["text"]),
                    }
                )
    return out


def article_pairs(root: Path) -> list[tuple[dict[str, Any], dict[str, Any]]]:
    """Every cross-outlet article pair of one topic whose dates are <= MAX_DAYS apart."""
    pairs = []
    for arts in timeline_articles(root).values():
        for a, b in combinations(arts, 2):
            if (
                a["doc"].split("/")[0] != b["doc"].split("/")[0]
                and abs((a["dct"] - b["dct"]).days) <= MAX_DAYS
            ):
                pairs.append((a, b))
    return pairs


def _stratum(a: dict[str, Any], b: dict[str, Any]) -> tuple[str, float]:
    j = jaccard(content(a["text"]), content(b["text"]))
    if j < 0.5 and numbers(a["text"]) & numbers(b["text"]):
        return "number", j
    if j < 0.25 and len(names(a["text"]) & names(b["text"])) >= 1:
        return "entity", j
    return _bin(j), j


def _draw(
    pool: dict[str, list[tuple[dict[str, Any], dict[str, Any]]]],
    quota: dict[str, int],
    rng: random.Random,
) -> list[dict[str, Any]]:
    """``quota`` pairs per stratum; a sentence enters at most twice, so no one fills a bin."""
    rows = []
    uses: dict[str, int] = {}
    for kind, n in quota.items():
        cands = sorted(
            pool.get(kind, []),
            key=lambda p: (p[0]["doc"], p[0]["start"], p[1]["doc"], p[1]["start"]),
        )
        rng.shuffle(cands)
        taken = 0
        for a, b in cands:
            if taken == n:
                break
            keys = (f"{a['doc']}:{a['start']}", f"{b['doc']}:{b['start']}")
            if any(uses.get(k, 0) >= 2 for k in keys):
                continue
            for k in keys:
                uses[k] = uses.get(k, 0) + 1
            rows.append({"stratum": kind, "a": a, "b": b})
            taken += 1
    return rows


def seed_pairs(rng: random.Random) -> list[dict[str, Any]]:
    """All topic pairs among the seeds, then the Jaccard / number / entity strata."""
    sents = seed_sentences()
    rows, rest = [], {}
    for a, b in combinations(sents, 2):
        if a["doc"] == b["doc"]:
            continue
        topics = [
            t for t, rx in SEED_TOPICS.items() if rx.search(a["text"]) and rx.search(b["text"])
        ]
        if topics:
            rows.append({"stratum": "topic:" + topics[0], "a": a, "b": b})
        else:
            rest.setdefault(_stratum(a, b)[0], []).append((a, b))
    return rows + _draw(rest, SEED_PER_STRATUM, rng)


def _pool(
    pairs: list[tuple[dict[str, Any], dict[str, Any]]],
) -> dict[str, list[tuple[dict[str, Any], dict[str, Any]]]]:
    """Every sentence pair of the given article pairs, by stratum."""
    pool: dict[str, list[tuple[dict[str, Any], dict[str, Any]]]] = {}
    cache: dict[str, list[dict[str, Any]]] = {}
    for x, y in pairs:
        for art in (x, y):
            if art["doc"] not in cache:
                cache[art["doc"]] = _sentences(art["doc"], art["text"])
        for a in cache[x["doc"]]:
            for b in cache[y["doc"]]:
                pool.setdefault(_stratum(a, b)[0], []).append((a, b))
    return pool


def timeline_pairs(root: Path, rng: random.Random) -> list[dict[str, Any]]:
    """The strata over N_ARTICLE_PAIRS sampled article pairs, then a second, disjoint set of
    article pairs for more high-overlap pairs (the first draw ran out of them: few outlets
    share wording, and a sentence may enter only twice)."""
    pairs = article_pairs(root)
    first = rng.sample(pairs, min(N_ARTICLE_PAIRS, len(pairs)))
    rows = _draw(_pool(first), T17_PER_STRATUM, rng)
    chosen = {(x["doc"], y["doc"]) for x, y in first}
    rest = [p for p in pairs if (p[0]["doc"], p[1]["doc"]) not in chosen]
    second = rng.sample(rest, min(N_ARTICLE_PAIRS, len(rest)))
    return rows + _draw(_pool(second), T17_EXTRA, rng)


def counted(sentence: str) -> dict[str, set[float]]:
    """noun -> the values counted with it in the sentence ("5,000 barrels" -> barrels: 5000)."""
    out: dict[str, set[float]] = {}
    for m in _COUNTED.finditer(sentence):
        value = float(m.group("num").replace(",", ""))
        value *= {"thousand": 1e3, "million": 1e6, "billion": 1e9}.get(m.group("mult") or "", 1)
        out.setdefault(m.group("noun"), set()).add(value)
    return out


def _near(xs: set[float], ys: set[float]) -> bool:
    """Two different values within a factor 1.6 of each other: where a real disagreement on
    one slot lives (149 vs 152 deaths, 40 vs 50 miles), unlike 5,000 vs 60,000 barrels."""
    return any(x != y and x > 0 and y > 0 and max(x, y) / min(x, y) <= 1.6 for x in xs for y in ys)


def _slot_pool(root: Path) -> list[tuple[str, dict[str, Any], dict[str, Any], str]]:
    """(stratum, a, b, noun): cross-outlet pairs, dates <= MAX_DAYS apart, that count the same
    noun with different values; ``slot`` when their wording overlaps (Jaccard >= .15, so
    likely the same slot) split by same day / later day, else ``loose``; a pair may also
    enter ``slot_close`` (Jaccard >= .25, <= 1 day apart), ``near_value`` (<= 1 day apart, a
    shared name, values within a factor 1.6) and ``date`` (same month, another day)."""
    pool = []
    for arts in timeline_articles(root).values():
        sents = [
            (s, counted(s["text"]), art["dct"], content(s["text"]))
            for art in arts
            for s in _sentences(art["doc"], art["text"])
        ]
        sents = [x for x in sents if x[1]]
        for (a, ca, da, wa), (b, cb, db, wb) in combinations(sents, 2):
            days = abs((da - db).days)
            if a["doc"].split("/")[0] == b["doc"].split("/")[0] or days > MAX_DAYS:
                continue
            for noun in sorted(set(ca) & set(cb)):
                if ca[noun] != cb[noun]:
                    j = jaccard(wa, wb)
                    kind = ("slot_sameday" if days == 0 else "slot_later") if j >= 0.15 else "loose"
                    pool.append((kind, a, b, noun))
                    if j >= 0.25 and days <= 1:
                        pool.append(("slot_close", a, b, noun))
                    if (
                        days <= 1
                        and _near(ca[noun], cb[noun])
                        and names(a["text"]) & names(b["text"])
                    ):
                        pool.append(("near_value", a, b, noun))
                    break
        # the date slot: the same month with another day, in overlapping wording
        dated = [
            (s, dict(_MONTH_DAY.findall(s["text"])), art["dct"], content(s["text"]))
            for art in arts
            for s in _sentences(art["doc"], art["text"])
            if _MONTH_DAY.search(s["text"])
        ]
        for (a, ma, da, wa), (b, mb, db, wb) in combinations(dated, 2):
            if a["doc"].split("/")[0] == b["doc"].split("/")[0] or abs((da - db).days) > MAX_DAYS:
                continue
            month = sorted(m for m in set(ma) & set(mb) if ma[m] != mb[m])
            if month and jaccard(wa, wb) >= 0.2:
                pool.append(("date", a, b, month[0]))
    return pool


def seed_slot_pairs(slots: dict[str, re.Pattern[str]], dated: bool = True) -> list[dict[str, Any]]:
    """Cross-article seed pairs on one of ``slots``; with ``dated``, both carry a number or
    date."""
    sents = seed_sentences()
    rows = []
    for a, b in combinations(sents, 2):
        if a["doc"] == b["doc"] or (
            dated and not (_DATED.search(a["text"]) and _DATED.search(b["text"]))
        ):
            continue
        for slot, rx in slots.items():
            if rx.search(a["text"]) and rx.search(b["text"]):
                rows.append({"source": "seeds", "stratum": "seed:" + slot, "a": a, "b": b})
                break
    return rows


def conflict_pairs(root: Path, rng: random.Random) -> list[dict[str, Any]]:
    """The seed slot pairs, then CONFLICT_PER_STRATUM Timeline17 pairs (a sentence once),
    then the seed pairs of the slots that carry no number."""
    rows = seed_slot_pairs(SEED_SLOTS)
    rows += _take(_slot_pool(root), CONFLICT_PER_STRATUM, rng, set())
    return rows + seed_slot_pairs(SEED_SLOTS_NO_NUMBER, dated=False)


def _take(pool: list[tuple[str, dict[str, Any], dict[str, Any], str]], quotas: dict[str, int],
          rng: random.Random, used: set[str]) -> list[dict[str, Any]]:
    """Per stratum, its quota of shuffled pool pairs, a sentence used once (``used`` grows)."""
    rows = []
    for kind, n in quotas.items():
        cands = [p for p in pool if p[0] == kind]
        rng.shuffle(cands)
        taken = 0
        for _, a, b, noun in cands:
            if taken == n:
                break
            if a["text"] in used or b["text"] in used:
                continue
            used.update((a["text"], b["text"]))
            rows.append({"source": "timeline17", "stratum": kind, "noun": noun, "a": a, "b": b})
            taken += 1
    return rows


# A second, fresh conflict table drawn after the first table's test half had been scored
# once (see data/README-pairs.md, "Fresh conflict pairs"): Timeline17 only, no sentence of
# the first table, weighted to the strata where disagreements were found.
FRESH_SEED = SEED + 1
FRESH_PER_STRATUM = {"near_value": 100, "slot_close": 60, "slot_sameday": 60,
                     "slot_later": 40, "date": 20, "loose": 20}


def fresh_conflict_pairs(root: Path, used: set[str]) -> list[dict[str, Any]]:
    """FRESH_PER_STRATUM new Timeline17 pairs (a sentence once, none of ``used``), ids
    ``cg-NNN``, split dev/test like the first tables."""
    rows = _take(_slot_pool(root), FRESH_PER_STRATUM, random.Random(FRESH_SEED), set(used))
    for n, row in enumerate(rows, 1):
        row["id"] = f"cg-{n:03d}"
    parts = part_of([r["id"] for r in rows])
    for row in rows:
        row["part"] = parts[row["id"]]
    return rows


def part_of(ids: list[str]) -> dict[str, str]:
    """dev / test alternating in the order of a fixed hash of the id: half each, label-blind."""
    order = sorted(ids, key=lambda i: hashlib.sha1(i.encode()).hexdigest())
    return {i: ("dev" if n % 2 == 0 else "test") for n, i in enumerate(order)}


def sample(root: Path, seed: int = SEED) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """(claim pairs, conflict pairs), unlabelled, in a fixed order with ids and parts."""
    rng = random.Random(seed)
    seeds = seed_pairs(rng)
    claims = [{"source": "seeds", **r} for r in seeds]
    claims += [{"source": "timeline17", **r} for r in timeline_pairs(root, rng)]
    conflicts = conflict_pairs(root, rng)
    for prefix, rows in (("cp", claims), ("cf", conflicts)):
        for n, row in enumerate(rows, 1):
            row["id"] = f"{prefix}-{n:03d}"
        parts = part_of([r["id"] for r in rows])
        for row in rows:
            row["part"] = parts[row["id"]]
    return claims, conflicts


def _texts(root: Path) -> dict[str, str]:
    import newsdesk

    out = {
        Path(a.source).name: a.text
        for a in newsdesk.extract(
            sorted(str(p) for p in (REPO / "examples" / "articles").glob("*.txt"))
        )
    }
    for arts in timeline_articles(root).values():
        out.update({a["doc"]: a["text"] for a in arts})
    return out


def check(root: Path) -> int:
    """Every span of the labelled files must be ``text[start:end]`` of its document."""
    texts = _texts(root)
    bad = 0
    for name in ("claim_pairs.jsonl", "conflict_pairs.jsonl"):
        for line in (Path(__file__).parent / "data" / name).read_text("utf-8").splitlines():
            row = json.loads(line)
            for k in "ab":
                s = row[k]
                if texts[s["doc"]][s["start"] : s["end"]] != s["text"]:
                    bad += 1
                    print(f"{name} {row['id']}.{k}: offsets do not match")
    print("offsets ok" if not bad else f"{bad} bad spans")
    return 1 if bad else 0


def main(argv: list[str]) -> int:
    root = timelines_root()
    if root is None:
        return 0
    if argv and argv[0] == "--check":
        return check(root)
    claims, conflicts = sample(root)
    if argv and argv[0] == "--fresh":
        used = {row[k]["text"] for row in conflicts for k in "ab"}
        out_file = Path(argv[1]) / "conflict_pairs_fresh.unlabelled.jsonl"
        rows = fresh_conflict_pairs(root, used)
        with out_file.open("w", encoding="utf-8") as fh:
            for row in rows:
                fh.write(json.dumps(row, ensure_ascii=False) + "\n")
        print(f"{len(rows)} pairs -> {out_file}")
        return 0
    out = Path(argv[0]) if argv else Path(".")
    for name, rows in (
        ("claim_pairs.unlabelled.jsonl", claims),
        ("conflict_pairs.unlabelled.jsonl", conflicts),
    ):
        with (out / name).open("w", encoding="utf-8") as fh:
            for row in rows:
                fh.write(json.dumps(row, ensure_ascii=False) + "\n")
        print(f"{len(rows)} pairs -> {out / name}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
