"""Command-line interface: a thin layer over :mod:`newsdesk.api`.

Exit codes (DESIGN.md): 0 success, 1 when any input failed, 2 on usage errors
(Click's own).  Per-input problems go to stderr as ``CODE name: message`` lines
and never stop the other inputs.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, TypeVar

import click

from . import __version__
from .api import AddResult, AnalyzeResult, iter_annotated, iter_extracted
from .api import add as run_add
from .api import analyze as run_analyze
from .api import changes as run_changes
from .api import export as run_export
from .clitext import changes_lines
from .config import Settings, load_settings
from .errors import NewsdeskError
from .extraction.dates import parse_stated
from .ingest.fields import parse_field_map
from .ingest.memory import AsPath, is_address
from .model import Article, Failure
from .progress import BarStages
from .publish.atomic import STDOUT
from .publish.html import counted
from .records import annotate_record, extract_record
from .store.export import EXPORTS, FORMATS
from .store.selection import Selection
from .watching import Poll, parse_every
from .watching import watch as run_watch

_INPUTS = click.argument("inputs", nargs=-1, required=True, metavar="INPUT...")
def _check_date(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    """A date the user types must be readable: a usage error (exit 2) beats a silent guess."""
    if value is not None and parse_stated(value) is None:
        raise click.BadParameter(f"{value!r} is not a date (try YYYY-MM-DD, YYYY-MM or YYYY)")
    return value


_PUBLISHED = click.option(
    "--published",
    metavar="DATE",
    callback=_check_date,
    help="Publication date (YYYY-MM-DD, YYYY-MM or YYYY) for every input; overrides dates "
    "found in the pages.",
)
def _take_fields(ctx: click.Context, param: click.Parameter, value: tuple[str, ...]
                 ) -> None:
    """--field TARGET=SOURCE, checked now (E004 is a usage error, exit 2) and kept for
    :func:`_settings`, which lays it over the ``fields`` setting."""
    if not value:
        return
    try:
        parse_field_map(",".join(value))
    except NewsdeskError as err:
        raise click.BadParameter(str(err)) from None
    ctx.meta["newsdesk.fields"] = ",".join(value)


_FIELD = click.option(
    "--field", "fields", metavar="TARGET=SOURCE", multiple=True, expose_value=False,
    callback=_take_fields,
    help="Read the JSONL/JSON field SOURCE as TARGET (text, html, url, title, published, "
    "outlet, authors, id, clean); repeatable, e.g. --field text=body --field "
    "published=date. news-please's maintext and date_publish are read without it.",
)


def _paths(inputs: Iterable[str]) -> list[AsPath | str]:
    """Command-line inputs are paths whatever they hold (the Python API reads a string
    with a line break or ``<`` as a document: ``ingest/memory.py``), except web
    addresses (http:// or https://), which are fetched (``web/``)."""
    return [item if is_address(item) else AsPath(item) for item in inputs]


def _take_private(ctx: click.Context, param: click.Parameter, value: bool) -> None:
    if value:
        ctx.meta["newsdesk.allow_private"] = True


def _read_list(path: str | None) -> list[str]:
    """The inputs of a --urls file: one a line, blank lines and # comments skipped."""
    if path is None:
        return []
    try:
        with click.open_file(path, encoding="utf-8") as handle:
            lines = [line.strip() for line in handle]
    except (OSError, UnicodeDecodeError) as err:
        raise click.BadParameter(f"cannot read {path}: {err}", param_hint="--urls") from None
    return [line for line in lines if line and not line.startswith("#")]


_ALLOW_PRIVATE = click.option(
    "--allow-private", is_flag=True, expose_value=False, callback=_take_private,
    help="Also read web addresses on private, loopback and link-local networks (refused by "
    "default with E116, so that a feed cannot make newsdesk read your own network).")


def _web_options(command: Callable[..., None]) -> Callable[..., None]:
    """--urls, --feed, --sitemap and --allow-private (add and analyze)."""
    for option in (
        _ALLOW_PRIVATE,
        click.option("--sitemap", "sitemaps", metavar="URL", multiple=True,
                     help="Fetch the pages this sitemap lists (a sitemap index: every "
                     "sitemap it lists; a news sitemap's publication dates are kept); "
                     "repeatable."),
        click.option("--feed", "feeds", metavar="URL", multiple=True,
                     help="Fetch the articles this RSS, Atom or JSON Feed lists; "
                     "repeatable."),
        click.option("--urls", "urls_file", metavar="FILE",
                     help="Read more inputs from FILE (- for stdin), one a line: web "
                     "addresses (or paths); blank lines and lines starting with # "
                     "skipped."),
    ):
        command = option(command)
    return command


def _take_config(ctx: click.Context, param: click.Parameter, value: str | None) -> None:
    if value is not None:
        ctx.meta["newsdesk.config"] = value


_CONFIG = click.option(
    "--config", metavar="FILE", expose_value=False, callback=_take_config,
    help="Settings file (TOML, keys as the Settings fields); default ./newsdesk.toml when "
    "it exists, or $NEWSDESK_CONFIG. NEWSDESK_* variables and flags override it.",
)


def _settings() -> Settings:
    """The run's settings (``config.load_settings``: defaults < --config file <
    NEWSDESK_* < flags), with the command's --field pairs added to ``fields``."""
    ctx = click.get_current_context()
    settings = load_settings(config=ctx.meta.get("newsdesk.config"))
    given = ctx.meta.get("newsdesk.fields")
    if given:
        joined = ",".join(p for p in (settings.fields, given) if p)
        settings = settings.replace(fields=joined)
    if ctx.meta.get("newsdesk.allow_private"):
        settings = settings.replace(allow_private=True)
    return settings


_QUIET = click.option("--quiet", "-q", is_flag=True,
                      help="No progress bars on stderr (they are drawn only on a terminal).")
_VERBOSE = click.option("--verbose", "-v", is_flag=True,
                        help="Also a line per finished stage (reading, extracting, annotating, "
                        "grouping, cross-checking, writing) with its count and time, on "
                        "stderr even when it is no terminal.")
_WORKERS = click.option(
    "--workers", "-j", type=click.IntRange(min=1), default=1, show_default=True,
    help="Worker processes for extraction, annotation and cross-checking (output is identical "
    "for any number).",
)
_DASK = click.option(
    "--dask", metavar="ADDRESS|local",
    help="Run extraction, annotation and cross-checking as tasks on the Dask cluster whose "
    "scheduler is at ADDRESS (tcp://HOST:PORT), or on a LocalCluster of -j workers (2 when -j "
    "is not given) started for the run. Output is identical; this process alone writes the "
    "store. Needs newsdesk[dask].",
)


def _stages(quiet: bool, verbose: bool) -> BarStages:
    """Progress bars by stage (tqdm) on stderr when it is a terminal and not --quiet;
    -v adds a line per finished stage (``progress.py``)."""
    return BarStages(show=not quiet and sys.stderr.isatty(), verbose=verbose)


def _report(failure: Failure, stages: BarStages | None = None) -> None:
    line = f"{failure.problem.code} {failure.name}: {failure.problem.message}"
    if stages is not None:
        stages.message(line)  # above the bars, not through them
    else:
        click.echo(line, err=True)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="newsdesk")
