"""Every bad input of issues 8 and 15, through the real command line (``python -m eval``).

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
import time
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


def _jsonl_ascii(name: str, change: Callable[[Docs], Docs]) -> Writer:
    """JSON Lines with ASCII escapes, so that a lone surrogate is written as the escape it would be (\\udc00)."""

    def write(folder: Path, docs: Docs) -> None:
        (folder / name).write_text("".join(json.dumps(d) + "\n" for d in change(copy.deepcopy(docs))), encoding="utf-8")

    return write


def _raw(name: str, make: Callable[[bytes], bytes]) -> Writer:
    """Write bytes made from the valid JSON Lines file."""

    def write(folder: Path, _docs: Docs) -> None:
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
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
         [r"^error: blocker/results(/\S+)?: cannot be written: Not a directory$"]),
    # issue 15: hostile inputs and faults
    *[Case(f"duplicate-key-{cmd}", [_raw(name, lambda b: b.splitlines()[0].replace(b'"doc_id": "alpha"', b'"doc_id": "alpha", "doc_id": "beta"') + b"\n")],
           args, 1, [rf"^error: {name}(:1)?: invalid JSON: duplicate key 'doc_id' in one object"])
      for cmd, name, args in (("validate", "alpha.json", ["validate", "alpha.json"]), ("score", "pred.jsonl", _score("pred.jsonl")))],
    Case("deep-nesting", [_raw("pred.jsonl", lambda b: b.splitlines()[0][:-1] + b', "meta": {"x": ' + b"[" * 10_000 + b"]" * 10_000 + b"}}\n")],
         _score("pred.jsonl"), 1, [r"^error: pred\.jsonl:1: invalid JSON: nested too deeply"]),
    Case("5000-digit-number", [_raw("pred.jsonl", lambda b: b.replace(b'"start": 6,', b'"start": ' + b"7" * 5000 + b",", 1))],
         _score("pred.jsonl"), 1, [r"^error: pred\.jsonl:1: invalid JSON: holds an integer of more than 4300 digits$"]),
    *[Case(f"schema-version-99-{cmd}", [_jsonl("pred.jsonl", lambda d: [_set_in(d[0], "schema_version", "99.0"), d[1]])],
           args, 1, [r"^error: pred\.jsonl:1: schema_version: '99\.0' is another major version than 1\.[0-9]+, which this newsbench reads$"])
      for cmd, args in (("validate", ["validate", "pred.jsonl"]), ("score", _score("pred.jsonl")))],
    *[Case(f"lax-offset-{cmd}-{type(value).__name__}", [_jsonl("pred.jsonl", lambda d, v=value: [_set_in(d[0], "actors.0.mentions.0.start", v), d[1]])],
           args, 1, [r"^error: pred\.jsonl:1: actors\[0\]\.mentions\[0\]\.start: .* is not of type 'integer'$"])
      for value in ("0", False) for cmd, args in (("validate", ["validate", "pred.jsonl"]), ("score", _score("pred.jsonl")))],
    Case("prediction-without-a-category-key", [_jsonl("pred.jsonl", lambda d: [_changed(d[0], _delete("quotes")), d[1]])],
         _score("pred.jsonl"), 0, [r"^warning: pred\.jsonl:1: quotes: no 'quotes' key: the prediction counts as finding no quotes$"],
         extra={"out_files": True}),
    Case("errors-of-a-missing-results-folder", [], ["errors", "--results", "missing"], 1,
         [r"^error: missing: results folder not found"]),
    Case("broken-errors-file", [_raw("res/rules.errors.jsonl", lambda b: b'{"category": "actors"\n'), _raw("res/rules.json", lambda b: b"{}")],
         ["errors", "--results", "res"], 1, [r"^error: res/rules\.errors\.jsonl:1: invalid JSON"]),
    Case("broken-not-run-file", [_raw("res/not_run.json", lambda b: b'[{"extractor": "x"}]')],
         ["leaderboard", "--results", "res"], 1, [r"^error: res/not_run\.json: \[0\]: not a not-run record: reason: Field required$"]),
    Case("not-run-file-not-a-list", [_raw("res/not_run.json", lambda b: b'{"a": 1}')],
         ["leaderboard", "--results", "res"], 1, [r"^error: res/not_run\.json: expected a list of not-run records, got dict$"]),
    Case("score-name-outside-out", [_jsonl("pred.jsonl")], [*_score("pred.jsonl"), "--name", "../x"], 1,
         [r"^error: --name: '\.\./x' cannot name results files"]),
    Case("score-name-from-an-odd-file-name", [_jsonl("my pred.jsonl")], _score("my pred.jsonl"), 1,
         [r"^error: --name: 'my pred' cannot name results files"]),
    Case("score-out-is-a-file", [_jsonl("pred.jsonl"), _raw("res", lambda b: b"x")],
         ["score", "--pred", "pred.jsonl", "--gold", str(GOLD), "--out", "res"], 1, [r"^error: res: is a file; give a folder"]),
    Case("score-out-is-the-gold", [_jsonl("pred.jsonl")], ["score", "--pred", "pred.jsonl", "--gold", str(GOLD), "--out", str(GOLD)], 1,
         [r"^error: .*gold: would write into the gold"]),
    Case("extract-out-is-its-input", [_raw("a.txt", lambda b: b"NATO met.")], ["extract", "-e", "rules", "a.txt", "--out", "a.txt"], 1,
         [r"^error: a\.txt: is the input a\.txt; writing it would destroy the input$"], extra={"unchanged": "a.txt"}),
    Case("extract-out-is-a-folder", [_raw("a.txt", lambda b: b"NATO met."), _raw("res/keep", lambda b: b"")],
         ["extract", "-e", "rules", "a.txt", "--out", "res"], 1, [r"^error: res: is a folder; give the path of a file to write$"]),
    Case("run-out-is-the-gold", [_raw("g/alpha.json", lambda b: b.splitlines()[0])], ["run", "-e", "rules", "--gold", "g", "--out", "g"], 1,
         [r"^error: g: would write into the gold \(g\)"], extra={"unchanged": "g/alpha.json"}),
    Case("run-out-inside-the-gold", [_raw("g/alpha.json", lambda b: b.splitlines()[0])], ["run", "-e", "rules", "--gold", "g", "--out", "g/r"], 1,
         [r"^error: g/r: would write into the gold"]),
    Case("run-out-holds-the-gold", [_raw("g/alpha.json", lambda b: b.splitlines()[0])], ["run", "-e", "rules", "--gold", "g", "--out", "."], 1,
         [r"^error: \.: would write into the gold"]),
    *[Case(f"workers-{n}-{cmd}", [_raw("a.txt", lambda b: b"NATO met.")], [*args, "--workers", str(n)], 1,
           [rf"^error: --workers {n}: must be from 1 to \d+ \(4 x \d+ cores here\)$"])
      for n in (0, -1, 100_000)
      for cmd, args in (("run", ["run", "-e", "rules", "--gold", str(GOLD), "--out", OUT]), ("extract", ["extract", "-e", "rules", "a.txt"]))],
    Case("publish-into-the-gold", [_raw("g/alpha.json", lambda b: b.splitlines()[0])],
         ["publish", "--dry-run", "--gold", "g", "--out", "g/pub"], 1, [r"^error: g/pub: would write into the gold \(g\)"]),
    Case("map-num-proc-0", [], ["map", "-e", "rules", "--num-proc", "0", "--out", f"{OUT}/p.jsonl"], 1, [r"^error: --num-proc 0: must be from 1"]),
    Case("line-over-the-limit", [_jsonl("pred.jsonl")], ["--max-line-mb", "0.0001", *_score("pred.jsonl")], 1,
         [r"^error: pred\.jsonl:1: line longer than the limit of 104 bytes; .*--max-line-mb"]),
    Case("article-over-the-limit", [_raw("a.txt", lambda b: b"NATO met. " * 20)], ["--max-article-mb", "0.0001", "extract", "-e", "rules", "a.txt"], 1,
         [r"^error: a\.txt: is 200 bytes, over the limit of 104 bytes for one article \(raise it with --max-article-mb\)$"]),
    Case("zero-limit", [], ["--max-line-mb", "0", "list"], 1, [r"^error: --max-line-mb 0: must be above 0$"]),
    Case("gold-hf-unreachable", [_jsonl("pred.jsonl")], ["score", "--pred", "pred.jsonl", "--gold", "hf://nobody/nothing", "--out", OUT], 1,
         [r"^error: hf://nobody/nothing: cannot reach the Hugging Face Hub"], extra={"env": {"HF_ENDPOINT": "http://127.0.0.1:9"}, "max_s": 15}),
    # hostile-input audit: a lone surrogate in any string, not only the text (no output can write it as UTF-8)
    *[Case(f"lone-surrogate-in-{where}-{args[0]}", [writer], args, 1, [rf"^error: {label}: {path}: contains a lone surrogate U\+{code} at offset \d+"])
      for where, writer, args, label, path, code in (
          ("a-name", _json("alpha.json", _set("actors.0.name", "Ana \ud83d")), ["validate", "alpha.json"], r"alpha\.json", r"actors\[0\]\.name", "D83D"),
          ("an-extra-field", _jsonl_ascii("pred.jsonl", lambda d: [_set_in(d[0], "source", "wire \udc00"), d[1]]),
           ["export", "--format", "labelstudio", "--out", OUT, "pred.jsonl"], r"pred\.jsonl:1", "source", "DC00"),
          ("a-location-name", _jsonl_ascii("pred.jsonl", lambda d: [_set_in(d[0], "locations.0.name", "\ud800"), d[1]]),
           _score("pred.jsonl"), r"pred\.jsonl:1", r"locations\[0\]\.name", "D800"),
          ("a-gold-name", _raw("g/alpha.json", lambda b: json.dumps(_set_in(json.loads(b.splitlines()[0]), "actors.0.name", "\ud83d")).encode()),
           ["stats", "--gold", "g"], r"g/alpha\.json", r"actors\[0\]\.name", "D83D"),
          ("a-gold-name", _raw("g/alpha.json", lambda b: json.dumps(_set_in(json.loads(b.splitlines()[0]), "actors.0.name", "\ud83d")).encode()),
           ["run", "-e", "rules", "--gold", "g", "--out", OUT], r"g/alpha\.json", r"actors\[0\]\.name", "D83D"),
      )],
    # hostile-input audit: names that would overwrite the files every results folder holds
    *[Case(f"score-name-reserved-{name}", [_jsonl("pred.jsonl")], [*_score("pred.jsonl"), "--name", name], 1,
           [rf"^error: --name: '{name}' cannot name results files: it is the name of a file every results folder holds \(reserved: "
            r"comparison, leaderboard, not_run, report\)$"]) for name in ("not_run", "comparison", "Report")],
    # hostile-input audit: options out of range are refused at once, naming the option, the value and the range
    *[Case(f"option-{option[2:]}-{value}", [], args, code, [pattern], extra={"max_s": 20}) for option, value, args, code, pattern in (
        ("--n-boot", "1000000000", ["compare", "--results", "res", "--n-boot", "1000000000"], 1, r"^error: --n-boot 1000000000: must be from 1 to 100,000$"),
        ("--rounds", "10000000000", ["compare", "--results", "res", "--rounds", "10000000000"], 1, r"^error: --rounds 10000000000: must be from 1 to 1,000,000$"),
        ("--seed", "-1", ["compare", "--results", "res", "--seed", "-1"], 1, r"^error: --seed -1: must be from 0 to 4,294,967,295$"),
        ("--concurrency", "0", ["run", "-e", "rules", "--gold", str(GOLD), "--out", OUT, "--concurrency", "0"], 2,
         r"Invalid value for '--concurrency': 0: must be from 1 to 1,000$"),
        ("--max-retries", "1000000000", ["extract", "-e", "llm", "a.txt", "--max-retries", "1000000000"], 2,
         r"Invalid value for '--max-retries': 1000000000: must be from 0 to 100$"),
        ("--timeout", "inf", ["extract", "-e", "llm", "a.txt", "--timeout", "inf"], 2, r"Invalid value for '--timeout': inf: must be a finite number"),
        ("--max-line-mb", "inf", ["--max-line-mb", "inf", "list"], 1, r"^error: --max-line-mb inf: must be at most 1,000,000 \(MB\)$"),
    )],
    # hostile-input audit: schema --check reads its file as every input is read
    Case("schema-check-not-utf8", [_raw("s.json", lambda b: b"\xff\xfe{}")], ["schema", "--check", "--out", "s.json"], 1,
         [r"^error: s\.json: is not valid UTF-8: byte 0xff at byte offset 0$"]),
    Case("schema-check-missing-file", [], ["schema", "--check", "--out", "nope.json"], 1, [r"^error: nope\.json: no such file$"]),
    Case("schema-check-folder", [_raw("s/keep", lambda b: b"")], ["schema", "--check", "--out", "s"], 1, [r"^error: s: is a folder, not a file$"]),
    # hostile-input audit: an annotation tool's files written into a gold folder break it; an import overwrote gold files
    *[Case(f"export-{fmt}-into-the-gold-folder-of-its-input", [_raw("g/alpha.json", lambda b: b.splitlines()[0])],
           ["export", "--format", fmt, "--out", out, "g/alpha.json"], 1,
           [rf"^error: {out}: would write into g, the gold folder of the input g/alpha\.json; choose another output folder$"],
           extra={"unchanged": "g/alpha.json"}) for fmt, out in (("labelstudio", "g"), ("brat", "g/brat"), ("inception", "g"))],
    Case("import-never-overwrites-a-gold-file", [_raw("g/alpha.json", lambda b: b.splitlines()[0]), _raw("t.json", lambda b: json.dumps(
        [{"id": 1, "data": {"text": "NATO met.", "doc_id": "alpha"}, "annotations": [{"result": []}]}]).encode())],
         ["import", "--format", "labelstudio", "--out", "g", "t.json"], 1,
         [r"^error: g/alpha\.json: exists; import never overwrites a gold file: import into a new folder, or remove the file first$"],
         extra={"unchanged": "g/alpha.json"}),
    # hostile-input audit: a file name that is not UTF-8 cannot give a doc_id; the file is named, not the extractor blamed
    Case("extract-file-name-not-utf8", [_raw(os.fsdecode(b"caf\xe9.txt"), lambda b: b"NATO met.")], ["extract", "-e", "rules", ".", "--out", f"{OUT}/o.jsonl"], 1,
         [r"^error: caf\\xe9\.txt: the file name is not valid UTF-8, and the doc_id is the file's stem; rename the file$"]),
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


def run_cli(args: list[str], cwd: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "COLUMNS": "200", **(env or {})}
    env.pop("NEWSBENCH_DEBUG", None)
    return subprocess.run(
        [sys.executable, "-m", "eval", *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=120
    )


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_bad_input(case: Case, tmp_path: Path) -> None:
    docs = _valid_docs()
    for write in case.write:
        write(tmp_path, docs)
    kept = case.extra.get("unchanged")
    before = (tmp_path / kept).read_bytes() if kept else None

    started = time.monotonic()
    proc = run_cli(case.args, tmp_path, case.extra.get("env"))
    elapsed = time.monotonic() - started

    lines = proc.stderr.splitlines()
    missing = [p for p in case.stderr if not any(re.search(p, line) for line in lines)]
    assert (proc.returncode, missing, "Traceback" in proc.stderr) == (case.code, [], False), proc.stderr
    assert elapsed < case.extra.get("max_s", 120) and (not kept or (tmp_path / kept).read_bytes() == before)
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



@pytest.mark.parametrize(("args", "option"), [
    (["extract", "-e", "rules", "-e", "spacy", "a.txt"], "--extractor/-e"),
    (["extract", "-e", "rules", "--extractor=spacy", "a.txt"], "--extractor/-e"),
    (["extract", "-e", "rules", "a.txt", "--out", "one.jsonl", "--out", "two.jsonl"], "--out"),
], ids=["short twice", "short and long", "out twice"])
def test_an_option_of_one_value_given_twice_is_refused(args: list[str], option: str, tmp_path: Path) -> None:
    """Click would keep the last and drop the first without a word (``extract -e rules -e spacy`` ran spacy alone)."""
    (tmp_path / "a.txt").write_text("Ana Ruiz said the port would reopen.", encoding="utf-8")
    proc = run_cli(args, tmp_path)
    assert (proc.returncode, proc.stderr.strip(), sorted(p.name for p in tmp_path.iterdir())) == (
        2, f"error: option {option} is given more than once, and only one can be used: give it once", ["a.txt"])


def test_an_option_that_takes_a_list_may_repeat(tmp_path: Path) -> None:
    proc = run_cli(["run", "-e", "rules", "-e", "rules.v1", "--help"], tmp_path)
    assert proc.returncode == 0, proc.stderr
