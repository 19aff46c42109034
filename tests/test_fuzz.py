"""Fuzzing the text-to-assertion extractor (``hcc_kg.extract.extract``) with hypothesis.

Generated documents mix vocabulary names, connective phrases, trial-table rows, markdown
table rows, numbers, punctuation, unusual unicode, line-ending variants and random text.
Whatever the input, extraction must not crash (a crash is reported as an
``extraction-failed`` problem, so that is checked too), and every assertion's evidence
must lie inside its document and contain a mention (by the matcher's own rule: names
compared with :func:`~hcc_kg.vocab.name_key`) of something the assertion is
about: its subject or object, the agents inside a regimen or arm, a context value, or
its trial's name or printed value.  Spans of table rows cover the whole row, so they
contain the row's names too.

Two sizes: a quick run in the fast suite, and a CI-sized run (``slow``) of tens of
thousands of documents; ``HCC_KG_FUZZ_EXAMPLES`` overrides the latter's count.
"""

from __future__ import annotations

import os
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hcc_kg.extract import extract, extract_document
from hcc_kg.extract.mentions import MentionFinder
from hcc_kg.extract.novel import NAMING_PREDICATES
from hcc_kg.keys import is_regimen_key, regimen_components
from hcc_kg.model import Assertion, Document
from hcc_kg.report import Report
from hcc_kg.vocab import Vocabulary, load_vocabulary, name_key

QUICK_EXAMPLES = 300
CI_EXAMPLES = int(os.environ.get("HCC_KG_FUZZ_EXAMPLES", "20000"))
VOCABULARY = load_vocabulary()  # built once: hypothesis calls the test thousands of times
FINDER = MentionFinder(VOCABULARY)

CONNECTIVES = ["is an inhibitor of", "inhibits", "blocks", "targets", "an antibody against", "and", "or", "plus",
               "+", "in combination with", "was approved by the", "as first-line therapy", "as second-line",
               "for patients with", "after", "vs.", "versus", "compared with", "pathway", "signaling", "the",
               "a", "of", "in", "with", "trial", "study", "median OS was", "ORR", "HR", "95% CI", "months",
               "Table 1", "Table 4", "Figure 2", "monotherapy", "combination therapy", "approved", "FDA"]
PUNCTUATION = [".", ",", ";", ":", "(", ")", "[1]", "[2,3]", "|", "/", "-", "\u2013", "\u2014", "%", "~", "\u2265",
               "<", ">", "=", "\u00b1", "'", '"', "*", "^+^"]
ODD_UNICODE = ["\u00a0", "\u200b", "\ufeff", "\u2028", "\u0301", "\u03b2", "\u00df", "\u0130", "\ufb01", "\U0001f600",
               "\u202e", "\x0c", "\x00", "\ud7ff", "\u00e9"]
SEPARATORS = [" ", " ", " ", "\n", "\r\n", "\n\n", "-\n", " -\n ", "\t", "  ", "\n "]


NUMBERS = ["0", "1", "2", "7", "12", "50", "100", "2031", "0.5", "0.69", "0.55-0.87", "10.7", "1.0", "3%", "20%",
           "56.3%", "~ 17%", "~17%", "(0.81; 0.70-0.93)", "(NA; NA)", "n = 30", "120 vs. 60", "12.5 vs. 9.0 months"]
ENDPOINTS = ["OS", "PFS", "ORR", "TTP", "DCR", "mOS", "6-month PFS rate", "OS (at 6 months)", "Median OS"]
LINES = ["First-line", "Second-line", "first-line", "Adjuvant", "x", "Later-line"]
CAPTIONS = ["Table 1 Completed trials", "YEAR TRIAL LINE AGENT CONTROL OUTCOMES",
            "| Treatment | Control | Patients | Efficacy | Note |", "|---|---|---|---|---|", "Table 4 FDA approvals",
            " Body text resumes.", "Figure 1", "Abstract", "Introduction"]
# "-" and "--" are empty trial cells: they must never become a trial (they once became "trial__").
TRIAL_NAMES = ["SHAM-1", "FAKE2", "NCT01234567", "Invented 3", "X", "CheckFake-040", "A1-B2", "-", "--"]


def _names(vocabulary: Vocabulary) -> list[str]:
    return sorted({name for entity in vocabulary for name in entity.names()})


