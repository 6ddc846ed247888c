"""Newsletter sign-up and subscription prompts in plain-text bodies (issue 12).

Every page of a site carries the same prompt, so two articles about different shootings
shared its words; the cleaner drops such lines by their words (reason ``signup_prompt``),
keeps news lines that merely mention signing, e-mail or a newsletter, cuts a prompt glued
to the end of a news line, and refuses a page left with a scrap once its prompts are gone.
The prompts are phrased as on real GVA pages (ajc.com, palmbeachpost.com, statesman.com,
local TV sites), written out here by hand.
"""

from __future__ import annotations

import pytest

from newsdesk.config import Settings
from newsdesk.extraction.pipeline import extract_source
from newsdesk.extraction.text.extract import extract_plain_text
from newsdesk.extraction.text.lines import boilerplate_kind, signup_tail
from newsdesk.model import Article, Failure, Source

NEWS = [
    "A 17-year-old boy was shot and killed on Elm Street in Springfield on Sunday night, "
    "police said. Officers found him on the sidewalk shortly after 11 p.m.",
    "Investigators said the shooting followed an argument outside a convenience store, and "
    "that a second man was taken to Mercy Hospital with a wound to his leg.",
    "No arrests had been made by Monday morning. Police asked residents of the block to "
    "check their doorbell cameras for footage of a dark sedan seen leaving the area.",
]


@pytest.mark.parametrize(
    "line",
    [
        "Sign up for one of our email newsletters.",
        "Sign up for our newsletter and have the top headlines from your community delivered "
        "right to your inbox.",
        "If you do not receive the verification message within a few minutes of signing up, "
        "please check your Spam or Junk folder.",
        "We have sent you a verification email. Please check your email and click on the link "
        "to activate your profile.",
        "Thank you for signing up!",
        "Thank you for registering!",
        "You're all set!",
        "Enter your email address",
        "By submitting your registration information, you agree to our Terms of Service and "
        "Privacy Policy .",
        "By signing up, you agree to our Privacy Policy and Terms of Use.",
        "Whenever Joel Currier posts new content, you'll get an email delivered to your inbox "
        "with a link.",
        "Oops, you haven't selected any newsletters. Please check the box next to one or more "
        "of our email newsletters and submit again.",
        "Get breaking news sent to your inbox — click here to sign up.",
        "Already a subscriber?",
        "Re-enter zip code or sign up for digital access.",
        "Want to become a full access subscriber?",
        "Subscribe now for complete and uninterrupted access to the best local, state and "
        "national news.",
        "If you want to receive breaking news alerts by email, click here to sign up.",
    ],
)
def test_signup_prompts_are_named(line: str) -> None:
    assert boilerplate_kind(line, len(line)) == "signup_prompt"


@pytest.mark.parametrize(
    "line",
    [
        "Those who sign up will also get a free swimming cap and a free pair of goggles.",
        "The church newsletter said the pastor had been shot twice in the parking lot.",
        "Police said the suspect sent an email to his former wife an hour before the shooting.",
        "He had signed up for the newsletter of a militia group, according to the complaint.",
        "A lot of white supremacists subscribe to this racist version of Odinism.",
        "Residents can sign up for alerts from the county emergency office.",
        "Detectives searched his inbox and found threats against a co-worker, the sheriff said.",
        "“Thank you for your prayers,” the boy's mother said in a statement.",
        "The victim had registered a handgun in 2019, state records show.",
        "The paper's print subscribers got the edition a day late after the shooting.",
        "Police urged residents to subscribe to the county's emergency text alerts.",
    ],
)
def test_news_lines_with_signup_words_stay(line: str) -> None:
    assert boilerplate_kind(line, len(line)) is None
    assert signup_tail(line) is None


def test_signup_block_is_removed_and_reported() -> None:
    text = "\n\n".join([
        NEWS[0], NEWS[1],
        "Email Newsletters Sign up for one of our email newsletters.",
        "Thank you for signing up!",
        NEWS[2],
    ])
    out = extract_plain_text(text)
    body = "\n\n".join(out.paragraphs)
    assert all(p in body for p in NEWS)
    assert "newsletters" not in body and "Thank you" not in body
    removed = [r for r in out.removed if r.reason == "signup_prompt"]
    assert [(r.start_line, r.end_line) for r in removed] == [(5, 7)]  # one block


def test_a_prompt_glued_to_news_is_cut_off_and_the_news_stays() -> None:
    glued = (NEWS[2] + " Keep up with local news with our app. Sign up for our email "
             "newsletters to get breaking news right in your inbox.")
    cut = signup_tail(glued)
    # only the sentence that asks for a sign-up goes: the app plug before it stays
    assert cut is not None and glued[cut:].startswith("Sign up for our email newsletters")
    out = extract_plain_text("\n\n".join([NEWS[0], NEWS[1], glued]))
    body = "\n\n".join(out.paragraphs)
    assert NEWS[2] in body and "inbox" not in body
    assert any(r.reason == "signup_prompt" and r.start_line == 5 for r in out.removed)


def test_a_long_news_line_mentioning_a_subscription_is_not_cut() -> None:
    line = ("The gunman had tried to register for a digital subscription to the paper the week "
            "before, the editor said, and was turned away when his card was declined. " * 3)
    assert signup_tail(line.strip()) is None


def _record(text: str) -> Source:
    return Source("feed.jsonl:1", text.encode(), hints={"title": "Teen killed"})


def test_a_signup_wall_is_refused_once_its_prompts_are_gone() -> None:
    wall = "\n\n".join([
        "Sign in using your wsoc profile",
        "Why are we asking this?",
        "By submitting your registration information, you agree to our Terms of Service and "
        "Privacy Policy .",
        "Thank you for registering!",
        "Click here to return to the page you were visiting.",
    ])
    out = extract_source(_record(wall), Settings())
    assert isinstance(out, Failure) and out.problem.code in ("E200", "E206")


def test_an_article_with_a_signup_prompt_is_kept() -> None:
    text = "\n\n".join([*NEWS, "Sign up for one of our email newsletters."])
    out = extract_source(_record(text), Settings())
    assert isinstance(out, Article) and "Elm Street" in out.text and "newsletter" not in out.text
