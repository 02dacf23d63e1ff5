"""A document's context (:class:`Context`) and its focus, the first-level division its names share.

A local paper names Alexandria, Brandon, Kensington and Douglas County; each is a namesake of towns in a dozen
states, but only Minnesota holds all four. The focus is read from the candidates of every name, not from the
answers on priors (those would put Alexandria in Egypt and Brandon in Florida, and then agree with each other).

Each name votes once for every division that holds one of its candidates; a division the text names itself
(``Indiana`` five times) votes once per mention. The focus is the division with the most votes, when it has at
least :data:`MIN_VOTES`, leads the next by :data:`MIN_LEAD` (``Paris`` and ``Jackson`` are both in
Tennessee and in Mississippi: no focus), and lies in the country most of the document's
answers on priors lie in: world news naming London, Paris and Berlin (all three also towns in Ohio) has no
focus, because its answers on priors lie in three other countries.

>>> from gazetteer import Place
>>> def town(name, admin1, cc="US"):
...     return Place(f"{name}-{admin1}", name, 0.0, 0.0, "P", "PPL", cc, admin1)
>>> names = [Votes((town("Alexandria", "Minnesota"), town("Alexandria", "Virginia")), 1),
...          Votes((town("Brandon", "Minnesota"), town("Brandon", "Florida")), 1),
...          Votes((town("Kensington", "Minnesota"), town("Kensington", "Maryland")), 1)]
>>> document_focus(names, "US")
('US', 'Minnesota')
>>> document_focus([names[0], Votes((town("Brandon", "Virginia"), town("Brandon", "Florida")), 1)], "US")
('US', 'Virginia')
>>> document_focus(names[:1], "US") is None  # one name is not enough
True
>>> document_focus(names, "EG") is None  # the answers on priors lie elsewhere
True
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from operator import itemgetter
from typing import Any, NamedTuple

from gazetteer import Candidate, Place
from gazetteer.distance import Points, nearest_km

__all__ = [
    "CERTAINTY_FLOOR",
    "CERTAINTY_MARGIN",
    "CONTEXT_POINTS",
    "MIN_LEAD",
    "MIN_VOTES",
    "SEAT_KM",
    "SEAT_VOTES",
    "Ballot",
    "Context",
    "Votes",
    "add_votes",
    "certainty",
    "division_of",
    "document_focus",
    "focus_without",
    "tally",
]

Division = tuple[str, str]

#: The fewest votes a focus needs (two names, or one division named twice).
MIN_VOTES = 2
#: How far the focus must lead the next division.
MIN_LEAD = 1
#: The most points of other places a document's context keeps for nearness.
CONTEXT_POINTS = 12


@dataclass
class Context:
    """What the other names of a document say: their countries (weighted by certainty), the first-level
    divisions they name, points near which a namesake is likelier, and the focus."""

    countries: dict[str, float]  # country -> the names there, each weighted by its certainty (focus.certainty)
    admin1: set[tuple[str, str]]
    points: Points  # the other places' points, prepared for nearness
    divisions: dict[tuple[str, str], Place] = field(default_factory=dict)
    focus: tuple[str, str] | None = None  # (country, first-level division) the document's names share
    nations: frozenset[str] = frozenset()  # the countries the document names as countries (``France``)
    home: str | None = None  # the country the other names' answers weigh most (set with the focus)

    @classmethod
    def of(cls, winners: Iterable[tuple[Place, float]]) -> Context:
        countries: dict[str, float] = {}
        admin1: set[tuple[str, str]] = set()
        points: list[tuple[float, float]] = []
        divisions: dict[tuple[str, str], Place] = {}
        nations: set[str] = set()
        for place, count in winners:
            if place.feature_code == "PCLI":
                nations.add(place.country_code)
            if place.country_code:
                countries[place.country_code] = countries.get(place.country_code, 0.0) + count
            if place.feature_code == "ADM1":
                admin1.add((place.country_code, place.admin1 or place.name))
                divisions[(place.country_code, place.admin1 or place.name)] = place
            elif place.feature_code not in ("PCLI", "CONT", "ADM1") and len(points) < CONTEXT_POINTS:
                points.append((place.lat, place.lon))
        return cls(countries, admin1, Points(points), divisions, nations=frozenset(nations))

    def focused(self, focus: Division | None, home: str | None) -> Context:
        """The context with this focus and main country (``dataclasses.replace`` costs ten times more: the
        resolver asks once for every name in every round)."""
        return Context(self.countries, self.admin1, self.points, self.divisions, focus, self.nations, home)

    def without(self, place: Place, count: float) -> Context:
        """The context less one name's own contribution (a name does not support itself)."""
        countries = self.countries.copy()
        if place.country_code:
            countries[place.country_code] -= count
            if countries[place.country_code] <= 1e-9:
                del countries[place.country_code]
        admin1 = self.admin1 - {(place.country_code, place.admin1 or place.name)} \
            if place.feature_code == "ADM1" else self.admin1
        own = (place.lat, place.lon)
        points = self.points if own not in self.points.points else Points([p for p in self.points.points if p != own])
        divisions = {k: v for k, v in self.divisions.items() if k in admin1}
        nations = self.nations - {place.country_code} if place.feature_code == "PCLI" else self.nations
        return Context(countries, admin1, points, divisions, self.focus, nations, self.home)


