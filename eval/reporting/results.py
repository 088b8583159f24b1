"""The results object of one extractor run (contract section 3) and its files under ``results/``."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from eval.data.files import JsonValueError, loads_json, read_text, write_json
from eval.exceptions import InvalidInputError, Problem
from eval.paths import RESULT_FILES


class RunResult(BaseModel):
    """What ``newsbench run`` and ``newsbench score --json`` report for one extractor."""

    model_config = ConfigDict(extra="allow", frozen=True)

    extractor: str
    extractor_version: str | None = None
    config: dict[str, Any] = Field(default_factory=dict, description="Exact extractor configuration.")
    newsbench_version: str
    gold_sha256: str
    gold_source: str | None = None
    n_docs: int
    runtime_s: float = Field(description="Wall time of the extraction over all documents.")
    setup_s: float | None = Field(default=None, description="Wall time of creating the extractor (loading models).")
    peak_memory_mb: float = Field(description="Peak resident memory of the process during the extraction.")
    created: str
    scores: dict[str, dict[str, Any]]
    breakdowns: dict[str, Any] | None = Field(
        default=None, description="Per-type figures per category (partial mode) with macro averages; None in older results."
    )
    bootstrap: dict[str, Any] | None = Field(default=None, description="How confidence intervals were computed.")
    missing_docs: list[str] = Field(default_factory=list, description="Gold documents without a prediction.")
    usage: dict[str, Any] | None = Field(default=None, description="Requests, tokens, cache hits, cost (LLMs).")


class NotRun(BaseModel):
    """An extractor that could not run here, and why; never scored as zero."""

    model_config = ConfigDict(frozen=True)

    extractor: str
    reason: str
    created: str
    usage: dict[str, Any] | None = Field(default=None, description="Requests and tokens spent before it failed (LLMs).")


def save_result(out: Path, result: RunResult) -> Path:
    path = Path(out) / RESULT_FILES.result(result.extractor)
    write_json(path, result.model_dump(mode="json"))
    return path


def save_not_run(out: Path, rows: list[NotRun]) -> None:
    """Record the extractors that did not run, replacing earlier records of the same names."""
    path = Path(out) / RESULT_FILES.not_run
    current = {r.extractor: r for r in load_not_run(out)}
    current.update({r.extractor: r for r in rows})
    write_json(path, [r.model_dump() for _, r in sorted(current.items())])


def forget_not_run(out: Path, names: list[str]) -> None:
    """Drop not-run records of extractors that have now run."""
    path = Path(out) / RESULT_FILES.not_run
    if path.exists():
        write_json(path, [r.model_dump() for r in load_not_run(out) if r.extractor not in names])


def load_not_run(out: Path) -> list[NotRun]:
    path = Path(out) / RESULT_FILES.not_run
    if not path.exists():
        return []
    data = _load_json(path)
    if not isinstance(data, list):
        raise InvalidInputError(Problem(str(path), "", f"expected a list of not-run records, got {type(data).__name__}"))
    rows = []
    for i, row in enumerate(data):
        try:
            rows.append(NotRun.model_validate(row))
        except ValueError as exc:
            raise InvalidInputError(Problem(str(path), f"[{i}]", f"not a not-run record: {_first_error(exc)}")) from None
    return rows


def _first_error(exc: ValueError) -> str:
    errors = getattr(exc, "errors", None)
    if callable(errors):
        first = errors(include_url=False)[0]
        where = ".".join(str(p) for p in first["loc"])
        return f"{where}: {first['msg']}" if where else first["msg"]
    return str(exc)


def load_results(out: Path) -> list[RunResult]:
    """Every saved results object in ``out`` (files ``<extractor>.json``).

    Raises:
        InvalidInputError: the folder is missing or a results file is not a results object.
    """
    out = Path(out)
    if not out.is_dir():
        raise InvalidInputError(Problem(str(out), "", "results folder not found; run `newsbench run` first"))
    results = []
    for path in sorted(out.glob("*.json")):
        if not RESULT_FILES.is_result(path.name):
            continue
        try:
            results.append(RunResult.model_validate(_load_json(path)))
        except ValueError as exc:
            raise InvalidInputError(Problem(str(path), "", f"not a newsbench results object: {_first_error(exc)}")) from None
    return results


def _load_json(path: Path) -> Any:
    try:
        return loads_json(read_text(path))
    except json.JSONDecodeError as exc:
        raise InvalidInputError(Problem(str(path), "", f"invalid JSON: {exc.msg} at line {exc.lineno}")) from None
    except JsonValueError as exc:
        raise InvalidInputError(Problem(str(path), "", f"invalid JSON: {exc}")) from None
