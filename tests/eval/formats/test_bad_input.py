"""Hostile inputs to import: each ends in one clear error naming the file and the place, and nothing is written."""
from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest

from eval.data.models import Document
from eval.exceptions import InvalidInputError
from eval.formats import export_documents, import_documents


def fails(fmt: str, inputs: list[Path], out: Path, pattern: str) -> None:
    with pytest.raises(InvalidInputError) as info:
        import_documents(fmt, inputs, out)
    messages = [str(p) for p in info.value.problems]
    assert any(re.search(pattern, m) for m in messages), messages
    assert not out.exists()


# ---- Label Studio: edits of the exported tasks.json ------------------------------------------------

def first(result: list[dict], layer: str) -> int:
    return next(i for i, r in enumerate(result) if r.get("from_name") == layer and r["type"] == "labels")


def offset_outside(result: list[dict]) -> str:
    i = first(result, "actor")
    result[i]["value"]["end"] = 10**6
    return rf"\[0\]\.annotations\[0\]\.result\[{i}\]: offsets \[\d+, 1000000\) lie outside the text"


def unknown_label(result: list[dict]) -> str:
    i = first(result, "actor")
    result[i]["value"]["labels"] = ["PERSON"]
    return rf"result\[{i}\]: unknown actor label 'PERSON'; valid: PER, ORG, GPE, NORP"


def missing_region(result: list[dict]) -> str:
    event = result[first(result, "event")]["id"]
    result.append({"type": "relation", "from_id": event, "to_id": "r999", "labels": ["agent"]})
    return rf"result\[{len(result) - 1}\]: relation 'agent' links to 'r999', which is no region"


def unknown_relation(result: list[dict]) -> str:
    result.append({"type": "relation", "from_id": result[first(result, "event")]["id"],
                   "to_id": result[first(result, "actor")]["id"], "labels": ["victim"]})
    return r"unknown event relation 'victim'; valid: agent, target"


@pytest.mark.parametrize("edit", [offset_outside, unknown_label, missing_region, unknown_relation])
def test_label_studio_bad_tasks(edit: Callable[[list[dict]], str], invented: Document, tmp_path: Path) -> None:
    export_documents("labelstudio", [invented], tmp_path / "ls")
    tasks_file = tmp_path / "ls" / "tasks.json"
    tasks = json.loads(tasks_file.read_text(encoding="utf-8"))
    pattern = edit(tasks[0]["annotations"][0]["result"])
    tasks_file.write_text(json.dumps(tasks), encoding="utf-8")
    fails("labelstudio", [tasks_file], tmp_path / "gold", re.escape(str(tasks_file)) + ": .*" + pattern)


def test_label_studio_broken_json(tmp_path: Path) -> None:
    bad = tmp_path / "tasks.json"
    bad.write_text('[{"data": {"text": "x"}', encoding="utf-8")
    fails("labelstudio", [bad], tmp_path / "gold", rf"{re.escape(str(bad))}: invalid JSON: .* line 1 column \d+")


def test_label_studio_task_without_text(tmp_path: Path) -> None:
    bad = tmp_path / "tasks.json"
    bad.write_text('[{"id": 1, "data": {"doc_id": "d"}}]', encoding="utf-8")
    fails("labelstudio", [bad], tmp_path / "gold", rf"{re.escape(str(bad))}: \[0\]\.data\.text: missing")


def test_a_bad_model_value_names_the_task_and_json_path(invented: Document, tmp_path: Path) -> None:
    export_documents("labelstudio", [invented], tmp_path / "ls")
    tasks_file = tmp_path / "ls" / "tasks.json"
    tasks = json.loads(tasks_file.read_text(encoding="utf-8"))
    tasks[0]["data"]["date"] = "last week"
    tasks_file.write_text(json.dumps(tasks), encoding="utf-8")
    fails("labelstudio", [tasks_file], tmp_path / "gold", r"tasks\.json: \[0\] invented_every_field: date: .*last week")


