"""Publishing the gold to the Hugging Face Hub as a dataset repository, and loading it back.

The repository holds Parquet files written with ``datasets`` in five configs: ``documents`` (one row
per article with its nested annotations) and the flat ``actors``, ``locations``, ``quotes`` and
``events`` (one row per item with ``doc_id``; every span field becomes ``<field>_start``,
``<field>_end`` and ``<field>_text`` columns so that offsets load straight into pandas). Beside the
data: the dataset card, ``CITATION.cff``, the JSON Schema, the guidelines, the cross-document file and
the leaderboard files.
"""
from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any, Callable, Iterable

from eval import __version__
from eval.exceptions import InvalidInputError, Problem, PublishError
from eval.schema import Document

SPLIT = "test"
ITEM_CONFIGS = ("actors", "locations", "quotes", "events")
CONFIGS = ("documents", *ITEM_CONFIGS)
SPAN_FIELDS = {"quotes": ("content", "cue", "speaker_mention"), "events": ("trigger", "time")}
ROOT = Path(__file__).resolve().parent.parent
BESIDE_DATA = {  # source in the checkout -> name in the dataset repository
    "schema/document.schema.json": "schema/document.schema.json",
    "gold/GUIDELINES.md": "GUIDELINES.md",
    "gold/cross_document.json": "cross_document.json",
    "CITATION.cff": "CITATION.cff",
}
LEADERBOARD_FILES = ("leaderboard.md", "leaderboard.csv", "leaderboard.png")


def tag_name(version: str = __version__) -> str:
    """The git tag of a published dataset revision.

    >>> tag_name("0.1.0")
    'v0.1.0'
    """
    return f"v{version}"


# ---------------------------------------------------------------- features (the Parquet schema)


def _features() -> dict[str, Any]:
    """The ``datasets`` features of every config, written once from the pydantic models' fields."""
    from datasets import Features, Value

    s, i, f = Value("string"), Value("int64"), Value("float64")
    span = {"start": i, "end": i, "text": s}
    mention = span | {"kind": s}
    actor = {"id": s, "name": s, "type": s, "mentions": [mention], "subtype": s, "wikidata_id": s, "confidence": f}
    location = {
        "id": s, "name": s, "type": s, "mentions": [mention], "subtype": s, "country": s,
        "geonames_id": i, "wikidata_id": s, "confidence": f,
    }
    quote = {"id": s, "content": span, "speaker": s, "kind": s, "cue": span, "speaker_mention": span, "confidence": f}
    event = {
        "id": s, "type": s, "trigger": span, "arguments": [{"role": s, "ref": s}], "polarity": s,
        "modality": s, "time": span, "date": s, "confidence": f,
    }
    items = {"actors": actor, "locations": location, "quotes": quote, "events": event}
    document = {
        "schema_version": s, "doc_id": s, "text": s, **{k: [v] for k, v in items.items()},
        "title": s, "date": s, "source": s, "url": s, "language": s, "text_sha256": s,
        "meta": s,  # free-form dict: stored as JSON text because Parquet structs need fixed keys
    }
    out = {"documents": Features(document)}
    for cat, item in items.items():
        flat: dict[str, Any] = {"doc_id": s}
        for key, value in item.items():
            if key in SPAN_FIELDS.get(cat, ()):
                flat |= {f"{key}_{part}": value[part] for part in ("start", "end", "text")}
            else:
                flat[key] = value
        out[cat] = Features(flat)
    return out


# ---------------------------------------------------------------- rows <-> documents


def document_row(doc: Document) -> dict[str, Any]:
    row = doc.model_dump(mode="json")
    row["meta"] = json.dumps(row["meta"], ensure_ascii=False, sort_keys=True) if row.get("meta") is not None else None
    return row


def item_rows(doc: Document, category: str) -> Iterable[dict[str, Any]]:
    """The flat rows of one category of ``doc``: ``doc_id`` first, span fields split into columns."""
    for item in getattr(doc, category):
        row: dict[str, Any] = {"doc_id": doc.doc_id}
        for key, value in item.model_dump(mode="json").items():
            if key in SPAN_FIELDS.get(category, ()):
                for part in ("start", "end", "text"):
                    row[f"{key}_{part}"] = None if value is None else value[part]
            else:
                row[key] = value
        yield row


