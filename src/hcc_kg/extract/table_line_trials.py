"""Trials listed one per line in a table pasted as text, each line naming the trial and its comparison.

A web page's table copied as plain text keeps one row per line but loses its cell borders (invented rows)::

    ZETA-7 [12] (n = 420) Zorbanib vs placebo Phase III 10.1 vs 7.7 ...
    2 Zorbanib ± felotinib ORCA Negative ASCO 2019 ...

A line of a table block holding one comparison of arm agents ("A vs B", "A + B vs C", "A ± B": A with B and A
alone) and one name shaped like a trial's (an acronym, perhaps with a number: "ZETA-7", "CALGB 80802") is that
trial with those arms.  A capitalised word followed by a year ("ASCO 2019") is a meeting, no trial.  The trial's
phase is the line's, else the table's caption's; its line of therapy the one the line, or the last row naming
one above it ("Second-line setting"), names.  Rows the segmenter left outside the table (indented lines, say) are
read when the block after it holds nothing but rows, and cells pasted with no space between them are read apart
("(n = 410)ZorbanibPhase III9.9 vs 7.1HR 0.70").  A row's one hazard ratio between two arms is the first arm's
against the second's, of the endpoint named right before it or of the one time-to-event endpoint the headers name;
its one pair of medians ("10.7 vs 7.9") and its one pair of rates ("24.1% vs 9.2%") are of the one endpoint of that
kind the headers name, and its total with the split in brackets ("395 (263 vs 132)") the two arms' sizes when the
split adds up.  Anything less certain is left alone: without cell borders which column is whose cannot be
told; a row whose cells are still bordered is read cell by cell (:mod:`.table_cell_values`), under a header that may
stand in two rows, groups above the columns they span (:mod:`.header_levels`); a cell's "A/ B (vs. C)" compares the
regimen A plus B with C.  Its trial-shaped names
are read by :mod:`.table_line_names`.

A row may name one arm only: the drug opening it ("   Zorbanib  KIT inhibitor  NCT01234567 (ORCA-4)  III ...", the
row under it opening with a registry number being the same drug's), or the cell of a bordered row under the header
the agents' ("| Drug |").  Such a row's trial may be named by its registry number alone (not a registry's row with a
recruitment status, which :mod:`.ongoing` reads); it takes the first value of its pair of the one time-to-event
endpoint the headers name ("9.4 vs. 8.2 mo", the comparator unnamed), or the row's one median in months.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from typing import Iterable

from ..keys import agent_key
from ..model import Assertion, Mention
from .abbreviations import glossary_items
from .analysis import AnalysedDocument
from .arm_facts import arm_facts, arm_key, measurement
from .effects import parse_hazard_ratios
from .comparators import arm_parts, is_procedure
from .ongoing import STATUSES
from .prose_arms import ARM_TYPES
from .sentences import DRUG
from .prose_values import PROPORTION_ENDPOINTS, TIME_TO_EVENT
from .registry import EXTRACTORS
from .segment import text_lines
from .table_cell_values import (BORDER_RE, bracketed_comparison, cells_of, column_arm, header_endpoints, header_percents,
                                header_sizes, row_cell_facts, row_ratio, row_single_values)
from .table_line_columns import (arm_counts, column_values, compared_sizes, counts_patients, header_order,
                                 labelled_values)
from .table_line_names import REGISTERED_AFTER_RE, line_names, listed_with_targets, row_mentions, unglued
from .header_levels import pick, spanned_columns
from .trial_name_shapes import NCT_RE
from .trial_names import phase_of
from .trials import name_attribute, trial_key

NAME = "table-line-trials"
REGISTRY_OPENING_RE = re.compile(r"\s*NCT\d{8}\b")  # a row opening with its trial's registry number
STATUS_RE = re.compile(r"\b(?:" + "|".join(r"\s+".join(map(re.escape, s.split())) for s in STATUSES) + r")\b", re.IGNORECASE)
# Between two arms; between two agents of one arm (a dose or a bracket may stand between).
# ... "A (vs. B)", "A n=80 (400 mg/day) vs. B n=76" (each arm's count, and dose, after it)
VERSUS_RE = re.compile(r"\s*(?:n\s*=\s*\d[\d,]*\s*)?(?:\([^()]*\)\s*)?(?:\[[^\]]*\]\s*)?\(?\s*(?:vs\.?|versus|v\.)\s*", re.IGNORECASE)
ADD_ON_RE = re.compile(r"\s*(?:±|\+\s?/\s?[-−])\s*")  # "A ± B", "A +/- B"
JOIN_RE = re.compile(r"(?:\s*\([^()]*\))?(?:\s+[\d.,]+\s*(?:mg(?:/kg|/m2)?|µg)(?:\s+[A-Z\d]{1,4})?)?\s*(?:\+|plus\b|and\b|with\b|/)\s*",
                     re.IGNORECASE)  # ("A/ B" in a table's cell: one regimen, as "Atezo/Bev")


@EXTRACTORS.register(NAME)
def table_line_trials(doc: AnalysedDocument) -> Iterable[Assertion]:
    """Trials, with their arms, from table lines naming a trial and a comparison of its arms."""
    blocks = list(doc.blocks)
    for i, table in enumerate(blocks):
        if table.kind != "table":
            continue
        end = table.end
        after = blocks[i + 1] if i + 1 < len(blocks) else None
        if after is not None and after.kind != "table" and _rows_only(doc.document.text, after.start, after.end):
            end = after.end  # the table's rows the segmenter left outside it (indented, say)
        yield from _table_trials(doc, table.start, end)


def _rows_only(text: str, start: int, end: int) -> bool:
    """Is a block made of table rows only: lines that end with no stop and hold no sentence break?"""
    lines = [line.strip() for _, line in text_lines(text[start:end]) if line.strip()]
    return bool(lines) and not any(line.endswith(".") or re.search(r"[a-z]\.\s+[A-Z]", line) for line in lines)


def _table_trials(doc: AnalysedDocument, table_start: int, table_end: int) -> Iterable[Assertion]:
    text = doc.document.text
    caption_phase: str | None = None  # the phase the caption and headers, above the first row, name
    headed: set[str] = set()  # the endpoints the caption and headers name
    ordered: list[str] = []  # ... in the order they name them
    counted = False  # ... and whether they name a column of patients
    seen_row = False
    line_of_therapy: tuple[str, int] | None = None  # the last one a line names, and where
    header: tuple[str, int] | None = None  # the last bordered line above the first row: the columns' names
    upper: tuple[str, int] | None = None  # ... and the one above it: groups the header's columns may fall under
    columns: list[str | None] = []
    drug_row: list[tuple[str, ...]] | None = None
    bordered_trial: str | None = None  # the trial of the bordered row of one arm just read
    percents: list[bool] = []  # the header's cells printing "%", and heading the column of patients
    sizes: list[bool] = []
    backbone: str | None = None  # the procedure the caption gives every trial's arms ("TACE ± sorafenib")
    trial_read = False
    for offset, line in text_lines(text[table_start:table_end]):
        if glossary_items(line):
            continue  # the table's footnote of abbreviations ("Zrb, zorbanib; ..."), no row
        start = table_start + offset
        end = start + len(line.rstrip())
        mentions = row_mentions(doc, text, start, end)
        named_lines = [m for m in mentions if doc.vocabulary[m.key].has_type("LineOfTherapy")]
        if len({m.key for m in named_lines}) == 1:
            line_of_therapy = (named_lines[0].key, named_lines[0].start)
        bordered = len(BORDER_RE.findall(line)) >= 2
        arms, span = _compared(doc, text, [m for m in mentions if doc.vocabulary[m.key].has_type(*ARM_TYPES)])
        if not trial_read:  # (the caption, perhaps read as a row, or the line above the table)
            backbone = backbone or _caption_backbone(doc, start, end)
        if arms and backbone and not any(backbone in parts for parts in arms):
            arms = [tuple(arm_parts(doc, (*parts, backbone))) for parts in arms]  # the caption's "TACE ± A": every arm's
        previous = drug_row  # the one drug of the row above, whose cell may span this row too
        if not arms:
            arms, span, drug_row = _one_arm(doc, line, start, mentions, header if bordered else None, previous)
        else:
            drug_row = None
        if not arms and not seen_row and bordered and re.search(r"[^\s|:\t-]", line) \
                and sum(bool(c) for c, _, _ in cells_of(line, start)) >= 2:
            header, upper = (line, start), header  # ("Monotherapy | | |", a group's label, names no columns)
        if arms and not seen_row:
            caption_phase, seen_row = phase_of(text[table_start:start]), True
            headed = _headed_endpoints(doc, table_start, start)
            ordered = header_order(doc, table_start, start)
            counted = counts_patients(text[table_start:start])
            columns, percents, sizes = _header_columns(doc, header, upper)
        names = [n for n in line_names(doc, text, start, end) if not span[0] <= n[1] < span[1]
                 and not listed_with_targets(doc, text, n, mentions)] if arms else []
        if arms and not names and (drug_row or previous) and (nct := NCT_RE.search(text, start, end)) \
                and not STATUS_RE.search(text, start, end):
            # a drug's row naming its trial by its registry number only (a registry's row, with its status, is read by
            # .ongoing)
            names = [(nct.group(), nct.start())]
        names, registry = _named_by_registry(text, names, start, end)
        phase = caption_phase if registry else phase_of(line) or caption_phase  # (a phase the line names may be the other's)
        if len({trial_key(n[0]) for n in names}) == 1:
            trial, trial_read = trial_key(names[0][0]), True
            yield from _trial(doc, names[0][0], arms, (start, end), phase, line_of_therapy, registry)
            if bordered:  # cells still bordered: each read under its column
                yield from row_cell_facts(doc, trial, arms, line, start, columns)
                if len(arms) == 1:
                    yield from row_single_values(doc, trial, arms[0], line, start, columns, percents, sizes)
                    yield from bracketed_comparison(doc, trial, arms[0], line, start)  # "OS: 10.7 VS 7.9 months (placebo)"
                bordered_trial = trial if len(arms) == 1 else None
                continue
            yield from _row_ratio(doc, trial, arms, line, (start, end), headed & TIME_TO_EVENT, mentions)
            # (a value per endpoint the headers name, in their order; else one endpoint of each kind)
            yield from _borderless_row(doc, trial, arms, line, (start, end), span[1] - start, headed, ordered, counted)
        elif not names and len(arms) == 1 and bordered_trial and bordered and not cells_of(line, start)[0][0]:
            # "\tB\t165\t12.3" under "NAME\tA\t300\t13.6": the row's first cell left empty, another arm of the trial above
            ev = (doc.evidence(start, end, NAME),)
            yield from arm_facts(bordered_trial, agent_key(list(arms[0])), ev, arms[0] if len(arms[0]) > 1 else ())
            yield from row_single_values(doc, bordered_trial, arms[0], line, start, columns, percents, sizes)
        else:
            bordered_trial = None


def _header_columns(doc: AnalysedDocument, header: tuple[str, int] | None, upper: tuple[str, int] | None
                    ) -> tuple[list[str | None], list[bool], list[bool]]:
    """Each column's endpoint, whether its header prints "%", whether it counts patients: from the header, or from
    two header rows whose upper one groups the lower one's columns (:mod:`.header_levels`)."""
    if header is None:
        return [], [], []
    read = (header_endpoints(doc, *header), header_percents(*header), header_sizes(*header))
    if upper is None:
        return read
    lower_cells, upper_cells = [c for c, _, _ in cells_of(*header)], [c for c, _, _ in cells_of(*upper)]
    sources = spanned_columns(upper_cells, lower_cells, header_endpoints(doc, *upper), read[0])
    if sources is None:
        return read
    above = (header_endpoints(doc, *upper), header_percents(*upper), header_sizes(*upper))
    return tuple(pick(sources, up, low) for up, low in zip(above, read))  # type: ignore[return-value]


