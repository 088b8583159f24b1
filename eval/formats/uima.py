"""INCEpTION (and any UIMA tool): one CAS XMI file per article, with a type system generated from the data model.

Feature structures, written and read with dkpro-cassis (which turns the code point offsets of
newsbench into the UTF-16 offsets of UIMA and back):

* ``newsbench.Article`` (one per CAS): ``docId``, ``title``, ``date``, ``source``, ``url``,
  ``language``, ``textSha256``, ``schemaVersion``, ``meta`` (``MetaEntry`` key/value pairs, the
  value as JSON) and arrays of the ``actors``, ``locations``, ``quotes`` and ``events`` in order;
* ``newsbench.Actor`` / ``newsbench.Location``: the entity (``id``, ``name``, ``entityType``,
  ``subtype``, ``wikidataId``, ``country``, ``geonamesId``, ``confidence``) with an array of its
  ``mentions``, each a ``newsbench.Mention`` annotation with its ``kind``;
* ``newsbench.Quote``: an annotation over the content, with ``id``, ``kind``, ``speaker`` (the Actor
  itself), ``cue`` and ``speakerMention`` (``newsbench.Span`` annotations), ``confidence``;
* ``newsbench.Event``: an annotation over the trigger with ``id``, ``eventType``, ``subtype``,
  ``polarity``, ``modality``, ``time`` (a Span), ``date``, ``confidence`` and ``arguments``
  (``newsbench.Argument``: ``role`` and ``ref``, the Actor or Location itself).

Every field travels; the ``doc_id`` is the Article's ``docId`` (the file name when a CAS has no Article).
"""
from __future__ import annotations

import json
import warnings
from pathlib import Path
from typing import Any

from cassis import Cas, TypeSystem, load_cas_from_xmi, load_typesystem
from cassis.typesystem import AnnotationHasNoSofa, TypeCheckError, TypeNotFoundError

from eval.data.files import atomic_writer, write_text
from eval.data.models import Document
from eval.exceptions import InvalidInputError, Problem
from eval.formats.common import check_imported, collect, drop_none, iter_files, write_gold_folder

TYPESYSTEM_FILE = "TypeSystem.xml"
NS = "newsbench"
STRING, INTEGER, DOUBLE, ARRAY, TOP, ANNOTATION = (
    "uima.cas.String", "uima.cas.Integer", "uima.cas.Double", "uima.cas.FSArray", "uima.cas.TOP", "uima.tcas.Annotation",
)
# python field -> (CAS feature, range); "type" would shadow cassis' own FS.type, hence entityType / eventType
_ENTITY = {"id": "id", "name": "name", "type": "entityType", "subtype": "subtype", "wikidata_id": "wikidataId",
           "country": "country", "geonames_id": "geonamesId", "confidence": "confidence"}
_QUOTE = {"id": "id", "kind": "kind", "confidence": "confidence"}
_EVENT = {"id": "id", "type": "eventType", "subtype": "subtype", "polarity": "polarity", "modality": "modality",
          "date": "date", "confidence": "confidence"}
_ARTICLE = {"doc_id": "docId", "schema_version": "schemaVersion", "title": "title", "date": "date", "source": "source",
            "url": "url", "language": "language", "text_sha256": "textSha256"}
_RANGES = {"geonamesId": INTEGER, "confidence": DOUBLE}
# what lxml (XMLSyntaxError is a SyntaxError) and cassis raise on a broken or foreign file
_BROKEN = (SyntaxError, ValueError, TypeError, KeyError, AttributeError, IndexError, TypeNotFoundError, TypeCheckError,
           AnnotationHasNoSofa)


