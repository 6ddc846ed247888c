"""A story's charts as small inline SVG, drawn here: the timeline on a real time axis and
the articles per day per outlet.

pygal drew the timeline before: one bar per date, evenly spaced (1961 next to 2000), 15 KB
a chart, 4 KB of it the same stylesheet again in every chart, and each bar carrying its
tooltip's metadata. A report of 1,303 stories cannot pay that twice a story, and neither
pygal nor matplotlib (whose SVG is bigger still) draws a 2 KB chart; what is drawn is
simple — dots and bars on a date axis, a few labels —, so it is drawn here, styled by the
page's stylesheet (``svg.chart`` rules in ``style.html.j2``). Each mark's ``<title>`` is its
tooltip, no script: the page's Content Security Policy forbids scripts anyway. Same dossier,
same bytes. Only dates and counts the dossier holds are drawn, no page text but outlet
names, escaped.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from datetime import date, timedelta
from typing import Any

from markupsafe import Markup, escape

# Dates drawn at most: a timeline longer than this shows its most important dates.
MAX_BARS = 40
# Bars of the articles-per-day chart at most: a longer run puts several days in a bar.
MAX_DAYS = 60
# Outlets with a colour of their own; the others share one.
MAX_OUTLETS = 6
WIDTH, HEIGHT = 900, 190
LEFT, RIGHT, TOP, BOTTOM = 36, 40, 10, 40
# Colour-blind-safe (Okabe–Ito) series colours, then grey for the other outlets.
COLOURS = ("#0072b2", "#e69f00", "#009e73", "#cc79a7", "#56b4e9", "#d55e00", "#999999")


def _day(value: str | None) -> date | None:
    try:
        return date.fromisoformat(str(value)[:10]) if value else None
    except ValueError:
        return None


def _ticks(first: date, last: date) -> list[tuple[date, str]]:
    """About six labelled dates spanning ``first``..``last``: years, months or days,
    whichever the span needs."""
    span = (last - first).days
    if span > 3 * 365:
        step = max(1, (last.year - first.year) // 6)
        return [(date(y, 1, 1), str(y)) for y in range(first.year, last.year + 1, step)
                if first <= date(y, 1, 1) <= last] or [(first, str(first.year))]
    if span > 90:
        months, out = max(1, (span // 30) // 6), []
        y, m = first.year, first.month
        while date(y, m, 1) <= last:
            if date(y, m, 1) >= first:
                out.append((date(y, m, 1), date(y, m, 1).strftime("%b %Y")))
            y, m = (y + (m - 1 + months) // 12, (m - 1 + months) % 12 + 1)
        return out or [(first, first.strftime("%b %Y"))]
    step = max(1, span // 6)
    return [(first + timedelta(days=d), (first + timedelta(days=d)).isoformat())
            for d in range(0, span + 1, step)]


class _Axis:
    """Days to x and counts to y in the plot area."""

    def __init__(self, first: date, last: date, top: int) -> None:
        self.first, self.days = first, max(1, (last - first).days)
        self.top = max(1, top)

    def x(self, day: date) -> float:
        return LEFT + (WIDTH - LEFT - RIGHT) * (day - self.first).days / self.days

    def y(self, count: float) -> float:
        return HEIGHT - BOTTOM - (HEIGHT - BOTTOM - TOP) * count / self.top


def _frame(axis: _Axis, last: date, label: str, body: list[str]) -> Markup:
    """The chart: plot, axes, date ticks and the y maximum around ``body``."""
    base = HEIGHT - BOTTOM
    parts = [f'<svg class="chart" role="img" aria-label="{escape(label)}" '
             f'viewBox="0 0 {WIDTH} {HEIGHT}" xmlns="http://www.w3.org/2000/svg">',
             f"<title>{escape(label)}</title>",
             f'<path class="axis" d="M{LEFT} {TOP}V{base}H{WIDTH - RIGHT}"/>',
             f'<text x="{LEFT - 4}" y="{TOP + 8}" text-anchor="end">{axis.top}</text>',
             f'<text x="{LEFT - 4}" y="{base}" text-anchor="end">0</text>']
    for day, text in _ticks(axis.first, last):
        x = axis.x(day)
        parts.append(f'<path class="tick" d="M{x:.1f} {base}v4"/><text x="{x:.1f}" '
                     f'y="{base + 16}" text-anchor="middle">{escape(text)}</text>')
    return Markup("".join(parts + body + ["</svg>"]))


def timeline_svg(entries: list[dict[str, Any]]) -> Markup:
    """The timeline's dates on a real time axis, each as high as the number of articles
    supporting it: a day is a dot, a month or a year a bar across its span; an empty Markup
    when there is nothing to draw."""
    dated = [(s, e, entry) for entry in entries[:MAX_BARS]
             if (s := _day(entry["date"].get("start"))) and (e := _day(entry["date"].get("end")))]
    if not dated:
        return Markup("")
    first, last = min(s for s, _, _ in dated), max(e for _, e, _ in dated)
    axis = _Axis(first, last, max(int(x.get("sources", 0)) for _, _, x in dated))
    body = []
    for start, end, entry in sorted(dated, key=lambda d: (d[0], d[1])):
        n = int(entry.get("sources", 0))
        tip = f"<title>{escape(entry['date']['value'])}: {n} articles</title>"
        y = axis.y(n)
        if end > start:
            body.append(f'<path class="span" d="M{axis.x(start):.1f} {y:.1f}H'
                        f'{max(axis.x(end), axis.x(start) + 2):.1f}">{tip}</path>')
        else:
            body.append(f'<circle cx="{axis.x(start):.1f}" cy="{y:.1f}" r="4">{tip}</circle>')
    return _frame(axis, last, "Articles supporting each date of the timeline, on a time axis",
                  body)


def outlet_days_svg(days: Iterable[tuple[str, str | None]]) -> Markup:
    """Articles per day per outlet as stacked bars on a real time axis (days without an
    article included), from (outlet, published date) pairs; several days a bar past
    ``MAX_DAYS`` days; an empty Markup under two days of articles."""
    dated = [(outlet, d) for outlet, value in days if (d := _day(value))]
    if len({d for _, d in dated}) < 2:
        return Markup("")
    first, last = min(d for _, d in dated), max(d for _, d in dated)
    width = -(-((last - first).days + 1) // MAX_DAYS)  # days a bar, rounded up
    top_outlets = [o for o, _ in Counter(o for o, _ in dated).most_common(MAX_OUTLETS)]
    series = {o: n for n, o in enumerate(top_outlets)}
    bars = Counter(((d - first).days // width, series.get(o, MAX_OUTLETS)) for o, d in dated)
    heights = Counter(b for b, _ in bars.elements())
    end = first + timedelta(days=width * (max(heights) + 1))
    axis = _Axis(first, end, max(heights.values()))
    step = (WIDTH - LEFT - RIGHT) / (max(heights) + 1)
    body = []
    for bar in sorted(heights):
        below = 0
        for s in range(MAX_OUTLETS + 1):
            n = bars.get((bar, s), 0)
            if not n:
                continue
            name = top_outlets[s] if s < MAX_OUTLETS else "other outlets"
            day = first + timedelta(days=bar * width)
            y = axis.y(below + n)
            body.append(f'<rect x="{LEFT + bar * step + 1:.1f}" y="{y:.1f}" '
                        f'width="{max(step - 2, 1):.1f}" height="{axis.y(below) - y:.1f}" '
                        f'fill="{COLOURS[s]}"><title>{escape(name)}, {day.isoformat()}'
                        f'{"" if width == 1 else f" (+{width - 1} days)"}: {n}</title></rect>')
            below += n
    names = top_outlets + (["other outlets"] if any(s == MAX_OUTLETS for _, s in bars) else [])
    x = LEFT
    for s, name in enumerate(names):
        colour = COLOURS[s if s < len(top_outlets) else MAX_OUTLETS]
        body.append(f'<rect x="{x}" y="{HEIGHT - 14}" width="10" height="10" fill="{colour}"/>'
                    f'<text x="{x + 14}" y="{HEIGHT - 5}">{escape(name[:14])}</text>')
        x += 24 + 7 * min(len(name), 14)
    unit = "day" if width == 1 else f"{width} days"
    return _frame(axis, end, f"Articles per {unit} per outlet", body)


def story_days(story: dict[str, Any], records: Any) -> list[tuple[str, str | None]]:
    """(outlet, published date) of each of ``story``'s articles (``records``: article id ->
    record, a dict or the report's lookup); pages without a named outlet are one series."""
    return [(src.get("outlet") or "no outlet named",
             ((records.get(aid) or {}).get("published") or {}).get("value"))
            for src in story.get("sources", []) for aid in src.get("article_ids", [])]


