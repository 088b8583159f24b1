"""``extractors.shared.quotes`` and ``extractors.shared.events``: quotation spans, cue events, roles."""
from __future__ import annotations

import pytest

from extractors.shared.events import Arguments, place_role
from extractors.shared.quotes import QuotationSpans, cue_events


@pytest.mark.parametrize("offset, inside", [(0, False), (2, True), (6, True), (7, False), (11, True), (16, False)])
def test_quotation_spans_contain_the_marks_and_what_they_quote(offset: int, inside: bool) -> None:
    assert QuotationSpans('a “b c” d "e f" g').contains(offset) is inside


def test_a_cue_event_has_the_speaker_as_agent_and_none_without_a_cue() -> None:
    cue = {"start": 4, "end": 8, "text": "said"}
    events = cue_events([{"cue": cue, "speaker": None}, {"cue": None, "speaker": "a1"}])
    assert events == {4: {"type": "STATEMENT", "trigger": cue, "arguments": [], "polarity": "positive",
                          "modality": "asserted"}}


@pytest.mark.parametrize("etype, prep, role", [
    ("MOVE", "to", "destination"), ("DEPLOY", "into", "destination"), ("MOVE", "from", "origin"),
    ("DEPLOY", "from", None), ("ATTACK", "near", "place"), ("ATTACK", "to", None),
])
def test_place_roles(etype: str, prep: str, role: str | None) -> None:
    assert place_role(etype, prep, frozenset({"near"})) == role


def test_arguments_keep_each_role_and_ref_once_in_order() -> None:
    args = Arguments()
    for role, ref in [("agent", "a1"), ("target", "a1"), ("agent", "a1"), ("place", "l1")]:
        args.add(role, ref)
    assert args.items == [
        {"role": "agent", "ref": "a1"}, {"role": "target", "ref": "a1"}, {"role": "place", "ref": "l1"}
    ]
