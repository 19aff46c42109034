"""Reasoning over a summary (hcc_kg.owl.summary, hcc_kg.owl.reason) gives what HermiT gives on the
whole ABox, and the whole-ABox consistency check still catches what the summary cannot see."""

from __future__ import annotations

import shutil
import threading

import owlready2
import pytest
import yaml

from hcc_kg.assemble.merge import assemble
from hcc_kg.assemble.naming import extend_vocabulary, split_naming
from hcc_kg.read.corpus import read_corpus
from hcc_kg.errors import InconsistentGraphError
from hcc_kg.extract import extract
from hcc_kg.owl import reason as reasoning
from hcc_kg.owl import summary as S
from hcc_kg.owl import tbox as T
from hcc_kg.owl.load import load_ontology
from hcc_kg.owl.populate import Populated, empty, populate
from hcc_kg.report import Report
from hcc_kg.vocab import load_vocabulary

needs_java = pytest.mark.skipif(shutil.which(owlready2.JAVA_EXE) is None, reason="HermiT needs Java (CI installs it)")
OWL, RDFS = S.OWL, S.RDFS


def _whole(monkeypatch):
    """Make reason() classify the whole ABox, as the summary's reference."""
    monkeypatch.setattr(reasoning.S, "summary_blockers", lambda split: ["whole ABox, for comparison"])


def _populated(corpus_dir, vocabulary):
    """The corpus read and populated as a build does it: the names its documents gave drugs no vocabulary holds
    extend the vocabulary first (they are names, not facts)."""
    documents = read_corpus(corpus_dir, Report())
    assertions, _ = assemble(extract(documents, vocabulary, Report()))
    naming, facts = split_naming(assertions)
    world, onto = load_ontology()
    return populate(world, onto, facts, extend_vocabulary(vocabulary, naming), documents, Report())


def _compare(make, monkeypatch):
    summarised = make()
    first = reasoning.reason(summarised)
    with monkeypatch.context() as m:
        _whole(m)
        second = reasoning.reason(make())
    assert first.inferred == second.inferred
    return first, second


