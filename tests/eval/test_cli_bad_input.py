"""Every bad input of issue 8, through the real command line (``python -m eval``).

Each case writes its input files into a fresh folder, runs the command there, and checks the exit
status, that stderr names the file, the JSON path and the reason, that no traceback is printed, and
that the output folder holds no file (nothing half-written). The gold is the tiny fixture
``tests/data/bad/gold`` (documents ``alpha`` and ``beta``), so the suite does not depend on the
shipped gold.
"""
from __future__ import annotations

import copy
import json
import os
import re
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

import pytest

from tests.conftest import DATA, ROOT

GOLD = DATA / "bad" / "gold"
VALID = DATA / "bad" / "valid.jsonl"
OUT = "out"  # every command that can write is pointed here; it must stay empty when the command fails

Docs = list[dict]
Writer = Callable[[Path, Docs], None]


def _valid_docs() -> Docs:
    return [json.loads(line) for line in VALID.read_text(encoding="utf-8").splitlines()]


def _json(name: str, change: Callable[[dict], None] | None = None, doc: int = 0) -> Writer:
    """Write document ``doc`` of the valid set to ``name`` after ``change``."""

    def write(folder: Path, docs: Docs) -> None:
        d = copy.deepcopy(docs[doc])
        if change:
            change(d)
        # ASCII-escaped JSON, so that a lone surrogate can be written as the \ud83d escape it would be
        (folder / name).write_text(json.dumps(d), encoding="utf-8")

    return write


def _jsonl(name: str, change: Callable[[Docs], Docs] | None = None) -> Writer:
    def write(folder: Path, docs: Docs) -> None:
        docs = change(copy.deepcopy(docs)) if change else docs
        (folder / name).write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in docs), encoding="utf-8")

    return write


def _raw(name: str, make: Callable[[bytes], bytes]) -> Writer:
    """Write bytes made from the valid JSON Lines file."""

    def write(folder: Path, _docs: Docs) -> None:
        (folder / name).write_bytes(make(VALID.read_bytes()))

    return write


def _set(path: str, value: object) -> Callable[[dict], None]:
    """Set a value at a dotted path such as ``quotes.0.content.end``."""

    def change(doc: dict) -> None:
        *parents, last = [int(p) if p.isdigit() else p for p in path.split(".")]
        target = doc
        for p in parents:
            target = target[p]
        target[last] = value

    return change


def _delete(path: str) -> Callable[[dict], None]:
    def change(doc: dict) -> None:
        *parents, last = [int(p) if p.isdigit() else p for p in path.split(".")]
        target = doc
        for p in parents:
            target = target[p]
        del target[last]

    return change


EMOJI_TEXT = "Fans 😀 cheered as Åsa Berg waved."


def _emoji_doc(start: int, end: int, text: str) -> Callable[[dict], None]:
    """Replace the document by one whose text has an emoji before an actor mention."""

    def change(doc: dict) -> None:
        doc.clear()
        doc.update(
            doc_id="alpha",
            text=EMOJI_TEXT,
            actors=[{"id": "a1", "name": "Åsa Berg", "type": "PER", "mentions": [{"start": start, "end": end, "text": text}]}],
        )

    return change


# "e" + COMBINING ACUTE ACCENT: one character, two code points.
COMBINING_TEXT = "Mayor Rene\u0301 Roux spoke."


def _combining(doc: dict) -> None:
    doc.clear()
    doc.update(
        doc_id="gamma",
        text=COMBINING_TEXT,
        actors=[{"id": "a1", "name": "René Roux", "type": "PER", "mentions": [{"start": 6, "end": 10, "text": "Rene"}]}],
    )


@dataclass(frozen=True)
class Case:
    """One bad input: files to write, the command, and what must come back."""

    id: str
    write: list[Writer]
    args: list[str]
    code: int
    stderr: list[str]  # regular expressions, each must be found in stderr
    extra: dict = field(default_factory=dict)


def _score(pred: str, *more: str) -> list[str]:
    return ["score", "--pred", pred, "--gold", str(GOLD), "--out", OUT, *more]


