"""How sure the extractor is of an event, 0..1: the sum of the named parts that held for it, written once here.

A drafted event starts from its trigger (a strong trigger that is no plan, no negation, no quotation; less for an
event that only generic triggers tell) and gains
for each thing the text itself says about it: a place of its own (a town more than a province), a date of its
own, a figure or an actor, more than one sentence on it. An event placed only at the document's country and
dated only by the publication date is the weakest kind (0.4): a reader should check it first.

>>> confidence(placed=True, geo_precision=1, explicit_date=True, time_precision=1, figures=True, actors=False,
...            sentences=2)
1.0
>>> confidence(placed=False, geo_precision=3, explicit_date=False, time_precision=2, figures=False, actors=False,
...            sentences=1)
0.4
"""
from __future__ import annotations

__all__ = ["CONFIDENCE_PARTS", "confidence"]

#: part -> (weight, the example that motivated it)
CONFIDENCE_PARTS: dict[str, tuple[float, str]] = {
    "trigger": (0.4, "'an airstrike', 'protesters', 'were kidnapped': a strong trigger, not a plan or a denial"),
    "generic trigger": (0.25, "'gunmen killed 12', 'the attack': told only by a generic trigger, which says less of "
                              "what happened (on events-dev three of the five such events at 0.8 or more were wrong)"),
    "own place, town": (0.25, "'in the town of al-Rai': the sentence places it at a town (geo precision 1-2)"),
    "own place, province": (0.1, "'in the northern Idlib province': only at a province (geo precision 3)"),
    "own date, day": (0.15, "'on Monday', 'on Sept. 19': the day is stated (time precision 1)"),
    "own date, vaguer": (0.05, "'last week', 'since the truce broke down'"),
    "figure": (0.1, "'killed at least 15': a casualty figure"),
    "actor": (0.05, "'Turkey-backed Syrian rebels': who acted"),
    "several sentences": (0.1, "the article comes back to it ('the bombing', 'the attack')"),
}


def confidence(*, placed: bool, geo_precision: int, explicit_date: bool, time_precision: int, figures: bool,
               actors: bool, sentences: int, generic: bool = False) -> float:
    """The sum of the parts that hold (at most 1), rounded to two decimals."""
    parts = ["generic trigger" if generic else "trigger"]
    if placed:
        parts.append("own place, town" if geo_precision < 3 else "own place, province")
    if explicit_date:
        parts.append("own date, day" if time_precision == 1 else "own date, vaguer")
    if figures:
        parts.append("figure")
    if actors:
        parts.append("actor")
    if sentences > 1:
        parts.append("several sentences")
    return round(min(1.0, sum(CONFIDENCE_PARTS[p][0] for p in parts)), 2)
