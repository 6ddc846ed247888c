"""The report as an overview and one page per story (``publish/pages.py``): each story's
section keeps to its size budget however big the story, whatever it folds away is one
link away on the story's page, and every cell of the claim matrix links to its outlet's own
sentence."""

from __future__ import annotations

import copy
import re
from pathlib import Path
from typing import Any

import pytest

import newsdesk
from newsdesk.group.grouping import lead_title, representative_title
from newsdesk.model import Article
from newsdesk.publish import pages
from newsdesk.publish.charts import outlet_days_svg, timeline_svg
from newsdesk.publish.html import render_html
from newsdesk.publish.matrix import MAX_CLAIMS, MAX_COLUMNS, Matrix, claim_matrix, short_name
from newsdesk.publish.stream import MemoryDossier, write_report
from newsdesk.publish.view import article_label, stance_label

from .conftest import EXAMPLES
from .test_report_story import Page


@pytest.fixture(scope="module")
def example_dossier(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    db = tmp_path_factory.mktemp("pages") / "store.db"
    return newsdesk.analyze([str(EXAMPLES)], db=db).dossier


def _renamed(value: Any, names: dict[str, str]) -> Any:
    """``value`` with every string (and dict key) that is a name in ``names`` replaced,
    and quote references ``<article>/quotes/<n>`` following their article."""
    if isinstance(value, dict):
        return {names.get(k, k): _renamed(v, names) for k, v in value.items()}
    if isinstance(value, list):
        return [_renamed(v, names) for v in value]
    if isinstance(value, str):
        head, sep, tail = value.partition("/quotes/")
        return names[head] + sep + tail if sep and head in names else names.get(value, value)
    return value


def _copy(dossier: dict[str, Any], k: int) -> dict[str, Any]:
    """The dossier again with new article ids, file names and outlet names (copy ``k``)."""
    names: dict[str, str] = {}
    for a in dossier["articles"]:
        names[a["id"]] = f"{a['id']}x{k}"
        file = a["source"].rsplit("/", 1)[-1]
        names[file] = f"{k}-{file}"
        names[a["source"]] = a["source"].replace(file, f"{k}-{file}")
        if a.get("outlet"):
            names[a["outlet"]] = f"{a['outlet']} {k}"
    for s in dossier["stories"]:
        names[s["id"]] = f"{s['id']}x{k}"
        for src in s["sources"]:
            if src.get("outlet"):
                names[src["outlet"]] = f"{src['outlet']} {k}"
    return _renamed(copy.deepcopy(dossier), names)


def generated(dossier: dict[str, Any], big: int = 12, small: int = 3) -> dict[str, Any]:
    """A multi-story dossier from the examples' story: one story of ``big`` copies (more
    claims and outlets than the report shows) and ``small`` stories of one copy each."""
    copies = [_copy(dossier, k) for k in range(big + small)]
    for k, c in enumerate(copies):  # dated across two months: the articles-per-day chart
        for n, article in enumerate(c["articles"]):
            article["published"] = {**article["published"],
                                    "value": f"2024-{5 + (k * 5 + n) // 30:02d}-"
                                             f"{(k * 5 + n) % 30 + 1:02d}"}
    story = copy.deepcopy(copies[0]["stories"][0])
    merged = [c["stories"][0] for c in copies[:big]]
    outlets = sorted({o for s in merged for o in s["claims"][0]["stance"]})
    for field in ("article_ids", "sources", "joined", "entities", "claims", "conflicts",
                  "timeline", "figures", "summary"):
        story[field] = [x for s in merged for x in s[field]]
    for claim in story["claims"]:
        claim["stance"] = {o: claim["stance"].get(o, "silent") for o in outlets}
    return {**dossier, "articles": [a for c in copies for a in c["articles"]],
            "stories": [c["stories"][0] for c in copies[big:]] + [story]}


def _sections(overview: str) -> list[str]:
    return re.findall(r'<section class="story".*?</section>', overview, re.DOTALL)


def test_each_story_keeps_its_budget_and_what_it_folds_is_one_link_away(
        example_dossier: dict[str, Any], tmp_path: Path) -> None:
    dossier = generated(example_dossier)
    dossier["articles"].append({**dossier["articles"][0], "id": "alone"})  # in no story
    big = dossier["stories"][-1]
    assert len(big["claims"]) > MAX_CLAIMS
    assert len(big["claims"][0]["stance"]) > MAX_COLUMNS
    files = pages.write_pages(MemoryDossier(dossier), tmp_path / "report.html")
    overview = (tmp_path / "report.html").read_text(encoding="utf-8")
    sections = _sections(overview)
    assert len(sections) == len(dossier["stories"])
    assert sections[0].count("<a href") and big["id"] in sections[0]  # biggest first
    assert all(len(s.encode("utf-8")) <= pages.GLANCE_BUDGET for s in sections)
    assert "<article" not in overview  # the articles are on the story pages
    assert "more claims" in sections[0] and "more outlets" in sections[0]
    assert "Articles per 2 days per outlet" in sections[0]  # 61 days, 60 bars at most
    parsed = {f: Page(f.read_text(encoding="utf-8")) for f in files}
    for article in dossier["articles"]:
        holding = [f for f, p in parsed.items() if f"a-{article['id']}" in p.ids]
        assert len(holding) == 1, article["id"]
    links = [a for n, a in Page(overview).attrs if n == "href"]
    assert links
    for link in links:
        file, _, fragment = link.partition("#")
        target = tmp_path / file if file else tmp_path / "report.html"
        assert target in parsed, link
        assert not fragment or fragment in parsed[target].ids, link
    assert "a-alone" in parsed[tmp_path / "report" / "other.html"].ids
    assert "report/other.html" in links
    story_page = tmp_path / "report" / "story-1.html"
    page = story_page.read_text(encoding="utf-8")
    assert "Why these articles are one story" in page and "Claims by outlet" in page
    back = [a for n, a in Page(page).attrs if n == "href" and not a.startswith("#")]
    assert f"../report.html#list-{big['id']}" in back


def test_the_one_file_report_is_the_whole_dossiers(example_dossier: dict[str, Any],
                                                    tmp_path: Path) -> None:
    """``--html -`` writes one file (no pages beside standard output): the same bytes as
    ``render_html`` of the dossier held whole."""
    write_report(MemoryDossier(example_dossier), tmp_path / "one.html")
    assert (tmp_path / "one.html").read_text(encoding="utf-8") == render_html(example_dossier)


def test_a_smaller_report_removes_the_pages_it_no_longer_has(
        example_dossier: dict[str, Any], tmp_path: Path) -> None:
    pages.write_pages(MemoryDossier(generated(example_dossier, big=2, small=2)),
                      tmp_path / "r.html")
    (tmp_path / "r" / "notes.txt").write_text("mine")
    pages.write_pages(MemoryDossier(example_dossier), tmp_path / "r.html")
    assert sorted(p.name for p in (tmp_path / "r").iterdir()) == ["notes.txt", "story-1.html"]


def _matrix(dossier: dict[str, Any]) -> tuple[dict[str, Any], dict[str, str], Matrix]:
    """The first story, the report's article labels, and the story's claim matrix."""
    story = dossier["stories"][0]
    by_id = {a["id"]: a for a in dossier["articles"]}
    label = {a["id"]: stance_label(a) for a in dossier["articles"]}
    return story, label, claim_matrix(story, label.__getitem__, by_id)


def test_every_matrix_cell_links_to_its_outlets_own_sentence(
        example_dossier: dict[str, Any]) -> None:
    story, label, matrix = _matrix(example_dossier)
    outlet_of = {aid: src["outlet"] or label[aid] for src in story["sources"]
                 for aid in src["article_ids"]}
    cells = 0
    for group in matrix.groups:
        for claim, row in group.rows:
            for column, cell in zip(matrix.columns, row, strict=True):
                assert cell.stance == claim["stance"].get(column.key, "silent")
                if cell.stance == "silent":
                    assert cell.span is None
                    continue
                cells += 1
                assert cell.span is not None and cell.span in claim["support"]
                assert outlet_of[cell.span["article_id"]] == column.key
    assert cells >= len(story["claims"])
    html = render_html(example_dossier)
    assert html.count('aria-label="says it"') + html.count('aria-label="different value"') \
        == cells
    page = Page(html)
    assert not {a[1:] for n, a in page.attrs if n == "href" and a.startswith("#")} - set(page.ids)


def test_columns_are_short_outlet_names_never_file_names(
        example_dossier: dict[str, Any]) -> None:
    _, _, matrix = _matrix(example_dossier)
    assert any(c.key.endswith(".txt") for c in matrix.columns)  # pages with no outlet
    for column in matrix.columns:
        assert ".txt" not in column.short and ".txt" not in column.full
        assert len(column.short) <= 20
    statuses = [g.status for g in matrix.groups]
    assert statuses == sorted(statuses, key=["contested", "single_source", "corroborated",
                                             "superseded"].index)
    assert short_name("Washington Examiner") == "Washington Examiner"
    assert short_name("The Associated Press of America") == "The Associated…"


def test_a_story_of_untitled_pages_is_named_by_its_lead() -> None:
    def article(i: str, text: str) -> Article:
        return Article(id=i, source=f"in/{i}.txt", url=None, format="text", title=None,
                       authors=(), outlet=None, section=None, published=None,  # type: ignore[arg-type]
                       text=text, language="en")

    members = [article("a", "Oil kept leaking from the well on Monday. BP said more."),
               article("b", "BP said oil kept leaking from the damaged well in the gulf.")]
    assert representative_title(members) in {lead_title(m.text) for m in members}
    assert "Untitled" not in representative_title([article("c", "")])
    assert lead_title("One two three. Four.") == "One two three."


def test_the_timeline_is_drawn_on_a_time_axis() -> None:
    entries = [{"date": {"value": v, "start": s, "end": e}, "sources": n}
               for v, s, e, n in (("1961", "1961-01-01", "1961-12-31", 1),
                                  ("2000-07", "2000-07-01", "2000-07-31", 2),
                                  ("2024-06-18", "2024-06-18", "2024-06-18", 4))]
    svg = str(timeline_svg(entries))
    assert svg.startswith("<svg") and "<script" not in svg and 'role="img"' in svg
    xs = [float(a or b) for a, b in re.findall(r'class="span" d="M([\d.]+)|cx="([\d.]+)"',
                                                svg)]
    gaps = xs[1] - xs[0], xs[2] - xs[1]
    assert gaps[0] > gaps[1] > 0  # 39 years wider than 24
    assert all(e["date"]["value"] in svg for e in entries)


def test_articles_per_day_per_outlet_are_stacked_and_escaped() -> None:
    days = [("BBC", "2024-06-17"), ("BBC", "2024-06-18"), ("<b>Evil</b>", "2024-06-18"),
            ("BBC", "2024-06-20"), ("Undated", None)]
    svg = str(outlet_days_svg(days))
    assert svg.count("<rect") == 4 + 2  # three days, two outlets on one; two legend keys
    assert "<b>" not in svg and "&lt;b&gt;Evil" in svg
    assert str(outlet_days_svg([("BBC", "2024-06-17")])) == ""  # one day: no chart


def test_counts_take_the_number_of_their_noun() -> None:
    from newsdesk.publish.html import counted

    assert counted(1, "disagreement") == "1 disagreement"
    assert counted(2, "disagreement") == "2 disagreements"
    assert counted(0, "claim") == "0 claims"
    assert counted(1, "new article") == "1 new article"


def test_an_article_without_an_outlet_is_cited_by_its_web_host() -> None:
    """A feed's record with a URL is cited as "philly.com", not "feed.jsonl:144"; a file
    with neither by its headline's first words; one without a headline by its file name."""
    assert article_label({"outlet": "The Inquirer", "url": "https://philly.com/a",
                          "source": "feed.jsonl:144"}) == "The Inquirer"
    assert article_label({"outlet": None, "url": "https://www.philly.com/news/a.html",
                          "source": "feed.jsonl:144"}) == "philly.com"
    archived = "http://web.archive.org/web/2016/http://www.philly.com:80/news/a.html"
    assert article_label({"outlet": None, "url": archived, "source": "f:1"}) == "philly.com"
    assert article_label({"outlet": None, "url": None, "title": "Kremlin Confirms Putin's Visit",
                          "source": "examples/002_96a2.txt"}) == "Kremlin Confirms…"
    assert article_label({"outlet": None, "url": None, "title": None,
                          "source": "examples/002_96a2.txt"}) == "002_96a2.txt"


def test_a_quote_is_marked_once() -> None:
    from newsdesk.publish.html import quoted

    said = "“The parties are still working on it,”"
    assert quoted(said) == said
    assert quoted('"We will win"') == "“We will win”"
    assert quoted("no marks") == "“no marks”"


def test_counts_over_time_show_a_rising_toll() -> None:
    """A count's reports as dots on their days joined in order; an outlet's name escaped;
    nothing drawn when every report is of one day."""
    from newsdesk.publish.charts import counts_svg

    def report(aid: str, day: str, value: int) -> dict[str, Any]:
        return {"article_id": aid, "published": day, "value": value}

    story = {"sources": [{"outlet": "<b>Evil</b>", "article_ids": ["a"]},
                         {"outlet": "WXYZ", "article_ids": ["b", "c"]}],
             "facts": {"counts": [
                 {"what": "killed", "value": 5, "status": "current",
                  "reports": [report("b", "2024-01-02", 5), report("c", "2024-01-03", 5)]},
                 {"what": "killed", "value": 2, "status": "superseded",
                  "reports": [report("a", "2024-01-01", 2)]}]}}
    svg = str(counts_svg(story))
    assert svg.count("<circle") == 3
    assert "killed: 2, &lt;b&gt;Evil&lt;/b&gt;, 2024-01-01 (superseded)" in svg
    assert "<b>" not in svg
    one_day = {**story, "facts": {"counts": [story["facts"]["counts"][1]]}}
    assert str(counts_svg(one_day)) == ""


def test_who_cites_whom_is_drawn_with_names_escaped() -> None:
    from newsdesk.publish.charts import cites_svg

    svg = str(cites_svg([("WXYZ", "Reuters"), ("WXYZ", "Reuters"), ("<i>KTVU</i>", "AP")]))
    assert svg.count('class="cite"') == 2 and "WXYZ cites Reuters: 2" in svg
    assert "&lt;i&gt;KTVU&lt;/i&gt;" in svg and "<i>" not in svg
    assert str(cites_svg([])) == ""
