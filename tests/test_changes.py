"""hcc_kg.query.changes and `hcc-kg diff`: the facts two builds disagree on, by stable key."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, strategies as st

from hcc_kg.cli import main
from hcc_kg.errors import GraphError
from hcc_kg.model import Assertion, Evidence
from hcc_kg.query.changes import Fact, compare_builds, compare_facts, read_facts


def _measure(value: str, doc: str = "d1", start: int = 10) -> Assertion:
    return Assertion("arm__t__a", "hasMeasurement", "os", (("timepoint", ""),),
                     (("value", Decimal(value)), ("unit", "months")), (Evidence(doc, start, start + 20, "prose"),))


def _inhibits(target: str, doc: str = "d1", polarity: str = "positive") -> Assertion:
    return Assertion("drugx", "inhibits", target, (), (), (Evidence(doc, 40, 70, "mechanism", polarity),))


def _build(folder: Path, facts: list[Assertion], withheld: list[Assertion] = (), names: dict | None = None) -> Path:
    """A folder laid out as `hcc-kg build --out` writes these two files and the report's documents."""
    folder.mkdir(parents=True)
    (folder / "assertions.jsonl").write_text("".join(json.dumps(a.to_json()) + "\n" for a in facts))
    (folder / "withheld.jsonl").write_text("".join(json.dumps(a.to_json()) + "\n" for a in withheld))
    documents = [{"id": i, "name": n} for i, n in (names or {"d1": "paper.txt"}).items()]
    (folder / "build_report.json").write_text(json.dumps({"documents": documents}))
    return folder


def test_a_changed_value_is_one_changed_fact_and_nothing_else(tmp_path):
    old = _build(tmp_path / "a", [_measure("4.2"), _inhibits("kdr")])
    new = _build(tmp_path / "b", [_measure("4.4"), _inhibits("kdr")])
    changes = compare_builds(old, new).changes
    assert [(c.kind, c.fact.label()) for c in changes] == [("changed", "arm__t__a hasMeasurement os")]
    assert changes[0].attribute_changes() == [("value", "4.2", "4.4")]


def test_added_removed_and_newly_withheld_facts(tmp_path):
    old = _build(tmp_path / "a", [_inhibits("kdr"), _inhibits("flt1")])
    new = _build(tmp_path / "b", [_inhibits("kdr"), _inhibits("fgfr1")], withheld=[_inhibits("flt1", polarity="negative")])
    kinds = {(c.kind, c.fact.object) for c in compare_builds(old, new).changes}
    assert kinds == {("added", "fgfr1"), ("withheld", "flt1")}


def test_an_edited_document_keeps_its_facts_though_its_id_changes(tmp_path):
    # a document's id is a hash of its text: the same file edited elsewhere gets a new id
    old = _build(tmp_path / "a", [_inhibits("kdr", "d1"), Assertion("kdr", "mentionedIn", "d1")], names={"d1": "paper.txt"})
    new = _build(tmp_path / "b", [_inhibits("kdr", "d2"), Assertion("kdr", "mentionedIn", "d2")], names={"d2": "paper.txt"})
    assert compare_builds(old, new).changes == ()


def test_moved_evidence_is_its_own_kind_and_mentions_are_left_out_unless_asked(tmp_path):
    old = _build(tmp_path / "a", [_measure("4.2", start=10), Assertion("kdr", "mentionedIn", "d1")])
    new = _build(tmp_path / "b", [_measure("4.2", start=15)])
    changes = compare_builds(old, new)
    assert changes.counts() == {"added": 0, "removed": 0, "changed": 0, "withheld": 0, "asserted": 0, "evidence": 1}
    assert changes.counts(mentions=True)["removed"] == 1


def test_a_folder_without_a_build_or_a_malformed_line_is_a_graph_error(tmp_path):
    with pytest.raises(GraphError, match="holds no build"):
        read_facts(tmp_path)
    (tmp_path / "assertions.jsonl").write_text('{"key": "k"}\n')
    with pytest.raises(GraphError, match="assertions.jsonl:1"):
        read_facts(tmp_path)


def test_diff_command_lists_the_change_and_exits_9_on_a_missing_build(tmp_path, capsys):
    old = _build(tmp_path / "a", [_measure("4.2")])
    new = _build(tmp_path / "b", [_measure("4.4")])
    assert main(["diff", str(old), str(new)]) == 0
    out = capsys.readouterr().out
    assert "value: 4.2 -> 4.4" in out and "paper.txt@10-30" in out and "1 changed" in out
    assert main(["diff", str(old), str(new), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["counts"]["changed"] == 1
    assert main(["diff", str(old), str(tmp_path / "nowhere")]) == 9
    assert "holds no build" in capsys.readouterr().err


_facts = st.dictionaries(
    st.sampled_from("abcdef"),
    st.tuples(st.sampled_from(["asserted", "withheld"]), st.integers(0, 2), st.integers(0, 2)),
    max_size=6).map(lambda d: {k: Fact(k, s, "x", "p", k, (), (("n", n),), (("doc", e, e + 1),))
                               for k, (s, n, e) in d.items()})


@given(_facts, _facts)
def test_comparing_is_empty_for_equal_builds_and_reverses_added_and_removed(old, new):
    assert compare_facts(old, old) == []
    forward = {c.key: c.kind for c in compare_facts(old, new)}
    backward = {c.key: c.kind for c in compare_facts(new, old)}
    assert forward.keys() == backward.keys()
    for key, kind in forward.items():
        if kind == "removed":
            assert backward[key] in ("added", "withheld")
        if kind == "changed":
            assert backward[key] == "changed"


def test_a_rebuild_into_the_same_folder_prints_what_changed_since(tmp_path, capsys):
    corpus, out = tmp_path / "c", tmp_path / "out"
    corpus.mkdir()
    note = corpus / "note.txt"
    note.write_text("Pharmacology note.\n\nLenvatinib inhibits FGFR1 in our invented assay.\n", encoding="utf-8")
    assert main(["build", "--corpus", str(corpus), "--out", str(out), "--no-views"]) == 0
    assert "since the previous build" not in capsys.readouterr().out  # the first build has none
    note.write_text("Pharmacology note.\n\nLenvatinib inhibits FGFR2 in our invented assay.\n", encoding="utf-8")
    assert main(["build", "--corpus", str(corpus), "--out", str(out), "--no-views", "--json"]) == 0
    changes = json.loads(capsys.readouterr().out)["changes"]
    assert (changes["added"], changes["removed"], changes["changed"]) == (1, 1, 0)


def _approval(*trials: str, doc: str = "d1") -> Assertion:
    return Assertion("drugx", "approvedFor", "hcc", (("agency", "fda"),),
                     tuple(("supporting_trial", t) for t in trials) + (("year", 2020),),
                     (Evidence(doc, 5, 60, "sentence-approval"),))


def test_the_same_attributes_in_another_order_are_no_change(tmp_path):
    # a fact read once keeps its reader's order of attributes; read twice, they are sorted
    old = _build(tmp_path / "a", [_approval("trial__b", "trial__a")])
    new = _build(tmp_path / "b", [_approval("trial__a", "trial__b")])
    assert compare_builds(old, new).changes == ()


def test_a_second_value_of_an_attribute_is_reported_with_all_its_values(tmp_path):
    old = _build(tmp_path / "a", [_approval("trial__a")])
    new = _build(tmp_path / "b", [_approval("trial__a", "trial__c")])
    (change,) = compare_builds(old, new).changes
    assert change.attribute_changes() == [("supporting_trial", "trial__a", ("trial__a", "trial__c"))]
