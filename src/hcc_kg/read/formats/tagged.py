"""Tagged bibliographic exports: MEDLINE (PubMed's "PubMed format", ``.nbib``, ``.medline``,
or a ``.txt`` starting with ``PMID-``) and RIS (``.ris``), many records per file.

A record is one document: its title, then its abstract, a structured abstract's labels
(``BACKGROUND:``, ``RESULTS:``) each on a heading line before its paragraph, as the PubMed XML
reader lays it out.  Identifiers: PMID, DOI and PMCID where the record gives them.  A file of
two hundred abstracts read as one text would let one record's trial take another's arms; read
as records, each is a document of its own.

MEDLINE lines are ``TAG - value`` with the tag padded to four characters, and a long value
goes on over lines indented by six spaces; records are parted by blank lines.  RIS lines are
``TY  - JOUR`` … ``ER  -``.

>>> doc = read_medline_text("PMID- 1\\nTI  - A title.\\nAB  - RESULTS: Foonib worked\\n      well.", "x")[0]
>>> doc.text, doc.part, doc.source_ids
('A title.\\nRESULTS\\nFoonib worked well.\\n', 'pmid-1', (('pmid', '1'),))
"""

from __future__ import annotations

import re
from typing import Iterator

from ...report import Report
from .layout import lay_out
from .registry import READERS, ReadText, identifiers
from .text import TEXT_DIALECTS, decode_text

MEDLINE_START = re.compile(r"\A\s*PMID- ")  # how PubMed's own export begins
_MEDLINE_LINE = re.compile(r"([A-Z][A-Z0-9]{0,3}) {0,3}- (.*)")
_RIS_LINE = re.compile(r"([A-Z][A-Z0-9])  - ?(.*)")
#: a structured abstract's section label: capitals (and " & ", "/", "-") then a colon, at the
#: start or after a sentence's end
_LABEL = re.compile(r"(?:(?<=^)|(?<=[.?!]\s))([A-Z][A-Z]+(?:[ /&-]+[A-Z]+){0,4}):\s+")
#: where a field starts inside a line that runs a record's fields together: a tag of the MEDLINE
#: format (NLM's list, those a PubMed export writes) after a space; a line needs this many to count
_FLAT_FIELD = re.compile(r"(?<=\s)(?:PMID|OWN|STAT|DCOM|LR|IS|VI|IP|DP|TI|PG|LID|AB|CI|COIS|FAU|AU|AUID|AD|LA|GR|"
                         r"PT|DEP|PL|TA|JT|JID|RN|SB|MH|OTO|OT|EDAT|MHDA|CRDT|PHST|AID|PST|SO|PMC|PMCR|MID|CIN|"
                         r"CON|EIN|ROF|TT|FIR|IR|GN|OID|OAB|OABL|SI|SFM|PS|FPS|RF|ECI|ECF|EFR|UOF|UIN|ORI|RPI|"
                         r"RPF|SPIN|CRI|CRF|DRIN|CTI|IRAD|FED|ED)\s{0,3}- ")
_FLAT_MIN_FIELDS = 3
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")


def structured(abstract: str) -> list[str]:
    """An abstract as blocks: each label (``RESULTS``) before its paragraph.

    >>> structured("BACKGROUND: Why. METHODS & AIMS: How. Plain.")
    ['BACKGROUND', 'Why.', 'METHODS & AIMS', 'How. Plain.']
    >>> structured("No labels: here.")
    ['No labels: here.']
    """
    cuts = list(_LABEL.finditer(abstract))
    if not cuts or cuts[0].start() != 0:
        return [abstract] if not cuts else [abstract[:cuts[0].start()].strip(), *_sections(abstract, cuts)]
    return _sections(abstract, cuts)


def _sections(abstract: str, cuts: list[re.Match]) -> list[str]:
    blocks = []
    for i, cut in enumerate(cuts):
        end = cuts[i + 1].start() if i + 1 < len(cuts) else len(abstract)
        blocks += [cut.group(1), abstract[cut.end():end].strip()]
    return blocks


def _fields(lines: list[str], line_re: re.Pattern, continued: str) -> dict[str, list[str]]:
    """Tag -> values, in order; a line starting with ``continued`` goes on the previous value."""
    fields: dict[str, list[str]] = {}
    last: list[str] | None = None
    for line in lines:
        match = line_re.match(line)
        if match:
            last = fields.setdefault(match.group(1), [])
            last.append(match.group(2).strip())
        elif last is not None and line.startswith(continued) and line.strip():
            last[-1] = f"{last[-1]} {line.strip()}".strip()
    return fields


def _date(text: str | None) -> str | None:
    """``2031 Apr 5`` or ``2031/04/05/`` as ``2031-04-05`` (as much as given); a range
    (``2030 Dec-2031 Jan``) as its first year, as the PubMed XML reader gives a ``MedlineDate``.

    >>> _date("2031 Apr 5"), _date("2031/04//"), _date("2030 Dec-2031 Jan"), _date("Spring")
    ('2031-04-05', '2031-04', '2030', None)
    """
    parts = re.findall(r"[A-Za-z]+|\d+", text or "")
    if not parts or not re.fullmatch(r"\d{4}", parts[0]):
        return None
    if "-" in (text or ""):
        return parts[0]
    month = parts[1] if len(parts) > 1 else ""
    month_number = int(month) if month.isdigit() else (_MONTHS.index(month[:3].lower()) + 1
                                                         if month[:3].lower() in _MONTHS else None)
    if month_number is None or not 1 <= month_number <= 12:
        return parts[0]
    day = parts[2] if len(parts) > 2 and parts[2].isdigit() and 1 <= int(parts[2]) <= 31 else None
    return f"{parts[0]}-{month_number:02d}" + (f"-{int(day):02d}" if day else "")


