"""Precision of the "corroborated" mark on a real news stream (issue 15).

Rows (``benchmarks/data/corroborated_stream.jsonl``, drawn and labelled as
``benchmarks/data/README-pairs.md`` says, "Corroborated claims on a news stream") are claims
the dossier of the September 2021 mixed stream (``mixed_stream.py --build 2021-09``) marked
corroborated at ``db9f9f8``, labelled blind ``right``
(another outlet's cited sentence states the same fact as the claim), ``wrong`` or
``unclear``. The rows are split into tune and report halves by a hash of the NeuS gold story.

Scoring re-runs the analysis of a copy of the annotated store with the code on the path
(facts are re-read from the store; only grouping and cross-checking run again, as the
store's code versions say) and reads each row's claim sentence in the new dossier: the row
is still marked when that sentence sits in a corroborated claim together with a labelled
sentence of another article that states the same fact — or, for a ``wrong`` row, with any
other article's cited sentence. The draw's code is the "previous" system: every row was
marked corroborated by it.

A second table (``benchmarks/data/corroborated_stream_2021-07.jsonl``, session 18) was drawn
the same way from the July 2021 stream (``mixed_stream.py --build 2021-07``) at ``8735084``,
stratified by gold source: every corroborated claim of a NeuS story and 40 a half of GVA
incidents (``--sources neus=80,gva=40``; each row keeps its stratum's size in ``pool``).
Score it with ``--rows``; the results file is named after the rows file.

    python benchmarks/corroborated_stream.py --draw /tmp/corr/base.json \\
        --gold /tmp/mixed/2021-09/gold.json   (writes rows; the gold of mixed_stream.py --build)
    python benchmarks/corroborated_stream.py --store /tmp/corr/base.db [--part tune]
    python benchmarks/corroborated_stream.py --dossier NEW.json [--part tune]
    python benchmarks/corroborated_stream.py \\
        --rows benchmarks/data/corroborated_stream_2021-07.jsonl \\
        --store /tmp/s18/e2e/2021-07/store.db --part both
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import os
import random
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from common import HERE, REPO, results_path
from mixed_stream_score import load_gold, record_of_articles

DATA = HERE / "data" / "corroborated_stream.jsonl"
# The fresh table of session 18, drawn from the July 2021 stream (mixed_stream.py --build 2021-07).
JULY = HERE / "data" / "corroborated_stream_2021-07.jsonl"
PER_HALF = 80
SEED = 15


def half(story: str) -> str:
    """The half a gold story belongs to, fixed before any row was read."""
    return "tune" if int(hashlib.sha1(story.encode()).hexdigest(), 16) % 2 == 0 else "report"


def wilson(right: int, total: int, z: float = 1.96) -> tuple[float, float]:
    """The 95 % Wilson score interval of a proportion."""
    if total == 0:
        return 0.0, 0.0
    p = right / total
    centre = (p + z * z / (2 * total)) / (1 + z * z / total)
    spread = z * math.sqrt(p * (1 - p) / total + z * z / (4 * total * total)) / (1 + z * z / total)
    return max(0.0, centre - spread), min(1.0, centre + spread)


def _outlets(dossier: dict[str, Any]) -> dict[str, str]:
    """Article id -> its outlet, or its web address's host when the dossier names none."""
    def host(url: str) -> str:
        return url.split("://", 1)[-1].split("/", 1)[0].removeprefix("www.")

    return {a["id"]: a.get("outlet") or host(a.get("url") or "") or a["id"]
            for a in dossier["articles"]}


def gold_stories(dossier: dict[str, Any], gold_path: Path) -> dict[str, str]:
    """Dossier article id -> its gold story ("neus-5668", "gva-646151"; a round-up's
    first), from the gold.json of ``mixed_stream.py --build``."""
    records = load_gold(gold_path)["records"]
    return {article: records[record]["story"][0]
            for article, record in record_of_articles(dossier, records).items()}


