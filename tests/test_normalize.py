"""Normalisation: one function for indexing and lookup."""
from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gazetteer import designator, is_abbreviation, normalize
from gazetteer.normalize import key_from_words, word_keys


@pytest.mark.parametrize("variant",
                         ["al-Rai", "Ar Ra'i", "Ar Ra`i", "ar-Rai", "Al Rai", "Ar Rā‘ī", "AR RAʿI", "el-Rai"])
def test_arabic_transliteration_variants_share_a_key(variant: str) -> None:
    assert normalize(variant) == "rai"


@pytest.mark.parametrize(("name", "key"), [
    ("Dābiq", "dabiq"), ("U.S.", "us"), ("The Hague", "hague"), ("Idlib province", "idlib"),
    ("Aleppo Governorate", "aleppo"), ("Mexico City", "mexico"), ("Deir ez-Zor", "deir zor"),
    ("Nghe An", "nghe an"), ("São Paulo", "sao paulo"), ("Łódź", "lodz"), ("Москва", "москва"),
    ("Ёлки", "елки"), ("Province", "province"), ("the", "the"),
])
def test_examples(name: str, key: str) -> None:
    assert normalize(name) == key


def test_arabic_script_folding() -> None:
    assert normalize("دابق") == normalize("دابق")
    assert normalize("الرقة") == normalize("رقه")  # article, ta marbuta
    assert normalize("إدلب") == normalize("ادلب")  # hamza on alef


def test_designator() -> None:
    assert designator("Idlib province") == "A"
    assert designator("the town of") is None
    assert designator("Kansas City") == "P"
    assert designator("Aleppo") is None


@pytest.mark.parametrize(("form", "abbr"), [("US", True), ("U.S.", True), ("Ky.", True), ("NSW", True),
                                            ("Us", False), ("Aleppo", False), ("WASHINGTON", False)])
def test_is_abbreviation(form: str, abbr: bool) -> None:
    assert is_abbreviation(form) is abbr


names = st.text(alphabet=st.characters(categories=["L", "Zs", "Pd", "Po"]), max_size=30)


@given(names)
def test_surrounding_space_and_punctuation_do_not_matter(name: str) -> None:
    assert normalize(f"  {name} , ") == normalize(name)
    assert normalize(name.replace("-", " ")) == normalize(name)


@given(st.text(alphabet="abcdefghijklmnopqrstuvwxyz ", min_size=1, max_size=30))
def test_case_insensitive(name: str) -> None:
    assert normalize(name.upper()) == normalize(name) == normalize(name.title())


@given(st.text(alphabet="aeiouncs ", min_size=1, max_size=20))
def test_diacritics_do_not_matter(name: str) -> None:
    accented = "".join(ch + "\u0301" if ch in "aeiou" else ch + "\u0327" if ch in "cs" else ch for ch in name)
    assert normalize(unicodedata.normalize("NFC", accented)) == normalize(name)


@given(st.lists(st.sampled_from(["al", "aleppo", "rai", "province", "the", "city", "sham"]), min_size=1,
                max_size=5))
def test_key_from_words_matches_normalize(words: list[str]) -> None:
    assert key_from_words(word_keys(" ".join(words))) == normalize(" ".join(words))


_LAT = st.floats(min_value=-89.9, max_value=89.9, allow_nan=False)
_LON = st.floats(min_value=-180.0, max_value=180.0, allow_nan=False)


@given(_LAT, _LON, st.lists(st.tuples(_LAT, _LON), min_size=1, max_size=5))
def test_nearest_km_is_the_shared_distance(lat: float, lon: float, points: list[tuple[float, float]]) -> None:
    from gazetteer.distance import distance_km, nearest_km

    assert nearest_km(lat, lon, points) == pytest.approx(min(distance_km(lat, lon, a, b) for a, b in points),
                                                         abs=1e-6, rel=1e-9)
