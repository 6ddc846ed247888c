"""Reader comments, disclaimers, credits and share prompts never become claims, summary
sentences or timeline entries; real news sentences that look a little like them stay."""

from __future__ import annotations

import pytest

from newsdesk.crosscheck.boilerplate import (
    boilerplate_kind,
    boilerplate_ranges,
    is_boilerplate,
    only_boilerplate,
)
from newsdesk.crosscheck.claims import article_claims
from newsdesk.crosscheck.sentences import split_sentences
from newsdesk.crosscheck.timeline.entries import dated_sentences
from newsdesk.model import Article, Facts, PublishedDate

BOILERPLATE = [
    # disclaimers
    ("The opinions expressed in this commentary are solely those of the author.", "disclaimer"),
    ("The views expressed here do not necessarily reflect those of CNN.", "disclaimer"),
    ("Views expressed in this column are those of the writer and not of this newspaper.",
     "disclaimer"),
    ("Copyright 2015 The Associated Press. All rights reserved.", "disclaimer"),
    ("This material may not be published, broadcast, rewritten or redistributed.", "disclaimer"),
    ("© 2024 Example Media Group", "disclaimer"),
    ("This article is for informational purposes only and is not a substitute for professional "
     "medical advice.", "disclaimer"),
    ("Editor's note: This story has been updated to include a statement from the mayor.",
     "disclaimer"),
    ("This story has been updated with additional information.", "disclaimer"),
    ("Comments are moderated and will not appear until approved by the editor.", "disclaimer"),
    ("We may earn a commission from links on this page.", "disclaimer"),
    # credits
    ("Photo: Getty Images", "credit"),
    ("Photo by Jane Doe/The Daily Example", "credit"),
    ("President Joe Biden speaks in the Rose Garden. (AP Photo/Evan Vucci)", "credit"),
    ("Protesters gather outside parliament (Photo by John Smith/Getty Images)", "credit"),
    ("Associated Press writer Lisa Mascaro contributed to this report.", "credit"),
    ("The Associated Press contributed to this report.", "credit"),
    ("Reporting by Jane Doe; Editing by John Smith", "credit"),
    ("(Reporting by Andrew Osborn; Additional reporting by Dmitry Antonov)", "credit"),
    ("Additional reporting by Tom Jones in London.", "credit"),
    ("This story was originally published by ProPublica.", "credit"),
    ("Follow him on Twitter @jdoe for more updates from the capital.", "credit"),
    ("Contact the reporter at jdoe@example.com or 555-0100.", "credit"),
    ("Image credit: NASA/JPL-Caltech", "credit"),
    # share and sign-up prompts
    ("Click to share on Facebook (Opens in new window)", "share_prompt"),
    ("Click here to subscribe to our daily briefing.", "share_prompt"),
    ("Share this article on Twitter and Facebook.", "share_prompt"),
    ("Sign up for our newsletter to get the latest headlines in your inbox.", "share_prompt"),
    ("Subscribe now for unlimited access to all our stories.", "share_prompt"),
    ("Like us on Facebook and follow us on Twitter.", "share_prompt"),
    ("Read more: Police arrest suspect in downtown shooting", "share_prompt"),
    ("Please enable JavaScript to watch this video.", "share_prompt"),
    ("Already a subscriber? Log in to continue reading.", "share_prompt"),
    ("Have a news tip? Send us your story at the address below.", "share_prompt"),
    # tip-line prompts: every crime report of a city ends with one
    ("Anyone with information is asked to call Crimestoppers at (504) 822-1111.", "tip_line"),
    ("Anyone with information about the shooting is urged to contact the Fort Wayne Police "
     "Department.", "tip_line"),
    ("If you have any information on this shooting, call Miami-Dade Crime Stoppers at "
     "305-471-TIPS.", "tip_line"),
    ("Detectives asked for anyone with information about Derr or Satterfield and their "
     "connection to the home to call Crime Stoppers at 512-472-8477.", "tip_line"),
    ("If you have information regarding this incident, contact Det. Chad Davis at "
     "434-455-6166 or call Crime Stoppers at 1-888-798-5900.", "tip_line"),
    ("Callers to Crime Stoppers are anonymous and qualify for a cash reward.", "tip_line"),
    ("Remember, you can always remain anonymous.", "tip_line"),
    ("Your identity will be kept anonymous and if your tip leads to an arrest you could be "
     "eligible for a cash reward of up to $1,000.", "tip_line"),
    # a copyright notice inside a short sentence
    ("(TM and © Copyright 2016 CBS Radio Inc. and its relevant subsidiaries.", "disclaimer"),
    ("CBS RADIO and EYE Logo TM and Copyright 2016 CBS Broadcasting Inc. Used under license.",
     "disclaimer"),
    ("(© 2016 KHOU)", "disclaimer"),
    # reader comments: stamps and control rows
    ("johnsmith42 · 3 hours ago", "comment"),
    ("Mary K. - 2 days ago", "comment"),
    ("Chris says: May 5, 2014 at 3:12 pm", "comment"),
    ("At 4:25 pm on 28 May 2010, Chris wrote: the spill is worse than they admit.", "comment"),
    ("Posted by Dave at 10:42 on 12/03/2013", "comment"),
    ("Published: 8/19/2013 - Updated: 12 hours ago", "comment"),
    ("Reply · Like · 12", "comment"),
    ("Report abuse", "comment"),
    ("Article comment by: Craig Burd", "comment"),
    ("A version appeared on p20 of the Main section section of the Guardian on 14.00 BST on "
     "Tuesday 24 August 2010", "credit"),
    ("A version of this article appears in print on June 5, 2010, on page A1 of the New York "
     "edition.", "credit"),
]

