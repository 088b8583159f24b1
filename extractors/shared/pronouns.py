"""Version 2: "it" and "its" for organisations and states (guidelines 1: pronouns are mentions), which
the grouping of version 1 leaves out (it resolves only personal pronouns to people).

An "its", or an "it" that is the subject of a verb that an organisation does ("it would close", "it
said"), joins the nearest organisation or state actor named before it in the same or the previous
sentence. An "it" before "is" or "was" is left alone: it is mostly an empty subject ("it is too early").
"""
from __future__ import annotations

import bisect
import re
from typing import Any

from extractors.shared.textscan import Overlaps

_IT_RE = re.compile(r"(?<![\w’'-])(?:[Ii]ts|[Ii]t(?=[ \t]+(?:would|will|had|has|have|could|can|said|says|did|does|"
                    r"plans|planned|wants|needs|must|should|may|might|also|then|later|[a-z]+ed)\b))(?![\w’'-])")
# How far back (characters) an "it" looks for its organisation: about two sentences.
IT_WINDOW = 300


def it_mentions(text: str, actors: list[dict[str, Any]], taken: list[tuple[int, int]]) -> list[tuple[str, int, int]]:
    """(actor id, start, end) of each "it"/"its" that refers to an organisation or state actor.

    >>> actors = [{"id": "a1", "type": "ORG", "mentions": [{"start": 0, "end": 4}]}]
    >>> it_mentions("Acme said it would close its plant.", actors, [])
    [('a1', 10, 12), ('a1', 25, 28)]
    """
    names = sorted((m["end"], a["id"]) for a in actors if a["type"] in ("ORG", "GPE") and a.get("subtype") != "group_of_states"
                   for m in a["mentions"])
    out = []
    spans, ends = Overlaps(taken), [end for end, _ in names]
    for m in _IT_RE.finditer(text):
        if spans.any(m.start(), m.end()):
            continue
        i = bisect.bisect_right(ends, m.start()) - 1  # the last name ending before "it", by binary search
        if i >= 0 and m.start() - ends[i] <= IT_WINDOW and "\n\n" not in text[ends[i]:m.start()]:
            out.append((names[i][1], m.start(), m.end()))
    return out


# "the minister", "the coach": a role noun that refers back to the person last named with that title.
ROLE_HEADS = ("minister", "president", "governor", "mayor", "coach", "chairman", "chairwoman", "director",
              "spokesman", "spokeswoman", "senator", "judge", "captain", "manager", "secretary", "superintendent",
              "commissioner", "prosecutor", "ambassador", "premier", "chancellor", "general", "governor-elect")
_ROLE_RE = re.compile(r"(?<![\w-])[Tt]he(?:[ \t]+[a-z]+)?[ \t]+(" + "|".join(ROLE_HEADS) + r")(?![\w-])")


def role_mentions(text: str, actors: list[dict[str, Any]], taken: list[tuple[int, int]]) -> list[tuple[str, int, int]]:
    """(actor id, start, end) of each "the <role>" that refers back to the person most recently named
    with that role in a title before the name ("Health Minister Ana Ruiz ... the minister said").

    >>> actors = [{"id": "a1", "type": "PER", "mentions": [{"start": 16, "end": 24, "kind": "name"}]}]
    >>> role_mentions("Health Minister Ana Ruiz spoke. The minister said so.", actors, [])
    [('a1', 36, 44)]
    """
    titled = sorted((m["start"], a["id"], text[max(0, m["start"] - 40):m["start"]].lower()) for a in actors
                    if a["type"] == "PER" for m in a["mentions"] if m.get("kind", "name") == "name")
    out = []
    spans, starts = Overlaps(taken), [s for s, _, _ in titled]
    for m in _ROLE_RE.finditer(text):
        start, end = m.span(1)
        if spans.any(start, end):
            continue
        role = m.group(1)
        # the last titled name before the role, read backwards from a binary search (was: every name, every time)
        pattern = re.compile(rf"\b{role}\b[^,;]{{0,12}}$")
        i = bisect.bisect_left(starts, start)
        ref = next((titled[j][1] for j in range(i - 1, -1, -1) if pattern.search(titled[j][2])), None)
        if ref is not None:
            out.append((ref, start, end))
    return out


def add_reference_mentions(text: str, actors: list[dict[str, Any]]) -> list[tuple[str, int, int]]:
    """Version 2: add to the actors the "it"/"its" and the definite nominals that refer to them (not
    overlapping a mention they have); returns what was added, as (actor id, start, end)."""
    taken = [(m["start"], m["end"]) for a in actors for m in a["mentions"]]
    found = it_mentions(text, actors, taken) + nominal_mentions(text, actors, taken) + role_mentions(text, actors, taken)
    add_mentions(text, actors, found)
    return found


