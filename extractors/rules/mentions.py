"""Actors and locations for the ``rules`` extractor, from the name candidates of
:mod:`extractors.rules.names`, and the lookup of the mentions by offset that quotes and events use.

Persons and organisations are grouped by :mod:`extractors.shared.grouping` (surnames, acronyms,
pronouns); a country that is the subject of a verb or owns something ("Kenya said", "Kenya's army")
is the state acting, a GPE actor, and a place otherwise.
"""
from __future__ import annotations

import bisect
from typing import Any, NamedTuple

from extractors.rules.cues import RuleLexicons
from extractors.rules.datelines import country_in_dateline
from extractors.rules.names import Candidate
from extractors.rules.org_nominals import attach_org_nominals
from extractors.rules.orgs_v6 import merge_org_forms
from extractors.rules.members_v7 import attach_member_nouns
from extractors.rules.they_v7 import add_they_mentions
from extractors.rules.patterns import AUXILIARIES, NEXT_WORD_RE, PREV_WORD_RE, PRONOUN_RE, WORD_RE
from extractors.shared.context import boilerplate_spans, facility_fields, facility_mentions
from extractors.shared.grouping import RawMention, group_mentions
from extractors.shared.orgs import people_groups
from extractors.shared.nominals_v8 import class_people, class_roles
from extractors.shared.pronouns import add_mentions, add_reference_mentions, it_mentions
from extractors.shared.places_v5 import place_nominals, possessor_of_place, territory_cue
from extractors.shared.places_v7 import placed_facilities, vague_areas
from extractors.shared.places_v8 import person_offices, unnamed_settlements, wordnet_places
from extractors.shared.places_v7b import government_places, head_facilities, placed_groups, service_places
from extractors.shared.output import actor_records, location_records, place_fields, role_records
from extractors.shared.roles import role_actors

# Words before a place that make it a place rather than a state acting.
PLACE_PREPOSITIONS: frozenset[str] = frozenset(
    "in into to from at near across toward towards through throughout inside outside within around via of "
    "across along over between".split()
)


class Ref(NamedTuple):
    """A mention already assigned to an actor or location id (a tuple: made by the hundred per article)."""

    start: int
    end: int
    ref: str
    is_actor: bool
    is_person: bool


class SortedOffsets:
    """Membership in a sorted list of offsets by binary search: ``refs``' starts are already kept sorted
    (``ref_starts``), and a set of them would cost a hash table the size of the mentions again.

    >>> 7 in SortedOffsets([3, 7, 7, 9]), 8 in SortedOffsets([3, 7, 7, 9])
    (True, False)
    """

    def __init__(self, offsets: list[int]):
        self._offsets = offsets

    def __contains__(self, offset: int) -> bool:
        i = bisect.bisect_left(self._offsets, offset)
        return i < len(self._offsets) and self._offsets[i] == offset



