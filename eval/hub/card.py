"""The dataset card of the published repository.
"""
from __future__ import annotations

from typing import Any, Iterable

from eval import __version__
from eval.data.models import Document
from eval.data.rows import SPLIT, config_split
from eval.paths import CITATION_FILE, CROSS_DOCUMENT_FILE, PYPROJECT_FILE, RESULT_FILES, shipped
from eval.reporting.markdown import markdown_table


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
            {"config_name": c, "data_files": [{"split": config_split(c), "path": f"{c}/{config_split(c)}-*.parquet"}],
             **({"default": True} if c == "documents" else {})}
            for c in infos
        ],
    )
    dataset_infos = DatasetInfosDict({
        c: DatasetInfo(features=f, config_name=c,
                       splits=SplitDict({config_split(c): SplitInfo(name=config_split(c), num_examples=n)}))
        for c, (f, n) in infos.items()
    })
    dataset_infos.to_dataset_card_data(data)
    return data


def dataset_card(
    docs: list[Document], infos: dict[str, Any], leaderboard: str | None, *, repo_id: str | None, files: Iterable[str],
    dev: dict[str, list[Document]] | None = None,
) -> Any:
    """The dataset card (``README.md``): validated metadata plus the body.

    Args:
        repo_id: the Hub repository the data is published to; None (``--dry-run`` without ``--repo-id``)
            makes the examples load the folder itself.
        files: the repository's files beside the card (paths relative to its root): the card names no other.
    """
    from huggingface_hub import DatasetCard

    body = _card_body(docs, infos, leaderboard, repo_id, frozenset(files), dev or {})
    # DatasetCard parses the YAML header back into DatasetCardData; it raises on invalid metadata.
    return DatasetCard(f"---\n{card_data(infos).to_yaml()}\n---\n\n{body}")


def _provenance(docs: list[Document]) -> str:
    header = ["doc_id", "title", "publisher / source", "date", "rights"]
    rows = []
    for d in docs:
        source = d.source or "not recorded in the seed file"
        rows.append([f"`{d.doc_id}`", d.title or "untitled in the seed file", source, d.date or "not recorded",
                     f"text © its publisher ({source}); not licensed here"])
    return markdown_table(header, rows, left=len(header))


def repository_url() -> str | None:
    """The code repository of newsbench: ``[project.urls]`` of the checkout's pyproject.toml, else of the installed package."""
    import importlib.metadata
    import tomllib

    pyproject = shipped(PYPROJECT_FILE)
    if pyproject.is_file():
        project = tomllib.loads(pyproject.read_text(encoding="utf-8")).get("project", {})
        if project.get("name") == "newsbench":
            return _repository(project.get("urls", {}))
    try:
        entries = importlib.metadata.metadata("newsbench").get_all("Project-URL") or []
    except importlib.metadata.PackageNotFoundError:
        return None
    return _repository(dict(e.split(", ", 1) for e in entries if ", " in e))


def _repository(urls: dict[str, str]) -> str | None:
    """The code link among the project URLs; a placeholder on a reserved ``.invalid`` host is no link.

    >>> _repository({"Repository": "https://example.invalid/x"}) is None
    True
    """
    from urllib.parse import urlsplit

    by_label = {k.lower(): v for k, v in urls.items()}
    url = next((by_label[k] for k in ("repository", "source", "code", "homepage") if k in by_label), None)
    if url is None:
        return None
    host = urlsplit(url).hostname or ""
    return None if host == "invalid" or host.endswith(".invalid") else url


def citation() -> dict[str, Any]:
    """The fields of the shipped ``CITATION.cff`` (title, authors, version, licence, date)."""
    import yaml

    return yaml.safe_load(shipped(CITATION_FILE).read_text(encoding="utf-8"))


def bibtex(cff: dict[str, Any], url: str | None) -> str:
    """A BibTeX entry from the fields of a ``CITATION.cff``.

    >>> print(bibtex({"title": "T", "authors": [{"name": "A"}], "version": "1"}, None))
    @misc{newsbench,
      title  = {T},
      author = {{A}},
      note   = {Version 1}
    }
    """
    authors = " and ".join(
        "{" + a["name"] + "}" if "name" in a else f"{a.get('family-names', '')}, {a.get('given-names', '')}"
        for a in cff.get("authors", [])
    )
    fields = {"title": cff["title"], "author": authors, "note": f"Version {cff['version']}"}
    if cff.get("date-released"):
        fields["year"] = str(cff["date-released"])[:4]
    if url:
        fields["url"] = url
    lines = ",\n".join(f"  {k:<6} = {{{v}}}" for k, v in fields.items())
    return f"@misc{{newsbench,\n{lines}\n}}"


def _loading(repo_id: str | None) -> str:
    """How to load the data: from the Hub repository, or (built without ``--repo-id``) from this folder."""
    where = f'"{repo_id}"' if repo_id else '"."'
    note = "" if repo_id else (
        "\nThis folder was built without `--repo-id`: the examples load it from inside the folder; "
        "once published, use the repository id instead.\n"
    )
    return f"""```python
from datasets import load_dataset
docs = load_dataset({where}, "documents", split="{SPLIT}")   # one row per article, nested annotations
actors = load_dataset({where}, "actors", split="{SPLIT}").to_pandas()  # one row per actor, with doc_id
```
{note}"""


def _scoring(repo_id: str | None) -> str:
    gold = f"hf://{repo_id}" if repo_id else "FOLDER_OF_THIS_DATASET"
    return f"""```bash
pip install newsbench
newsbench score --pred YOUR_PREDICTIONS --gold {gold}   # JSON Lines, one document per line
newsbench run --gold {gold}   # run and score the built-in extractors
```"""


