"""The dataset card a Hub visitor reads, built through the real command line (``publish --dry-run``) in temporary folders."""
from __future__ import annotations

import fnmatch
import os
import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path
from typing import get_args

import pytest
import yaml

from eval.data.inventory import load_inventory
from eval.data.models import ActorType, ArgumentRole, LocationType, MentionKind, Modality, Polarity, QuoteKind
from eval.gold.load import load_gold
from eval.reporting.leaderboard import write_leaderboard
from tests.conftest import DATA, ROOT

REPO_ID = "acme-lab/news-gold"
# A path a card may name: backticked, or a Markdown link target, ending in a file suffix (globs allowed).
PATH = re.compile(r"`([^`\s]+\.(?:md|json|jsonl|cff|parquet|csv|png|yaml|yml|html|txt|py))`|\]\(([^)\s]+)\)")


def newsbench(*args: str | Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, "-m", "eval", *map(str, args)], cwd=cwd, env=env, capture_output=True,
                          text=True, timeout=300, check=False)


def build(tmp: Path, *args: str) -> tuple[str, set[str]]:
    """Run ``publish --dry-run --out repo`` in ``tmp``; the card's text and the files of the folder."""
    proc = newsbench("publish", "--dry-run", "--out", "repo", *args, cwd=tmp)
    assert proc.returncode == 0, proc.stderr
    repo = tmp / "repo"
    return (repo / "README.md").read_text(encoding="utf-8"), {
        p.relative_to(repo).as_posix() for p in repo.rglob("*") if p.is_file()}


@pytest.fixture(scope="module")
def shipped_card(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, set[str]]:
    """The shipped gold with the fixture leaderboard, published to ``REPO_ID``."""
    tmp = tmp_path_factory.mktemp("card")
    shutil.copytree(DATA / "results", tmp / "results", ignore=shutil.ignore_patterns("expected"))
    write_leaderboard(tmp / "results")
    return build(tmp, "--repo-id", REPO_ID, "--results", "results")


@pytest.fixture(scope="module")
def small_gold(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list]:
    """A gold folder of two shipped documents, without a cross-document file, and an empty results folder."""
    tmp = tmp_path_factory.mktemp("small")
    (tmp / "gold").mkdir()
    (tmp / "results").mkdir()
    for path in sorted((ROOT / "gold").glob("0*.json"))[:2]:
        shutil.copyfile(path, tmp / "gold" / path.name)
    return tmp, sorted(load_gold(str(tmp / "gold")).documents, key=lambda d: d.doc_id)


@pytest.fixture(scope="module")
def small_card(small_gold: tuple[Path, list]) -> tuple[str, set[str]]:
    tmp, _ = small_gold
    return build(tmp, "--gold", "gold", "--results", "results")


def named_paths(card: str) -> set[str]:
    found = {a or b for a, b in PATH.findall(card)}
    header = yaml.safe_load(card.split("---")[1])
    found |= {f["path"] for c in header["configs"] for f in c["data_files"]} | {header["license_link"]}
    return {p for p in found if "://" not in p and not p.startswith("#")}


@pytest.mark.parametrize("which", ["shipped_card", "small_card"])
def test_every_path_the_card_names_is_in_the_repository(which: str, request: pytest.FixtureRequest) -> None:
    card, files = request.getfixturevalue(which)
    missing = {p for p in named_paths(card) if not fnmatch.filter(files, p)}
    assert (missing, "gold/" in card) == (set(), False)


def test_card_names_the_files_it_has(shipped_card: tuple[str, set[str]]) -> None:
    card, _ = shipped_card
    assert named_paths(card) >= {"GUIDELINES.md", "cross_document.json", "schema/document.schema.json", "CITATION.cff",
                                 "LICENSE.md", "leaderboard/leaderboard.md", "documents/test-*.parquet"}


def test_card_uses_the_repository_id(shipped_card: tuple[str, set[str]]) -> None:
    card, _ = shipped_card
    assert (card.count(f'load_dataset("{REPO_ID}"'), f"--gold hf://{REPO_ID}" in card, "OWNER" in card) == (3, True, False)


