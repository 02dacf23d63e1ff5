"""Text in capitals (wire copy) is read as mixed case: the same places as the mixed-case text, original surfaces."""
from __future__ import annotations

import importlib.resources

from hypothesis import given
from hypothesis import strategies as st

from gazetteer import Gazetteer
from geo import parse_places
from geo.places.truecase import in_sorted_lines, is_english_word, is_shouting, names_to_keep, truecase

MIXED = ("Aleppo, Syria -- Government troops clashed with rebels near al-Rai on Monday, and the army said "
         "it held the road to Damascus. Officials in Paris, Texas and in the United States said nothing. The "
         "police arrested a man who said he was from Mobile.")


def _places(text: str, gaz: Gazetteer) -> list[tuple[int, int, str]]:
    return [(m.start, m.end, m.place.name) for m in parse_places(text, gazetteer=gaz) if m.place is not None]


def test_capitals_give_the_places_of_mixed_case(tiny_gaz: Gazetteer) -> None:
    shouted = MIXED.upper()
    assert is_shouting(shouted) and not is_shouting(MIXED)
    assert _places(shouted, tiny_gaz) == _places(MIXED, tiny_gaz)
    surfaces = [m.text for m in parse_places(shouted, gazetteer=tiny_gaz)]
    assert "DAMASCUS" in surfaces and "UNITED STATES" in surfaces  # as the wire wrote them


def test_truecase_keeps_offsets_and_names(tiny_gaz: Gazetteer) -> None:
    text = "SAN SALVADOR, 3 JAN 90 -- POLICE SAID A RIFLE WAS FOUND IN THE UNITED STATES AND IN ALEPPO."
    cased = truecase(text, keep=names_to_keep(text, tiny_gaz))
    assert len(cased) == len(text) and cased.lower() == text.lower()
    assert cased.startswith("SAN SALVADOR, 3 JAN 90 --")  # the dateline as the wire wrote it
    assert "-- Police said a rifle was found in the United States and in Aleppo." in cased


def test_special_letters_keep_their_length() -> None:
    text = "İSTANBUL AND ŞANLIURFA WERE HIT BY SHELLS, OFFICIALS SAID ON MONDAY NIGHT."
    assert len(truecase(text, keep=set())) == len(text)


def test_a_word_keeps_its_capitals_only_where_its_country_is_named(gaz: Gazetteer) -> None:
    # Malé (the Maldives), Çan (Turkey), Caen ("Can") and Durg ("Drug") are places; in a story from Bogota that
    # names neither country they are words, while Bogota (a city of millions) and Colombia stay names
    text = ("BOGOTA, 30 MAY 89 -- TWO CHILDREN AND ONE ADULT MALE ARE IN SERIOUS CONDITION AFTER A BOMB EXPLODED "
            "AT A DRUG STORE IN BOGOTA, COLOMBIA. NOBODY CAN SAY WHO PLANTED IT.")
    cased = truecase(text, keep=names_to_keep(text, gaz))
    assert "one adult male are" in cased and "a drug store in Bogota, Colombia" in cased and "Nobody can say" in cased
    assert {m.place.country_code for m in parse_places(text, gazetteer=gaz) if m.place} == {"CO"}
    maldives = "MALE, MALDIVES, 3 JAN 90 -- POLICE SAID A BOMB WAS FOUND IN MALE AND IN THE MALDIVES."
    assert "in Male and" in truecase(maldives, keep=names_to_keep(maldives, gaz))


def test_every_surname_of_a_person_is_no_place(gaz: Gazetteer) -> None:
    text = ("LIMA, 11 JAN 90 -- A TERRORIST ATTACK WAS MADE AGAINST FORMER DEFENSE MINISTER ENRIQUE LOPEZ "
            "ALBUJAR IN LIMA.")
    assert [m.place.name for m in parse_places(text, gazetteer=gaz) if m.place] == ["Lima", "Lima"]


def test_a_given_name_that_is_a_word_keeps_its_capital_before_a_surname() -> None:
    from geo.places import default_gazetteer, parse_places

    text = ("SAN SALVADOR, 26 SEP 89 -- THOSE WHO WERE KIDNAPPED ARE JOSE MARIA MARTINEZ, 55, FROM SPAIN, AND "
            "VICTOR RODRIGUEZ. THE VICTOR WAS HAPPY.")
    assert [m.text for m in parse_places(text, gazetteer=default_gazetteer()) if m.place] == ["SAN SALVADOR", "SPAIN"]


def test_a_capital_the_text_puts_after_in_keeps_its_capitals(gaz: Gazetteer) -> None:
    """WordNet lists Tegucigalpa (850,000 people), so it was lower-cased in a story that names no Honduras, and
    the bombing of a U.S. embassy warehouse in Tegucigalpa was placed in the United States."""
    text = ("TEGUCIGALPA, 16 APR 89 -- ONE MAN WAS KILLED WHEN AN EXPLOSIVE HE WAS ATTEMPTING TO HURL AT A U.S. "
            "EMBASSY WAREHOUSE IN TEGUCIGALPA EXPLODED. HE WAS IDENTIFIED AS MIGUEL AGUILAR OF TEGUCIGALPA.")
    cased = truecase(text, keep=names_to_keep(text, gaz))
    assert "warehouse in Tegucigalpa exploded" in cased and "Aguilar of Tegucigalpa" in cased
    # ... nor a general word after "in" (Capital District, Colombia's first-level division)
    words = "BOGOTA, 30 MAY 89 -- THE VICTIM WAS FOUND IN CAPITAL DISTRICT PARKS."
    assert "in capital district parks" in truecase(words, keep=names_to_keep(words, gaz))


_WORDS = st.text(st.sampled_from("abcdeé-"), max_size=6)


@given(st.sets(_WORDS.filter(bool), max_size=30), _WORDS)
def test_sorted_lines_search_is_membership(words: set[str], word: str) -> None:
    """The binary search over the sorted word file answers what a set of its lines would."""
    text = "".join("\n" + w for w in sorted(words)) + "\n"
    assert in_sorted_lines(text, word) == (word in words)
    for w in words:
        assert in_sorted_lines(text, w)


def test_every_word_of_the_list_is_found() -> None:
    """The packaged list is sorted and unique (what the search needs), and every word of it is found."""
    text = importlib.resources.files("geo").joinpath("data/english.txt").read_text(encoding="utf-8")
    words = [line for line in text.splitlines() if line and not line.startswith("#")]
    assert words == sorted(set(words))
    assert all(is_english_word(w) for w in words)
    known = set(words)
    assert not any(is_english_word(w + "q") for w in words[::97] if w + "q" not in known)
