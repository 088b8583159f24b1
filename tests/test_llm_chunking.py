"""Splitting long articles into overlapping chunks and merging the chunk answers without duplicates."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extractors.llm.chunking import merge, split
from extractors.llm.grounding import Entity, Grounded, GroundedEvent, GroundedQuote

WORDS = st.sampled_from(["alpha", "beta.", "gamma\n", "delta", "\n\n", "eps!", "zeta, "])


@settings(max_examples=60, deadline=None)
@given(text=st.lists(WORDS, max_size=200).map(" ".join), max_chars=st.integers(20, 300), overlap=st.integers(0, 100))
def test_chunks_fit_cover_the_text_and_overlap(text: str, max_chars: int, overlap: int) -> None:
    chunks = split(text, max_chars, overlap)
    assert all(
        [
            all(len(c.text) <= max_chars for c in chunks),
            all(text[c.start : c.start + len(c.text)] == c.text for c in chunks),
            chunks[0].start == 0 and chunks[-1].start + len(chunks[-1].text) == len(text),
            # each chunk starts inside or right at the end of the previous one: nothing is skipped
            all(b.start <= a.start + len(a.text) and b.start > a.start for a, b in zip(chunks, chunks[1:])),
        ]
    )


def test_overlap_repeats_the_boundary_sentence() -> None:
    text = " ".join(f"Sentence number {i} ends here." for i in range(30))
    chunks = split(text, 200, 60)
    first_end = chunks[0].start + len(chunks[0].text)
    assert len(chunks) > 1 and first_end - chunks[1].start >= 60


def test_bad_budget_is_refused() -> None:
    with pytest.raises(ValueError, match="max_chars must be at least 1, got 0"):
        split("text", 0)


def test_merge_removes_what_overlapping_chunks_found_twice() -> None:
    a = Grounded(
        actors=[Entity("Lena Brook", "PER", [(0, 10), (50, 55)])],
        quotes=[GroundedQuote((60, 80), None, "direct", None)],  # cut by the chunk's end
        events=[GroundedEvent("MOVE", (56, 59), [], None, None)],
    )
    b = Grounded(
        actors=[Entity("lena  brook", "PER", [(50, 55), (90, 95)]), Entity("Lena Brook", "ORG", [(120, 130)])],
        quotes=[GroundedQuote((60, 99), "Lena Brook", "direct", (101, 105))],
        events=[GroundedEvent("MOVE", (56, 59), [], None, None)],
    )
    merged = merge([a, b])
    assert (merged.actors, merged.quotes, merged.events) == (
        [Entity("Lena Brook", "PER", [(0, 10), (50, 55), (90, 95)]), Entity("Lena Brook", "ORG", [(120, 130)])],
        [GroundedQuote((60, 99), "Lena Brook", "direct", (101, 105))],
        [GroundedEvent("MOVE", (56, 59), [], None, None)],
    )