NEWS = [
    "Police said the victim asked that her name be kept confidential.",
    "WASHINGTON (AP) — The Senate passed a $1.2 trillion budget early Saturday.",
    "MOSCOW (Reuters) - Russia said on Tuesday it would expel 10 diplomats.",
    "The opinions of the nine justices differed sharply on the question of standing.",
    "The photo, taken in 2019, shows the minister at a party in Moscow.",
    "Getty Images founder Mark Getty said the company would appeal the ruling.",
    "The company said it would share the data with investigators on Monday.",
    "Millions of viewers subscribe to the streaming service, which lost 200,000 last quarter.",
    "He said the comments were taken out of context and apologised on Twitter.",
    "The reporter, who had been detained for 12 days, was released on Friday.",
    "Police said the gunman posted a message on Facebook hours before the attack.",
    "BP said it had contributed $20 billion to a fund for victims of the spill.",
    "Readers of the newspaper had complained about the coverage for weeks.",
    "She wrote in a letter to the board that she would resign at the end of June.",
    "Officials said the video, released by police on Wednesday, was authentic.",
    "Sign language interpreters were at the briefing, the governor's office said.",
    "Three hours ago the storm made landfall near Galveston, the weather service said.",
    "The updated figures, published by the health ministry on Monday, show 26 deaths.",
    "Trump said: \"We will build the wall and Mexico will pay for it.\"",
    "A version of the vaccine appeared in trials last year, the company said.",
    # near the tip-line and notice rules, and news
    "Crime Stoppers has increased the reward for information in the killing to $10,000.",
    "Anyone with information was asked to come forward, the sheriff said.",
    "The spill could reach 100,000 barrels a day, according to internal BP documents.",
    "He did not call 911 himself because he was caring for his patient, the aide said.",
    "If you have had contact with anyone who has it, stay home, the health agency said.",
    "Brown barged into the crowded emergency department, leaving the children in his truck, "
    "but was recognized by deputies, investigators said. via Facebook © 2016 Cox Media Group.",
    "The copyright on the song, written in 1935, expired in 2016, the court said.",
    # near the account-wall and video-list rules
    "The city sent a confirmation letter to every household, the mayor said.",
    "Police received a notification from the school at 2:15 and arrived at 2:21.",
    "The meeting ended at 10:30 and resumed at 11:45 with a vote on the budget.",
    "10:30 p.m. Police arrived to find two men shot in the parking lot.",
    "9:15 PM Firefighters say the blaze is now under control.",
    "12:13 UK time, Thursday, 10 June 2010 Mr Obama's criticism of BP has prompted anger.",
]


@pytest.mark.parametrize(("line", "kind"), BOILERPLATE, ids=[b[0][:40] for b in BOILERPLATE])
def test_boilerplate_lines_are_recognised(line: str, kind: str) -> None:
    assert boilerplate_kind(line) == kind


@pytest.mark.parametrize("sentence", NEWS, ids=[n[:40] for n in NEWS])
def test_news_sentences_are_kept(sentence: str) -> None:
    assert boilerplate_kind(sentence) is None


