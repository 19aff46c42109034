"""How readers lay out what they read: one block (title, heading, paragraph, table) per line.

This is the layout of the shipped plain-text corpus (a heading on its own line, then its
paragraph), so the extractors read a structured paper exactly as they read its text.

>>> lay_out(["A title", "", "Results", "Foonib worked."])
'A title\\nResults\\nFoonib worked.\\n'
"""

from __future__ import annotations

from typing import Iterable


def lay_out(blocks: Iterable[str]) -> str:
    """Non-empty blocks, one per line (a table block spans several lines), ending in a newline."""
    kept = [b.strip("\n") for b in blocks if b and b.strip()]
    return "\n".join(kept) + "\n" if kept else ""


def pipe_table(rows: list[list[str]], header_rows: int = 1) -> str:
    """Rows as a Markdown pipe table (the form :mod:`hcc_kg.extract.markdown_trials` reads).

    A ``|`` inside a cell becomes ``/`` so it cannot open a cell of its own.

    >>> print(pipe_table([["Arm", "ORR"], ["Foonib", "12%"]]))
    | Arm | ORR |
    |---|---|
    | Foonib | 12% |
    """
    width = max((len(r) for r in rows), default=0)
    lines = []
    for i, row in enumerate(rows):
        cells = [c.replace("|", "/") for c in row] + [""] * (width - len(row))
        lines.append("| " + " | ".join(cells) + " |")
        if i == header_rows - 1:
            lines.append("|" + "---|" * width)
    return "\n".join(lines)
