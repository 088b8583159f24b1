"""Unicode offsets: emoji, combining accents and right-to-left text validate and score at code point offsets.

Offsets are Python ``str`` indices (code points). The same span given in UTF-16 code units or
UTF-8 bytes is rejected with a message that says so; a span that cuts a user-perceived character
is an error in gold and a warning in a prediction.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from eval.data.checks import check_document, check_span, check_span_quality
from eval.data.parsing import iter_parsed
from eval.schema import Document, Span, iter_spans
from eval.scoring.validate import validate_files
from tests.conftest import ROOT


def _span(text: str, part: str) -> dict:
    start = text.index(part)  # a str index: a code point offset, as the contract says
    return {"start": start, "end": start + len(part), "text": part}


def _doc(doc_id: str, text: str, people: list[str], places: list[str], quote: str, speaker: str, trigger: str) -> dict:
    actors = [{"id": f"a{i}", "name": p, "type": "PER", "mentions": [_span(text, p)]} for i, p in enumerate(people)]
    locations = [{"id": f"l{i}", "name": p, "type": "GPE", "mentions": [_span(text, p)]} for i, p in enumerate(places)]
    return {
        "doc_id": doc_id,
        "text": text,
        "actors": actors,
        "locations": locations,
        "quotes": [{"id": "q0", "content": _span(text, quote), "speaker": f"a{people.index(speaker)}", "kind": "direct"}],
        "events": [{"id": "e0", "type": "STATEMENT", "trigger": _span(text, trigger), "arguments": [{"role": "agent", "ref": "a0"}]}],
    }


EMOJI = _doc(
    "emoji",
    "Fans 😀🎉 cheered as Åsa Berg 👋🏽 waved; the family 👨\u200d👩\u200d👧 watched in Malmö. "
    "\"We won 🏆 tonight,\" Berg said.",
    ["Åsa Berg"], ["Malmö"], "We won 🏆 tonight,", "Åsa Berg", "said",
)
COMBINING = _doc(
    "combining",  # decomposed accents: "e" + U+0301, "u" + U+0308
    "Mayor Rene\u0301 Roux of Zu\u0308rich said \"the vote was fair\" after Jose\u0301 Nu\u0301n\u0303ez spoke.",
    ["Rene\u0301 Roux", "Jose\u0301 Nu\u0301n\u0303ez"], ["Zu\u0308rich"], "the vote was fair", "Rene\u0301 Roux", "said",
)
RIGHT_TO_LEFT = _doc(
    "rtl",  # Arabic with a combining shadda (U+0651) in عمّان, and Hebrew, each with a Latin name inside
    "قال الوزير أحمد سالم في عمّان إن \"المحادثات مستمرة\" بعد لقاء مع Maria Lopez. "
    "ראש העיר דנה לוי אמרה \"אנחנו מוכנים\" בחיפה.",
    ["أحمد سالم", "Maria Lopez", "דנה לוי"], ["عمّان", "חיפה"], "المحادثات مستمرة", "أحمد سالم", "قال",
)
FAMILY = "👨\u200d👩\u200d👧"  # one character: man, ZWJ, woman, ZWJ, girl
DOCS = {"emoji": EMOJI, "combining": COMBINING, "rtl": RIGHT_TO_LEFT}


@pytest.fixture(params=sorted(DOCS))
def unicode_doc(request) -> dict:
    return DOCS[request.param]


def test_unicode_documents_validate_as_gold(unicode_doc: dict, tmp_path: Path) -> None:
    path = tmp_path / f"{unicode_doc['doc_id']}.json"
    path.write_text(json.dumps(unicode_doc, ensure_ascii=False), encoding="utf-8")
    report = validate_files([path])
    assert (report.n_docs, report.problems, report.warnings) == (1, [], [])


def test_unicode_predictions_validate_through_the_cli(tmp_path: Path) -> None:
    path = tmp_path / "preds.jsonl"
    path.write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in DOCS.values()), encoding="utf-8")
    proc = subprocess.run(
        [sys.executable, "-m", "eval", "validate", str(path)],
        env={**os.environ, "PYTHONPATH": str(ROOT)}, capture_output=True, text=True, timeout=120,
    )
    assert (proc.returncode, proc.stderr.strip()) == (0, "ok: 3 document(s) in 1 file(s) valid")


def _unit_offsets(text: str, span: Span, codec: str, width: int) -> tuple[int, int]:
    before = len(text[: span.start].encode(codec)) // width
    return before, before + len(span.text.encode(codec)) // width


@pytest.mark.parametrize(("unit", "codec", "width"), [("UTF-16 code units", "utf-16-le", 2), ("UTF-8 bytes", "utf-8", 1)])
def test_offsets_in_other_units_are_rejected_and_named(unicode_doc: dict, unit: str, codec: str, width: int) -> None:
    """Every span whose offsets differ in another unit is rejected, and the message names the unit."""
    doc = Document.model_validate(unicode_doc)
    verdicts = []
    for path, span in iter_spans(doc):
        start, end = _unit_offsets(doc.text, span, codec, width)
        if (start, end) != (span.start, span.end):
            reason = check_span(doc.text, Span(start=start, end=end, text=span.text)) or ""
            verdicts.append((path, f"offsets look like {unit}" in reason, f"this span is [{span.start}, {span.end})" in reason))
    # UTF-16 differs from code points only after a character outside the BMP (an emoji); UTF-8 after any non-ASCII one.
    differs = any(ord(c) > 0xFFFF for c in doc.text) if width == 2 else not doc.text.isascii()
    assert (bool(verdicts), verdicts) == (differs, [(p, True, True) for p, _, _ in verdicts])


@pytest.mark.parametrize(
    ("doc", "part", "cut", "expected"),
    [
        (COMBINING, "Rene\u0301", -1, "ends before U+0301 COMBINING ACUTE ACCENT"),
        (COMBINING, "\u0308rich", 0, "starts on U+0308 COMBINING DIAERESIS"),
        (RIGHT_TO_LEFT, "عمّان", 2, "starts on U+0651 ARABIC SHADDA"),
        (EMOJI, "👋🏽", 1, "splits the character '👋🏽'"),
        (EMOJI, FAMILY, 2, "splits the character " + repr(FAMILY)),
    ],
    ids=["before-combining-acute", "on-combining-diaeresis", "arabic-shadda", "emoji-skin-tone", "emoji-zwj-family"],
)
def test_span_that_cuts_a_character_is_gold_error_and_prediction_warning(
    doc: dict, part: str, cut: int, expected: str, tmp_path: Path
) -> None:
    text = doc["text"]
    start = text.index(part)
    # cut < 0: keep the text up to the last code point of `part`; cut >= 0: drop `cut` code points from the start.
    span = {"start": start, "end": start + len(part) + cut, "text": ""} if cut < 0 else {"start": start + cut, "end": start + len(part), "text": ""}
    span["text"] = text[span["start"] : span["end"]]
    bad = {"doc_id": doc["doc_id"], "text": text, "events": [{"id": "e", "type": "OTHER", "trigger": span}]}
    (tmp_path / "gold").mkdir()
    (tmp_path / "gold" / f"{doc['doc_id']}.json").write_text(json.dumps(bad, ensure_ascii=False), encoding="utf-8")
    (tmp_path / "pred.jsonl").write_text(json.dumps(bad, ensure_ascii=False) + "\n", encoding="utf-8")

    as_gold = next(iter_parsed(tmp_path / "gold" / f"{doc['doc_id']}.json"))
    as_pred = next(iter_parsed(tmp_path / "pred.jsonl"))

    assert (
        as_gold.document is None,
        [p.path for p in as_gold.problems if expected in p.reason],
        as_pred.document is not None,
        [p.path for p in as_pred.warnings if expected in p.reason],
    ) == (True, ["events[0].trigger"], True, ["events[0].trigger"])


def test_whole_clusters_pass_every_check(unicode_doc: dict) -> None:
    doc = Document.model_validate(unicode_doc)
    assert (check_document(doc), check_span_quality(doc)) == ([], [])


@pytest.fixture
def scorer():
    from eval.scoring.scorer import score

    return score


def test_unicode_gold_against_itself_scores_one(scorer, unicode_doc: dict) -> None:
    doc = Document.model_validate(unicode_doc)
    card = scorer([(doc, doc)], n_boot=10)
    headline = {c: (card.scores[c]["precision"], card.scores[c]["recall"], card.scores[c]["f1"]) for c in ("actors", "locations", "quotes", "events")}
    assert headline == {c: (1.0, 1.0, 1.0) for c in headline}


def test_unicode_missing_actor_lowers_recall_only(scorer) -> None:
    gold = Document.model_validate(RIGHT_TO_LEFT)
    data = json.loads(json.dumps(RIGHT_TO_LEFT))
    data["actors"] = [a for a in data["actors"] if a["name"] != "Maria Lopez"]
    pred = Document.model_validate(data)
    actors = scorer([(gold, pred)], n_boot=10).scores["actors"]
    assert (actors["precision"], actors["recall"] < 1.0) == (1.0, True)