STORY = "\n\n".join([
    "The Senate passed a $1.2 trillion budget early Saturday after a night of votes, "
    "sending the bill to the House where its fate is uncertain.",
    "The vote was 51-49, with Vice President Kamala Harris casting the tie-breaking vote on "
    "June 5, 2021.",
    "The opinions expressed in this commentary are solely those of the author and do not "
    "reflect the views of this publication.",
    "Associated Press writer Lisa Mascaro contributed to this report.",
    "johnsmith42 · 3 hours ago",
    "This is a disgrace, they will spend us into oblivion and nobody cares anymore at all.",
    "Reply · Like · 12",
    "MaryK · June 6, 2021 at 4:12 pm\nFinally some action from Washington, it took them "
    "long enough to get this done on June 6.",
])


def test_a_comment_under_its_stamp_is_a_comment() -> None:
    marked = [STORY[s:e] for s, e, _ in boilerplate_ranges(STORY)]
    assert "This is a disgrace, they will spend us into oblivion and nobody cares anymore at " \
           "all." in marked
    assert any(m.startswith("Finally some action") for m in marked)
    assert not any(m.startswith("The vote was") for m in marked)


def test_everything_after_a_comment_header_is_comments() -> None:
    text = ("The council voted on Monday to close the plant by the end of the year.\n\n"
            "12 Comments\n\nI have lived next to that plant for twenty years and it was fine.")
    last = text.rindex("I have")
    assert is_boilerplate(text, last, len(text))
    assert not is_boilerplate(text, 0, text.index("\n"))


def test_claims_skip_boilerplate_and_comments() -> None:
    texts = [c.text for c in article_claims("a1", STORY, Facts())]
    assert texts == [
        "The Senate passed a $1.2 trillion budget early Saturday after a night of votes, "
        "sending the bill to the House where its fate is uncertain.",
        "The vote was 51-49, with Vice President Kamala Harris casting the tie-breaking vote "
        "on June 5, 2021.",
    ]


def test_timeline_sentences_skip_boilerplate_and_comments() -> None:
    article = Article(
        id="a1", source="t", url=None, format="text", title=None, authors=(), outlet=None,
        section=None, published=PublishedDate(value="2021-06-05"), text=STORY, language="en",
    )
    kept = [s.span.text for s in dated_sentences(article, Facts())]
    assert len(kept) == 2 and len(split_sentences(STORY)) > 2
    assert all("disgrace" not in k and "Finally" not in k for k in kept)


# --- the needles skip only sentences no pattern can match ----------------------------

NEEDLE_CASES = [
    "OPINIONS EXPRESSED HERE ARE NOT NECESSARILY THOSE OF THE STATION.",
    "The vıews expressed are solely those of the author.",  # a dotless i, as the patterns allow
    "Call 555-1234 with tips.",
    "Detectives ask anybody who saw the crash to phone 305-471-TIPS.",
    "Jane Doe · 3 hours ago",
    "Read more » Mayor resigns",
    "Photo credit: City Hall",
    "(Reuters/Staff)",
    "The council met on Tuesday and voted 5-2 to approve the budget.",
    "",
]


def _sentences_of(text: str) -> list[str]:
    lines = [line for line in text.split("\n") if line.strip()]
    return lines + [text[s:e] for s, e in split_sentences(text)]


def test_needles_give_the_patterns_own_answers() -> None:
    """``boilerplate_kind`` skips a pattern when the sentence lacks all of its needles;
    on every sentence of this file's tables and the example articles, the answers are
    the patterns' own."""
    from newsdesk.crosscheck.boilerplate import boilerplate_kind_unfiltered

    from .conftest import EXAMPLES

    sentences = [b[0] for b in BOILERPLATE] + NEWS + NEEDLE_CASES
    for path in sorted(EXAMPLES.iterdir()):
        sentences += _sentences_of(path.read_text(encoding="utf-8"))
    for sentence in sentences:
        assert boilerplate_kind(sentence) == boilerplate_kind_unfiltered(sentence), sentence
    assert sum(boilerplate_kind(s) is not None for s in sentences) >= len(BOILERPLATE)


