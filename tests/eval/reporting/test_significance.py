"""Paired bootstrap and approximate randomisation of F1 differences: identical systems, a dominant system, seeds, bounds."""
from __future__ import annotations

import numpy as np
import pytest

from eval.exceptions import ScoringError
from eval.reporting import significance
from eval.reporting.significance import (
    bootstrap_differences,
    f1_difference,
    paired_tests,
    randomised_differences,
)


def _random_counts(seed: int, n: int, k: int) -> np.ndarray:
    """``(n, k, 3)`` plausible unit counts: n_gold and n_pred in 0..2, tp at most both."""
    rng = np.random.default_rng(seed)
    gold, pred = rng.integers(0, 3, (n, k)), rng.integers(0, 3, (n, k))
    tp = np.minimum(gold, pred) * rng.integers(0, 2, (n, k))
    return np.stack([tp, gold, pred], axis=-1)


@pytest.fixture(params=["documents", "annotation units"])
def blocks_of(request: pytest.FixtureRequest):
    """Builds the blocks of each resampling unit from ``(n, 4, 3)`` counts: one shared block, or one per category."""
    def build(a: np.ndarray, b: np.ndarray) -> list[tuple[np.ndarray, np.ndarray]]:
        if request.param == "documents":
            return [(a, b)]
        return [(a[:, [c]], b[:, [c]]) for c in range(a.shape[1])]
    return build


def test_identical_systems_differ_by_zero_with_p_one(blocks_of) -> None:
    a = _random_counts(1, 20, 4)
    out = paired_tests(blocks_of(a, a.copy()), 300, 300, 7, 0.95)
    assert {k: v.tolist() for k, v in out.items() if k not in ("f1_a", "f1_b")} == {
        "difference": [0.0] * 5, "interval": [[0.0] * 5, [0.0] * 5], "p_bootstrap": [1.0] * 5, "p_randomisation": [1.0] * 5,
    }


def test_a_system_better_on_every_unit_is_significant(blocks_of) -> None:
    right = np.tile([1, 1, 1], (30, 4, 1))  # every unit found
    wrong = np.tile([0, 1, 1], (30, 4, 1))  # every unit predicted wrongly
    out = paired_tests(blocks_of(right, wrong), 500, 2000, 0, 0.95)
    assert (out["difference"].tolist(), bool((out["interval"][0] > 0).all()), out["p_bootstrap"].max() < 0.01,
            out["p_randomisation"].max() < 0.01) == ([1.0] * 5, True, True, True)


def test_one_unit_is_never_significant() -> None:
    """Swapping the only unit flips the sign: every round is as extreme as the observed difference."""
    a, b = np.array([[[1, 1, 1]]]), np.array([[[0, 1, 0]]])
    assert paired_tests([(a, b)], 100, 100, 0, 0.95)["p_randomisation"].tolist() == [1.0, 1.0]


@pytest.mark.parametrize("seed", range(5))
def test_p_values_lie_in_0_1_and_the_interval_holds_the_difference_in_order(seed: int) -> None:
    a, b = _random_counts(seed, 15, 4), _random_counts(seed + 100, 15, 4)
    out = paired_tests([(a, b)], 400, 400, seed, 0.95)
    p = np.concatenate([out["p_bootstrap"], out["p_randomisation"]])
    assert (bool(((p > 0) & (p <= 1)).all()), bool((out["interval"][0] <= out["interval"][1]).all())) == (True, True)


def test_the_same_seed_gives_the_same_figures_and_another_seed_others() -> None:
    a, b = _random_counts(3, 25, 4), _random_counts(4, 25, 4)

    def run(seed: int) -> dict:
        return {k: v.tolist() for k, v in paired_tests([(a, b)], 200, 200, seed, 0.95).items()}

    assert (run(5) == run(5), run(5) == run(6)) == (True, False)


def test_swapping_the_systems_negates_the_differences_and_keeps_the_p_values() -> None:
    a, b = _random_counts(8, 25, 4), _random_counts(9, 25, 4)
    ab, ba = paired_tests([(a, b)], 300, 300, 0, 0.95), paired_tests([(b, a)], 300, 300, 0, 0.95)
    np.testing.assert_allclose(
        np.concatenate([ab["difference"], ab["interval"].ravel(), ab["p_bootstrap"], ab["p_randomisation"]]),
        np.concatenate([-ba["difference"], -ba["interval"][::-1].ravel(), ba["p_bootstrap"], ba["p_randomisation"]]),
    )


def test_the_buffer_size_never_changes_the_figures(monkeypatch: pytest.MonkeyPatch) -> None:
    """Rounds are drawn in chunks so that memory stays flat; chunks are the same random stream as one draw."""
    a, b = _random_counts(10, 40, 4), _random_counts(11, 40, 4)

    def both() -> list[list[float]]:
        return [bootstrap_differences(a, b, 50, np.random.default_rng(1)).ravel().tolist(),
                randomised_differences(a, b, 50, np.random.default_rng(2)).ravel().tolist()]

    whole = both()
    monkeypatch.setattr(significance, "BUFFER", 40 * 3)  # three rounds at a time
    assert both() == whole


def test_differences_use_summed_counts_not_mean_unit_f1() -> None:
    # a: one unit of 9/9 and one of 0/1 -> 9/10 recall; b: 1/1 and 0/9 -> 1/10. Means of unit F1 would tie.
    a = np.array([[[9, 9, 9]], [[0, 1, 0]]])
    b = np.array([[[1, 1, 1]], [[0, 9, 0]]])
    assert f1_difference(a, b).round(6).tolist() == [round(2 * 0.9 / 1.9 - 2 * 0.1 / 1.1, 6)]


def test_no_units_give_the_empty_set_figures() -> None:
    empty = np.zeros((0, 1, 3), dtype=np.int64)
    out = paired_tests([(empty, empty)], 10, 10, 0, 0.95)
    assert (out["f1_a"].tolist(), out["difference"].tolist(), out["p_randomisation"].tolist()) == ([1.0, 1.0], [0.0, 0.0], [1.0, 1.0])


def test_unpaired_shapes_are_refused() -> None:
    with pytest.raises(ScoringError, match=r"paired counts need equal shapes .*\(3, 1, 3\) and \(2, 1, 3\)"):
        f1_difference(np.zeros((3, 1, 3)), np.zeros((2, 1, 3)))
