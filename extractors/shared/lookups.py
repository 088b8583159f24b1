"""The lexicon lookups an offline extractor builds once and consults for every article."""
from __future__ import annotations

from extractors.shared.lexicon import reporting_lemma
from extractors.shared.places import Place, demonyms, gazetteer, gazetteer_v2
from extractors.shared.profile import V1, Profile
from extractors.shared.triggers import WEAK_EVENT_LEMMAS, event_noun_forms, event_verb_forms
from extractors.shared.triggers_v2 import inventory_noun_forms, inventory_verb_forms
from extractors.shared.triggers_v3 import added_noun_forms, added_verb_forms


class Lexicons:
    """Gazetteer, demonyms, reporting verbs and event triggers, each form -> what it stands for.

    Args:
        min_population: cities below this population are not in the gazetteer (capitals always are).
        profile: the extractor version; version 1 reads exactly the tables it always read.
    """

    def __init__(self, min_population: int, profile: Profile = V1):
        self.profile = profile
        self.min_population = min_population
        self.demonyms: dict[str, str] = demonyms()
        self.reporting: dict[str, str] = reporting_lemma()
        # a trigger form -> its subtype (v2), for verbs and for nouns
        self.verb_subtypes: dict[str, str | None] = {}
        self.noun_subtypes: dict[str, str | None] = {}
        if profile.places:
            self.gazetteer: dict[str, Place] = gazetteer_v2(min_population, profile.small_city_population)
        else:
            self.gazetteer = gazetteer(min_population)
        # a country's name or short form -> its ISO code (context cues: "X, <Country>")
        self.countries: dict[str, str] = {k: p.country for k, p in self.gazetteer.items()
                                          if p.subtype == "country" and p.country} if profile.places else {}
        # lemmas too vague to be triggers alone (version 2 leaves them out of its table instead)
        self.weak_lemmas: frozenset[str] = frozenset() if profile.events else WEAK_EVENT_LEMMAS
        if profile.events:
            verbs, nouns = inventory_verb_forms(), inventory_noun_forms()
            if profile.triggers:
                verbs = {**added_verb_forms(), **verbs}  # a version 2 form keeps its version 2 sense
                nouns = {**added_noun_forms(), **nouns}
            self.event_verbs: dict[str, tuple[str, str]] = {f: (lemma, t) for f, (lemma, t, _) in verbs.items()}
            self.event_nouns: dict[str, tuple[str, str]] = {f: (lemma, t) for f, (lemma, t, _) in nouns.items()}
            self.verb_subtypes = {f: sub for f, (_, _, sub) in verbs.items()}
            self.noun_subtypes = {f: sub for f, (_, _, sub) in nouns.items()}
        else:
            self.event_verbs = event_verb_forms()
            self.event_nouns = event_noun_forms()
