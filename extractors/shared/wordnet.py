"""WordNet 3.0 as a general resource for the offline extractors: the senses of an English noun or verb,
each sense's lexicographer file ("noun.person", "verb.motion"), its hypernyms and the senses of the
other part of speech it derives from or to ("closure" -> "close").

The tables (``data/wordnet_*.tsv``) are written from the whole of WordNet by general criteria, never
from an article, by :mod:`extractors.shared.wordnet_build`; reading them takes about 0.3 s and no
WordNet package. A word is looked up as WordNet's morphy does: the irregular forms first ("children"),
then its detachment rules ("layoffs" -> "layoff", "sacked" -> "sack").

>>> senses("children", "n")[0], lexname(senses("children", "n")[0])
('child.n.01', 'noun.person')
>>> is_kind("evacuated", "v", frozenset({"move.v.04"}))
True
"""
from __future__ import annotations

from functools import lru_cache
from importlib import resources
from typing import Literal

Pos = Literal["n", "v"]
# WordNet's morphy rules: an inflected ending and what replaces it (its documented detachment rules).
_DETACH: dict[str, tuple[tuple[str, str], ...]] = {
    "n": (("s", ""), ("ses", "s"), ("xes", "x"), ("zes", "z"), ("ches", "ch"), ("shes", "sh"), ("men", "man"),
          ("ies", "y")),
    "v": (("s", ""), ("ies", "y"), ("es", "e"), ("es", ""), ("ed", "e"), ("ed", ""), ("ing", "e"), ("ing", "")),
}


def _rows(name: str) -> list[list[str]]:
    text = resources.files("extractors.shared").joinpath(f"data/{name}").read_text(encoding="utf-8")
    return [line.split("\t") for line in text.splitlines() if line and not line.startswith("#")]


@lru_cache(maxsize=1)
def _lemmas() -> dict[tuple[str, str], tuple[str, ...]]:
    return {(pos, lemma): tuple(senses.split(",")) for pos, lemma, senses in _rows("wordnet_lemmas.tsv")}


@lru_cache(maxsize=1)
def _forms() -> dict[tuple[str, str], str]:
    return {(pos, form): lemma for pos, form, lemma in _rows("wordnet_forms.tsv")}


@lru_cache(maxsize=1)
def _synsets() -> dict[str, tuple[str, tuple[str, ...], tuple[str, ...]]]:
    def split(field: str) -> tuple[str, ...]:
        return tuple(field.split(",")) if field else ()

    return {name: (lex, split(up), split(rel)) for name, lex, up, rel in _rows("wordnet_synsets.tsv")}


def lemma_of(word: str, pos: Pos) -> str | None:
    """The listed lemma of a word form, by WordNet's morphy: the word itself, its irregular form, then
    one detachment rule.

    >>> lemma_of("Layoffs", "n"), lemma_of("sacked", "v"), lemma_of("went", "v"), lemma_of("qwzx", "n")
    ('layoff', 'sack', 'go', None)
    """
    word = word.lower()
    if (pos, word) in _lemmas():
        return word
    if (pos, word) in _forms():
        return _forms()[pos, word]
    for ending, replacement in _DETACH[pos]:
        if word.endswith(ending) and (pos, base := word[: len(word) - len(ending)] + replacement) in _lemmas():
            return base
    return None


def senses(word: str, pos: Pos) -> tuple[str, ...]:
    """The synset names of a word's first senses, most frequent first (empty when it is not listed).

    >>> senses("sacked", "v")[:2]
    ('sack.v.01', 'displace.v.03')
    """
    lemma = lemma_of(word, pos)
    return () if lemma is None else _lemmas()[pos, lemma]


def lexname(synset: str) -> str:
    """The lexicographer file of a listed synset.

    >>> lexname("sack.v.01")
    'verb.possession'
    """
    return _synsets()[synset][0]


@lru_cache(maxsize=65536)
def ancestors(synset: str) -> frozenset[str]:
    """The synset and every hypernym above it (instance hypernyms included).

    >>> "organization.n.01" in ancestors("company.n.01")
    True
    """
    _, parents, _ = _synsets()[synset]
    return frozenset({synset}).union(*(ancestors(p) for p in parents if p in _synsets()))


def related(synset: str) -> tuple[str, ...]:
    """The synsets of the other part of speech that the synset's words derive from or to.

    >>> related("layoff.n.01")
    ('furlough.v.01',)
    """
    return _synsets()[synset][2]


def is_kind(word: str, pos: Pos, roots: frozenset[str], first: int = 1) -> bool:
    """Whether one of the word's ``first`` senses is one of ``roots`` or below one of them.

    >>> people = frozenset({"person.n.01", "people.n.01"})
    >>> is_kind("residents", "n", people), is_kind("hospital", "n", people)
    (True, False)
    """
    return any(ancestors(s) & roots for s in senses(word, pos)[:first])


def synset_names() -> tuple[str, ...]:
    """The names of every listed synset (both parts of speech), e.g. to count the kinds below a class.

    >>> "person.n.01" in synset_names()
    True
    """
    return tuple(_synsets())