def _compared(doc: AnalysedDocument, text: str, mentions: list[Mention]) -> tuple[list[tuple[str, ...]], tuple[int, int]]:
    """The arms of the line's one comparison (each a tuple of agents) and its span; no arms when it has none."""
    arms: list[list[Mention]] = []
    compared = False
    for m in mentions:
        gap = text[arms[-1][-1].end:m.start] if arms else ""
        if arms and VERSUS_RE.fullmatch(gap):
            arms.append([m])
            compared = True
        elif arms and ADD_ON_RE.fullmatch(gap):
            arms.append([*arms[-1], m])  # "A ± B": A alone, and A with B
            compared = True
        elif arms and JOIN_RE.fullmatch(gap):
            arms[-1].append(m)
        elif compared:
            break  # the comparison ended
        else:
            arms = [[m]]
    if not compared:
        return [], (0, 0)
    keyed = [tuple(arm_parts(doc, (m.key for m in arm))) for arm in arms]
    return list(dict.fromkeys(keyed)), (arms[0][0].start, arms[-1][-1].end)


# A caption's procedure given with or without a drug: "trials of TACE ± sorafenib", "TACE with or without A".
_WITH_OR_WITHOUT_RE = re.compile(r"\s*(?:±|\+\s?/\s?[-−]|with\s+or\s+without)\s*", re.IGNORECASE)


