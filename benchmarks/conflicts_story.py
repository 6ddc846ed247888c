"""Conflicts at story scale: how many of the disagreements ``analyze`` reports are real.

The labelled pair tables (``conflicts.py``) hold pairs already sharing a counted noun and
wording; a story holds every pair. ``--draw OUT`` runs the cross-check over the tune folders
(bbc + guardian) of two Timeline17 topics as two stories with no similarity gate, and samples
40 reported disagreements from each band of the two claims' similarity (aligned claims,
>= 0.4, 0.3-0.4, 0.2-0.3, < 0.2), unlabelled, with newsdesk's status kept aside. Labelled blind
under data/README-pairs.md's rules, they are ``data/conflicts_story_sample.jsonl`` (drawn and
labelled 2026-11-23; it measures the version that drew it). Without options this prints the
table from that file: per band, the share of reported disagreements that are real (conflict
or superseded) and the share of "conflict" calls that are conflicts, and the estimate for
each similarity gate weighted by band size.

    python benchmarks/conflicts_story.py [--draw OUTDIR]
"""

from __future__ import annotations

import argparse
import json
import random
from pathlib import Path
from typing import Any

from common import HERE, results_path, timelines_root
from newsdesk.config import load_settings
from newsdesk.crosscheck import story
from newsdesk.crosscheck.conflicts import by_group as story_conflicts
from newsdesk.crosscheck.parse import sentence_parser
from timelines_data import load_folders

DATA = HERE / "data" / "conflicts_story_sample.jsonl"
DOUBTED = "; to check: "
TOPICS = {"bpoil": ("bpoil_bbc", "bpoil_guardian"), "H1N1": ("H1N1_bbc", "H1N1_guardian")}
BANDS = ("aligned", ">=0.4", "0.3-0.4", "0.2-0.3", "<0.2")
PER_BAND = 40
SEED = 20261123


def _band(aligned: bool, score: float) -> str:
    if aligned:
        return "aligned"
    return ">=0.4" if score >= 0.4 else "0.3-0.4" if score >= 0.3 else (
        "0.2-0.3" if score >= 0.2 else "<0.2")


def reported(root: Path) -> list[dict[str, Any]]:
    """Every disagreement the cross-check reports with no similarity gate, with the two
    claims' similarity (recorded through the gate's own call)."""
    scores: dict[tuple[str, str], float] = {}
    last = [0.0]
    similarity, figure_conflicts = story.similarity, story_conflicts.figure_conflicts

    def recording(a: Any, b: Any, vocab: Any, *rest: Any) -> float:
        last[0] = similarity(a, b, vocab, *rest)
        return last[0]

    def conflicts(claims: Any, published: Any, parse: Any, related: Any) -> Any:
        def record(i: int, j: int) -> bool:
            keep = related(i, j)
            scores[(min(claims[i].id, claims[j].id), max(claims[i].id, claims[j].id))] = last[0]
            return bool(keep)
        return figure_conflicts(claims, published, parse, record)

    story.similarity = recording  # type: ignore[assignment]
    story_conflicts.figure_conflicts = conflicts  # type: ignore[assignment]
    gate, story.SLOT_SIMILARITY = story.SLOT_SIMILARITY, 0.0
    parse = sentence_parser(load_settings().spacy_model)
    rows: list[dict[str, Any]] = []
    try:
        for folders in TOPICS.values():
            docs = [d for f in load_folders(root, folders) for d in f.docs]
            facts = {a.id: f for a, f in docs}
            check = story.crosscheck_story([a for a, _ in docs], facts, {}, parse)
            texts = {a.id: a.text for a, _ in docs}
            group_of = {m.id: c.id for c in check.claims for m in c.members}
            seen = set()
            for claim in check.claims:
                for c in claim.conflicts:
                    ids = sorted(f"{s.article_id}:{s.claim.start}" for s in c.sides)
                    if tuple(ids) in seen:
                        continue
                    seen.add(tuple(ids))
                    rows.append({
                        "band": _band(group_of[ids[0]] == group_of[ids[1]],
                                      scores.get((ids[0], ids[1]), 1.0)),
                        "status": c.status, "about": c.about,
                        "confidence": c.confidence, "reason": c.reason,
                        "sides": [{"doc": s.article_id, "published": s.published,
                                   "text": texts[s.article_id][s.claim.start:s.claim.end],
                                   "value": s.value} for s in c.sides]})
    finally:
        story.similarity, story_conflicts.figure_conflicts = similarity, figure_conflicts
        story.SLOT_SIMILARITY = gate
    return rows


def draw(root: Path, out: Path) -> None:
    rows = reported(root)
    rng = random.Random(SEED)
    sample = []
    for band in BANDS:
        members = [r for r in rows if r["band"] == band]
        sample += [dict(r, band_size=len(members)) for r in rng.sample(members, PER_BAND)]
    rng.shuffle(sample)
    with (out / "conflicts_story_sample.unlabelled.jsonl").open("w", encoding="utf-8") as fh:
        for n, r in enumerate(sample, 1):
            fh.write(json.dumps({"id": f"pc-{n:03d}", **r}, ensure_ascii=False) + "\n")


