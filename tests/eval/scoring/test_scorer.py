"""The scorer against hand-computed figures (tests/data/scoring/), and its edge cases."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any, get_args

import pytest

from eval.data.models import ArgumentRole, EventType
from eval.exceptions import ScoringError
from eval.schema import Document
from eval.scoring.align import MODES
from eval.scoring.bootstrap import ANNOTATION_CAVEAT
from eval.scoring.coreference import COREFERENCE
from eval.scoring.figures import CATEGORIES, ErrorItem, accuracy, prf
from eval.scoring.scorer import score


@pytest.fixture
def worked_dir(data_dir: Path) -> Path:
    return data_dir / "scoring" / "worked"


@pytest.fixture
def worked_gold(worked_dir: Path) -> Document:
    return Document.model_validate_json((worked_dir / "gold.json").read_text(encoding="utf-8"))


@pytest.fixture
def worked_pred(worked_dir: Path) -> Document:
    return Document.model_validate_json((worked_dir / "pred.json").read_text(encoding="utf-8"))


@pytest.fixture
def expected(worked_dir: Path) -> dict[str, Any]:
    return json.loads((worked_dir / "expected.json").read_text(encoding="utf-8"))


@pytest.fixture
def fixture_gold(data_dir: Path) -> list[Document]:
    """The two small gold documents of tests/data/bad/gold (valid gold, used by the CLI tests too)."""
    folder = data_dir / "bad" / "gold"
    return [Document.model_validate_json(p.read_text(encoding="utf-8")) for p in sorted(folder.glob("*.json"))]


def counts(card: Any, mode: str) -> dict[str, dict[str, list[int]]]:
    """The scorer's counts in the golden file's shape: [tp, n_gold, n_pred] or [correct, matched]."""
    out: dict[str, dict[str, list[int]]] = {}
    for cat in CATEGORIES:
        detail = card.scores[cat]["detail"]
        flat = {name: fig for name, fig in detail.items() if name not in (*COREFERENCE, "conll")}
        out[cat] = {
            name: [f[mode]["correct"], f[mode]["matched"]] if "accuracy" in f[mode]
            else [f[mode]["tp"], f[mode]["tp"] + f[mode]["fn"], f[mode]["tp"] + f[mode]["fp"]]
            for name, f in flat.items()
        }
    return out


def numbers(scores: dict[str, Any], path: str = "") -> dict[str, float]:
    """Every precision, recall, F1 and accuracy in a scores tree, by path."""
    out: dict[str, float] = {}
    for key, value in scores.items():
        if isinstance(value, dict):
            out |= numbers(value, f"{path}/{key}")
        elif key in ("precision", "recall", "f1", "accuracy") and isinstance(value, float):
            out[f"{path}/{key}"] = value
    return out


@pytest.mark.parametrize("mode", MODES)
def test_worked_example_matches_the_hand_computed_counts(worked_gold, worked_pred, expected, mode) -> None:
    card = score([(worked_gold, worked_pred)], n_boot=0)
    assert counts(card, mode) == expected[mode]


def test_worked_example_coreference_figures(worked_gold, worked_pred, expected) -> None:
    card = score([(worked_gold, worked_pred)], n_boot=0)
    got, want = {}, {}
    for mode, cats in expected["coreference"].items():
        for cat, figs in cats.items():
            detail = card.scores[cat]["detail"]
            got |= {(mode, cat, name): [detail[name][mode][k] for k in ("precision", "recall")] for name in COREFERENCE}
            got[(mode, cat, "conll_f1")] = detail["conll"][mode]["f1"]
            want |= {(mode, cat, name): pytest.approx([a / b for a, b in pr], abs=1e-9) for name, pr in figs.items() if name != "conll_f1"}
            want[(mode, cat, "conll_f1")] = pytest.approx(figs["conll_f1"][0] / figs["conll_f1"][1], abs=1e-9)
    assert got == want


def test_worked_example_breakdowns(worked_gold, worked_pred, expected) -> None:
    card = score([(worked_gold, worked_pred)], n_boot=0)
    got, want = {}, {}
    for cat, parts in expected["breakdowns"].items():
        for key, labels in parts.items():
            if key == "macro":
                got[(cat, key)] = [card.breakdowns[cat]["macro"][k] for k in ("precision", "recall", "f1")]
                want[(cat, key)] = pytest.approx([a / b for a, b in labels])
                continue
            for label, m in card.breakdowns[cat][key].items():
                got[(cat, key, label)] = [m["tp"], m["tp"] + m["fn"], m["tp"] + m["fp"]]
                want[(cat, key, label)] = labels.get(label, [0, 0, 0])
    assert got == want


def test_breakdowns_list_the_whole_inventory(worked_gold) -> None:
    card = score([(worked_gold, worked_gold)], n_boot=0)
    assert {cat: {key: list(value) for key, value in parts.items() if key != "macro"} for cat, parts in card.breakdowns.items()} == {
        "actors": {"by_type": ["PER", "ORG", "GPE", "NORP"]},
        "locations": {"by_type": ["GPE", "LOC", "FAC"]},
        "quotes": {"by_kind": ["direct", "indirect", "mixed"]},
        "events": {"by_type": list(get_args(EventType)), "by_role": list(get_args(ArgumentRole))},
    }


def test_worked_example_headline_f1(worked_gold, worked_pred, expected) -> None:
    card = score([(worked_gold, worked_pred)], n_boot=0)
    got = {cat: card.scores[cat]["f1"] for cat in (*CATEGORIES, "overall")}
    assert got == pytest.approx(expected["headline_f1"])


def test_worked_example_error_list(worked_gold, worked_pred, expected) -> None:
    card = score([(worked_gold, worked_pred)], n_boot=0)
    got = sorted([e.category, e.level, e.outcome, e.text] for e in card.errors)
    assert got == expected["errors"]


def test_error_items_serialise_as_one_json_line(worked_gold, worked_pred) -> None:
    card = score([(worked_gold, worked_pred)], n_boot=0)
    partial = next(e for e in card.errors if e.outcome == "partial" and e.level == "mention")
    line = partial.model_dump_json()
    assert "\n" not in line
    assert ErrorItem.model_validate_json(line).model_dump() == partial.model_dump()
    assert json.loads(line)["gold"] == {"start": 6, "end": 14, "text": "Ana Ruiz"}


@pytest.mark.parametrize("docs", ["worked", "fixtures"])
def test_gold_against_itself_is_one_for_every_figure(docs, worked_gold, fixture_gold) -> None:
    gold = [worked_gold] if docs == "worked" else fixture_gold
    card = score([(d, d) for d in gold], n_boot=50)
    assert {k: v for k, v in numbers(card.scores).items() if v != 1.0} == {}
    assert card.errors == []


def test_empty_prediction_has_recall_zero(worked_gold) -> None:
    empty = Document(doc_id=worked_gold.doc_id, text=worked_gold.text)
    card = score([(worked_gold, empty)], n_boot=0)
    # The one location has one mention: no MUC link to find, so MUC recall is 1.0 (nothing missed).
    recalls = {k: v for k, v in numbers(card.scores).items() if k.endswith("/recall") and not k.startswith("/locations/detail/muc/")}
    assert set(recalls.values()) == {0.0}
    assert card.scores["overall"]["f1"] == 0.0


def test_missing_prediction_is_all_misses(worked_gold) -> None:
    card = score([(worked_gold, None)], n_boot=0)
    assert {c: (card.scores[c]["tp"], card.scores[c]["fp"]) for c in CATEGORIES} == {c: (0, 0) for c in CATEGORIES}
    assert {c: card.scores[c]["fn"] for c in CATEGORIES} == {"actors": 3, "locations": 1, "quotes": 1, "events": 6}
    assert card.errors[0].model_dump(include={"category", "outcome"}) == {"category": "document", "outcome": "missed"}
    assert {e.outcome for e in card.errors} == {"missed"}


@pytest.mark.parametrize(
    ("tp", "n_gold", "n_pred", "expected"),
    [
        (0, 0, 0, (1.0, 1.0, 1.0)),  # nothing to find, nothing predicted
        (0, 0, 2, (0.0, 1.0, 0.0)),  # only spurious items
        (0, 3, 0, (0.0, 0.0, 0.0)),  # an empty answer to a non-empty question
        (1, 2, 4, (0.25, 0.5, 1 / 3)),
    ],
)
def test_zero_division_policy(tp, n_gold, n_pred, expected) -> None:
    got = prf(tp, n_gold, n_pred)
    assert (got["precision"], got["recall"], got["f1"]) == pytest.approx(expected)


@pytest.mark.parametrize(("correct", "matched", "n_items", "value"), [(0, 0, 0, 1.0), (0, 0, 3, 0.0), (1, 4, 8, 0.25)])
def test_accuracy_zero_division(correct, matched, n_items, value) -> None:
    assert accuracy(correct, matched, n_items)["accuracy"] == value


def test_bootstrap_resamples_annotations_below_ten_documents(worked_gold, worked_pred) -> None:
    card = score([(worked_gold, worked_pred)], n_boot=200, seed=3)
    assert card.bootstrap == {"unit": "annotation", "n_resamples": 200, "seed": 3, "confidence": 0.95, "method": "percentile",
                              "caveat": ANNOTATION_CAVEAT}
    assert "correlated" in ANNOTATION_CAVEAT and "too narrow" in ANNOTATION_CAVEAT
    lo, hi = card.scores["actors"]["ci"]["f1"]
    assert 0.0 <= lo <= card.scores["actors"]["f1"] <= hi <= 1.0 and lo < hi


def test_bootstrap_resamples_documents_from_ten_documents(worked_gold, worked_pred) -> None:
    pairs = [
        (worked_gold.model_copy(update={"doc_id": f"d{i}"}), (worked_gold if i % 2 else worked_pred).model_copy(update={"doc_id": f"d{i}"}))
        for i in range(10)
    ]
    card = score(pairs, n_boot=200, seed=0)
    assert (card.bootstrap["unit"], "caveat" in card.bootstrap) == ("document", False)
    assert card.scores["overall"]["ci"]["f1"][0] < card.scores["overall"]["f1"] < card.scores["overall"]["ci"]["f1"][1]


def test_bootstrap_is_reproducible_with_its_seed(worked_gold, worked_pred) -> None:
    runs = [score([(worked_gold, worked_pred)], n_boot=100, seed=s).scores["overall"]["ci"] for s in (7, 7, 8)]
    assert runs[0] == runs[1] != runs[2]


def test_no_intervals_without_resamples(worked_gold) -> None:
    card = score([(worked_gold, worked_gold)], n_boot=0)
    assert [c for c in (*CATEGORIES, "overall") if "ci" in card.scores[c]] == []


def test_headline_is_named_in_the_scores(worked_gold) -> None:
    card = score([(worked_gold, worked_gold)], n_boot=0)
    assert {c: card.scores[c]["headline"] for c in CATEGORIES} == {
        "actors": "entity_typed/partial", "locations": "entity_typed/partial",
        "quotes": "end_to_end/partial", "events": "end_to_end/partial",
    }


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"doc_id": "other"}, "prediction 'other' is paired with gold document 'worked'"),
        ({"text": "Another text."}, "prediction for 'worked' has a text that differs from the gold text"),
    ],
)
def test_inconsistent_pairs_are_refused_before_scoring(worked_gold, change, message) -> None:
    pred = Document.model_construct(**{**dict(worked_gold), **change})
    with pytest.raises(ScoringError, match=message):
        score([(worked_gold, pred)])


def test_duplicate_gold_documents_are_refused(worked_gold) -> None:
    with pytest.raises(ScoringError, match="gold document 'worked' appears twice"):
        score([(worked_gold, None), (worked_gold, None)])


@pytest.mark.parametrize("pairs", [[], [("not a document", None)]])
def test_nothing_or_not_documents_is_refused(pairs) -> None:
    with pytest.raises(ScoringError, match="nothing to score|is not a"):
        score(pairs)


def test_errors_can_be_streamed_instead_of_kept(worked_gold, worked_pred) -> None:
    kept = score([(worked_gold, worked_pred)], n_boot=0).errors
    streamed: list[ErrorItem] = []
    card = score([(worked_gold, worked_pred)], n_boot=0, on_error=streamed.append)
    assert (card.errors, streamed) == ([], kept)


def test_document_order_never_changes_the_intervals(worked_gold, worked_pred) -> None:
    pairs = [
        (worked_gold.model_copy(update={"doc_id": f"d{i:02d}"}), (worked_gold if i % 3 else worked_pred).model_copy(update={"doc_id": f"d{i:02d}"}))
        for i in range(12)
    ]
    forward = score(pairs, n_boot=100, seed=5).scores
    assert score(pairs[::-1], n_boot=100, seed=5).scores == forward


@pytest.fixture
def twelve_pairs(worked_gold, worked_pred) -> list[tuple[Document, Document]]:
    """Twelve documents, a third of them with the worked prediction: enough for the document bootstrap."""
    return [
        (worked_gold.model_copy(update={"doc_id": f"d{i:02d}"}), (worked_gold if i % 3 else worked_pred).model_copy(update={"doc_id": f"d{i:02d}"}))
        for i in range(12)
    ]


@pytest.mark.parametrize("buffer", [12, 5 * 12 + 7, 10**6])
def test_document_bootstrap_draws_one_index_vector_per_resample_whatever_the_buffer(twelve_pairs, monkeypatch, buffer) -> None:
    import numpy as np

    from eval.scoring import bootstrap
    from eval.scoring.figures import HEADLINE
    from eval.scoring.scorer import score_pair

    headline = np.array([[score_pair(g, p, False).counts[(c, HEADLINE[c], "partial")] for c in CATEGORIES]
                         for g, p in twelve_pairs])
    rng = np.random.default_rng(4)
    reference = np.stack([bootstrap.prf_arrays(headline[rng.integers(0, 12, 12)].sum(axis=0)) for _ in range(50)])
    monkeypatch.setattr(bootstrap, "_BOOTSTRAP_BUFFER", buffer)
    assert np.array_equal(bootstrap.resample_documents(headline, 50, 4), reference)


@pytest.mark.parametrize("mode", MODES)
def test_a_mention_with_two_valid_partners_is_aligned_once(mode) -> None:
    # The spurious PER actor repeats NATO's span: one gold mention, two valid predicted ones, so
    # the assignment decides, not the conflict-free path of the Matcher.
    text = "NATO met Russia."
    nato = {"id": "a1", "name": "NATO", "type": "ORG", "mentions": [{"start": 0, "end": 4, "text": "NATO"}]}
    russia = {"id": "a2", "name": "Russia", "type": "ORG", "mentions": [{"start": 9, "end": 15, "text": "Russia"}]}
    twin = {"id": "s1", "name": "NATO", "type": "PER", "mentions": [{"start": 0, "end": 4, "text": "NATO"}]}
    gold = Document(doc_id="d", text=text, actors=[nato, russia])
    pred = Document(doc_id="d", text=text, actors=[twin, nato, russia])
    assert counts(score([(gold, pred)], n_boot=0), mode)["actors"] == {
        "mention": [2, 2, 3], "mention_typed": [2, 2, 3], "mention_type_accuracy": [2, 2],
        "entity": [2, 2, 3], "entity_typed": [2, 2, 3], "entity_type_accuracy": [2, 2], "ceaf_m": [2, 2, 3],
    }


def test_argument_errors_name_the_argument_on_each_side(data_dir: Path) -> None:
    """The report's fixture: two roles swapped, the place left out, an entity added; each error names its argument."""
    gold = Document.model_validate_json((data_dir / "report" / "gold" / "tiny.json").read_text(encoding="utf-8"))
    pred = Document.model_validate_json((data_dir / "report" / "results" / "alpha.predictions.jsonl").read_text(encoding="utf-8"))
    card = score([(gold, pred)], n_boot=0)
    named = [(e.outcome, e.gold_arg and e.gold_arg.model_dump(), e.pred_arg and e.pred_arg.model_dump())
             for e in card.errors if e.level == "argument"]
    assert named == [
        ("wrong_role", {"role": "agent", "ref": "a1"}, {"role": "target", "ref": "a1"}),
        ("wrong_role", {"role": "participant", "ref": "a2"}, {"role": "agent", "ref": "a2"}),
        ("missed", {"role": "place", "ref": "l1"}, None),
        ("spurious", None, {"role": "participant", "ref": "a3"}),
    ]
