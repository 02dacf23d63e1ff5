"""Records in and out: safe reading of inputs (``io``), the format registry every choice list, suffix check,
reader and writer reads (``registry``), events as tables and files (``events``), place mentions (``places``).
"""
from __future__ import annotations
