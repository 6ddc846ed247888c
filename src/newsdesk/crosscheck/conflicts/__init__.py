"""Where a story's reports disagree, and how sure the disagreement is: one slot (a figure, a
date, a length, what was acted on) given different values (``slots``, ``figures``,
``event_length``, ``action_objects``), what pins a value to its slot (``value_anchors``,
``value_ranges``), whether a later report overtook an earlier one (``superseded``), the
doubts that keep a difference "to check" (``doubts``, ``confidence``), two claims held apart
compared on the slot that held them apart (``apart``), and the conflicts given to the claim
groups they touch (``by_group``).

Nothing is imported here: ``by_group`` reads the claim groups (``story_claims``, ``align``),
and modules the claims read (``value_anchors``) would pull that chain in with them."""
