"""Splitting long articles into pieces that always advance, and merging only what two pieces both found."""
from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extractors.llm.chunking import merge, split
from extractors.llm.placing import Grounded, GroundedEvent, GroundedQuote
from extractors.llm.resolve import Entity
from tests.conftest import ROOT

WORDS = st.sampled_from(["alpha", "beta.", "gamma\n", "delta", "\n\n", "eps!", "zeta, "])
GOLD = ROOT / "gold"


@settings(max_examples=60, deadline=None)
@given(text=st.lists(WORDS, max_size=200).map(" ".join), max_chars=st.integers(20, 300), overlap=st.integers(0, 300))
def test_pieces_fit_cover_the_text_and_advance(text: str, max_chars: int, overlap: int) -> None:
    chunks = split(text, max_chars, overlap)
    assert all(
        [
            all(len(c.text) <= max_chars for c in chunks),
            all(text[c.start : c.start + len(c.text)] == c.text for c in chunks),
            chunks[0].start == 0 and chunks[-1].start + len(chunks[-1].text) == len(text),
            # each piece starts inside or right at the end of the previous one: nothing is skipped
            all(b.start <= a.start + len(a.text) and b.start > a.start for a, b in zip(chunks, chunks[1:])),
            # and at least half the previous piece further on: the window never crawls
            all(b.start - a.start >= len(a.text) // 2 for a, b in zip(chunks, chunks[1:])),
        ]
    )


@pytest.mark.parametrize("max_chars", [500, 1000])
def test_number_of_pieces_is_close_to_length_over_step(max_chars: int) -> None:
    # An overlap of half the piece or more once made the window advance one character at a time
    # (2,250 requests for the 3 gold articles at 500 characters); it is capped at a quarter.
    texts = [json.loads(p.read_text(encoding="utf-8"))["text"] for p in sorted(GOLD.glob("0*.json"))]
    n = sum(len(split(t, max_chars, max_chars)) for t in texts)
    bound = sum(len(t) // (max_chars // 2) + 1 for t in texts)  # the step is at least half a piece
    assert 3 <= n <= bound, (n, bound)


def test_overlap_repeats_the_boundary_sentence() -> None:
    text = " ".join(f"Sentence number {i} ends here." for i in range(30))
    chunks = split(text, 200, 40)
    first_end = chunks[0].start + len(chunks[0].text)
    assert len(chunks) > 1 and first_end - chunks[1].start >= 40


def test_bad_budget_is_refused() -> None:
    with pytest.raises(ValueError, match="max_chars must be at least 1, got 0"):
        split("text", 0)


def _entity(name: str, mentions: list[tuple[int, int]], kind: str = "actor", type_: str = "PER") -> Entity:
    return Entity(kind, "a1", name, type_, mentions, [name.split()[-1]] * len(mentions))


def test_merge_unites_what_two_pieces_found_twice() -> None:
    brook_a, brook_b = _entity("Lena Brook", [(0, 10), (50, 55)]), _entity("lena  brook", [(50, 55), (90, 95)])
    org = _entity("Lena Brook", [(120, 130)], type_="ORG")
    a = Grounded(entities=[brook_a], quotes=[GroundedQuote((60, 80), None, "direct", None, 0)],  # cut at the edge
                 events=[GroundedEvent("MOVE", (56, 59), [("agent", brook_a)], None, None, 0)], bounds=[(0, 80)])
    b = Grounded(entities=[brook_b, org], quotes=[GroundedQuote((60, 99), brook_b, "direct", (101, 105), 0)],
                 events=[GroundedEvent("MOVE", (56, 59), [("agent", brook_b)], None, None, 0)], bounds=[(50, 140)])
    b.quotes[0].piece = b.events[0].piece = 1
    merged = merge([a, b])
    [brook] = [e for e in merged.entities if e.type == "PER"]
    assert (
        [(e.name, e.mentions) for e in merged.entities],
        [(q.content, q.speaker is brook, q.cue) for q in merged.quotes],
        [(e.trigger, [(r, x is brook) for r, x in e.arguments]) for e in merged.events],
    ) == (
        [("Lena Brook", [(0, 10), (50, 55), (90, 95)]), ("Lena Brook", [(120, 130)])],
        [((60, 99), True, (101, 105))],
        [((56, 59), [("agent", True)])],
    )


def test_nested_quotes_of_one_piece_both_survive() -> None:
    outer = GroundedQuote((10, 200), None, "indirect", None, 0)
    inner = GroundedQuote((80, 150), None, "indirect", None, 0)
    again = [GroundedQuote((10, 200), None, "indirect", None, 1), GroundedQuote((80, 150), None, "indirect", None, 1)]
    merged = merge([Grounded(quotes=[outer, inner], bounds=[(0, 300)]), Grounded(quotes=again, bounds=[(5, 400)])])
    assert sorted(q.content for q in merged.quotes) == [(10, 200), (80, 150)]
