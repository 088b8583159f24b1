"""brat standoff: ``<doc_id>.txt`` with ``<doc_id>.ann`` per article, and ``annotation.conf`` for the collection.

In the ``.ann`` file (brat's standoff format), from the regions of :mod:`eval.formats.flat`:

* ``T`` text-bound annotations: a mention (type ``Actor_PER``, ``Location_GPE``, ...), a quote
  content (``Quote``), a cue, speaker mention or time (``CUE``, ``SPEAKER_MENTION``, ``TIME``) and
  an event trigger (type: the event type);
* ``E`` events: ``E1<TAB>MEET:T9 agent:T1 place:T4 time:T12``, a repeated role numbered
  (``agent2``) as brat does;
* ``R`` relations from a quote: ``speaker`` (to a mention of the speaker), ``cue``, ``speaker_mention``;
* ``A`` attributes: ``MentionKind``, ``Subtype``, ``Country`` on mentions, ``QuoteKind`` on quotes,
  ``EventSubtype``, ``Polarity``, ``Modality`` on events;
* ``N`` normalizations: ``newsbench:<id>`` carries an item's id, and for an entity its canonical
  name as the normalization's string, on every mention (the mentions of one id make the entity);
  ``Wikidata:Q..``, ``GeoNames:..`` link entities and ``ISO8601:..`` gives an event's date.

brat has no place for document fields or confidences: an imported document has the ``doc_id`` of
its file name and none of title, date, source, url, language, text_sha256, meta, confidence
(schema_version is the current one). ``#`` notes are left to the annotators and ignored.
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import Any, get_args

import pycountry

from eval.data.files import read_text, write_text
from eval.data.models import Document, EventSubtype, MentionKind, Modality, Polarity, QuoteKind
from eval.exceptions import InvalidInputError, Problem
from eval.formats import flat as shape
from eval.formats.common import collect, write_gold_folder

CONF_FILE = "annotation.conf"
QUOTE_TYPE = "Quote"
NEWSBENCH = "newsbench"
LINKS = {"wikidata_id": "Wikidata", "geonames_id": "GeoNames", "date": "ISO8601"}
# attribute name in brat -> (layer, field)
ATTRIBUTES = {
    "MentionKind": ("entity", "kind"), "Subtype": ("entity", "subtype"), "Country": ("entity", "country"),
    "QuoteKind": ("quote", "kind"), "EventSubtype": ("event", "subtype"), "Polarity": ("event", "polarity"),
    "Modality": ("event", "modality"),
}

CLOSED_VALUES = {
    "MentionKind": get_args(MentionKind), "QuoteKind": get_args(QuoteKind), "EventSubtype": get_args(EventSubtype),
    "Polarity": get_args(Polarity), "Modality": get_args(Modality),
}
"""The attributes whose values the data model fixes (Subtype and Country are checked with the document)."""


def _brat_type(r: shape.Region) -> str:
    if r.layer == "quote":
        return QUOTE_TYPE
    return f"{r.layer.capitalize()}_{r.label}" if r.layer in shape.ENTITY_LAYERS else r.label


def _one_line(text: str) -> str:
    """A span's text as a ``.ann`` line holds it: line breaks become spaces, as brat writes them."""
    return text.replace("\r", " ").replace("\n", " ")


def _kind(r: shape.Region) -> str:
    return "entity" if r.layer in shape.ENTITY_LAYERS else r.layer


def to_ann(flat: shape.Flat) -> str:
    """The ``.ann`` text of one article."""
    lines: list[str] = []
    ids: dict[str, str] = {}
    counters = {"T": 0, "E": 0, "R": 0, "A": 0, "N": 0}

    def new(prefix: str) -> str:
        counters[prefix] += 1
        return f"{prefix}{counters[prefix]}"

    for r in flat.regions:
        tid = new("T")
        lines.append(f"{tid}\t{_brat_type(r)} {r.start} {r.end}\t{_one_line(r.text)}")
        ids[r.rid] = new("E") if r.layer == "event" else tid
        if r.layer == "event":
            ids[r.rid + "#trigger"] = tid
    events = {r.rid: [f"{r.label}:{ids[r.rid + '#trigger']}"] for r in flat.regions if r.layer == "event"}
    for rel in flat.relations:
        if rel.source in events:
            args = events[rel.source]
            n = sum(a.split(":")[0].rstrip("0123456789") == rel.label for a in args[1:])
            args.append(f"{rel.label}{n + 1 if n else ''}:{ids[rel.target]}")
        else:
            lines.append(f"{new('R')}\t{rel.label} Arg1:{ids[rel.source]} Arg2:{ids[rel.target]}")
    lines += [f"{ids[rid]}\t{' '.join(args)}" for rid, args in events.items()]
    for r in flat.regions:
        for name, (kind, key) in ATTRIBUTES.items():
            if kind == _kind(r) and r.attrs.get(key) is not None:
                lines.append(f"{new('A')}\t{name} {ids[r.rid]} {r.attrs[key]}")
        if "id" in r.attrs:
            lines.append(f"{new('N')}\tReference {ids[r.rid]} {NEWSBENCH}:{r.attrs['id']}\t{r.attrs.get('name', r.attrs['id'])}")
        for key, db in LINKS.items():
            if r.attrs.get(key) is not None:
                lines.append(f"{new('N')}\tReference {ids[r.rid]} {db}:{r.attrs[key]}\t{r.attrs[key]}")
    return "".join(line + "\n" for line in lines)


