"""Indexes of a parsed article built once and kept with it (``doc.user_data``), for tests asked of many
tokens: spaCy's ``token.sent`` walks its sentence each time, and a chain of conjuncts is climbed from each
of its members, which is quadratic on a text the parser leaves as one long sentence or one long list.
The answers are exactly those of the walks they replace.
"""
from __future__ import annotations

from typing import Any, Callable, TypeVar

T = TypeVar("T")


def cached(doc: Any, key: str, build: Callable[[Any], T]) -> T:
    """``build(doc)``, computed on the first call for this article and kept in its ``user_data``."""
    if key not in doc.user_data:
        doc.user_data[key] = build(doc)
    return doc.user_data[key]


def sentence_starts(doc: Any) -> list[int]:
    """The index of the first token of each token's sentence, in one pass.

    >>> import spacy
    >>> sentence_starts(spacy.blank("en")("One two."))  # no sentence boundaries set: one sentence
    [0, 0, 0]
    """
    if not doc.has_annotation("SENT_START"):
        return [0] * len(doc)
    starts: list[int] = []
    for sent in doc.sents:
        starts.extend([sent.start] * len(sent))
    return starts


def sentence_ends(doc: Any) -> list[int]:
    """The index after the last token of each token's sentence, in one pass.

    >>> import spacy
    >>> sentence_ends(spacy.blank("en")("One two."))
    [3, 3, 3]
    """
    if not doc.has_annotation("SENT_START"):
        return [len(doc)] * len(doc)
    ends: list[int] = []
    for sent in doc.sents:
        ends.extend([sent.end] * len(sent))
    return ends


def sent_start(token: Any) -> int:
    """``token.sent.start``, without walking the sentence."""
    return cached(token.doc, "newsbench.sentence_starts", sentence_starts)[token.i]


def sent_end(token: Any) -> int:
    """``token.sent.end``, without walking the sentence."""
    return cached(token.doc, "newsbench.sentence_ends", sentence_ends)[token.i]


def _sentence_words(doc: Any) -> tuple[list[int], dict[int, set[str]]]:
    starts = cached(doc, "newsbench.sentence_starts", sentence_starts)
    words: dict[int, set[str]] = {}
    for tok in doc:
        words.setdefault(starts[tok.i], set()).add(tok.lower_)
    return starts, words


def sentence_words(token: Any) -> set[str]:
    """The lower-case words of a token's sentence (``{w.lower_ for w in token.sent}``); do not change it."""
    starts, words = cached(token.doc, "newsbench.sentence_words", _sentence_words)
    return words[starts[token.i]]


def _conj_roots(doc: Any) -> list[int]:
    roots = list(range(len(doc)))
    for i in range(len(doc)):
        path, seen, j = [], set(), i
        # climb until a token that is no conjunct or whose root is known (path compression keeps it linear)
        while doc[j].dep_ == "conj" and doc[j].head.i != j and roots[j] == j and j not in seen:
            path.append(j)
            seen.add(j)
            j = doc[j].head.i
        root = roots[j]
        for k in path:
            roots[k] = root
    return roots


def conj_root(token: Any) -> Any:
    """The first conjunct of the coordination a token is in (itself when it is no conjunct): the token the
    walk ``while t.dep_ == "conj" and t.head.i != t.i: t = t.head`` ends on."""
    return token.doc[cached(token.doc, "newsbench.conj_roots", _conj_roots)[token.i]]