def cli() -> None:
    """newsdesk: clean, cross-checked story dossiers from a pile of news pages."""


_FORMAT = click.option(
    "--format", "fmt", type=click.Choice(["jsonl", "json"]), default="jsonl", show_default=True,
    help="jsonl: one object per line; json: one indented array.",
)


def _record_options(command: Callable[..., None]) -> Callable[..., None]:
    """The options every record-printing command (extract, annotate) takes, in one place."""
    for option in (_ALLOW_PRIVATE, _DASK, _WORKERS, _VERBOSE, _QUIET, _FIELD, _PUBLISHED,
                   _FORMAT, _INPUTS):
        command = option(command)
    return command


def _print_records(
    results: Iterable[tuple[Article | Failure, dict[str, Any]]], fmt: str, stages: BarStages
) -> None:
    """Print records as JSONL (streaming) or one JSON array; exit 1 if any input failed."""
    failed = False
    records: list[dict[str, Any]] = []
    for result, record in results:
        if isinstance(result, Failure):
            failed = True
            _report(result, stages)
        if fmt == "jsonl":
            click.echo(json.dumps(record, ensure_ascii=False, sort_keys=True))
        else:
            records.append(record)
    stages.close()
    if fmt == "json":
        click.echo(json.dumps(records, ensure_ascii=False, indent=2, sort_keys=True))
    sys.exit(1 if failed else 0)