CASES = [
    Case("malformed-json", [_raw("bad.json", lambda b: b[:40])], ["validate", "bad.json"], 1,
         [r"^error: bad\.json: invalid JSON: .*: line 1 column \d+$"]),
    Case("truncated-jsonl-line", [_raw("pred.jsonl", lambda b: b[: b.index(b"\n") + 60])], _score("pred.jsonl"), 1,
         [r"^error: pred\.jsonl:2: invalid JSON: .*: column \d+ \(the line ends early, at column \d+: truncated\?\)$"]),
    Case("wrong-type", [_json("alpha.json", _set("actors.0.mentions.0.start", "zero"))], ["validate", "alpha.json"], 1,
         [r"^error: alpha\.json: actors\[0\]\.mentions\[0\]\.start: 'zero' is not of type 'integer'$"]),
    Case("wrong-type-in-prediction", [_jsonl("pred.jsonl", lambda d: [_set_in(d[0], "quotes.0.kind", "hearsay"), d[1]])],
         _score("pred.jsonl"), 1,
         [r"^error: pred\.jsonl:1: quotes\[0\]\.kind: 'hearsay' is not one of \['direct', 'indirect', 'mixed'\]$"]),
    Case("missing-required-field", [_json("alpha.json", _delete("quotes.1.kind"))], ["validate", "alpha.json"], 1,
         [r"^error: alpha\.json: quotes\[1\]: 'kind' is a required property$"]),
    Case("missing-text", [_json("alpha.json", _delete("text"))], ["validate", "alpha.json"], 1,
         [r"^error: alpha\.json: 'text' is a required property$"]),
    Case("span-out-of-range", [_json("alpha.json", lambda d: d["quotes"][0].update(content={"start": 990, "end": 999, "text": "x"}))],
         ["validate", "alpha.json"], 1,
         [r"^error: alpha\.json: quotes\[0\]\.content: span \[990, 999\) ends past the end of the text \(length 120\)$"]),
    Case("end-before-start", [_json("alpha.json", _set("quotes.0.content.end", 1))], ["validate", "alpha.json"], 1,
         [r"^error: alpha\.json: quotes\[0\]\.content: end \(1\) is before start \(85\)$"]),
    Case("span-text-differs", [_json("alpha.json", _set("actors.0.mentions.1.text", "Ruis"))], ["validate", "alpha.json"], 1,
         [r"^error: alpha\.json: actors\[0\]\.mentions\[1\]: span text 'Ruis' differs from text\[100:104\] = 'Ruiz'$"]),
    Case("utf16-offsets", [_json("alpha.json", _emoji_doc(19, 27, "Åsa Berg"))], ["validate", "alpha.json"], 1,
         [r"^error: alpha\.json: actors\[0\]\.mentions\[0\]: span text 'Åsa Berg' differs from text\[19:27\] = .*: "
          r"offsets look like UTF-16 code units; newsbench uses Unicode code point offsets .*: this span is \[18, 26\)$"]),
    Case("utf8-byte-offsets", [_json("alpha.json", _emoji_doc(21, 30, "Åsa Berg"))], ["validate", "alpha.json"], 1,
         [r"^error: alpha\.json: actors\[0\]\.mentions\[0\]: .*offsets look like UTF-8 bytes; .*: this span is \[18, 26\)$"]),
    Case("split-surrogate-pair", [_json("alpha.json", _emoji_doc(5, 6, "\ud83d"))], ["validate", "alpha.json"], 1,
         [r"^error: alpha\.json: actors\[0\]\.mentions\[0\]: span text contains a lone surrogate U\+D83D .*split a character"]),
    Case("lone-surrogate-in-text", [_json("alpha.json", _set("text", "A \ud83d B"))], ["validate", "alpha.json"], 1,
         [r"^error: alpha\.json: text: contains a lone surrogate U\+D83D at offset 2"]),
    Case("combining-sequence-split-gold", [_json("gamma.json", _combining)], ["validate", "gamma.json"], 1,
         [r"^error: gamma\.json: actors\[0\]\.mentions\[0\]: span \[6, 10\) ends before U\+0301 COMBINING ACUTE ACCENT"]),
    Case("combining-sequence-split-prediction", [_jsonl("pred.jsonl", lambda d: [_changed(d[0], _combining)])],
         ["validate", "pred.jsonl"], 0,
         [r"^warning: pred\.jsonl:1: actors\[0\]\.mentions\[0\]: span \[6, 10\) ends before U\+0301", r"^ok: 1 document"]),
    Case("duplicate-ids", [_json("alpha.json", _set("locations.0.id", "a1"))], ["validate", "alpha.json"], 1,
         [r"^error: alpha\.json: locations\[0\]\.id: duplicate id 'a1' \(first used at actors\[0\]\.id\)$"]),
    Case("dangling-speaker", [_json("alpha.json", _set("quotes.0.speaker", "a9"))], ["validate", "alpha.json"], 1,
         [r"^error: alpha\.json: quotes\[0\]\.speaker: 'a9' is not the id of an actor of this document \(ids: a1\)$"]),
    Case("dangling-ref", [_json("alpha.json", _set("events.1.arguments.0.ref", "l7"))], ["validate", "alpha.json"], 1,
         [r"^error: alpha\.json: events\[1\]\.arguments\[0\]\.ref: 'l7' is not the id of an actor or location"]),
    Case("every-problem-listed", [_json("alpha.json", lambda d: (_set("quotes.0.speaker", "a9")(d), _set("locations.0.id", "a1")(d)))],
         ["validate", "alpha.json"], 1, [r"quotes\[0\]\.speaker", r"locations\[0\]\.id"]),
    Case("unknown-doc-id", [_jsonl("pred.jsonl", lambda d: [_changed(d[0], _set("doc_id", "gamma")), d[1]])], _score("pred.jsonl"), 1,
         [r"^error: pred\.jsonl:1: doc_id: 'gamma' is not a gold document \(2 gold documents in .*gold\)$"]),
    Case("duplicate-doc-id", [_jsonl("pred.jsonl", lambda d: [d[0], d[0]])], _score("pred.jsonl"), 1,
         [r"^error: pred\.jsonl:2: doc_id: second prediction for 'alpha' \(first at pred\.jsonl:1\)$"]),
    Case("text-differs-from-gold", [_jsonl("pred.jsonl", lambda d: [_bare(d[0]["text"].replace("bridge", "tunnel")), d[1]])],
         _score("pred.jsonl"), 1,
         [r"^error: pred\.jsonl:1: text: differs from the gold text of 'alpha' at offset 76 \(gold 'bridge"]),
    Case("text-differs-from-gold-validate", [_jsonl("pred.jsonl", lambda d: [_bare("Another text.")])],
         ["validate", "--gold", str(GOLD), "pred.jsonl"], 1, [r"^error: pred\.jsonl:1: text: differs from the gold text of 'alpha' at offset 0"]),
    Case("gold-document-without-prediction", [_jsonl("pred.jsonl", lambda d: [d[0]])], _score("pred.jsonl"), 0,
         [r"^warning: pred\.jsonl: no prediction for gold document 'beta'; its items count as misses$"],
         extra={"out_files": True}),
    Case("non-utf8", [_raw("pred.jsonl", lambda b: b.replace("Ruiz told".encode(), b"R\xe9iz told"))], _score("pred.jsonl"), 1,
         [r"^error: pred\.jsonl:1: is not valid UTF-8: byte 0xe9 at byte \d+ of the line$"]),
    Case("non-utf8-gold", [_raw("alpha.json", lambda b: b.splitlines()[0].replace(b"Mayor", b"Ma\xefor"))], ["validate", "alpha.json"], 1,
         [r"^error: alpha\.json: is not valid UTF-8: byte 0xef at byte offset \d+$"]),
    Case("bom", [_raw("pred.jsonl", lambda b: b"\xef\xbb\xbf" + b)], _score("pred.jsonl"), 1,
         [r"^error: pred\.jsonl: starts with a UTF-8 byte order mark \(BOM\); save the file as UTF-8 without BOM$"]),
    Case("crlf-line-endings", [_raw("pred.jsonl", lambda b: b.replace(b"\n", b"\r\n"))], ["validate", "pred.jsonl"], 0,
         [r"^ok: 2 document\(s\) in 1 file\(s\) valid$"]),
    Case("empty-prediction-file", [_raw("pred.jsonl", lambda b: b"")], ["validate", "pred.jsonl"], 1,
         [r"^error: pred\.jsonl: holds no documents \(empty file\)"]),
    Case("empty-gold-file", [_raw("alpha.json", lambda b: b"")], ["validate", "alpha.json"], 1,
         [r"^error: alpha\.json: is empty; expected one JSON document$"]),
    Case("empty-prediction-file-scored", [_raw("pred.jsonl", lambda b: b"\n")], _score("pred.jsonl"), 0,
         [r"^warning: pred\.jsonl: holds no prediction for any of the 2 gold documents; all their items count as misses$"], extra={"out_files": True}),
    Case("unknown-extractor", [], ["run", "--extractor", "nope", "--gold", str(GOLD), "--out", OUT], 1,
         [r"^error: Unknown extractor 'nope'\. Available: .*llm.*rules.*spacy"]),
    Case("missing-file", [], ["validate", "nothere.json"], 1, [r"^error: nothere\.json: no such file$"]),
    Case("missing-prediction-file", [], _score("nothere.jsonl"), 1, [r"^error: nothere\.jsonl: no such file$"]),
    Case("missing-gold-folder", [_jsonl("pred.jsonl")], ["score", "--pred", "pred.jsonl", "--gold", "nogold", "--out", OUT], 1,
         [r"^error: nogold: gold folder not found$"]),
    Case("unwritable-output-folder", [_jsonl("pred.jsonl"), _raw("blocker", lambda b: b"a file, not a folder")],
         ["score", "--pred", "pred.jsonl", "--gold", str(GOLD), "--out", "blocker/results"], 1,
         [r"^error: blocker/results/\S+: cannot be written: Not a directory$"]),
]


