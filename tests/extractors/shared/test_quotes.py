"""``extractors.shared.quotes``: quotation spans and the events of quote cues."""
from __future__ import annotations

import pytest

from extractors.shared.quotes import QuotationSpans, cue_events


@pytest.mark.parametrize("offset, inside", [(0, False), (2, True), (6, True), (7, False), (11, True), (16, False)])
def test_quotation_spans_contain_the_marks_and_what_they_quote(offset: int, inside: bool) -> None:
    assert QuotationSpans('a “b c” d "e f" g').contains(offset) is inside


def test_a_cue_event_has_the_speaker_as_agent_and_none_without_a_cue() -> None:
    cue = {"start": 4, "end": 8, "text": "said"}
    events = cue_events([{"cue": cue, "speaker": None}, {"cue": None, "speaker": "a1"}])
    assert events == {4: {"type": "STATEMENT", "trigger": cue, "arguments": [], "polarity": "positive",
                          "modality": "asserted"}}