@cli.command()
@_CONFIG
@_record_options
def extract(inputs: tuple[str, ...], fmt: str, published: str | None, quiet: bool,
            verbose: bool, workers: int, dask: str | None) -> None:
    """Extract clean article text and metadata from INPUT files, folders, archives, web
    addresses or - (stdin).

    Prints one JSON record per input document to stdout.
    """
    stages = _stages(quiet, verbose)
    try:
        results = iter_extracted(_paths(inputs), published=published, settings=_settings(),
                                 workers=workers, dask=dask, stages=stages)
        _print_records(((r, extract_record(r)) for _, r in results), fmt, stages)
    except NewsdeskError as err:
        click.echo(str(err), err=True)
        sys.exit(1)


@cli.command()
@_CONFIG
@_record_options
def annotate(inputs: tuple[str, ...], fmt: str, published: str | None, quiet: bool,
             verbose: bool, workers: int, dask: str | None) -> None:
    """Extract INPUT... and find the facts on each article's text.

    Prints one JSON record per input document: the extract record plus entities (with
    roles), quotes, figures, timexes and attributions, every one with its character span.
    """
    stages = _stages(quiet, verbose)
    try:
        results = iter_annotated(_paths(inputs), published=published, settings=_settings(),
                                 workers=workers, dask=dask, stages=stages)
        _print_records(((r, annotate_record(r, f)) for _, r, f in results), fmt, stages)
    except NewsdeskError as err:
        click.echo(str(err), err=True)
        sys.exit(1)


StoreResult = TypeVar("StoreResult", AddResult, AnalyzeResult)


def _store_run(run: Callable[[BarStages], StoreResult], quiet: bool, verbose: bool
               ) -> StoreResult:
    """A command that writes the store, with progress bars by stage on stderr: a coded
    error ends it with exit 1; each input that failed is reported."""
    stages = _stages(quiet, verbose)
    try:
        result = run(stages)
    except NewsdeskError as err:
        stages.close()
        click.echo(str(err), err=True)
        sys.exit(1)
    stages.close()
    for failure in result.failures:
        _report(failure)
    return result


_DB = click.option("--db", metavar="PATH", help="SQLite store (default: newsdesk.db).")


@cli.command()
@_CONFIG
@click.argument("inputs", nargs=-1, metavar="[INPUT...]")
@_DB
@_PUBLISHED
@_FIELD
@_QUIET
@_VERBOSE
@_WORKERS
@_DASK
@_web_options
def add(inputs: tuple[str, ...], db: str | None, published: str | None, quiet: bool,
        verbose: bool, workers: int, dask: str | None, urls_file: str | None,
        feeds: tuple[str, ...], sitemaps: tuple[str, ...]) -> None:
    """Extract and annotate INPUT... into the store; inputs it already holds (the same
    bytes, annotated by this newsdesk and model) are skipped.

    An INPUT starting with http:// or https:// is a web address: its page is fetched
    (robots.txt obeyed, one request a second to a host by default) and every response is
    kept in the store, so nothing is fetched again to analyse it."""
    listed = _paths([*inputs, *_read_list(urls_file)])
    if not (listed or feeds or sitemaps):
        raise click.UsageError("give an INPUT, --urls, --feed or --sitemap")
    result = _store_run(lambda stages: run_add(
        listed, db=db, published=published, settings=_settings(), workers=workers,
        stages=stages, dask=dask, feeds=feeds, sitemaps=sitemaps), quiet, verbose)
    click.echo(
        f"{counted(len(result.article_ids), 'article')} ({result.added} new in the store, "
        f"{result.reused} already there, {result.refreshed} annotated again by this "
        f"version), {counted(len(result.failures), 'failed input')}",
        err=True,
    )
    sys.exit(1 if result.failures else 0)


