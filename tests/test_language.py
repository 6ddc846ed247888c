"""Which articles are English: every regional tag, the text over a template's tag, and the
end-to-end consequence (facts on an ``en-US`` page, none on a German page tagged ``en``)."""

from __future__ import annotations

import pytest

from newsdesk.config import Settings
from newsdesk.extraction.language import decide_language, is_english, normalise_tag
from newsdesk.extraction.pipeline import extract_source
from newsdesk.model import Article, Source

ENGLISH = (
    "The finance minister said on Tuesday that the new budget would raise spending on "
    "schools by four percent, the largest increase in a decade. The opposition criticised "
    "the plan and said it was built on optimistic forecasts for growth in the coming years."
)
GERMAN = (
    "Der Finanzminister kündigte am Dienstag an, dass der neue Haushalt die Ausgaben für "
    "Schulen um vier Prozent erhöhen wird, die größte Steigerung seit einem Jahrzehnt. Die "
    "Opposition kritisierte den Plan und sagte, er beruhe auf optimistischen Prognosen für "
    "das Wirtschaftswachstum in den kommenden drei Jahren, und auch die Gewerkschaft ist nicht "
    "zufrieden mit dem Entwurf."
)
# A German post that quotes an English speech at length: mixed, the tag decides.
MIXED = (
    GERMAN + " Steve Jobs sagte damals: \"You have to trust in something, your gut, destiny, "
    "life, karma, whatever. This approach has never let me down, and it has made all the "
    "difference in my life. Stay hungry, stay foolish.\""
)
FINNISH = (
    "Saksan liittokansleri Angela Merkel on tyytymätön siihen, miten suurimman "
    "nettomaksajan vaatimuksiin on tähän mennessä suhtauduttu. EU-maiden on vaikea päästä "
    "nopeasti sopuun tulevasta rahoituskehyksestä, sanoi Merkel torstaina Brysselissä. "
    "Neuvottelut jatkuvat ensi viikolla, ja jäsenmaiden johtajat kokoontuvat uudelleen "
    "maaliskuussa. Suomen pääministeri kertoi toimittajille, että hallitus pitää kiinni "
    "omista tavoitteistaan maatalouden ja aluekehityksen rahoituksessa."
)
# Papiamento (aruban news, tagged en-US by its template): none of our lists fits it.
PAPIAMENTO = (
    "Siman pasa Prome Minister Evelyn Wever-Croes tabata invita pa ta presente na "
    "International School of Aruba pa e Trashion Fashion Show. Na e ocasion aki e "
    "studiantenan a presenta trahenan traha di materialnan recicla haciendo uzo di nan propio "
    "imaginacion cu asistencia di diseñador local renombra Ronchi De Cuba. E enfoke di e "
    "evento tabata riba conservacion di naturalesa y medio ambiente."
)
BENGALI = "কুষ্টিয়া-১ আসনের সংসদ সদস্য অ্যাডভোকেট আ ক ম সারওয়ার জাহান বাদশার ভাই " * 5


@pytest.mark.parametrize(
    ("tag", "expected"),
    [
        ("en", "en"), ("en-US", "en-US"), ("en-us", "en-US"), ("EN", "en"), ("en_GB", "en-GB"),
        ("de-DE-formal", "de-DE-formal"), ("DE, AT, CH", "de"), ("lang=", None), ("", None),
        (None, None), ("  fr-FR ", "fr-FR"),
    ],
)
def test_declared_tags_are_normalised(tag: str | None, expected: str | None) -> None:
    assert normalise_tag(tag) == expected


@pytest.mark.parametrize(
    ("tag", "english"),
    [("en", True), ("en-US", True), ("en-GB", True), ("en-AU", True), ("EN", True),
     ("en_us", True), ("de", False), ("de-DE", False), ("eng", False), ("und", False),
     (None, False)],
)
def test_every_regional_english_is_english(tag: str | None, english: bool) -> None:
    assert is_english(tag) is english


@pytest.mark.parametrize(
    ("text", "declared", "expected"),
    [
        (ENGLISH, "en-US", "en-US"),  # the tag is kept with its region
        (ENGLISH, "en-GB", "en-GB"),
        (ENGLISH, None, "en"),
        (GERMAN, "en", "de"),  # an English template's tag on a German page
        (GERMAN, "en-US", "de"),
        (ENGLISH, "de-DE", "en"),  # an English article on a German site
        (MIXED, "de", "de"),  # mixed: the tag decides
        (FINNISH, "fi", "fi"),  # no list for Finnish: the tag is believed
        (PAPIAMENTO, "en-US", "und"),
        (BENGALI, "en-US", "und"),  # "English" but none of its function words
        ("Too short to judge.", "de", "de"),
        ("Too short to judge.", None, None),
    ],
)
def test_the_text_overrules_the_tag_only_when_clear(
    text: str, declared: str | None, expected: str | None
) -> None:
    assert decide_language(text, declared) == expected


@pytest.mark.parametrize("text", [PAPIAMENTO, BENGALI, GERMAN])
def test_untagged_text_not_in_english_is_not_english(text: str) -> None:
    assert not is_english(decide_language(text, None))


def _page(lang: str, body: str) -> Source:
    html = (
        f'<!DOCTYPE html><html lang="{lang}"><head><title>Budget</title></head><body>'
        f"<article><h1>Budget raises school spending</h1><p>{body}</p><p>{body}</p>"
        "</article></body></html>"
    )
    return Source(name=f"page-{lang}.html", content=html.encode())


@pytest.mark.parametrize("lang", ["en-US", "en-GB", "en"])
def test_regional_english_pages_get_no_w200(lang: str) -> None:
    article = extract_source(_page(lang, ENGLISH), Settings())
    assert isinstance(article, Article)
    assert is_english(article.language)
    assert "W200" not in [w.code for w in article.warnings]


def test_a_german_page_tagged_english_gets_w200() -> None:
    article = extract_source(_page("en", GERMAN), Settings())
    assert isinstance(article, Article)
    assert article.language == "de"
    assert "W200" in [w.code for w in article.warnings]
