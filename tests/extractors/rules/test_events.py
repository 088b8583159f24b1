"""``extractors.rules.events``: triggers and their arguments."""
from __future__ import annotations

from extractors.rules import RulesExtractor


def test_event_with_arguments(rules: RulesExtractor) -> None:
    text = "The Northern Liberation Front attacked a convoy near Mosul on Sunday."
    doc = rules.extract_one("t", text)
    ids = {a.id: a.name for a in doc.actors} | {loc.id: loc.name for loc in doc.locations}
    assert [(e.type, e.trigger.text, [(a.role, ids[a.ref]) for a in e.arguments]) for e in doc.events] == [
        ("ATTACK", "attacked", [("agent", "Northern Liberation Front"), ("target", "Mosul"), ("place", "Mosul")])
    ]
