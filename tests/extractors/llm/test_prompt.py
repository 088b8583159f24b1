"""The prompt: few-shot answers that are valid gold documents, types from the schema and the event
inventory, no gold text (nor text of the development set)."""
from __future__ import annotations

import json
import re
from pathlib import Path
from typing import get_args

from eval.api import (
    ActorType,
    ArgumentRole,
    Article,
    EventType,
    LocationType,
    Modality,
    QuoteKind,
    load_inventory,
)
from extractors.llm.assemble import to_document
from extractors.llm.chunking import merge
from extractors.llm.placing import ground_answer
from extractors.llm.prompt import EXAMPLES, SYSTEM, build_messages, prompt_hash
from extractors.llm.response import parse_answer
from tests.conftest import ROOT

N = 6  # six words in a row shared with a gold article would be a copy, not a coincidence


def _ngrams(text: str) -> set[tuple[str, ...]]:
    words = re.findall(r"\w+", text.lower())
    return {tuple(words[i : i + N]) for i in range(len(words) - N + 1)}


def _shared_ngrams(paths: list[Path]) -> dict[str, list[str]]:
    prompt = "\n".join(m["content"] for m in build_messages(""))
    return {
        path.name: sorted(" ".join(g) for g in _ngrams(prompt) & _ngrams(path.read_text(encoding="utf-8")))
        for path in paths
    }


def test_no_gold_article_text_in_the_prompt(seeds_dir: Path) -> None:
    shared = _shared_ngrams(sorted(seeds_dir.glob("*.txt")))
    assert len(shared) == 3 and shared == {name: [] for name in shared}


def test_no_development_set_text_in_the_prompt() -> None:
    # The few-shot articles were written without reading these; devtest must stay unseen by any extractor.
    shared = _shared_ngrams(sorted((ROOT / "gold" / "dev" / "texts").rglob("*.txt")))
    assert len(shared) >= 12 and shared == {name: [] for name in shared}


def example_documents():
    """The few-shot examples built into documents: (grounded answer, Document, losses) each."""
    for n, (text, answer) in enumerate(EXAMPLES):
        grounded = merge([ground_answer(parse_answer(json.dumps(answer)), text)])
        doc, losses = to_document(Article(f"example{n}", text), grounded, {})
        yield grounded, doc, losses


def test_few_shot_answers_are_valid_documents_with_nothing_lost() -> None:
    results = [(g.dropped, set(g.methods), losses.dropped_entities, losses.unresolved_refs) for g, _, losses in example_documents()]
    assert results == [([], {"exact"}, [], 0)] * len(EXAMPLES)


def test_few_shot_covers_mixed_quotes_and_negative_hypothetical_reported_events() -> None:
    docs = [doc for _, doc, _ in example_documents()]
    quotes = {q.kind for d in docs for q in d.quotes}
    modalities = {e.modality for d in docs for e in d.events}
    polarities = {e.polarity for d in docs for e in d.events}
    lakes = {loc.type for d in docs for loc in d.locations if loc.name.startswith("Lake ")}
    speakers = [q.speaker for d in docs for q in d.quotes]
    assert (quotes, modalities, polarities, lakes, None in speakers) == (
        set(get_args(QuoteKind)), set(get_args(Modality)), {"positive", "negative"}, {"LOC"}, False)


def test_prompt_lists_every_type_of_the_schema() -> None:
    for literal in (ActorType, LocationType, EventType, ArgumentRole, QuoteKind, Modality):
        assert ", ".join(get_args(literal)) in SYSTEM, literal


def test_prompt_defines_every_inventory_type_and_subtype() -> None:
    inventory = load_inventory()
    missing = [t.type for t in inventory.types if f"\n{t.type}: {t.definition}\n" not in SYSTEM] + [
        s.subtype for t in inventory.types for s in t.subtypes if f"\n  {s.subtype}: {s.definition}\n" not in SYSTEM
    ]
    assert (missing, len(inventory.types), len(inventory.all_subtypes())) == ([], 23, 59)


def test_few_shot_shows_types_and_subtypes_of_news_at_large() -> None:
    events = [e for _, doc, _ in example_documents() for e in doc.events]
    subtyped = {(e.type, e.subtype) for e in events if e.subtype}
    assert {e.type for e in events} >= {"PERSONNEL", "BUSINESS", "LEGAL", "LIFE", "DISASTER"} and subtyped >= {
        ("PERSONNEL", "elect"), ("BUSINESS", "lay_off"), ("LEGAL", "fine"), ("LIFE", "injure")}, subtyped


def test_article_is_the_last_message_and_the_hash_ignores_it() -> None:
    messages = build_messages("Some invented article.")
    assert (messages[-1]["role"], "Some invented article." in messages[-1]["content"], len(prompt_hash())) == (
        "user", True, 64
    )