def _set_in(doc: dict, path: str, value: object) -> dict:
    _set(path, value)(doc)
    return doc


def _bare(text: str) -> dict:
    """A prediction for ``alpha`` with nothing found, made from ``text`` (another version of the article)."""
    return {"doc_id": "alpha", "text": text}


def _changed(doc: dict, change: Callable[[dict], object]) -> dict:
    change(doc)
    return doc


def run_cli(args: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "COLUMNS": "200"}
    env.pop("NEWSBENCH_DEBUG", None)
    return subprocess.run(
        [sys.executable, "-m", "eval", *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=120
    )


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_bad_input(case: Case, tmp_path: Path) -> None:
    docs = _valid_docs()
    for write in case.write:
        write(tmp_path, docs)

    proc = run_cli(case.args, tmp_path)

    lines = proc.stderr.splitlines()
    missing = [p for p in case.stderr if not any(re.search(p, line) for line in lines)]
    assert (proc.returncode, missing, "Traceback" in proc.stderr) == (case.code, [], False), proc.stderr
    out = tmp_path / OUT
    written = sorted(p.name for p in out.iterdir()) if out.exists() else []
    if case.extra.get("out_files"):
        assert all(not name.endswith(".tmp") for name in written), written
    else:
        assert written == [], f"{case.id} left files behind: {written}"


def test_every_error_line_is_located(tmp_path: Path) -> None:
    """All failing validate cases in one run: every problem of every file, each line located."""
    docs = _valid_docs()
    files = []
    for case in CASES:
        if len(case.args) == 2 and case.args[0] == "validate" and case.code == 1 and case.write:
            folder = tmp_path / case.id
            folder.mkdir()
            for write in case.write:
                write(folder, docs)
            files += [f"{case.id}/{p.name}" for p in folder.iterdir()]
    proc = run_cli(["validate", *files], tmp_path)
    lines = proc.stderr.splitlines()
    unlocated = [line for line in lines if not re.match(r"^(error|warning): [\w./-]+(:\d+)?: \S", line)]
    named = {line.split(": ")[1].split("/")[0] for line in lines}
    assert (proc.returncode, unlocated, named) == (1, [], {f.split("/")[0] for f in files}), proc.stderr
