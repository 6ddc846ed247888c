"""What two sentences share may say nothing of what they state: one content word, or only
the words naming who speaks.

**One word.** Two sentences that share one content word and nothing else are not one claim.

"She heard at least 15 shots" and "Holston's father, David Cole, can be heard yelling" share
"heard" and nothing more: one is a witness hearing shots, the other a recording on which a
father is heard. A short sentence restated inside a long one scores high on the overlap of
the shorter sentence's words (``align.word_scores``), so when the short one has two or three
content words, one shared word — the same verb in another role or sense ("heard" /
"can be heard", "shooting" the event / "went out shooting", "try", "know", "week") — is
enough to align them. On the GVA tune incidents (gold grouped) 335 of 15,416 aligned
cross-article pairs share one stem, no entity and no number; of 30 read, 29 state different
things (the one that does not: "No arrests have been made" / "no arrests had been made").
None of the 205 dev claim pairs at the cut shares one word only. A shared entity or number
is a second piece of evidence, so such pairs are still read by the score.

**Only the speaker.** '"This will be felt for generations to come," said Regan Nelson,
senior oceans advocate at the Natural Resources Defense Council' and 'Regan Nelson, a senior
oceans advocate with the Natural Resources Defense Council, lobbies Congress' share nine
rare words, all of them the speaker's name and title in the first: the second is about the
person, not about what she said. The speaker's words already weigh less
(``align.MINOR``), but a long name and title can still carry a pair past the cut. When every
shared stem of a pair lies in one sentence's speaker or cue as written (and nowhere in its
main assertion), the two are not one claim (dev half of the claim pairs: 2 false
alignments, no true one; docs/decisions.md, "Claim alignment, third round").
"""

from __future__ import annotations

from collections.abc import Set


def one_word(stems_a: Set[str], stems_b: Set[str], entities_a: Set[str], entities_b: Set[str],
             numbers_a: Set[str], numbers_b: Set[str]) -> bool:
    """At most one content stem in common, and no entity and no number or date."""
    return (len(stems_a & stems_b) <= 1 and not entities_a & entities_b
            and not numbers_a & numbers_b)


def speaker_only(stems_a: Set[str], stems_b: Set[str], framing_a: Set[str],
                 framing_b: Set[str]) -> bool:
    """Every stem the two share sits in one sentence's speaker or cue only
    (``framing_a``/``framing_b``: such stems of each sentence)."""
    shared = stems_a & stems_b
    return bool(shared) and (shared <= framing_a or shared <= framing_b)
