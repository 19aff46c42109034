"""One result, one reading: disagreeing hazard ratios and per-arm values are never cross-combined.

Two invented reports give one invented trial different hazard ratios (with their intervals and
p-values) and different median survival; a third restates the first report's numbers in other
words.  Every estimate the graph returns must be an (HR, CI, p) reading that one document
states, cited only by the documents that state it; readings that agree merge into one.
Expected readings are derived from the documents by a plain regular expression, not typed.
"""

from __future__ import annotations

import re
from decimal import Decimal

import pytest

from hcc_kg.assemble.merge import assemble, split_readings, withhold
from hcc_kg.model import Assertion, Evidence
from hcc_kg.pipeline import Settings, build
from hcc_kg.query.backends import BackendSettings, Runner, open_backend
from hcc_kg.query.library import QueryLibrary, parse_query

from conftest import REPO

LIBRARY = QueryLibrary.load(REPO / "ontology" / "queries")
DASH = "\u2013"
REPORTS = {
    "first_report.txt": (
        "Regorafenib versus placebo in advanced liver cancer (KESTREL-4): a randomised phase 3 study\n"
        "Methods: In KESTREL-4, adults were randomly assigned (2:1) to regorafenib or placebo. "
        "The primary endpoint was overall survival.\n"
        "Findings: Median overall survival was 11.2 months in the regorafenib group vs 8.1 months in the "
        f"placebo group (hazard ratio [HR] = 0.71, 95% CI = 0.58{DASH}0.86, P = .001).\n"),
    "final_report.txt": (
        "Final analysis of KESTREL-4: regorafenib versus placebo in advanced liver cancer\n"
        "Methods: In KESTREL-4, adults were randomly assigned to regorafenib or placebo; the primary "
        "endpoint was overall survival.\n"
        "Findings: At the final cut-off, median overall survival was 10.9 months in the regorafenib group "
        f"vs 8.3 months in the placebo group (hazard ratio [HR] = 0.77, 95% CI = 0.63{DASH}0.94, P = .01).\n"),
    "news_item.txt": (
        "KESTREL-4 news: regorafenib versus placebo, a randomised phase 3 trial in liver cancer\n"
        "Methods: In KESTREL-4, patients were randomized to regorafenib or placebo, with overall survival "
        "as the primary endpoint.\n"
        "Findings: The trial reported a median overall survival of 11.2 months in the regorafenib group vs "
        f"8.1 months in the placebo group (hazard ratio [HR] = 0.71, 95% CI = 0.58{DASH}0.86, P = .001).\n"),
}
# An independent reading of the one shape these reports use, for the expected answers.
HR_SHAPE = re.compile(r"hazard ratio \[HR\] = (?P<hr>[\d.]+), 95% CI = (?P<lo>[\d.]+)\u2013(?P<hi>[\d.]+), "
                      r"P = (?P<p>[\d.]+)")
ARM_SHAPE = re.compile(r"(?P<months>\d+\.\d) months in the (?P<agent>\w+) group")

ESTIMATE_EVIDENCE = parse_query("estimate_evidence", """# title: Evidence of each value of each estimate
# question: Which document cites each value of each hazard ratio?
PREFIX hcc: <https://w3id.org/hcc-kg/ontology#>
PREFIX owl: <http://www.w3.org/2002/07/owl#>
SELECT ?estimate ?property ?value ?document ?start ?end WHERE {
  ?trial hcc:hasEffectEstimate ?estimate .
  VALUES ?property { hcc:value hcc:ciLower hcc:ciUpper hcc:pValue }
  ?estimate ?property ?value .
  ?axiom owl:annotatedSource ?estimate ; owl:annotatedProperty ?property ; owl:annotatedTarget ?value ;
         hcc:hasEvidence ?evidence .
  ?evidence hcc:fromDocument/hcc:documentId ?document ; hcc:startOffset ?start ; hcc:endOffset ?end .
}""")
MEASUREMENT_EVIDENCE = parse_query("measurement_evidence", """# title: Evidence of each arm's values
# question: Which document cites each value of each arm's measurements?
PREFIX hcc: <https://w3id.org/hcc-kg/ontology#>
PREFIX owl: <http://www.w3.org/2002/07/owl#>
SELECT ?agent ?measurement ?value ?document ?start ?end WHERE {
  ?arm hcc:hasMeasurement ?measurement ; hcc:armIntervention ?agent .
  ?measurement hcc:value ?value .
  ?axiom owl:annotatedSource ?measurement ; owl:annotatedProperty hcc:value ; owl:annotatedTarget ?value ;
         hcc:hasEvidence ?evidence .
  ?evidence hcc:fromDocument/hcc:documentId ?document ; hcc:startOffset ?start ; hcc:endOffset ?end .
}""")


