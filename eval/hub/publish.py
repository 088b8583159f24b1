"""Publishing the gold to the Hugging Face Hub as a dataset repository, and loading it back.

The repository holds Parquet files written with ``datasets`` in five configs: ``documents`` (one row
per article with its nested annotations) and the flat ``actors``, ``locations``, ``quotes`` and
``events`` (one row per item with ``doc_id``; every span field becomes ``<field>_start``,
``<field>_end`` and ``<field>_text`` columns so that offsets load straight into pandas). Beside the
data: the dataset card, ``CITATION.cff``, the JSON Schema, the guidelines, the cross-document file and
the leaderboard files.
"""
from __future__ import annotations

import errno
import shutil
import tempfile
from pathlib import Path
from typing import Any, Callable

from eval import __version__
from eval.data.files import make_folders, remove_folders, write_error
from eval.data.models import Document
from eval.data.rows import CONFIGS, DEV_CONFIGS, config_split, dataset_features, document_row, item_rows
from eval.exceptions import PublishError
from eval.hub.card import dataset_card, license_text, tag_name
from eval.paths import (
    CITATION_FILE,
    CROSS_DOCUMENT_FILE,
    GOLD_DIR,
    GUIDELINES_FILE,
    RESULT_FILES,
    SCHEMA_FILE,
    shipped,
)

BESIDE_DATA = {  # shipped file (eval.paths) -> name in the dataset repository
    SCHEMA_FILE: "schema/document.schema.json",
    GUIDELINES_FILE: "GUIDELINES.md",
    CITATION_FILE: "CITATION.cff",
}


def cross_document_of(gold: str | None, docs: list[Document]) -> Path | None:
    """The cross-document file of the gold being published, checked against its documents; None when it has none.

    The shipped file describes the shipped gold only: another gold's clusters live beside that gold.
    """
    from eval.gold.crossdoc import load_cross_document

    if gold is None:
        path = shipped(f"{GOLD_DIR}/{CROSS_DOCUMENT_FILE}")
    elif gold.startswith("hf://") or not Path(gold).is_dir():
        return None
    else:
        path = Path(gold) / CROSS_DOCUMENT_FILE
    if not path.is_file():
        return None
    load_cross_document(path, {d.doc_id: d for d in docs})
    return path


def _write_parquet(out: Path, docs: list[Document], dev: dict[str, list[Document]] | None = None) -> dict[str, Any]:
    """Write every config's Parquet file; returns the ``datasets`` info of each config.

    ``dev`` maps a development half (``dev``, ``devtest``) to its documents: each becomes a config of
    document rows with a split of its own name.
    """
    from datasets import Dataset
    from datasets.utils.logging import disable_progress_bar

    disable_progress_bar()  # one line per file on stderr says nothing to the user
    infos: dict[str, Any] = {}
    features = dataset_features()
    tables = {c: [document_row(d) for d in docs] if c == "documents" else [r for d in docs for r in item_rows(d, c)]
              for c in CONFIGS}
    tables |= {half: [document_row(d) for d in half_docs] for half, half_docs in (dev or {}).items()}
    for config, rows in tables.items():
        kind = "documents" if config in DEV_CONFIGS else config
        split = config_split(config)
        ds = Dataset.from_list(rows, features=features[kind], split=split)
        target = out / config / f"{split}-00000-of-00001.parquet"
        target.parent.mkdir(parents=True, exist_ok=True)
        ds.to_parquet(str(target))
        infos[config] = (features[kind], len(ds))
    return infos


WRITE_ERRNOS = frozenset({errno.ENOSPC, errno.EFBIG, errno.EDQUOT, errno.EROFS})


def build_folder(
    out: Path, docs: list[Document], results: Path | None, cross_document: Path | None = None, repo_id: str | None = None,
    dev: dict[str, list[Document]] | None = None,
) -> Path:
    """Build the whole repository in a temporary sibling folder, then move it to ``out`` (nothing half-written).

    Raises:
        PublishError: ``out`` exists and is not empty, or a file to copy is missing.
    """
    out = Path(out)
    if out.exists() and (not out.is_dir() or any(out.iterdir())):
        raise PublishError(f"Output folder {out} is not empty; choose a new --out or remove it first.")
    created: list[Path] = []
    try:
        created = make_folders(out.resolve().parent)
        tmp = Path(tempfile.mkdtemp(dir=out.resolve().parent, prefix=f".{out.resolve().name}.", suffix=".building"))
    except OSError as exc:
        remove_folders(created)
        raise write_error(out, exc) from None
    try:
        infos = _write_parquet(tmp, docs, dev)
        for src, dst in BESIDE_DATA.items():
            source = shipped(src)
            if not source.exists():
                raise PublishError(f"Missing {source}: the dataset repository needs it beside the data.")
            (tmp / dst).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, tmp / dst)
        if cross_document is not None:
            shutil.copyfile(cross_document, tmp / CROSS_DOCUMENT_FILE)
        leaderboard = _copy_leaderboard(results, tmp)
        (tmp / "LICENSE.md").write_text(license_text(), encoding="utf-8")
        files = [p.relative_to(tmp).as_posix() for p in tmp.rglob("*") if p.is_file()]
        card = dataset_card(docs, infos, leaderboard, repo_id=repo_id, files=files, dev=dev)
        (tmp / "README.md").write_text(str(card), encoding="utf-8")
    except BaseException as exc:
        shutil.rmtree(tmp, ignore_errors=True)
        remove_folders(created)
        # a full disk or a size limit while writing: name the folder being built, not a file being copied into it
        if isinstance(exc, OSError) and (exc.filename is None or exc.errno in WRITE_ERRNOS):
            raise write_error(out, exc) from None
        raise
    if out.exists():
        out.rmdir()
    tmp.replace(out)
    return out