class Votes(NamedTuple):
    """One name of the document: the places it could be, and how many times the text names it."""

    places: Sequence[Place]
    mentions: int
    named: Place | None = None  # the division the name is, when its answer on priors is a first-level division


def division_of(place: Place) -> Division | None:
    """(country, first-level division) a place lies in or is; None for countries and continents.

    >>> division_of(Place("1", "Huntsville", 30.7, -95.6, "P", "PPL", "US", "Texas"))
    ('US', 'Texas')
    >>> division_of(Place("2", "Texas", 31.3, -99.3, "A", "ADM1", "US", "Texas"))
    ('US', 'Texas')
    """
    if place.feature_code == "ADM1":
        return place.country_code, place.admin1 or place.name
    if place.admin1 and place.feature_code not in ("PCLI", "CONT"):
        return place.country_code, place.admin1
    return None


#: A name's votes per division (plain dictionaries, not ``Counter``: its methods run in the interpreter, and
#: compiled, a document took 7.8 % more instructions with them).
Ballot = dict[Division, int]


def _ballot(name: Votes) -> Ballot:
    """The votes of one name: one per division holding a candidate, one per mention for a division named."""
    out: Ballot = {d: 1 for d in {division_of(p) for p in name.places} if d is not None}
    if name.named is not None:
        d = division_of(name.named)
        if d is not None:
            out[d] = name.mentions
    return out


#: A town and a county the text both names, the town within this distance of the county's point (its seat, as
#: a rule), add :data:`SEAT_VOTES` each to their division: ``Paris and Henry County`` - Paris, Tennessee is the seat of
#: Henry County, Tennessee, while Paris, Kentucky lies 80 km from Kentucky's Henry County, and both names have
#: namesakes in a dozen states, so the votes alone tie.
SEAT_KM = 25.0
#: The votes a town at a named county adds to each of the two names: stronger than two names sharing a state
#: (a Minnesota paper's Douglas County and its seat Alexandria against South Dakota's namesakes of Douglas
#: County, Alexandria and Brandon, three names there).
SEAT_VOTES = 2


def _seats(names: Sequence[Votes], ballots: list[Ballot]) -> None:
    """Add the votes of towns that lie at a county the document also names (:data:`SEAT_KM`)."""
    counties: dict[Division, list[tuple[int, float, float]]] = {}
    for k, n in enumerate(names):
        for p in n.places:
            d = division_of(p) if p.feature_code == "ADM2" else None
            if d is not None:
                counties.setdefault(d, []).append((k, p.lat, p.lon))
    if not counties:
        return
    paired: set[tuple[int, int, Division]] = set()
    for k, n in enumerate(names):
        for p in n.places:
            d = division_of(p) if p.feature_class == "P" else None
            if d is None:
                continue
            for j, lat, lon in counties.get(d, ()):
                # nearest_km: the great circle inlined (geopy's, imported on first use, would cost 0.1 s once)
                if j != k and (k, j, d) not in paired and nearest_km(p.lat, p.lon, [(lat, lon)]) <= SEAT_KM:
                    paired.add((k, j, d))
                    ballots[k][d] = ballots[k].get(d, 0) + SEAT_VOTES
                    ballots[j][d] = ballots[j].get(d, 0) + SEAT_VOTES


