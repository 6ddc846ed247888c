"""Hostile inputs through the real CLI: no traceback, no hang, bounded memory, the good
article always through (issue 14).

What: ``fuzz_cases.py`` writes 1,000+ hostile inputs (seeded: the same set every run) in
every class of issue 14 — truncation, byte flips, NULs, lying charsets, BOMs, gzip and WARC
bombs and truncation, billion laughs and XXE, deep nesting, giant attributes/lines/words,
punctuation runs, JSONL type mutations, filesystem and stdin oddities, bad settings —
mostly by mutating real pages. Each runs as ``newsdesk extract HOSTILE GOOD`` (GOOD: one
example article) and a sample also as ``newsdesk analyze HOSTILE GOOD --db ... --json ...``.
For each we record a traceback (an uncaught exception or ``Traceback`` on stderr), a hang
(over ``--budget`` seconds), peak memory (``ru_maxrss`` of the process running it; target
1 GiB), the exit code, whether GOOD came through, and the codes reported.

Why: principle 3 — bad input gets a coded error naming it, and loses nothing else. A probe
of 557 inputs found crashes and hangs; this keeps the probe in the repo, bigger, seeded.

How it stays fast on two shared cores: inputs run in batches inside one child process
(``--batch`` per process, the CLI's ``main`` called in-process with its streams captured),
so imports are paid once per batch. The child reports each input as it starts and ends; a
child that dies or goes silent past the budget is killed, the input it was on is recorded
as the crash or hang, and the batch goes on in a fresh child. A child whose peak passes
the memory target exits after that input, so every later input is measured afresh.
Stdin and environment cases run in a process of their own each.

    python benchmarks/fuzz_inputs.py [--seed 14] [--scale 1.0] [--budget 60] [--jobs 1]
    python benchmarks/fuzz_inputs.py --mixed   # analyze of 300 GVA pages, 30 mutated

Writes ``benchmarks/results/fuzz_inputs.json`` (``fuzz_mixed.json`` for --mixed).
"""

from __future__ import annotations

import argparse
import contextlib
import gzip
import io
import json
import os
import random
import re
import resource
import selectors
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import traceback
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

from common import REPO, benchmarks_dir, results_path
from fuzz_cases import CLASSES, GOOD_ARTICLE, generate

MEMORY_TARGET_MIB = 1024
# A child may grow past the target (that is what is measured) but not take the machine.
CHILD_ADDRESS_LIMIT = 8 << 30
CODE_LINE = re.compile(r"^([EW]\d{3}) (.*?): ", re.MULTILINE)
SRC = str(REPO / "src")
CLI = "from newsdesk.cli import main; main()"
# For a process of its own: its peak memory on stderr as it exits (ru_maxrss, KiB).
CLI_MEASURED = ("import atexit, resource, sys\n"
                "atexit.register(lambda: sys.stderr.write('\\nFUZZ_MAXRSS %d\\n' % "
                "resource.getrusage(resource.RUSAGE_SELF).ru_maxrss))\n" + CLI)
MAXRSS_LINE = re.compile(r"\nFUZZ_MAXRSS (\d+)\n")


def split_maxrss(stderr: str) -> tuple[str, float | None]:
    """The stderr without the FUZZ_MAXRSS line, and that peak in MiB."""
    found = MAXRSS_LINE.search(stderr)
    if not found:
        return stderr, None
    return stderr[:found.start()] + stderr[found.end():], int(found.group(1)) / 1024


# ---------------------------------------------------------------------------
# one input, inside the child


def argv_for(case: dict[str, Any], root: Path, good: Path, command: str,
             scratch: Path) -> list[str]:
    folder = root / case["id"]
    args = [a if a == "-" or os.path.isabs(a) else str(folder / a) for a in case["inputs"]]
    argv = [command, *args, str(good), "--quiet"]
    if command == "analyze":
        argv += ["--db", str(scratch / f"{case['id']}.db"),
                 "--json", str(scratch / f"{case['id']}.json")]
    return argv