# The pronouns the steps here and version 7's plural pronouns add (any other text added is a nominal).
_PRONOUN_FORMS = frozenset({"it", "its", "they", "them", "their"})


def add_mentions(text: str, actors: list[dict[str, Any]], found: list[tuple[str, int, int]]) -> None:
    """Add pronoun and nominal mentions to their actors, keeping each actor's mentions in text order."""
    by_id = {a["id"]: a for a in actors}
    for ref, start, end in found:
        kind = "pronoun" if text[start:end].lower() in _PRONOUN_FORMS else "nominal"
        by_id[ref]["mentions"].append({"start": start, "end": end, "text": text[start:end], "kind": kind})
    for ref in {ref for ref, _, _ in found}:
        by_id[ref]["mentions"].sort(key=lambda m: (m["start"], m["end"]))


# "the company", "the ministry": a definite head noun -> the subtypes of the organisation it refers back to
# (the state for "the government"); one word, the head noun only (guidelines 1: nominal mentions).
NOMINAL_HEADS: dict[str, frozenset[str]] = {
    **dict.fromkeys(("company", "firm", "group", "operator", "employer", "carmaker", "retailer",
                     "lender", "insurer", "airline", "miner", "manufacturer", "maker", "producer", "bank"),
                    frozenset({"company"})),
    **dict.fromkeys(("ministry", "commission", "committee", "agency", "authority", "council", "board", "department",
                     "regulator", "office"), frozenset({"government"})),
    **dict.fromkeys(("union",), frozenset({"union"})),
    **dict.fromkeys(("party",), frozenset({"party"})),
    **dict.fromkeys(("club", "team", "side"), frozenset({"sports_team"})),
    **dict.fromkeys(("charity", "foundation", "organisation", "organization", "network"), frozenset({"ngo"})),
    **dict.fromkeys(("court", "tribunal"), frozenset({"court"})),
    **dict.fromkeys(("university", "college"), frozenset({"university"})),
    **dict.fromkeys(("newspaper", "broadcaster", "paper"), frozenset({"media"})),
    "government": frozenset({"state"}),
}
_NOMINAL_RE = re.compile(r"(?<![\w-])[Tt]he(?:[ \t]+[a-z]+)?[ \t]+(" + "|".join(NOMINAL_HEADS) + r")(?![\w-])")


def nominal_mentions(text: str, actors: list[dict[str, Any]], taken: list[tuple[int, int]]) -> list[tuple[str, int, int]]:
    """(actor id, start, end) of each definite head noun that refers back to an organisation of a
    matching subtype, or to a state for "the government" (the most recent one named before it).

    >>> actors = [{"id": "a1", "type": "ORG", "subtype": "company", "mentions": [{"start": 0, "end": 4}]}]
    >>> nominal_mentions("Acme cut jobs. The company said so.", actors, [])
    [('a1', 19, 26)]
    """
    named = sorted((m["start"], m["end"], a["id"], a.get("subtype")) for a in actors for m in a["mentions"]
                   if m.get("kind", "name") == "name")
    out = []
    spans = Overlaps(taken)
    kinds: dict[frozenset[str], tuple[list[int], list[tuple[int, int, str, Any]]]] = {}
    for m in _NOMINAL_RE.finditer(text):
        start, end = m.span(1)
        if spans.any(start, end):
            continue
        ref = _last_named_before(named, NOMINAL_HEADS[m.group(1)], start, kinds)
        if ref is not None:
            out.append((ref, start, end))
    return out


def _last_named_before(named: list[tuple[int, int, str, Any]], wanted: frozenset[str], start: int,
                       kinds: dict[frozenset[str], tuple[list[int], list[tuple[int, int, str, Any]]]]) -> str | None:
    """The id of the last of ``named`` (sorted) of a subtype in ``wanted`` that ends by ``start``: the
    names of those subtypes kept once in ``kinds``, read backwards from a binary search (a scan of every
    name for every nominal was quadratic)."""
    if wanted not in kinds:
        chosen = [n for n in named if n[3] in wanted]
        kinds[wanted] = ([n[0] for n in chosen], chosen)
    starts, chosen = kinds[wanted]
    for j in range(bisect.bisect_left(starts, start) - 1, -1, -1):
        if chosen[j][1] <= start:
            return chosen[j][2]
    return None