def table() -> None:
    rows = [json.loads(x) for x in DATA.read_text("utf-8").splitlines() if x]
    real = ("conflict", "superseded")
    print("| band | reported | sampled | real disagreement | conflict calls right |")
    print("|---|---:|---:|---:|---:|")
    stats = {}
    for band in BANDS:
        part = [r for r in rows if r["band"] == band]
        calls = [r for r in part if r["status"] == "conflict"]
        share = sum(r["label"] in real for r in part) / len(part)
        right = sum(r["label"] == "conflict" for r in calls) / max(1, len(calls))
        stats[band] = (part[0]["band_size"], share, len(calls) / len(part), right)
        print(f"| {band} | {part[0]['band_size']} | {len(part)} | {share:.2f} | {right:.2f} |")
    print("\n| gate | reported | est. real disagreement | est. conflict calls right |")
    print("|---|---:|---:|---:|")
    for n in range(1, len(BANDS) + 1):
        kept = BANDS[:n]
        size = sum(stats[b][0] for b in kept)
        share = sum(stats[b][0] * stats[b][1] for b in kept) / size
        calls = sum(stats[b][0] * stats[b][2] for b in kept)
        right = sum(stats[b][0] * stats[b][2] * stats[b][3] for b in kept) / calls
        print(f"| {kept[-1]} and above | {size} | {share:.2f} | {right:.2f} |")


def disagreement_key(row: dict[str, Any]) -> tuple[tuple[str, str, str], ...]:
    """A disagreement found again by its two sides' documents, sentences and values."""
    sides = row["sides"] if "sides" in row else [row["a"], row["b"]]
    return tuple(sorted((s["doc"], s["text"], str(s.get("value", ""))) for s in sides))


def tiers(root: Path) -> dict[str, Any]:
    """The labelled sample scored as today's code tiers it, beside the previous rule
    (dfd5a29): each sampled disagreement is found again in a fresh cross-check (same
    folders, no similarity gate) and takes the confidence the code gives it now; per
    band, how many sampled rows are now called a conflict ("high") and how many of those
    are conflicts, and the estimate over all bands weighted by band size (a row the fresh
    run no longer reports is counted as not shown)."""
    labelled = [json.loads(x) for x in DATA.read_text("utf-8").splitlines() if x]
    now = {}
    for row in reported(root):
        sides = [{"doc": s["doc"], "text": s["text"], "value": s["value"]} for s in row["sides"]]
        now[disagreement_key({"sides": sides})] = row
    out: dict[str, Any] = {"bands": {}}
    calls = right = 0.0
    calls_before = right_before = 0.0
    print("| band | reported | sampled | found again | now called a conflict | of them conflicts "
          "| previous rule: called | of them conflicts |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    for band in BANDS:
        part = [r for r in labelled if r["band"] == band]
        found = [(r, now.get(disagreement_key({"sides": [dict(r["a"], value=r["values"][0]),
                                            dict(r["b"], value=r["values"][1])]})))
                 for r in part]
        again = [(r, f) for r, f in found if f is not None]
        high = [r for r, f in again if f["status"] == "conflict" and f["confidence"] == "high"]
        # What the previous rule (dfd5a29) called a conflict: high, or kept to check only by
        # a doubt (``conflict_doubts``; its reason says "to check: ...").
        before = [r for r, f in again if f["status"] == "conflict" and (
            f["confidence"] == "high" or DOUBTED in (f.get("reason") or ""))]
        good = sum(r["label"] == "conflict" for r in high)
        good_before = sum(r["label"] == "conflict" for r in before)
        weight = part[0]["band_size"] / len(part)
        calls += weight * len(high)
        right += weight * good
        calls_before += weight * len(before)
        right_before += weight * good_before
        out["bands"][band] = {"reported": part[0]["band_size"], "sampled": len(part),
                              "found_again": len(again), "high": len(high), "right": good,
                              "previous_high": len(before), "previous_right": good_before}
        print(f"| {band} | {part[0]['band_size']} | {len(part)} | {len(again)} | {len(high)} "
              f"| {good} | {len(before)} | {good_before} |")
    out["estimated_conflict_precision"] = right / calls if calls else None
    out["estimated_conflict_calls"] = calls
    out["previous_estimated_conflict_precision"] = (right_before / calls_before
                                                    if calls_before else None)
    out["previous_estimated_conflict_calls"] = calls_before
    print(f"\nestimated precision of what is called a conflict: "
          f"{out['estimated_conflict_precision']} (about {calls:.0f} calls in the two stories); "
          f"previous rule (dfd5a29): {out['previous_estimated_conflict_precision']} "
          f"(about {calls_before:.0f} calls)")
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--draw", type=Path, default=None, help="write a new unlabelled sample")
    parser.add_argument("--tiers", action="store_true",
                        help="score the sample as today's code tiers it (conflict or check)")
    args = parser.parse_args(argv)
    if args.tiers:
        root = timelines_root()
        if root is None:
            return 0
        results_path("conflicts_story_tiers.json").write_text(
            json.dumps(tiers(root), indent=2) + "\n")
        return 0
    if args.draw:
        root = timelines_root()
        if root is None:
            return 0
        draw(root, args.draw)
        return 0
    table()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