def judge(case: dict[str, Any], command: str, exit_code: int | str, stdout: str,
          stderr: str, good: Path, scratch: Path) -> dict[str, Any]:
    """What a run's streams and files say: good article through, codes, tracebacks."""
    tracebacks = "Traceback (most recent call last)" in stderr
    good_ok, uncoded_records = False, 0
    if command == "extract":
        for line in stdout.splitlines():
            try:
                rec = json.loads(line)
            except ValueError:
                continue
            if rec.get("source") == str(good):
                good_ok = rec.get("error") is None and bool(rec.get("text"))
            elif rec.get("error") and not re.fullmatch(r"E\d{3}", str(rec["error"].get("code"))):
                uncoded_records += 1
        dossier = None
    else:
        path = scratch / f"{case['id']}.json"
        dossier = path.is_file()
        if dossier:
            try:
                arts = json.loads(path.read_text(encoding="utf-8")).get("articles", [])
                good_ok = any(a.get("source") == str(good) for a in arts)
            except ValueError:
                dossier = False
    codes = sorted({m.group(1) for m in CODE_LINE.finditer(stderr)
                    if m.group(2) != str(good)})
    good_failed = any(m.group(2) == str(good) for m in CODE_LINE.finditer(stderr))
    uncoded = (exit_code not in (0, 1) or (exit_code == 1 and not codes)
               or uncoded_records > 0)
    if not case.get("good_expected", True):
        uncoded = not re.search(r"^E\d{3}", stderr, re.M)
    if not case.get("good_expected", True):  # a run-level coded error is the right answer
        good_ok = exit_code == 1 and bool(codes or re.search(r"^E\d{3}: ", stderr, re.M))
        codes = codes or sorted(set(re.findall(r"^(E\d{3}): ", stderr, re.M)))
        good_failed = False
    return {"exit": exit_code, "traceback": tracebacks, "good_ok": good_ok and not good_failed,
            "codes": codes, "uncoded": uncoded, "dossier": dossier,
            "leak": case.get("cls") == "entities" and "root:x:0:0" in stdout,
            "stderr_tail": stderr[-600:] if tracebacks or uncoded else ""}


@contextlib.contextmanager
def captured(env: dict[str, str]) -> Iterator[tuple[io.BytesIO, io.BytesIO]]:
    out, err = io.BytesIO(), io.BytesIO()
    saved = sys.stdout, sys.stderr, sys.argv, dict(os.environ)
    wrappers = (io.TextIOWrapper(out, encoding="utf-8", errors="strict", write_through=True),
                io.TextIOWrapper(err, encoding="utf-8", errors="backslashreplace",
                                 write_through=True))
    sys.stdout, sys.stderr = wrappers
    os.environ.update(env)
    try:
        yield out, err
    finally:
        for wrapper in wrappers:
            with contextlib.suppress(Exception):
                wrapper.flush()
            with contextlib.suppress(Exception):
                wrapper.detach()  # so that dropping it does not close the buffer
        sys.stdout, sys.stderr, sys.argv = saved[0], saved[1], saved[2]
        os.environ.clear()
        os.environ.update(saved[3])


