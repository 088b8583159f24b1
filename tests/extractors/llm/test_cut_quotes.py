"""A quote longer than the overlap, cut by a piece boundary: the end of one piece holds its beginning,
the next piece its end. The two parts become one quote again (the earliest start, the latest end, the
speaker and cue of whichever part has them); two distinct quotes are never joined."""
from __future__ import annotations

from pathlib import Path

import pytest

from eval.registry import Article
from eval.schema import Document
from extractors.llm import LLMExtractor
from extractors.llm.chunking import merge, split
from extractors.llm.placing import Grounded, GroundedQuote
from extractors.llm.resolve import Entity
from tests.extractors.llm.fake_openai import FakeOpenAI, Oracle, fake_openai  # noqa: F401
from tests.extractors.llm.test_extractor import _span

LONG = ("The ferry to Brennick has run late all winter because the old engines fail in the cold, the spare parts "
        "come from abroad, and the crews have worked double shifts since the autumn storms closed the northern pier.")
TEXT = ("Councillor Mira Tallow opened the harbour meeting on Monday with a short report on the ferries.\n\n"
        f"Tallow said: \u201c{LONG}\u201d She asked for patience.\n\nLater two pilots spoke. \u201cWe are ready,\u201d "
        "said Oskar Brell. \u201cWe are not,\u201d said Anja Dohm. The meeting closed at noon.")


@pytest.fixture
def harbour() -> Document:
    """An invented article with one long quote and two short ones, annotated as the gold would be."""
    t = TEXT

    def mention(s: str, n: int = 0) -> dict:
        return {**_span(t, s, n), "kind": "name"}

    def quote(n: int, content: str, speaker: str, said: int, who: str) -> dict:
        return {"id": f"q{n}", "content": _span(t, content), "speaker": speaker, "kind": "direct",
                "cue": _span(t, "said", said), "speaker_mention": _span(t, who)}

    return Document.model_validate({
        "doc_id": "harbour", "text": t, "locations": [], "events": [],
        "actors": [
            {"id": "a1", "name": "Mira Tallow", "type": "PER", "mentions": [mention("Mira Tallow"), mention("Tallow", 1)]},
            {"id": "a2", "name": "Oskar Brell", "type": "PER", "mentions": [mention("Oskar Brell")]},
            {"id": "a3", "name": "Anja Dohm", "type": "PER", "mentions": [mention("Anja Dohm")]},
        ],
        "quotes": [quote(1, LONG, "a1", 0, "Tallow"), quote(2, "We are ready,", "a2", 1, "Oskar Brell"),
                   quote(3, "We are not,", "a3", 2, "Anja Dohm")],
    })


def _quotes(doc: Document) -> list[tuple]:
    names = {a.id: a.name for a in doc.actors}
    return [(q.content.start, q.content.end, names.get(q.speaker), q.cue and (q.cue.start, q.cue.text)) for q in doc.quotes]


@pytest.mark.parametrize("max_chars", [200, 250, 300])
def test_a_quote_cut_by_a_piece_boundary_is_whole_again(
    fake_openai: FakeOpenAI, harbour: Document, tmp_path: Path, max_chars: int
) -> None:
    pieces = [(c.start, c.start + len(c.text)) for c in split(TEXT, max_chars, max_chars // 8)]
    q1 = harbour.quotes[0].content
    assert not any(s <= q1.start and q1.end <= e for s, e in pieces)  # no piece holds the long quote whole
    fake_openai.responder = Oracle([harbour])
    extractor = LLMExtractor(model="fake", concurrency=1, cache_dir=tmp_path / "cache", max_chars=max_chars)
    [doc] = extractor.extract([Article("harbour", TEXT)])
    assert (doc.meta["chunks"], _quotes(doc), doc.meta["dropped"]) == (len(pieces), _quotes(harbour), [])


def test_the_oracle_answers_the_part_of_a_cut_quote_a_model_sees(harbour: Document) -> None:
    [first, second, _] = split(TEXT, 200, 25)
    said = Oracle([harbour]).answer
    head, tail = said(harbour, first.text, first.start)["quotes"], said(harbour, second.text, second.start)["quotes"]
    assert (head, tail) == (
        [{"content": "The ferry to Brennick has run late all winter because the old engines fail in the cold,",
          "speaker": "a1", "kind": "direct", "cue": "said"}],
        # Tallow and "said" are in the first piece only: the second sees an unattributed quote.
        [{"content": "engines fail in the cold, the spare parts come from abroad, and the crews have worked double shifts "
                     "since the autumn storms closed the northern pier.", "speaker": None, "kind": "direct", "cue": None}],
    )


BRELL, DOHM = Entity("actor", "a1", "Brell", "PER", [(0, 5)], ["Brell"]), Entity("actor", "a2", "Dohm", "PER", [(9, 13)], ["Dohm"])
WORDS = "x" * 60 + " " + "x" * 100  # a space at 60, nothing else blank
# "We are ready," at 48-61 and "We are not," at 64-75, with a closing and an opening quotation mark between them.
PILOTS = "x" * 47 + " We are ready,\u201d \u201cWe are not," + " " * 60


@pytest.mark.parametrize(
    ("text", "bounds", "quotes", "kept"),
    [
        pytest.param(WORDS, [(0, 60), (40, 120)], [((10, 60), BRELL, None, 0), ((40, 90), None, (95, 99), 1)],
                     [((10, 90), BRELL, (95, 99))], id="overlapping-parts"),
        pytest.param(WORDS, [(0, 61), (61, 120)], [((10, 60), None, (3, 7), 0), ((61, 90), DOHM, None, 1)],
                     [((10, 90), DOHM, (3, 7))], id="parts-with-only-a-space-between"),
        pytest.param(WORDS, [(0, 60), (40, 100), (80, 140)],
                     [((10, 60), BRELL, None, 0), ((40, 100), None, None, 1), ((80, 110), None, None, 2)],
                     [((10, 110), BRELL, None)], id="three-pieces"),
        pytest.param(WORDS, [(0, 60), (40, 120)], [((10, 60), BRELL, None, 0), ((40, 90), DOHM, None, 1)],
                     [((10, 60), BRELL, None), ((40, 90), DOHM, None)], id="two-speakers-stay-two"),
        pytest.param(WORDS, [(0, 60), (40, 120)], [((10, 55), BRELL, None, 0), ((40, 90), None, None, 1)],
                     [((10, 55), BRELL, None), ((40, 90), None, None)], id="not-at-the-edge-stays-two"),
        pytest.param(PILOTS, [(0, 61), (61, 120)], [((48, 61), BRELL, None, 0), ((64, 75), DOHM, None, 1)],
                     [((48, 61), BRELL, None), ((64, 75), DOHM, None)], id="adjacent-short-quotes-stay-two"),
        pytest.param(PILOTS, [(0, 61), (61, 120)], [((48, 61), None, None, 0), ((64, 75), None, None, 1)],
                     [((48, 61), None, None), ((64, 75), None, None)], id="adjacent-unattributed-stay-two"),
    ],
)
def test_merge_joins_the_parts_of_one_cut_quote_only(text: str, bounds: list, quotes: list, kept: list) -> None:
    grounded = [Grounded(quotes=[GroundedQuote(span, who, "direct", cue, m) for span, who, cue, m in quotes if m == n],
                         bounds=[b], entities=[BRELL, DOHM] if n == 0 else []) for n, b in enumerate(bounds)]
    merged = merge(grounded, text)
    assert [(q.content, q.speaker and q.speaker.name, q.cue) for q in merged.quotes] == [
        (span, who and who.name, cue) for span, who, cue in kept]