# --- the merge rule, on assertions -----------------------------------------------------------

def estimate(hr: str, ci: tuple[str, str], doc: str) -> Assertion:
    attributes = (("hazard_ratio", Decimal(hr)), ("hazard_ratio_text", hr),
                  ("ci_lower", Decimal(ci[0])), ("ci_upper", Decimal(ci[1])))
    context = (("experimental", "arm__t__x"), ("comparator", "arm__t__y"), ("timepoint", ""))
    return Assertion("trial__t", "hasEffectEstimate", "os", context, attributes, (Evidence(doc, 0, 9, "t"),))


def test_disagreeing_estimates_stay_apart_each_with_its_own_evidence():
    merged, conflicts = assemble([estimate("0.70", ("0.5", "0.9"), "d1"), estimate("0.80", ("0.6", "1.1"), "d2")])
    readings = {(a.attribute_values("hazard_ratio")[0], a.attribute_values("ci_lower")[0],
                 tuple(e.doc_id for e in a.evidence)) for a in merged}
    assert readings == {(Decimal("0.70"), Decimal("0.5"), ("d1",)), (Decimal("0.80"), Decimal("0.6"), ("d2",))}
    assert len({a.key() for a in merged}) == 2
    assert {c.attribute for c in conflicts} == {"hazard_ratio", "ci_lower", "ci_upper"}


def test_agreeing_estimates_merge_even_when_printed_differently():
    merged, conflicts = assemble([estimate("0.70", ("0.5", "0.9"), "d1"), estimate("0.7", ("0.50", "0.90"), "d2")])
    assert [sorted(e.doc_id for e in a.evidence) for a in merged] == [["d1", "d2"]] and conflicts == []
    alone, _ = assemble([estimate("0.70", ("0.5", "0.9"), "d1")])
    assert merged[0].key() == alone[0].key()  # an agreeing source does not rename the estimate


def test_a_denied_reading_of_a_split_estimate_is_still_a_polarity_conflict():
    facts, _ = assemble([estimate("0.70", ("0.5", "0.9"), "d1"), estimate("0.80", ("0.6", "1.1"), "d2")])
    denied = estimate("0.70", ("0.5", "0.9"), "d3")
    denied = Assertion(denied.subject, denied.predicate, denied.object, denied.context, denied.attributes,
                       (Evidence("d3", 0, 9, "t", polarity="negative"),))
    _, others = split_readings([denied])
    withheld, conflicts = withhold(facts, others)
    assert withheld == [] and [c.kind for c in conflicts] == ["polarity"]


def test_disagreeing_arm_values_stay_apart():
    def measured(value: str, doc: str) -> Assertion:
        return Assertion("arm__t__x", "hasMeasurement", "os", (("timepoint", ""),),
                         (("value", Decimal(value)), ("unit", "months")), (Evidence(doc, 0, 9, "t"),))

    merged, conflicts = assemble([measured("11.2", "d1"), measured("10.9", "d2"), measured("11.20", "d3")])
    assert {(a.attribute_values("value")[0], tuple(e.doc_id for e in a.evidence)) for a in merged} == \
        {(Decimal("11.2"), ("d1", "d3")), (Decimal("10.9"), ("d2",))}
    assert [c.attribute for c in conflicts] == ["value"]


# --- end to end: the graph and the query library ---------------------------------------------

@pytest.fixture(scope="module")
def reports(tmp_path_factory):
    corpus = tmp_path_factory.mktemp("kestrel")
    for name, text in REPORTS.items():
        (corpus / name).write_text(text, encoding="utf-8")
    result = build(Settings(corpus=corpus, out=tmp_path_factory.mktemp("kestrel-out")))
    turtle = next(p for p in result.outputs if p.name == "hcc_kg.ttl")
    return result, Runner(open_backend("oxigraph", BackendSettings(graph=turtle)))


