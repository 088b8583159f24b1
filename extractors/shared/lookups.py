"""The lexicon lookups an offline extractor builds once and consults for every article."""
from __future__ import annotations

from extractors.shared.lexicon import reporting_lemma
from extractors.shared.places import Place, demonyms, gazetteer
from extractors.shared.triggers import event_noun_forms, event_verb_forms


class Lexicons:
    """Gazetteer, demonyms, reporting verbs and event triggers, each form -> what it stands for.

    Args:
        min_population: cities below this population are not in the gazetteer (capitals always are).
    """

    def __init__(self, min_population: int):
        self.gazetteer: dict[str, Place] = gazetteer(min_population)
        self.demonyms: dict[str, str] = demonyms()
        self.reporting: dict[str, str] = reporting_lemma()
        self.event_verbs: dict[str, tuple[str, str]] = event_verb_forms()
        self.event_nouns: dict[str, tuple[str, str]] = event_noun_forms()
