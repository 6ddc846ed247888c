"""Reports escape scraped text: a hostile page must render as text, never run."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from newsdesk.model import (
    Article,
    Attribution,
    Entity,
    Evidence,
    Facts,
    Failure,
    Figure,
    Problem,
    PublishedDate,
    Quote,
    Removed,
    Role,
    Span,
    TimeRef,
)
from newsdesk.publish.html import render_html
from newsdesk.publish.markdown import render_markdown
from newsdesk.records import dossier

EVIL = '<script>alert(1)</script><img src=x onerror="alert(2)"><a href="javascript:alert(3)">x</a>'


def evil_article() -> Article:
    return Article(
        id="evil", source="evil.html", url="javascript:alert(4)", format="html", title=EVIL,
        authors=(EVIL,), outlet=EVIL, section=None,
        published=PublishedDate(evidence=(Evidence("dateline", EVIL),)),
        text=f"First {EVIL}\n\nSecond", removed=(Removed(EVIL, "navigation", 1, 2),),
    )


def evil_facts() -> Facts:
    """Facts whose every string is the hostile markup: names, roles, quotes, figures…"""
    span = Span(0, len(EVIL), EVIL)
    return Facts(
        entities=(
            Entity("e1", EVIL, "PERSON", (span, Span(1, 2, EVIL)), (Role(EVIL, span, EVIL),)),
        ),
        quotes=(Quote("direct", span, span, span, "e1"), Quote("indirect", span, span, None, None)),
        figures=(Figure(span, EVIL, 1.0, EVIL, EVIL, span, EVIL, 2.0),),
        timexes=(TimeRef(span, "DATE", EVIL, EVIL, EVIL),),
        attributions=(Attribution(EVIL, (span, span), span, span),),
    )


def test_html_report_escapes_everything() -> None:
    evil = evil_article()
    page = render_html(
        dossier([evil], [Failure(EVIL, Problem("E101", EVIL))], {evil.id: evil_facts()})
    )
    assert "Who said what" in page and "Figures" in page  # the facts really were rendered
    assert "<script>" not in page and "<img" not in page and 'href="javascript:' not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "onerror=&#34;" in page or "onerror=&quot;" in page


def test_markdown_escapes_markup() -> None:
    evil = evil_article()
    md = render_markdown(dossier([evil], [], {evil.id: evil_facts()}))
    assert "### Who said what" in md and "### Figures" in md and "### Dates" in md
    assert "<script>" not in md and "](" not in md


texts = st.text(max_size=40)


@given(title=st.one_of(st.none(), texts), text=texts, reason=texts,
       value=st.one_of(st.none(), st.dates().map(str)))
def test_article_json_round_trip(title: str | None, text: str, reason: str,
                                 value: str | None) -> None:
    art = Article(
        id="x", source="s", url=None, format="text", title=title, authors=("a", "b"),
        outlet=None, section="S", published=PublishedDate(value=value, earliest=value),
        text=text, removed=(Removed(reason, "r", 1, 3),),
        warnings=(Problem("W202", "short"),),
    )
    assert Article.from_dict(art.to_dict()) == art


def test_markdown_keeps_each_fact_on_its_line_and_shows_uncertainty() -> None:
    text = "“We will not give up.\n\n---\n\n“And we will win,” Putin said. Dozens of people came."
    article = Article(
        id="m", source="m.txt", url=None, format="text", title="t", authors=(), outlet=None,
        section=None, published=PublishedDate(), text=text,
    )
    facts = Facts(
        quotes=(Quote("direct", Span(0, 49, text[:49]), Span(50, 55, "Putin"), None, None),),
        figures=(Figure(Span(69, 75, "Dozens"), "count", 24.0, None, "people", None, "at least"),
                 Figure(Span(69, 75, "Dozens"), "money", 1.5e9, "USD", None, None, None, 2e9)),
        timexes=(TimeRef(Span(0, 4, "“We "), "DATE", None, "2024-05-17", "2024-06-17"),),
    )
    md = render_markdown(dossier([article], [], {"m": facts}))
    quote_line = next(line for line in md.splitlines() if line.startswith("- **Putin**"))
    assert "give up." in quote_line and "And we will win" in quote_line
    assert "\n---" not in md.split("### Who said what")[1]
    assert "- Dozens (people): at least 24\n" in md
    assert "1,500,000,000–2,000,000,000 USD" in md
    assert "(between 2024-05-17 and 2024-06-17)" in md