@needs_java
@pytest.mark.slow
def test_summary_infers_what_the_whole_abox_does_on_the_shipped_corpus_and_a_renamed_copy(
        corpus_dir, tmp_path, monkeypatch):
    vocabulary = load_vocabulary()
    first, second = _compare(lambda: _populated(corpus_dir, vocabulary), monkeypatch)
    assert first.inferred and first.representatives < first.individuals == second.representatives
    # a second copy of every document, its drugs renamed: twice the drugs, alike ones share representatives
    copy = tmp_path / "corpus"
    shutil.copytree(corpus_dir, copy)
    extra = []
    for path in sorted(copy.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        for entity in vocabulary:
            if entity.has_type("SmallMolecule", "MonoclonalAntibody") and entity.label in text:
                text = text.replace(entity.label, entity.label + "copy")
                extra.append({"key": entity.key + "_copy", "label": entity.label + "copy", "types": list(entity.types)})
        (copy / f"copy_{path.name}").write_text(text, encoding="utf-8")
    unique = {e["key"]: e for e in extra}
    (tmp_path / "extra.yaml").write_text(yaml.safe_dump({"version": 1, "entities": list(unique.values())}))
    bigger = vocabulary.extended(load_vocabulary(tmp_path / "extra.yaml"))
    third, _ = _compare(lambda: _populated(copy, bigger), monkeypatch)
    assert len(third.inferred) > len(first.inferred) and third.representatives < 2 * first.representatives


def _empty() -> Populated:
    return empty(*load_ontology())


def _add(populated: Populated, key: str, *classes: str):
    return populated.abox.new(key, list(classes), None)


def _link(populated: Populated, s, prop: str, *objects) -> None:
    for o in objects:
        populated.abox.fact(s.iri, populated.abox.schema.term(prop), o.iri)


def _alike_parts() -> Populated:
    """A regimen of two alike antibodies and a small molecule inhibiting two alike kinases."""
    populated = _empty()
    mabs = [_add(populated, f"mab_{x}", "MonoclonalAntibody") for x in "ab"]
    regimen = _add(populated, "regimen__mab_a__mab_b", "Regimen")
    _link(populated, regimen, "hasComponent", *mabs)
    kinases = [_add(populated, f"kinase_{x}", "Protein", "Kinase") for x in "ab"]
    _link(populated, _add(populated, "drug_x", "SmallMolecule"), "inhibits", *kinases)
    _link(populated, _add(populated, "drug_y", "SmallMolecule"), "inhibits", kinases[0])
    return populated


def _local(term: str) -> str:
    return term[1:-1].rsplit("/", 1)[-1].rsplit("#", 1)[-1]


@needs_java
def test_counting_holds_for_alike_individuals(monkeypatch):
    first, _ = _compare(_alike_parts, monkeypatch)
    types = {(_local(s), _local(o)) for s, p, o in first.inferred if p == S.TYPE}
    assert ("regimen__mab_a__mab_b", "CombinationRegimen") in types  # two components, known different
    assert ("drug_x", "MultikinaseInhibitor") in types  # two kinases, known different
    assert ("drug_y", "MultikinaseInhibitor") not in types  # one kinase


def _approval(mode: str) -> Populated:
    populated = _empty()
    approval = _add(populated, "approval_x", "RegulatoryApproval")
    populated.abox.fact(approval.iri, populated.abox.schema.term("therapyMode"), populated.abox.terms.literal(mode))
    return populated


@needs_java
def test_a_data_value_outside_its_range_is_caught_although_the_summary_drops_values():
    reasoning.reason(_approval("monotherapy"))  # the range is a closed list of modes
    with pytest.raises(InconsistentGraphError):
        reasoning.reason(_approval("weekly"))


def _evidence(*offsets: int) -> Populated:
    populated = _empty()
    evidence = _add(populated, "evidence_x", "Evidence")
    start = populated.abox.schema.term("startOffset")
    evidence.data += [(start, populated.abox.terms.literal(offset)) for offset in offsets]
    return populated


@needs_java
def test_two_values_of_a_functional_property_are_caught():
    reasoning.reason(_evidence(3))
    with pytest.raises(InconsistentGraphError):
        reasoning.reason(_evidence(3, 4))


def _summary_input(populated: Populated) -> bytes:
    """What HermiT would be given (TBox + summary), as reason() builds it."""
    split = S.Split.of(S.logical_triples(populated.tbox) + list(populated.abox.logical_triples()))
    summary = S.summarise(split, reasoning.distinct_groups(populated, split))
    return S.to_ntriples(split.tbox + summary.abox)


def test_representatives_are_named_by_structure_so_alike_abox_give_one_reasoner_input():
    base = _alike_parts()
    renamed = _empty()  # the same structure, every individual named differently and made in another order
    kinases = [_add(renamed, f"k_{x}", "Protein", "Kinase") for x in "zy"]
    _link(renamed, _add(renamed, "other_y", "SmallMolecule"), "inhibits", kinases[0])
    _link(renamed, _add(renamed, "other_x", "SmallMolecule"), "inhibits", *kinases)
    mabs = [_add(renamed, f"m_{x}", "MonoclonalAntibody") for x in "qp"]
    _link(renamed, _add(renamed, "regimen__m_q__m_p", "Regimen"), "hasComponent", *mabs)
    assert _summary_input(renamed) == _summary_input(base)
    grown = _alike_parts()  # one more drug like drug_y: more individuals, the same distinct structure
    _link(grown, _add(grown, "drug_z", "SmallMolecule"), "inhibits", grown.individuals["kinase_a"])
    assert _summary_input(grown) == _summary_input(base)
    assert b"drug_" not in _summary_input(base) and b"mab_" not in _summary_input(base)
    third = _alike_parts()  # a new structure does change it
    _link(third, _add(third, "drug_w", "SmallMolecule"), "modulatesPathway", _add(third, "path_w", "Pathway"))
    assert _summary_input(third) != _summary_input(base)


def _split(extra_tbox=()) -> S.Split:
    ind = "<https://example.org/i{}>"
    triples = [("<https://example.org/p>", S.TYPE, f"<{OWL}ObjectProperty>"),
               ("<https://example.org/q>", S.TYPE, f"<{OWL}ObjectProperty>"),
               ("<https://example.org/d>", S.TYPE, f"<{OWL}DatatypeProperty>"),
               ("<https://example.org/d>", S.TYPE, f"<{OWL}FunctionalProperty>"),
               ("_:r", f"<{OWL}onProperty>", "<https://example.org/p>"), *extra_tbox]
    for i in range(6):
        triples += [(ind.format(i), S.TYPE, S.NAMED_INDIVIDUAL), (ind.format(i), S.TYPE, "<https://example.org/C>")]
    triples += [(ind.format(0), "<https://example.org/p>", ind.format(4)),  # p is read by a restriction: a link
                (ind.format(1), "<https://example.org/p>", ind.format(5)),
                (ind.format(2), "<https://example.org/q>", ind.format(3)),  # q is not: only marks on both ends
                (ind.format(3), "<https://example.org/d>", '"7"^^<http://www.w3.org/2001/XMLSchema#integer>')]
    return S.Split.of(triples)


def test_summary_merges_alike_individuals_and_keeps_all_different_apart():
    split = _split()
    assert S.summary_blockers(split) == []  # a functional *data* property does not block
    assert S.used_properties(split) == {"<https://example.org/p>"}
    members = S.summarise(split, []).members
    groups = sorted(sorted(m[-2] for m in g) for g in members.values())
    assert groups == [["0", "1"], ["2"], ["3"], ["4", "5"]]  # i0~i1 (each p-links an alike target), i4~i5
    apart = S.summarise(split, [["<https://example.org/i4>", "<https://example.org/i5>"]]).members
    assert sorted(sorted(m[-2] for m in g) for g in apart.values()) == [["0"], ["1"], ["2"], ["3"], ["4"], ["5"]]


def test_keying_an_individual_leaves_no_empty_entry_behind():
    """A million individuals without marks or kept values must not each get empty sets."""
    split = _split()
    parts = S._parts(split, S.used_properties(split))
    sizes = [len(x) for x in (parts.types, parts.marks, parts.verbatim)]
    keys = [parts.key(i) for i in sorted(split.individuals)]
    assert [len(x) for x in (parts.types, parts.marks, parts.verbatim)] == sizes
    assert sizes[1] < len(split.individuals)  # some individuals have no marks: the case asked about
    assert keys[0] == (("<https://example.org/C>",), (), ())  # i0: a class, no marks, no kept values


@pytest.mark.parametrize("construct", [("_:r", f"<{OWL}allValuesFrom>", "<https://example.org/C>"),
                                       ("<https://example.org/p>", S.TYPE, f"<{OWL}TransitiveProperty>"),
                                       ("_:n", S.TYPE, f"<{OWL}Class>"), ])
def test_constructs_the_summary_cannot_handle_fall_back_to_the_whole_abox(construct):
    extra = [construct] + ([("_:n", f"<{OWL}oneOf>", "_:list")] if construct[0] == "_:n" else [])
    assert S.summary_blockers(_split(extra))


def test_annotations_and_reified_axioms_are_not_logic():
    triples = [("<https://example.org/a>", S.TYPE, f"<{OWL}AnnotationProperty>"),
               ("<https://example.org/x>", "<https://example.org/a>", '"note"'),
               ("<https://example.org/x>", f"<{RDFS}label>", '"x"'),
               ("_:ax", S.TYPE, f"<{OWL}Axiom>"), ("_:ax", f"<{OWL}annotatedSource>", "<https://example.org/x>"),
               ("<https://example.org/x>", S.TYPE, "<https://example.org/C>")]
    assert S.logical_triples(triples) == [triples[0], triples[-1]]


def test_all_different_is_written_as_an_rdf_list():
    triples = S.all_different([["<a>", "<b>"]])
    first = next(o for s, p, o in triples if p == f"<{OWL}distinctMembers>")
    members, node = [], first
    while node != f"<{S.RDF}nil>":
        members.append(next(o for s, p, o in triples if s == node and p == f"<{S.RDF}first>"))
        node = next(o for s, p, o in triples if s == node and p == f"<{S.RDF}rest>")
    assert members == ["<a>", "<b>"]


def _inferred_by_definition(output: str, split: S.Split, summary: S.Summary) -> set:
    """What HermiT reports, for every individual a representative stands for, less what is asserted
    (or asserted as the inverse): the definition, read off a set of every asserted triple."""
    inverse = {s: o for s, p, o in split.tbox if p == f"<{OWL}inverseOf>"}
    inverse.update({o: s for s, o in list(inverse.items())})
    asserted = set(split.tbox) | set(split.abox)
    links = {(s, o) for s, p, o in split.abox if p in split.object_properties}
    out = set()
    for s, p, o in reasoning.reported_relations(output):
        if o in summary.members and p != S.TYPE:  # a value between representatives: between linked members
            pairs = {(m, n) for m in summary.members[s] for n in summary.members[o]
                     if (m, n) in links or (n, m) in links}
        else:
            pairs = {(m, o) for m in summary.members.get(s, [s])}
        out |= {(m, p, n) for m, n in pairs
                if (m, p, n) not in asserted and (p not in inverse or (n, inverse[p], m) not in asserted)}
    return out


def test_inferences_are_what_hermit_reports_less_what_is_asserted_read_without_holding_the_abox():
    populated = _alike_parts()
    has, part_of = (populated.abox.schema.term(n) for n in ("hasComponent", "isComponentOf"))
    split = S.Split.streamed(S.logical_triples(populated.tbox), populated.abox.logical_triples)
    summary = S.summarise(split, reasoning.distinct_groups(populated, split))
    regimen = next(r for r, m in summary.members.items() if any("regimen__" in i for i in m))
    mab = next(r for r, m in summary.members.items() if any("mab_" in i for i in m))
    drug = next(r for r, m in summary.members.items() if any("drug_x" in i for i in m))
    kinases = [r for r, m in summary.members.items() if any("kinase_" in i for i in m)]
    kinase_class, protein = (populated.abox.schema.term(n) for n in ("Kinase", "Protein"))
    affects = "<https://example.org/affects>"  # a property value the ABox does not state
    # HermiT's output on the summary (invented, in its format): types, a subclass axiom, property values
    output = "\n".join([f"Type( {regimen} <{S.OWL}Thing> )", *(f"Type( {k} {kinase_class} )" for k in kinases),
                        f"SubClassOf( {kinase_class} {protein} )",
                        f"{part_of} (known instances: ({mab}, {regimen}) | possible instances: )",
                        f"{has} (known instances: ({regimen}, {mab}) | possible instances: )",
                        f"{affects} (known instances: {''.join(f'({drug}, {k})' for k in kinases)} "
                        "| possible instances: )"])
    inferred = reasoning.inferred_triples(output, split, summary)
    assert inferred == _inferred_by_definition(output, split, summary)
    linked = {(s, o) for s, p, o in populated.abox.logical_triples() if "drug_x" in s and "kinase_" in o}
    assert {(s, o) for s, p, o in inferred if p == affects} == linked and linked  # linked members only
    assert (kinase_class, f"<{S.RDFS}subClassOf>", protein) in inferred
    assert not any(p in (has, part_of) for s, p, o in inferred)  # asserted, or asserted as the inverse
    assert not any(o == kinase_class for s, p, o in inferred)  # asserted types neither


# --- a hung reasoner: time limit, process group, scratch folders (issue 13) -------------------

import contextlib as _contextlib  # noqa: E402
import os as _os  # noqa: E402
import signal as _signal  # noqa: E402
import subprocess as _subprocess  # noqa: E402
import sys as _sys  # noqa: E402
import tempfile as _tempfile  # noqa: E402
import time as _time  # noqa: E402
from pathlib import Path as _Path  # noqa: E402

from hcc_kg.errors import ReasonerTimeoutError  # noqa: E402
from hcc_kg.owl import java as _java  # noqa: E402
from hcc_kg.owl import hermit as _hermit  # noqa: E402

#: A stand-in for java that hangs, with a child of its own (as a JVM has threads and helpers).
HUNG_JAVA = """#!/bin/sh
sleep 300 &
echo $! > "$HUNG_JAVA_PIDS"
echo $$ >> "$HUNG_JAVA_PIDS"
wait
"""


def _running(pid: int) -> bool:
    """Whether ``pid`` is a live process (a zombie waiting to be reaped counts as gone)."""
    try:
        state = _Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (FileNotFoundError, IndexError):
        return False
    return state not in ("Z", "X")


def _gone(pids, seconds=10.0) -> bool:
    deadline = _time.monotonic() + seconds
    while _time.monotonic() < deadline:
        if not any(_running(p) for p in pids):
            return True
        _time.sleep(0.1)
    return False


@pytest.fixture()
def hung_java(tmp_path, monkeypatch):
    script = tmp_path / "java"
    script.write_text(HUNG_JAVA)
    script.chmod(0o755)
    scratch_root = tmp_path / "tmp"
    scratch_root.mkdir()
    pids = tmp_path / "pids"
    monkeypatch.setattr(owlready2, "JAVA_EXE", str(script))
    monkeypatch.setattr(_tempfile, "tempdir", str(scratch_root))
    monkeypatch.setenv("HUNG_JAVA_PIDS", str(pids))
    monkeypatch.setenv("TMPDIR", str(scratch_root))
    return {"script": script, "pids": pids, "scratch": scratch_root}


def _pids(path: _Path, seconds=10.0) -> list[int]:
    deadline = _time.monotonic() + seconds
    while _time.monotonic() < deadline:
        if path.exists() and len(path.read_text().split()) == 2:
            return [int(p) for p in path.read_text().split()]
        _time.sleep(0.05)
    raise AssertionError("the stand-in java did not start")


def test_a_hung_reasoner_is_stopped_at_the_limit_with_its_whole_process_group(hung_java):
    started = _time.monotonic()
    with pytest.raises(ReasonerTimeoutError, match="within 1.5 s .*--reasoner-timeout"):
        _hermit.run_hermit(_hermit.CLASSIFY, [], _java.TimeLimit.start(1.5))
    assert _time.monotonic() - started < 8
    assert _gone(_pids(hung_java["pids"]))  # the "JVM" and its child
    assert list(hung_java["scratch"].iterdir()) == []  # no hcc-kg-hermit-* left


def test_a_signal_landing_right_after_the_reasoner_started_still_kills_its_group(hung_java):
    class SignalledOnStart(threading.Event):  # SIGTERM's SystemExit raised the moment the process is running
        def set(self):
            _pids(hung_java["pids"], 60)
            raise SystemExit(143)

    limit = _java.TimeLimit(300, _time.monotonic() + 300, started=SignalledOnStart())
    with pytest.raises(SystemExit):
        _hermit.run_hermit(_hermit.CLASSIFY, [], limit)
    assert _gone(_pids(hung_java["pids"]))
    assert list(hung_java["scratch"].iterdir()) == []


def test_sigterm_of_a_build_kills_the_reasoner_group_and_removes_its_scratch(hung_java):
    code = ("import sys; from hcc_kg.owl import hermit, java; from hcc_kg.store.publish import sigterm_exits\n"
            "import owlready2; owlready2.JAVA_EXE = sys.argv[1]\n"
            "with sigterm_exits(): hermit.run_hermit(hermit.CLASSIFY, [], java.TimeLimit.start(300))\n")
    build = _subprocess.Popen([_sys.executable, "-c", code, str(hung_java["script"])],
                              env={**_os.environ, "TMPDIR": str(hung_java["scratch"])})
    try:
        pids = _pids(hung_java["pids"], 60)
        assert [p.name.startswith("hcc-kg-hermit-") for p in hung_java["scratch"].iterdir()] == [True]
        build.send_signal(_signal.SIGTERM)
        assert build.wait(timeout=30) == 143
    finally:
        if build.poll() is None:
            build.kill()
    assert _gone(pids)
    assert list(hung_java["scratch"].iterdir()) == []


def test_scratch_folders_of_dead_processes_are_swept(hung_java):
    dead = _subprocess.Popen(["true"])
    dead.wait()
    stale = hung_java["scratch"] / f"hcc-kg-hermit-{dead.pid}-abc"
    stale.mkdir()
    (stale / "input.nt").write_text("")
    mine = hung_java["scratch"] / f"hcc-kg-hermit-{_os.getpid()}-live"
    mine.mkdir()
    with _java.scratch_folder() as folder:
        assert folder.is_dir()
    assert not stale.exists() and mine.exists() and not folder.exists()


def test_build_with_a_hung_reasoner_exits_6_naming_the_option(hung_java, tmp_path, capsys):
    from hcc_kg.cli import main

    fixtures = _Path(__file__).parent / "fixtures"
    started = _time.monotonic()
    code = main(["build", "--corpus", str(fixtures / "tiny"), "--out", str(tmp_path / "out"), "--no-cache",
                 "--reasoner-timeout", "2"])
    assert code == 6 and "--reasoner-timeout" in capsys.readouterr().err
    assert _time.monotonic() - started < 120
    assert _gone(_pids(hung_java["pids"])) and list(hung_java["scratch"].iterdir()) == []
    assert not (tmp_path / "out").exists()  # nothing exported


@pytest.mark.parametrize("value", ["nan", "inf", "-1", "0", "soon"])
def test_reasoner_timeout_must_be_a_finite_positive_number(value, capsys):
    from hcc_kg.cli import main

    assert main(["build", "--reasoner-timeout", value]) == 9
    assert "--reasoner-timeout" in capsys.readouterr().err


def test_the_tbox_text_depends_on_the_ontology_not_on_how_the_parser_named_blank_nodes():
    tbox = T.world_triples(load_ontology()[0])
    blanks = sorted({n for t in tbox for n in (t[0], t[2]) if n.startswith("_:")})
    renamed = {b: f"_:other{len(blanks) - n}" for n, b in enumerate(blanks)}
    shuffled = [tuple(renamed.get(n, n) for n in t) for t in reversed(tbox)]
    canonical = T.canonical_blank_nodes(tbox)
    assert canonical == T.canonical_blank_nodes(shuffled)
    assert len({n for t in canonical for n in (t[0], t[2]) if n.startswith("_:")}) == len(blanks)  # none merged
    assert len(set(canonical)) == len(set(tbox))


# --- HermiT on a thread while the build goes on (hcc_kg.owl.reason.Reasoning) -----------------


@needs_java
def test_reasoning_on_a_thread_gives_what_reason_gives_and_its_errors():
    with reasoning.Reasoning(_alike_parts()) as running:
        running.wait_started()
        threaded = running.result()
    assert threaded.inferred == reasoning.reason(_alike_parts()).inferred and threaded.inferred
    with reasoning.Reasoning(_evidence(3, 4)) as running:
        with pytest.raises(InconsistentGraphError):  # raised on the thread, raised again here
            running.result()


@needs_java
def test_reasoning_lets_go_of_its_result_once_handed_over():
    import gc
    import weakref

    with reasoning.Reasoning(_alike_parts()) as running:
        reasoned = running.result()
        held = weakref.ref(reasoned.populated)
        del reasoned
        gc.collect()
        assert held() is None  # the build frees the ABox after loading the store; the reasoner must not keep it


def test_leaving_the_reasoning_block_early_kills_the_reasoner_group_and_its_scratch(hung_java):
    started = _time.monotonic()
    with pytest.raises(RuntimeError, match="invented failure"):
        with reasoning.Reasoning(_empty(), timeout=300) as running:
            running.wait_started()
            pids = _pids(hung_java["pids"])
            raise RuntimeError("invented failure of the build while HermiT runs")
    assert _time.monotonic() - started < 30  # not the 300 s limit
    assert _gone(pids) and list(hung_java["scratch"].iterdir()) == []


def test_a_cancelled_limit_stops_a_running_process_from_another_thread(hung_java):
    from hcc_kg.errors import ReasonerError

    limit, caught = _java.TimeLimit.start(300), []

    def run() -> None:
        try:
            _java.run_bounded([str(hung_java["script"])], limit)
        except ReasonerError as exc:
            caught.append(exc)

    worker = threading.Thread(target=run)
    worker.start()
    limit.started.wait(30)
    pids = _pids(hung_java["pids"])
    limit.cancel()
    worker.join(30)
    assert not worker.is_alive() and "stopped" in str(caught[0])
    assert not isinstance(caught[0], ReasonerTimeoutError) and _gone(pids)


def test_a_stop_while_the_reasoner_thread_starts_still_stops_the_thread_and_java(hung_java, tmp_path, monkeypatch):
    # a SIGTERM handled right after the reasoner's thread started (SystemExit(143) at that point): the
    # build must already hold the thread for clean-up, or the thread and java race the unwinding build
    from hcc_kg.pipeline import Settings, build

    real_start = threading.Thread.start

    def start_then_stop(thread):
        real_start(thread)
        if thread.name == "hcc-kg-reason":
            raise SystemExit(143)

    monkeypatch.setattr(threading.Thread, "start", start_then_stop)
    corpus = _Path(__file__).parent / "fixtures" / "tiny"
    with pytest.raises(SystemExit) as stopped:
        build(Settings(corpus=corpus, out=tmp_path / "out", cache_dir=None, views=False))
    assert stopped.value.code == 143
    assert not [t for t in threading.enumerate() if t.name == "hcc-kg-reason"]  # joined before the build ended
    assert _gone(_pids(hung_java["pids"]))
    assert list(hung_java["scratch"].iterdir()) == [] and not (tmp_path / "out").exists()


class _Interrupted(Exception):
    """Raised by the test's signal handler, as the CLI's SIGTERM handler raises SystemExit."""


def _interrupt(signum, frame):
    raise _Interrupted


def _stopping_slowly(ended: threading.Event):
    """A stand-in for reason() that runs until cancelled, then takes a while to stop (as killing and reaping java's
    process group does), sets ``ended`` and raises."""
    def reason(populated, timeout, cache, limit, warm):
        while not limit.cancelled():
            _time.sleep(0.01)
        _time.sleep(0.5)
        ended.set()
        raise RuntimeError("stopped")
    return reason


def test_a_signal_while_waiting_for_the_result_still_waits_for_the_thread_to_end(monkeypatch):
    # CPython 3.11 marks a thread done when a signal handler interrupts Thread.join (bpo-45274), so a
    # second join returned while HermiT was still being killed on the thread, and the build's clean-up
    # raced it (EBADF on java's pipes, exit 1 instead of 143)
    ended = threading.Event()
    monkeypatch.setattr(reasoning, "reason", _stopping_slowly(ended))
    previous = _signal.signal(_signal.SIGALRM, _interrupt)
    try:
        with pytest.raises(_Interrupted):
            with reasoning.Reasoning(_empty(), timeout=300) as running:
                _signal.setitimer(_signal.ITIMER_REAL, 0.2)
                running.result()
    finally:
        _signal.setitimer(_signal.ITIMER_REAL, 0)
        _signal.signal(_signal.SIGALRM, previous)
    assert ended.is_set()  # leaving the block waited for the thread, not only for the interrupted join

def test_a_signal_while_the_reasoner_thread_starts_is_handled_once_it_runs_so_the_clean_up_waits(monkeypatch):
    # a SIGTERM handled inside Thread.start left the thread running while the build's clean-up, seeing no
    # thread, closed the warm JVM it was using (EBADF, exit 1 instead of 143): the signal waits for the start
    ended = threading.Event()
    monkeypatch.setattr(reasoning, "reason", _stopping_slowly(ended))
    running = reasoning.Reasoning(_empty(), timeout=300)
    starting = running._thread.start

    def signalled_while_starting():
        # Python runs a signal's handler in the main thread wherever it is, even while the signal is masked there
        # (another thread took it from the kernel): as if it ran here, before the thread exists
        _signal.getsignal(_signal.SIGTERM)(_signal.SIGTERM, None)
        starting()

    monkeypatch.setattr(running._thread, "start", signalled_while_starting)
    previous = _signal.signal(_signal.SIGTERM, _interrupt)
    try:
        with pytest.raises(_Interrupted):
            with _contextlib.ExitStack() as children:  # as the pipeline registers it before starting it
                children.push(running)
                running.start()
                _time.sleep(5)  # (the signal is handled before this ends)
    finally:
        _signal.signal(_signal.SIGTERM, previous)
    assert ended.is_set()  # the thread ran, was cancelled, and the block waited for it to end


def test_the_reasoners_thread_never_takes_a_stopping_signal(monkeypatch):
    # a SIGTERM the kernel handed to this thread would wait unhandled (only the main thread runs Python's handlers)
    # while the main thread blocks on the result: the build would hang instead of stopping
    seen = []

    def record_mask(populated, timeout, cache, limit, warm):
        seen.append(_signal.pthread_sigmask(_signal.SIG_BLOCK, set()))
        raise RuntimeError("done")

    monkeypatch.setattr(reasoning, "reason", record_mask)
    with pytest.raises(RuntimeError):
        with reasoning.Reasoning(_empty(), timeout=300) as running:
            running.result()
    assert {_signal.SIGTERM, _signal.SIGINT} <= seen[0]
    assert _signal.SIGTERM not in _signal.pthread_sigmask(_signal.SIG_BLOCK, set())  # the main thread's, as before


def _children(pid: int) -> set[int]:
    found: set[int] = set()
    for task in _Path(f"/proc/{pid}/task").iterdir():
        try:
            found.update(int(p) for p in (task / "children").read_text().split())
        except FileNotFoundError:  # the thread ended since the listing
            continue
    return found


def _children_once(pid: int, count: int, seconds: float) -> set[int]:
    """``pid``'s children as soon as it has ``count`` of them (or what it has after ``seconds``)."""
    deadline = _time.monotonic() + seconds
    while len(found := _children(pid)) < count and _time.monotonic() < deadline:
        _time.sleep(0.05)
    return found


def test_sigterm_while_hermit_runs_on_its_thread_stops_java_and_the_forked_child(hung_java, tmp_path):
    fixtures = _Path(__file__).parent / "fixtures"
    code = ("import sys, owlready2; owlready2.JAVA_EXE = sys.argv[1]; from hcc_kg.cli import main\n"
            "sys.exit(main(['build', '--corpus', sys.argv[2], '--out', sys.argv[3], '--no-cache']))\n")
    log = (tmp_path / "build.log").open("w")  # the build's own words, kept to explain a failure (outside --out)
    build = _subprocess.Popen([_sys.executable, "-c", code, str(hung_java["script"]), str(fixtures / "tiny"),
                               str(tmp_path / "out")], env={**_os.environ, "TMPDIR": str(hung_java["scratch"])},
                              stdout=log, stderr=_subprocess.STDOUT)
    try:
        pids = _pids(hung_java["pids"], 120)  # the stand-in java starts before extraction (owl/hermit.py)
        children = _children_once(build.pid, 2, 120)  # it and the forked side-export child
        assert len(children) >= 2
        build.send_signal(_signal.SIGTERM)
        status = build.wait(timeout=60)
        assert status == 143, (tmp_path / "build.log").read_text()[-3000:]
    finally:
        if build.poll() is None:
            build.kill()
        log.close()
    assert _gone(pids) and _gone(children)
    assert list(hung_java["scratch"].iterdir()) == [] and not (tmp_path / "out").exists()


@needs_java
def test_a_union_range_that_the_individual_is_disjoint_with_is_named_as_the_culprit():
    populated = _empty()
    regimen = _add(populated, "regimen__drug_x__placebo_x", "Regimen")
    _link(populated, regimen, "hasComponent", _add(populated, "drug_x", "SmallMolecule"),
          _add(populated, "placebo_x", "Placebo"))
    with pytest.raises(InconsistentGraphError) as caught:
        reasoning.reason(populated)
    culprits = "\n".join(caught.value.culprits)
    assert "placebo_x is Placebo" in culprits and "object of hasComponent from regimen__drug_x__placebo_x" in culprits
    assert "must be Drug or Procedure" in culprits and "drug_x is" not in culprits


def _agonists() -> Populated:
    """An antibody against a checkpoint, an agonist antibody of it, and a small-molecule agonist of a VEGF receptor."""
    populated = _empty()
    checkpoint = _add(populated, "checkpoint_x", "Protein", "ImmuneCheckpoint")
    receptor = _add(populated, "receptor_x", "Protein", "VEGFAxisComponent")
    _link(populated, _add(populated, "mab_blocking", "MonoclonalAntibody"), "isAntibodyAgainst", checkpoint)
    _link(populated, _add(populated, "mab_agonist", "MonoclonalAntibody"), "activates", checkpoint)
    _link(populated, _add(populated, "drug_agonist", "SmallMolecule"), "activates", receptor)
    _link(populated, _add(populated, "drug_blocking", "SmallMolecule"), "inhibits", receptor)
    return populated


@needs_java
def test_an_agonist_is_neither_a_checkpoint_inhibitor_nor_anti_angiogenic(monkeypatch):
    first, _ = _compare(_agonists, monkeypatch)
    types = {(_local(s), _local(o)) for s, p, o in first.inferred if p == S.TYPE}
    assert ("mab_blocking", "ImmuneCheckpointInhibitor") in types
    assert ("drug_blocking", "AntiAngiogenicAgent") in types
    assert ("mab_agonist", "ImmuneCheckpointInhibitor") not in types
    assert ("drug_agonist", "AntiAngiogenicAgent") not in types