@cli.command()
@_CONFIG
@click.argument("inputs", nargs=-1, metavar="[INPUT...]")
@_DB
@click.option("--json", "json_path", metavar="FILE|-", help="Write the dossier JSON here "
              "(- for stdout).")
@click.option("--html", "html_path", metavar="FILE|-", help="Write the HTML report here: "
              "an overview, and each story on a page in a folder beside it "
              "(report.html -> report/story-N.html; a long list of stories goes on in "
              "report/index-2.html ..., a story of many articles in story-N-2.html ...); "
              "- writes it as one unpaged file to stdout.")
@click.option("--md", "md_path", metavar="FILE|-", help="Write the Markdown dossier here "
              "(- for stdout).")
@_PUBLISHED
@_FIELD
@_QUIET
@_VERBOSE
@_WORKERS
@_DASK
@click.option("--since", metavar="DATE",
              help="Report only the stories with an article published on or after DATE "
                   "(YYYY-MM-DD).")
@click.option("--story", "story_ids", metavar="ID", multiple=True,
              help="Report only this story (repeatable; an id an earlier run gave still works).")
@click.option("--query", metavar="TEXT",
              help="Report only the stories with an article matching TEXT, read as the app's "
                   "search reads it: every word (in any spelling of a name the store has "
                   "seen), OR, NOT or -word, prefix*, \"exact phrase\", brackets.")
@_web_options
def analyze(inputs: tuple[str, ...], db: str | None, json_path: str | None,
            html_path: str | None, md_path: str | None, published: str | None, quiet: bool,
            verbose: bool, workers: int, dask: str | None, since: str | None,
            story_ids: tuple[str, ...],
            query: str | None, urls_file: str | None, feeds: tuple[str, ...],
            sitemaps: tuple[str, ...]) -> None:
    """Add INPUT... to the store (as `add` does), then analyse every article the store
    holds and write the dossier. With no INPUT, the store alone is analysed. --since,
    --story and --query narrow the dossier to some stories (all given must hold); the store
    is still grouped whole, so a story keeps its id whatever is asked for.

    With no --json/--html/--md, writes the HTML report to newsdesk-report.html.
    """
    if not (json_path or html_path or md_path):
        html_path = "newsdesk-report.html"
    to_stdout = [p for p in (json_path, html_path, md_path) if p == STDOUT]
    if len(to_stdout) > 1:
        raise click.UsageError("only one of --json, --html, --md can be - (stdout)")
    selection = Selection(since, story_ids, query)
    listed = _paths([*inputs, *_read_list(urls_file)])
    result = _store_run(lambda stages: run_analyze(
        listed, db=db, json_path=json_path, html_path=html_path, md_path=md_path,
        published=published, settings=_settings(), workers=workers, stages=stages,
        selection=selection, dask=dask, feeds=feeds, sitemaps=sitemaps), quiet, verbose)
    click.echo(
        f"{counted(result.article_count, 'article')} in the store ({result.added} new, "
        f"{counted(result.reused, 'input')} already there, {result.refreshed} annotated again "
        f"by this version), {counted(len(result.failures), 'failed input')}",
        err=True,
    )
    if not selection.whole:
        click.echo(f"{result.story_count} stories selected", err=True)
    for kind, path in result.outputs.items():  # on stderr when stdout carries an output
        click.echo(f"{kind}: {'stdout' if path == STDOUT else path}", err=bool(to_stdout))
    sys.exit(1 if result.failures else 0)