def _row(claim: dict[str, Any], first: str, gold: dict[str, str], outlet: dict[str, str]
         ) -> dict[str, Any]:
    """A claim as an unlabelled row: its text and every sentence it cites, with outlets."""
    return {
        "id": claim["id"], "part": half(first), "gold_story": first,
        "source": first.split("-", 1)[0], "text": claim["text"],
        "sentences": [{"article_id": s["article_id"], "outlet": outlet[s["article_id"]],
                       "start": s["start"], "end": s["end"], "text": s["text"],
                       "gold_story": gold.get(s["article_id"], "")}
                      for s in claim["support"]],
    }


def draw(dossier_path: Path, gold_path: Path, sources: tuple[str, ...] = ("neus",),
         per_half: dict[str, int] | None = None) -> list[dict[str, Any]]:
    """Corroborated claims of the gold stories of ``sources``, unlabelled: up to
    ``per_half[source]`` a half and source (``PER_HALF`` each when not given), drawn with
    ``random.Random(SEED)`` from the claims sorted by id. The source is the gold story's of
    the claim's first supporting article (a stratum: a NeuS story and a GVA incident report
    are different genres)."""
    dossier = json.loads(dossier_path.read_text(encoding="utf-8"))
    gold = gold_stories(dossier, gold_path)
    outlet = _outlets(dossier)
    found: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for story in dossier["stories"]:
        for claim in story["claims"]:
            if claim["status"] != "corroborated":
                continue
            first = gold.get(claim["support"][0]["article_id"], "")
            if first.split("-", 1)[0] not in sources:
                continue
            found.setdefault((half(first), first.split("-", 1)[0]), []).append(
                _row(claim, first, gold, outlet))
    rows = []
    for part in ("tune", "report"):
        for source in sources:
            pool = sorted(found.get((part, source), []), key=lambda r: r["id"])
            wanted = (per_half or {}).get(source, PER_HALF)
            picked = pool if len(pool) <= wanted else random.Random(SEED).sample(pool, wanted)
            for row in picked:
                row["pool"] = len(pool)  # the stratum's size, to weigh its precision
            rows.extend(sorted(picked, key=lambda r: r["id"]))
            print(f"{part} {source}: {len(pool)} corroborated claims, {len(picked)} drawn")
    return rows


def analyse_copy(store: Path, out: Path) -> Path:
    """The dossier of a copy of ``store`` analysed by the code on this path."""
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / "store.db"
        with sqlite3.connect(store) as source, sqlite3.connect(copy) as target:
            source.backup(target)
        env = {**os.environ, "PYTHONPATH": str(REPO / "src")}
        subprocess.run([sys.executable, "-m", "newsdesk.cli", "analyze", "--db", str(copy),
                        "--json", str(out), "-q", "-j", "2"], check=True, env=env)
    return out


def still_marked(row: dict[str, Any], claims_of: dict[tuple[str, int], dict[str, Any]]) -> bool:
    """Is the row's claim sentence still corroborated together with a sentence of another
    article that the row cites (for a ``right`` row: one labelled the same fact)?"""
    anchor = next(s for s in row["sentences"] if s["text"] == row["text"])
    claim = claims_of.get((anchor["article_id"], anchor["start"]))
    if claim is None or claim["status"] != "corroborated":
        return False
    members = {(s["article_id"], s["start"]) for s in claim["support"]}
    wanted = [s for s, same in zip(row["sentences"], row.get("same") or [], strict=False)
              if same] if row["label"] == "right" else row["sentences"]
    return any((s["article_id"], s["start"]) in members
               and s["article_id"] != anchor["article_id"] for s in wanted)


