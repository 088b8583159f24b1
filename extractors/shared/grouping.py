"""Group the mentions of one actor, so that an actor appears once with all its mentions.

Pure Python, shared by the ``rules`` and ``spacy`` extractors. The input is a list of raw mentions
found by an extractor (names, acronyms, pronouns, with a type); the output is one :class:`Group`
per actor with a canonical name. The links made, in document order:

* a person's surname or title-stripped name joins the earlier full name ("Amina Diallo" ...
  "Diallo", "Ms. Diallo", "President Diallo"); a later full name upgrades an earlier short one;
* an acronym joins the organisation it abbreviates ("Regional Water Authority" ... "RWA"), in
  either order;
* a pronoun ("he", "her") joins the nearest preceding person of compatible gender; gender comes from
  titles and honorifics ("Mrs.", "King") and from pronouns already linked.

Nothing here knows about particular names: only shapes, titles and pronouns (rule 2).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import NamedTuple, Sequence

from extractors.shared.lexicon import (
    FUNCTION_WORDS,
    Gender,
    TITLE_RE,
    acronym_of,
    compatible,
    pronoun_info,
    title_gender,
)

_POSSESSIVE = re.compile(r"(?:['’]s?)$")
# How far back (in characters) a pronoun looks for its person: about a paragraph or two.
PRONOUN_WINDOW = 600


class RawMention(NamedTuple):
    """One mention found by an extractor, before grouping (a tuple: made by the hundred per article).

    Attributes:
        start, end: code point offsets into the text (end exclusive).
        text: ``text[start:end]``.
        type: PER, ORG, GPE or NORP (pronouns: the type they are allowed to join, normally PER).
        kind: name, nominal or pronoun.
        title: the title or honorific before the name, if the extractor split it off ("President").
    """

    start: int
    end: int
    text: str
    type: str
    kind: str = "name"
    title: str | None = None


@dataclass
class Group:
    """One actor: a canonical name, a type, a gender, and its mentions in document order."""

    name: str
    type: str
    mentions: list[RawMention] = field(default_factory=list)
    gender: Gender = "unknown"
    acronym: str | None = None

    @property
    def tokens(self) -> list[str]:
        return self.name.split()


def strip_title(name: str) -> tuple[str | None, str]:
    """Split a leading title or honorific from a name.

    >>> strip_title("Prime Minister Amina Diallo")
    ('Prime Minister', 'Amina Diallo')
    >>> strip_title("Dr. Lee")
    ('Dr.', 'Lee')
    >>> strip_title("Amina Diallo")
    (None, 'Amina Diallo')
    """
    title: str | None = None
    rest = name
    while True:
        match = TITLE_RE.match(rest)
        if not match or match.end() >= len(rest):
            break
        title = match.group() if title is None else f"{title} {match.group()}"
        rest = rest[match.end():].lstrip()
    return title, rest


def normalise_name(text: str) -> str:
    """A name without title, possessive ending or surrounding "the", with single spaces.

    >>> normalise_name("the President  Amina Diallo's")
    'Amina Diallo'
    """
    text = " ".join(text.split())
    if text.lower().startswith("the "):
        text = text[4:]
    text = _POSSESSIVE.sub("", text)
    return strip_title(text)[1]


def is_acronym(text: str) -> bool:
    """Whether a token looks like an acronym: two or more capitals, maybe dots and digits.

    >>> is_acronym("UNICEF"), is_acronym("U.N."), is_acronym("Unicef"), is_acronym("A")
    (True, True, False, False)
    """
    letters = text.replace(".", "").replace("&", "")
    return len(letters) >= 2 and letters.isupper() and letters[0].isalpha() and " " not in text


def _acronym_key(text: str) -> str:
    return text.replace(".", "").upper()


def _is_short_form(short: list[str], full: list[str]) -> bool:
    """Whether ``short`` names the same person as ``full``: its last words, or its first and last.

    >>> _is_short_form(["Diallo"], ["Amina", "Diallo"]), _is_short_form(["Amina"], ["Amina", "Diallo"])
    (True, False)
    """
    if not short or len(short) >= len(full):
        return False
    return full[-len(short):] == short or (len(short) == 2 and short[0] == full[0] and short[-1] == full[-1])


def group_mentions(mentions: list[RawMention], *, pronoun_window: int = PRONOUN_WINDOW) -> list[Group]:
    """Group raw mentions into actors.

    Args:
        mentions: mentions in any order; overlapping duplicates are the caller's business.
        pronoun_window: how many characters back a pronoun may look for its person.

    Returns:
        Groups in order of their first mention; pronouns that found no person are dropped.

    >>> ms = [RawMention(0, 12, "Amina Diallo", "PER"), RawMention(20, 26, "Diallo", "PER"),
    ...       RawMention(30, 32, "he", "PER", kind="pronoun"), RawMention(40, 43, "RWA", "ORG"),
    ...       RawMention(50, 74, "Regional Water Authority", "ORG")]
    >>> [(g.name, [m.text for m in g.mentions]) for g in group_mentions(ms)]
    [('Amina Diallo', ['Amina Diallo', 'Diallo', 'he']), ('Regional Water Authority', ['RWA', 'Regional Water Authority'])]
    """
    groups: list[Group] = []
    by_key: dict[tuple[str, str], Group] = {}
    # A person's short and full names end in the same word, which a later full name never changes:
    # candidates for "Diallo" are only the people whose name ends in "Diallo".
    people_by_last: dict[str, list[Group]] = {}
    names: dict[tuple[str, str | None], tuple[str, Gender]] = {}  # one title split per distinct mention text
    last_person: list[tuple[int, Group]] = []  # (end offset of the mention, group), in text order
    for m in sorted(mentions, key=lambda m: (m.start, -m.end)):
        if m.kind == "pronoun":
            group = _resolve_pronoun(m, last_person, pronoun_window)
            if group is not None:
                group.mentions.append(m)
                info = pronoun_info(m.text)
                if info and group.gender == "unknown" and info.gender != "unknown":
                    group.gender = info.gender
                last_person.append((m.end, group))
            continue
        named = names.get((m.text, m.title))
        if named is None:
            named = names[m.text, m.title] = _name_and_gender(m.text, m.title)
        group = _find_or_create(m, *named, groups, by_key, people_by_last)
        group.mentions.append(m)
        if group.type == "PER":
            last_person.append((m.end, group))
    for group in groups:
        group.mentions.sort(key=lambda m: (m.start, m.end))
    return groups


def _name_and_gender(text: str, title: str | None) -> tuple[str, Gender]:
    """The normalised name of a mention and the gender its title implies."""
    joined = " ".join(text.split())
    if title is None:
        title, name = strip_title(joined)
        # normalise_name would strip the same title again unless "the" or a possessive comes first
        if joined[:4].lower() == "the " or _POSSESSIVE.search(joined):
            name = normalise_name(joined)
    else:
        name = normalise_name(joined)
    return name, (title_gender(title) if title else "unknown")


def _find_or_create(
    m: RawMention,
    name: str,
    gender: Gender,
    groups: list[Group],
    by_key: dict[tuple[str, str], Group],
    people_by_last: dict[str, list[Group]],
) -> Group:
    if m.kind == "name" and m.type in ("ORG", "GPE", "NORP") and is_acronym(name):
        key = (m.type, _acronym_key(name))
        group = by_key.get(key) or _expansion_of(name, m.type, groups)
        if group is None:
            group = Group(name, m.type, acronym=name)
            groups.append(group)
        group.acronym = group.acronym or name
        by_key[key] = group
        return group
    key = (m.type, name.lower())
    group = by_key.get(key)
    tokens = name.split()
    if group is None and m.type == "PER" and m.kind == "name" and tokens:
        group = _person_for(tokens, people_by_last.get(tokens[-1], ()))
    if group is None and m.type == "ORG":
        group = _org_for_expansion(name, groups)
    if group is None:
        group = Group(name, m.type, gender=gender)
        groups.append(group)
        if m.type == "PER" and tokens:
            people_by_last.setdefault(tokens[-1], []).append(group)
    elif m.type == "PER" and len(tokens) > len(group.tokens) and _is_short_form(group.tokens, tokens):
        group.name = name  # a later full name upgrades the short one seen first
    if group.gender == "unknown":
        group.gender = gender
    by_key[key] = group
    if m.type == "ORG":
        by_key[(m.type, _acronym_key(acronym_of(tokens)))] = group
    return group


def _person_for(tokens: list[str], people: Sequence[Group]) -> Group | None:
    """The most recent of ``people`` whose name this one shortens or extends (surname, full name)."""
    for group in reversed(people):
        group_tokens = group.tokens
        if _is_short_form(tokens, group_tokens) or _is_short_form(group_tokens, tokens):
            return group
    return None


def _expansion_of(acronym: str, type_: str, groups: list[Group]) -> Group | None:
    key = _acronym_key(acronym)
    for group in reversed(groups):
        if group.type == type_ and len(group.tokens) >= 2 and _acronym_key(acronym_of(group.tokens)) == key:
            return group
    return None


def _org_for_expansion(name: str, groups: list[Group]) -> Group | None:
    """An earlier acronym-only group that this full name expands; the full name becomes canonical."""
    tokens = name.split()
    if len(tokens) < 2 or sum(1 for t in tokens if t.lower() not in FUNCTION_WORDS) < 2:
        return None
    key = _acronym_key(acronym_of(tokens))
    for group in reversed(groups):
        if group.type == "ORG" and group.acronym and group.name == group.acronym and _acronym_key(group.acronym) == key:
            group.name = name
            return group
    return None


def _resolve_pronoun(m: RawMention, last_person: list[tuple[int, Group]], window: int) -> Group | None:
    info = pronoun_info(m.text)
    if info is None or not info.person:
        return None
    for end, group in reversed(last_person):
        if end > m.start:
            continue
        if m.start - end > window:
            return None
        if compatible(info.gender, group.gender):
            return group
    return None


def nearest_person(groups: list[Group], offset: int, gender: Gender = "unknown", window: int = PRONOUN_WINDOW) -> Group | None:
    """The person whose mention ends closest before ``offset`` and fits ``gender`` (for "he said").

    >>> g = group_mentions([RawMention(0, 8, "Mrs. Ode", "PER"), RawMention(10, 18, "Mr. Abel", "PER")])
    >>> nearest_person(g, 30, "female").name, nearest_person(g, 30).name
    ('Ode', 'Abel')
    """
    best: tuple[int, Group] | None = None
    for group in groups:
        if group.type != "PER" or not compatible(gender, group.gender):
            continue
        for m in group.mentions:
            if m.end <= offset and offset - m.end <= window and (best is None or m.end > best[0]):
                best = (m.end, group)
    return best[1] if best else None
