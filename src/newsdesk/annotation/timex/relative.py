"""TimeML values of expressions relative to a day: weekdays, today, this week, seasons, quarters.

The readers of ``values`` for what is counted from the anchor or the reference time
rather than named outright: "last Friday", "yesterday morning", "the past year", "the
weekend", "this fall", "the third quarter".
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from .calendar import (
    CENTURY,
    DAY,
    DECADE,
    HALF,
    MONTH,
    QUARTER,
    SEASON,
    SEASON_MONTHS,
    WEEK,
    YEAR,
    Point,
    day_of_month_near,
    finer,
    shift,
    weekday_near,
)
from .lexicon import DAY_PARTS, ORDINALS, SEASONS, WEEKDAYS
from .values import (
    Context,
    Resolved,
    direction,
    done,
    norm,
    position_mod,
    ref_day,
    relation,
    unanchored,
    year_of,
)


def read_weekday(parts: dict[str, str], ctx: Context) -> Resolved | None:
    """A weekday: "Tuesday", "last Friday", "the previous Friday", "Thursday evening"."""
    wd = WEEKDAYS[parts["wd"].lower()]
    mod = position_mod(parts)
    part = DAY_PARTS.get(parts.get("part", "").lower(), "")
    kind = "TIME" if part else "DATE"
    if ctx.anchor is None:
        return unanchored(kind, mod)
    rel = relation(parts)
    a = ctx.anchor
    if rel == "last":
        day = weekday_near(a - timedelta(days=1), wd, -1)
    elif rel == "next":
        day = weekday_near(a + timedelta(days=1), wd, 1)
    elif rel == "this":
        day = a + timedelta(days=wd - a.weekday())
    elif rel in {"prev", "follow", "ref"}:
        base = ref_day(ctx) or a
        way = {"prev": -1, "follow": 1}.get(rel, 0)
        day = weekday_near(base + timedelta(days=way), wd, way or -1)
    else:
        day = weekday_near(a, wd, direction("weekday", ctx) or -1)
    return done(Point(day, DAY), kind, mod, suffix=f"T{part}" if part else "")


def read_deictic(parts: dict[str, str], ctx: Context) -> Resolved | None:
    """Today and its neighbours: "yesterday morning", "tonight", "last night"."""
    word = norm(parts["dd"])
    part = DAY_PARTS.get(parts.get("part", "").lower(), "")
    if word == "tonight":
        part = "NI"
    elif word == "last" and not part:
        return None
    kind = "TIME" if part else "DATE"
    if ctx.anchor is None:
        return unanchored(kind, position_mod(parts))
    offset = {"yesterday": -1, "tomorrow": 1, "last": -1 if part == "NI" else 0,
              "the day before yesterday": -2, "the day after tomorrow": 2}.get(word, 0)  # fmt: skip
    point = Point(ctx.anchor + timedelta(days=offset), DAY)
    return done(point, kind, position_mod(parts), suffix=f"T{part}" if part else "")


def read_daypart(parts: dict[str, str], ctx: Context) -> Resolved | None:
    """A part of the day talked about: "the morning", "the evening of the 18th", "mid-afternoon"."""
    day = ref_day(ctx)
    part = DAY_PARTS[parts["part"].lower()]
    mod = position_mod(parts)
    if parts.get("day") and ctx.anchor is not None:
        day = day_of_month_near(ctx.anchor, int(parts["day"]), direction("dom", ctx))
    elif parts.get("dd") and ctx.anchor is not None:
        day = ctx.anchor + timedelta(days=_DEICTIC_OFFSET.get(parts["dd"].lower(), 0))
    if day is None:
        return unanchored("TIME", mod)
    return done(Point(day, DAY), "TIME", mod, suffix=f"T{part}")


_DEICTIC_OFFSET = {"yesterday": -1, "tomorrow": 1}


def read_dayrel(parts: dict[str, str], ctx: Context) -> Resolved | None:
    """A day or night next to the reference time: "the day before", "the next morning".

    Counted from the last day the text mentioned (TimeML's narrative reference time), or
    the anchor when none was; after a coarser date ("in 1999 ... the day before") the
    day is unknown.
    """
    back = parts["rel"].lower() in {"before", "previous", "preceding"}
    word = parts.get("dr", "").lower()
    part = "NI" if word == "night" else DAY_PARTS.get(parts.get("part", "").lower(), "")
    kind = "TIME" if part else "DATE"
    if ctx.ref is not None and ctx.ref.gran != DAY:
        return Resolved(kind, None)
    day = ref_day(ctx)
    if day is None:
        return unanchored(kind)
    found = day + timedelta(days=-1 if back else 1)
    return done(Point(found, DAY), kind, suffix=f"T{part}" if part else "")


_UNIT_GRAN = {"day": DAY, "week": WEEK, "weekend": WEEK, "month": MONTH, "year": YEAR,
              "quarter": QUARTER, "decade": DECADE, "century": CENTURY}  # fmt: skip
_UNIT_STEP = {"day": "D", "week": "W", "weekend": "W", "month": "M", "year": "Y", "quarter": "Q",
              "decade": "DE", "century": "CE"}  # fmt: skip
# "the current year", "the latest quarter", "the same day": as relative words
_CUR_RELATION = {"current": "this", "present": "this", "latest": "last", "same": "ref",
                 "full": "this"}  # fmt: skip


def read_relunit(parts: dict[str, str], ctx: Context) -> Resolved | None:
    """A unit from here: "this week", "last year", "the past year", "the end of the month"."""
    unit = parts["unit"].lower()
    mod = position_mod(parts)
    cur = norm(parts.get("cur", "")).removeprefix("the ").removeprefix("that ")
    rel = relation(parts) if parts.get("rel") else _CUR_RELATION.get(cur, "")
    if unit == "day":  # "that day", "the next day": counted from the reference time
        said = norm(parts.get("rel", "") or parts.get("cur", "") or parts.get("the", ""))
        rel = {"the next": "follow", "next": "follow", "the": "ref", "same": "ref",
               "the same": "ref"}.get(said, rel)  # fmt: skip
        if rel not in {"ref", "prev", "follow"}:
            return None
    suffix = "-WE" if unit == "weekend" else ""
    if parts.get("fiscal") and not rel and not mod:
        return Resolved("DURATION", "P1Y")  # "the fiscal year": its length
    if not rel and not mod and unit != "weekend":
        return _the_unit(unit, ctx)
    if ctx.anchor is None:
        return unanchored(mod=mod)
    base, step = ctx.anchor, 0
    if rel in {"ref", "prev", "follow"}:
        if ctx.ref is not None and finer(_UNIT_GRAN[unit], ctx.ref.gran):
            return Resolved("DATE", None, mod)  # "that day" after "in 1987": which day is unknown
        base = ctx.ref.day if ctx.ref is not None else ctx.anchor
        step = {"prev": -1, "follow": 1}.get(rel, 0)
    elif rel in {"last", "next"}:
        step = -1 if rel == "last" else 1
    elif unit == "weekend" and rel != "this":
        way = direction("weekend", ctx)
        saturday = weekday_near(base, 5, way or -1)
        return done(Point(saturday, WEEK), mod=mod, suffix=suffix)
    day = shift(base, step, _UNIT_STEP[unit])
    if day is None:
        return None
    return done(Point(day, _UNIT_GRAN[unit]), mod=mod, suffix=suffix)


_ENDED = re.compile(r"\s+(?:ended|ending|that\s+ended|to\s+date|through)\b")


def _the_unit(unit: str, ctx: Context) -> Resolved | None:
    """Bare "the year", "the quarter", "the week": the period the text is talking about.

    "the year ended March 31" is a length (TimeML: DURATION P1Y); otherwise the unit of
    the reference time, or, for quarters in company results, the last full quarter.
    """
    if unit == "year" and _ENDED.match(ctx.right):
        return Resolved("DURATION", "P1Y")
    if ctx.anchor is None:
        return unanchored()
    gran = _UNIT_GRAN[unit]
    ref = ctx.ref
    if unit == "quarter":
        if ref is not None and ref.gran == QUARTER:
            return done(ref)
        day = shift(ctx.anchor, -1, "Q")
        return done(Point(day, QUARTER)) if day else None
    if unit in {"decade", "century"}:
        return None
    if ref is not None and not finer(gran, ref.gran):
        return done(Point(ref.day, gran))
    return done(Point(ctx.anchor, gran))


def read_yearend(parts: dict[str, str], ctx: Context) -> Resolved | None:
    if ctx.anchor is None:
        return unanchored(mod="END")
    return done(Point(ctx.anchor, YEAR), mod="END")


def read_season(parts: dict[str, str], ctx: Context) -> Resolved | None:
    code = SEASONS[parts["season"].lower()]
    mod = position_mod(parts)
    rel = relation(parts)
    if code == "FA" and not (rel or year_of(parts) or parts.get("the") or mod):
        return None  # "prices fall"
    year_said = year_of(parts)
    if year_said:
        return done(Point(date(year_said, 1, 1), SEASON, code), mod=mod, anchored=False)
    if ctx.anchor is None:
        return unanchored(mod=mod)
    a = ctx.anchor
    said = norm(parts.get("rel", ""))
    started = date(a.year, SEASON_MONTHS[code], 1) <= a
    if said in {"last", "the last", "past", "the past"}:
        year = a.year - 1  # "last spring" said in autumn: the spring of last year
    elif said in {"next", "the next", "coming", "the coming", "this coming"}:
        year = a.year + 1 if started else a.year
    else:
        way = -1 if said == "this past" else 0 if said == "this" else direction("season", ctx)
        year = (
            a.year - 1 if way < 0 and not started else a.year + 1 if way > 0 and started else a.year
        )
    return done(Point(date(year, 1, 1), SEASON, code), mod=mod)


def read_quarter(parts: dict[str, str], ctx: Context) -> Resolved | None:
    """A quarter or half: "the third quarter", "the first half of this year", "Q2 2024"."""
    if parts.get("qn"):
        number, gran = int(parts["qn"][1]), QUARTER
    else:
        gran = HALF if parts["qh"].lower() == "half" else QUARTER
        raw = parts["qord"].lower()
        number = int(raw[0]) if raw[0].isdigit() else ORDINALS[raw]
        number = min(number, 2) if gran == HALF else number
    months = 3 if gran == QUARTER else 6
    first_month = (number - 1) * months + 1
    year_text = parts.get("qyear") or parts.get("year")
    if year_text:
        return done(Point(date(int(year_text), first_month, 1), gran), anchored=False)
    if ctx.anchor is None:
        return unanchored()
    a = ctx.anchor
    yrel = norm(parts.get("qrel") or parts.get("yrel") or "")
    if yrel in {"this", "the", "last", "next"}:
        year = a.year + {"last": -1, "next": 1}.get(yrel, 0)
    else:
        current = (a.month - 1) // months + 1
        way = direction("quarter", ctx)
        year = a.year
        if way < 0 and number > current:
            year -= 1
        elif way > 0 and number < current:
            year += 1
    return done(Point(date(year, first_month, 1), gran))