def score(rows: list[dict[str, Any]], dossier: dict[str, Any], parts: tuple[str, ...]
          ) -> dict[str, Any]:
    """Precision of the mark on the labelled rows of ``parts``, before (the draw's code) and
    now, with the rows whose mark changed."""
    claims_of = {(s["article_id"], s["start"]): c
                 for story in dossier["stories"] for c in story["claims"] for s in c["support"]}
    out: dict[str, Any] = {}
    for part in parts:
        labelled = [r for r in rows if r["part"] == part and r["label"] in ("right", "wrong")]
        now = [r for r in labelled if still_marked(r, claims_of)]
        result = {}
        for name, marked in (("previous", labelled), ("now", now)):
            right = sum(r["label"] == "right" for r in marked)
            low, high = wilson(right, len(marked))
            result[name] = {"marked": len(marked), "right": right,
                            "precision": round(right / len(marked), 3) if marked else 0.0,
                            "wilson95": [round(low, 3), round(high, 3)]}
        result["by source"] = {
            source: {name: [sum(r.get("source", "neus") == source for r in marked),
                            sum(r.get("source", "neus") == source and r["label"] == "right"
                                for r in marked)]
                     for name, marked in (("previous", labelled), ("now", now))}
            for source in sorted({r.get("source", "neus") for r in labelled})}
        dropped = [r for r in labelled if r not in now]
        result["unclear"] = sum(r["part"] == part and r["label"] == "unclear" for r in rows)
        result["unmarked"] = {"wrong": [r["id"] for r in dropped if r["label"] == "wrong"],
                              "right (lost)": [r["id"] for r in dropped if r["label"] == "right"]}
        out[part] = result
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--draw", type=Path, help="draw unlabelled rows from this dossier")
    parser.add_argument("--gold", type=Path,
                        help="gold.json of the dossier's stream (mixed_stream.py --build); "
                        "needed by --draw")
    parser.add_argument("--store", type=Path, help="analyse a copy of this annotated store")
    parser.add_argument("--dossier", type=Path, help="score this dossier instead")
    parser.add_argument("--part", choices=("tune", "report", "both"), default="tune")
    parser.add_argument("--show", action="store_true", help="print the rows whose mark changed")
    parser.add_argument("--rows", type=Path, default=DATA,
                        help=f"the labelled rows (default {DATA.name}; the July 2021 stream's: "
                        f"{JULY.name}); --draw writes them here")
    parser.add_argument("--sources", default="neus",
                        help="with --draw: the gold sources drawn and how many a half, "
                        "e.g. neus=60,gva=15 (a bare name: PER_HALF)")
    args = parser.parse_args(argv)
    if args.draw:
        if args.gold is None:
            parser.error("--draw needs --gold DIR/gold.json (python benchmarks/mixed_stream.py "
                         "--build 2021-09 --out DIR writes it)")
        wanted = dict(item.split("=") if "=" in item else (item, str(PER_HALF))
                      for item in args.sources.split(","))
        rows = draw(args.draw, args.gold, tuple(wanted),
                    {source: int(n) for source, n in wanted.items()})
        args.rows.write_text("".join(json.dumps({**r, "label": None, "same": None, "note": ""},
                                           ensure_ascii=False) + "\n" for r in rows),
                        encoding="utf-8")
        return 0
    rows = [json.loads(line) for line in args.rows.read_text(encoding="utf-8").splitlines()
            if line]
    if args.dossier:
        dossier_path = args.dossier
    elif args.store:
        dossier_path = analyse_copy(args.store, Path(tempfile.mkdtemp()) / "dossier.json")
    else:
        parser.error("give --store or --dossier")
    dossier = json.loads(dossier_path.read_text(encoding="utf-8"))
    parts = ("tune", "report") if args.part == "both" else (args.part,)
    result = score(rows, dossier, parts)
    print("| half | code | marked | right | precision (Wilson 95 %) |\n|---|---|---|---|---|")
    for part, found in result.items():
        for name in ("previous", "now"):
            r = found[name]
            print(f"| {part} | {name} | {r['marked']} | {r['right']} | {r['precision']:.3f} "
                  f"({r['wilson95'][0]:.3f}–{r['wilson95'][1]:.3f}) |")
        print(f"{part}: unmarked wrong {len(found['unmarked']['wrong'])}, unmarked right (lost) "
              f"{len(found['unmarked']['right (lost)'])}, unclear rows {found['unclear']}; "
              "marked / right by source: " + ", ".join(
                  f"{source} {c['previous'][0]} / {c['previous'][1]} → {c['now'][0]} / "
                  f"{c['now'][1]}" for source, c in found["by source"].items()))
        if args.show:
            by_id = {r["id"]: r for r in rows}
            for kind, ids in found["unmarked"].items():
                for i in ids:
                    print(f"  [{kind}] {i}: {by_id[i]['text'][:150]}")
    if args.part == "both":
        results_path(args.rows.with_suffix(".json").name).write_text(
            json.dumps(result, indent=2) + "\n")
    shutil.rmtree(dossier_path.parent, ignore_errors=True) if not args.dossier else None
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
