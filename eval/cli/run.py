"""Commands that run extractors and score them: ``run``, ``extract``, ``score``, ``map``, ``list``, ``compare``.
"""
from __future__ import annotations

import contextlib
import functools
import json
import sys
import tempfile
from pathlib import Path
from typing import Optional

import typer
import typer.core
from rich.table import Table

from eval.cli.app import (
    CONCURRENCY,
    ENGINE,
    GOLD_HELP,
    MAX_CHARS,
    MAX_RETRIES,
    MAX_TOKENS,
    MODEL,
    RAY_ADDRESS,
    SPLIT,
    TEMPERATURE,
    TIMEOUT,
    WORKERS,
    Engine,
    Split,
    app,
    check_workers,
    err_console,
    extractor_options,
    fail,
    file_progress,
    gold_folder,
    gold_of,
    handles_errors,
    out_console,
    progress_factory,
    warn,
)
from eval.exceptions import NewsbenchError
from eval.paths import RESULT_FILES


@app.command()
@handles_errors
def run(
    extractor: Optional[list[str]] = typer.Option(
        None, "--extractor", "-e", metavar="NAME", help="Extractor name; repeatable. Default: every one that can run here."
    ),
    gold: Optional[str] = typer.Option(None, "--gold", help=GOLD_HELP),
    split: Optional[Split] = SPLIT,
    out: Path = typer.Option(Path("results"), "--out", help="Results folder; the new files go in together, only when the run succeeds."),
    model: Optional[str] = MODEL,
    workers: Optional[int] = WORKERS,
    concurrency: Optional[int] = CONCURRENCY,
    timeout: Optional[float] = TIMEOUT,
    max_tokens: Optional[int] = MAX_TOKENS,
    max_chars: Optional[int] = MAX_CHARS,
    max_retries: Optional[int] = MAX_RETRIES,
    temperature: Optional[float] = TEMPERATURE,
    engine: Engine = ENGINE,
    ray_address: Optional[str] = RAY_ADDRESS,
) -> None:
    """Run extractors on the gold, score them, write results/ and print the leaderboard.

    The results set is built in a hidden folder inside --out and moved in only when everything succeeded, so a failed or
    interrupted run leaves the previous results whole; results of extractors not run this time are kept.
    """
    from eval.data.files import refuse_output, staged_folder
    from eval.gold.index import GoldIndex
    from eval.reporting.leaderboard import write_leaderboard
    from eval.runner import run_benchmark

    check_workers("--workers", workers)
    gold = gold_of(gold, split)
    refuse_output(out, folder=True, protected=[("the gold", gold_folder(gold))])
    index = GoldIndex.open(gold)  # a missing or unreadable gold fails here, before any extractor starts
    n_gold = len(index)
    index.close()
    options = extractor_options(model=model, workers=workers, concurrency=concurrency, timeout=timeout, max_tokens=max_tokens,
                       max_chars=max_chars, max_retries=max_retries, temperature=temperature)
    extract_engine, session = None, contextlib.nullcontext()
    if engine == "ray":
        from eval.extraction.ray_engine import ray_session, run_engine

        extract_engine, session = run_engine(options), ray_session(ray_address, num_cpus=max(2, workers or 2))
    progress, factory = progress_factory(err_console)
    with staged_folder(out) as stage:
        with session, progress:
            scored, not_run = run_benchmark(extractor, gold, stage, options, factory, extract_engine)
        _save_comparison(stage, gold, n_gold)
        frame = write_leaderboard(stage, splits_root=out)
        _after_run(stage, gold, n_gold)
    print_leaderboard(frame)
    _fail_if_named_not_run(extractor, not_run)


def _save_comparison(results_dir: Path, gold: str | None, n_gold: int) -> None:
    """The paired tests of the run's extractors against the run's own gold, kept for the leaderboard and chart."""
    from eval.reporting.compare import MAX_DOCS_COMPARED, compare_results, save_comparison

    if n_gold > MAX_DOCS_COMPARED:
        warn(f"paired tests between extractors are left to `newsbench compare` above {MAX_DOCS_COMPARED} gold documents")
        return
    try:
        save_comparison(results_dir, compare_results(results_dir, gold))
    except NewsbenchError as exc:  # the leaderboard then says why there are no differences
        warn(f"no paired tests between the extractors: {str(exc).splitlines()[0] if str(exc) else type(exc).__name__}")


def _fail_if_named_not_run(named: list[str] | None, not_run: list) -> None:
    """The exit rule of run and extract: an extractor the user named that could not run is an error."""
    from eval.registry import resolve

    failed = [row for row in not_run if named and row.extractor in {resolve(n) for n in named}]
    if failed:
        fail([f"extractor {row.extractor!r} could not run: {row.reason}" for row in failed])


REPORT_MAX_DOCS = 1000  # the HTML report draws every article, in memory: past this it is neither light nor readable