def _tagged(values: list[str], tag: str) -> str | None:
    """The first value marked ``[tag]`` (MEDLINE's ``LID - 10.1/x [doi]``)."""
    return next((v[: -len(tag) - 2].strip() for v in values if v.endswith(f"[{tag}]")), None)


def _record(title: str, abstract: str, ids: tuple, published: str | None, number: int, name: str,
            report: Report) -> ReadText | None:
    """Record ``number`` (from 1) of a file as a document; its part is its PMID, else its number."""
    text = lay_out([title, *structured(abstract)]) if abstract else lay_out([title])
    pmid = dict(ids).get("pmid")
    part = f"pmid-{pmid}" if pmid else f"record-{number}"
    if not text:
        report.add("warning", "empty-document", f"{part} has no title or abstract; skipped", doc=name)
        return None
    return ReadText(text, part, ids, published)


def _medline_record(lines: list[str], number: int, name: str, report: Report) -> ReadText | None:
    fields = _fields(lines, _MEDLINE_LINE, "      ")
    first = lambda tag: (fields.get(tag) or [None])[0]  # noqa: E731
    located = fields.get("LID", []) + fields.get("AID", [])
    ids = identifiers(pmid=first("PMID"), doi=_tagged(located, "doi"), pmcid=first("PMC"))
    return _record(first("TI") or "", " ".join(fields.get("AB", [])), ids, _date(first("DP")), number, name, report)


def _unflattened(line: str) -> list[str]:
    """A line holding a whole record, its fields run together (a MEDLINE record pasted from a web
    page that joined its lines), as one line per field; any other line as it is.

    >>> _unflattened("PMID- 7 OWN - NLM TI - A title. AB - Foonib worked.")
    ['PMID- 7', 'OWN - NLM', 'TI - A title.', 'AB - Foonib worked.']
    >>> _unflattened("AB  - Foonib (TI - 4) worked.")
    ['AB  - Foonib (TI - 4) worked.']
    """
    cuts = [m.start() for m in _FLAT_FIELD.finditer(line)]
    if len(cuts) < _FLAT_MIN_FIELDS or not _MEDLINE_LINE.match(line):
        return [line]
    return [line[a:b].strip() for a, b in zip([0, *cuts], [*cuts, len(line)])]


def _blocks(text: str) -> Iterator[list[str]]:
    """Lines of each record (records are parted by blank lines, or start at their PMID line)."""
    record: list[str] = []
    for line in (field for raw in text.splitlines() for field in _unflattened(raw)):
        if record and line.startswith("PMID-"):
            yield record
            record = []
        if line.strip():
            record.append(line)
        elif record:
            yield record
            record = []
    if record:
        yield record


def read_medline_text(text: str, name: str, report: Report | None = None) -> list[ReadText]:
    """Every MEDLINE record of ``text`` with a title or an abstract."""
    report = report if report is not None else Report()
    records = [lines for lines in _blocks(text) if _MEDLINE_LINE.match(lines[0])]
    read = (_medline_record(lines, n, name, report) for n, lines in enumerate(records, 1))
    return [r for r in read if r is not None]


TEXT_DIALECTS.append((MEDLINE_START, read_medline_text))  # PubMed's "Save as PubMed format" writes .txt


@READERS.register(".nbib", ".medline")
def read_medline(raw: bytes, name: str, report: Report) -> list[ReadText]:
    """A MEDLINE export, one document per record."""
    text = decode_text(raw, name, report)
    if text is None:
        return []
    found = read_medline_text(text, name, report)
    if not found and not re.search(r"^PMID- ", text, re.MULTILINE):
        report.add("warning", "empty-document", "no MEDLINE record (PMID- ...) in the file; nothing to extract", doc=name)
    return found


def _ris_records(text: str) -> Iterator[list[str]]:
    record: list[str] | None = None
    for line in text.splitlines():
        match = _RIS_LINE.match(line)
        if match and match.group(1) == "TY":
            record = [line]
        elif match and match.group(1) == "ER":
            if record is not None:
                yield record
            record = None
        elif record is not None:
            record.append(line)
    if record is not None:
        yield record  # a last record without its ER line


@READERS.register(".ris")
def read_ris(raw: bytes, name: str, report: Report) -> list[ReadText]:
    """An RIS export (EndNote, Zotero, PubMed's citation manager format), one document per record."""
    text = decode_text(raw, name, report)
    if text is None:
        return []
    found, records = [], 0
    for number, lines in enumerate(_ris_records(text), 1):
        records = number
        fields = _fields(lines, _RIS_LINE, " ")
        first = lambda *tags: next((fields[t][0] for t in tags if fields.get(t)), None)  # noqa: E731
        ids = identifiers(doi=first("DO"), pmid=first("AN") if (first("AN") or "").isdigit() else None)
        record = _record(first("TI", "T1") or "", " ".join(fields.get("AB") or fields.get("N2") or []), ids,
                         _date(first("DA", "PY", "Y1")), number, name, report)
        if record is not None:
            found.append(record)
    if not records:
        report.add("warning", "empty-document", "no RIS record (TY  - ...) in the file; nothing to extract", doc=name)
    return found
