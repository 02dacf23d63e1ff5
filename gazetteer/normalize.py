"""One normalisation for indexing and for lookup.

``normalize(name)`` turns any spelling of a place name into the key the store is indexed by. The recogniser
builds keys for runs of words with :func:`word_keys` and :func:`key_from_words`, the same two steps
``normalize`` takes, so that indexing and lookup can never drift apart.

What it folds together:
- case and diacritics (``Dābiq`` = ``Dabiq``), letters NFKD does not split (``ø``, ``ł``, ``ß``, ``æ``);
- ayn and hamza marks and apostrophes inside words (``Ra'i`` = ``Ra`i`` = ``Raʿi`` = ``Rai``);
- hyphens, dots and other punctuation (``U.S.`` = ``US``, ``al-Rai`` = ``al Rai``);
- Arabic articles before a word (``al-``, ``ar-``, ``el-``, ``as-``, ...: ``al-Rai`` = ``Ar Ra'i`` = ``Rai``);
- a leading English ``the`` and a trailing designator (``province``, ``governorate``, ``city``, ...), as long
  as a word remains;
- Arabic script variants (alef forms, ta marbuta, alef maqsura, tatweel, the article ``ال``) and Cyrillic ``ё``.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

__all__ = [
    "ARTICLES",
    "DESIGNATORS",
    "designator",
    "is_abbreviation",
    "key_from_words",
    "normalize",
    "split_words",
    "word_key",
    "word_keys",
]

#: Arabic articles as they are transliterated; dropped when another word follows.
ARTICLES = frozenset({"al", "el", "ar", "as", "ad", "an", "at", "az", "ash", "ath", "adh", "ed", "es", "er", "ez",
                      "ul", "il"})
#: Words naming the kind of place; dropped at the end of a name (``Idlib province`` -> ``idlib``).
DESIGNATORS: dict[str, str] = {
    "province": "A", "governorate": "A", "state": "A", "region": "A", "oblast": "A", "prefecture": "A",
    "territory": "A", "county": "A", "district": "A", "parish": "A", "wilayah": "A", "muhafazah": "A",
    "city": "P", "town": "P", "village": "P", "municipality": "P",
}
_MARKS = "'’‘`´ʿʾʻʼʹʽ\u02bf\u02be"
_FOLD = str.maketrans({"ø": "o", "ł": "l", "đ": "d", "ð": "d", "þ": "th", "æ": "ae", "œ": "oe", "ı": "i",
                       "ħ": "h", "ŧ": "t", "ŀ": "l", "ё": "е",
                       # Arabic script: alef variants, ta marbuta, alef maqsura, tatweel
                       "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ة": "ه", "ى": "ي", "ـ": None,
                       **{m: None for m in _MARKS}})
_SPLIT = re.compile(r"[^\w]+|_+")
_NOT_ALNUM_ASCII = re.compile(r"[^0-9a-z]+")
_DROP_IN_WORDS = str.maketrans({**{m: None for m in _MARKS}, ".": None})


def word_key(word: str) -> str:
    """Normalise one word: fold case, diacritics, marks and script variants; drop everything not a letter."""
    return _word_key(word)


@lru_cache(maxsize=1 << 18)
def _word_key(word: str) -> str:
    if word.isascii():
        return _NOT_ALNUM_ASCII.sub("", word.lower())
    folded = unicodedata.normalize("NFKD", word.casefold().translate(_FOLD))
    kept = "".join(ch for ch in folded if not unicodedata.combining(ch))
    kept = unicodedata.normalize("NFC", kept).translate(_FOLD)
    kept = "".join(ch for ch in kept if ch.isalnum())
    if len(kept) > 3 and kept.startswith("ال"):  # Arabic article written in Arabic script
        kept = kept[2:]
    return kept


def split_words(name: str) -> list[str]:
    """The words of a name: runs between whitespace and punctuation, marks inside words kept for word_key."""
    return [w for w in _SPLIT.split(name.translate(_DROP_IN_WORDS)) if w]


def word_keys(name: str) -> list[str]:
    """Normalised words of a name, empty words removed."""
    return [k for k in (word_key(w) for w in split_words(name)) if k]


def key_from_words(words: list[str] | tuple[str, ...]) -> str:
    """Join normalised words into a lookup key: drop articles, a leading ``the`` and a trailing designator."""
    kept = [w for i, w in enumerate(words) if not (w in ARTICLES and i + 1 < len(words))]
    if len(kept) > 1 and kept[0] == "the":
        kept = kept[1:]
    if len(kept) > 1 and kept[-1] in DESIGNATORS:
        kept = kept[:-1]
    return " ".join(kept)


def normalize(name: str) -> str:
    """The lookup key of a place name; ``""`` when nothing name-like is left."""
    return key_from_words(word_keys(name))


def designator(name: str) -> str | None:
    """The feature class a trailing designator asks for (``A`` for ``province``, ``P`` for ``town``), if any."""
    words = word_keys(name)
    if len(words) > 1 and words[-1] in DESIGNATORS:
        return DESIGNATORS[words[-1]]
    return None


@lru_cache(maxsize=1 << 16)
def is_abbreviation(form: str) -> bool:
    """True for forms written as abbreviations: ``US``, ``U.S.``, ``UK``, ``NSW``, ``B.C.``, ``Ky.``."""
    letters = [ch for ch in form if ch.isalpha()]
    if not letters or len(letters) > 5:
        return False
    if "." in form:
        return True
    return all(ch.isupper() for ch in letters) and len(letters) <= 4
