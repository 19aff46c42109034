"""Table rows a page's text wraps over several lines, joined back into one line each.

A table rendered from a web page as pipes often breaks each row after some of its cells:
"A |" on one line, "NAME (NCT...) |" on the next, the rest of the row after.  The separator line
("---|---|---|") says how many columns the table has; from it on, lines are gathered until they
hold that many cells, and the line breaks between them become spaces.  The header lines right
above the separator, when together they hold that many cells, are joined the same way.  Nothing
else changes: each line break becomes one space, so every offset still points into the file.

>>> text = "T\\nA | B | C |\\n---|---|---|\\nx |\\ny | z |\\nnext\\n"
>>> with_rows_unwrapped_text(text).splitlines()
['T', 'A | B | C |', '---|---|---|', 'x | y | z |', 'next']
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..model import Document

SEPARATOR_RE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)+\|?\s*$")
# Cells of a separator line.
_RULE_RE = re.compile(r":?-{3,}:?")
# A line ending in a pipe: a table row, or part of one.
ROW_END_RE = re.compile(r"\|\s*$")
# Rows are gathered only this many lines deep (a row of a wide table wraps at most once per cell).
MAX_LINES_PER_ROW = 16


def with_rows_unwrapped(document: Document) -> Document:
    """``document`` with the wrapped rows of its pipe tables joined (same length, same offsets)."""
    text = with_rows_unwrapped_text(document.text)
    return document if text == document.text else replace(document, text=text)


def with_rows_unwrapped_text(text: str) -> str:
    """``text`` with the line breaks inside wrapped table rows turned into spaces."""
    if "---" not in text or "|" not in text:
        return text  # the cheap test first: most documents have no pipe table
    lines = text.split("\n")
    joins: set[int] = set()  # indexes of lines whose trailing line break becomes a space
    for i, line in enumerate(lines):
        if SEPARATOR_RE.match(line):
            columns = len(_RULE_RE.findall(line))
            joins |= _header_joins(lines, i, columns) | _body_joins(lines, i + 1, columns)
    if not joins:
        return text
    return "".join(line + (" " if i in joins else "\n") for i, line in enumerate(lines[:-1])) + lines[-1]


def _cells(line: str) -> int:
    return line.count("|")


def _header_joins(lines: list[str], separator: int, columns: int) -> set[int]:
    """The header lines right above the separator, joined when together they hold the table's columns."""
    first, count = separator, 0
    while first > 0 and ROW_END_RE.search(lines[first - 1]) and count < columns:
        first -= 1
        count += _cells(lines[first])
    if separator - first < 2 or count != columns:
        return set()
    return set(range(first, separator - 1))


def _body_joins(lines: list[str], start: int, columns: int) -> set[int]:
    """The rows after the separator, each gathered over lines until it holds the table's columns."""
    joins: set[int] = set()
    i = start
    while i < len(lines) and ROW_END_RE.search(lines[i]):
        row, count = [i], _cells(lines[i])
        while count < columns and len(row) < MAX_LINES_PER_ROW and row[-1] + 1 < len(lines) \
                and ROW_END_RE.search(lines[row[-1] + 1]):
            row.append(row[-1] + 1)
            count += _cells(lines[row[-1]])
        if count == columns:
            joins |= set(row[:-1])
        i = row[-1] + 1
    return joins