def _named(files: frozenset[str], name: str, text: str, otherwise: str = "") -> str:
    """``text`` when the repository holds ``name``, else ``otherwise``: the card names no absent file."""
    return text if name in files else otherwise


def _development(dev: dict[str, list[Document]], repo_id: str | None) -> str:
    """The section on the invented development halves, or nothing when none is published."""
    if not dev:
        return ""
    where = f'"{repo_id}"' if repo_id else '"."'
    counts = ", ".join(f"`{half}` {len(half_docs)} articles" for half, half_docs in dev.items())
    return f"""## Development set (invented articles, not test data)

Configs {", ".join(f"`{h}`" for h in dev)} ({counts}) hold **invented** news articles, written for developing
extractors and annotated by the same guidelines (two independent passes, then adjudicated). They are never part of the
headline scores: `dev` may be used freely while developing; `devtest` is meant to be scored once, to check that gains
carry over. The people, most organisations and events in them are fictional; their texts are released with the
annotations. Each config has one split of its own name and the columns of `documents`:

```python
dev = load_dataset({where}, "dev", split="dev")
```

"""


def _card_body(
    docs: list[Document], infos: dict[str, Any], leaderboard: str | None, repo_id: str | None, files: frozenset[str],
    dev: dict[str, list[Document]],
) -> str:
    from eval.hub.fields import counts_table, event_types_table, fields_table, totals_table
    from eval.reporting.stats import stats_table

    configs = markdown_table(
        ["config", "split", "rows", "files"],
        [[f"`{c}`", f"`{config_split(c)}`", str(n), f"`{c}/{config_split(c)}-*.parquet`"] for c, (_, n) in infos.items()],
        left=4,
    )
    board_files = [f"leaderboard/{name}" for name in RESULT_FILES.leaderboard() if f"leaderboard/{name}" in files]
    board = (leaderboard + "\nFiles: " + ", ".join(f"`{f}`" for f in board_files) + ".\n") if leaderboard else (
        "No results were available when this revision was built.\n")
    url = repository_url()
    cff = citation()
    code = f"[{url}]({url})" if url else "not recorded in the package metadata"
    title = f"`{repo_id}`" if repo_id else "this folder"
    return f"""# newsbench: gold annotations for structured extraction from news

Hand-labelled **actors, locations, quotes and events** with character offsets into the article text,
for benchmarking extractors (rule-based, spaCy, LLM). Every span equals `text[start:end]` (code points).
Dataset {title}, version {__version__}, tag `{tag_name()}`. Code (extractors, scorer, this card's generator): {code}.

## Rights and licence (read first)

- **Annotations** (ids, types, offsets, links, arguments), the guidelines, the JSON Schema and the leaderboard:
  **{_licence_name(cff)}**. The card's `license: other` with `license_name: cc-by-4.0-annotations-only` says exactly this,
  because the Hub's `license` field would otherwise seem to cover the article texts too.
- **Article texts** (`text`, and `title`, `source`, `date`): **not licensed here**. They belong to their publishers and
  are included verbatim only so offsets can be checked.{_named(files, "LICENSE.md", " See `LICENSE.md`.")} Rights holders
  can ask for removal in the repository's discussions.

## Provenance of each article

{_provenance(docs)}
## Data

{configs}
The gold has one split, `{SPLIT}`, since it is an evaluation set.

{_loading(repo_id)}
The flat configs split every span field into `<field>_start`, `<field>_end`, `<field>_text` columns
(`content_*`, `cue_*`, `speaker_mention_*` for quotes; `trigger_*`, `time_*` for events). Actors and locations keep
their list of `mentions` (`start`, `end`, `text`, `kind`). Quote `speaker` and event argument `ref` are ids of actors or
locations of the same document. `meta` in `documents` is JSON text.

## Fields and their values

{fields_table(docs)}
### Event types and subtypes

{event_types_table()}
{_development(dev, repo_id)}## Statistics

{totals_table(docs)}
### Counts per value

{counts_table(docs)}
### Counts per article

{stats_table(docs)}
## Annotation guidelines

{_named(files, "GUIDELINES.md", "`GUIDELINES.md` defines every category, span boundary and type.",
        "The guidelines are in the code repository.")}{_named(files, CROSS_DOCUMENT_FILE,
        f" `{CROSS_DOCUMENT_FILE}` links the same actor or location across articles.")}

## JSON Schema

{_named(files, "schema/document.schema.json", "`schema/document.schema.json` (JSON Schema 2020-12, generated from the "
        "pydantic models) describes one document; predictions use the same schema.",
        "The JSON Schema of one document is in the code repository.")}

## How to score a system

{_scoring(repo_id)}

## Leaderboard

{board}
Extractors that could not run where the leaderboard was built are listed as "not run", never scored.

## Limitations

- Only {len(docs)} articles: scores have wide confidence intervals and say little about other topics, genres or
  languages.
- Annotated by the project's annotators following the guidelines: a first pass, an independent second pass and an
  adjudication of every difference; the agreement figures are in the guidelines.
- Some texts carry extraction noise from their web pages (menus, missing spaces), kept verbatim.

## Citation

```bibtex
{bibtex(cff, url)}
```
{_named(files, "CITATION.cff", "See also `CITATION.cff`.")}
"""


def _licence_name(cff: dict[str, Any]) -> str:
    """The SPDX licence id of ``CITATION.cff`` as people write it ("CC-BY-4.0" -> "CC BY 4.0")."""
    return str(cff["license"]).replace("-", " ")


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


def tag_name(version: str = __version__) -> str:
    """The git tag of a published dataset revision.

    >>> tag_name("0.1.0")
    'v0.1.0'
    """
    return f"v{version}"
