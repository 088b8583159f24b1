"""The generated labelling configuration: every label of the data model, and controls the tasks use."""
from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path
from typing import get_args

import pytest

from eval.data.models import ActorType, ArgumentRole, Document, EventType, LocationType, Modality, Polarity, QuoteKind
from eval.formats.labelstudio import labelling_config, to_task


def controls(config: str) -> dict[str, list[str]]:
    root = ET.fromstring(config)
    return {el.get("name"): [c.get("value") for c in el] for el in root.iter() if el.tag in ("Labels", "Choices")}


def test_config_lists_the_labels_and_choices_of_the_data_model() -> None:
    found = controls(labelling_config())
    expected = {"actor": get_args(ActorType), "location": get_args(LocationType), "event": get_args(EventType),
                "quote_kind": get_args(QuoteKind), "polarity": get_args(Polarity), "modality": get_args(Modality)}
    assert {k: tuple(found[k]) for k in expected} == expected
    relations = [r.get("value") for r in ET.fromstring(labelling_config()).iter("Relation")]
    assert set(get_args(ArgumentRole)) | {"speaker", "cue", "speaker_mention", "time"} == set(relations)


def test_tasks_use_only_controls_and_labels_of_the_config(invented: Document) -> None:
    found = controls(labelling_config())
    texts = {el.get("name") for el in ET.fromstring(labelling_config()).iter("TextArea")}
    for item in to_task(invented, 1)["annotations"][0]["result"]:
        if item["type"] == "labels":
            assert item["value"]["labels"][0] in found[item["from_name"]]
        elif item["type"] == "choices":
            assert item["value"]["choices"][0] in found[item["from_name"]]
        elif item["type"] == "textarea":
            assert item["from_name"] in texts


def test_label_studio_sdk_accepts_config_and_tasks(invented: Document, tmp_path: Path) -> None:
    sdk = pytest.importorskip(
        "label_studio_sdk.label_interface",
        reason="label-studio-sdk is not installed (pip install newsbench[labelstudio]); its dependencies are heavy",
    )
    interface = sdk.LabelInterface(labelling_config())
    interface.validate()  # the config's schema, unique names, toName targets; raises when invalid
    annotation = to_task(invented, 1)["annotations"][0]
    prediction = to_task(invented, 1, prediction="rules")["predictions"][0]
    assert [interface.validate_prediction(item, return_errors=True) for item in (annotation, prediction)] == [[], []]
