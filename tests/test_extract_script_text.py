"""The whole article when a page shows one piece of a text its script holds
(``extraction/html/script_text.py``)."""

from __future__ import annotations

import json

from newsdesk.extraction.html.extract import Tuning, extract_html

FIRST = ("She could not take her eyes off the woman by the store. Could it be true? Was she "
         "trying to fool everyone along the street all this time, day after day?")
LATER = [
    "Melissa Smith saw the same beggar every week outside the East Lake Village Center, "
    "always with a small boy and always in the same spot near the door.",
    "Detective Leslie Albright later found that the couple drove a new car and ran the "
    "scheme in three cities, and she told the police what she had learned.",
    "The police in San Diego said they were looking into it, and shoppers were told to "
    "give to the shelters in town rather than to people at the parking lot entrances.",
]


def _page(held: dict[str, object], shown: str = FIRST) -> str:
    script = f"var article = {json.dumps(held)};"
    return (f"<html><head><title>A story</title><script>{script}</script></head><body>"
            f"<article><h1>A story</h1><h2>A Mysterious Woman</h2><p>{shown}</p></article>"
            "<footer><p>About us</p></footer></body></html>")


def _held(paragraphs: list[str], escape: bool = False) -> dict[str, object]:
    pages = {}
    for n, para in enumerate(paragraphs, 1):
        fragment = f"<h2>Part {n}</h2><p>{para}</p>"
        if escape:  # the HTML escaped once more inside the JSON, as the real page has it
            fragment = fragment.replace("<", "&lt;").replace(">", "&gt;")
        pages[str(n)] = {"top": fragment, "imageUrl": "//cdn.example.com/x.jpg"}
    return {"pageCount": len(pages), "pages": pages}


def test_the_pages_a_script_holds_are_the_article() -> None:
    for escape in (False, True):
        text = extract_html(_page(_held([FIRST, *LATER], escape))).text
        assert FIRST in text and all(para in text for para in LATER)


def test_a_script_holding_other_text_changes_nothing() -> None:
    # related stories in a script: the shown paragraph is not among them
    page = _page(_held(LATER))
    assert extract_html(page).text == extract_html(page, tuning=Tuning(script_text=False)).text
    assert LATER[0] not in extract_html(page).text


def test_a_script_holding_little_more_changes_nothing() -> None:
    page = _page(_held([FIRST]))
    assert extract_html(page).text == extract_html(page, tuning=Tuning(script_text=False)).text
