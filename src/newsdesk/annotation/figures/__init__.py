"""Figures: numbers with what they count or measure (money, percentages, people, units),
scanned from the text, composed from number words and filtered of labels, ages and dates."""

from .find import find_figures

__all__ = ["find_figures"]