# Counts drawn over time, in this order (colours as the outlets' first ones).
COUNT_KINDS = ("killed", "injured", "shot", "arrested", "missing")


def counts_svg(story: dict[str, Any]) -> Markup:
    """Each key count of the story (killed, injured … from its facts) as reported over
    time: a dot per report at its publication day and value, joined in day order, so a
    death toll rising or a lower early count overtaken shows as a step; the dot's tooltip
    names the outlet, the day, the value and whether it was superseded or is in conflict.
    An empty Markup unless some count has reports on two days or more."""
    outlet = {aid: src.get("outlet") or "no outlet named"
              for src in story.get("sources", []) for aid in src.get("article_ids", [])}
    series: dict[str, list[tuple[date, int, str, str]]] = {}
    for count in (story.get("facts") or {}).get("counts", []):
        kind = str(count.get("what", ""))
        if kind not in COUNT_KINDS:
            continue
        for report in count.get("reports", []):
            if (day := _day(report.get("published"))) is not None:
                series.setdefault(kind, []).append(
                    (day, int(report.get("value", 0)), outlet.get(report["article_id"], ""),
                     str(count.get("status", ""))))
    series = {k: sorted(v) for k, v in series.items() if len({d for d, *_ in v}) >= 2}
    if not series:
        return Markup("")
    points = [p for v in series.values() for p in v]
    first, last = min(p[0] for p in points), max(p[0] for p in points)
    axis = _Axis(first, last, max(max(p[1] for p in points), 1))
    body = []
    for n, kind in enumerate(k for k in COUNT_KINDS if k in series):
        colour = COLOURS[n]
        line = "".join(f"{'M' if i == 0 else 'L'}{axis.x(d):.1f} {axis.y(v):.1f}"
                       for i, (d, v, _, _) in enumerate(series[kind]))
        body.append(f'<path class="count" d="{line}" fill="none" stroke="{colour}"/>')
        for day, value, name, status in series[kind]:
            note = "" if status == "current" else f" ({status})"
            body.append(f'<circle cx="{axis.x(day):.1f}" cy="{axis.y(value):.1f}" r="4" '
                        f'fill="{colour}"><title>{escape(kind)}: {value}, '
                        f'{escape(name)}, {day.isoformat()}{escape(note)}</title></circle>')
        body.append(f'<rect x="{LEFT + 90 * n}" y="{HEIGHT - 14}" width="10" height="10" '
                    f'fill="{colour}"/><text x="{LEFT + 90 * n + 14}" y="{HEIGHT - 5}">'
                    f'{escape(kind)}</text>')
    return _frame(axis, last, "Each count as reported over time (a dot per report)", body)