def annotation_conf(subtypes: list[str]) -> str:
    """brat's ``annotation.conf`` for newsbench, generated from the data model (entity subtypes: those given)."""
    entities = [f"{layer.capitalize()}_{t}" for layer, types in shape.ENTITY_LAYERS.items() for t in types]
    actors = "|".join(e for e in entities if e.startswith("Actor_"))
    ents = "|".join(entities)
    roles = ", ".join(f"{role}*:{ents}" for role in shape.ROLES)
    values = {
        "MentionKind": ("<ENTITY>", CLOSED_VALUES["MentionKind"]), "Subtype": ("<ENTITY>", subtypes),
        "Country": ("<ENTITY>", sorted(c.alpha_2 for c in pycountry.countries)),
        "QuoteKind": (QUOTE_TYPE, CLOSED_VALUES["QuoteKind"]), "EventSubtype": ("<EVENT>", CLOSED_VALUES["EventSubtype"]),
        "Polarity": ("<EVENT>", CLOSED_VALUES["Polarity"]), "Modality": ("<EVENT>", CLOSED_VALUES["Modality"]),
    }
    return "\n".join([
        "[entities]", *entities, QUOTE_TYPE, *shape.SPAN_LABELS, "",
        "[relations]",
        f"speaker\tArg1:Quote, Arg2:{actors}",
        "cue\tArg1:Quote, Arg2:<ENTITY>",
        "speaker_mention\tArg1:Quote, Arg2:<ENTITY>",
        "<OVERLAP>\tArg1:<ENTITY>, Arg2:<ENTITY>, <OVL-TYPE>:<ANY>", "",
        "[events]", *(f"{t}\t{roles}, time?:TIME" for t in shape.EVENT_TYPES), "",
        "[attributes]",
        *(f"{name}\tArg:{arg}, Value:{'|'.join(vals)}" for name, (arg, vals) in values.items() if vals), "",
    ])


def export_brat(docs: list[Document], out: Path) -> list[Path]:
    """Write ``out/<doc_id>.txt``, ``out/<doc_id>.ann`` and ``out/annotation.conf``."""
    written = []
    for doc in docs:
        write_text(out / f"{doc.doc_id}.txt", doc.text)
        write_text(out / f"{doc.doc_id}.ann", to_ann(shape.to_flat(doc)))
        written += [out / f"{doc.doc_id}.txt", out / f"{doc.doc_id}.ann"]
    subtypes = sorted({e.subtype for d in docs for e in (*d.actors, *d.locations) if e.subtype})
    write_text(out / CONF_FILE, annotation_conf(subtypes))
    return [*written, out / CONF_FILE]


_TYPE_LAYER = {
    **{f"{layer.capitalize()}_{t}": (layer, t) for layer, types in shape.ENTITY_LAYERS.items() for t in types},
    QUOTE_TYPE: ("quote", shape.QUOTE_LABEL), **{s: ("span", s) for s in shape.SPAN_LABELS}, **{t: ("event", t) for t in shape.EVENT_TYPES},
}
_TEXT_BOUND = re.compile(r"^(T\d+)\t(\S+) (\d+) (\d+)\t(.*)$")
_REFERENCE = re.compile(r"^(N\d+)\tReference (\S+) ([^:\s]+):(\S+)\t?(.*)$")


