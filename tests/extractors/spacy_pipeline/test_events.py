"""``extractors.spacy_pipeline.events``: triggers, their arguments and time from the parse."""
from __future__ import annotations

from extractors.spacy_pipeline import SpacyExtractor
from tests.extractors.spacy_pipeline.conftest import one


def test_event_arguments_from_the_parse(spacy_ex: SpacyExtractor) -> None:
    doc = one(spacy_ex, "The minister flew from Nairobi to Lima on Tuesday.")
    names = {loc.id: loc.name for loc in doc.locations}
    (event,) = doc.events
    assert (event.type, event.trigger.text, [(a.role, names[a.ref]) for a in event.arguments], event.time.text) == (
        "MOVE", "flew", [("origin", "Nairobi"), ("destination", "Lima")], "Tuesday"
    )
