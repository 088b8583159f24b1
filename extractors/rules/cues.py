"""Reporting cues and event triggers for the ``rules`` extractor: which lower-case words are which,
the one pattern that finds them all, and the scan of an article for them."""
from __future__ import annotations

import re
from typing import Any, Iterable

from extractors.rules.patterns import HEADLINE_CUE_RE
from extractors.rules.quotes_v4 import weak_cue_spans
from extractors.shared.lexicon import WEAK_REPORTING_LEMMAS
from extractors.shared.lookups import Lexicons
from extractors.shared.profile import V1, Profile

# Cues and event triggers are whole lower-case words: not next to a letter, digit, apostrophe or hyphen.
_WORD_BEFORE, _WORD_AFTER = r"(?<![\w’'-])", r"(?![\w’'-])"

# A word's role: (is a cue, or None for "according"; (lemma, EventType) if a trigger).
Role = tuple[bool | None, tuple[str, str] | None]


class RuleLexicons(Lexicons):
    """The shared lexicons plus what the ``rules`` extractor derives from them, built once."""

    def __init__(self, min_population: int, profile: Profile = V1):
        super().__init__(min_population, profile)
        self.word_roles = _word_roles(self.reporting, self.event_verbs, self.event_nouns, self.weak_lemmas)
        # One pattern for every word with a role, as a letter tree: the engine rejects the other words
        # in C, which is several times faster than matching every word and looking it up.
        self.role_re = re.compile(
            _WORD_BEFORE + word_tree(w for w in self.word_roles if w.isascii() and w.replace("-", "").isalpha() and w.islower())
            + _WORD_AFTER
        )
        # Words that end a capitalised name in a headline: reporting verbs and event words.
        self.headline_breaks = frozenset(self.reporting) | frozenset(self.event_verbs) | frozenset(self.event_nouns)


def is_cue(lex: Lexicons, text: str, word: str, start: int | None = None) -> bool:
    """A reporting verb; capitalised only after a comma, as in a headline's "..., Says X"."""
    lemma = lex.reporting.get(word.lower())
    if lemma is None or lemma in WEAK_REPORTING_LEMMAS:
        return False
    return word[:1].islower() or (start is not None and text[max(0, start - 2):start] == ", ")


def scan_words(lex: RuleLexicons, text: str) -> tuple[list[tuple[int, int]], list[tuple[int, int, tuple[str, str]]]]:
    """One pass over the lower-case words: the spans of reporting cues (sorted) and the event triggers
    with their (lemma, EventType)."""
    cues: list[tuple[int, int]] = []
    triggers: list[tuple[int, int, tuple[str, str]]] = []
    roles = lex.word_roles
    noun_cue_check = lex.profile.quotes
    for m in lex.role_re.finditer(text):
        cue, trigger = roles[m.group()]
        if cue and noun_cue_check and text[max(0, m.start() - 4):m.start()].lower() in ("the ", " an ", "a "):
            cue = False  # "the recount", "a claim": a noun, not a reporting verb
        if cue:
            cues.append(m.span())
        elif cue is None and text.startswith(" to", m.end()):  # "according to"
            cues.append((m.start(), m.end() + 3))
        if trigger is not None:
            triggers.append((m.start(), m.end(), trigger))
    if lex.profile.weak_cues:  # "wrote on social media that", "called the plan “...”"
        cues = list(set(cues) | set(weak_cue_spans(text)))
    for m in HEADLINE_CUE_RE.finditer(text):  # "..., Says X"
        if is_cue(lex, text, m.group(1), m.start(1)):
            cues.append((m.start(1), m.end(1)))
    cues.sort()
    return cues, triggers


def _word_roles(
    reporting: dict[str, str], verbs: dict[str, tuple[str, str]], nouns: dict[str, tuple[str, str]],
    weak: frozenset[str],
) -> dict[str, Role]:
    """For every lower-case word that is a cue or an event trigger: (is a cue, trigger lemma and type).

    The cue flag is None for "according", a cue only when "to" follows.
    """
    roles: dict[str, Role] = {}
    for word in {*reporting, *verbs, *nouns, "according"}:
        lemma = reporting.get(word)
        cue: bool | None = lemma is not None and lemma not in WEAK_REPORTING_LEMMAS
        if not cue and word == "according":
            cue = None
        hit = verbs.get(word) or nouns.get(word)
        trigger = hit if hit is not None and hit[0] not in weak else None
        if cue is not False or trigger is not None:
            roles[word] = (cue, trigger)
    return roles


def word_tree(words: Iterable[str]) -> str:
    """A regular expression matching exactly ``words``, written as a tree of shared prefixes.

    The standard ``re`` engine tries alternatives one by one; as a tree, a position that starts no
    word is rejected after one character test, whatever the number of words.

    >>> word_tree(["say", "said", "says", "tell"])
    '(?:sa(?:id|y(?:s)?)|tell)'
    >>> re.fullmatch(word_tree(["say", "says"]), "says") is not None, word_tree([])
    (True, '(?!)')
    """
    tree: dict[str, Any] = {}
    for word in words:
        node = tree
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def render(node: dict[str, Any]) -> str:
        branches = []
        for char in sorted(c for c in node if c):
            # a chain without branches is one literal: "tell", not "t(?:e(?:l(?:l)))"
            chain, child = char, node[char]
            while len(child) == 1 and "" not in child:
                (nxt, child), = child.items()
                chain += nxt
            branches.append(re.escape(chain) + render(child))
        if not branches:
            return ""
        group = "(?:" + "|".join(branches) + ")"
        return group + "?" if "" in node else group

    return render(tree) or "(?!)"