def _after_run(out: Path, gold: str | None = None, n_gold: int = 0) -> None:
    """Artefacts built from the saved results: the chart and the HTML error report (of the gold just used)."""
    from eval.reporting.chart import write_chart
    from eval.reporting.viewer import write_report

    write_chart(out)
    if n_gold <= REPORT_MAX_DOCS:
        write_report(out, gold)
        return
    (Path(out) / RESULT_FILES.report).unlink(missing_ok=True)  # one of an earlier run would describe other results
    warn(f"{RESULT_FILES.report} not written: the gold has {n_gold:,} documents, over the {REPORT_MAX_DOCS:,} "
         "the HTML report draws; the error lists beside the results hold every error")


def print_leaderboard(frame, *, title: str | None = None, measured: bool = True) -> None:
    """The leaderboard as a rich table; reasons for "not run" rows and failed documents follow it, unwrapped."""
    from eval.reporting.terminal import leaderboard_table

    table, reasons, failures = leaderboard_table(frame, title=title, measured=measured)
    out_console.print(table)
    for reason in reasons:
        out_console.print(reason, markup=False, highlight=False)
    for failure in failures:
        warn(failure)


@app.command()
@handles_errors
def extract(
    inputs: list[Path] = typer.Argument(..., metavar="INPUTS", help=".txt files or folders of them."),
    extractor: str = typer.Option(..., "--extractor", "-e", help="Extractor name."),
    out: Optional[Path] = typer.Option(None, "--out", help="JSON Lines output file; stdout without it."),
    model: Optional[str] = MODEL,
    workers: Optional[int] = WORKERS,
    concurrency: Optional[int] = CONCURRENCY,
    timeout: Optional[float] = TIMEOUT,
    max_tokens: Optional[int] = MAX_TOKENS,
    max_chars: Optional[int] = MAX_CHARS,
    max_retries: Optional[int] = MAX_RETRIES,
    temperature: Optional[float] = TEMPERATURE,
    engine: Engine = ENGINE,
    ray_address: Optional[str] = RAY_ADDRESS,
) -> None:
    """Run one extractor on .txt news articles; doc_id is each file's stem."""
    from eval.data.files import refuse_output
    from eval.extraction.extract import extract_files

    check_workers("--workers", workers)
    if out is not None:
        refuse_output(out, inputs=inputs, protected=[("the gold", gold_folder(None))])
    if engine == "ray":
        from eval.extraction.ray_engine import extract_files_ray

        extract_files = functools.partial(extract_files_ray, address=ray_address)
    extract_files(
        extractor, inputs, out,
        extractor_options(model=model, workers=workers, concurrency=concurrency, timeout=timeout, max_tokens=max_tokens,
                 max_chars=max_chars, max_retries=max_retries, temperature=temperature),
        console=err_console,
    )


@app.command()
@handles_errors
def score(
    pred: Path = typer.Option(..., "--pred", help="Prediction file (JSON Lines)."),
    gold: Optional[str] = typer.Option(None, "--gold", help=GOLD_HELP),
    split: Optional[Split] = SPLIT,
    as_json: bool = typer.Option(False, "--json", help="Print the results object as JSON."),
    name: Optional[str] = typer.Option(None, "--name", help="Extractor name in the results (default: file stem)."),
    out: Optional[Path] = typer.Option(None, "--out", help="Also save results and the error list in this folder."),
    engine: Engine = ENGINE,
    ray_address: Optional[str] = RAY_ADDRESS,
    workers: int = typer.Option(2, "--workers", min=1, help="Ray tasks at a time (--engine ray)."),
    per_doc: bool = typer.Option(False, "--per-doc", help="Also give each document's overall and category F1 "
                                 "(a table; with --json, a \"per_document\" object)."),
) -> None:
    """Score a prediction file against the gold (streamed: a .jsonl gold of any size scores in flat memory)."""
    from eval.data.files import refuse_output, staged_folder
    from eval.gold.index import GoldIndex
    from eval.paths import check_extractor_name
    from eval.runner import score_file

    extractor = check_extractor_name(name if name is not None else RESULT_FILES.extractor_of(pred.name), "--name")
    gold = gold_of(gold, split)
    if out is not None:
        refuse_output(out, folder=True, inputs=[pred], protected=[("the gold", gold_folder(gold))])
    pair_scorer, session = None, contextlib.nullcontext()
    if engine == "ray":
        from eval.extraction.ray_engine import ray_session
        from eval.scoring.ray_score import ray_pair_scorer

        pair_scorer, session = ray_pair_scorer(workers), ray_session(ray_address, num_cpus=max(2, workers))
    by_doc: dict[str, dict[str, float]] = {}
    if per_doc:
        from eval.scoring.per_document import recording

        pair_scorer = recording(by_doc.__setitem__, pair_scorer)
    with session, file_progress(), staged_folder(out) if out is not None else contextlib.nullcontext() as stage:
        result = score_file(pred, GoldIndex.open(gold), extractor=extractor, out=stage,
                            warn=lambda problem: warn(str(problem)), pair_scorer=pair_scorer)
    if as_json:
        extra = {"per_document": {d: by_doc[d] for d in sorted(by_doc)}} if per_doc else {}
        sys.stdout.write(json.dumps(result.model_dump(mode="json") | extra, indent=2) + "\n")
        return
    from eval.reporting.leaderboard import leaderboard_frame

    print_leaderboard(leaderboard_frame([result], []), measured=False,
                      title=f"newsbench score of {pred}: F1, partial match")
    if per_doc:
        from eval.reporting.terminal import per_document_table

        out_console.print(per_document_table(by_doc, title=f"per document: F1, partial match ({len(by_doc)} scored)"))


