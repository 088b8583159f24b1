"""The ``newsbench`` command (also ``python -m eval``).

Only this module turns :class:`~eval.exceptions.NewsbenchError` into messages and exit codes:
one ``error: ...`` line per problem on stderr, exit status 1, no traceback.
"""
from __future__ import annotations

import contextlib
import enum
import functools
import json
import os
import sys
from pathlib import Path
from typing import Any, Callable, Iterator, Optional, TypeVar

import typer
import typer.core
from rich.console import Console
from rich.table import Table

from eval.exceptions import InvalidInputError, NewsbenchError
from eval.paths import RESULT_FILES

app = typer.Typer(
    name="newsbench",
    help="Benchmark extractors of actors, locations, quotes and events from news.",
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,  # plain help: no <bool> / <list[str]> type noise
    context_settings={"help_option_names": ["-h", "--help"]},
)
# typer labels every argument with its Python type ("<list[Path]>") whatever its metavar says; the
# metavars here (FILES..., INPUTS...) already say what to give.
typer.core.TyperArgument.display_type_rich = lambda self, ctx: None  # type: ignore[method-assign]
out_console = Console()
err_console = Console(stderr=True, highlight=False, soft_wrap=True)
F = TypeVar("F", bound=Callable[..., Any])

GOLD_HELP = "Gold: a folder of <doc_id>.json, a published dataset folder, or hf://OWNER/NAME. Default: the shipped gold."


def fail(messages: list[str], code: int = 1) -> None:
    for message in messages:
        err_console.print(f"error: {message}", markup=False)
    raise typer.Exit(code)


def warn(message: str) -> None:
    err_console.print(f"warning: {message}", markup=False)


def handles_errors(func: F) -> F:
    """Turn newsbench errors into one ``error:`` line per problem and exit status 1."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except InvalidInputError as exc:
            fail([str(p) for p in exc.problems])
        except NewsbenchError as exc:
            fail(str(exc).splitlines() or [type(exc).__name__])
        except KeyboardInterrupt:
            fail(["interrupted; no output file was left half-written"], code=INTERRUPTED)
        except (typer.Exit, typer.Abort):
            raise
        except OSError as exc:  # the machine, not the input: a full disk, no permission, too many open files
            fail([f"{exc.filename}: {exc.strerror}" if exc.filename else f"{exc.strerror or exc}"])
        except Exception as exc:  # a bug, not bad input: still one line, the traceback on request
            if os.environ.get("NEWSBENCH_DEBUG"):
                raise
            fail([f"internal error: {type(exc).__name__}: {exc} (set NEWSBENCH_DEBUG=1 to see the traceback)"], code=2)

    return wrapper  # type: ignore[return-value]


# Options of the llm extractor, shared by run and extract; each also has an environment variable
# (NEWSBENCH_LLM_TIMEOUT, ...), which an option given here overrides. Other extractors ignore them.
TIMEOUT = typer.Option(None, "--timeout", min=0.001, metavar="SECONDS", help="llm: seconds one request attempt may take in all (not per read).")
MAX_TOKENS = typer.Option(None, "--max-tokens", min=1, metavar="N", help="llm: completion token limit of each request.")
MAX_CHARS = typer.Option(None, "--max-chars", min=100, metavar="N", help="llm: characters of article per request; longer ones are split.")
MAX_RETRIES = typer.Option(None, "--max-retries", min=0, metavar="N", help="llm: retries of a failed request after the first attempt.")
TEMPERATURE = typer.Option(None, "--temperature", min=0.0, max=2.0, metavar="T", help="llm: sampling temperature.")

Engine = enum.Enum("Engine", {"local": "local", "ray": "ray"}, type=str)
ENGINE = typer.Option("local", "--engine", help="local (this machine) or ray (Ray Data; pip install newsbench[ray]).")
RAY_ADDRESS = typer.Option(None, "--ray-address", help="Ray cluster to join (auto, or an address); default: a local one.")


def _options(**kwargs: Any) -> dict[str, Any]:
    return {k: v for k, v in kwargs.items() if v is not None}


def _version(value: bool) -> None:
    if value:
        from eval import __version__

        out_console.print(f"newsbench {__version__}", markup=False, highlight=False)
        raise typer.Exit()


@app.callback()
def main_options(
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True, help="Print the version and exit."),
    max_line_mb: float = typer.Option(64, "--max-line-mb", help="Refuse JSON Lines lines longer than this (MB)."),
    max_article_mb: float = typer.Option(10, "--max-article-mb", help="Refuse articles larger than this (MB)."),
) -> None:
    """Benchmark extractors of actors, locations, quotes and events from news."""
    from eval.data.files import LIMITS, MB

    for option, value in (("--max-line-mb", max_line_mb), ("--max-article-mb", max_article_mb)):
        if not value > 0:
            fail([f"{option} {value:g}: must be above 0"])
    LIMITS.max_line_bytes = int(max_line_mb * MB)
    LIMITS.max_article_bytes = int(max_article_mb * MB)


def _check_workers(option: str, value: int | None) -> None:
    """Refuse a process count below 1 or above 4 times the cores: 0 is meaningless, 100000 never starts."""
    if value is None:
        return
    cores = os.cpu_count() or 1
    if not 1 <= value <= 4 * cores:
        raise NewsbenchError(f"{option} {value}: must be from 1 to {4 * cores} (4 x {cores} cores here)")


def _gold_folder(gold: str | None) -> Path | None:
    """The local gold folder or file a command reads (None for hf://), so that no output lands in it."""
    from eval.paths import default_gold_dir

    if gold is None:
        return default_gold_dir()
    return None if gold.startswith("hf://") else Path(gold)


def _progress_factory(console: Console):
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeElapsedColumn,
    )

    progress = Progress(
        TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(), console=console
    )

    def factory(name: str, total: int) -> Callable[[int], None]:
        task = progress.add_task(name, total=total)
        return lambda n: progress.advance(task, n)

    return progress, factory