# ---- brat: edits of the exported .ann ---------------------------------------------------------------

BRAT_EDITS = {
    "offset outside the text": (lambda s: s.replace("Actor_PER 0 12", "Actor_PER 0 9999", 1),
                                r"line 1 \(T1\): offsets \[0, 9999\) lie outside the text"),
    "unknown type": (lambda s: s.replace("Actor_PER 0 12", "Actor_PERSON 0 12", 1),
                     r"line 1 \(T1\): unknown type 'Actor_PERSON'; valid: Actor_PER"),
    "relation to a missing span": (lambda s: s + "R99\tcue Arg1:T10 Arg2:T999\n",
                                   r"line \d+ \(R99\): relation 'cue' links to 'T999', which is no region"),
    "malformed line": (lambda s: s.replace("Actor_PER 0 12", "Actor_PER zero 12", 1),
                       r"line 1: malformed text-bound annotation"),
    "unknown attribute value": (lambda s: s.replace("MentionKind T1 name", "MentionKind T1 famous", 1),
                                r"line \d+ \(A1\): unknown MentionKind value 'famous'; valid: name, nominal, pronoun"),
    "offsets that do not match the text": (lambda s: s.replace("Actor_PER 0 12", "Actor_PER 1 13", 1),
                                           r"line 1 \(T1\): region text 'Maria Kovacs' differs from the article text"),
}


def test_brat_ann_without_its_text(tmp_path: Path) -> None:
    ann = tmp_path / "lonely.ann"
    ann.write_text("T1\tActor_PER 0 4\tMaya\n", encoding="utf-8")
    fails("brat", [ann], tmp_path / "gold", r"lonely\.ann: no article text beside it: lonely\.txt is missing")


# ---- INCEpTION: edits of the exported XMI -----------------------------------------------------------