class _Reader:
    """Parses the lines of one ``.ann`` file into regions and relations."""

    def __init__(self, label: str):
        self.label = label
        self.texts: dict[str, shape.Region] = {}
        self.events: list[tuple[str, list[str], str]] = []
        self.relations: list[shape.Relation] = []
        self.attrs: list[tuple[str, str, Any, str]] = []
        self.problems: list[Problem] = []
        self.broken: set[str] = set()

    def fail(self, where: str, reason: str) -> None:
        self.problems.append(Problem(self.label, where, reason))

    def line(self, n: int, line: str) -> None:
        where = f"line {n}"
        head = line.split("\t", 1)[0]
        if not line.strip() or head.startswith("#"):
            return
        if head.startswith("T"):
            self._text_bound(line, where)
        elif head.startswith("E"):
            parts = line.split("\t", 1)[1].split() if "\t" in line else []
            self.events.append((head, parts, where))
        elif head.startswith("R"):
            m = re.match(r"^R\d+\t(\S+) Arg1:(\S+) Arg2:(\S+)\s*$", line)
            if m is None:
                return self.fail(where, f"malformed relation {line!r}; expected 'Rn<TAB>TYPE Arg1:ID Arg2:ID'")
            self.relations.append(shape.Relation(m.group(2), m.group(3), m.group(1), f"{where} ({head})"))
        elif head.startswith(("A", "M")):
            fields = line.split("\t", 1)[1].split() if "\t" in line else []
            if len(fields) != 3 or fields[0] not in ATTRIBUTES:
                return self.fail(where, f"unknown or malformed attribute {line!r}; attributes: {', '.join(ATTRIBUTES)}")
            valid = CLOSED_VALUES.get(fields[0])
            if valid is not None and fields[2] not in valid:
                return self.fail(f"{where} ({head})", f"unknown {fields[0]} value {fields[2]!r}; valid: {', '.join(valid)}")
            self.attrs.append((fields[1], ATTRIBUTES[fields[0]][1], fields[2], f"{where} ({head})"))
        elif head.startswith("N"):
            self._reference(line, where)
        else:
            self.fail(where, f"unsupported annotation {head!r}: newsbench reads T, E, R, A, N and # lines "
                             "(an entity's mentions share one newsbench normalization, not Equiv)")

    def _text_bound(self, line: str, where: str) -> None:
        m = _TEXT_BOUND.match(line)
        if m is None:
            self.broken.add(line.split("\t", 1)[0])
            return self.fail(where, f"malformed text-bound annotation {line!r}; expected 'Tn<TAB>TYPE START END<TAB>TEXT' "
                                    "(discontinuous spans are not supported)")
        tid, kind, start, end, text = m.groups()
        if kind not in _TYPE_LAYER:
            self.broken.add(tid)
            return self.fail(f"{where} ({tid})", f"unknown type {kind!r}; valid: {', '.join(_TYPE_LAYER)}")
        layer, label = _TYPE_LAYER[kind]
        self.texts[tid] = shape.Region(tid, layer, label, int(start), int(end), text, where=f"{where} ({tid})")

    def _reference(self, line: str, where: str) -> None:
        m = _REFERENCE.match(line)
        if m is None:
            return self.fail(where, f"malformed normalization {line!r}; expected 'Nn<TAB>Reference ID DB:KEY<TAB>STRING'")
        _nid, target, db, key, string = m.groups()
        if db == NEWSBENCH:
            self.attrs.append((target, "id", key, where))
            self.attrs.append((target, "name", string or None, where))
            return
        field = {v: k for k, v in LINKS.items()}.get(db)
        if field is None:
            return self.fail(where, f"unknown normalization database {db!r}; valid: {NEWSBENCH}, {', '.join(LINKS.values())}")
        self.attrs.append((target, field, int(key) if field == "geonames_id" and key.isdigit() else key, where))

    def flat(self, doc_id: str, text: str) -> shape.Flat:
        regions = {tid: r for tid, r in self.texts.items() if r.layer != "event"}
        trigger_of: dict[str, str] = {}
        for eid, parts, where in self.events:
            kind, _, trigger = (parts[0] if parts else "").partition(":")
            source = self.texts.get(trigger)
            if source is None or source.layer != "event" or source.label != kind:
                self.fail(f"{where} ({eid})", f"event trigger {parts[0] if parts else ''!r} is no {kind or 'event'} text-bound annotation")
                continue
            regions[eid] = shape.Region(eid, "event", kind, source.start, source.end, source.text, where=f"{where} ({eid})")
            trigger_of[trigger] = eid
            for arg in parts[1:]:
                role, _, target = arg.partition(":")
                self.relations.append(shape.Relation(eid, target, role.rstrip("0123456789"), f"{where} ({eid})"))
        for rel in self.relations:
            rel.target = trigger_of.get(rel.target, rel.target)
        for target, key, value, where in self.attrs:
            target = trigger_of.get(target, target)
            if target in self.broken:
                continue
            if target not in regions:
                self.fail(where, f"annotates {target!r}, which is no annotation of this file")
            elif value is not None:
                regions[target].attrs[key] = value
        return shape.Flat(doc_id, text, list(regions.values()), self.relations)


def read_brat(ann: Path) -> Document:
    """One article from ``<doc_id>.ann`` and the ``<doc_id>.txt`` beside it."""
    txt = ann.with_suffix(".txt")
    if not txt.is_file():
        raise InvalidInputError(Problem(str(ann), "", f"no article text beside it: {txt.name} is missing"))
    text = read_text(txt)
    reader = _Reader(str(ann))
    for n, line in enumerate(read_text(ann).splitlines(), start=1):
        reader.line(n, line)
    flat = reader.flat(ann.stem, text)
    for r in flat.regions:  # the .ann line holds the span text on one line; the article has the real one
        if 0 <= r.start <= r.end <= len(text) and _one_line(text[r.start : r.end]) == r.text:
            r.text = text[r.start : r.end]
    if reader.problems:
        raise InvalidInputError(reader.problems)
    return shape.from_flat(flat, str(ann))


def import_brat(paths: list[Path], out: Path) -> list[Path]:
    """Read brat ``.ann`` files (or folders of them) and write ``out/<doc_id>.json`` for each."""
    from eval.formats.common import iter_files

    return write_gold_folder([collect(str(p), lambda p=p: read_brat(p)) for p in iter_files(paths, ".ann")], out)
