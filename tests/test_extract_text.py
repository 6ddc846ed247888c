"""Plain-text boilerplate removal: synthetic scrapes in several languages -> expected cut.

The pages are written for these tests in the style of real whole-page text dumps
(menus as runs of short lines, related-story lists, share bars, comment widgets).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsdesk.extraction.text.extract import extract_plain_text, stretch_cut
from newsdesk.extraction.text.lines import boilerplate_kind, split_lines
from newsdesk.extraction.text.model import decide, load_model
from newsdesk.model import Extraction

P_DE = [
    "Die Stadtverwaltung hat am Dienstag angekündigt, dass die Brücke über den Fluss ab "
    "dem kommenden Monat für drei Wochen gesperrt wird, weil die Fahrbahn erneuert werden muss.",
    "Nach Angaben der Behörde sollen Busse und Radfahrer eine Umleitung über die Nordstraße "
    "nehmen. Anwohner hatten sich in den vergangenen Jahren mehrfach über den Zustand beschwert.",
    "„Wir haben lange genug gewartet“, sagte die Bürgermeisterin bei einer Pressekonferenz im "
    "Rathaus. Die Kosten der Sanierung werden auf rund 2,4 Millionen Euro geschätzt.",
]
P_EN = [
    "The regional council voted on Monday to expand the night bus network, adding four new "
    "routes that will connect the university district with the outer suburbs from September.",
    "Officials said the expansion would be paid for by a small increase in parking fees in the "
    "city centre, a measure that passed by a narrow margin after a long debate.",
    "Student groups welcomed the decision, saying that many of their members work late shifts "
    "and have had to rely on expensive taxis to get home safely at night.",
]
P_FR = [
    "Le conseil municipal a adopté mardi soir un plan de rénovation des écoles primaires de la "
    "ville, qui doit permettre de réduire la consommation d'énergie de près d'un tiers.",
    "Les travaux commenceront pendant les vacances d'été et devraient durer deux ans, selon "
    "l'adjointe chargée de l'éducation, qui a présenté le calendrier aux parents d'élèves.",
]


@dataclass
class Case:
    name: str
    text: str
    body: list[str]
    reasons: dict[str, str] = field(default_factory=dict)  # a removed line -> its reason
    title: str | None = None
    authors: tuple[str, ...] = ()
    outlet: str | None = None
    section: str | None = None
    republished_from: str | None = None
    dateline: str | None = None


def lines(*parts: str) -> str:
    return "\n".join(parts) + "\n"


CASES = [
    Case(
        name="german news page with menu, dateline, share bar and related list",
        text=lines(
            "Brücke wird drei Wochen gesperrt - Lokales - Stadtanzeiger",
            "",
            "Zum Inhalt springen",
            "",
            "Startseite",
            "Lokales",
            "Sport",
            "Kultur",
            "Wirtschaft",
            "",
            "Brücke wird drei Wochen gesperrt",
            "",
            "Veröffentlicht am 12.03.2024, 10:15 Uhr",
            "",
            "Von Anna Schmidt und Peter Wagner",
            "",
            P_DE[0],
            "",
            P_DE[1],
            "",
            "Umleitung und Kosten",
            "",
            P_DE[2],
            "",
            "Artikel teilen",
            "Facebook",
            "WhatsApp",
            "",
            "Das könnte Sie auch interessieren",
            "",
            "• Neuer Spielplatz im Westpark eröffnet",
            "• Stadtrat streitet über Parkgebühren",
            "• Feuerwehr rückt zu Großeinsatz aus",
            "",
            "© 2024 Stadtanzeiger. Alle Rechte vorbehalten.",
            "Impressum",
            "Datenschutz",
        ),
        body=[P_DE[0], P_DE[1], "Umleitung und Kosten", P_DE[2]],
        reasons={
            "Zum Inhalt springen": "skip_link",
            "Sport": "navigation",
            "Veröffentlicht am 12.03.2024, 10:15 Uhr": "dateline",
            "Von Anna Schmidt und Peter Wagner": "byline",
            "Artikel teilen": "share_prompt",
            "Das könnte Sie auch interessieren": "related_list",
            "• Stadtrat streitet über Parkgebühren": "related_list",
            "© 2024 Stadtanzeiger. Alle Rechte vorbehalten.": "footer",
        },
        title="Brücke wird drei Wochen gesperrt",
        authors=("Anna Schmidt", "Peter Wagner"),
        outlet="Stadtanzeiger",
        dateline="Veröffentlicht am 12.03.2024, 10:15 Uhr",
    ),
    Case(
        name="english page with section label, syndication notice, author box and counters",
        text=lines(
            "Politics",
            "Council expands night buses – The Daily Courier",
            P_EN[0],
            P_EN[1],
            "CLICK HERE TO READ MORE FROM THE EVENING STANDARD",
            P_EN[2],
            "Maria Lopez",
            "maria.lopez@example.org",
            "Comments0",
            "300",
            "Latest Stories",
            "  • Storm damages harbour wall overnight",
            "  • Local bakery wins national award",
            "  • School choir heads to the finals",
            "Share it on...",
        ),
        body=P_EN,
        reasons={
            "Politics": "section_label",
            "Council expands night buses – The Daily Courier": "title",
            "CLICK HERE TO READ MORE FROM THE EVENING STANDARD": "syndication_notice",
            "Maria Lopez": "byline",
            "Comments0": "comments",
            "300": "counter",
            "Latest Stories": "related_list",
            "• Local bakery wins national award": "related_list",
            "Share it on...": "share_prompt",
        },
        title="Council expands night buses",
        authors=("Maria Lopez",),
        outlet="The Daily Courier",
        section="Politics",
        republished_from="Evening Standard",
    ),
    Case(
        name="french page with cookie notice, repeated title, photo credit and comments",
        text=lines(
            "Nous utilisons des cookies pour améliorer votre expérience. En poursuivant votre "
            "navigation, vous acceptez leur utilisation.",
            "",
            "Rénovation des écoles : le plan adopté",
            "",
            "Rénovation des écoles : le plan adopté",
            "",
            "Photo : Jean Martin / AFP",
            "",
            P_FR[0],
            "",
            P_FR[1],
            "",
            "À lire aussi",
            "Les cantines passent au bio",
            "Grève des enseignants jeudi",
            "Nouvelle piscine municipale",
            "",
            "Laisser un commentaire",
            "",
            "Claire a dit :",
            "Enfin une bonne nouvelle pour nos enfants, il était temps que la ville agisse "
            "sur ce dossier qui traîne depuis des années.",
        ),
        body=P_FR,
        reasons={
            "Photo : Jean Martin / AFP": "photo_credit",
            "À lire aussi": "related_list",
            "Laisser un commentaire": "comments",
        },
        title="Rénovation des écoles : le plan adopté",
    ),
    Case(
        name="text with subheadings and a short closing paragraph, no blank lines",
        text=lines(
            "Night buses return to the suburbs",
            P_EN[0],
            "Who pays for it",
            P_EN[1],
            "What students say",
            P_EN[2],
            "Follow us on Socials:",
        ),
        body=[P_EN[0], "Who pays for it", P_EN[1], "What students say", P_EN[2]],
        reasons={"Follow us on Socials:": "share_prompt"},
        title="Night buses return to the suburbs",
    ),
    Case(
        name="series navigation below the text",
        text=lines(
            "Bridge works, part 2",
            "",
            P_EN[0],
            "",
            P_EN[1],
            "",
            "To Read Part 1…",
            "",
            "Skip to content",
        ),
        body=[P_EN[0], P_EN[1]],
        reasons={"To Read Part 1…": "series_navigation", "Skip to content": "skip_link"},
        title="Bridge works, part 2",
    ),
    Case(
        name="hard-wrapped paragraphs are joined",
        text=lines(
            "The regional council voted on Monday to expand the night bus network,",
            "adding four new routes that will connect the university district with",
            "the outer suburbs from September, officials said after the meeting.",
            "",
            "Officials said the expansion would be paid for by a small increase in",
            "parking fees in the city centre, a measure that passed by a narrow",
            "margin after a long debate in the council chamber on Monday evening.",
        ),
        body=[
            "The regional council voted on Monday to expand the night bus network, adding four "
            "new routes that will connect the university district with the outer suburbs from "
            "September, officials said after the meeting.",
            "Officials said the expansion would be paid for by a small increase in parking fees "
            "in the city centre, a measure that passed by a narrow margin after a long debate "
            "in the council chamber on Monday evening.",
        ],
    ),
    Case(
        name="lead paragraph above a share bar is kept",
        text=lines(
            "Regionalrat baut Nachtbusse aus",
            "",
            "Nach Angaben der Behörde sollen Busse und Radfahrer eine Umleitung nehmen.",
            "",
            "Artikel teilen",
            "Facebook",
            "Twitter",
            "WhatsApp",
            "",
            P_DE[0],
            "",
            P_DE[1],
            "",
            P_DE[2],
        ),
        body=[
            "Nach Angaben der Behörde sollen Busse und Radfahrer eine Umleitung nehmen.",
            *P_DE,
        ],
        reasons={"Artikel teilen": "share_prompt", "WhatsApp": "share_prompt"},
        title="Regionalrat baut Nachtbusse aus",
    ),
    Case(
        name="a share bar ending in a bare E-Mail button is no comment-form wall",
        text=lines(
            "Brücke wird drei Wochen gesperrt",
            "",
            P_DE[0],
            "",
            "Teilen:",
            "Facebook",
            "Twitter",
            "E-Mail",
            "",
            P_DE[1],
            "",
            P_DE[2],
        ),
        body=P_DE,
        reasons={"E-Mail": "share_prompt"},
        title="Brücke wird drei Wochen gesperrt",
    ),
    Case(
        name="a read-also link between paragraphs does not end the article",
        text=lines(
            "Night buses for the suburbs",
            "",
            P_EN[0],
            "",
            "Read more",
            "City council approves new cycle lanes",
            "",
            P_EN[1],
            "",
            P_EN[2],
        ),
        body=P_EN,
        reasons={"Read more": "related_list"},
        title="Night buses for the suburbs",
    ),
]


def _reason_of(result: Extraction, text: str, line_text: str) -> str | None:
    numbers = [n for n, raw in enumerate(text.split("\n"), 1) if raw.strip() == line_text.strip()]
    for r in result.removed:
        if any(r.start_line <= n <= r.end_line for n in numbers):
            return r.reason
    return None


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_extract_plain_text(case: Case) -> None:
    result = extract_plain_text(case.text)
    assert list(result.paragraphs) == case.body
    for line_text, reason in case.reasons.items():
        assert _reason_of(result, case.text, line_text) == reason, line_text
    assert result.title == case.title
    assert result.authors == case.authors
    assert result.outlet == case.outlet
    assert result.section == case.section
    assert result.republished_from == case.republished_from
    if case.dateline is not None:
        assert result.dateline == case.dateline


def test_empty_and_blank_input() -> None:
    assert extract_plain_text("") == Extraction(paragraphs=(), removed=())
    assert extract_plain_text("\n  \n\t\n").paragraphs == ()


def test_menu_only_page_keeps_nothing_and_reports_everything() -> None:
    text = lines("Home", "News", "Sport", "Weather", "Contact", "Impressum")
    result = extract_plain_text(text)
    assert result.paragraphs == ()
    covered = {n for r in result.removed for n in range(r.start_line, r.end_line + 1)}
    assert covered == {1, 2, 3, 4, 5, 6}


def test_deterministic() -> None:
    text = CASES[0].text
    assert extract_plain_text(text) == extract_plain_text(text)


_line = st.one_of(
    st.sampled_from(["", "  ", "Home", "Share", "Comments0", "300", "• Related headline", *P_EN]),
    st.text(alphabet=st.characters(exclude_categories=["Cs"]), max_size=80),
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_line, max_size=40))
def test_every_nonblank_line_is_kept_or_reported(parts: list[str]) -> None:
    text = "\n".join(parts)
    result = extract_plain_text(text)
    covered: dict[int, str] = {}
    for r in result.removed:
        assert 1 <= r.start_line <= r.end_line
        assert r.reason and r.reason == r.reason.lower() and " " not in r.reason
        for n in range(r.start_line, r.end_line + 1):
            assert n not in covered, "a line is covered by two Removed records"
            covered[n] = r.reason
    body = "\n".join(result.paragraphs)
    for n, raw in enumerate(text.split("\n"), 1):
        if raw.strip():
            assert n in covered or raw.strip() in body, (n, raw)


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("Kim Jong Un visits the launch site in Amur Oblast on Tuesday. AFP", "photo_credit"),
        ("Un grupo de pingüinos, en la Antártida el 11 de febrero pasado. EFE", "photo_credit"),
        ("Best-selling hate. Shutterstock/chrisdorney", "photo_credit"),
        ("Photograph by Jane Doe, Flora International", "photo_credit"),
        ("Advertisement", "advertisement"),
        ("Anzeige", "advertisement"),
        ("Lea: El consejo aborda la crisis de las oficinas", "related_link"),
        ("Read: Two disasters are worse than one", "related_link"),
        ("Mit Freunden teilen", "share_prompt"),
        # A bare "E-Mail" is a share button; a required form field is a comment form.
        ("E-Mail", "share_prompt"),
        ("Pocket", "share_prompt"),
        ("E-Mail *", "comments"),
        ("Website", "comments"),
        # Running text that merely ends with an agency's name or mentions one is not a credit.
        ("The agency said it had spoken to AFP.", None),
        ("Officials told Reuters the plan was ready, and the vote followed on Monday.", None),
        ("Read the full report before the council meets on Monday.", None),
    ],
)
def test_phrase_kinds(line: str, kind: str | None) -> None:
    assert boilerplate_kind(line, len(line)) == kind


def test_shipped_model_matches_the_features() -> None:
    model = load_model()
    assert model.trees and 0.0 < model.threshold < 1.0
    assert model.lexicon  # learned word weights ship with the trees


def test_decide_keeps_phrase_boilerplate_dropped_and_subheadings_kept() -> None:
    text = CASES[0].text
    cut = stretch_cut(split_lines(text))
    texts = [line.text for line in cut.lines]
    # A model that wants everything still cannot revive a share bar or the metadata.
    everything = decide(cut, [10.0] * len(texts), 0.0)
    assert not everything[texts.index("Artikel teilen")]
    assert not everything[texts.index("Von Anna Schmidt und Peter Wagner")]
    # A model lukewarm on a subheading between kept paragraphs keeps it.
    odds = [10.0 if s else -1.0 for s in cut.sentence]
    kept = decide(cut, odds, 0.0)
    assert kept[texts.index("Umleitung und Kosten")]
    assert not kept[texts.index("Sport")]


def test_compiled_model_agrees_with_tree_walk() -> None:
    """The generated evaluator must make exactly the decisions of the stored trees."""
    import random

    from newsdesk.extraction.text.features import FEATURE_NAMES
    from newsdesk.extraction.text.model import load_model

    model = load_model()
    rng = random.Random(7)
    for _ in range(500):
        row = [rng.uniform(-2.0, 60.0) for _ in FEATURE_NAMES]
        assert model.evaluate(row) == pytest.approx(model.walk(row), abs=1e-9)
