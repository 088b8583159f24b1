"""Event subtypes: from the model's reply, through the fake server, into the Document; one that does
not fit its type is dropped alone, with the reason, never the event."""
from __future__ import annotations

from pathlib import Path

import pytest

from eval.registry import Article
from extractors.llm import LLMExtractor
from extractors.llm.chunking import merge
from extractors.llm.placing import Grounded, GroundedEvent
from extractors.llm.response import parse_answer
from tests.extractors.llm.fake_openai import EMPTY_ANSWER, FakeOpenAI, fake_openai, ok  # noqa: F401

TEXT = "The Orvel Textile Company said on Monday it would cut 250 jobs at its mill in Sarn."
ACTORS = [{"id": "a1", "name": "Orvel Textile Company", "type": "ORG", "mentions": ["Orvel Textile Company", "it", "its"]}]


def _reply(subtype: object) -> dict:
    event = {"type": "BUSINESS", "trigger": "cut", "agent": ["a1"], "modality": "planned"}
    return {**EMPTY_ANSWER, "actors": ACTORS, "events": [{**event, "subtype": subtype}]}


NOT_BUSINESS = "subtype elect belongs to PERSONNEL, not to BUSINESS; subtypes of BUSINESS: start_org, merge_org, " \
    "declare_bankruptcy, end_org, open_facility, close_facility, lay_off"


@pytest.mark.parametrize(
    ("subtype", "kept", "dropped"),
    [
        pytest.param("lay_off", "lay_off", [], id="its-own"),
        pytest.param("Lay-off", "lay_off", [], id="respelled"),
        pytest.param(None, None, [], id="null"),
        pytest.param("elect", None, [{"path": "events[0].subtype", "text": NOT_BUSINESS}], id="another-types"),
        pytest.param("layoffs", None, [{"path": "events[0].subtype", "text": "unknown subtype layoffs, not to "
                     "BUSINESS; subtypes of BUSINESS: start_org, merge_org, declare_bankruptcy, end_org, "
                     "open_facility, close_facility, lay_off"}], id="unknown"),
        pytest.param(["lay_off"], None, [{"path": "events[0].subtype", "text": "a subtype must be a string, not list"}],
                     id="not-a-string"),
    ],
)
def test_the_subtype_reaches_the_document_or_is_dropped_alone_with_its_reason(
    fake_openai: FakeOpenAI, tmp_path: Path, subtype: object, kept: str | None, dropped: list
) -> None:
    fake_openai.push(ok(_reply(subtype)))
    extractor = LLMExtractor(model="fake", concurrency=1, cache_dir=tmp_path / "cache")
    [doc] = extractor.extract([Article("orvel", TEXT)])
    [event] = doc.events
    assert ((event.type, event.subtype, event.trigger.text, event.modality), doc.meta["dropped"],
            extractor.usage["dropped_items"]) == (("BUSINESS", kept, "cut", "planned"), dropped, len(dropped))


def test_an_event_of_two_pieces_keeps_the_subtype_either_gave() -> None:
    def piece(subtype: str | None, n: int) -> Grounded:
        event = GroundedEvent("PERSONNEL", (10, 18), [], None, None, n, subtype)
        return Grounded(events=[event], bounds=[(0, 30)] if n == 0 else [(5, 40)])

    merged = merge([piece(None, 0), piece("elect", 1)])
    assert [(e.type, e.trigger, e.subtype) for e in merged.events] == [("PERSONNEL", (10, 18), "elect")]


def test_parsing_keeps_the_event_when_its_subtype_is_dropped() -> None:
    answer = parse_answer('{"events": [{"type": "OTHER", "trigger": "x", "subtype": "die"},'
                          ' {"type": "LIFE", "trigger": "y", "subtype": "die"}]}')
    assert ([(e.type, e.subtype) for e in answer.events], answer.dropped) == (
        [("OTHER", None), ("LIFE", "die")],
        [{"path": "events[0].subtype", "reason": "subtype die belongs to LIFE, not to OTHER; OTHER has no subtypes"}],
    )
