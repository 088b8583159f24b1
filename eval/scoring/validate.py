"""``newsbench validate`` and the checked reading of prediction files.

Every problem of every file is reported as ``file: json.path: reason``, not only the first. A file
is checked in three layers: JSON syntax, the JSON Schema (with jsonschema, exactly what a tool in
another language would run against ``schema/document.schema.json``), then the semantics
(:mod:`eval.data.checks`). Files are streamed, one JSON Lines line at a time.

Gold rules or prediction rules: ``.json`` files are gold documents (the contract's
``gold/<doc_id>.json``), ``.jsonl`` files are predictions. Spans that are empty, padded with
whitespace or split a character are errors in gold and warnings in predictions.

Reference texts: a prediction's ``text`` must equal the gold text of its ``doc_id``. With ``--gold``
every document whose ``doc_id`` is in that gold is checked; without it, prediction files are
checked against the shipped gold (documents with other ``doc_id`` values are not gold documents and
have nothing to be compared with).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

from eval.data.parsing import iter_parsed
from eval.exceptions import InvalidInputError, Problem
from eval.gold.load import GoldSet, gold_files
from eval.paths import CROSS_DOCUMENT_FILE, default_gold_dir
from eval.scoring.pairing import GoldRef, pairing_problem

DOCUMENT_SUFFIXES = (".json", ".jsonl")


@dataclass
class ValidationReport:
    """What ``newsbench validate`` found: counts, problems (errors) and warnings, in file order."""

    n_files: int = 0
    n_docs: int = 0
    problems: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def expand_paths(paths: Iterable[Path]) -> tuple[list[Path], list[Problem]]:
    """Files as given, and folders replaced by their ``.json`` and ``.jsonl`` files."""
    files: list[Path] = []
    problems: list[Problem] = []
    for path in map(Path, paths):
        if not path.is_dir():
            files.append(path)  # a missing file is reported when it is read
            continue
        # a FIFO, a device or a dangling link with such a name is listed, so that it is reported, never skipped in silence
        found = sorted(p for p in path.iterdir() if p.suffix in DOCUMENT_SUFFIXES and not p.is_dir())
        if not found:
            problems.append(Problem(str(path), "", f"folder holds no {' or '.join(DOCUMENT_SUFFIXES)} files"))
        files += found
    return files, problems


def shipped_gold_texts() -> tuple[dict[str, str], list[Problem]]:
    """``doc_id -> text`` of the shipped gold's valid documents, and why any could not be read.

    Lenient on purpose: a broken shipped gold file must not stop the validation of other files;
    its problems come back as warnings.
    """
    folder = default_gold_dir()
    texts: dict[str, str] = {}
    problems: list[Problem] = []
    if not folder.is_dir():
        return texts, problems
    for path in gold_files(folder):
        try:
            for parsed in iter_parsed(path):
                problems += parsed.problems
                if parsed.document is not None:
                    texts[parsed.document.doc_id] = parsed.document.text
        except InvalidInputError as exc:
            problems += exc.problems
    return texts, problems


def validate_files(paths: Iterable[Path], gold: GoldSet | None = None) -> ValidationReport:
    """Check gold or prediction files against the schema and the semantic rules.

    Args:
        paths: ``.json`` (one gold document) or ``.jsonl`` (one prediction per line) files, or folders of them.
        gold: when given, every document whose ``doc_id`` is a gold document must carry the gold text;
            when None, prediction files are compared with the shipped gold.

    Returns:
        The report; ``report.ok`` when no file has a problem.
    """
    files, problems = expand_paths(paths)
    report = ValidationReport(n_files=len(files), problems=problems)
    if gold is not None:
        reference, reference_all = {d.doc_id: d.text for d in gold.documents}, True
        ref = GoldRef(len(reference), gold.source)
    else:
        reference, unreadable = shipped_gold_texts()
        reference_all = False
        ref = GoldRef(len(reference), str(default_gold_dir()))
        report.warnings += [
            Problem(p.file, p.path, f"{p.reason} (shipped gold; prediction texts are not compared with this document)")
            for p in unreadable
        ]
    for path in files:
        check_reference = reference_all or path.suffix == ".jsonl"
        # Predictions checked against a gold named with --gold must pair with it, exactly as `score` requires.
        require_gold = reference_all and path.suffix == ".jsonl"
        _validate_file(path, reference if check_reference else {}, ref, require_gold, report)
    return report


def _validate_file(path: Path, reference: dict[str, str], ref: GoldRef, require_gold: bool, report: ValidationReport) -> None:
    if path.name == CROSS_DOCUMENT_FILE:  # not a document: clusters and disagreements over the gold beside it
        from eval.gold.crossdoc import load_cross_document

        try:
            load_cross_document(path)
        except InvalidInputError as exc:
            report.problems += exc.problems
        return
    seen: dict[str, str] = {}
    n_before = report.n_docs
    try:
        for parsed in iter_parsed(path, full=True):
            report.n_docs += 1
            report.problems += parsed.problems
            report.warnings += parsed.warnings
            doc = parsed.document
            if doc is None:
                continue
            problem = pairing_problem(
                parsed.label, doc, reference.get(doc.doc_id), seen, ref, require_gold=require_gold
            )
            if problem:
                report.problems.append(problem)
            if path.suffix == ".json" and path.stem != doc.doc_id:
                report.warnings.append(
                    Problem(parsed.label, "doc_id", f"{doc.doc_id!r} differs from the file name; gold files are named <doc_id>.json")
                )
    except InvalidInputError as exc:
        report.problems += exc.problems
        return
    if report.n_docs == n_before:
        report.problems.append(Problem(str(path), "", "holds no documents (empty file); expected one JSON document per line"))
