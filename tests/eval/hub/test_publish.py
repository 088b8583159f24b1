"""Publishing: the dataset folder, its card, the round trip of every config, loading back, the upload."""
from __future__ import annotations

import shutil
import tempfile
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
import yaml
from datasets import load_dataset
from huggingface_hub import DatasetCard

from eval import __version__
from eval.data.rows import CONFIGS, DEV_CONFIGS, ITEM_CONFIGS, SPLIT, documents_from_items
from eval.exceptions import InvalidInputError, PublishError
from eval.gold.load import load_gold
from eval.gold.published import load_published
from eval.hub.publish import build_folder, publish
from tests.conftest import DATA


def _load(published: Path, config: str):
    """One config of the folder, read through a cache of its own (the shared one is keyed by folder name)."""
    with tempfile.TemporaryDirectory() as cache:
        return load_dataset(str(published), config, split=SPLIT, cache_dir=cache, keep_in_memory=True)


@pytest.fixture(scope="module")
def gold_docs() -> list:
    return sorted(load_gold().documents, key=lambda d: d.doc_id)


@pytest.fixture(scope="module")
def published(tmp_path_factory: pytest.TempPathFactory, gold_docs: list) -> Path:
    """A dry-run build with the fixture leaderboard."""
    results = DATA / "results"
    out = tmp_path_factory.mktemp("pub") / "repo"
    results_copy = out.parent / "results"
    shutil.copytree(results, results_copy, ignore=shutil.ignore_patterns("expected"))
    from eval.reporting.leaderboard import write_leaderboard

    write_leaderboard(results_copy)
    return publish(out, None, True, None, results_copy)


def test_folder_holds_data_card_and_companions(published: Path) -> None:
    files = sorted(p.relative_to(published).as_posix() for p in published.rglob("*") if p.is_file())
    assert files == sorted(
        [f"{c}/{SPLIT}-00000-of-00001.parquet" for c in CONFIGS]
        + [f"{half}/{half}-00000-of-00001.parquet" for half in DEV_CONFIGS]
        + ["README.md", "LICENSE.md", "CITATION.cff", "GUIDELINES.md", "cross_document.json",
           "schema/document.schema.json", "leaderboard/leaderboard.md", "leaderboard/leaderboard.csv"]
    )


def test_documents_config_round_trips_exactly(published: Path, gold_docs: list) -> None:
    assert load_published(str(published)) == gold_docs


def test_flat_configs_round_trip_exactly(published: Path, gold_docs: list) -> None:
    docs = _load(published, "documents")
    texts = {
        row["doc_id"]: {k: v for k, v in row.items() if k not in ITEM_CONFIGS and v is not None and k != "meta"}
        | ({"meta": __import__("json").loads(row["meta"])} if row["meta"] else {})
        for row in docs
    }
    items = {c: list(_load(published, c)) for c in ITEM_CONFIGS}
    assert sorted(documents_from_items(texts, items), key=lambda d: d.doc_id) == gold_docs


@pytest.mark.parametrize("config", ITEM_CONFIGS)
def test_flat_configs_load_into_pandas_with_offsets(published: Path, gold_docs: list, config: str) -> None:
    frame = _load(published, config).to_pandas()
    assert (frame.columns[0], len(frame)) == ("doc_id", sum(len(getattr(d, config)) for d in gold_docs))


def test_gold_loader_reads_the_published_folder(published: Path, gold_docs: list) -> None:
    assert list(load_gold(str(published)).documents) == gold_docs


def test_card_metadata_is_valid_and_does_not_license_the_texts(published: Path) -> None:
    text = (published / "README.md").read_text(encoding="utf-8")
    card = DatasetCard(text)  # raises on invalid YAML metadata
    header = yaml.safe_load(text.split("---")[1])
    got = {
        "license": card.data.license,
        "license_name": header["license_name"],
        "configs": [c["config_name"] for c in header["configs"]],
        "infos": sorted(i["config_name"] for i in header["dataset_info"]),
        "rights": "not licensed here" in text and "belong to their publishers" in text,
        "sections": all(f"## {s}" in text for s in ("Statistics", "Leaderboard", "Limitations", "Citation", "JSON Schema")),
        "leaderboard_row": "| rules |" in text,
    }
    assert got == {
        "license": "other",
        "license_name": "cc-by-4.0-annotations-only",
        "configs": [*CONFIGS, *DEV_CONFIGS],
        "infos": sorted([*CONFIGS, *DEV_CONFIGS]),
        "rights": True,
        "sections": True,
        "leaderboard_row": True,
    }


