"""Version 7 of the ``spacy`` extractor's nominal mentions (profile switch ``definite_bodies``,
guidelines 1: a common-noun description is a mention of the actor it refers to; one actor per entity).

English refers back to a named organisation by "the" and the noun that says what kind of body it is:
"the Northern Valley Water Board ... the board said", "the Ministry of Transport ... the ministry". So a
singular "the" + noun (up to two modifiers between) is a mention of the nearest organisation named
before it whose name has that noun as its head word (its last word, or the word before "of": "Ministry
of Transport"), or, for nouns of a kind that names seldom spell out ("company", "firm", "charity"),
whose subtype is the noun's ("the company": failing that, the nearest name of two words or more of no
other kind, since a company's name seldom says what it is). Version 3 made such a noun an unnamed actor of its own (or nothing), which
then took the arguments that were the named organisation's. An indefinite noun ("a company") and a
noun with a possessor ("its union") stay as they were.

General English and the parse only, no article's word.
"""
from __future__ import annotations

from typing import Any

from extractors.shared.roles import role_type

# Nouns of a kind of body that a name seldom has as a word: matched by the organisation's subtype.
BY_SUBTYPE = frozenset({"company", "firm", "charity", "federation", "cooperative", "club", "operator", "group"})
# Nouns of a business, which a company's name seldom spells out.
COMPANY_NOUNS = frozenset({"company", "firm"})
# How far back (tokens) a definite noun looks for its organisation's name: a few paragraphs.
REACH_TOKENS = 600


def link_definite_bodies(doc: Any, ref: list[Any], mention_of: dict[int, tuple[int, int]],
                         actors: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Give each definite body noun that refers back to a named organisation to it as a nominal mention;
    returns the actors, without those left with no mention, renumbered in order of first mention."""
    by_id = {a["id"]: a for a in actors}
    named = _named_orgs(doc, ref, by_id)
    for token in doc:
        if not _definite_body(token, ref, by_id):
            continue
        target = _referent(token, named, by_id)
        if target is None:
            continue
        old = ref[token.i]
        if old is not None:
            by_id[old[0]]["mentions"] = [m for m in by_id[old[0]]["mentions"] if m["start"] != token.idx]
        target["mentions"].append({"start": token.idx, "end": token.idx + len(token), "text": token.text,
                                   "kind": "nominal"})
        target["mentions"].sort(key=lambda m: (m["start"], m["end"]))
        ref[token.i] = (target["id"], True, False)
        mention_of[token.i] = (token.idx, token.idx + len(token))
    return _renumbered([a for a in actors if a["mentions"]], ref)


def _named_orgs(doc: Any, ref: list[Any], by_id: dict[str, dict[str, Any]]) -> list[tuple[int, str]]:
    """(token index, actor id) of the last token of every name mention of an organisation."""
    out = []
    for t in doc:
        r = ref[t.i]
        if r is None or not r[1] or by_id.get(r[0], {}).get("type") != "ORG":
            continue
        nxt = ref[t.i + 1] if t.i + 1 < len(doc) else None
        if nxt != r and t.pos_ == "PROPN":
            out.append((t.i, r[0]))
    return out


def _definite_body(token: Any, ref: list[Any], by_id: dict[str, dict[str, Any]]) -> bool:
    """Whether a token is a singular common noun after "the", with no possessor, that is no mention yet
    or the mention of an unnamed actor (one with no name mention)."""
    if token.tag_ != "NN" or token.dep_ == "compound" or not any(c.lower_ == "the" and c.dep_ == "det"
                                                                  for c in token.children):
        return False
    if any(c.dep_ == "poss" for c in token.children):
        return False  # "its union": a body of another
    r = ref[token.i]
    if r is None:
        return True
    actor = by_id.get(r[0])
    return r[1] and actor is not None and actor["type"] == "ORG" and not any(
        m["kind"] == "name" for m in actor["mentions"])


def _referent(token: Any, named: list[tuple[int, str]], by_id: dict[str, dict[str, Any]]) -> dict[str, Any] | None:
    """The nearest organisation named before the token within reach, with every capitalised modifier of
    the noun in its name, whose name's head word is the noun; failing that, for a noun of :data:`BY_SUBTYPE`, the nearest whose subtype is the noun's."""
    noun = token.lower_
    # "the Tolu institute" may be the Tolu Polytechnic Institute, "the Danish company" is no other company
    names = {c.lower_ for c in token.children if c.dep_ in ("amod", "compound") and c.text[:1].isupper()}
    before = [by_id[a] for i, a in reversed(named) if i < token.i and token.i - i <= REACH_TOKENS
              and names <= set(by_id[a]["name"].lower().split())]
    found = next((a for a in before if noun in _head_words(a["name"])), None)
    if found is None and noun in BY_SUBTYPE:
        found = next((a for a in before if a.get("subtype") is not None and a.get("subtype") == role_type(noun)[1]),
                     None)
    if found is None and noun in COMPANY_NOUNS:
        # a company's name seldom says what it is ("Acme Freight"): a name of two words or more of no
        # other kind is taken for one
        found = next((a for a in before if a.get("subtype") in (None, "company") and len(a["name"].split()) > 1),
                     None)
    return found


def _head_words(name: str) -> set[str]:
    """The words that say what kind of body a name is: its last word and the word before "of"."""
    words = name.lower().split()
    heads = {words[-1]} if words else set()
    if "of" in words[1:]:
        heads.add(words[words.index("of", 1) - 1])
    return heads


def _renumbered(actors: list[dict[str, Any]], ref: list[Any]) -> list[dict[str, Any]]:
    """The actors in order of first mention with ids a1, a2, ..., and every token's reference renamed."""
    actors = sorted(actors, key=lambda a: min(m["start"] for m in a["mentions"]))
    renamed = {a["id"]: f"a{n}" for n, a in enumerate(actors, start=1)}
    for a in actors:
        a["id"] = renamed[a["id"]]
    for i, r in enumerate(ref):
        if r is not None and r[1]:
            ref[i] = (renamed[r[0]], r[1], r[2]) if r[0] in renamed else None
    return actors