@contextlib.contextmanager
def _file_progress() -> Iterator[None]:
    """A progress bar per JSON Lines file read (by bytes), on stderr and only on a terminal."""
    from rich.progress import BarColumn, DownloadColumn, Progress, TextColumn, TimeElapsedColumn

    from eval.data import parsing

    progress = Progress(TextColumn("{task.description}"), BarColumn(), DownloadColumn(), TimeElapsedColumn(),
                        console=err_console, transient=True, disable=not err_console.is_terminal)
    tasks: dict[Path, Any] = {}

    def advance(path: Path, done: int, total: int) -> None:
        if path not in tasks:
            tasks[path] = progress.add_task(f"reading {path.name}", total=total)
        progress.update(tasks[path], completed=done)

    parsing.ON_PROGRESS = advance
    try:
        with progress:
            yield
    finally:
        parsing.ON_PROGRESS = None


@app.command()
@handles_errors
def run(
    extractor: Optional[list[str]] = typer.Option(
        None, "--extractor", "-e", metavar="NAME", help="Extractor name; repeatable. Default: every one that can run here."
    ),
    gold: Optional[str] = typer.Option(None, "--gold", help=GOLD_HELP),
    out: Path = typer.Option(Path("results"), "--out", help="Results folder; the new files go in together, only when the run succeeds."),
    model: Optional[str] = typer.Option(None, "--model", help="Model name for the llm extractor."),
    workers: Optional[int] = typer.Option(None, "--workers", help="Worker processes (spacy, rules)."),
    concurrency: Optional[int] = typer.Option(None, "--concurrency", help="Requests in flight for the llm extractor."),
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

    _check_workers("--workers", workers)
    refuse_output(out, folder=True, protected=[("the gold", _gold_folder(gold))])
    index = GoldIndex.open(gold)  # a missing or unreadable gold fails here, before any extractor starts
    n_gold = len(index)
    index.close()
    options = _options(model=model, workers=workers, concurrency=concurrency, timeout=timeout, max_tokens=max_tokens,
                       max_chars=max_chars, max_retries=max_retries, temperature=temperature)
    extract_engine, session = None, contextlib.nullcontext()
    if engine == "ray":
        from eval.extraction.ray_engine import ray_session, run_engine

        extract_engine, session = run_engine(options), ray_session(ray_address, num_cpus=max(2, workers or 2))
    progress, factory = _progress_factory(err_console)
    with staged_folder(out) as stage:
        with session, progress:
            scored, not_run = run_benchmark(extractor, gold, stage, options, factory, extract_engine)
        _save_comparison(stage, gold, n_gold)
        frame = write_leaderboard(stage)
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
    failed = [row for row in not_run if named and row.extractor in named]
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
    model: Optional[str] = typer.Option(None, "--model", help="Model name for the llm extractor."),
    workers: Optional[int] = typer.Option(None, "--workers", help="Worker processes (spacy, rules)."),
    concurrency: Optional[int] = typer.Option(None, "--concurrency", help="Requests in flight for the llm extractor."),
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

    _check_workers("--workers", workers)
    if out is not None:
        refuse_output(out, inputs=inputs, protected=[("the gold", _gold_folder(None))])
    if engine == "ray":
        from eval.extraction.ray_engine import extract_files_ray

        extract_files = functools.partial(extract_files_ray, address=ray_address)
    extract_files(
        extractor, inputs, out,
        _options(model=model, workers=workers, concurrency=concurrency, timeout=timeout, max_tokens=max_tokens,
                 max_chars=max_chars, max_retries=max_retries, temperature=temperature),
        console=err_console,
    )


@app.command()
@handles_errors
def score(
    pred: Path = typer.Option(..., "--pred", help="Prediction file (JSON Lines)."),
    gold: Optional[str] = typer.Option(None, "--gold", help=GOLD_HELP),
    as_json: bool = typer.Option(False, "--json", help="Print the results object as JSON."),
    name: Optional[str] = typer.Option(None, "--name", help="Extractor name in the results (default: file stem)."),
    out: Optional[Path] = typer.Option(None, "--out", help="Also save results and the error list in this folder."),
    engine: Engine = ENGINE,
    ray_address: Optional[str] = RAY_ADDRESS,
    workers: int = typer.Option(2, "--workers", min=1, help="Ray tasks at a time (--engine ray)."),
) -> None:
    """Score a prediction file against the gold (streamed: a .jsonl gold of any size scores in flat memory)."""
    from eval.data.files import refuse_output, staged_folder
    from eval.gold.index import GoldIndex
    from eval.paths import check_extractor_name
    from eval.runner import score_file

    extractor = check_extractor_name(name if name is not None else pred.stem.split(".")[0], "--name")
    if out is not None:
        refuse_output(out, folder=True, inputs=[pred], protected=[("the gold", _gold_folder(gold))])
    pair_scorer, session = None, contextlib.nullcontext()
    if engine == "ray":
        from eval.extraction.ray_engine import ray_session
        from eval.scoring.ray_score import ray_pair_scorer

        pair_scorer, session = ray_pair_scorer(workers), ray_session(ray_address, num_cpus=max(2, workers))
    with session, _file_progress(), staged_folder(out) if out is not None else contextlib.nullcontext() as stage:
        result = score_file(pred, GoldIndex.open(gold), extractor=extractor, out=stage,
                            warn=lambda problem: warn(str(problem)), pair_scorer=pair_scorer)
    if as_json:
        sys.stdout.write(json.dumps(result.model_dump(mode="json"), indent=2) + "\n")
    else:
        from eval.reporting.leaderboard import leaderboard_frame

        print_leaderboard(leaderboard_frame([result], []), measured=False,
                          title=f"newsbench score of {pred}: F1, partial match")


@app.command()
@handles_errors
def validate(
    files: list[Path] = typer.Argument(..., metavar="FILES", help="Gold (.json) or prediction (.jsonl) files, or folders of them."),
    gold: Optional[str] = typer.Option(
        None, "--gold", help="Check document texts against this gold (default: predictions against the shipped gold). " + GOLD_HELP
    ),
) -> None:
    """Check files: JSON syntax, JSON Schema, offsets, ids, references, texts; exit 0 when all are valid."""
    from eval.gold.load import load_gold
    from eval.scoring.validate import validate_files

    gold_set = load_gold(gold) if gold else None
    with _file_progress():
        report = validate_files(files, gold_set)
    for problem in report.warnings:
        warn(str(problem))
    if report.problems:
        fail([str(p) for p in report.problems])
    err_console.print(f"ok: {report.n_docs} document(s) in {report.n_files} file(s) valid", markup=False)


@app.command()
@handles_errors
def leaderboard(
    results: Path = typer.Option(Path("results"), "--results", help="Results folder."),
    fmt: str = typer.Option("table", "--format", help="table, md, csv or json."),
    readme: Optional[Path] = typer.Option(None, "--readme", help="Also fill this file's leaderboard block (table and chart)."),
) -> None:
    """Print the leaderboard from saved results."""
    from eval.reporting.leaderboard import FORMATS, load_frame, render, update_readme

    if fmt not in ("table", *FORMATS):
        raise NewsbenchError(f"Unknown format {fmt!r}. Available: {', '.join(('table', *FORMATS))}")
    frame = load_frame(results)
    if readme is not None:
        update_readme(readme, results)
    if fmt == "table":
        print_leaderboard(frame)
    else:
        sys.stdout.write(render(frame, fmt))


@app.command()
@handles_errors
def publish(
    out: Path = typer.Option(..., "--out", help="Folder to build the dataset repository in."),
    repo_id: Optional[str] = typer.Option(None, "--repo-id", help="OWNER/NAME on the Hugging Face Hub."),
    dry_run: bool = typer.Option(False, "--dry-run", help="Build the folder only; do not upload."),
    gold: Optional[str] = typer.Option(None, "--gold", help=GOLD_HELP),
    results: Path = typer.Option(Path("results"), "--results", help="Results folder for the leaderboard."),
) -> None:
    """Build the Hugging Face dataset folder and push it unless --dry-run."""
    from eval.data.files import refuse_output
    from eval.hub.publish import publish as do_publish

    refuse_output(out, folder=True, protected=[("the gold", _gold_folder(gold))])
    do_publish(out=out, repo_id=repo_id, dry_run=dry_run, gold=gold, results=results, console=err_console)


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

    _check_workers("--num-proc", num_proc)
    if batch_size < 1:
        raise NewsbenchError(f"--batch-size {batch_size}: must be at least 1")
    refuse_output(out, protected=[("the gold", _gold_folder(gold))])
    reason = unavailable_reason(extractor)  # fail fast, before starting any worker
    if reason:
        raise NewsbenchError(f"extractor {extractor!r} cannot run here: {reason}")
    dataset = predict_dataset(gold_dataset(gold), extractor, num_proc=num_proc, batch_size=batch_size)
    n = write_predictions(dataset, out)
    gold_option = f" --gold {gold}" if gold else ""
    err_console.print(
        f"wrote {n} prediction(s) to {out}; score them with: newsbench score --pred {out}{gold_option}", markup=False
    )


@app.command("list")
@handles_errors
def list_extractors() -> None:
    """List the registered extractors and whether each can run here."""
    from eval.registry import available_names, unavailable_reason

    table = Table(title="newsbench extractors")
    for col in ("name", "can run here", "why not"):
        table.add_column(col)
    for name in available_names():
        reason = unavailable_reason(name)
        table.add_row(name, "no" if reason else "yes", reason or "")
    out_console.print(table)


@app.command("stats")
@handles_errors
def stats_cmd(
    gold: Optional[str] = typer.Option(None, "--gold", help=GOLD_HELP),
    readme: Optional[Path] = typer.Option(None, "--readme", help="Also rewrite the stats block of this README."),
) -> None:
    """Print the gold's counts per article as a Markdown table."""
    from eval.gold.load import load_gold
    from eval.reporting.markdown import update_block
    from eval.reporting.stats import BLOCK, stats_table

    table = stats_table(load_gold(gold).documents)
    sys.stdout.write(table)
    if readme is not None:
        changed = update_block(readme, BLOCK, table)
        err_console.print(f"{'updated' if changed else 'unchanged'}: {readme}", markup=False)


@app.command("schema")
@handles_errors
def schema_cmd(
    check: bool = typer.Option(False, "--check", help="Exit 1 if the schema file differs from the models."),
    out: Optional[Path] = typer.Option(
        None, "--out", help="Schema file to write (default schema/document.schema.json here); with --check, the file to "
        "compare (default: the schema shipped with newsbench)."
    ),
) -> None:
    """Regenerate the JSON Schema from the pydantic models."""
    from eval.data.files import write_text
    from eval.data.json_schema import render_json_schema
    from eval.paths import SCHEMA_FILE, shipped

    text = render_json_schema()
    if check:
        target = out or shipped(SCHEMA_FILE)
        current = target.read_text(encoding="utf-8") if target.exists() else ""
        if current != text:
            raise NewsbenchError(f"{target} is out of date; run `newsbench schema --out {target}` to regenerate it")
        return
    target = out or Path(SCHEMA_FILE)
    write_text(target, text)
    err_console.print(f"wrote {target}", markup=False)


@app.command()
@handles_errors
def agreement(
    first: str = typer.Argument(..., help="First annotation pass (a gold folder)."),
    second: str = typer.Argument(..., help="Second annotation pass (a gold folder)."),
    write: Optional[Path] = typer.Option(None, "--write", help="Also rewrite a generated block of this Markdown file."),
    block: str = typer.Option("agreement", "--block", help="Name of the block to rewrite."),
) -> None:
    """Score two annotation passes against each other (inter-annotator agreement)."""
    from eval.gold.load import load_gold
    from eval.reporting.agreement import agreement_table
    from eval.reporting.markdown import update_block

    table = agreement_table(load_gold(first), load_gold(second))
    sys.stdout.write(table)
    if write is not None:
        changed = update_block(write, block, table)
        err_console.print(f"{'updated' if changed else 'unchanged'}: {write}", markup=False)


@app.command()
@handles_errors
def errors(
    results: Path = typer.Option(Path("results"), "--results", help="Results folder."),
    readme: Optional[Path] = typer.Option(None, "--readme", help="Also rewrite the errors block of this README."),
) -> None:
    """Summarise the per-item error lists: what each extractor misses, by category and level."""
    from eval.reporting.error_summary import BLOCK, error_summary_table
    from eval.reporting.markdown import update_block

    table = error_summary_table(results)
    sys.stdout.write(table)
    if readme is not None:
        changed = update_block(readme, BLOCK, table)
        err_console.print(f"{'updated' if changed else 'unchanged'}: {readme}", markup=False)


@app.command()
@handles_errors
def compare(
    results: Path = typer.Option(Path("results"), "--results", help="Results folder (the extractors with a predictions file are compared)."),
    gold: Optional[str] = typer.Option(None, "--gold", help=GOLD_HELP),
    as_json: bool = typer.Option(False, "--json", help="Print the comparison as JSON."),
    n_boot: int = typer.Option(1000, "--n-boot", min=1, help="Paired bootstrap resamples."),
    rounds: int = typer.Option(10_000, "--rounds", min=1, help="Approximate randomisation rounds."),
    seed: int = typer.Option(0, "--seed", help="Seed of both tests (same seed, same figures)."),
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


@app.command("inventory")
@handles_errors
def inventory_cmd(
    guidelines: Optional[Path] = typer.Option(None, "--guidelines", help="Also rewrite the inventory block of this guidelines file."),
) -> None:
    """Print the event inventory (types, subtypes, ACE 2005 and PLOVER mappings) as a Markdown table."""
    from eval.reporting.inventory import render_inventory_table, update_guidelines

    sys.stdout.write(render_inventory_table())
    if guidelines is not None:
        changed = update_guidelines(guidelines)
        err_console.print(f"{'updated' if changed else 'unchanged'}: {guidelines}", markup=False)


@app.command("export")
@handles_errors
def export_cmd(
    files: Optional[list[Path]] = typer.Argument(None, help="Gold .json files or folders, prediction .jsonl files; "
                                                 "with --extractor, .txt articles. Default: the shipped gold."),
    fmt: str = typer.Option(..., "--format", help="labelstudio, brat, inception or docbin."),
    out: Path = typer.Option(..., "--out", help="Output folder (a .spacy file for docbin)."),
    extractor: Optional[str] = typer.Option(None, "--extractor", "-e",
                                            help="Run this extractor on .txt articles and export its output "
                                                 "(Label Studio: as predictions, for pre-annotation)."),
) -> None:
    """Export gold or predictions for an annotation tool (Label Studio, INCEpTION, brat) or spaCy training."""
    from eval.formats import EXPORT_FORMATS, export_documents
    from eval.formats.common import source_documents

    if fmt not in EXPORT_FORMATS:  # before any extractor runs
        fail([f"--format: unknown format {fmt!r}; valid: {', '.join(EXPORT_FORMATS)}"])
    docs = source_documents(files, extractor)
    report = export_documents(fmt, docs, out, prediction=extractor)
    for problem in report.warnings:
        warn(str(problem))
    err_console.print(f"wrote {len(report.files)} file(s) for {report.n_docs} document(s) to {out}"
                      + (f"; {len(report.warnings)} item(s) could not be carried (warnings above)" if report.warnings else ""),
                      markup=False)


@app.command("import")
@handles_errors
def import_cmd(
    inputs: list[Path] = typer.Argument(..., help="Label Studio task .json files; brat .ann files or folders; "
                                         "CAS .xmi files or folders."),
    fmt: str = typer.Option(..., "--format", help="labelstudio, brat or inception."),
    out: Path = typer.Option(..., "--out", help="Gold folder to write, one <doc_id>.json per article."),
) -> None:
    """Import annotations as a gold folder (every document checked as validate does); then: run --gold OUT."""
    from eval.formats import import_documents

    written = import_documents(fmt, inputs, out)
    err_console.print(f"wrote {len(written)} document(s) in {out}", markup=False)


INTERRUPTED = 130


def main() -> None:
    try:
        app()
    except SystemExit as exc:
        if exc.code == INTERRUPTED:
            # After Ctrl-C every file is cleaned up and the workers are stopped; skip the interpreter's
            # exit hooks, which join worker-manager threads that a stopped worker can leave blocked.
            import multiprocessing

            children = multiprocessing.active_children()  # workers of a pipeline not yet closed
            for child in children:
                child.terminate()
            for child in children:
                child.join(timeout=1)
            sys.stdout.flush()
            sys.stderr.flush()
            os._exit(INTERRUPTED)
        raise


if __name__ == "__main__":
    main()
