"""What a stated figure allows: the interval of values a reader would accept from it.

"More than 70 miles" is not a claim that the value is 70: it allows 70 and somewhat more,
so against "more than 100 miles" it disagrees, and against "120 miles" it does not. A plain
figure allows its rounding, an approximate one ("about", "some", "an estimated") a little
more each way, a lower bound ("more than", "at least") up to a quarter more, an upper
bound ("up to", "nearly") up to a quarter less. Two figures agree when their intervals
meet. The widths follow the labelling rules of ``benchmarks/data/conflict_pairs.jsonl``
(a fixed fact conflicts beyond ~10 %; "more than X" reads as X up to 25 % more).
"""

from __future__ import annotations

import math

from ...model import Figure

# Share two plain figures may still differ by after conversion ("3 million barrels" is
# 126 million gallons; "110km" is 68.35 miles): conversions are printed rounded.
CONVERSION = 0.01
# Whole numbers below this are read as exact counts, not rounded.
EXACT_BELOW = 100
# Share two ceilings ("up to 169", "up to 159") may differ by and still be one.
ROUNDING = 0.05
# ... an approximate one ("about 40 miles" against "42 miles" agrees, against 50 not).
APPROXIMATE = 0.10
# How far past its number a lower bound reaches ("more than 100" holds 120, not 130).
BOUND = 0.25
# ... and an upper bound below it: "up to 149" and "nearly 3 million" are said of a value
# close to the number, so "up to 149" against "more than 100" disagree.
UPPER_REACH = 0.10

# Units one quantity is given in across outlets ("3 million barrels (126 million gallons)",
# "110km (70 miles)"): dimension and size of the unit in that dimension's base unit.
UNITS: dict[str, tuple[str, float]] = {
    "m": ("length", 1.0), "km": ("length", 1000.0), "cm": ("length", 0.01),
    "mm": ("length", 0.001), "mi": ("length", 1609.344), "ft": ("length", 0.3048),
    "in": ("length", 0.0254), "yd": ("length", 0.9144),
    "L": ("volume", 1.0), "gal": ("volume", 3.785411784), "bbl": ("volume", 158.987295),
    "kg": ("mass", 1.0), "g": ("mass", 0.001), "t": ("mass", 1000.0),
    "lb": ("mass", 0.45359237), "oz": ("mass", 0.028349523),
    "m²": ("area", 1.0), "km²": ("area", 1e6), "sq mi": ("area", 2589988.11),
    "sq ft": ("area", 0.09290304), "acre": ("area", 4046.8564224), "ha": ("area", 10000.0),
    "km/h": ("speed", 1 / 3.6), "mph": ("speed", 0.44704), "kn": ("speed", 0.514444),
}  # fmt: skip

LOWER_BOUNDS = frozenset({
    "more than", "at least", "over", "upward of", "upwards of", "greater than", "higher than",
    "no fewer than", "no less than", "just over", "well over", "well above", "in excess of",
    "above", "plus", "or more",
})
UPPER_BOUNDS = frozenset({
    "less than", "fewer than", "at most", "up to", "as many as", "as much as", "as high as",
    "no more than", "not more than", "just under", "under", "below", "lower than", "nearly",
    "almost", "well below", "close to",
})


def dimension(unit: str | None) -> str | None:
    """What a unit measures ("length" for miles and km), or the unit itself when it has no
    conversions here (currencies, "%", counts' None)."""
    return UNITS[unit][0] if unit in UNITS else unit


def _scale(figure: Figure) -> float:
    return UNITS[figure.unit][1] if figure.unit in UNITS else 1.0


def interval(figure: Figure, converted: bool = False) -> tuple[float, float]:
    """The values ``figure`` allows, low to high, in its dimension's base unit; with
    ``converted``, also what a conversion printed rounded may be off by."""
    assert figure.value is not None
    scale = _scale(figure)
    low = figure.value * scale
    high = (figure.upper if figure.upper is not None else figure.value) * scale
    low, high = min(low, high), max(low, high)
    hedge = figure.hedge
    if hedge in LOWER_BOUNDS:
        return low, high + BOUND * abs(high)
    if hedge in UPPER_BOUNDS:
        return low - UPPER_REACH * abs(low), high
    if hedge:
        return low - APPROXIMATE * abs(low), high + APPROXIMATE * abs(high)
    extra = CONVERSION if converted else 0.0
    return (low - rounding(figure.value) * scale - extra * abs(low),
            high + rounding(figure.upper or figure.value) * scale + extra * abs(high))


def rounding(value: float) -> float:
    """Half a unit of the last non-zero digit: what a stated number may have been rounded
    from. "11,034" is exact to ±0.5, "5,000" to ±500, "33.3 million" to ±50,000. A whole
    number under ``EXACT_BELOW`` is a count as stated ("30 people" is not 25 to 35)."""
    magnitude = abs(value)
    if magnitude < EXACT_BELOW and magnitude == int(magnitude):
        return 0.5
    step = 10.0 ** math.floor(math.log10(magnitude))
    while step > 1e-6 and abs(magnitude / step - round(magnitude / step)) > 1e-6:
        step /= 10
    return step / 2


def figures_agree(a: Figure, b: Figure) -> bool:
    """The two figures allow a common value: equal within rounding, within a hedge's reach,
    or overlapping ranges. Two upper bounds ("up to 169", "up to 159") are two statements
    of the same ceiling, so they must match as stated."""
    if a.hedge in UPPER_BOUNDS and b.hedge in UPPER_BOUNDS:
        high_a, high_b = interval(a)[1], interval(b)[1]
        return abs(high_a - high_b) <= ROUNDING * max(abs(high_a), abs(high_b))
    converted = a.unit != b.unit
    low_a, high_a = interval(a, converted)
    low_b, high_b = interval(b, converted)
    return low_a <= high_b and low_b <= high_a
