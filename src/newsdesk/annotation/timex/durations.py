"""TimeML values of lengths, distances, clock times, frequencies and vague references.

"24 years" is a DURATION (P24Y) and needs no anchor; "two weeks ago" is a DATE counted
back from the anchor; "a year earlier" counts from the reference time (the last date
the text mentioned) and keeps its granularity, so after "the third quarter" it is the
year-earlier quarter; "every year" is a SET; "now"/"recently"/"soon" are TimeML's
PRESENT_REF/PAST_REF/FUTURE_REF.
"""

from __future__ import annotations

import re

from .calendar import DAY, HALF, MONTH, QUARTER, UNIT_GRAN, YEAR, Point, finer, shift
from .lexicon import DAY_PARTS, MONTHS, SEASONS, UNITS, WEEKDAYS, number_value
from .values import Context, Resolved, approx_mod, done, unanchored

_MONEY_BEFORE = re.compile(
    r"(?:[$€£¥]\s?[\d.,]+(?:\s+(?:million|billion|trillion))?|\b(?:million|billion|trillion|cents?"
    r"|dollars|euros|pounds|yen|percent|%|times|twice|once|per\s+cent)|\d|\d[\d,.]*\s+[a-z]+s)\s*$",
    re.IGNORECASE,
)


def unit_code(word: str) -> str:
    return UNITS[word.lower().rstrip("s") if word.lower() not in UNITS else word.lower()]


def format_duration(n: float | None, unit: str) -> str:
    """P24Y, PT3H, P2Y6M, PXY: TimeML's ISO-8601 duration for ``n`` units (None = unknown)."""
    if unit == "2W":
        n, unit = (None if n is None else n * 2), "W"
    if unit in {"DE", "CE"}:
        scale = 10 if unit == "DE" else 100
        return "PXY" if n is None else format_duration(n * scale, "Y")
    time_unit = {"H": "H", "MIN": "M", "S": "S"}.get(unit)
    letter = time_unit or unit
    prefix = "PT" if time_unit else "P"
    if n is None:
        return f"{prefix}X{letter}"
    if n == int(n):
        return f"{prefix}{int(n)}{letter}"
    whole, frac = int(n), n - int(n)
    smaller = {"Y": ("M", 12), "M": ("D", 30), "W": ("D", 7), "D": ("H", 24), "H": ("M", 60)}
    if letter in smaller and not (letter == "D" and prefix == "PT"):
        sub, factor = smaller[letter]
        parts = f"{whole}{letter}" if whole else ""
        sub_value = round(frac * factor)
        if letter in {"D", "H"}:
            return f"P{whole}DT{sub_value}H" if letter == "D" else f"PT{whole}H{sub_value}M"
        return f"P{parts}{sub_value}{sub}"
    return f"{prefix}{n:g}{letter}"


def _amount(parts: dict[str, str]) -> float | None:
    if parts.get("vague") or not parts.get("num"):
        return None
    return number_value(parts["num"])


def read_duration(parts: dict[str, str], ctx: Context) -> Resolved | None:
    """A length: "24 years", "the past two years", "two-year", "several months", "a year"."""
    if parts.get("bare"):
        words = parts["bare"].lower().split()
        if words[0] == "the":
            words = words[1:]
        if words[0] == "recent":
            return Resolved("DATE", "PAST_REF")
        if words[0] in {"coming", "next"} and len(words) == 2:
            return Resolved("DATE", "FUTURE_REF")
        return Resolved("DURATION", format_duration(None, unit_code(words[-1])))
    unit = unit_code(parts["unit"])
    n = _amount(parts)
    if (parts.get("num") and n is None) or parts.get("old"):
        return None  # ages ("52 years old") are not annotated as time expressions
    if unit == "Q" and ctx.right.startswith(" of") and n is not None and n < 4:
        return None  # "three-quarters of its food": a fraction
    raw_num = parts.get("num", "").lower()
    if raw_num in {"a", "an", "one"} and not parts.get("the") and _MONEY_BEFORE.search(ctx.left):
        return None  # "$500 million a year": a rate, not a time expression
    if unit == "WE":
        return Resolved("DURATION", f"P{'X' if n is None else int(n)}WE", approx_mod(parts))
    return Resolved("DURATION", format_duration(n, unit), approx_mod(parts))


def _shift_point(point: Point, n: float, unit: str) -> Point | None:
    """``point`` moved by ``n`` units, at the coarser of its granularity and the unit's."""
    months = {"Y": 12, "Q": 3, "H": 6, "M": 1}
    if n != int(n) and unit in months:
        n, unit = round(n * months[unit]), "M"
    elif n != int(n) and unit in {"W", "D"}:
        n, unit = round(n * (7 if unit == "W" else 1)), "D"
    day = shift(point.day, int(n), unit)
    if day is None:
        return None
    unit_gran = UNIT_GRAN.get(unit, DAY)
    gran = (
        point.gran
        if not finer(point.gran, unit_gran) or point.gran in {QUARTER, HALF}
        else unit_gran
    )
    if gran == "S":
        gran = unit_gran
    return Point(day, gran)