def _caption_backbone(doc: AnalysedDocument, start: int, end: int) -> str | None:
    """The procedure a caption line (``start:end``; from the table's start, also the line above it) gives with or without
    a drug ("combination therapy with TACE ± sorafenib"): every row's arms get it."""
    text = doc.document.text
    if start > 0 and text.rfind("\n", 0, start) == start - 1:
        start = max(0, text.rfind("\n", 0, start - 1))  # (the caption may stand on the line just above the table)
    mentions = [m for m in doc.mentions_in(start, end) if doc.vocabulary[m.key].has_type(*ARM_TYPES)]
    for procedure, drug in zip(mentions, mentions[1:]):
        if is_procedure(doc, procedure.key) and not is_procedure(doc, drug.key) \
                and _WITH_OR_WITHOUT_RE.fullmatch(text, procedure.end, drug.start):
            return procedure.key
    return None


def _borderless_row(doc: AnalysedDocument, trial: str, arms: list[tuple[str, ...]], line: str, span: tuple[int, int],
                    after: int, headed: set[str], ordered: list[str], counted: bool) -> Iterable[Assertion]:
    """A borderless row's values and sizes: a value or pair per endpoint the headers name, in their order; else values
    labelled with their arm's agents, else one endpoint of each kind; the arms' sizes compared ("402 vs 198") under a
    column of patients, else a total's split."""
    spaced, offsets = unglued(doc, line, span[0])
    at = bisect_left(offsets, span[0] + after)  # (where the agents end, in the line with its spaces put back)
    sized = compared_sizes(doc, trial, arms, spaced, offsets, at, NAME) if counted else []
    yield from column_values(doc, trial, arms, line, span[0], after, ordered, NAME) \
        or labelled_values(doc, trial, arms, spaced, offsets, at, ordered, NAME) \
        or (_row_values(doc, trial, arms, line, span, headed) if not sized else [])
    yield from sized or arm_counts(doc, trial, arms, line, span[0], after, NAME) or _row_sizes(doc, trial, arms, line, span)