@cli.command()
@_CONFIG
@_DB
@click.option("--since", metavar="RUN|DATE",
              help="Compare with the latest analysis at or before this run number, or finished "
                   "before this day (default: the analysis before the latest).")
@click.option("--json", "as_json", is_flag=True, help="Print the changes as JSON.")
def changes(db: str | None, since: str | None, as_json: bool) -> None:
    """What the latest analysis found new: new stories, articles new to a story, claims
    whose status changed, new conflicts and new figures."""
    try:
        found = run_changes(db=db, since=since, settings=_settings())
    except NewsdeskError as err:
        click.echo(str(err), err=True)
        sys.exit(1)
    if as_json:
        click.echo(json.dumps(found.to_dict(), ensure_ascii=False, indent=2, sort_keys=True))
        return
    for line in changes_lines(found):
        click.echo(line)


def _take_every(ctx: click.Context, param: click.Parameter, value: str) -> float:
    """--every as seconds; a duration that cannot be read is a usage error (exit 2)."""
    try:
        return parse_every(value)
    except ValueError as err:
        raise click.BadParameter(str(err)) from None


@cli.command()
@_CONFIG
@click.option("--feed", "feeds", metavar="URL", multiple=True,
              help="An RSS, Atom or JSON Feed to poll; repeatable.")
@click.option("--sitemap", "sitemaps", metavar="URL", multiple=True,
              help="A sitemap (or sitemap index) to poll; repeatable.")
@click.option("--every", metavar="DURATION", default="15m", show_default=True,
              callback=_take_every,
              help="Time from the start of one poll to the next: 90s, 15m, 2h, 1h30m (a "
              "number alone is seconds).")
@click.option("--polls", type=click.IntRange(min=1), metavar="N",
              help="Stop after N polls (default: poll until Ctrl-C).")
@_DB
@_ALLOW_PRIVATE
@_QUIET
@_VERBOSE
def watch(feeds: tuple[str, ...], sitemaps: tuple[str, ...], every: float,
          polls: int | None, db: str | None, quiet: bool, verbose: bool) -> None:
    """Poll feeds and sitemaps: add what is new or edited (as `add` does; a page already
    stored is asked for with its ETag or Last-Modified), analyse the store when something
    was added (as `analyze` does, cross-checking only the stories that changed), and print
    what changed (as `changes` does).

    Ctrl-C stops it: between polls with exit 0 (1 if an input failed in any poll);
    during one with exit 130, keeping every article that poll stored whole (the next run
    does the rest). Exit 1 when an input failed."""
    if not (feeds or sitemaps):
        raise click.UsageError("give a --feed or --sitemap to watch")
    failed, done = False, 0
    stages = _stages(quiet, verbose)
    try:
        for poll in run_watch(feeds, sitemaps, every=every, polls=polls, db=db,
                              settings=_settings(), stages=stages):
            stages.close()
            failed = _show_poll(poll) or failed
            done = poll.number
    except KeyboardInterrupt:
        stages.close()
        click.echo(f"stopped during poll {done + 1}: what it stored is kept, each article "
                   "whole; the next run does the rest", err=True)
        sys.exit(130)
    except NewsdeskError as err:
        stages.close()
        click.echo(str(err), err=True)
        sys.exit(1)
    if polls is None or done < polls:
        click.echo(f"stopped after poll {done}", err=True)
    sys.exit(1 if failed else 0)