def type_system() -> TypeSystem:
    """The UIMA type system of newsbench documents."""
    ts = TypeSystem()
    span = ts.create_type(f"{NS}.Span", supertypeName=ANNOTATION, description="A cue, speaker mention or time.")
    mention = ts.create_type(f"{NS}.Mention", supertypeName=ANNOTATION, description="A mention of an actor or location.")
    ts.create_feature(mention, "kind", STRING)
    entities = {}
    for name, fields in (("Actor", [f for f in _ENTITY.values() if f not in ("country", "geonamesId")]),
                         ("Location", list(_ENTITY.values()))):
        entities[name] = ts.create_type(f"{NS}.{name}", supertypeName=TOP)
        for feature in fields:
            ts.create_feature(entities[name], feature, _RANGES.get(feature, STRING))
        ts.create_feature(entities[name], "mentions", ARRAY, elementType=mention)
    argument = ts.create_type(f"{NS}.Argument", supertypeName=TOP)
    ts.create_feature(argument, "role", STRING)
    ts.create_feature(argument, "ref", TOP)
    quote = ts.create_type(f"{NS}.Quote", supertypeName=ANNOTATION, description="Covers the quote's content.")
    for feature in _QUOTE.values():
        ts.create_feature(quote, feature, _RANGES.get(feature, STRING))
    ts.create_feature(quote, "speaker", entities["Actor"])
    ts.create_feature(quote, "cue", span)
    ts.create_feature(quote, "speakerMention", span)
    event = ts.create_type(f"{NS}.Event", supertypeName=ANNOTATION, description="Covers the event's trigger.")
    for feature in _EVENT.values():
        ts.create_feature(event, feature, _RANGES.get(feature, STRING))
    ts.create_feature(event, "time", span)
    ts.create_feature(event, "arguments", ARRAY, elementType=argument)
    meta = ts.create_type(f"{NS}.MetaEntry", supertypeName=TOP, description="One key of Document.meta; value as JSON.")
    ts.create_feature(meta, "key", STRING)
    ts.create_feature(meta, "value", STRING)
    article = ts.create_type(f"{NS}.Article", supertypeName=TOP)
    for feature in _ARTICLE.values():
        ts.create_feature(article, feature, STRING)
    for feature, element in (("actors", entities["Actor"]), ("locations", entities["Location"]),
                             ("quotes", quote), ("events", event), ("meta", meta)):
        ts.create_feature(article, feature, ARRAY, elementType=element)
    return ts


def to_cas(doc: Document, ts: TypeSystem) -> Cas:
    """One document as a CAS of ``ts`` (see :func:`type_system`)."""
    cas = Cas(typesystem=ts)
    cas.sofa_string = doc.text
    T = {name: ts.get_type(f"{NS}.{name}") for name in ("Span", "Mention", "Actor", "Location", "Argument", "Quote",
                                                         "Event", "MetaEntry", "Article")}
    array = ts.get_type(ARRAY)

    def add(fs: Any) -> Any:
        cas.add(fs)
        return fs

    def span(s: Any) -> Any:
        return None if s is None else add(T["Span"](begin=s.start, end=s.end))

    def fields(item: Any, names: dict[str, str]) -> dict[str, Any]:
        return {feature: getattr(item, key) for key, feature in names.items()
                if hasattr(item, key) and getattr(item, key) is not None}

    refs: dict[str, Any] = {}
    groups: dict[str, list[Any]] = {}
    for kind, items in (("Actor", doc.actors), ("Location", doc.locations)):
        groups[kind] = []
        for ent in items:
            mentions = [add(T["Mention"](begin=m.start, end=m.end, kind=m.kind)) for m in ent.mentions]
            refs[ent.id] = add(T[kind](**fields(ent, _ENTITY), mentions=array(elements=mentions)))
            groups[kind].append(refs[ent.id])
    quotes = [add(T["Quote"](begin=q.content.start, end=q.content.end, **fields(q, _QUOTE), speaker=refs.get(q.speaker),
                             cue=span(q.cue), speakerMention=span(q.speaker_mention))) for q in doc.quotes]
    events = []
    for e in doc.events:
        args = [add(T["Argument"](role=a.role, ref=refs[a.ref])) for a in e.arguments]
        events.append(add(T["Event"](begin=e.trigger.start, end=e.trigger.end, **fields(e, _EVENT), time=span(e.time),
                                     arguments=array(elements=args))))
    meta = [add(T["MetaEntry"](key=k, value=json.dumps(v, ensure_ascii=False))) for k, v in (doc.meta or {}).items()]
    add(T["Article"](**fields(doc, _ARTICLE), actors=array(elements=groups["Actor"]),
                     locations=array(elements=groups["Location"]), quotes=array(elements=quotes),
                     events=array(elements=events), meta=array(elements=meta) if doc.meta is not None else None))
    return cas


