"""``extractors.shared.events``: the roles of places and the argument list."""
from __future__ import annotations

import pytest

from extractors.shared.events import Arguments, place_role


@pytest.mark.parametrize("etype, prep, role", [
    ("MOVE", "to", "destination"), ("DEPLOY", "into", "destination"), ("MOVE", "from", "origin"),
    ("DEPLOY", "from", None), ("ATTACK", "near", "place"), ("ATTACK", "to", None),
])
def test_place_roles(etype: str, prep: str, role: str | None) -> None:
    assert place_role(etype, prep, frozenset({"near"})) == role


def test_arguments_keep_each_role_and_ref_once_in_order() -> None:
    args = Arguments()
    for role, ref in [("agent", "a1"), ("target", "a1"), ("agent", "a1"), ("place", "l1")]:
        args.add(role, ref)
    assert args.items == [
        {"role": "agent", "ref": "a1"}, {"role": "target", "ref": "a1"}, {"role": "place", "ref": "l1"}
    ]