def _copy_leaderboard(results: Path | None, tmp: Path) -> str | None:
    """Copy the leaderboard files; returns the Markdown table, or None when there are no results."""
    table = Path(results) / RESULT_FILES.leaderboard_md if results is not None else None
    if table is None or not table.exists():
        return None
    (tmp / "leaderboard").mkdir()
    for name in RESULT_FILES.leaderboard():
        if (Path(results) / name).exists():
            shutil.copyfile(Path(results) / name, tmp / "leaderboard" / name)
    return table.read_text(encoding="utf-8")


def resolve_token(get_token: Callable[[], str | None] | None = None) -> str:
    """The Hub token: ``HF_TOKEN`` or the user's saved login.

    Raises:
        PublishError: no token is found.
    """
    import os

    if get_token is None:
        from huggingface_hub import get_token
    token = os.environ.get("HF_TOKEN") or get_token()
    if not token:
        raise PublishError(
            "No Hugging Face token found: set HF_TOKEN or run `huggingface-cli login`, or use --dry-run to build the folder only."
        )
    return token


def upload(folder: Path, repo_id: str, *, token: str, api: Any = None, version: str = __version__) -> str:
    """Create the dataset repository if needed, upload ``folder`` and tag the revision; returns the tag.

    ``api`` is an ``HfApi``-like object (tests inject a fake; no Hub is reachable from the test suite).
    """
    if api is None:
        from huggingface_hub import HfApi

        api = HfApi()
    tag = tag_name(version)
    api.create_repo(repo_id, repo_type="dataset", exist_ok=True, token=token)
    commit = api.upload_folder(
        repo_id=repo_id, folder_path=str(folder), repo_type="dataset", token=token,
        commit_message=f"newsbench {version}: gold dataset and leaderboard",
    )
    revision = getattr(commit, "oid", None)
    api.create_tag(repo_id, tag=tag, revision=revision, repo_type="dataset", token=token, exist_ok=True)
    return tag


def publish(
    out: Path,
    repo_id: str | None,
    dry_run: bool,
    gold: str | None,
    results: Path | None,
    console: Any = None,
    api: Any = None,
    get_token: Callable[[], str | None] | None = None,
) -> Path:
    """Build the dataset repository in ``out`` and, unless ``dry_run``, upload it to ``repo_id``.

    Raises:
        PublishError: no ``--repo-id`` for an upload, ``out`` not empty, no token, or the upload failed.
    """
    from eval.gold.load import load_gold

    if not dry_run and not repo_id:
        raise PublishError("--repo-id OWNER/NAME is required to upload; add --dry-run to build the folder only.")
    if repo_id is not None and repo_id.count("/") != 1:
        raise PublishError(f"Invalid --repo-id {repo_id!r}: expected OWNER/NAME.")
    token = None if dry_run else resolve_token(get_token)
    docs = sorted(load_gold(gold).documents, key=lambda d: d.doc_id)
    dev = development_halves() if gold is None else None
    folder = build_folder(Path(out), docs, results, cross_document_of(gold, docs), repo_id, dev)
    configs = [*CONFIGS, *(dev or {})]
    _say(console, f"built dataset repository in {folder} ({len(docs)} documents, configs: {', '.join(configs)})")
    if dry_run:
        return folder
    try:
        tag = upload(folder, repo_id, token=token, api=api)  # type: ignore[arg-type]
    except PublishError:
        raise
    except Exception as exc:  # the Hub client raises many types; the user needs the message, not a traceback
        raise PublishError(f"Upload to {repo_id} failed: {exc}") from None
    _say(console, f"uploaded to https://huggingface.co/datasets/{repo_id} and tagged {tag}")
    return folder


def development_halves() -> dict[str, list[Document]]:
    """The shipped development halves that exist (published with the shipped gold only)."""
    from eval.gold.load import load_gold
    from eval.paths import split_gold_dir

    return {half: sorted(load_gold(split_gold_dir(half)).documents, key=lambda d: d.doc_id)
            for half in DEV_CONFIGS if split_gold_dir(half).is_dir()}


def _say(console: Any, message: str) -> None:
    if console is not None:
        console.print(message, markup=False, highlight=False)