def test_card_without_repo_id_loads_the_folder_and_has_no_placeholder(small_card: tuple[str, set[str]]) -> None:
    card, _ = small_card
    assert ('load_dataset(".", "documents"' in card, "OWNER" in card, "NAME" in card) == (True, False, False)


def _row(card: str, field: str) -> str:
    return next(line for line in card.splitlines() if line.startswith(f"| `{field}` |"))


@pytest.mark.parametrize(
    ("field", "literal"),
    [("actors[].type", ActorType), ("locations[].type", LocationType), ("quotes[].kind", QuoteKind),
     ("events[].arguments[].role", ArgumentRole), ("events[].polarity", Polarity), ("events[].modality", Modality),
     ("actors[].mentions[].kind, locations[].mentions[].kind", MentionKind)],
)
def test_field_table_lists_the_models_values(shipped_card: tuple[str, set[str]], field: str, literal: object) -> None:
    cell = _row(shipped_card[0], field).split(" | ")[1]
    assert re.findall(r"`([^`]+)`", cell) == list(get_args(literal))


def test_event_types_table_is_the_inventory(shipped_card: tuple[str, set[str]]) -> None:
    card, _ = shipped_card
    rows = {t.type: re.findall(r"`([^`]+)`", _row(card, t.type).split(" | ")[1]) for t in load_inventory().types}
    assert rows == {t.type: [s.subtype for s in t.subtypes] for t in load_inventory().types}


def test_free_text_subtypes_list_the_values_of_the_published_gold(small_gold: tuple[Path, list],
                                                                 small_card: tuple[str, set[str]]) -> None:
    _, docs = small_gold
    cell = _row(small_card[0], "locations[].subtype").split(" | ")[1]
    assert re.findall(r"`([^`]+)`", cell) == sorted({loc.subtype for d in docs for loc in d.locations if loc.subtype})


def test_statistics_are_those_of_the_published_gold(small_gold: tuple[Path, list],
                                                   small_card: tuple[str, set[str]]) -> None:
    _, docs = small_gold
    card, _ = small_card
    got = {name: _stat(card, name) for name in ("documents", "characters (code points of `text`)",
                                                 "tokens (whitespace-separated)", "events")}
    assert got == {
        "documents": str(len(docs)),
        "characters (code points of `text`)": f"{sum(len(d.text) for d in docs):,}",
        "tokens (whitespace-separated)": f"{sum(len(d.text.split()) for d in docs):,}",
        "events": str(sum(len(d.events) for d in docs)),
    }
    statement = sum(e.type == "STATEMENT" for d in docs for e in d.events)
    assert f"`STATEMENT` {statement}," in _row(card.split("### Counts per value")[1], "events[].type")


def _stat(card: str, name: str) -> str:
    return next(line for line in card.splitlines() if line.startswith(f"| {name} |")).split(" | ")[1].rstrip(" |")


def test_card_links_the_code_and_cites_citation_cff(shipped_card: tuple[str, set[str]]) -> None:
    card, _ = shipped_card
    url = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["urls"]["Repository"]
    cff = yaml.safe_load((ROOT / "CITATION.cff").read_text(encoding="utf-8"))
    bib = card.split("```bibtex\n", 1)[1].split("```", 1)[0]
    # A placeholder on the reserved .invalid host is never shown as a link; a real address always is.
    linked = "not recorded in the package metadata" in card if ".invalid/" in url else f"]({url})" in card
    assert (linked, "example.invalid" in card, f"title  = {{{cff['title']}}}" in bib, f"Version {cff['version']}" in bib) == (
        True, False, True, True)


def test_configs_table_names_each_published_config(small_card: tuple[str, set[str]]) -> None:
    card, files = small_card
    configs = sorted(f.split("/")[0] for f in files if f.endswith(".parquet"))
    rows = [line.split(" | ")[0].removeprefix("| `").rstrip("`") for line in card.splitlines()
            if re.match(r"\| `\w+` \| `test` \|", line)]
    assert sorted(rows) == configs