def add_votes(into: Ballot, votes: Ballot) -> None:
    """Add ``votes`` to ``into`` (what ``Counter.update`` does).

    >>> b = {("US", "Ohio"): 1}
    >>> add_votes(b, {("US", "Ohio"): 2, ("US", "Iowa"): 1}); b
    {('US', 'Ohio'): 3, ('US', 'Iowa'): 1}
    """
    for d, n in votes.items():
        into[d] = into.get(d, 0) + n


def tally(names: Iterable[Votes]) -> tuple[Ballot, list[Ballot]]:
    """Every name's ballot (:func:`_ballot`, and the votes of towns at a county named: :data:`SEAT_KM`) and
    their sum.

    >>> def place(name, code, admin1, lat, lon):
    ...     return Place(f"{name}-{admin1}", name, lat, lon, "A" if code == "ADM2" else "P", code, "US", admin1)
    >>> paris = Votes((place("Paris", "PPLA2", "Tennessee", 36.30, -88.33), place("Paris", "PPLA2", "Kentucky",
    ...                38.21, -84.25)), 1)
    >>> henry = Votes((place("Henry County", "ADM2", "Tennessee", 36.33, -88.32),
    ...                place("Henry County", "ADM2", "Kentucky", 38.45, -85.12)), 1)
    >>> total, _ = tally([paris, henry])
    >>> total[("US", "Tennessee")], total[("US", "Kentucky")]
    (6, 2)
    """
    names = list(names)
    ballots = [_ballot(n) for n in names]
    _seats(names, ballots)
    total: Ballot = {}
    for b in ballots:
        add_votes(total, b)
    return total, ballots


def focus_without(total: Ballot, own: Ballot, country: str | None) -> Division | None:
    """The focus of the document less one name's own ballot (a name does not support itself)."""
    best: tuple[int, Division] | None = None
    second = 0
    for d, n in sorted(total.items(), key=itemgetter(1), reverse=True):  # most votes first, ties in order
        if n < second:  # no later division can beat the runner-up (votes only fall when a ballot is removed)
            break
        votes = n - own.get(d, 0)
        if best is None or votes > best[0]:
            if best is not None:
                second = max(second, best[0])
            best = (votes, d)
        else:
            second = max(second, votes)
    if best is None or best[0] < MIN_VOTES or best[0] - second < MIN_LEAD or best[1][0] != country:
        return None
    return best[1]


#: How far a name's best candidate must lead the best in another country for the name to count fully as
#: evidence of its country; ``CERTAINTY_FLOOR``: the least it counts.
CERTAINTY_MARGIN = 0.2
CERTAINTY_FLOOR = 0.1


def certainty(local: Sequence[tuple[Candidate, float, Any]]) -> float:
    """How much a name's answer on priors says about the document's country: 1 for ``London`` (the capital far
    ahead of London, Ontario), little for ``Richmond`` (Virginia's 230,000 people barely ahead of Richmond,
    London's 21,000), so that five mentions of Richmond do not pull London to Kentucky."""
    best = local[0]
    other = next((fit for c, fit, _ in local[1:] if c.place.country_code != best[0].place.country_code), None)
    if other is None:
        return 1.0
    return max(CERTAINTY_FLOOR, min(1.0, (best[1] - other) / CERTAINTY_MARGIN))


def document_focus(names: Sequence[Votes], country: str | None) -> Division | None:
    """The division most of ``names`` share (see the module's docstring); ``country``: where most answers on
    priors lie."""
    total, _ = tally(names)
    return focus_without(total, {}, country)