def stated_readings(result) -> dict[tuple[Decimal, ...], set[str]]:
    """Each (HR, CI low, CI high, p) the documents print, with the documents printing it."""
    found: dict[tuple[Decimal, ...], set[str]] = {}
    for doc in result.documents:
        for m in HR_SHAPE.finditer(doc.text):
            found.setdefault(tuple(Decimal(m[g]) for g in ("hr", "lo", "hi", "p")), set()).add(doc.doc_id)
    return found


@pytest.mark.slow
def test_every_hazard_ratio_row_is_a_pair_one_document_states(reports):
    result, runner = reports
    expected = stated_readings(result)
    assert len(expected) == 2  # the reports disagree, and the news item repeats the first
    rows = runner.run(LIBRARY.get("hazard_ratios_below"), {"threshold": "1"}).rows
    assert sorted((r["hazard_ratio"], r["ci_lower"], r["ci_upper"]) for r in rows) == \
        sorted(reading[:3] for reading in expected)


@pytest.mark.slow
def test_each_value_of_an_estimate_cites_exactly_the_documents_that_state_it(reports):
    result, runner = reports
    texts = {d.doc_id: d.text for d in result.documents}
    estimates: dict[str, dict] = {}
    for r in runner.run(ESTIMATE_EVIDENCE).rows:
        values = estimates.setdefault(r["estimate"], {"values": {}, "documents": {}})
        prop = r["property"].rsplit("#", 1)[-1]
        values["values"].setdefault(prop, set()).add(r["value"])
        values["documents"].setdefault(prop, set()).add(r["document"])
        assert str(r["value"]).lstrip("0") in texts[r["document"]][r["start"]:r["end"]], r
    stated = stated_readings(result)
    assert len(estimates) == len(stated)
    for found in estimates.values():
        assert all(len(v) == 1 for v in found["values"].values()), found  # one value per property
        reading = tuple(next(iter(found["values"][p])) for p in ("value", "ciLower", "ciUpper", "pValue"))
        assert reading in stated, found
        assert all(docs == stated[reading] for docs in found["documents"].values()), found


@pytest.mark.slow
def test_each_arm_value_cites_exactly_the_documents_that_state_it(reports):
    result, runner = reports
    stated: dict[tuple[str, Decimal], set[str]] = {}
    for doc in result.documents:
        for m in ARM_SHAPE.finditer(doc.text):
            stated.setdefault((m["agent"].lower(), Decimal(m["months"])), set()).add(doc.doc_id)
    cited: dict[tuple[str, Decimal], set[str]] = {}
    measurements: dict[tuple[str, Decimal], set[str]] = {}
    for r in runner.run(MEASUREMENT_EVIDENCE).rows:
        key = (r["agent"].rsplit("/", 1)[-1], r["value"])
        cited.setdefault(key, set()).add(r["document"])
        measurements.setdefault(key, set()).add(r["measurement"])
    assert cited == stated
    assert all(len(nodes) == 1 for nodes in measurements.values())  # agreeing readings are one measurement


@pytest.mark.slow
def test_the_disagreement_is_reported_and_queryable(reports):
    result, runner = reports
    stated = stated_readings(result)
    conflict = next(c for c in result.conflicts
                    if c.predicate == "hasEffectEstimate" and c.attribute == "hazard_ratio")
    assert {(v, frozenset(e.doc_id for e in ev)) for v, ev in conflict.values} == \
        {(reading[0], frozenset(docs)) for reading, docs in stated.items()}
    rows = runner.run(LIBRARY.get("conflicting_measurements")).rows
    by_agent = {}
    for doc in result.documents:
        for m in ARM_SHAPE.finditer(doc.text):
            by_agent.setdefault(m["agent"].lower(), set()).add(Decimal(m["months"]))
    assert {(r["arm"].rsplit("__", 1)[-1], frozenset((r["value_a"], r["value_b"]))) for r in rows} == \
        {(agent, frozenset(values)) for agent, values in by_agent.items()}
