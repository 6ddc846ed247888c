"""How long a story stays open (``stories.WINDOW_DAYS``): a trial or a sentencing months after
a shooting still joins its story; a look-alike shooting months later in the same town does
not. Made-up reports."""

from __future__ import annotations

from datetime import date, timedelta

from newsdesk.group.stories import WINDOW_DAYS, StoryClusterer, StoryItem

_SHOT = date(2016, 3, 6)
_FIRST = StoryItem(
    "k1", _SHOT, "Springfield man, 24, killed on Elm Street; teen charged",
    "SPRINGFIELD, Ill. — A 24-year-old man was shot and killed on Elm Street early Sunday, "
    "police said. Officers found Darnell Hayes in the 1200 block of Elm Street around 2 a.m. "
    "Hours later detectives arrested Jalen Price, 19, who was charged with first-degree "
    "murder and booked into the Sangamon County jail. Police said a quarrel over a debt led "
    "to the shooting. Price's family declined to comment.")
# Seven months later, in other words: the trial.
_TRIAL = StoryItem(
    "k2", _SHOT + timedelta(days=210), "Jury selection begins in Jalen Price murder trial",
    "Jury selection began Monday in the trial of Jalen Price, accused of gunning down a man "
    "outside a house party last winter. Prosecutors told the judge they will call eleven "
    "witnesses; the defence says Price acted in self-defence. Opening statements are set for "
    "Thursday, and the trial is expected to last two weeks, a court clerk said.")
# Seven months later, another shooting on the same street, of a man of another age.
_AGAIN = StoryItem(
    "k3", _SHOT + timedelta(days=212), "Man, 37, wounded in Springfield shooting on Elm Street",
    "SPRINGFIELD, Ill. — A 37-year-old man was shot and wounded on Elm Street late Tuesday, "
    "police said. Officers found him in the 1400 block of Elm Street with a gunshot wound to "
    "the arm. He was taken to Memorial Medical Center in stable condition. Police had no "
    "suspect and asked anyone with information to call Crime Stoppers.")


def _stories(items: list[StoryItem], window_days: int = WINDOW_DAYS) -> list[tuple[str, ...]]:
    clusterer = StoryClusterer(window_days=window_days)
    for item in items:
        clusterer.add(item)
    return sorted(clusterer.groups())


def test_a_trial_months_later_naming_the_suspect_joins_its_story() -> None:
    assert WINDOW_DAYS >= 365
    assert _stories([_FIRST, _TRIAL]) == [("k1", "k2")]
    assert _stories([_FIRST, _TRIAL], window_days=120) == [("k1",), ("k2",)]  # closed by then


def test_a_look_alike_shooting_months_later_on_the_same_street_stays_apart() -> None:
    assert _stories([_FIRST, _TRIAL, _AGAIN]) == [("k1", "k2"), ("k3",)]


def test_a_story_quiet_for_longer_than_the_window_is_closed() -> None:
    late = StoryItem(_TRIAL.id, _SHOT + timedelta(days=WINDOW_DAYS + 30), _TRIAL.title,
                     _TRIAL.text)
    assert _stories([_FIRST, late]) == [("k1",), ("k2",)]
