"""The JavaScript and CSS a map needs, read from Python packages (xstatic-leaflet, xstatic-leaflet-markercluster)
and from this package, and inlined into the page: a map never needs a CDN for its code, online or offline.

One registry: :data:`ASSETS` names every file; :func:`inline` turns names into ``<script>``/``<style>`` tags.
"""
from __future__ import annotations

import base64
import importlib.resources
import re
from functools import cache
from typing import NamedTuple

from .escape import script_safe, style_safe

__all__ = ["ASSETS", "Asset", "asset_text", "inline"]


class Asset(NamedTuple):
    kind: str  # "js" or "css"
    package: str
    path: str


ASSETS: dict[str, Asset] = {
    "leaflet_css": Asset("css", "xstatic.pkg.leaflet", "data/leaflet.css"),
    "markercluster_css": Asset("css", "xstatic.pkg.leaflet_markercluster", "data/MarkerCluster.css"),
    "markercluster_default_css": Asset("css", "xstatic.pkg.leaflet_markercluster", "data/MarkerCluster.Default.css"),
    "reportmap_css": Asset("css", "maps", "static/reportmap.css"),
    "leaflet_js": Asset("js", "xstatic.pkg.leaflet", "data/leaflet.js"),
    # folium's own templates need jQuery (``folium.Popup`` builds its content with ``$(...)``): inlined when a
    # caller adds folium elements to a rendered map (ReportMap.render)
    "jquery_js": Asset("js", "xstatic.pkg.jquery", "data/jquery.min.js"),
    "markercluster_js": Asset("js", "xstatic.pkg.leaflet_markercluster", "data/leaflet.markercluster.js"),
    "heat_js": Asset("js", "maps", "static/leaflet-heat.js"),
    "supercluster_js": Asset("js", "maps", "static/supercluster.min.js"),
    "protomaps_js": Asset("js", "maps", "static/protomaps-leaflet.js"),
    "reportmap_ui_js": Asset("js", "maps", "static/reportmap-ui.js"),
    "reportmap_time_js": Asset("js", "maps", "static/reportmap-time.js"),
    "reportmap_find_js": Asset("js", "maps", "static/reportmap-find.js"),
    "reportmap_js": Asset("js", "maps", "static/reportmap.js"),
}
#: What every event map loads, in order.
#: Clustering is supercluster's (an index over all points; only what is in view becomes markers), which stays
#: fast at 100,000 events where Leaflet.markercluster needs a marker object per event.
MAP_ASSETS = ("leaflet_css", "reportmap_css", "leaflet_js", "supercluster_js", "heat_js", "protomaps_js",
              "reportmap_ui_js", "reportmap_time_js", "reportmap_find_js", "reportmap_js")

_CSS_URL = re.compile(r"url\((['\"]?)(images/[\w.-]+\.png)\1\)")


def _data_uri(package: str, path: str) -> str:
    data = importlib.resources.files(package).joinpath(path).read_bytes()
    return "data:image/png;base64," + base64.b64encode(data).decode("ascii")


@cache
def asset_text(name: str) -> str:
    """The file's text; CSS images become data: URIs so nothing is fetched."""
    asset = ASSETS[name]
    text = importlib.resources.files(asset.package).joinpath(asset.path).read_text(encoding="utf-8")
    if asset.kind == "css":
        folder = asset.path.rsplit("/", 1)[0]
        text = _CSS_URL.sub(lambda m: f"url({_data_uri(asset.package, folder + '/' + m.group(2))})", text)
    elif name == "leaflet_js":
        files = (("iconUrl", "marker-icon.png"), ("iconRetinaUrl", "marker-icon-2x.png"),
                 ("shadowUrl", "marker-shadow.png"))
        icons = {k: _data_uri(asset.package, f"data/images/{f}") for k, f in files}
        opts = ",".join(f'{k}:"{v}"' for k, v in icons.items())
        # Leaflet looks for its marker images next to its CSS file; there is no file, so give them inline
        text += f"\nL.Icon.Default.imagePath='';L.Icon.Default.mergeOptions({{{opts}}});\n"
    return text


def inline(name: str) -> str:
    """One asset as an inline ``<script>`` or ``<style>`` element."""
    asset = ASSETS[name]
    if asset.kind == "js":
        return f'<script data-asset="{name}">{script_safe(asset_text(name))}</script>'
    css = style_safe(asset_text(name))
    return f'<style data-asset="{name}">{css}</style>'
