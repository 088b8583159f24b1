"""Attribution alignments that serve their own figures, and arguments that need their event's type (issue 14)."""
from __future__ import annotations

from typing import Any

import pytest

from eval.schema import Document
from eval.scoring.align import MODES
from eval.scoring.scorer import score

TEXT = "Ana met Bo. Ana said hi."


def at(fragment: str, nth: int = 1) -> dict[str, Any]:
    start = -1
    for _ in range(nth):
        start = TEXT.index(fragment, start + 1)
    return {"start": start, "end": start + len(fragment), "text": fragment}


def actor(id_: str, type_: str, *mentions: dict[str, Any]) -> dict[str, Any]:
    return {"id": id_, "name": mentions[0]["text"], "type": type_, "mentions": list(mentions)}


def quote(speaker: str | None) -> dict[str, Any]:
    return {"id": f"q-{speaker}", "content": at("hi"), "speaker": speaker, "kind": "indirect"}


def doc(actors: list, quotes: list, events: list | None = None) -> Document:
    return Document(doc_id="d", text=TEXT, actors=actors, quotes=quotes, events=events or [])


@pytest.fixture
def gold() -> Document:
    """Ana (two mentions) and Bo; Ana says "hi"."""
    return doc([actor("a1", "PER", at("Ana"), at("Ana", 2)), actor("a2", "PER", at("Bo"))], [quote("a1")])


@pytest.mark.parametrize("name", ["a1", "p1", "zz", "a2"])
def test_renaming_the_predicted_speaker_changes_nothing(gold, name) -> None:
    # One predicted PER entity that shares a mention with Ana and one with Bo, speaking "hi".
    pred = doc([actor(name, "PER", at("Ana", 2), at("Bo"))], [quote(name)])
    card = score([(gold, pred)], n_boot=0)
    assert {c: round(card.scores[c]["f1"], 3) for c in ("actors", "quotes", "overall")} == {"actors": 0.667, "quotes": 1.0, "overall": 0.917}


@pytest.mark.parametrize(("first", "second"), [("p1", "p2"), ("p2", "p1"), ("b", "a")])
@pytest.mark.parametrize("mode", MODES)
def test_two_identical_predicted_entities_the_quote_naming_the_second(gold, first, second, mode) -> None:
    pred = doc([actor(first, "PER", at("Ana"), at("Ana", 2)), actor(second, "PER", at("Ana"), at("Ana", 2)), actor("o", "PER", at("Bo"))],
               [quote(second)])
    card = score([(gold, pred)], n_boot=0)
    assert card.scores["quotes"]["detail"]["end_to_end"][mode]["f1"] == 1.0


@pytest.mark.parametrize("speaker", ["a1", "a2"])
def test_a_wrong_typed_spurious_actor_does_not_raise_quotes_f1(speaker) -> None:
    gold = doc([actor("a1", "PER", at("Ana")), actor("a2", "PER", at("Bo"))], [quote(speaker)])
    merged = actor("p1", "PER", at("Ana"), at("Bo"))  # one predicted entity for both, speaking "hi"
    spurious = actor("s1", "ORG", at("Bo"))  # wrong type, sharing Bo's mention
    without = score([(gold, doc([merged], [quote("p1")]))], n_boot=0).scores
    with_it = score([(gold, doc([merged, spurious], [quote("p1")]))], n_boot=0).scores
    assert (with_it["quotes"]["detail"], with_it["quotes"]["f1"]) == (without["quotes"]["detail"], 1.0)


MEET_TEXT = "Ana met Bo in Rome."


def meet_doc(event_type: str) -> Document:
    span = lambda s: {"start": MEET_TEXT.index(s), "end": MEET_TEXT.index(s) + len(s), "text": s}  # noqa: E731
    return Document(
        doc_id="m", text=MEET_TEXT,
        actors=[{"id": "a1", "name": "Ana", "type": "PER", "mentions": [span("Ana")]},
                {"id": "a2", "name": "Bo", "type": "PER", "mentions": [span("Bo")]}],
        events=[{"id": "e1", "type": event_type, "trigger": span("met"),
                 "arguments": [{"role": "participant", "ref": "a1"}, {"role": "participant", "ref": "a2"}]}],
    )


@pytest.mark.parametrize("mode", MODES)
def test_arguments_of_a_wrongly_typed_event_earn_no_headline_credit(mode) -> None:
    detail = score([(meet_doc("MEET"), meet_doc("ATTACK"))], n_boot=0).scores["events"]["detail"]
    f1 = {name: detail[name][mode]["f1"] for name in (
        "trigger_identification", "trigger_classification", "argument_identification", "argument_classification",
        "argument_identification_lenient", "argument_classification_lenient", "end_to_end")}
    assert f1 == {"trigger_identification": 1.0, "trigger_classification": 0.0, "argument_identification": 0.0,
                  "argument_classification": 0.0, "argument_identification_lenient": 1.0,
                  "argument_classification_lenient": 1.0, "end_to_end": 0.0}
