"""Version 8, round 2, of the ``rules`` extractor's actors (switch ``class_bodies``): an organisation named
by a common noun of WordNet's class of organisations (:func:`extractors.shared.bodies_v8b.is_body_noun`),
read from the text around it as :mod:`extractors.spacy_pipeline.actors_v8b` reads it from the parse
(guidelines 1.1, 1.4; 1: a description is a mention of the actor it refers to):

* "the" + the bare noun refers back: to the body of the same noun found before, else to the nearest named
  organisation whose subtype is a kind the noun names ("the squad" a team, "the processor" a company), a
  business noun failing that to the nearest name of two words or more of no kind; none found: left alone;
* a noun with a modifier of its own ("the state power utility"), after a possessive ("its directorate") or
  an indefinite one opening its clause ("A consortium won ...") is a body of its own, one per noun.

Not taken: a span another mention holds, a predicate or appositive ("is a consortium", ", a consortium"),
a class reading ("the largest union", "one of the ..."; 5 z), a capitalised modifier (a name's word), a
unit with an of-phrase or a body noun before it (5 l 4), a noun that modifies another ("the coalition
talks").
"""
from __future__ import annotations

import re
from typing import Any

from extractors.rules.org_nominals import named_orgs
from extractors.shared.bodies_v8b import body_kinds, is_body_noun, is_unit_noun
from extractors.shared.nominals_v8 import _COPULA_RE, _ONE_OF_RE, _phrase_ends, sentence_start
from extractors.shared.textscan import Overlaps
from extractors.shared.wordnet import lemma_of

# A determiner; after it, up to two lower-case modifiers (no function word) and a lower-case noun.
_DET_RE = re.compile(r"(?<![\w’'-])([Tt]he|[Aa]n?|[Ii]ts|[Tt]heir)[ \t]+")
_FUNCTION_WORDS = frozenset("the a an of and or to in for its their that this with by on at".split())
_NEXT_WORD_RE = re.compile(r"[ \t]*([A-Za-z][\w-]*)")
# After the noun: a comma and a capitalised word (a descriptor before its name: "A medical charity, X,"; 1.4).
_NAME_NEXT_RE = re.compile(r"[ \t]*,[ \t]+[A-Z]")
# Before the determiner: "as" or a comma (a predicate or an appositive of what precedes).
_PREDICATE_BEFORE_RE = re.compile(r"(?:\bas|,)[ \t]*$")
# How far back (characters) a definite noun looks for its organisation's name (as version 5's).
REACH = 3000


def class_body_records(text: str, records: list[tuple[dict[str, Any], bool]], taken: list[tuple[int, int]]
                       ) -> list[tuple[dict[str, Any], bool]]:
    """``records`` with each noun of a body given to the organisation it refers back to, or to an ``ORG``
    actor of its own (one per noun), where no mention in ``taken`` holds its span."""
    spans = Overlaps(taken)
    named = named_orgs([a for a, _ in records])
    new: dict[str, dict[str, Any]] = {}
    for d in _DET_RE.finditer(text):
        found = _noun_after(text, d.end())
        if found is None:
            continue
        det, (mods, noun, start, end) = d.group(1).lower(), found
        if spans.any(start, end) or not _is_body(text, d.start(), end, noun, mods):
            continue
        actor = new.get(noun)
        if actor is None and det == "the" and not mods:
            actor = _referent(noun, start, named)
            if actor is None:
                continue  # "the federation" refers back to a body that was not found
        if actor is None and det in ("a", "an") and not sentence_start(text, d.start()):
            continue  # "a deal with a private processor": often one named elsewhere; only a clause's opener
        if actor is None:
            actor = new.setdefault(noun, {"id": f"a{len(records) + len(new) + 1}", "name": noun, "type": "ORG",
                                          "mentions": []})
        actor["mentions"].append({"start": start, "end": end, "text": noun, "kind": "nominal"})
        actor["mentions"].sort(key=lambda x: (x["start"], x["end"]))
    return records + [(a, False) for a in new.values()]


def _noun_after(text: str, pos: int) -> tuple[list[str], str, int, int] | None:
    """(modifiers, noun, start, end) of the first noun of the class among the three lower-case words from
    ``pos`` (none of those before it a function word), or None."""
    mods: list[str] = []
    for _ in range(3):
        m = re.compile(r"[a-z][\w-]*").match(text, pos)
        if m is None or m.group() in _FUNCTION_WORDS:
            return None
        if is_body_noun(m.group()):
            return mods, m.group(), m.start(), m.end()
        mods.append(m.group())
        pos = m.end()
        while pos < len(text) and text[pos] in " \t":
            pos += 1
    return None


def _is_body(text: str, begin: int, end: int, noun: str, mods: list[str]) -> bool:
    """Whether the phrase from ``begin`` to its noun ending at ``end`` names a body of the story by a
    singular noun of the class."""
    if lemma_of(noun, "n") != noun or not is_body_noun(noun):
        return False
    if not (_phrase_ends(text, end) or text[end:end + 2] in ("'s", "’s") or _next_no_noun(text, end)):
        return False  # "the coalition talks": a modifier of another noun
    before = text[max(0, begin - 60):begin]
    if _ONE_OF_RE.search(before) or _COPULA_RE.search(before) or _PREDICATE_BEFORE_RE.search(before):
        return False
    if _NAME_NEXT_RE.match(text, end):
        return False  # "A medical charity, X, opened ...": the named one's descriptor (1.4)
    if any(w.endswith("est") or w in ("most", "every", "any", "each", "other") for w in mods):
        return False  # "the largest union": a class (5 z)
    if is_unit_noun(noun) and (re.match(r"[ \t]+of\b", text[end:]) or any(is_body_noun(w) for w in mods)):
        return False  # "the branch of the bank", "the council secretariat": that body (5 l 4)
    return True


def _next_no_noun(text: str, end: int) -> bool:
    """Whether the word after ``end`` is no noun ("the utility under ...", "the coalition currently")."""
    m = _NEXT_WORD_RE.match(text, end)
    return m is None or lemma_of(m.group(1), "n") is None


def _referent(noun: str, start: int, named: list[tuple[int, int, dict[str, Any]]]) -> dict[str, Any] | None:
    """The organisation named nearest before ``start`` whose subtype is a kind the noun names; for a noun of
    a business, failing that, the nearest name of two words or more of no kind; or None."""
    kinds = body_kinds(noun)
    if not kinds:
        return None
    before = [a for s, _, a in reversed(named) if s < start and start - s <= REACH]
    found = next((a for a in before if a.get("subtype") in kinds), None)
    if found is None and "company" in kinds:
        found = next((a for a in before if a.get("subtype") is None and len(a["name"].split()) > 1), None)
    return found
