"""Version 6 (round 2): later forms of an organisation named in the article are its mentions, not
actors of their own (guidelines 1: "one item per distinct entity"):

* ``short_orgs``: two or more words of an organisation's full name, later alone ("Delta Holdings" after
  "Oriel Delta Holdings"), are a mention of it, not a new actor (the rules often took them for a person);
* ``headline_heads``: a lone body noun opening a headline or crosshead ("Company promises refunds",
  "Police say ...") is a nominal mention of the organisation of that kind named in the article.
"""
from __future__ import annotations

from typing import Any

from extractors.rules.org_nominals import body_noun_referent
from extractors.shared.roles import role_type

Record = tuple[dict[str, Any], bool]
# Person pronouns grouped with a short form taken for a person: not the organisation's.
_PERSON_PRONOUNS = frozenset({"he", "she", "him", "her", "his", "hers", "himself", "herself"})
# A headline or crosshead: a line of at most this many words with no full stop at its end.
_HEAD_LINE_WORDS = 14


def _words(name: str) -> list[str]:
    return name.replace("’", "'").split()


def _inside(short: list[str], full: list[str]) -> int | None:
    """Where ``short`` runs as consecutive words inside the longer ``full``, or None."""
    n = len(short)
    if n < 2 or n >= len(full):
        return None
    return next((i for i in range(len(full) - n + 1) if full[i:i + n] == short), None)


def _full_org(actor: dict[str, Any], orgs: list[dict[str, Any]]) -> dict[str, Any] | None:
    """The organisation named before ``actor`` whose full name holds ``actor``'s name, or None. A
    person's name at the head of an organisation's ("Ana Ruiz" in "Ana Ruiz Foundation") is the person."""
    first = actor["mentions"][0]["start"]
    short = _words(actor["name"])
    for org in orgs:
        at = _inside(short, _words(org["name"]))
        if org is actor or at is None or org["mentions"][0]["start"] >= first:
            continue
        if actor["type"] == "PER" and at == 0:
            continue
        return org
    return None


def _merge(into: dict[str, Any], actor: dict[str, Any], kind: str | None = None) -> None:
    """Move ``actor``'s mentions (not person pronouns) to ``into``, in text order."""
    for m in actor["mentions"]:
        if m["text"].lower() in _PERSON_PRONOUNS:
            continue
        into["mentions"].append({**m, "kind": kind} if kind and m["kind"] == "name" else m)
    into["mentions"].sort(key=lambda m: (m["start"], m["end"]))


def _all_names(actor: dict[str, Any]) -> bool:
    return all(m["kind"] != "name" or m["text"] == actor["name"] for m in actor["mentions"])


def _head_line_noun(text: str, actor: dict[str, Any]) -> str | None:
    """The body noun when ``actor`` is one capitalised word opening a short line with no full stop at
    its end (a headline or crosshead), else None."""
    m = next((m for m in actor["mentions"] if m["kind"] == "name"), None)
    if m is None or " " in m["text"] or not m["text"][:1].isupper() or (m["start"] and text[m["start"] - 1] != "\n"):
        return None
    line_end = text.find("\n", m["start"])
    line = text[m["start"]:line_end if line_end >= 0 else len(text)].strip()
    if len(line.split()) > _HEAD_LINE_WORDS or line.endswith("."):
        return None
    noun = m["text"].lower()
    return noun if role_type(noun)[0] == "ORG" else None


def _named_like(noun: str, actor: dict[str, Any], orgs: list[dict[str, Any]]) -> dict[str, Any] | None:
    """The first organisation with a name of two words or more that a body noun can refer to."""
    return body_noun_referent(noun, [o for o in orgs if o is not actor and len(o["name"].split()) > 1])


def merge_org_forms(text: str, records: list[Record], *, short: bool, heads: bool) -> list[Record]:
    """The actor records with short forms and headline body nouns merged into their organisations,
    numbered again (``a1``, ``a2``, ... in order: no reference is made yet)."""
    orgs = [a for a, _ in records if a["type"] == "ORG"]
    gone: set[int] = set()
    for actor, _ in records:
        if actor["type"] not in ("PER", "ORG") or not actor["mentions"]:
            continue
        into = _full_org(actor, orgs) if short and _all_names(actor) else None
        kind = None
        if into is None and heads and (noun := _head_line_noun(text, actor)) is not None:
            into, kind = _named_like(noun, actor, orgs), "nominal"
        if into is not None and id(into) not in gone:
            _merge(into, actor, kind)
            gone.add(id(actor))
    kept = [(a, p) for a, p in records if id(a) not in gone]
    for n, (actor, _) in enumerate(kept, 1):
        actor["id"] = f"a{n}"
    return kept