class FakeApi:
    """Records the Hub calls that ``publish`` makes."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, dict[str, Any]]] = []

    def create_repo(self, repo_id: str, **kw: Any) -> None:
        self.calls.append(("create_repo", {"repo_id": repo_id, **kw}))

    def upload_folder(self, **kw: Any) -> SimpleNamespace:
        self.calls.append(("upload_folder", {**kw, "files": sorted(p.name for p in Path(kw["folder_path"]).iterdir())}))
        return SimpleNamespace(oid="abc123")

    def create_tag(self, repo_id: str, **kw: Any) -> None:
        self.calls.append(("create_tag", {"repo_id": repo_id, **kw}))


def test_upload_creates_repo_uploads_folder_and_tags(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HF_TOKEN", "hf_test")
    api = FakeApi()
    publish(tmp_path / "repo", "owner/newsbench", False, None, None, api=api)
    (name1, repo), (name2, up), (name3, tag) = api.calls
    assert (name1, repo, name2, up["repo_id"], up["repo_type"], "README.md" in up["files"], name3, tag) == (
        "create_repo", {"repo_id": "owner/newsbench", "repo_type": "dataset", "exist_ok": True, "token": "hf_test"},
        "upload_folder", "owner/newsbench", "dataset", True,
        "create_tag", {"repo_id": "owner/newsbench", "tag": f"v{__version__}", "revision": "abc123",
                       "repo_type": "dataset", "token": "hf_test", "exist_ok": True},
    )


def test_no_token_is_a_clear_error_before_building(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("HF_TOKEN", raising=False)
    with pytest.raises(PublishError, match="No Hugging Face token found: set HF_TOKEN"):
        publish(tmp_path / "repo", "owner/newsbench", False, None, None, api=FakeApi(), get_token=lambda: None)
    assert not (tmp_path / "repo").exists()


def test_upload_failure_is_a_publish_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    class Down(FakeApi):
        def create_repo(self, repo_id: str, **kw: Any) -> None:
            raise ConnectionError("Hub unreachable")

    monkeypatch.setenv("HF_TOKEN", "hf_test")
    with pytest.raises(PublishError, match="Upload to owner/newsbench failed: Hub unreachable"):
        publish(tmp_path / "repo", "owner/newsbench", False, None, None, api=Down())


@pytest.mark.parametrize(
    ("repo_id", "dry_run", "message"),
    [(None, False, "--repo-id OWNER/NAME is required"), ("noslash", True, "Invalid --repo-id 'noslash'")],
)
def test_bad_arguments(tmp_path: Path, repo_id: str | None, dry_run: bool, message: str) -> None:
    with pytest.raises(PublishError, match=message):
        publish(tmp_path / "repo", repo_id, dry_run, None, None)


def test_non_empty_out_is_refused_and_left_alone(tmp_path: Path, gold_docs: list) -> None:
    (tmp_path / "keep.txt").write_text("mine", encoding="utf-8")
    with pytest.raises(PublishError, match="is not empty"):
        build_folder(tmp_path, gold_docs, None)
    assert [p.name for p in tmp_path.iterdir()] == ["keep.txt"]


def test_folder_without_card_is_not_a_published_dataset(tmp_path: Path) -> None:
    with pytest.raises(InvalidInputError, match="not a published newsbench dataset"):
        load_published(str(tmp_path))


@pytest.mark.parametrize("half", ["dev", "devtest"])
def test_the_development_halves_are_configs_of_their_own(published: Path, half: str) -> None:
    """Published beside the gold, one split named after the half, marked invented on the card."""
    from eval.paths import split_gold_dir

    rows = _load_split(published, half)
    card = (published / "README.md").read_text(encoding="utf-8")
    expected = sorted(d.doc_id for d in load_gold(split_gold_dir(half)).documents)
    assert (sorted(rows["doc_id"]), "invented" in card, f"config_name: {half}" in card) == (expected, True, True)


def test_a_gold_of_ones_own_is_published_without_the_development_halves(tmp_path: Path, gold_docs: list) -> None:
    gold = tmp_path / "gold"
    gold.mkdir()
    (gold / f"{gold_docs[0].doc_id}.json").write_text(gold_docs[0].model_dump_json(exclude_none=True), encoding="utf-8")
    folder = publish(tmp_path / "repo", None, True, str(gold), None)
    assert sorted(p.name for p in folder.iterdir() if p.is_dir() and p.name in ("dev", "devtest")) == []


def _load_split(published: Path, half: str):
    with tempfile.TemporaryDirectory() as cache:
        return load_dataset(str(published), half, split=half, cache_dir=cache, keep_in_memory=True)