def run_in_process(case: dict[str, Any], root: Path, good: Path, command: str,
                   scratch: Path) -> dict[str, Any]:
    from newsdesk.cli import main

    argv = argv_for(case, root, good, command, scratch)
    start = time.perf_counter()
    tb = ""
    with captured(case.get("env") or {}) as (out, err):
        sys.argv = ["newsdesk", *argv]
        try:
            main()
            exit_code: int | str = 0
        except SystemExit as stop:
            exit_code = stop.code if isinstance(stop.code, int) else (
                0 if stop.code is None else 1)
        except BaseException:  # what a user would see as a traceback
            tb = traceback.format_exc()
            exit_code = "exception"
    seconds = time.perf_counter() - start
    stderr = err.getvalue().decode("utf-8", "replace") + tb
    result = judge(case, command, exit_code, out.getvalue().decode("utf-8", "replace"),
                   stderr, good, scratch)
    result["seconds"] = round(seconds, 3)
    result["peak_mib"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
    return result


def child(list_file: Path, root: Path, good: Path, command: str, scratch: Path) -> None:
    """The batch runner: one JSON line when ready, then per input a start and a result."""
    with contextlib.suppress(ValueError, OSError):
        resource.setrlimit(resource.RLIMIT_AS, (CHILD_ADDRESS_LIMIT, CHILD_ADDRESS_LIMIT))
    cases = json.loads(list_file.read_text())
    report = sys.stdout
    warm = {"id": "warm", "inputs": [], "env": {}}
    run_in_process(warm, root, good, command, scratch)  # imports (and spaCy) paid here
    print(json.dumps({"ready": True}), file=report, flush=True)
    for case in cases:
        print(json.dumps({"start": case["id"]}), file=report, flush=True)
        result = run_in_process(case, root, good, command, scratch)
        print(json.dumps({"result": case["id"], **result}), file=report, flush=True)
        if result["peak_mib"] > MEMORY_TARGET_MIB:
            return  # later inputs measured in a fresh process


# ---------------------------------------------------------------------------
# the parent


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = SRC + os.pathsep + env.get("PYTHONPATH", "")
    env.pop("NEWSDESK_MAX_INPUT_BYTES", None)
    return env


def _failed(case: dict[str, Any], command: str, kind: str, seconds: float,
            tail: str = "") -> dict[str, Any]:
    return {"id": case["id"], "cls": case["cls"], "what": case["what"], "command": command,
            "exit": kind, "traceback": kind == "crash", "hang": kind == "hang",
            "good_ok": False, "codes": [], "uncoded": True, "seconds": round(seconds, 1),
            "peak_mib": None, "stderr_tail": tail}


def run_batch(cases: list[dict[str, Any]], root: Path, good: Path, command: str,
              budget: float, scratch: Path) -> list[dict[str, Any]]:
    """Run ``cases`` in as few child processes as crashes and hangs allow."""
    results: list[dict[str, Any]] = []
    remaining = list(cases)
    by_id = {c["id"]: c for c in cases}
    while remaining:
        with tempfile.NamedTemporaryFile("w", suffix=".json", dir=scratch, delete=False) as f:
            json.dump(remaining, f)
        log = open(scratch / "child.log", "ab")  # noqa: SIM115 (closed below)
        proc = subprocess.Popen(
            [sys.executable, __file__, "--child", f.name, "--root", str(root), "--good",
             str(good), "--command", command, "--scratch", str(scratch)],
            stdout=subprocess.PIPE, stderr=log, stdin=subprocess.DEVNULL, env=_env(),
            cwd=scratch, start_new_session=True)
        assert proc.stdout is not None
        sel = selectors.DefaultSelector()
        sel.register(proc.stdout, selectors.EVENT_READ)
        current: str | None = None
        started = time.monotonic()
        deadline = started + budget + 120  # imports (and spaCy) first
        buffer = b""
        outcome = "done"
        while True:
            wait = deadline - time.monotonic()
            if wait <= 0:
                outcome = "hang"
                break
            if not sel.select(timeout=min(wait, 5)):
                continue
            chunk = os.read(proc.stdout.fileno(), 1 << 16)
            if not chunk:
                outcome = "exit"
                break
            buffer += chunk
            while b"\n" in buffer:
                line, buffer = buffer.split(b"\n", 1)
                msg = json.loads(line)
                if "start" in msg:
                    current, started = msg["start"], time.monotonic()
                    deadline = started + budget
                elif "result" in msg:
                    case = by_id[msg.pop("result")]
                    results.append({"id": case["id"], "cls": case["cls"], "what": case["what"],
                                    "command": command, "hang": False, **msg})
                    remaining.remove(case)
                    current = None
        if outcome == "hang":
            with contextlib.suppress(ProcessLookupError):
                os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
        sel.close()
        proc.stdout.close()
        log.close()
        os.unlink(f.name)
        if current is not None:
            case = by_id[current]
            kind = "hang" if outcome == "hang" else "crash"
            tail = f"child ended with {proc.returncode}" if kind == "crash" else ""
            results.append(_failed(case, command, kind, time.monotonic() - started, tail))
            remaining.remove(case)
        elif remaining and (outcome == "hang" or proc.returncode != 0):
            # the child failed before its first input: count the first one, go on
            results.append(_failed(remaining[0], command, "crash", 0.0,
                                   f"child ended with {proc.returncode} before starting"))
            remaining.pop(0)
    return results


def run_isolated(case: dict[str, Any], root: Path, good: Path, budget: float,
                 scratch: Path) -> dict[str, Any]:
    """A case in a process of its own: its stdin (a file, a folder, closed) and env."""
    folder = root / case["id"]
    argv = argv_for(case, root, good, "extract", scratch)
    stdin_spec = case.get("stdin")
    stdin_fd: int | None = None
    if stdin_spec and stdin_spec != "closed":
        path = stdin_spec if os.path.isabs(stdin_spec) else str(folder / stdin_spec)
        stdin_fd = os.open(path, os.O_RDONLY)
    env = {**_env(), **(case.get("env") or {})}

    def prepare() -> None:
        if stdin_spec == "closed":
            os.close(0)

    start = time.monotonic()
    proc = subprocess.Popen(
        [sys.executable, "-c", CLI_MEASURED, *argv], stdin=stdin_fd if stdin_fd is not None
        else subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env,
        cwd=scratch, preexec_fn=prepare, start_new_session=True)
    if stdin_fd is not None:
        os.close(stdin_fd)
    hang = False
    try:
        out, err = proc.communicate(timeout=budget + 30)
    except subprocess.TimeoutExpired:
        hang = True
        os.killpg(proc.pid, signal.SIGKILL)
        out, err = proc.communicate()
    seconds = time.monotonic() - start
    if hang:
        return _failed(case, "extract", "hang", seconds)
    stderr, ru = split_maxrss(err.decode("utf-8", "replace"))
    result = judge(case, "extract", proc.returncode, out.decode("utf-8", "replace"),
                   stderr, good, scratch)
    return {"id": case["id"], "cls": case["cls"], "what": case["what"], "command": "extract",
            "hang": False, "seconds": round(seconds, 3),
            "peak_mib": round(ru, 1) if ru is not None else None, **result}


def run_cases(cases: list[dict[str, Any]], root: Path, *, budget: float = 60.0,
              batch: int = 50, jobs: int = 1, analyze_every: int = 20,
              good: Path = GOOD_ARTICLE, scratch: Path | None = None,
              progress: bool = True) -> list[dict[str, Any]]:
    """Every case through ``extract``; every ``analyze_every``-th in-process case also
    through ``analyze`` (0: none). Results in case order, extract first."""
    own = scratch is None
    scratch = Path(tempfile.mkdtemp(prefix="fuzz-scratch-")) if scratch is None else scratch
    isolated = [c for c in cases if c.get("isolated")]
    normal = [c for c in cases if not c.get("isolated")]
    sample = normal[::analyze_every] if analyze_every else []
    jobs_list: list[tuple[str, list[dict[str, Any]]]] = [
        ("extract", normal[i:i + batch]) for i in range(0, len(normal), batch)]
    jobs_list += [("analyze", sample[i:i + batch]) for i in range(0, len(sample), batch)]
    done: list[dict[str, Any]] = []
    t0 = time.monotonic()

    def one(job: tuple[str, list[dict[str, Any]]]) -> list[dict[str, Any]]:
        out = run_batch(job[1], root, good, job[0], budget, scratch)
        done.extend(out)
        if progress:
            bad = sum(r["traceback"] or r["hang"] or not r["good_ok"] for r in done)
            print(f"\r{len(done)} runs, {bad} bad, {time.monotonic() - t0:.0f} s",
                  end="", file=sys.stderr, flush=True)
        return out

    with ThreadPoolExecutor(max_workers=jobs) as pool:
        results = [r for batch_results in pool.map(one, jobs_list) for r in batch_results]
    for case in isolated:
        results.append(run_isolated(case, root, good, budget, scratch))
    if progress:
        print(file=sys.stderr)
    if own:
        shutil.rmtree(scratch, ignore_errors=True)
    order = {c["id"]: i for i, c in enumerate(cases)}
    results.sort(key=lambda r: (r["command"] != "extract", order[r["id"]]))
    return results


def summarise(results: list[dict[str, Any]], budget: float) -> list[dict[str, Any]]:
    rows = []
    groups: dict[str, list[dict[str, Any]]] = {}
    for r in results:
        key = r["cls"] if r["command"] == "extract" else "analyze (sample)"
        groups.setdefault(key, []).append(r)
    order = [*CLASSES, "analyze (sample)"]
    for key in sorted(groups, key=lambda k: order.index(k) if k in order else 99):
        rs = groups[key]
        rows.append({
            "class": key, "inputs": len(rs),
            "tracebacks": sum(bool(r["traceback"]) for r in rs),
            "hangs": sum(bool(r["hang"]) or (r["seconds"] or 0) > budget for r in rs),
            "over_memory": sum((r["peak_mib"] or 0) > MEMORY_TARGET_MIB for r in rs),
            "good_lost": sum(not r["good_ok"] for r in rs),
            "uncoded": sum(bool(r["uncoded"]) for r in rs),
            # E202 is extraction's catch-all for an exception nobody foresaw: coded, but a bug
            "caught_bugs": sum("E202" in r["codes"] for r in rs),
            "max_s": max((r["seconds"] or 0) for r in rs),
            "max_mib": max((r["peak_mib"] or 0) for r in rs),
        })
    total = {"class": "all", "inputs": sum(r["inputs"] for r in rows if r["class"]
                                           != "analyze (sample)")}
    for col in ("tracebacks", "hangs", "over_memory", "good_lost", "uncoded", "caught_bugs"):
        total[col] = sum(r[col] for r in rows)
    total["max_s"] = max(r["max_s"] for r in rows)
    total["max_mib"] = max(r["max_mib"] for r in rows)
    rows.append(total)
    return rows


def print_table(rows: list[dict[str, Any]]) -> None:
    head = ("class", "inputs", "tracebacks", "hangs", "over 1 GiB", "good lost", "uncoded",
            "E202", "max s", "max MiB")
    print("| " + " | ".join(head) + " |")
    print("|" + "---|" * len(head))
    for r in rows:
        print(f"| {r['class']} | {r['inputs']} | {r['tracebacks']} | {r['hangs']} | "
              f"{r['over_memory']} | {r['good_lost']} | {r['uncoded']} | "
              f"{r.get('caught_bugs', 0)} | {r['max_s']:.1f} | "
              f"{r['max_mib']:.0f} |")


# ---------------------------------------------------------------------------
# --mixed: analyze of 300 real pages, 10 % mutated


def mixed(seed: int, budget_total: float) -> dict[str, Any]:
    from fuzz_cases import flip, insert_at_random, truncate

    rng = random.Random(seed)
    gva = benchmarks_dir() / "stories" / "gva" / "articles.jsonl.gz"
    if not gva.is_file():
        print(f"skipped: {gva} not found")
        return {}
    with gzip.open(gva, "rt", encoding="utf-8") as handle:
        records = [json.loads(line) for line in handle]
    picked = rng.sample(records, 300)
    work = Path(tempfile.mkdtemp(prefix="fuzz-mixed-"))
    folder = work / "in"
    folder.mkdir()
    mutated = set(rng.sample(range(300), 30))
    names: list[str] = []
    feeds: dict[str, list[bytes]] = {}
    for i, rec in enumerate(picked):
        bad = i in mutated
        text = f"{rec.get('title') or ''}\n\n{rec['text']}"
        form = i % 3
        if form == 0:
            data = text.encode()
            if bad:
                data = [truncate(data, rng), flip(data, rng, 50),
                        insert_at_random(data, rng, b"\x00" * 50, 4),
                        text.encode("utf-16-le"), data + b'"' * 60_000][i % 5]
            name = f"a{i:03d}.txt"
            (folder / name).write_bytes(data)
        elif form == 1:
            html = (f"<html><head><title>{rec.get('title') or ''}</title>"
                    f"<meta name=\"date\" content=\"{rec.get('published', '')}\"></head><body>"
                    "<article>" + "".join(f"<p>{p}</p>" for p in rec["text"].split("\n\n"))
                    + "</article></body></html>")
            data = html.encode()
            if bad:
                data = [b"<div>" * 50_000 + data, data.replace(b"<p>", b"<p " + b" ".join(
                    b"a%d" % k for k in range(600)) + b">", 1),
                    b'<meta charset="shift_jis">' + html.encode("cp1252", "replace"),
                    gzip.compress(data)[:300], b"\xff\xfe" + data][i % 5]
            name = f"a{i:03d}.html" + (".gz" if bad and i % 5 == 3 else "")
            (folder / name).write_bytes(data)
        else:
            rec = dict(rec)
            line = json.dumps(rec).encode()
            if bad:
                kind = i % 5
                if kind == 0:
                    rec["text"] = 12
                elif kind == 1:
                    rec["title"] = {"a": [1]}
                elif kind == 2:
                    rec["published"] = ["2024"]
                elif kind == 3:
                    rec["text"] = rec["text"][:50] + "\ud800"
                line = json.dumps(rec).encode() if kind < 4 else truncate(line, rng)
            feed = f"feed{i % 10}.jsonl"
            feeds.setdefault(feed, []).append(line)
            name = f"{feed}:{len(feeds[feed])}"
        names.append(name)
    for feed, lines in feeds.items():
        (folder / feed).write_bytes(b"\n".join(lines) + b"\n")
    db, out = work / "mixed.db", work / "mixed.json"
    argv = ["analyze", str(folder), "--db", str(db), "--json", str(out), "--quiet"]
    start = time.monotonic()
    proc = subprocess.Popen([sys.executable, "-c", CLI_MEASURED, *argv], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, env=_env(), cwd=work,
                            start_new_session=True)
    try:
        _, err_b = proc.communicate(timeout=budget_total)
        hang = False
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        _, err_b = proc.communicate()
        hang = True
    seconds = time.monotonic() - start
    err, peak = split_maxrss(err_b.decode("utf-8", "replace"))
    failures = {m.group(2): m.group(1) for m in CODE_LINE.finditer(err) if m.group(1)[0] == "E"}
    reported = re.search(r"(\d+) failed inputs", err)
    dossier: dict[str, Any] = {}
    if out.is_file():
        with contextlib.suppress(ValueError):
            dossier = json.loads(out.read_text(encoding="utf-8"))
    sources = {a["source"] for a in dossier.get("articles", [])}

    def full(name: str) -> str:
        return str(folder / name)

    # An unmutated page missing from the dossier is either refused with a code (GVA holds
    # some empty or non-article scrapes) or the same bytes as a page stored under another
    # name (the store keeps an article once, first come) — or lost, which is the defect.
    texts = [r["text"] for r in picked]
    repeated = {i for i, t in enumerate(texts) if texts.index(t) != i}
    missing = [(i, n) for i, n in enumerate(names) if i not in mutated and full(n) not in sources]
    refused = {n: failures[full(n)] for _, n in missing if full(n) in failures}
    lost_good = [n for i, n in missing if full(n) not in failures and i not in repeated]
    unaccounted = [n for i, n in enumerate(names) if i in mutated and full(n) not in sources
                   and full(n) not in failures]
    result = {
        "pages": 300, "mutated": 30, "exit": proc.returncode, "hang": hang,
        "seconds": round(seconds, 1), "peak_mib": round(peak, 1) if peak else None,
        "traceback": "Traceback (most recent call last)" in err,
        "dossier_written": bool(dossier), "articles_in_dossier": len(sources),
        "stories": len(dossier.get("stories", [])),
        "failures_coded": len(failures), "failed_inputs_reported": int(reported.group(1))
        if reported else None,
        "unmutated_refused_with_code": refused,
        "unmutated_same_text_as_another": sum(1 for i, _ in missing if i in repeated
                                              and names[i] not in refused),
        "unmutated_lost": lost_good, "mutated_neither_stored_nor_coded": unaccounted,
        "codes": sorted(set(failures.values())),
        "stderr_tail": err[-1500:] if "Traceback" in err or not dossier else "",
    }
    shutil.rmtree(work, ignore_errors=True)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seed", type=int, default=14)
    parser.add_argument("--scale", type=float, default=1.0,
                        help="shrink the mutation classes (0.1: a quick look)")
    parser.add_argument("--budget", type=float, default=60.0, help="seconds per input")
    parser.add_argument("--batch", type=int, default=50, help="inputs per child process")
    parser.add_argument("--jobs", type=int, default=1, help="child processes at once")
    parser.add_argument("--analyze-every", type=int, default=20,
                        help="every N-th input also through analyze (0: none)")
    parser.add_argument("--light", action="store_true",
                        help="leave out the bombs and giant pages")
    parser.add_argument("--only", nargs="*", help="only these classes")
    parser.add_argument("--cases", help="keep the generated cases in this folder")
    parser.add_argument("--mixed", action="store_true",
                        help="analyze of 300 GVA pages with 30 of them mutated")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--root", help=argparse.SUPPRESS)
    parser.add_argument("--good", help=argparse.SUPPRESS)
    parser.add_argument("--command", help=argparse.SUPPRESS)
    parser.add_argument("--scratch", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(Path(args.child), Path(args.root), Path(args.good), args.command,
              Path(args.scratch))
        return
    if args.mixed:
        found = mixed(args.seed, 3600)
        if found:
            print(json.dumps({k: v for k, v in found.items() if k != "stderr_tail"}, indent=1))
            results_path("fuzz_mixed.json").write_text(json.dumps(found, indent=1) + "\n")
        return
    root = Path(args.cases) if args.cases else Path(tempfile.mkdtemp(prefix="fuzz-cases-"))
    t0 = time.monotonic()
    cases = [c.to_dict() for c in generate(root, args.seed, args.scale, args.light)]
    if args.only:
        cases = [c for c in cases if c["cls"] in args.only]
    print(f"{len(cases)} cases generated in {time.monotonic() - t0:.0f} s under {root}",
          file=sys.stderr)
    results = run_cases(cases, root, budget=args.budget, batch=args.batch, jobs=args.jobs,
                        analyze_every=args.analyze_every)
    rows = summarise(results, args.budget)
    print_table(rows)
    bad = [r for r in results if r["traceback"] or r["hang"] or not r["good_ok"]
           or "E202" in r["codes"]
           or r["uncoded"] or (r["peak_mib"] or 0) > MEMORY_TARGET_MIB or r.get("leak")]
    for r in bad[:40]:
        print(f"  {r['id']} {r['command']} {r['cls']}: {r['what']} -> exit {r['exit']}, "
              f"{r['seconds']} s, good {'ok' if r['good_ok'] else 'LOST'}"
              f"{', TRACEBACK' if r['traceback'] else ''}{', HANG' if r['hang'] else ''}"
              f" {r.get('stderr_tail', '')[-200:]!r}")
    results_path("fuzz_inputs.json").write_text(json.dumps(
        {"seed": args.seed, "scale": args.scale, "budget_s": args.budget,
         "memory_target_mib": MEMORY_TARGET_MIB, "cases": len(cases),
         "seconds": round(time.monotonic() - t0), "table": rows, "bad": bad,
         "results": results}, indent=1, default=str) + "\n")
    if not args.cases:
        shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    main()
