"""Actors and locations for the ``spacy`` extractor, from spaCy's named entities and the parse.

PERSON, ORG and NORP entities and personal pronouns make actors, grouped by
:mod:`extractors.shared.grouping` (surname -> full name, acronyms, pronouns); a GPE entity is a
state acting (GPE actor) when it is the subject of a verb, owns something or speaks, a place
otherwise; a demonym adjective ("Kenyan officials") is a mention of the state, a plural demonym a
NORP actor. GPE, LOC and FAC entities make locations, with the country code and GeoNames id from
the gazetteer when the name is in it.
"""
from __future__ import annotations

from typing import Any

from extractors.shared.grouping import Group, RawMention, group_mentions
from extractors.shared.lexicon import ALL_TITLES, PERSON_PRONOUNS, TITLE_WORDS_MAX
from extractors.shared.lookups import Lexicons
from extractors.shared.output import actor_records, location_records, place_fields
from extractors.shared.places import is_plural_demonym

# Entity labels that make actors, and those that make places.
ACTOR_ENTS = frozenset({"PERSON", "ORG", "NORP"})
PLACE_ENTS = frozenset({"GPE", "LOC", "FAC"})
# Dependency labels of a verb's subjects.
SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj"})
# Dependency labels that attach a name to the token it belongs to ("the spokesman, Ana Ruiz").
ATTACHED = ("compound", "appos", "poss", "nmod")

# What a token refers to: (actor or location id, is an actor, is a person).
TokenRef = tuple[str, bool, bool]


class EntityFinder:
    """The actors and locations of one parsed article (a part of
    :class:`extractors.spacy_pipeline.article.SpacyArticle`)."""

    text: str
    doc: Any
    lex: Lexicons
    ref: list[TokenRef | None]
    mention_of: dict[int, tuple[int, int]]
    groups: list[Group]
    actors: list[dict[str, Any]]
    locations: list[dict[str, Any]]

    def _entities(self) -> None:
        """Actors and locations from the entities, pronouns and lone surnames; every token of a mention
        is marked with its reference."""
        doc, text, lex = self.doc, self.text, self.lex
        raw: list[RawMention] = []
        tokens_of: dict[tuple[int, int], range] = {}
        states: dict[str, list[tuple[int, int]]] = {}
        norp: dict[str, list[tuple[int, int]]] = {}
        places: dict[tuple[str, str | None, str], tuple[dict[str, Any], list[tuple[int, int]]]] = {}
        # Surnames of the persons spaCy found: a later lone "Surname" it types ORG or GPE, or misses
        # altogether ("..., Surname said"), is that person.
        surnames = {ent[-1].text for ent in doc.ents if ent.label_ == "PERSON" and len(ent) > 1}
        in_ent: set[int] = set()
        for ent in doc.ents:
            label = ent.label_
            if label not in ACTOR_ENTS and label not in PLACE_ENTS:
                continue
            first, last = ent.start, ent.end
            while first < last and doc[first].lower_ in ("the", "a", "an") or (
                first < last and doc[first].is_punct
            ):
                first += 1
            while last > first and (doc[last - 1].is_punct or doc[last - 1].lower_ in ("'s", "’s")):
                last -= 1
            if first == last:
                continue
            start, end = doc[first].idx, doc[last - 1].idx + len(doc[last - 1])
            surface = text[start:end]
            tokens = range(first, last)
            in_ent.update(tokens)
            tokens_of[(start, end)] = tokens
            if label != "PERSON" and surface in surnames:
                label = "PERSON"
            if label in ("PERSON", "ORG"):
                if surface.lower() in PERSON_PRONOUNS:
                    continue
                title = _title_before(doc, first) if label == "PERSON" else None
                raw.append(RawMention(start, end, surface, "PER" if label == "PERSON" else "ORG", title=title))
            elif label == "NORP":
                iso = lex.demonyms.get(surface)
                if iso is not None and not is_plural_demonym(surface, lex.demonyms):
                    states.setdefault(iso, []).append((start, end))
                else:
                    norp.setdefault(iso or surface, []).append((start, end))
            else:
                place = lex.gazetteer.get(surface)
                root = ent.root
                if label == "GPE" and self._acts(root) and (place is None or place.subtype == "country"):
                    states.setdefault(place.country if place else surface, []).append((start, end))
                    continue
                if place is not None:
                    fields = place_fields(place, "FAC" if label == "FAC" else None)
                    key = (place.name, place.country, "")
                else:
                    fields = {"name": surface, "type": label}
                    key = (surface, None, label)
                places.setdefault(key, (fields, []))[1].append((start, end))
        for token in doc:
            if token.lower_ in PERSON_PRONOUNS and token.pos_ == "PRON":
                kind = "pronoun"
            elif token.text in surnames and token.i not in in_ent and token.pos_ == "PROPN":
                kind = "name"
            else:
                continue
            raw.append(RawMention(token.idx, token.idx + len(token), token.text, "PER", kind))
            tokens_of[(token.idx, token.idx + len(token))] = range(token.i, token.i + 1)
        self.groups = group_mentions(raw)
        for actor, is_person in actor_records(text, self.groups, states, norp):
            self.actors.append(actor)
            self._mark(actor, tokens_of, (actor["id"], True, is_person))
        self.locations = location_records(text, places.values())
        for loc in self.locations:
            self._mark(loc, tokens_of, (loc["id"], False, False))


    def _acts(self, root: Any) -> bool:
        """Whether a place name is the state acting: subject of a verb, owner, or agent."""
        dep = root.dep_
        if dep in ("nsubj", "nsubjpass", "poss") or (dep == "pobj" and root.head.dep_ == "agent"):
            return True
        return dep in ("conj", "appos") and root.head.dep_ in ("nsubj", "poss")

    def _mark(self, record: dict[str, Any], tokens_of: dict[tuple[int, int], range], ref: TokenRef) -> None:
        """Mark every token of the record's mentions with ``ref`` and its mention's span."""
        for m in record["mentions"]:
            span = (m["start"], m["end"])
            for i in tokens_of[span]:
                self.ref[i] = ref
                self.mention_of[i] = span


def _title_before(doc: Any, first: int) -> str | None:
    """The title or honorific right before a name ("Mrs." Alma Reyes), which spaCy leaves outside
    PERSON entities; grouping takes the person's gender from it."""
    for n in range(min(TITLE_WORDS_MAX, first), 0, -1):
        phrase = " ".join(t.text for t in doc[first - n:first])
        if phrase in ALL_TITLES:
            return phrase
    return None
