"""Span similarity in both modes, and the one optimal, order-independent alignment."""
from __future__ import annotations

import itertools

import numpy as np
import pytest

from eval.scoring.align import (
    MODES,
    PARTIAL_THRESHOLD,
    Matcher,
    TokenIndex,
    as_offsets,
    match,
    similarity_matrix,
    span_similarity,
)

TEXT = "NATO chief Jens Stoltenberg met Zürich's mayor, Corine Mauch - again."


def at(fragment: str, nth: int = 1) -> tuple[int, int]:
    start = -1
    for _ in range(nth):
        start = TEXT.index(fragment, start + 1)
    return start, start + len(fragment)


@pytest.mark.parametrize(
    ("gold", "pred", "strict", "partial"),
    [
        ("Jens Stoltenberg", "Jens Stoltenberg", 1.0, 1.0),
        ("Jens Stoltenberg", "Stoltenberg", 0.0, 2 / 3),  # Dice 2*1/(2+1)
        ("NATO chief Jens Stoltenberg", "Stoltenberg", 0.0, 0.0),  # 2*1/(4+1) = 0.4 < 0.5
        ("chief Jens Stoltenberg", "Stoltenberg", 0.0, 0.5),  # exactly the threshold: a match
        ("Stoltenberg", "Stolten", 0.0, 1.0),  # a cut word still covers the token
        ("Zürich's mayor", "Zürich", 0.0, 0.5),  # \w is Unicode: "Zürich", "s", "mayor"; 2*1/(3+1)
        ("-", "-", 1.0, 1.0),  # no word token: only equal offsets match
        ("Corine Mauch -", "Corine Mauch", 0.0, 1.0),  # punctuation is not a token
        ("NATO", "chief", 0.0, 0.0),
    ],
)
def test_span_similarity(gold, pred, strict, partial) -> None:
    g, p = at(gold), at(pred)
    got = {mode: span_similarity(g, p, mode=mode, text=TEXT) for mode in MODES}
    assert got == pytest.approx({"strict": strict, "partial": partial})


def test_threshold_is_documented_value() -> None:
    assert PARTIAL_THRESHOLD == 0.5


def test_empty_span_matches_only_itself() -> None:
    text = "NATO chief"
    assert (span_similarity((2, 2), (2, 2), mode="partial", text=text), span_similarity((2, 2), (0, 4), mode="partial", text=text)) == (1.0, 0.0)


def test_token_ranges() -> None:
    tokens = TokenIndex(TEXT)
    assert tokens.ranges(as_offsets([at("Jens Stoltenberg"), at("-"), at("Zürich's")])).tolist() == [[2, 4], [10, 10], [5, 7]]


def test_unknown_mode_is_refused() -> None:
    with pytest.raises(ValueError, match="Unknown mode 'fuzzy'. Available: strict, partial"):
        similarity_matrix(as_offsets([(0, 1)]), as_offsets([(0, 1)]), mode="fuzzy")  # type: ignore[arg-type]


def test_alignment_is_optimal_not_greedy() -> None:
    # g0 can take p0 or p1, g1 only p0: a greedy pass taking g0-p0 first would leave g1 alone.
    valid = np.array([[True, True], [True, False]])
    assert match(valid, [valid], ["g0", "g1"], ["p0", "p1"]).pairs == ((0, 1), (1, 0))


def test_levels_are_strict_priorities() -> None:
    valid = np.ones((2, 2), dtype=bool)
    typed = np.array([[True, False], [False, False]])
    sim = np.array([[0.5, 1.0], [1.0, 0.5]])
    # Similarity alone prefers the anti-diagonal (2.0 > 1.0); the type level comes first.
    assert match(valid, [typed, valid, sim], ["a", "b"], ["x", "y"]).pairs == ((0, 0), (1, 1))
    assert match(valid, [valid, sim], ["a", "b"], ["x", "y"]).pairs == ((0, 1), (1, 0))


def test_more_pairs_beat_more_similarity() -> None:
    valid = np.array([[True, True], [False, True]])
    sim = np.array([[0.6, 1.0], [0.0, 0.6]])
    assert len(match(valid, [valid, sim], ["a", "b"], ["x", "y"]).pairs) == 2


@pytest.mark.parametrize("perm", list(itertools.permutations(range(3))))
def test_ties_are_broken_the_same_whatever_the_input_order(perm) -> None:
    keys = [(0, 4, "a"), (0, 4, "b"), (5, 9, "c")]
    valid = np.array([[True, True, False], [True, True, True], [False, True, True]])
    base = match(valid, [valid], keys, keys)
    named = {(keys[g], keys[p]) for g, p in base.pairs}
    p_keys = [keys[i] for i in perm]
    permuted = match(valid[:, list(perm)], [valid[:, list(perm)]], keys, p_keys)
    assert {(keys[g], p_keys[p]) for g, p in permuted.pairs} == named


def test_leftovers_are_misses_and_spurious() -> None:
    valid = np.array([[False, True, False], [False, False, False]])
    al = match(valid, [valid], [0, 1], [0, 1, 2])
    assert (al.pairs, al.missed, al.spurious) == (((0, 1),), (1,), (0, 2))


def test_matcher_without_conflicts_skips_the_assignment() -> None:
    valid = np.eye(3, dtype=bool)
    keys_asked: list[str] = []
    matcher = Matcher(valid, lambda: keys_asked.append("gold") or [0, 1, 2], lambda: keys_asked.append("pred") or [0, 1, 2])
    assert (matcher.conflict_free, matcher.match([valid]).pairs, keys_asked) == (True, ((0, 0), (1, 1), (2, 2)), [])


def test_total_sums_a_level_over_the_pairs() -> None:
    valid = np.eye(2, dtype=bool)
    level = np.array([[3.0, 9.0], [9.0, 4.0]])
    assert match(valid, [valid], [0, 1], [0, 1]).total(level) == 7.0
