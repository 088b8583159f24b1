"""``extractors.spacy_pipeline.entities``: actors and locations from the entities and the parse."""
from __future__ import annotations

from extractors.spacy_pipeline import SpacyExtractor
from tests.extractors.spacy_pipeline.conftest import one, read


def test_surname_missed_by_the_tagger_still_joins_the_person(spacy_ex: SpacyExtractor) -> None:
    doc = one(spacy_ex, read("valley_floods"))
    (person,) = [a for a in doc.actors if a.type == "PER"]
    assert (person.name, [m.text for m in person.mentions]) == ("Helen Baptiste", ["Helen Baptiste", "Baptiste", "Baptiste"])


def test_state_acting_is_an_actor_and_a_place_is_a_location(spacy_ex: SpacyExtractor) -> None:
    doc = one(spacy_ex, "Peru deployed troops to the border. Heavy rain fell in Chile.")
    assert ([(a.name, a.type) for a in doc.actors], [(loc.name, loc.country) for loc in doc.locations]) == (
        [("Peru", "GPE")], [("Chile", "CL")]
    )
