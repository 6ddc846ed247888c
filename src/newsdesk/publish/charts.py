"""Charts for the report as inline SVG, drawn by a library (pygal), never fetched.

pygal writes an SVG with its style inline; the tooltip script it adds (and its comments with
the date of drawing) are removed, so the report stays script-free — its Content Security
Policy forbids scripts anyway — and the same dossier gives the same file. The chart carries
only dates and counts the dossier computed, no page text.
"""

from __future__ import annotations

import re
from typing import Any

import pygal
from markupsafe import Markup

_SCRIPT = re.compile(r"<script\b.*?</script>", re.DOTALL | re.IGNORECASE)
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
# Dates drawn at most: a timeline longer than this shows its most important dates.
MAX_BARS = 40


def timeline_svg(entries: list[dict[str, Any]]) -> Markup:
    """Bars, one per timeline date in date order, as tall as the number of articles
    supporting it; an empty Markup when there is nothing to draw."""
    if not entries:
        return Markup("")
    shown = sorted(entries[:MAX_BARS], key=lambda e: e["date"]["start"])
    chart = pygal.Bar(js=[], disable_xml_declaration=True, no_prefix=True, height=240,
                      width=900, show_legend=False, x_label_rotation=35,
                      title="Articles supporting each date", print_values=False)
    chart.x_labels = [str(e["date"]["value"]) for e in shown]
    chart.add("articles", [int(e.get("sources", 0)) for e in shown])
    svg = chart.render(is_unicode=True)
    svg = _COMMENT.sub("", _SCRIPT.sub("", svg)).replace(' id=""', '', 1)
    return Markup(svg.replace("<svg ", '<svg role="img" aria-label="Articles supporting '
                              'each date of the timeline" ', 1))