def _unflatten(row: dict[str, Any], category: str) -> dict[str, Any]:
    item = {k: v for k, v in row.items() if k != "doc_id"}
    for key in SPAN_FIELDS.get(category, ()):
        parts = {part: item.pop(f"{key}_{part}") for part in ("start", "end", "text")}
        item[key] = None if parts["start"] is None else parts
    return item


def _drop_none(value: Any) -> Any:
    """Absent optional fields come back from Parquet as None; the models' defaults are None too."""
    if isinstance(value, dict):
        return {k: _drop_none(v) for k, v in value.items() if v is not None}
    if isinstance(value, list):
        return [_drop_none(v) for v in value]
    return value


def row_document(row: dict[str, Any], source: str, index: int) -> Document:
    """A ``documents`` row back to a validated Document.

    Raises:
        InvalidInputError: the row is not a valid gold document (named by source and row).
    """
    data = dict(row)
    try:
        data["meta"] = json.loads(data["meta"]) if data.get("meta") is not None else None
        return Document.model_validate(_drop_none(data))
    except (ValueError, TypeError) as exc:
        raise InvalidInputError(Problem(source, f"documents[{index}]", f"not a valid gold document: {exc}")) from None


def documents_from_items(
    texts: dict[str, dict[str, Any]], items: dict[str, Iterable[dict[str, Any]]]
) -> list[Document]:
    """Rebuild documents from the flat configs (used by the round-trip test and by users of the flat files)."""
    docs = {doc_id: dict(fields) | {c: [] for c in ITEM_CONFIGS} for doc_id, fields in texts.items()}
    for category, rows in items.items():
        for row in rows:
            docs[row["doc_id"]][category].append(_drop_none(_unflatten(row, category)))
    return [Document.model_validate(d) for d in docs.values()]


# ---------------------------------------------------------------- loading back


def load_published(source: str) -> list[Document]:
    """Load the gold documents from a published dataset: ``hf://OWNER/NAME`` or a local folder.

    Raises:
        InvalidInputError: the folder has no ``documents`` config, or a row is not a valid document.
    """
    from datasets import load_dataset

    path = source.removeprefix("hf://")
    if not source.startswith("hf://") and not (Path(path) / "README.md").exists():
        raise InvalidInputError(Problem(source, "", "not a published newsbench dataset (no README.md dataset card)"))
    try:
        rows = load_dataset(path, "documents", split=SPLIT)
    except (ValueError, FileNotFoundError) as exc:
        raise InvalidInputError(Problem(source, "", f"cannot load the 'documents' config: {exc}")) from None
    return [row_document(row, source, i) for i, row in enumerate(rows)]


# ---------------------------------------------------------------- building the folder


def _write_parquet(out: Path, docs: list[Document]) -> dict[str, Any]:
    """Write every config's Parquet file; returns the ``datasets`` info of each config."""
    from datasets import Dataset
    from datasets.utils.logging import disable_progress_bar

    disable_progress_bar()  # one line per file on stderr says nothing to the user
    infos: dict[str, Any] = {}
    features = _features()
    for config in CONFIGS:
        if config == "documents":
            rows = [document_row(d) for d in docs]
        else:
            rows = [r for d in docs for r in item_rows(d, config)]
        ds = Dataset.from_list(rows, features=features[config], split=SPLIT)
        target = out / config / f"{SPLIT}-00000-of-00001.parquet"
        target.parent.mkdir(parents=True, exist_ok=True)
        ds.to_parquet(str(target))
        infos[config] = (features[config], len(ds))
    return infos


def build_folder(out: Path, docs: list[Document], results: Path | None) -> Path:
    """Build the whole repository in a temporary sibling folder, then move it to ``out`` (nothing half-written).

    Raises:
        PublishError: ``out`` exists and is not empty, or a file to copy is missing.
    """
    out = Path(out)
    if out.exists() and (not out.is_dir() or any(out.iterdir())):
        raise PublishError(f"Output folder {out} is not empty; choose a new --out or remove it first.")
    tmp = out.with_name(f".{out.name}.building")
    shutil.rmtree(tmp, ignore_errors=True)
    tmp.mkdir(parents=True)
    try:
        infos = _write_parquet(tmp, docs)
        for src, dst in BESIDE_DATA.items():
            if not (ROOT / src).exists():
                raise PublishError(f"Missing {src}: the dataset repository needs it beside the data.")
            (tmp / dst).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(ROOT / src, tmp / dst)
        leaderboard = _copy_leaderboard(results, tmp)
        (tmp / "README.md").write_text(str(dataset_card(docs, infos, leaderboard)), encoding="utf-8")
        (tmp / "LICENSE.md").write_text(license_text(), encoding="utf-8")
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    if out.exists():
        out.rmdir()
    tmp.replace(out)
    return out