def _headed_endpoints(doc: AnalysedDocument, start: int, end: int) -> set[str]:
    """The endpoints the caption and headers name ("Absolute OS (mo)", "ORR")."""
    return {m.key for m in doc.mentions_in(start, end) if m.key in TIME_TO_EVENT | PROPORTION_ENDPOINTS}


# Two arms' values compared in a row: "10.7 vs 7.9", "24.1% vs 9.2%".
# ... the first perhaps not reached or not estimable ("NE vs 13.2": only the second arm's value; glued to the phase's
# numeral before it: "Phase IIINE vs 13.2").
PAIR_RE = re.compile(r"(?<![\d.])(?<!vs\s)(?<!vs\.\s)(?P<a>\d+(?:\.\d+)?|(?:(?<![A-Za-z])|(?<=[IV]))N[ER](?![A-Za-z]))(?P<pa>%?)\s+vs\.?\s+"
                     r"(?P<b>\d+(?:\.\d+)?)(?P<pb>%?)(?![\d.]|\s+vs\b)")


def _row_values(doc: AnalysedDocument, trial: str, arms: list[tuple[str, ...]], line: str, span: tuple[int, int],
                headed: set[str]) -> Iterable[Assertion]:
    """A row's pair of two arms' values ("10.7 vs 7.9", "24.1% vs 9.2%") of the one endpoint of that kind the headers
    name: a time-to-event endpoint's median in months, a rate in per cent; none when a kind has two pairs or two
    endpoints (which column is whose cannot be told), unless each pair follows the response criterion it is read by.  A row of one drug (its comparator unnamed) takes the pair's
    first value, or the one median in months the row gives."""
    if len(arms) == 1:
        yield from _one_arm_value(doc, trial, arms[0], line, span, headed)
    if len(arms) != 2:
        return
    spaced, offsets = unglued(doc, line, span[0])
    split = [m.span() for m in TOTAL_SPLIT_RE.finditer(spaced)]  # ("395 (263 vs 132)": patients, no values)
    pairs = [m for m in PAIR_RE.finditer(spaced) if not re.search(r"(?:HR|CI)[\s:(]*$", spaced[:m.start()])
             and not any(s <= m.start() < e for s, e in split)]
    for kind, unit in ((TIME_TO_EVENT, "months"), (PROPORTION_ENDPOINTS, "%")):
        endpoints = headed & kind
        of_kind = [m for m in pairs if bool(m.group("pa") or m.group("pb")) == (unit == "%")]
        # ("RECIST 1.1, 27% vs 12%; mRECIST, 33.2% vs 13.3%": each pair the same rate by its own criterion)
        by_criteria = len(of_kind) > 1 and all(_CRITERION_BEFORE_RE.search(spaced, 0, m.start()) for m in of_kind)
        if len(endpoints) != 1 or not (len(of_kind) == 1 or by_criteria):
            continue
        for pair in of_kind:
            ev = (doc.evidence(offsets[pair.start()], offsets[pair.end()], NAME),)
            for parts, value in zip(arms, (pair.group("a"), pair.group("b"))):
                if value[0].isdigit():  # (a median not reached is no value)
                    yield measurement(arm_key(trial, agent_key(list(parts))), next(iter(endpoints)), "", value, unit, ev)