def _show_poll(poll: Poll) -> bool:
    """One poll: its failures and counts on stderr, what changed on stdout; True if an
    input failed."""
    for failure in poll.added.failures:
        _report(failure)
    added = poll.added
    click.echo(f"poll {poll.number} ({poll.started}): {len(added.article_ids)} articles "
               f"listed, {added.added} new or edited, {added.reused} unchanged, "
               f"{len(added.failures)} failed inputs", err=True)
    if poll.changes is None:
        click.echo(f"Poll {poll.number}: nothing new.")
    else:
        for line in changes_lines(poll.changes):
            click.echo(line)
    return bool(added.failures)


@cli.command()
@_CONFIG
@click.argument("tables", nargs=-1, metavar="[TABLE...]", type=click.Choice(list(EXPORTS)))
@_DB
@click.option("--out", metavar="DIR", default=".", show_default=True,
              help="Folder to write TABLE.csv (or TABLE.jsonl) files into, made if missing; "
              "- writes the one TABLE named to stdout.")
@click.option("--format", "fmt", type=click.Choice(list(FORMATS)), default="csv",
              show_default=True, help="csv: a header row, then one row per record; "
              "jsonl: one JSON object per line.")
@click.option("--superseded", is_flag=True,
              help="Also the claims and conflicts of stories a later analysis regrouped.")
def export(tables: tuple[str, ...], db: str | None, out: str, fmt: str,
           superseded: bool) -> None:
    """Write the store's tables as files people already open (a spreadsheet, pandas, R):
    TABLE is articles, entities, mentions, quotes, figures, timexes, claims, claim_support,
    conflicts or conflict_sides (all of them when none is named).

    CSV text cells starting like a spreadsheet formula (= + - @) get a leading '.
    """
    if out == "-" and len(tables) != 1:
        raise click.UsageError("--out - writes one table to stdout: name exactly one TABLE")
    try:
        written = run_export(db=db, out=out, tables=tables, fmt=fmt, superseded=superseded,
                             settings=_settings())
    except NewsdeskError as err:
        click.echo(str(err), err=True)
        sys.exit(1)
    for name, rows in written.items():
        where = "stdout" if out == "-" else Path(out) / f"{name}.{fmt}"
        click.echo(f"{name}: {rows} rows -> {where}", err=True)


@cli.command()
@_CONFIG
@click.option("--db", metavar="PATH", help="SQLite store to show (default: newsdesk.db).")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on; the default serves this machine only.")
@click.option("--port", default=8765, show_default=True, type=int,
              help="Port to listen on (0 picks a free one).")
@click.option("--allow-host", "allow_hosts", multiple=True, metavar="NAME",
              help="Also answer requests naming this host (repeatable); loopback names and "
                   "the --host address are always allowed, any other Host gets 400.")
def serve(db: str | None, host: str, port: int, allow_hosts: tuple[str, ...]) -> None:
    """Serve a read-only web app over the store: stories, search, story, article and entity
    pages, and a JSON API under /api/."""
    from .app.server import beyond_loopback, make_server

    try:
        path = db or _settings().db_path
        try:
            server = make_server(str(path), host, port, allow_hosts)
        except OSError as exc:  # the port is taken, the address is not this machine's
            raise NewsdeskError("E003", host=host, port=port,
                                detail=exc.strerror or str(exc)) from exc
    except NewsdeskError as err:
        click.echo(str(err), err=True)
        sys.exit(1)
    if beyond_loopback(host):
        click.echo(f"warning: --host {host} lets other machines read this store; requests "
                   "are answered only when they name a loopback host, the --host address "
                   "or an --allow-host name", err=True)
    click.echo(f"newsdesk serve: http://{host}:{server.server_address[1]}/ (Ctrl-C stops)",
               err=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()


def main() -> None:
    """The ``newsdesk`` command. A coded error no command caught (a bad setting read
    before the command starts) ends the run with its message and exit 1, not a traceback."""
    try:
        cli()
    except NewsdeskError as err:
        click.echo(str(err), err=True)
        sys.exit(1)


if __name__ == "__main__":
    main()