def card_data(infos: dict[str, Any]) -> Any:
    """The card's YAML metadata, checked by ``huggingface_hub`` (the Hub's own field names)."""
    from datasets import DatasetInfo, SplitDict, SplitInfo
    from datasets.info import DatasetInfosDict
    from huggingface_hub import DatasetCardData

    data = DatasetCardData(
        pretty_name="newsbench",
        language=["en"],
        license="other",
        license_name="cc-by-4.0-annotations-only",
        license_link="LICENSE.md",
        annotations_creators=["expert-generated"],
        language_creators=["found"],
        multilinguality="monolingual",
        size_categories=["n<1K"],
        source_datasets=["original"],
        task_categories=["token-classification", "text-classification"],
        task_ids=["named-entity-recognition"],
        tags=["information-extraction", "news", "event-extraction", "quote-attribution", "benchmark"],
        configs=[
            {"config_name": c, "data_files": [{"split": SPLIT, "path": f"{c}/{SPLIT}-*.parquet"}], **({"default": True} if c == "documents" else {})}
            for c in CONFIGS
        ],
    )
    dataset_infos = DatasetInfosDict({
        c: DatasetInfo(features=f, config_name=c, splits=SplitDict({SPLIT: SplitInfo(name=SPLIT, num_examples=n)}))
        for c, (f, n) in infos.items()
    })
    dataset_infos.to_dataset_card_data(data)
    return data


def dataset_card(docs: list[Document], infos: dict[str, Any], leaderboard: str | None) -> Any:
    """The dataset card (``README.md``): validated metadata plus the body described in the module docstring."""
    from huggingface_hub import DatasetCard

    body = _card_body(docs, infos, leaderboard)
    # DatasetCard parses the YAML header back into DatasetCardData; it raises on invalid metadata.
    return DatasetCard(f"---\n{card_data(infos).to_yaml()}\n---\n\n{body}")


def _provenance(docs: list[Document]) -> str:
    lines = ["| doc_id | title | publisher / source | date | rights |", "|---|---|---|---|---|"]
    for d in docs:
        source = d.source or "not recorded in the seed file"
        lines.append(
            f"| `{d.doc_id}` | {d.title or 'untitled in the seed file'} | {source} | {d.date or 'not recorded'} | "
            f"text © its publisher ({source}); not licensed here |"
        )
    return "\n".join(lines) + "\n"


