"""Section 3.2 of the guidelines: the event inventory as a Markdown table, in a generated block."""
from __future__ import annotations


from eval.data.inventory import Inventory, OntologyMapping, SubtypeEntry, TypeEntry, load_inventory
from eval.reporting.markdown import markdown_table


def _cell(mapping: OntologyMapping) -> str:
    return "none" if mapping == "none" else ", ".join(mapping)


def _row(entry: TypeEntry | SubtypeEntry, type_cell: str, subtype_cell: str) -> list[str]:
    definition = entry.definition + (f" Note: {entry.note}" if entry.note else "")
    examples = " / ".join(entry.examples)
    return [type_cell, subtype_cell, definition, examples, _cell(entry.ace), _cell(entry.plover)]


def render_inventory_table(inventory: Inventory | None = None) -> str:
    """The inventory as the Markdown table of guidelines section 3.2: one row per type, then one per subtype.

    >>> print(render_inventory_table().splitlines()[2][:40])
    | `MOVE` | — | A person, group, force or
    """
    inventory = inventory or load_inventory()
    rows: list[list[str]] = []
    for t in inventory.types:
        rows.append(_row(t, f"`{t.type}`", "—"))
        rows += [_row(s, f"`{t.type}`", f"`{s.subtype}`") for s in t.subtypes]
    header = ["type", "subtype", "definition", "examples (invented)", "ACE 2005", "PLOVER"]
    return markdown_table(header, rows, left=len(header))


INVENTORY_BLOCK = "inventory"