def read_ago(parts: dict[str, str], ctx: Context) -> Resolved | None:
    """A distance in time: "two weeks ago", "nearly four years ago", "a year earlier"."""
    unit = unit_code(parts["unit"])
    way = parts["dir"].lower().split()[0]
    n = _amount(parts)
    mod = approx_mod(parts)
    backwards = way in {"ago", "earlier", "back", "before"}
    if n is None:
        if parts.get("num"):
            return None
        if way in {"earlier", "later"}:  # "a few days later", "hours later": the length
            return Resolved("DURATION", format_duration(None, unit), mod)
        return Resolved("DATE", "PAST_REF" if backwards else "FUTURE_REF", mod)
    if unit in {"H", "MIN", "S"}:
        if way in {"earlier", "later"}:
            return Resolved("DURATION", format_duration(n, unit), mod)
        if ctx.anchor is None:
            return unanchored("TIME", mod)
        return Resolved("TIME", ctx.anchor.isoformat(), mod, True)
    if unit == "WE":
        unit = "W"
    if way in {"earlier", "later"} and unit in {"D", "W", "2W"}:
        # "three days later": TimeML marks the length; "later" only relates it to an event
        return Resolved("DURATION", format_duration(n, unit), mod)
    deictic = way in {"ago", "back", "from", "hence"}
    if deictic:
        if ctx.anchor is None:
            return unanchored(mod=mod)
        base = Point(ctx.anchor, UNIT_GRAN.get(unit, DAY))
        if unit == "Y" and ctx.ref is not None and ctx.ref.gran in {QUARTER, HALF}:
            base = ctx.ref  # "a year ago" beside quarterly figures: the year-earlier quarter
    else:
        base = ctx.ref or (Point(ctx.anchor, DAY) if ctx.anchor else None)  # type: ignore[assignment]
        if base is None:
            return unanchored(mod=mod)
    moved = _shift_point(base, -n if backwards else n, unit)
    return done(moved, mod=mod) if moved else None


def read_yearago(parts: dict[str, str], ctx: Context) -> Resolved | None:
    """The reference period one year back: "year-earlier", "the year-ago quarter"."""
    unit = {"year": "Y", "quarter": "Q", "month": "M"}[parts["unit"].lower()]
    what = (parts.get("what") or "").lower()
    if ctx.anchor is None:
        return unanchored()
    ref = ctx.ref if ctx.ref is not None and ctx.ref.gran in {QUARTER, HALF, MONTH} else None
    if ref is None:
        ref = Point(ctx.anchor, QUARTER if "quarter" in what else YEAR)
    elif "quarter" in what and ref.gran != QUARTER:
        ref = Point(ref.day, QUARTER)
    moved = _shift_point(ref, -1, unit)
    return done(moved) if moved else None


def read_ref(parts: dict[str, str], ctx: Context) -> Resolved | None:
    value = "PRESENT_REF" if parts.get("present") else "PAST_REF" if parts.get("past") else (
        "FUTURE_REF")  # fmt: skip
    return Resolved("DATE", value)


def read_clock(parts: dict[str, str], ctx: Context) -> Resolved | None:
    """A TIME on the day being talked about: "3 p.m.", "7:15 p.m. EST", "noon"."""
    if parts.get("noon"):
        hour, minute = (24 if parts["noon"].lower() == "midnight" else 12), 0
    else:
        hour, minute = int(parts["h"]), int(parts.get("mi") or 0)
        ap = parts.get("ap", "").lower()
        if ap.startswith("p") and hour < 12:
            hour += 12
        elif ap.startswith("a") and hour == 12:
            hour = 0
        if hour > 24 or (not ap and not parts.get("tz") and hour > 23):
            return None
    mod = approx_mod(parts)
    day = ctx.ref.day if ctx.ref is not None and ctx.ref.gran == DAY else ctx.anchor
    if day is None:
        return unanchored("TIME", mod)
    return done(Point(day, DAY), "TIME", mod, suffix=f"T{hour:02d}:{minute:02d}")


def read_set(parts: dict[str, str], ctx: Context) -> Resolved | None:
    """A frequency: "every year", "each Thursday", "each July", "twice a week"."""
    step = 2 if (parts.get("other") or "").lower() == "other" else 1
    if parts.get("unit"):
        return Resolved("SET", format_duration(step, unit_code(parts["unit"])))
    if parts.get("season"):
        return Resolved("SET", f"XXXX-{SEASONS[parts['season'].lower()]}")
    if parts.get("part"):
        return Resolved("SET", f"XXXX-XX-XXT{DAY_PARTS[parts['part'].lower()]}")
    if parts.get("mon"):
        return Resolved("SET", f"XXXX-{MONTHS[parts['mon'].lower().rstrip('.')]:02d}")
    return None


def read_weekday_set(parts: dict[str, str], ctx: Context) -> Resolved | None:
    return Resolved("SET", f"XXXX-WXX-{WEEKDAYS[parts['wd'].lower().rstrip('s')] + 1}")


def combine_clock(clock: Resolved, day: Resolved) -> Resolved:
    """A clock time next to the day it falls on ("5 p.m. EST Nov. 9", "noon Saturday")."""
    if clock.value is None or day.value is None or day.point is None or day.point.gran != DAY:
        return Resolved("TIME", None, clock.mod, clock.anchored or day.anchored)
    time_part = clock.value.split("T", 1)[1]
    return Resolved("TIME", f"{day.point.value}T{time_part}", clock.mod, day.anchored, day.point)
