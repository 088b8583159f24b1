"""Commands that check, summarise and convert files: ``validate``, ``leaderboard``, ``publish``, ``stats``, ``schema``,
``agreement``, ``errors``, ``inventory``, ``export``, ``import``.
"""
from __future__ import annotations

import sys
from pathlib import Path
from typing import Optional

import typer
import typer.core

from eval.cli.app import GOLD_HELP, app, err_console, fail, file_progress, gold_folder, handles_errors, warn
from eval.cli.run import print_leaderboard
from eval.exceptions import NewsbenchError


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
    with file_progress():
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

    refuse_output(out, folder=True, protected=[("the gold", gold_folder(gold))])
    do_publish(out=out, repo_id=repo_id, dry_run=dry_run, gold=gold, results=results, console=err_console)


@app.command("stats")
@handles_errors
def stats_cmd(
    gold: Optional[str] = typer.Option(None, "--gold", help=GOLD_HELP),
    readme: Optional[Path] = typer.Option(None, "--readme", help="Also rewrite the stats block of this README."),
) -> None:
    """Print the gold's counts per article as a Markdown table."""
    from eval.gold.load import load_gold
    from eval.reporting.stats import BLOCK, stats_table

    table = stats_table(load_gold(gold).documents)
    print_block(table, readme, BLOCK)


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
    from eval.data.files import read_text, write_text
    from eval.data.json_schema import render_json_schema
    from eval.paths import SCHEMA_FILE, shipped

    text = render_json_schema()
    if check:
        target = out or shipped(SCHEMA_FILE)
        current = read_text(target)  # a missing, unreadable or non-UTF-8 file is named as such, not "out of date"
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

    table = agreement_table(load_gold(first), load_gold(second))
    print_block(table, write, block)


@app.command()
@handles_errors
def errors(
    results: Path = typer.Option(Path("results"), "--results", help="Results folder."),
    readme: Optional[Path] = typer.Option(None, "--readme", help="Also rewrite the errors block of this README."),
) -> None:
    """Summarise the per-item error lists: what each extractor misses, by category and level."""
    from eval.reporting.error_summary import BLOCK, error_summary_table

    table = error_summary_table(results)
    print_block(table, readme, BLOCK)


@app.command("inventory")
@handles_errors
def inventory_cmd(
    guidelines: Optional[Path] = typer.Option(None, "--guidelines", help="Also rewrite the inventory block of this guidelines file."),
) -> None:
    """Print the event inventory (types, subtypes, ACE 2005 and PLOVER mappings) as a Markdown table."""
    from eval.reporting.inventory import INVENTORY_BLOCK, render_inventory_table

    print_block(render_inventory_table(), guidelines, INVENTORY_BLOCK)


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
    if fmt != "docbin":  # tool files (tasks.json, .ann, .xmi) written into a gold folder would break it
        from eval.data.files import refuse_output

        refuse_output(out, folder=True, protected=[("the gold", gold_folder(None))])
        for source in files or []:
            folder = Path(source) if Path(source).is_dir() else Path(source).parent
            if (Path(source).is_dir() or Path(source).suffix == ".json") and Path(out).resolve().is_relative_to(folder.resolve()):
                raise NewsbenchError(f"{out}: would write into {folder}, the gold folder of the input {source}; choose another output folder")
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


def print_block(table: str, path: Path | None, block: str) -> None:
    """Print a generated Markdown table and, with ``path``, rewrite that file's block ``block`` with it."""
    from eval.reporting.markdown import update_block

    sys.stdout.write(table)
    if path is not None:
        changed = update_block(path, block, table)
        err_console.print(f"{'updated' if changed else 'unchanged'}: {path}", markup=False)