def export_inception(docs: list[Document], out: Path) -> list[Path]:
    """Write ``out/<doc_id>.xmi`` per document and ``out/TypeSystem.xml``."""
    ts = type_system()
    written = []
    for doc in docs:
        with atomic_writer(out / f"{doc.doc_id}.xmi") as fh:
            fh.write(to_cas(doc, ts).to_xmi(pretty_print=True))
        written.append(out / f"{doc.doc_id}.xmi")
    write_text(out / TYPESYSTEM_FILE, ts.to_xml())
    return [*written, out / TYPESYSTEM_FILE]


def _span(fs: Any) -> dict[str, Any] | None:
    return None if fs is None else {"start": fs.begin, "end": fs.end, "text": fs.get_covered_text()}


def _get(fs: Any, names: dict[str, str]) -> dict[str, Any]:
    return {key: fs.get(feature) for key, feature in names.items() if fs.type.get_feature(feature) is not None}


def _elements(array: Any) -> list[Any]:
    return [] if array is None else list(array.elements)


def from_cas(cas: Cas, stem: str) -> dict[str, Any]:
    """The document data of a CAS (to be checked by :func:`~eval.formats.common.check_imported`)."""
    articles = list(cas.select(f"{NS}.Article"))
    article = articles[0] if articles else None

    def items(feature: str, type_name: str) -> list[Any]:
        return _elements(article.get(feature)) if article is not None else list(cas.select(f"{NS}.{type_name}"))

    ids = {}
    entities: dict[str, list[dict[str, Any]]] = {}
    for key, type_name in (("actors", "Actor"), ("locations", "Location")):
        entities[key] = []
        for fs in items(key, type_name):
            ent = _get(fs, _ENTITY)
            ids[fs.xmiID] = ent.get("id")
            ent["mentions"] = [drop_none({**_span(m), "kind": m.get("kind")}) for m in _elements(fs.get("mentions"))]
            entities[key].append(drop_none(ent))
    quotes = [{**drop_none({**_get(q, _QUOTE), "content": _span(q), "cue": _span(q.get("cue")),
                            "speaker_mention": _span(q.get("speakerMention"))}),
               "speaker": None if q.get("speaker") is None else ids.get(q.get("speaker").xmiID)}
              for q in items("quotes", "Quote")]
    events = [drop_none({**_get(e, _EVENT), "trigger": _span(e), "time": _span(e.get("time")),
                         "arguments": [{"role": a.get("role"), "ref": ids.get(getattr(a.get("ref"), "xmiID", None))}
                                       for a in _elements(e.get("arguments"))]})
              for e in items("events", "Event")]
    info = _get(article, _ARTICLE) if article is not None else {}
    meta = None
    if article is not None and article.get("meta") is not None:
        meta = {m.get("key"): json.loads(m.get("value") or "null") for m in _elements(article.get("meta"))}
    return drop_none({**info, "doc_id": info.get("doc_id") or stem, "text": cas.sofa_string, **entities,
                      "quotes": quotes, "events": events, "meta": meta})


def read_xmi(path: Path, ts: TypeSystem) -> Document:
    """One article from a CAS XMI file, checked as gold."""
    try:
        with path.open("rb") as fh, warnings.catch_warnings():
            # cassis warns of an offset outside the text and keeps it; the checks below report it with its path
            warnings.simplefilter("ignore", UserWarning)
            cas = load_cas_from_xmi(fh, typesystem=ts)
    except OSError as exc:
        raise InvalidInputError(Problem(str(path), "", f"cannot be read: {exc.strerror}")) from None
    except _BROKEN as exc:
        raise InvalidInputError(Problem(str(path), "", f"invalid CAS XMI: {type(exc).__name__}: {exc}")) from None
    return check_imported(from_cas(cas, path.stem), str(path))


def _type_system_for(path: Path, generated: TypeSystem) -> TypeSystem:
    beside = path.parent / TYPESYSTEM_FILE
    if not beside.is_file():
        return generated
    try:
        with beside.open("rb") as fh:
            return load_typesystem(fh)
    except _BROKEN as exc:
        raise InvalidInputError(Problem(str(beside), "", f"invalid UIMA type system: {type(exc).__name__}: {exc}")) from None


def import_inception(paths: list[Path], out: Path) -> list[Path]:
    """Read CAS XMI files (or folders of them; a ``TypeSystem.xml`` beside them is used) and write ``out/<doc_id>.json``."""
    generated = type_system()
    results = [collect(str(p), lambda p=p: read_xmi(p, _type_system_for(p, generated))) for p in iter_files(paths, ".xmi")]
    return write_gold_folder(results, out)

