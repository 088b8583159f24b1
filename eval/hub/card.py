"""The dataset card of the published repository.
"""
from __future__ import annotations

from typing import Any

from eval import __version__
from eval.data.models import Document
from eval.data.rows import CONFIGS, SPLIT
from eval.paths import RESULT_FILES
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
    header = ["doc_id", "title", "publisher / source", "date", "rights"]
    rows = []
    for d in docs:
        source = d.source or "not recorded in the seed file"
        rows.append([f"`{d.doc_id}`", d.title or "untitled in the seed file", source, d.date or "not recorded",
                     f"text © its publisher ({source}); not licensed here"])
    return markdown_table(header, rows, left=len(header))


def _card_body(docs: list[Document], infos: dict[str, Any], leaderboard: str | None) -> str:
    from eval.reporting.stats import stats_table

    counts = ", ".join(f"`{c}` ({n} rows)" for c, (_, n) in infos.items())
    board = leaderboard or "No results were available when this revision was built; run `newsbench run`.\n"
    board_files = ", ".join(f"`leaderboard/{name}`" for name in RESULT_FILES.leaderboard())
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
Files: {board_files}.
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