NAMES = _names(VOCABULARY)
AGENTS = sorted({e.label for e in VOCABULARY if e.has_type("SmallMolecule", "MonoclonalAntibody", "CellTherapy")})
WORDS = NAMES + CONNECTIVES + PUNCTUATION + ODD_UNICODE + NUMBERS + ENDPOINTS


class _Codes:
    """A stream of generated integers read as choices (cheap for hypothesis to draw and shrink)."""

    def __init__(self, codes: list[int]):
        self.codes, self.i = codes, 0

    def __bool__(self) -> bool:
        return self.i < len(self.codes)

    def take(self) -> int:
        self.i += 1
        return self.codes[self.i - 1] if self.i <= len(self.codes) else 0

    def pick(self, options: list[str]) -> str:
        return options[self.take() % len(options)]


def _outcomes(c: _Codes) -> str:
    hazard_ratios = ["", "(0.69; 0.55-0.87)", "(1.2; NA)"]
    return "; ".join(f"{c.pick(ENDPOINTS)}: {c.pick(NUMBERS)} vs. {c.pick(NUMBERS)} {c.pick(hazard_ratios)}"
                     for _ in range(1 + c.take() % 3))


def _trial_row(c: _Codes) -> str:
    control = c.pick(AGENTS + ["Placebo", "None", "placebo"])
    return f"{2000 + c.take() % 40} {c.pick(TRIAL_NAMES)} {c.pick(LINES)} {c.pick(AGENTS)} {control} {_outcomes(c)}"


def _markdown_row(c: _Codes) -> str:
    control = c.pick(AGENTS + ["/", "Sorafenib vs. Placebo"])
    cells = [c.pick(AGENTS), control, c.pick(NUMBERS), _outcomes(c), c.pick(WORDS)]
    return "| " + " | ".join(cells[:2 + c.take() % 4]) + " |"


def _prose(c: _Codes) -> str:
    return " ".join(c.pick(WORDS) for _ in range(c.take() % 12))


def _mechanism(c: _Codes) -> str:
    return f"{c.pick(AGENTS)} {c.pick(CONNECTIVES[:5])} {c.pick(NAMES)} {c.pick(['and', ','])} {c.pick(NAMES)}."


def _approval(c: _Codes) -> str:
    agents = c.pick(AGENTS) + c.pick(["", " plus " + c.pick(AGENTS), " + " + c.pick(AGENTS)])
    return (f"{agents} {c.pick(['was approved', 'is authorized', 'received approval'])} by the FDA as "
            f"{c.pick(LINES).lower()} therapy for {c.pick(NAMES)}{c.pick(['.', ' after ' + c.pick(AGENTS) + '.', ''])}")


def _trial_table(c: _Codes) -> str:
    rows = [_trial_row(c) for _ in range(1 + c.take() % 3)]
    return "\n".join([CAPTIONS[0], CAPTIONS[1], *rows, c.pick(CAPTIONS[5:] + ["Table 2 Ongoing", ""])])


def _markdown_table(c: _Codes) -> str:
    return "\n".join([CAPTIONS[2], CAPTIONS[3], *(_markdown_row(c) for _ in range(1 + c.take() % 3))])


BLOCKS = [_prose, _prose, _mechanism, _approval, _trial_row, _markdown_row, lambda c: c.pick(CAPTIONS), _trial_table,
          _markdown_table]


def render(codes: list[int], free: str) -> str:
    """A document from generated choices, with some generated free text spliced in."""
    c, parts = _Codes(codes), []
    while c:
        parts.append(BLOCKS[c.take() % len(BLOCKS)](c) + c.pick(SEPARATORS))
    at = (codes[0] if codes else 0) % (len(parts) + 1)
    return "".join(parts[:at] + [free] + parts[at:])


document = st.builds(render, st.lists(st.integers(0, 2**16), min_size=12, max_size=200), st.text(max_size=30))


def _key_names(key: str) -> set[str]:
    """Names of the vocabulary entities a node key stands for (composite keys decomposed)."""
    if key in VOCABULARY:
        return set(VOCABULARY[key].names())
    if is_regimen_key(key):
        return {n for part in regimen_components(key) for n in _key_names(part)}
    if key.startswith("arm__"):
        return _key_names(key.split("__", 2)[2])
    return set()