def _card_body(docs: list[Document], infos: dict[str, Any], leaderboard: str | None) -> str:
    from eval.stats import stats_table

    counts = ", ".join(f"`{c}` ({n} rows)" for c, (_, n) in infos.items())
    board = leaderboard or "No results were available when this revision was built; run `newsbench run`.\n"
    return f"""# newsbench: gold annotations for structured extraction from news

Hand-labelled **actors, locations, quotes and events** with character offsets into the article text,
for benchmarking extractors (rule-based, spaCy, LLM). Every span equals `text[start:end]` (code points).
Version {__version__}, tag `{tag_name()}`.

## Rights and licence (read first)

- **Annotations** (ids, types, offsets, links, arguments), the guidelines, the JSON Schema and the leaderboard:
  **CC BY 4.0**. The card's `license: other` with `license_name: cc-by-4.0-annotations-only` says exactly this,
  because the Hub's `license` field would otherwise seem to cover the article texts too.
- **Article texts** (`text`, and `title`, `source`, `date`): **not licensed here**. They belong to their publishers and
  are included verbatim only so offsets can be checked. See `LICENSE.md`. Rights holders can ask for removal in the
  repository's discussions.

## Provenance of each article

{_provenance(docs)}
## Data

Configs (split `{SPLIT}` only, since this is an evaluation set): {counts}.

```python
from datasets import load_dataset
docs = load_dataset("OWNER/NAME", "documents", split="{SPLIT}")   # one row per article, nested annotations
actors = load_dataset("OWNER/NAME", "actors", split="{SPLIT}").to_pandas()  # one row per actor, with doc_id
```

The flat configs split every span field into `<field>_start`, `<field>_end`, `<field>_text` columns
(`content_*`, `cue_*`, `speaker_mention_*` for quotes; `trigger_*`, `time_*` for events). Actors and locations keep
their list of `mentions` (`start`, `end`, `text`, `kind`). Quote `speaker` and event argument `ref` are ids of actors or
locations of the same document. `meta` in `documents` is JSON text.

## Statistics

{stats_table(docs)}
## Annotation guidelines

`GUIDELINES.md` (beside the data) defines every category, span boundary and type. `cross_document.json` links the
same actor or location across articles.

## JSON Schema

`schema/document.schema.json` (JSON Schema 2020-12, generated from the pydantic models) describes one document;
predictions use the same schema.

## How to score a system

```bash
pip install newsbench   # or a clone of the repository
newsbench score --pred my_predictions.jsonl --gold hf://OWNER/NAME
newsbench run --gold hf://OWNER/NAME   # run the built-in extractors
```

## Leaderboard

{board}
Files: `leaderboard/leaderboard.md`, `leaderboard/leaderboard.csv`, `leaderboard/leaderboard.png`.
Extractors that could not run where the leaderboard was built are listed as "not run", never scored.

## Limitations

- Only {len(docs)} articles, all on one news story (one topic, one week, English): scores have wide confidence
  intervals and say little about other topics, genres or languages.
- One annotation pass by the project's annotators following the guidelines; agreement figures are in the guidelines.
- Some texts carry extraction noise from their web pages (menus, missing spaces), kept verbatim.

## Citation

```bibtex
@misc{{newsbench,
  title  = {{newsbench: a benchmark and gold dataset for structured extraction from news}},
  author = {{{{newsbench contributors}}}},
  year   = {{2026}},
  note   = {{Version {__version__}}}
}}
```

See also `CITATION.cff`.
"""


def _copy_leaderboard(results: Path | None, tmp: Path) -> str | None:
    """Copy the leaderboard files; returns the Markdown table, or None when there are no results."""
    if results is None or not (Path(results) / "leaderboard.md").exists():
        return None
    (tmp / "leaderboard").mkdir()
    for name in LEADERBOARD_FILES:
        if (Path(results) / name).exists():
            shutil.copyfile(Path(results) / name, tmp / "leaderboard" / name)
    return (Path(results) / "leaderboard.md").read_text(encoding="utf-8")


def license_text() -> str:
    return (
        "# Licence\n\n"
        "The **annotations** in this repository (every field except `text`, `title`, `date`, `source` and `url`),\n"
        "the annotation guidelines, the JSON Schema and the leaderboard are released under the Creative Commons\n"
        "Attribution 4.0 International licence (CC BY 4.0, https://creativecommons.org/licenses/by/4.0/).\n\n"
        "The **article texts** are NOT covered by that licence. They belong to their publishers and are included\n"
        "verbatim only so that character offsets can be checked and systems can be evaluated. Do not republish them;\n"
        "rights holders who want a text removed can open a discussion on the dataset repository.\n"
    )


# ---------------------------------------------------------------- uploading


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
    from eval.gold import load_gold

    if not dry_run and not repo_id:
        raise PublishError("--repo-id OWNER/NAME is required to upload; add --dry-run to build the folder only.")
    if repo_id is not None and repo_id.count("/") != 1:
        raise PublishError(f"Invalid --repo-id {repo_id!r}: expected OWNER/NAME.")
    token = None if dry_run else resolve_token(get_token)
    docs = sorted(load_gold(gold).documents, key=lambda d: d.doc_id)
    folder = build_folder(Path(out), docs, results)
    _say(console, f"built dataset repository in {folder} ({len(docs)} documents, configs: {', '.join(CONFIGS)})")
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


def _say(console: Any, message: str) -> None:
    if console is not None:
        console.print(message, markup=False, highlight=False)