def test_needles_give_the_patterns_own_answers_on_real_scrapes() -> None:
    """The same on the GVA scrapes' lines and sentences (comment threads, tip lines,
    credits: the boilerplate the patterns were written from), where ../shared exists."""
    import gzip
    import json

    from newsdesk.crosscheck.boilerplate import boilerplate_kind_unfiltered

    from .conftest import benchmarks_dir

    data = benchmarks_dir()
    if data is None:
        pytest.skip("../shared/benchmarks not found: real-scrape check skipped")
    sentences: set[str] = set()
    with gzip.open(data / "stories" / "gva" / "articles.jsonl.gz", "rt", encoding="utf-8") as f:
        for n, line in enumerate(f):
            if n % 8:
                continue  # every eighth article: about 800, enough for every kind
            sentences.update(_sentences_of(json.loads(line).get("text") or ""))
    found = 0
    for sentence in sentences:
        kind = boilerplate_kind_unfiltered(sentence)
        assert boilerplate_kind(sentence) == kind, sentence
        found += kind is not None
    assert found > 100


@pytest.mark.parametrize("line", [
    "We have sent you a verification email.",
    "We have sent a confirmation email to {* data_emailAddress *}.",
    "Please check your email and click on the link to activate your profile.",
    "Your notification has been saved.",
    "Whenever Kim Bell posts new content, you'll get an email delivered to your inbox.",
    "Already have an account?",
    "Thank you for registering!",
    "1:47 'I miss the one thing that completes my every day,' says wife of shooting victim",
    "0:43 Homeless man found dead in Parkland; suspect arrested  1:47 'I miss him,' says wife",
])
def test_account_walls_and_video_lists_are_prompts(line: str) -> None:
    assert boilerplate_kind(line) == "share_prompt"


def test_a_page_of_prompts_only_is_no_article() -> None:
    wall = ("We have sent you a verification email. Please check your email and click on the "
            "link to activate your profile.\n\nAlready have an account?")
    assert only_boilerplate(wall)
    assert not only_boilerplate(wall + "\n\nA man was shot on Elm Street on Sunday night.")


def test_a_closing_tip_line_does_not_swallow_a_one_line_article() -> None:
    """Scrapes that lost their paragraph breaks hold a whole article on one line; the tip
    line at its end is boilerplate, the news before it is not."""
    text = ("Police responded to reports of people shot on Hinson Drive on Friday night. "
            "Eight people were shot during a cookout.Investigators returned on Saturday. "
            "Anyone with information is asked to call Crimestoppers at 919-683-1200.")
    sentences = [text[s:e] for s, e in split_sentences(text)]
    kept = [t for t, (s, e) in zip(sentences, split_sentences(text), strict=True)
            if not is_boilerplate(text, s, e)]
    assert kept == sentences[:3]
    assert not only_boilerplate(text)


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("Reply · Like · 12", "comment"),
        ("1234 likes · Reply", "comment"),
        ("Share | Permalink | 5 votes", "comment"),
        ("12 34", "comment"),
        ("12 x", None),
        # Runs of digits ending in words: the control-row pattern once tried every split of
        # the digits (exponential in their number) before failing; a page of the
        # 10,000-article stream held its story's cross-check for good.
        ("1897009 785305928198246 3545513631920066141 n URGENT: ISIS beheads Kurdish female "
         "fighter Rehana", None),
        ("4" * 60 + " likes are not a control row", None),
    ],
)
def test_control_rows_and_long_numbers(line: str, kind: str | None) -> None:
    assert boilerplate_kind(line) == kind


def test_a_page_date_line_run_on_into_the_lead_is_cut_from_its_claim() -> None:
    """BBC scrapes run the page's stamp into the first sentence; the stamp's date is when
    the page was edited, so the claim (and any date difference) starts after it."""
    text = ("29 September 2011 Last updated at 17:57 GMT Help One of Michael Jackson's "
            "bodyguards says the singer's doctor told him to hide vials.")
    (claim,) = article_claims("a1", text, Facts())
    assert claim.text.startswith("One of Michael Jackson's bodyguards")
    assert claim.span.start == text.index("One of")
    # not a stamp: a sentence that merely opens with "Updated" or a time
    for sentence in ("Updated figures showed 40 people had died in the floods by Monday.",
                     "Posted on the site at noon, the notice said nothing about the vote."):
        (kept,) = article_claims("a1", sentence, Facts())
        assert kept.text == sentence


def test_a_long_run_of_spaces_after_a_stamp_word_is_read_at_once() -> None:
    """Hostile input: "Updated" and tens of thousands of spaces once took seconds a
    sentence to fail (backtracking); it must fail at once and cut nothing."""
    from newsdesk.crosscheck.boilerplate import page_stamp_length

    for text in ("Updated" + " " * 50_000 + "x", "Updated :" + " " * 50_000 + "July 5, 2021"):
        assert page_stamp_length(text) == 0