XMI_EDITS = {
    "broken XMI": (lambda s: s[: len(s) // 2], r": invalid CAS XMI: XMLSyntaxError"),
    "a type the type system lacks": (lambda s: s.replace("newsbench:Quote ", "newsbench:Citation ", 1),
                                     r": invalid CAS XMI: TypeNotFoundError: .*newsbench\.Citation"),
    "unknown label": (lambda s: s.replace('eventType="AGREE"', 'eventType="PARTY"', 1),
                      r": events\[2\]\.type: .*'PARTY'.*'MOVE'"),
    "offset outside the text": (lambda s: re.sub(r'(<newsbench:Mention [^>]*?end=")\d+"', r'\g<1>9999"', s, count=1),
                                r": actors\[0\]\.mentions\[0\]: span \[0, 9999\) ends past the end of the text"),
}


FILE_EDITS = {**{("brat", ".ann", case): (edit, ": " + pattern) for case, (edit, pattern) in BRAT_EDITS.items()},
              **{("inception", ".xmi", case): edit for case, edit in XMI_EDITS.items()}}


@pytest.mark.parametrize("key", list(FILE_EDITS), ids=" ".join)
def test_bad_export_file(key: tuple[str, str, str], invented: Document, tmp_path: Path) -> None:
    """An exported .ann or .xmi file edited into a bad one."""
    fmt, suffix, _case = key
    edit, pattern = FILE_EDITS[key]
    export_documents(fmt, [invented], tmp_path / "exported")
    path = tmp_path / "exported" / f"{invented.doc_id}{suffix}"
    path.write_text(edit(path.read_text(encoding="utf-8")), encoding="utf-8")
    fails(fmt, [path], tmp_path / "gold", re.escape(str(path)) + pattern)


# ---- every format -----------------------------------------------------------------------------------

@pytest.mark.parametrize("fmt", ["labelstudio", "brat", "inception"])
def test_out_may_not_be_an_input(fmt: str, invented: Document, tmp_path: Path) -> None:
    export_documents(fmt, [invented], tmp_path / "exported")
    with pytest.raises(InvalidInputError, match=r"--out is \(or holds\) the input"):
        import_documents(fmt, [tmp_path / "exported"], tmp_path / "exported")


def test_two_articles_with_one_doc_id_write_nothing(invented: Document, tmp_path: Path) -> None:
    for name in ("a", "b"):
        export_documents("labelstudio", [invented], tmp_path / name)
    inputs = [tmp_path / name / "tasks.json" for name in ("a", "b")]
    fails("labelstudio", inputs, tmp_path / "gold", r"b/tasks\.json: \[0\]: doc_id: 'invented_every_field' is also")


def test_export_refuses_two_documents_with_one_doc_id(invented: Document, tmp_path: Path) -> None:
    with pytest.raises(InvalidInputError, match=r"'invented_every_field' names two of the documents to export"):
        export_documents("brat", [invented, invented], tmp_path / "brat")
    assert not (tmp_path / "brat").exists()


REGION = {"type": "labels", "id": "r1", "from_name": "actor", "value": {"start": 0, "end": 2, "text": "Al", "labels": ["PER"]}}
BAD_TASKS = {
    "annotations not a list": ({"data": {"text": "Al"}, "annotations": 3},
                               r"\[0\]\.annotations: expected a list of annotations, got int"),
    "result not a list": ({"data": {"text": "Al"}, "annotations": [{"result": 3}]},
                          r"\[0\]\.annotations\[0\]\.result: expected a list of results, got int"),
    "prediction not an object": ({"data": {"text": "Al"}, "predictions": [3]},
                                 r"\[0\]\.predictions\[0\]: expected an object with a result list"),
    "labels not a list": ({"data": {"text": "Al"}, "annotations": [{"result": [
        {**REGION, "value": {**REGION["value"], "labels": "PER"}}]}]},
                          r"\[0\]\.annotations\[0\]\.result\[0\]\.value\.labels: expected a list of labels, got str"),
    "start after end": ({"data": {"text": "Al"}, "annotations": [{"result": [
        {**REGION, "value": {**REGION["value"], "start": 2, "end": 0}}]}]}, r"\[0\]\.annotations\[0\]\.result\[0\]: start 2 is after end 0"),
    "every annotation cancelled": ({"data": {"text": "Al"}, "annotations": [{"was_cancelled": True, "result": []}],
                                    "predictions": [{"result": [REGION]}]},
                                   r"\[0\]\.annotations: every annotation of this task was cancelled"),
    "doc_id with a folder": ({"data": {"text": "Al", "doc_id": "../escape"}, "annotations": [{"result": [REGION]}]},
                             r"\[0\]: doc_id: doc_id '\.\./escape' cannot name a file"),
}


@pytest.mark.parametrize("case", list(BAD_TASKS))
def test_label_studio_bad_structure(case: str, tmp_path: Path) -> None:
    task, pattern = BAD_TASKS[case]
    tasks_file = tmp_path / "in" / "tasks.json"
    tasks_file.parent.mkdir()
    tasks_file.write_text(json.dumps([task]), encoding="utf-8")
    fails("labelstudio", [tasks_file], tmp_path / "out" / "gold", re.escape(str(tasks_file)) + ": " + pattern)
    assert not (tmp_path / "out" / "escape.json").exists()


def test_a_task_without_annotations_imports_its_prediction(tmp_path: Path) -> None:
    tasks_file = tmp_path / "tasks.json"
    tasks_file.write_text(json.dumps([{"id": 4, "data": {"text": "Al"}, "predictions": [{"result": [REGION]}]}]),
                          encoding="utf-8")
    (path,) = import_documents("labelstudio", [tasks_file], tmp_path / "gold")
    assert path.name == "task_4.json"
    assert json.loads(path.read_text(encoding="utf-8"))["actors"] == [
        {"id": "a_r1", "name": "Al", "type": "PER", "mentions": [{"start": 0, "end": 2, "text": "Al"}]}]
