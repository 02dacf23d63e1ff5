"""Maps inside other pages: a fragment to paste (a ``<div>`` and scoped scripts; many per page), or an
``<iframe srcdoc>`` snippet. Both carry their Leaflet code inline, loaded once per page however many maps it has.
"""
from __future__ import annotations

import json
import re
from typing import Any

from .assets import ASSETS, MAP_ASSETS, asset_text
from .escape import html_text, script_safe

__all__ = ["to_fragment", "to_iframe"]

_GUARDS = {
    "leaflet_js": "!window.L",
    "supercluster_js": "!window.Supercluster",
    "heat_js": "!(window.L && window.L.heatLayer)",
    "protomaps_js": "!window.protomapsL",
    "reportmap_ui_js": "!(window.ReportMap && window.ReportMap.collapsible)",
    "reportmap_time_js": "!(window.ReportMap && window.ReportMap.timeWindow)",
    "reportmap_find_js": "!(window.ReportMap && window.ReportMap.findControl)",
    "reportmap_js": "!(window.ReportMap && window.ReportMap.version)",
}
_SIZE = re.compile(r"^\d+(\.\d+)?(px|%|vh|vw|em|rem)$")


def _size(value: str | int, what: str) -> str:
    text = f"{value}px" if isinstance(value, int) else str(value).strip()
    if not _SIZE.match(text):
        raise ValueError(f"{what} {value!r} is not a CSS size such as 480px or 100%")
    return text


def _page_parts(m: Any) -> tuple[str, str, str]:
    """The ``<body>`` content, the map script and what follows it (a packed map's evidence texts) of a rendered
    folium page. No ``</script`` occurs inside a script of the page (maps.escape.script_safe)."""
    page = m.get_root().render()
    body = page[page.index("<body>") + len("<body>"):page.rindex("</body>")]
    tail = page[page.rindex("</body>"):]
    start = tail.index("<script>") + len("<script>")
    end = tail.index("</script>", start)
    return body, tail[start:end], tail[end + len("</script>"):tail.rindex("</html>")].strip()


def _asset_loader() -> str:
    """One script that adds each stylesheet and library to the page unless an earlier map already did."""
    parts = []
    for name in MAP_ASSETS:
        asset = ASSETS[name]
        if asset.kind == "css":
            parts.append(f"if(!document.getElementById('reportmap-{name}')){{var s=document.createElement('style');"
                         f"s.id='reportmap-{name}';s.textContent={json.dumps(asset_text(name))};"
                         "document.head.appendChild(s);}")
        else:
            parts.append(f"if({_GUARDS[name]}){{\n{asset_text(name)}\n}}")
    return "<script>" + script_safe("\n".join(parts)) + "</script>"


def to_fragment(m: Any, *, height: str | int = "480px", width: str | int = "100%") -> str:
    """HTML to paste into a page: the map's ``<div>``, its data, and scripts that define nothing global except
    Leaflet itself (``L``), ``Supercluster``, ``protomapsL`` and ``ReportMap`` (added once, whoever comes first)."""
    height_css, width_css = _size(height, "height"), _size(width, "width")
    body, script, after = _page_parts(m)
    name = m.get_name()
    style = (f"<style>#{name}{{position:relative;width:{width_css};height:{height_css};}}"
             f"#{name}.leaflet-container{{font-size:1rem;}}</style>")
    after = after + "\n" if after else ""  # a packed map's evidence texts, after the script that draws the map
    return (f"<!-- reportmap fragment: paste anywhere in a page; several work side by side -->\n"
            f"<div class=\"reportmap-embed\">\n{_asset_loader()}\n{style}\n{body.strip()}\n"
            f"<script>(function () {{\n{script}\n}}());</script>\n{after}</div>\n")


def to_iframe(m: Any, *, height: str | int = "480px", width: str | int = "100%", title: str | None = None) -> str:
    """An ``<iframe>`` whose ``srcdoc`` is the whole map page, escaped once for the attribute."""
    height_css, width_css = _size(height, "height"), _size(width, "width")
    page = m.get_root().render()
    label = html_text(title or "Map of reported events")
    return (f'<iframe title="{label}" srcdoc="{html_text(page)}" '
            f'style="width:{width_css};height:{height_css};border:0" loading="lazy" '
            f'sandbox="allow-scripts allow-popups allow-popups-to-escape-sandbox"></iframe>\n')
