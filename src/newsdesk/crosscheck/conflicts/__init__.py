"""Where a story's reports disagree, and how sure the disagreement is: one slot (a figure, a
date, a length, what was acted on) given different values (``slots``, ``figures``,
``event_length``, ``action_objects``), what pins a value to its slot (``value_anchors``,
``value_ranges``), whether a later report overtook an earlier one (``superseded``), the
doubts that keep a difference "to check" (``doubts``, ``confidence``), and the conflicts
given to the claim groups they touch (``by_group``)."""

from .by_group import conflicts_by_group
from .confidence import CHECK, HIGH, rated
from .slots import Conflict, Side, conflicts_between

__all__ = ["CHECK", "HIGH", "Conflict", "Side", "conflicts_between", "conflicts_by_group",
           "rated"]