# A row's patients, in all and per arm in the comparison's order: "395 (263 vs 132)", "546 (362/184)".
TOTAL_SPLIT_RE = re.compile(r"(?<![\d.])(?P<n>\d{2,5})\s*\(\s*(?P<a>\d{1,5})\s*(?:vs\.?|versus|/|:)\s*(?P<b>\d{1,5})\s*\)")


def _row_sizes(doc: AnalysedDocument, trial: str, arms: list[tuple[str, ...]], line: str,
               span: tuple[int, int]) -> Iterable[Assertion]:
    """The two arms' sizes a row gives after its total, when they add up to it (one such split in the row)."""
    splits = [m for m in TOTAL_SPLIT_RE.finditer(line) if int(m.group("a")) + int(m.group("b")) == int(m.group("n"))]
    if len(arms) != 2 or len(splits) != 1:
        return
    split = splits[0]
    ev = (doc.evidence(span[0] + split.start(), span[0] + split.end(), NAME),)
    for parts, size in zip(arms, (split.group("a"), split.group("b"))):
        yield Assertion(arm_key(trial, agent_key(list(parts))), "armSize", int(size), evidence=ev)


# A response criterion naming the pair after it ("mRECIST, 33.2% vs 13.3%", "RECIST v1.1: 21% vs 9%").
_CRITERION_BEFORE_RE = re.compile(r"\b[im]?RECIST(?:\s*v?(?:ersion\s*)?\d\.\d)?\s*[,:]?\s*$")


MONTHS_RE = re.compile(r"(?<![\d.])(?P<a>\d+(?:\.\d+)?)\s*(?:mo|months?)\b")


def _one_arm_value(doc: AnalysedDocument, trial: str, arm: tuple[str, ...], line: str, span: tuple[int, int],
                   headed: set[str]) -> Iterable[Assertion]:
    """The one arm's median of the one time-to-event endpoint the headers name: the first value of the row's one pair
    ("9.4 vs. 8.2 mo", its comparator's second), else the row's one value in months ("13.2 mo")."""
    endpoints = headed & TIME_TO_EVENT
    pairs = [m for m in PAIR_RE.finditer(line) if not (m.group("pa") or m.group("pb"))]
    single = list(MONTHS_RE.finditer(line))
    found = pairs if pairs else single
    if len(endpoints) != 1 or len(found) != 1 or not found[0].group("a")[0].isdigit():
        return
    m = found[0]
    ev = (doc.evidence(span[0] + m.start(), span[0] + m.end(), NAME),)
    yield measurement(arm_key(trial, agent_key(list(arm))), next(iter(endpoints)), "", m.group("a"), "months", ev)


