"""An export edited in the format's own structures imports with exactly that change.

The same three edits in each format, on the invented document: the pronoun mention "She" of a1 is
removed, event e3 is relabelled from AGREE to ACCUSE, and e3 gains a target argument (the council, a3).
"""
from __future__ import annotations

import json
from pathlib import Path

from cassis import load_cas_from_xmi, load_typesystem

from eval.data.models import Argument, Document
from eval.data.parsing import read_documents
from eval.formats import export_documents, import_documents
from eval.formats.uima import TYPESYSTEM_FILE
from tests.eval.formats.test_roundtrip import brat_view


def expected(doc: Document) -> Document:
    a1 = doc.actors[0]
    actors = (a1.model_copy(update={"mentions": tuple(m for m in a1.mentions if m.text != "She")}), *doc.actors[1:])
    e3 = doc.events[2]
    e3 = e3.model_copy(update={"type": "ACCUSE", "arguments": (*e3.arguments, Argument(role="target", ref="a3"))})
    return doc.model_copy(update={"actors": actors, "events": (*doc.events[:2], e3)})


def imported(fmt: str, inputs: list[Path], out: Path) -> Document:
    (path,) = import_documents(fmt, inputs, out)
    return next(read_documents(path))


def test_label_studio_edits(invented: Document, tmp_path: Path) -> None:
    export_documents("labelstudio", [invented], tmp_path / "ls")
    tasks_file = tmp_path / "ls" / "tasks.json"
    tasks = json.loads(tasks_file.read_text(encoding="utf-8"))
    result = tasks[0]["annotations"][0]["result"]

    def region(layer: str, text: str) -> str:
        return next(r["id"] for r in result if r.get("from_name") == layer and r["value"].get("text") == text)

    she, agreed, council = region("actor", "She"), region("event", "agreed"), region("actor", "council")
    result[:] = [r for r in result if r.get("id") != she]
    next(r for r in result if r.get("id") == agreed and r["type"] == "labels")["value"]["labels"] = ["ACCUSE"]
    result.append({"type": "relation", "from_id": agreed, "to_id": council, "direction": "right", "labels": ["target"]})
    tasks_file.write_text(json.dumps(tasks), encoding="utf-8")
    assert imported("labelstudio", [tasks_file], tmp_path / "gold") == expected(invented)


def test_brat_edits(invented: Document, tmp_path: Path) -> None:
    export_documents("brat", [invented], tmp_path / "brat")
    ann = tmp_path / "brat" / f"{invented.doc_id}.ann"
    lines = ann.read_text(encoding="utf-8").splitlines()
    she = next(line.split("\t")[0] for line in lines if line.endswith("\tShe"))
    lines = [line for line in lines if she not in line.replace("\t", " ").split(" ")]
    trigger = next(line.split("\t")[0] for line in lines if line.endswith("\tagreed"))
    council = next(line.split("\t")[0] for line in lines if line.endswith("\tcouncil"))
    lines = [line.replace("AGREE", "ACCUSE") + (f" target:{council}" if f"ACCUSE:{trigger}" in line.replace("AGREE", "ACCUSE") else "")
             for line in lines]
    ann.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert imported("brat", [tmp_path / "brat"], tmp_path / "gold") == brat_view(expected(invented))


def test_inception_edits(invented: Document, tmp_path: Path) -> None:
    export_documents("inception", [invented], tmp_path / "cas")
    xmi = tmp_path / "cas" / f"{invented.doc_id}.xmi"
    with (tmp_path / "cas" / TYPESYSTEM_FILE).open("rb") as fh:
        ts = load_typesystem(fh)
    with xmi.open("rb") as fh:
        cas = load_cas_from_xmi(fh, typesystem=ts)
    actors = {a.get("id"): a for a in cas.select("newsbench.Actor")}
    mentions = actors["a1"].get("mentions")
    she = next(m for m in mentions.elements if m.get_covered_text() == "She")
    mentions.elements = [m for m in mentions.elements if m is not she]
    cas.remove(she)
    e3 = next(e for e in cas.select("newsbench.Event") if e.get("id") == "e3")
    e3.set("eventType", "ACCUSE")
    argument = ts.get_type("newsbench.Argument")(role="target", ref=actors["a3"])
    cas.add(argument)
    e3.get("arguments").elements = [*e3.get("arguments").elements, argument]
    xmi.write_text(cas.to_xmi(), encoding="utf-8")
    assert imported("inception", [xmi], tmp_path / "gold") == expected(invented)