class MentionFinder:
    """The actors, locations and mentions of one article (a part of
    :class:`extractors.rules.article.RulesArticle`); ``refs`` is sorted by offset once both are found."""

    text: str
    lex: RuleLexicons
    refs: list[Ref]
    ref_starts: list[int]

    def _actors(self, candidates: list[Candidate]) -> list[dict[str, Any]]:
        """Actors from the candidates and the pronouns, grouped; their mentions join ``refs``."""
        text = self.text
        raw: list[RawMention] = []
        states: dict[str, list[tuple[int, int]]] = {}
        norp: dict[str, list[tuple[int, int]]] = {}
        persons = {w for c in candidates if c.type == "PER" and not c.single for w in c.text.split()[-1:]}
        for c in candidates:
            if c.type == "PER" and c.single and not (c.text in persons or self._next_to_cue(c)):
                continue
            if c.type in ("PER", "ORG"):
                raw.append(RawMention(c.start, c.end, c.text, c.type, "name", c.title))
            elif c.type == "GPE":
                states.setdefault(c.country or "", []).append((c.start, c.end))
            elif c.type == "NORP":
                norp.setdefault(c.country or "", []).append((c.start, c.end))
            elif c.place is not None and c.place.subtype == "country" and self._acts(c) \
                    and not (self.lex.profile.demonym_places and (c.cue or possessor_of_place(text, c.end))):
                c.type = "GPE"  # no longer a place: _locations passes it over
                c.country = c.place.country
                states.setdefault(c.country or "", []).append((c.start, c.end))
        for m in PRONOUN_RE.finditer(text):
            raw.append(RawMention(m.start(), m.end(), m.group(), "PER", "pronoun"))
        actors: list[dict[str, Any]] = []
        groups = group_mentions(raw)
        people = None
        if self.lex.profile.actor_cues:
            taken = [(m.start, m.end) for m in raw] + [s for spans in (*states.values(), *norp.values()) for s in spans]
            people = people_groups(text, taken + boilerplate_spans(text), self.lex.profile.speaker_nouns)
            if self.lex.profile.class_people:  # v8: plural nouns of people by their WordNet class (1.2)
                people = class_people(text, taken + boilerplate_spans(text), people)
        records = actor_records(text, groups, states, norp, self.lex.profile.actor_cues, people)
        if self.lex.profile.short_orgs or self.lex.profile.headline_heads:  # v6: later forms of a named body
            records = merge_org_forms(text, records, short=self.lex.profile.short_orgs,
                                      heads=self.lex.profile.headline_heads)
        if self.lex.profile.actor_cues:
            add_reference_mentions(text, [a for a, _ in records])
        if self.lex.profile.nominal_actors:
            taken = [(m["start"], m["end"]) for a, _ in records for m in a["mentions"]]
            names = sorted(m["start"] for a, is_person in records if is_person for m in a["mentions"]
                           if m["kind"] == "name")
            roles = role_actors(text, taken + boilerplate_spans(text), names, v4=self.lex.profile.speaker_nouns)
            if self.lex.profile.class_persons:  # v8: singular nouns of one person by WordNet class (5 l 2)
                roles = class_roles(text, taken + boilerplate_spans(text), roles, names)
            if self.lex.profile.org_nominals:  # v5: "X, a company", "the company" are X's mentions
                roles = attach_org_nominals(text, roles, [a for a, _ in records])
            added = role_records(text, roles, len(records))
            records += added
            if self.lex.profile.it_roles:
                _it_to_roles(text, [a for a, _ in records], {a["id"] for a, _ in added})
        if self.lex.profile.body_members:  # v7: "its members", "union officials": the organisation (5 l)
            records = attach_member_nouns(text, records)
        if self.lex.profile.they_groups:  # v7: "they", "them", "their" of the group named last
            add_they_mentions(text, [a for a, _ in records])
        for actor, is_person in records:
            actors.append(actor)
            # Pronouns resolved by the grouping are mentions too, so "he said" finds its person here.
            self.refs.extend(Ref(m["start"], m["end"], actor["id"], True, is_person) for m in actor["mentions"])
        return actors

    def _acts(self, c: Candidate) -> bool:
        """Whether a country name is the state acting: owner ("X's army") or subject of a verb."""
        text = self.text
        if self.lex.profile.wire_lines and country_in_dateline(text, c.start, c.end):
            return False  # v5: "LIMA, Peru, March 4": a dateline's place, "March" no verb
        if self.lex.profile.territory_cues and territory_cue(text, c.start):
            return False  # version 5: "LIMA, Peru, March 3", "northern Peru's": the territory
        if text[c.end:c.end + 2] in ("’s", "'s"):
            after = text[c.end + 2:c.end + 40].split()
            return bool(after) and after[0].lower() not in ("most", "largest", "biggest", "second", "third")
        before = text[max(0, c.start - 20):c.start].split()
        if before and before[-1].lower() in PLACE_PREPOSITIONS:
            return False
        after = WORD_RE.findall(text, c.end, min(len(text), c.end + 40))
        if not after:
            return False
        word = after[0].lower()
        if word in AUXILIARIES and len(after) > 1:
            word = after[1].lower()
        return word in self.lex.reporting or word in self.lex.event_verbs

    def _next_to_cue(self, c: Candidate) -> bool:
        """A lone capitalised word right next to a reporting verb: "Kamau said", "said Kamau"."""
        after = NEXT_WORD_RE.match(self.text, c.end)
        before = PREV_WORD_RE.search(self.text, max(0, c.start - 20), c.start)
        return bool(after and after.group(1) in self.lex.reporting) or bool(
            before and before.group(1) in self.lex.reporting
        )


    def _locations(self, candidates: list[Candidate]) -> list[dict[str, Any]]:
        """Locations from the gazetteer candidates, one per place; their mentions join ``refs``."""
        places: dict[tuple[str, str | None], tuple[dict[str, Any], list[tuple[int, int]]]] = {}
        for c in candidates:
            if c.type != "LOC" or c.place is None:
                continue
            key = (c.place.name, c.place.country)
            if key not in places:
                places[key] = (place_fields(c.place), [])
            places[key][1].append((c.start, c.end))
        nominal = []
        if self.lex.profile.places:
            taken = [(r.start, r.end) for r in self.refs] + [(c.start, c.end) for c in candidates]
            found = facility_mentions(self.text, taken + boilerplate_spans(self.text), self.lex.profile.generic_facilities)
            if self.lex.profile.service_places:  # version 7: "taken to hospital" is no place (1.3)
                found = service_places(self.text, found)
            if self.lex.profile.modifier_facilities:  # version 7: "school fees", "a port city" (1.3)
                found = head_facilities(self.text, found, self.lex.event_verbs)
            if self.lex.profile.person_offices:  # version 8: "the minister's office" is a body (1.2, 1.4)
                found = person_offices(self.text, found)
            nominal = [(facility_fields(noun), spans) for noun, spans in found.items()]
            if self.lex.profile.placed_groups:  # version 7: "the office in X", "the office in Y": two
                nominal = placed_groups(self.text, nominal)
        locations = location_records(self.text, places.values(), nominal)
        if self.lex.profile.place_nominals:  # version 5: "the city", "the Kenyan capital" (5 ab)
            taken = [(r.start, r.end) for r in self.refs] + [(m["start"], m["end"]) for loc in locations
                                                              for m in loc["mentions"]]
            place_nominals(self.text, locations, taken, self.lex.demonyms, self.lex.reporting,
                           self.lex.event_verbs)
        if self.lex.profile.placed_facilities:  # version 7: "an office in X", "the X terminal" (1.3)
            placed_facilities(self.text, locations, [(r.start, r.end) for r in self.refs] + [
                (m["start"], m["end"]) for loc in locations for m in loc["mentions"]], self.lex.event_verbs)
        if self.lex.profile.vague_areas:  # version 7: "jobs in the area", "fled the scene" (1.3)
            vague_areas(self.text, locations, [(r.start, r.end) for r in self.refs] + [
                (m["start"], m["end"]) for loc in locations for m in loc["mentions"]], self.lex.event_verbs)
        if self.lex.profile.wordnet_facilities:  # version 8: placed nouns of WordNet's kinds of place (1.3)
            wordnet_places(self.text, locations, [(r.start, r.end) for r in self.refs] + [
                (m["start"], m["end"]) for loc in locations for m in loc["mentions"]], self.lex.event_verbs)
        if self.lex.profile.unnamed_settlements:  # version 8: "a village outside X" (1.3)
            unnamed_settlements(self.text, locations, [(r.start, r.end) for r in self.refs] + [
                (m["start"], m["end"]) for loc in locations for m in loc["mentions"]], self.lex.event_verbs)
        if self.lex.profile.government_places:  # version 7: "the mayor of X" names a government (1.4)
            government_places(self.text, locations)
        for loc in locations:
            self.refs.extend(Ref(m["start"], m["end"], loc["id"], False, False) for m in loc["mentions"])
        return locations

    def _actor_ref_at(self, start: int, end: int) -> Ref | None:
        """The actor mention that starts in [start, end)."""
        i = bisect.bisect_left(self.ref_starts, start)
        while i < len(self.refs) and self.refs[i].start < end:
            if self.refs[i].is_actor:
                return self.refs[i]
            i += 1
        return None

    def _actor_ref_ending(self, start: int, end: int) -> Ref | None:
        """The last actor mention that ends in (start, end]."""
        best = None
        i = bisect.bisect_left(self.ref_starts, max(0, start - 200))
        while i < len(self.refs) and self.refs[i].start < end:
            r = self.refs[i]
            if r.is_actor and start < r.end <= end:
                best = r
            i += 1
        return best


def _it_to_roles(text: str, actors: list[dict[str, Any]], role_ids: set[str]) -> None:
    """Version 4 (``it_roles``): an "it"/"its" whose nearest organisation before it is a body named only
    by its role noun ("the state prosecutor's office said. ... it said") is that body's, not the
    organisation named before it (version 2 resolved "it" before the role nouns were actors)."""
    owner = {(m["start"], m["end"]): a for a in actors for m in a["mentions"]}
    moved = []
    for ref, start, end in it_mentions(text, actors, []):
        current = owner.get((start, end))
        if ref not in role_ids or (current is not None and (current["id"] == ref or len(current["mentions"]) < 2)):
            continue  # an actor keeps at least one mention
        if current is not None:
            current["mentions"] = [m for m in current["mentions"] if (m["start"], m["end"]) != (start, end)]
        moved.append((ref, start, end))
    add_mentions(text, actors, moved)