def _one_arm(doc: AnalysedDocument, line: str, start: int, mentions: list[Mention], header: tuple[str, int] | None,
             previous: list[tuple[str, ...]] | None) -> tuple[list[tuple[str, ...]], tuple[int, int], list[tuple[str, ...]] | None]:
    """The one arm a row names when it compares none (its arms, their span, and the arms a row under it may continue):
    the cell under a bordered ``header``'s agents' column, the drug opening the row, or, for a row opening with a
    registry number, the drug of the row above (``previous``)."""
    text = doc.document.text
    if header is not None and (one := column_arm(doc, line, start, header)) is not None:
        return [one[0]], one[1], [one[0]]  # "| NAME | ... | A |"
    if (opening := _opening_drug(doc, text, start, mentions)) is not None:
        return [opening[0]], opening[1], [opening[0]]  # "   A  T inhibitor  NCT... (NAME)  III ..."
    if previous and REGISTRY_OPENING_RE.match(text, start):
        return previous, (start, start), None  # "NCT... (NAME) III ...": the drug's cell spanning both rows
    return [], (0, 0), None


def _opening_drug(doc: AnalysedDocument, text: str, start: int, mentions: list[Mention]) -> tuple[tuple[str, ...], tuple[int, int]] | None:
    """The one drug opening the line (whitespace only before it), with its span; none when no agent opens it."""
    agents = [m for m in mentions if doc.vocabulary[m.key].has_type(*ARM_TYPES)]
    if not agents or text[start:agents[0].start].strip() or not doc.vocabulary[agents[0].key].has_type(*DRUG):
        return None
    joined = [agents[0]]  # "A + B ...": the drugs glued to the first, one regimen
    for m in agents[1:]:
        if not JOIN_RE.fullmatch(text[joined[-1].end:m.start]):
            break
        joined.append(m)
    return tuple(arm_parts(doc, dict.fromkeys(m.key for m in joined))), (joined[0].start, joined[-1].end)


def _row_ratio(doc: AnalysedDocument, trial: str, arms: list[tuple[str, ...]], line: str, span: tuple[int, int],
               headed: set[str], mentions: list[Mention]) -> Iterable[Assertion]:
    """The row's one hazard ratio, of the endpoint named right before it ("OS HR 0.58") or of the one time-to-event
    endpoint the headers name; the first arm's against the second's (none for a row of more than two arms)."""
    spaced, offsets = unglued(doc, line, span[0])
    ratios = parse_hazard_ratios(spaced)
    if len(ratios) != 1 or len(arms) != 2:
        return
    hr = ratios[0]
    at, until = offsets[hr.start], offsets[hr.end]
    named = [m.key for m in mentions if m.key in TIME_TO_EVENT and 0 <= at - m.end <= 3]
    endpoint = named[0] if named else (next(iter(headed)) if len(headed) == 1 else None)
    if endpoint is None:
        return
    yield row_ratio(doc, trial, arms, endpoint, hr, (at, until))


def _named_by_registry(text: str, names: list[tuple[str, int]], start: int, end: int) -> tuple[list[tuple[str, int]], str | None]:
    """A row naming two trials is the one in brackets right after its registry number ("NCT01234567 (ZETA-7) ... phase
    II results (ZETA-2)"), or the one its registry number follows in brackets ("ZETA-7 (NCT01234567) LABEL: ..."):
    that name alone, with the number; else the names as they were, and no number."""
    if len({trial_key(n[0]) for n in names}) > 1 and (registry := NCT_RE.search(text, start, end)) is not None:
        aliased = next((n for n in names if re.fullmatch(r"\s*\(\s*", text[registry.end():n[1]])
                        or REGISTERED_AFTER_RE.match(text, n[1] + len(n[0]))), None)
        if aliased is not None:
            return [aliased], registry.group()
    return names, None


def _trial(doc: AnalysedDocument, name: str, arms: list[tuple[str, ...]], span: tuple[int, int], phase: str | None,
           line_of_therapy: tuple[str, int] | None, registry: str | None = None) -> Iterable[Assertion]:
    trial = trial_key(name)
    ev = (doc.evidence(*span, NAME),)
    attributes = (name_attribute(name),) + ((("nct_id", registry),) if registry else ()) + ((("phase", phase),) if phase else ())
    yield Assertion(trial, "isClinicalTrial", "ClinicalTrial", (), attributes, ev)
    if line_of_therapy is not None:  # (its evidence runs from where the line, or a heading above it, names it)
        key, at = line_of_therapy
        yield Assertion(trial, "forLineOfTherapy", key, evidence=(doc.evidence(min(at, span[0]), span[1], NAME),))
    for parts in arms:
        yield from arm_facts(trial, agent_key(list(parts)), ev, parts if len(parts) > 1 else ())
    yield Assertion(trial, "testsIntervention", agent_key(list(arms[0])), evidence=ev)
