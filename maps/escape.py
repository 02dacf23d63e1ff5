"""The one place text is made safe for the page (folium/branca's habit): every string that reaches HTML, an
attribute, or a ``<script>`` element goes through one of these.

>>> json_for_script({"name": "</script><b>"})
'{"name":"\\\\u003c/script\\\\u003e\\\\u003cb\\\\u003e"}'
>>> html_text('<a href="x">')
'&lt;a href=&quot;x&quot;&gt;'
"""
from __future__ import annotations

import html
import json
import re
from typing import Any

__all__ = ["html_text", "json_for_script", "script_json_text", "script_safe", "style_safe"]


def json_for_script(value: Any) -> str:
    """Compact JSON that can sit inside a ``<script>`` element (``<``, ``>``, ``&`` and the JavaScript line
    separators U+2028/2029 escaped), so no string in it can end the element or start markup."""
    return script_json_text(json.dumps(value, ensure_ascii=False, separators=(",", ":")))


def script_json_text(text: str) -> str:
    """JSON text made safe for a ``<script>`` element, as :func:`json_for_script` does."""
    return (text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


def script_safe(text: str) -> str:
    """JavaScript source (a vendored library) that cannot end the ``<script>`` element it sits in."""
    return re.sub(r"</(script)", r"<\\/\1", text, flags=re.IGNORECASE).replace("<!--", "<\\!--")


def style_safe(css: str) -> str:
    """A stylesheet that cannot end the ``<style>`` element it sits in."""
    return css.replace("</", "<\\/")


def html_text(text: str) -> str:
    """Text for HTML content or a quoted attribute."""
    return html.escape(text, quote=True)
