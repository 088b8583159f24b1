"""Actors and locations for the ``spacy`` extractor, from spaCy's named entities and the parse.

PERSON, ORG and NORP entities and personal pronouns make actors, grouped by
:mod:`extractors.shared.grouping` (surname -> full name, acronyms, pronouns); a GPE entity is a
state acting (GPE actor) when it is the subject of a verb, owns something or speaks, a place
otherwise; a demonym adjective ("Kenyan officials") is a mention of the state, a plural demonym a
NORP actor. GPE, LOC and FAC entities make locations, with the country code and GeoNames id from
the gazetteer when the name is in it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from extractors.shared.context import boilerplate_spans, cue_places, facility_fields, facility_mentions, inside
from extractors.shared.grouping import Group, RawMention, group_mentions
from extractors.shared.orgs import OCCASION_HEADS, is_org_name, org_subtype, people_groups
from extractors.shared.pronouns import add_reference_mentions
from extractors.shared.lexicon import ALL_TITLES, PERSON_PRONOUNS, TITLE_WORDS_MAX
from extractors.shared.lookups import Lexicons
from extractors.shared.places_v5 import place_nominals, possessor_of_place, territory_cue
from extractors.shared.places_v7 import placed_facilities, vague_areas
from extractors.shared.places_v8 import person_offices, unnamed_settlements, wordnet_places
from extractors.shared.places_v7b import (government_places, head_facilities, name_cue_finder, placed_groups,
                                          service_places)
from extractors.spacy_pipeline.places_v7 import acting_site, placed_surfaces, unplaced
from extractors.shared.output import actor_records, location_records, place_fields
from extractors.shared.places import is_common_word, is_plural_demonym
from extractors.spacy_pipeline.actors_v4 import (facility_names, geographic_name, group_of_agents, in_other_name,
                                                 member_mentions,
                                                 org_by_cues,
                                                 person_by_cues, person_words,
                                                 place_surfaces,
                                                 resolve_opening_pronouns, speaks_or_is_named)
from extractors.spacy_pipeline.doc_index import conj_root
from extractors.spacy_pipeline.nominals import described_actor, description_type, is_description
from extractors.spacy_pipeline.actors_v8 import class_group_token
from extractors.spacy_pipeline.nominals_v6 import appositive_actor, referred_actor
from extractors.spacy_pipeline.org_nominals_v7 import link_definite_bodies
from extractors.spacy_pipeline.pronouns_v7 import link_pronouns
from extractors.shared.verb_classes import noun_classes

# Entity labels that make actors, and those that make places.
ACTOR_ENTS = frozenset({"PERSON", "ORG", "NORP"})
PLACE_ENTS = frozenset({"GPE", "LOC", "FAC"})
# Dependency labels of a verb's subjects.
SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj"})
# Dependency labels that attach a name to the token it belongs to ("the spokesman, Ana Ruiz").
ATTACHED = ("compound", "appos", "poss", "nmod")

# Lower-case role nouns right before a person's name ("the striker Ali Musa", "coach Rui Sana").
ROLE_NOUNS = frozenset("""coach manager captain defender striker goalkeeper midfielder forward winger referee player
    director officer spokesman spokeswoman spokesperson chairman chairwoman chair secretary minister president
    head analyst economist lawyer doctor nurse teacher farmer worker mother father wife husband son daughter
    brother sister official commissioner governor mayor senator judge prosecutor superintendent inspector editor
    reporter correspondent founder owner chief executive deputy assistant""".split())

# What a token refers to: (actor or location id, is an actor, is a person).
TokenRef = tuple[str, bool, bool]


@dataclass
class _Found:
    """What the entities and tokens of one article yield, before grouping and numbering."""

    raw: list[RawMention] = field(default_factory=list)  # persons, organisations, pronouns
    tokens_of: dict[tuple[int, int], range] = field(default_factory=dict)  # mention span -> its tokens
    states: dict[str, list[tuple[int, int]]] = field(default_factory=dict)  # country code or name -> spans
    norp: dict[str, list[tuple[int, int]]] = field(default_factory=dict)
    # (name, country, label) -> location fields and spans
    places: dict[tuple[str, str | None, str], tuple[dict[str, Any], list[tuple[int, int]]]] = field(
        default_factory=dict
    )


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
        doc, text = self.doc, self.text
        found = _Found()
        # Surnames of the persons spaCy found: a later lone "Surname" it types ORG or GPE, or misses
        # altogether ("..., Surname said"), is that person.
        in_ent: set[int] = set()
        v2 = self.lex.profile.places
        skip = self._cue_places(found, in_ent) if v2 else []
        surnames = {ent[-1].text for ent in doc.ents if ent.label_ == "PERSON" and len(ent) > 1
                    and not (v2 and any(s < ent.end_char and ent.start_char < e for s, e in skip))}
        places = place_surfaces(doc) if self.lex.profile.place_names else set()
        given = person_words(doc) if self.lex.profile.gazetteer_names else {}
        sites = facility_names(doc) if self.lex.profile.facility_names else {}
        self.placed = placed_surfaces(doc) if self.lex.profile.unplaced_names else set()  # version 7
        for ent in doc.ents:
            if ent.label_ not in ACTOR_ENTS and ent.label_ not in PLACE_ENTS:
                continue
            tokens = _trimmed(doc, ent.start, ent.end, self.lex.profile.gazetteer_names)
            if tokens is None:
                continue
            start, end = doc[tokens.start].idx, doc[tokens.stop - 1].idx + len(doc[tokens.stop - 1])
            if v2 and any(s < end and start < e for s, e in skip):
                continue  # boilerplate, or a place its context names
            in_ent.update(tokens)
            found.tokens_of[(start, end)] = tokens
            label = "PERSON" if text[start:end] in surnames else ent.label_
            if v2:
                label = self._label_v2(text[start:end], label, tokens)
                if label is None:
                    continue
            if label == "PERSON" and self.lex.profile.org_cues and org_by_cues(doc, tokens):
                label = "ORG"  # version 4: "X, a software company,", "X, which", "X said it would"
            person = self._person_v4(label, tokens)
            if person is not None:  # version 4: "the group's coordinator, X,": a person
                label, tokens = "PERSON", person
                start = doc[tokens.start].idx
                found.tokens_of[(start, end)] = tokens
                in_ent.update(tokens)
            if label in ACTOR_ENTS and text[start:end] in sites:  # version 4: "the X mine": the site
                self._add_site(found, tokens, sites[text[start:end]], start, end)
                continue
            if label in ACTOR_ENTS and text[start:end] in places:
                label = "GPE"  # version 4: "offices in X": a place, whatever spaCy's label
            if label in ACTOR_ENTS and self.lex.profile.geo_heads and geographic_name(text[start:end].split()) \
                    and self.lex.gazetteer.get(text[start:end]) is None:
                label = "LOC"  # version 4: "the Rio X", "Lake X": a river or a lake, not a body
            if label in ACTOR_ENTS and self._gazetteer_place(text[start:end], label, tokens, given):
                label = "GPE"  # version 4: "as far as X", "X, Province —": a known place, not a person
            self._add_entity(found, ent, label, start, end)
        for token in doc:
            if token.lower_ in PERSON_PRONOUNS and token.pos_ == "PRON":
                kind = "pronoun"
            elif token.text in surnames and token.i not in in_ent and token.pos_ == "PROPN":
                kind = "name"
            else:
                continue
            found.raw.append(RawMention(token.idx, token.idx + len(token), token.text, "PER", kind))
            found.tokens_of[(token.idx, token.idx + len(token))] = range(token.i, token.i + 1)
        self.groups = group_mentions(found.raw)
        people = None
        if self.lex.profile.actor_cues:
            people = people_groups(text, list(found.tokens_of) + boilerplate_spans(text))
            self._add_tokens(found, [s for spans in people.values() for s in spans])
        records = actor_records(text, self.groups, found.states, found.norp, self.lex.profile.actor_cues, people)
        if self.lex.profile.actor_cues:
            added = add_reference_mentions(text, [a for a, _ in records])
            self._add_tokens(found, [(s, e) for _, s, e in added])
        for actor, is_person in records:
            self.actors.append(actor)
            self._mark(actor, found.tokens_of, (actor["id"], True, is_person))
        if self.lex.profile.nominal_actors:
            self._repeated_names()
            self._nominal_actors()
        nominal = []
        if self.lex.profile.places:
            facilities = facility_mentions(text, list(found.tokens_of) + boilerplate_spans(text),
                                           self.lex.profile.generic_facilities)
            if self.lex.profile.service_places:  # version 7: "taken to hospital" is no place (1.3)
                facilities = service_places(text, facilities)
            if self.lex.profile.modifier_facilities:  # version 7: "school fees", "a port city" (1.3)
                facilities = head_facilities(text, facilities, self.lex.event_verbs)
            if self.lex.profile.person_offices:  # version 8: "the minister's office" is a body (1.2, 1.4)
                facilities = person_offices(text, facilities)
            self._add_tokens(found, [s for spans in facilities.values() for s in spans])
            for _, name in sites.values():  # version 4: "the mine" after "the X mine" is that mine
                site = found.places.get((name, None, "FAC"))
                if site is not None and name.split()[-1] in facilities:
                    site[1].extend(facilities.pop(name.split()[-1]))
            nominal = [(facility_fields(noun), spans) for noun, spans in facilities.items()]
            if self.lex.profile.placed_groups:  # version 7: "the office in X", "the office in Y": two
                nominal = placed_groups(text, nominal)
        self.locations = location_records(text, found.places.values(), nominal)
        if self.lex.profile.place_nominals:  # version 5: "the city", "the Kenyan capital" (5 ab)
            added = place_nominals(text, self.locations, list(found.tokens_of), self.lex.demonyms, self.lex.reporting,
                                   self.lex.event_verbs)
            self._add_tokens(found, added)
        if self.lex.profile.placed_facilities:  # version 7: "an office in X", "the X terminal" (1.3)
            self._add_tokens(found, placed_facilities(text, self.locations, list(found.tokens_of), self.lex.event_verbs))
        if self.lex.profile.vague_areas:  # version 7: "jobs in the area", "fled the scene" (1.3)
            self._add_tokens(found, vague_areas(text, self.locations, list(found.tokens_of), self.lex.event_verbs))
        if self.lex.profile.wordnet_facilities:  # version 8: placed nouns of WordNet's kinds of place (1.3)
            self._add_tokens(found, wordnet_places(text, self.locations, list(found.tokens_of), self.lex.event_verbs))
        if self.lex.profile.unnamed_settlements:  # version 8: "a village outside X" (1.3)
            self._add_tokens(found, unnamed_settlements(text, self.locations, list(found.tokens_of),
                                                        self.lex.event_verbs))
        if self.lex.profile.government_places:  # version 7: "the mayor of X" names a government (1.4)
            government_places(text, self.locations)
        for loc in self.locations:
            self._mark(loc, found.tokens_of, (loc["id"], False, False))
        if self.lex.profile.subject_pronouns:
            resolve_opening_pronouns(doc, self.ref, self.actors)
        if self.lex.profile.member_nouns:  # version 4: "union officials said": the union (5 l)
            self.actors = member_mentions(doc, self.ref, self.mention_of, self.actors)
        if self.lex.profile.definite_bodies:  # version 7: "the board" after "the Water Board"
            self.actors = link_definite_bodies(doc, self.ref, self.mention_of, self.actors)
        if self.lex.profile.pronoun_links:  # version 7: "they", "it" of the actor they continue
            link_pronouns(doc, self.ref, self.mention_of, self.actors)

    def _repeated_names(self) -> None:
        """Version 3: a name of two or more words that spaCy tagged once is the same actor wherever else
        the text repeats it untagged ("the Office of Water Rights said")."""
        text = self.text
        names = {m["text"]: a for a in self.actors for m in a["mentions"]
                 if m["kind"] == "name" and " " in m["text"] and a["type"] in ("PER", "ORG")}
        for surface, actor in names.items():
            for m in re.finditer(rf"(?<![\w-]){re.escape(surface)}(?![\w-])", text):
                span = self.doc.char_span(m.start(), m.end(), alignment_mode="expand")
                if span is None or any(self.ref[i] is not None for i in range(span.start, span.end)):
                    continue
                actor["mentions"].append({"start": m.start(), "end": m.end(), "text": surface, "kind": "name"})
                actor["mentions"].sort(key=lambda x: (x["start"], x["end"]))
                for i in range(span.start, span.end):
                    self.ref[i] = (actor["id"], True, actor["type"] == "PER")
                    self.mention_of[i] = (m.start(), m.end())

    def _nominal_actors(self) -> None:
        """Version 3: descriptions as mentions of the named actor they stand beside, or as actors of
        their own (one per head noun); then every actor renumbered in order of first mention."""
        text, ref = self.text, self.ref
        by_id = {a["id"]: a for a in self.actors}
        new: dict[str, dict[str, Any]] = {}
        described: dict[str, TokenRef] = {}  # head noun -> the named actor it last described
        agents = self.lex.profile.agent_nouns
        for t in self.doc:
            if ref[t.i] is not None:
                continue
            if not (is_description(t) or (agents and is_agent_group(t))
                    or (self.lex.profile.class_people and class_group_token(t))):  # v8: by WordNet class
                if self.lex.profile.appositive_nominals:  # version 6: "X, a seamstress", "the seamstress"
                    self._appositive_nominal(t, by_id, described)
                continue
            mention = {"start": t.idx, "end": t.idx + len(t), "text": t.text, "kind": "nominal"}
            named = described_actor(t, ref)
            if named is not None:
                described[t.lower_] = named
            elif t.lower_ in described and any(c.lower_ == "the" for c in t.children):
                named = described[t.lower_]  # "the minister" after "the finance minister, Ana Ruiz,"
            if named is not None:
                by_id[named[0]]["mentions"].append(mention)
                ref[t.i] = named
                continue
            type_, subtype = description_type(t.lower_) or ("PER", "group")
            actor = new.setdefault(t.lower_, {"id": f"n{len(new) + 1}", "name": t.lower_, "type": type_,
                                              **({"subtype": subtype} if subtype else {}), "mentions": []})
            actor["mentions"].append(mention)
            by_id[actor["id"]] = actor
            ref[t.i] = (actor["id"], True, type_ == "PER")
        actors = sorted([*self.actors, *new.values()], key=lambda a: min(m["start"] for m in a["mentions"]))
        renamed = {a["id"]: f"a{n}" for n, a in enumerate(actors, start=1)}
        for a in actors:
            a["id"] = renamed[a["id"]]
            a["mentions"].sort(key=lambda m: (m["start"], m["end"]))
        self.ref = [r if r is None or not r[1] else (renamed[r[0]], r[1], r[2]) for r in ref]
        self.actors = actors

    def _appositive_nominal(self, t: Any, by_id: dict[str, dict[str, Any]], described: dict[str, Any]) -> None:
        """Version 6 (``appositive_nominals``): a noun of any trade in apposition to a named actor is its
        nominal mention, and so is the same noun after "the" later (:mod:`.nominals_v6`); not a noun of
        an event ("X, a nomination that ...")."""
        if t.lower_ in self.lex.event_nouns or t.lemma_.lower() in noun_classes():
            return
        named = appositive_actor(t, self.ref)
        if named is not None:
            described[t.lower_] = named
        else:
            named = referred_actor(t, described)
        if named is None or named[0] not in by_id:
            return
        by_id[named[0]]["mentions"].append({"start": t.idx, "end": t.idx + len(t), "text": t.text, "kind": "nominal"})
        self.ref[t.i] = named

    def _add_tokens(self, found: _Found, spans: list[tuple[int, int]]) -> None:
        """Record the tokens of mentions found in the text rather than among spaCy's entities."""
        for s, e in spans:
            span = self.doc.char_span(s, e, alignment_mode="expand")
            found.tokens_of[(s, e)] = range(span.start, span.end)

    def _cue_places(self, found: _Found, in_ent: set[int]) -> list[tuple[int, int]]:
        """Version 2: the places context cues name ("the town of X", "X-based"), filed as locations;
        returns the spans entities must keep out of (those places and the boilerplate)."""
        doc, text, lex = self.doc, self.text, self.lex
        boiler = boilerplate_spans(text)
        spans = list(boiler)
        for cue in cue_places(text, lex.countries, demonyms=lex.demonyms if lex.profile.demonym_places else None,
                              extra=name_cue_finder(lex)):  # version 7 name cues (None before)
            if inside(boiler, cue.start, cue.end):
                continue
            span = doc.char_span(cue.start, cue.end, alignment_mode="expand")
            if span is None:
                continue
            spans.append((cue.start, cue.end))
            name = cue.canonical or " ".join(text[cue.start:cue.end].split())
            known = lex.gazetteer.get(name) or (lex.gazetteer.get(name.title()) if name.isupper() else None)
            place = cue.place(text, known)
            tokens = range(span.start, span.end)
            in_ent.update(tokens)
            found.tokens_of[(cue.start, cue.end)] = tokens
            key = (place.name, place.country, "" if known is not None else place.type)
            found.places.setdefault(key, (place_fields(place), []))[1].append((cue.start, cue.end))
        return spans

    def _label_v2(self, surface: str, label: str, tokens: range) -> str | None:
        """Version 2: an entity's label corrected by general cues, or None to drop it: a name with an
        organisation's head is an organisation ("Velmara Cotton Mills"), a contest or prize is no actor,
        a country's name is a place or state (never a person)."""
        words = surface.split()
        if words and words[-1] in OCCASION_HEADS and label in ("PERSON", "ORG"):
            return None
        if surface.islower() or (label == "ORG" and len(words) == 1 and is_common_word(surface)
                                 and org_subtype(surface) is None):
            return None  # "congress", "Operations": a common word, not a name
        place = self.lex.gazetteer.get(surface)
        if label == "ORG" and place is not None and len(words) == 1 and not is_org_name(words):
            return "GPE"  # "the people of Tolu": a place spaCy took for an organisation
        if label == "PERSON" and (is_org_name(words) or (len(words) == 1 and org_subtype(surface) is not None)):
            return "ORG"
        if label == "ORG" and 2 <= len(words) <= 3 and not is_org_name(words) and self._person_context(tokens):
            return "PERSON"  # "coach Ana Ruiz", "Ana Ruiz, 54,": spaCy's ORG is a person
        if label in ("FAC", "LOC", "GPE") and is_org_name(words) and org_subtype(surface) is not None:
            return "ORG"  # "the Tana Policy Institute"
        if label in ("PERSON", "ORG", "NORP") and place is not None and place.subtype == "country":
            return "GPE"
        return label

    def _person_v4(self, label: str, tokens: range) -> range | None:
        """Version 4 (``person_cues``): the tokens of an organisation or nationality name that stands
        where a person does (:func:`extractors.spacy_pipeline.actors_v4.person_by_cues`), or None."""
        if not self.lex.profile.person_cues or label not in ("ORG", "NORP"):
            return None
        if is_org_name([t.text for t in self.doc[tokens.start:tokens.stop]]):
            return None
        return person_by_cues(self.doc, tokens, ROLE_NOUNS)

    def _add_site(self, found: _Found, tokens: range, site: tuple[int, str], start: int, end: int) -> None:
        """Version 4 (``facility_names``): file a name that stands before a noun of a site ("the X mine")
        as a mention of the site (FAC), with the noun where it follows this mention, alone elsewhere."""
        head, name = site
        if self.doc[tokens.stop - 1].head.i == head:
            end = self.doc[head].idx + len(self.doc[head])
            found.tokens_of[(start, end)] = range(tokens.start, head + 1)
        found.places.setdefault((name, None, "FAC"), ({"name": name, "type": "FAC"}, []))[1].append((start, end))

    def _gazetteer_place(self, surface: str, label: str, tokens: range, given: dict[str, set[str]]) -> bool:
        """Version 4 (``gazetteer_names``): whether a name spaCy labels a person, an organisation or a
        nationality is a place of the gazetteer (a dateline in capitals looked up in title case): not
        an organisation's name, no word of a person's name in the article, no title or role before it,
        not speaking and not before ", who"; a nationality only when it is no demonym."""
        if not self.lex.profile.gazetteer_names or in_other_name(surface, given):
            return False
        words = surface.split()
        place = self.lex.gazetteer.get(surface) or (self.lex.gazetteer.get(surface.title()) if surface.isupper() else None)
        if place is None or is_org_name(words) or (label == "NORP" and surface in self.lex.demonyms):
            return False
        return not (self._person_context(tokens) or speaks_or_is_named(self.doc, tokens, self.lex.reporting))

    def _person_context(self, tokens: range) -> bool:
        """Whether a name stands where a person does: after a title or a role noun ("defender X"), or
        before a comma and an age ("X, 54,")."""
        doc = self.doc
        before = doc[tokens.start - 1] if tokens.start > 0 else None
        if before is not None and (before.text in ALL_TITLES or before.lower_ in ROLE_NOUNS):
            return True
        after = doc[tokens.stop:tokens.stop + 2]
        return len(after) == 2 and after[0].text == "," and after[1].like_num

    def _add_entity(self, found: _Found, ent: Any, label: str, start: int, end: int) -> None:
        """File the entity at ``start:end`` (its label corrected for known surnames) as a person or
        organisation mention, a state acting, a nationality, or a place."""
        surface = self.text[start:end]
        lex = self.lex
        if lex.profile.acting_sites and label in ("LOC", "FAC") and acting_site(ent, surface in lex.gazetteer):
            label = "ORG"  # version 7: "the X Railway suspended an engineer" (1.4)
        if label in ("PERSON", "ORG"):
            if surface.lower() in PERSON_PRONOUNS:
                return
            title = _title_before(self.doc, found.tokens_of[(start, end)].start) if label == "PERSON" else None
            found.raw.append(RawMention(start, end, surface, "PER" if label == "PERSON" else "ORG", title=title))
        elif label == "NORP":
            iso = lex.demonyms.get(surface)
            if iso is not None and not is_plural_demonym(surface, lex.demonyms):
                found.states.setdefault(iso, []).append((start, end))
            else:
                found.norp.setdefault(iso or surface, []).append((start, end))
        else:
            place = lex.gazetteer.get(surface)
            if place is None and lex.profile.places and surface.isupper():
                place = lex.gazetteer.get(surface.title())  # a dateline: "LIMA"
            if label == "GPE" and self._acts(ent.root) and (place is None or place.subtype == "country") \
                    and not (lex.profile.demonym_places and possessor_of_place(self.text, end)) \
                    and not (lex.profile.territory_cues and territory_cue(self.text, start)):
                found.states.setdefault(place.country if place else surface, []).append((start, end))
                return
            if lex.profile.unplaced_names and label == "GPE" and unplaced(surface, place is not None, self.placed):
                return  # version 7: "Ndaba", "Universidad": a GPE no gazetteer knows, never placed
            if place is not None:
                fields = place_fields(place, "FAC" if label == "FAC" else None)
                key = (place.name, place.country, "")
            else:
                fields = {"name": surface, "type": label}
                key = (surface, None, label)
            found.places.setdefault(key, (fields, []))[1].append((start, end))

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


def _trimmed(doc: Any, first: int, last: int, spaces: bool = False) -> range | None:
    """The tokens ``first:last`` of an entity without a leading article or punctuation and a trailing
    possessive or punctuation (and, with ``spaces``, version 4, line breaks); None when nothing is left."""
    while first < last and doc[first].lower_ in ("the", "a", "an") or (
        first < last and doc[first].is_punct
    ):
        first += 1
    while last > first and (doc[last - 1].is_punct or doc[last - 1].lower_ in ("'s", "’s")
                            or (spaces and doc[last - 1].is_space)):
        last -= 1
    return range(first, last) if first < last else None


def is_agent_group(token: Any) -> bool:
    """Version 4 (``agent_nouns``): a plural agent noun that does something in its clause: the subject
    of a verb or the agent of a passive ("by smugglers"), where a tool of the same shape ("sensors",
    "generators") seldom stands."""
    head = conj_root(token)
    acts = head.dep_ in SUBJECTS or (head.dep_ == "pobj" and head.head.dep_ == "agent")
    return acts and group_of_agents(token)
