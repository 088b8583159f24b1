"""``extractors.rules.mentions``: actors and locations, their offsets, a country acting as a state."""
from __future__ import annotations

from extractors.rules import RulesExtractor
from tests.extractors.rules.conftest import read


def test_crlf_offsets_match_the_text(rules: RulesExtractor) -> None:
    text = read("kenya_floods")
    doc = rules.extract_one("kenya_floods", text)
    assert "\r\n" in text and [m.text for m in doc.locations[-1].mentions] == ["Mombasa"]
    assert all(text[m.start:m.end] == m.text for a in doc.actors for m in a.mentions)


def test_places_carry_country_and_geonames_id(rules: RulesExtractor) -> None:
    doc = rules.extract_one("t", "Flights from Nairobi to Lima were cancelled.")
    assert [(loc.name, loc.country, loc.geonames_id is not None) for loc in doc.locations] == [
        ("Nairobi", "KE", True), ("Lima", "PE", True)
    ]


def test_country_acting_is_a_state_actor(rules: RulesExtractor) -> None:
    doc = rules.extract_one("t", "Kenya said it would send doctors to Peru.")
    assert ([(a.name, a.type) for a in doc.actors], [loc.name for loc in doc.locations]) == (
        [("Kenya", "GPE")], ["Peru"]
    )