@app.command("map")
@handles_errors
def map_cmd(
    extractor: str = typer.Option(..., "--extractor", "-e", help="Extractor name."),
    num_proc: int = typer.Option(2, "--num-proc", help="Worker processes for datasets.Dataset.map."),
    batch_size: int = typer.Option(64, "--batch-size", help="Rows per batch."),
    gold: Optional[str] = typer.Option(None, "--gold", help=GOLD_HELP),
    out: Path = typer.Option(Path("results") / RESULT_FILES.predictions("distributed"), "--out", help="JSON Lines output file."),
) -> None:
    """Run an extractor over the gold articles with datasets.Dataset.map (any engine that runs map functions)."""
    from eval.data.files import refuse_output
    from eval.extraction.distributed import (
        gold_dataset,
        predict_dataset,
        write_predictions,
    )
    from eval.registry import unavailable_reason

    check_workers("--num-proc", num_proc)
    if batch_size < 1:
        raise NewsbenchError(f"--batch-size {batch_size}: must be at least 1")
    refuse_output(out, protected=[("the gold", gold_folder(gold))])
    reason = unavailable_reason(extractor)  # fail fast, before starting any worker
    if reason:
        raise NewsbenchError(f"extractor {extractor!r} cannot run here: {reason}")
    with tempfile.TemporaryDirectory(prefix="newsbench-map-") as cache:  # the Arrow files of the gold and the map
        dataset = predict_dataset(gold_dataset(gold, Path(cache)), extractor, num_proc=num_proc, batch_size=batch_size)
        n = write_predictions(dataset, out)
    gold_option = f" --gold {gold}" if gold else ""
    err_console.print(
        f"wrote {n} prediction(s) to {out}; score them with: newsbench score --pred {out}{gold_option}", markup=False
    )


@app.command("list")
@handles_errors
def list_extractors() -> None:
    """List the registered extractors: each version, the aliases that name the current one, whether it runs here."""
    from eval.registry import ALIASES, aliases_of, available_names, current_names, unavailable_reason

    table = Table(title="newsbench extractors (an alias runs, and results record, the version it names)")
    for col in ("name", "can run here", "aliases", "current", "why not"):
        table.add_column(col)
    current = set(current_names())
    for name in available_names():
        if name in ALIASES:
            continue
        reason = unavailable_reason(name)
        table.add_row(name, "no" if reason else "yes", ", ".join(aliases_of(name)),
                      "yes" if name in current else "no (superseded)", reason or "")
    out_console.print(table)


@app.command()
@handles_errors
def compare(
    results: Path = typer.Option(Path("results"), "--results", help="Results folder (the extractors with a predictions file are compared)."),
    gold: Optional[str] = typer.Option(None, "--gold", help=GOLD_HELP),
    as_json: bool = typer.Option(False, "--json", help="Print the comparison as JSON."),
    n_boot: int = typer.Option(1000, "--n-boot", help="Paired bootstrap resamples (1 to 100,000)."),
    rounds: int = typer.Option(10_000, "--rounds", help="Approximate randomisation rounds (1 to 1,000,000)."),
    seed: int = typer.Option(0, "--seed", help="Seed of both tests (0 to 2**32-1; same seed, same figures)."),
) -> None:
    """Paired significance of the F1 differences between every two extractors (bootstrap and randomisation)."""
    from eval.reporting.compare import compare_results, method_note, verdict
    from eval.reporting.terminal import comparison_tables

    comparison = compare_results(results, gold, n_boot=n_boot, rounds=rounds, seed=seed, warn=lambda p: warn(str(p)))
    if as_json:
        sys.stdout.write(json.dumps(comparison.model_dump(mode="json") | {"verdict": verdict(comparison)}, indent=2) + "\n")
        return
    for table in comparison_tables(comparison):
        out_console.print(table)
    if comparison.pairs:
        out_console.print(method_note(comparison), markup=False)
    for note in comparison.notes:
        out_console.print(f"note: {note}", markup=False)
    if comparison.caveat and comparison.pairs:
        out_console.print(f"caveat: {comparison.caveat}", markup=False)
    out_console.print(verdict(comparison), markup=False)