def involved_names(assertion: Assertion) -> set[str]:
    """Everything a span may mention to be evidence for ``assertion``."""
    names = _key_names(assertion.subject)
    for value in (assertion.object, *(v for _, v in assertion.context)):
        names |= _key_names(value) if isinstance(value, str) else {str(value)}
    for attribute in ("trial_name", "nct_id", "value_text"):
        names |= {str(v) for v in assertion.attribute_values(attribute)}
    # a name built from entity labels ("A vs B" for a trial known by its arms) stands for their names too
    names |= {n for text in list(names) for m in FINDER.find_text(text) for n in _key_names(m.key)}
    return {n for n in names if name_key(n)}


def _recognised_names(assertion: Assertion, found: list[Assertion]) -> set[str]:
    """Names of drugs the document itself added to the vocabulary (extract/novel.py) that
    ``assertion`` involves: their keys are not in VOCABULARY."""
    keys = {assertion.subject, str(assertion.object), *(str(v) for _, v in assertion.context)}
    return {str(v) for a in found if a.predicate in NAMING_PREDICATES and any(a.subject in k for k in keys)
            for name, v in a.attributes if name in ("label", "synonym")}


def check_document(text: str) -> None:
    """``extract_document`` is what ``extract`` runs per document, minus the handler that turns a
    crash into a report entry; called directly, a crash fails (and shrinks) here."""
    doc = Document.from_text("fuzz", text)
    found = extract_document(doc, VOCABULARY, FINDER)
    for assertion in found:
        names = {name_key(n) for n in involved_names(assertion) | _recognised_names(assertion, found)}
        for ev in assertion.evidence:
            assert ev.doc_id == doc.doc_id
            assert 0 <= ev.start < ev.end <= len(text), (assertion, ev)
            span = name_key(text[ev.start:ev.end])
            assert any(n in span for n in names), (assertion.subject, assertion.predicate, assertion.object,
                                                   text[ev.start:ev.end])


FUZZ = dict(deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


@settings(max_examples=QUICK_EXAMPLES, **FUZZ)
@given(document)
def test_extractor_survives_generated_documents_quick(text):
    check_document(text)


@pytest.mark.slow
@settings(max_examples=CI_EXAMPLES, **FUZZ)
@given(document)
def test_extractor_survives_generated_documents(text):
    check_document(text)


def test_a_crash_is_reported_by_extract_and_the_other_documents_still_build(monkeypatch):
    """The handler ``check_document`` bypasses: one failing document is reported, not fatal."""
    from hcc_kg.extract import registry

    good = Document.from_text("good", "Sorafenib is an inhibitor of KDR in an invented note.")
    bad = Document.from_text("bad", "boom")
    real = registry.EXTRACTORS.get("sentence-mechanism")

    def flaky(doc):
        if doc.document.doc_id == "bad":
            raise ValueError("invented failure")
        return real(doc)

    monkeypatch.setitem(registry.EXTRACTORS._extractors, "sentence-mechanism", flaky)
    report = Report()
    found = extract([bad, good], VOCABULARY, report)
    assert ("sorafenib", "inhibits", "kdr") in {(a.subject, a.predicate, a.object) for a in found}
    [problem] = [p for p in report.problems if p.code == "extraction-failed"]
    assert problem.doc == "bad" and "invented failure" in problem.message


def test_row_whose_trial_cell_has_no_name_is_not_a_trial():
    text = "Table 1 Completed trials\nYEAR TRIAL LINE AGENT CONTROL OUTCOMES\n2004 - First-line Sorafenib Placebo\n"
    found = extract_document(Document.from_text("fuzz", text), VOCABULARY, FINDER)
    assert "trial__" not in {a.subject for a in found}


def test_involved_names_decompose_arms_and_regimens():
    arm = Assertion("arm__x__regimen__atezolizumab__bevacizumab", "hasMeasurement", "os",
                    (("timepoint", ""),), (("value", Decimal("1.5")), ("value_text", "1.5")))
    names = {name_key(n) for n in involved_names(arm)}
    assert {name_key(n) for n in ("atezolizumab", "bevacizumab", "1.5", "OS")} <= names