# Names on each side of the who-cites-whom chart (those citing or cited most).
MAX_CITE_NAMES = 8


def cites_svg(pairs: Iterable[tuple[str, str]]) -> Markup:
    """Who cites whom: the story's outlets on the left, the sources they cite (the first
    link of each citation's chain: an agency, a newspaper, an official body) on the right,
    a line for each pair as thick as how often that outlet cites that source. At most
    ``MAX_CITE_NAMES`` a side (the rest are in the list beside it); an empty Markup when
    there is no citation."""
    counted = Counter((citing, cited) for citing, cited in pairs if citing and cited)
    if not counted:
        return Markup("")
    left = [n for n, _ in Counter(a for (a, _), k in counted.items()
                                  for _ in range(k)).most_common(MAX_CITE_NAMES)]
    right = [n for n, _ in Counter(b for (_, b), k in counted.items()
                                   for _ in range(k)).most_common(MAX_CITE_NAMES)]
    row = 22
    height = TOP + row * max(len(left), len(right)) + 10
    x_left, x_right = 250, WIDTH - 250

    def y(n: int) -> float:
        return TOP + row * n + row / 2

    top = max(counted.values())
    body = []
    for (a, b), k in sorted(counted.items()):
        if a in left and b in right:
            width = 1.5 + 3 * (k - 1) / max(top - 1, 1)
            body.append(f'<path class="cite" d="M{x_left} {y(left.index(a)):.1f}L{x_right} '
                        f'{y(right.index(b)):.1f}" stroke="{COLOURS[0]}" fill="none" '
                        f'stroke-width="{width:.1f}"><title>{escape(a)} cites '
                        f'{escape(b)}: {k}</title></path>')
    for n, name in enumerate(left):
        body.append(f'<text x="{x_left - 6}" y="{y(n) + 4:.1f}" text-anchor="end">'
                    f'{escape(name[:32])}</text>')
    for n, name in enumerate(right):
        body.append(f'<text x="{x_right + 6}" y="{y(n) + 4:.1f}">{escape(name[:32])}</text>')
    label = "Who cites whom: the story's outlets (left) and the sources they cite (right)"
    return Markup(f'<svg class="chart" role="img" aria-label="{escape(label)}" viewBox="0 0 '
                  f'{WIDTH} {height}" xmlns="http://www.w3.org/2000/svg"><title>'
                  f'{escape(label)}</title>{"".join(body)}</svg>')
