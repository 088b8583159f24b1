"""Every annotation of the exported .ann files is declared in the exported annotation.conf (brat's own rules)."""
from __future__ import annotations

import re
from pathlib import Path

from eval.data.models import Document
from eval.formats import export_documents


def sections(conf: str) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    current = ""
    for line in conf.splitlines():
        if line.startswith("["):
            current = line.strip("[]")
        elif line.strip() and not line.startswith("#"):
            out.setdefault(current, []).append(line)
    return out


def test_ann_uses_only_what_annotation_conf_declares(corpus: list[Document], tmp_path: Path) -> None:
    export_documents("brat", corpus, tmp_path)
    conf = sections((tmp_path / "annotation.conf").read_text(encoding="utf-8"))
    entities = set(conf["entities"])
    events = {line.split("\t")[0]: {a.split(":")[0].rstrip("*?+") for a in line.split("\t")[1].split(", ")}
              for line in conf["events"]}
    relations = {line.split("\t")[0] for line in conf["relations"]}
    attributes = {line.split("\t")[0]: set(line.split("Value:")[1].split("|")) for line in conf["attributes"]}
    undeclared = []
    for ann in sorted(tmp_path.glob("*.ann")):
        for line in ann.read_text(encoding="utf-8").splitlines():
            head, body = line.split("\t")[:2]
            kind = body.split(" ")[0]
            if head[0] == "T" and kind not in entities | set(events):
                undeclared.append(line)
            elif head[0] == "E":
                etype, *args = body.split(" ")
                roles = {re.sub(r"\d+$", "", a.split(":")[0]) for a in args}
                if etype.split(":")[0] not in events or not roles <= events[etype.split(":")[0]]:
                    undeclared.append(line)
            elif head[0] == "R" and kind not in relations or head[0] == "A" and body.split(" ")[2] not in attributes.get(kind, set()) or head[0] == "N" and not re.fullmatch(r"Reference [TE]\d+ (newsbench|Wikidata|GeoNames|ISO8601):\S+", body):
                undeclared.append(line)
    assert undeclared == []
