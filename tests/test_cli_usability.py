"""What a new user meets on the command line: help, version, suggestions, text output,
progress on stderr, forest plots and the evidence view, all through ``hcc_kg.cli.main``.

Expected answers come from the graph (SPARQL or the projection) or from the corpus text,
never typed in.  Fast tests read the committed export; build tests use invented documents.
"""

from __future__ import annotations

import html
import importlib.metadata
import io
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
import rdflib

from hcc_kg.cli import EPILOG, main, parser
from hcc_kg.cli.logs import document_progress, logging_to_stderr
from hcc_kg.query.graph import project

from conftest import CORPUS, REPO

GRAPH = REPO / "exports" / "hcc_kg.ttl"
HCC = "https://w3id.org/hcc-kg/ontology#"
NOTE = "Drug notes\nZorbanib is an oral inhibitor of FGFR1 and RET in HCC. Pemflix inhibits {target}.\n"


@pytest.fixture(scope="module")
def rdf() -> rdflib.Graph:
    return rdflib.Graph().parse(GRAPH, format="turtle")


@pytest.fixture(scope="module")
def G(rdf):
    return project(rdf)


def run(argv: list[str], capsys) -> tuple[int, str, str]:
    code = main(argv)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


# --version, --help -------------------------------------------------------------------------

def test_version_is_the_installed_distributions(capsys):
    with pytest.raises(SystemExit) as stop:
        main(["--version"])
    assert stop.value.code == 0
    assert capsys.readouterr().out.split() == ["hcc-kg", importlib.metadata.version("hcc-kg")]


def test_help_describes_the_tool_for_users_with_examples_that_parse(capsys):
    with pytest.raises(SystemExit):
        main(["--help"])
    out = capsys.readouterr().out
    assert "Command line: one subcommand per task" not in out  # the developer docstring
    assert "examples:" in out
    examples = [line.split("   ")[0].strip() for line in EPILOG.splitlines() if line.startswith("  hcc-kg ")]
    assert len(examples) >= 5
    for example in examples:  # every example is a valid command line (parsed, not run)
        words = [w.strip('"') for w in re.findall(r'"[^"]*"|\S+', example)][1:]
        parser().parse_args(words)


def test_quiet_and_verbose_are_accepted_before_and_after_the_command():
    assert parser().parse_args(["-q", "agents", "--hits", "x"]).verbosity == -1
    assert parser().parse_args(["agents", "--hits", "x", "--verbose"]).verbosity == 1
    assert parser().parse_args(["agents", "--hits", "x"]).verbosity == 0
    assert parser().parse_args(["plot", "forest", "--out", "x.png", "-q"]).verbosity == -1  # nested commands too


# Suggestions ---------------------------------------------------------------------------------

def _typo(name: str) -> str:
    """Swap two neighbouring letters in the middle (VEGFR → VEGRF)."""
    i = len(name) // 2
    return name[:i] + name[i + 1] + name[i] + name[i + 2:]


@pytest.mark.parametrize("node_type", ["ProteinFamily", "SmallMolecule"])
def test_a_typo_in_an_entity_name_suggests_the_name(node_type, G, capsys):
    label = sorted(d["label"] for _, d in G.nodes(data=True) if d.get("type") == node_type and len(d["label"]) >= 5)[0]
    typo = _typo(label)
    assert typo != label
    code, _, err = run(["agents", "--graph", str(GRAPH), "--hits", typo], capsys)
    assert code == 9
    assert "did you mean" in err and label in err.split("did you mean", 1)[1]


def test_a_name_like_nothing_suggests_nothing(capsys):
    code, _, err = run(["agents", "--graph", str(GRAPH), "--hits", "qqqqxxxx"], capsys)
    assert code == 9 and "did you mean" not in err


# trials / chain text -------------------------------------------------------------------------

def test_trials_prints_text_unless_json_is_asked(capsys):
    code, out, _ = run(["trials", "--graph", str(GRAPH), "--drug", "sorafenib", "--json"], capsys)
    answer = json.loads(out)
    assert code == 0 and answer
    code, text, _ = run(["trials", "--graph", str(GRAPH), "--drug", "sorafenib"], capsys)
    assert code == 0 and text != out
    with pytest.raises(json.JSONDecodeError):
        json.loads(text)
    headings = [line for line in text.splitlines() if not line.startswith(" ")]
    assert [h.split(" (")[0] for h in headings] == [t["label"] for t in answer]
    ratios = sum(len(t["hazard_ratios"]) for t in answer)
    assert text.count(" HR ") == ratios


def test_chain_never_prints_none_for_what_the_graph_lacks(capsys):
    code, out, _ = run(["chain", "--graph", str(GRAPH), "VEGF signalling", "--json"], capsys)
    answer = json.loads(out)
    yearless = [t["label"] for d in answer["drugs"] for t in d["trials"] if t["year"] is None]
    assert yearless, "the shipped graph has trials without a year: the case this test is about"
    code, text, _ = run(["chain", "--graph", str(GRAPH), "VEGF signalling"], capsys)
    assert code == 0 and "None" not in text
    for label in yearless:
        assert any(line.strip().startswith(label) for line in text.splitlines())


# Progress and logging --------------------------------------------------------------------------

def _corpus(folder: Path, n: int) -> Path:
    folder.mkdir()
    for i, target in enumerate(["KDR", "FLT1", "FLT4", "RET", "KIT"][:n]):
        (folder / f"note{i}.txt").write_text(NOTE.format(target=target), encoding="utf-8")
    return folder


@pytest.mark.slow
def test_build_reports_each_stage_and_each_document_on_stderr_and_quiet_silences_it(tmp_path, capsys):
    corpus = _corpus(tmp_path / "c", 3)
    code, out, err = run(["build", "--corpus", str(corpus), "--out", str(tmp_path / "out"), "--json"], capsys)
    assert code == 0
    stages = [s for s in json.loads(out)["timings"] if "." not in s]  # "extract.reused" counts, not a stage
    assert "extract" in stages and "reason" in stages
    for stage in stages:  # every timed stage was announced while the build ran
        assert f"hcc-kg: {stage} …" in err and f"hcc-kg: {stage} done in" in err
    assert [f"extract: {i}/3 documents" in err for i in (1, 2, 3)] == [True] * 3
    assert err.index("extract: 3/3") < err.index("hcc-kg: reason …")  # in order, as it happened
    code, out, err = run(["build", "-q", "--corpus", str(corpus), "--out", str(tmp_path / "out2")], capsys)
    assert code == 0 and "done in" not in err and "documents" not in err
    assert "built" in out  # the summary is the answer, on stdout


@pytest.mark.slow
def test_the_library_prints_nothing_unless_logging_is_configured(tmp_path):
    corpus = _corpus(tmp_path / "c", 1)
    script = ("from pathlib import Path; from hcc_kg.pipeline import Settings, build; "
              f"build(Settings(corpus=Path({str(corpus)!r}), out=None))")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    assert done.stderr == "" and done.stdout == ""


# Forest plot ------------------------------------------------------------------------------------

def _hazard_ratios_of(rdf: rdflib.Graph, drug_label: str) -> list[str]:
    """Printed hazard ratios of the trials with an arm giving the drug (alone or in a regimen)."""
    rows = rdf.query(f"""PREFIX hcc: <{HCC}> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
        SELECT DISTINCT ?e ?text WHERE {{
          ?drug rdfs:label ?name . FILTER(LCASE(STR(?name)) = "{drug_label}")
          ?t hcc:hasArm ?arm ; hcc:hasEffectEstimate ?e . ?e a hcc:HazardRatio ; hcc:valueText ?text .
          {{ ?arm hcc:armIntervention ?drug }} UNION {{ ?arm hcc:armIntervention/hcc:hasComponent ?drug }} }}""")
    return sorted(str(r.text) for r in rows)


def test_forest_plot_of_a_drug_has_one_row_per_hazard_ratio(tmp_path, rdf, capsys):
    expected = _hazard_ratios_of(rdf, "sorafenib")
    assert expected
    png, page = tmp_path / "hr.png", tmp_path / "hr.html"
    code, out, _ = run(["plot", "forest", "--graph", str(GRAPH), "--drug", "sorafenib", "--out", str(png),
                        "--html", str(page)], capsys)
    assert code == 0 and out.startswith(f"{len(expected)} hazard ratio(s)")
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    text = page.read_text(encoding="utf-8")
    assert "<svg" in text and not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", text)
    cells = re.findall(r"<tr><td>.*?</td><td>.*?</td><td>(.*?)</td></tr>", text)
    assert sorted(html.unescape(c).split(" (")[0] for c in cells) == expected


def test_forest_plot_of_a_query_and_of_a_trial(tmp_path, rdf, capsys):
    threshold = "0.7"
    below = {str(r.label) for r in rdf.query(f"""PREFIX hcc: <{HCC}> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
        SELECT ?label WHERE {{ ?t hcc:hasEffectEstimate ?e ; rdfs:label ?label . ?e a hcc:HazardRatio ;
        hcc:value ?v ; hcc:measuresEndpoint <https://w3id.org/hcc-kg/resource/os> FILTER(?v < {threshold}) }}""")}
    svg = tmp_path / "q.svg"
    code, _, _ = run(["plot", "forest", "--graph", str(GRAPH), "--query", "hazard_ratios_below",
                      "--param", f"threshold={threshold}", "--endpoint", "OS", "--out", str(svg)], capsys)
    assert code == 0 and svg.read_text(encoding="utf-8").lstrip().startswith("<?xml")
    for label in below:
        assert html.escape(label) in svg.read_text(encoding="utf-8")
    trial = sorted(below)[0]
    code, out, _ = run(["plot", "forest", "--graph", str(GRAPH), "--trial", trial, "--out", str(svg)], capsys)
    assert code == 0 and not out.startswith("0 ")


def test_forest_plot_refuses_an_unknown_image_type(tmp_path, capsys):
    code, _, err = run(["plot", "forest", "--graph", str(GRAPH), "--out", str(tmp_path / "x.gif")], capsys)
    assert code == 2 and ".png" in err and not (tmp_path / "x.gif").exists()


# Evidence view -------------------------------------------------------------------------------------

def _an_inhibits_fact(G) -> tuple[str, str, dict]:
    u, v, data = sorted((u, v, d) for u, v, k, d in G.edges(keys=True, data=True)
                        if k == "inhibits" and d.get("evidence"))[0]
    return G.nodes[u]["label"], G.nodes[v]["label"], data["evidence"][0]


def _document_text(doc_id: str) -> str:
    from hcc_kg.read.corpus import read_corpus
    from hcc_kg.report import Report

    return next(d.text for d in read_corpus(CORPUS, Report()) if d.doc_id == doc_id)


def test_show_marks_the_span_of_a_fact_named_in_words(tmp_path, G, capsys, corpus_dir):
    subject, obj, evidence = _an_inhibits_fact(G)
    span = _document_text(evidence["doc"])[evidence["start"]:evidence["end"]]
    page = tmp_path / "fact.html"
    code, out, _ = run(["show", f"{subject} inhibits {obj}", "--graph", str(GRAPH), "--corpus", str(corpus_dir),
                        "--html", str(page)], capsys)
    assert code == 0
    assert f"[[{' '.join(span.split())}]]" in " ".join(out.split())
    assert f"<mark>{html.escape(span)}</mark>" in page.read_text(encoding="utf-8")


def test_show_takes_a_fact_key_from_the_assertions(capsys, corpus_dir):
    record = next(r for r in map(json.loads, (REPO / "exports" / "assertions.jsonl").read_text().splitlines())
                  if r["predicate"] == "inhibits")
    code, out, _ = run(["show", record["key"], "--graph", str(GRAPH), "--corpus", str(corpus_dir)], capsys)
    assert code == 0
    assert out.count("[[") == len(record["evidence"])
    for e in record["evidence"]:
        assert f"[{e['start']}–{e['end']}]" in out


def test_show_suggests_a_relation_for_a_misspelt_predicate(G, capsys, corpus_dir):
    subject, obj, _ = _an_inhibits_fact(G)
    code, _, err = run(["show", f"{subject} inhibts {obj}", "--graph", str(GRAPH), "--corpus", str(corpus_dir)],
                       capsys)
    assert code == 9 and "did you mean inhibits" in err


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_document_progress_is_a_bar_on_a_terminal_and_lines_otherwise():
    terminal = _Terminal()
    bar = document_progress(0, terminal)
    for done in range(1, 4):
        bar("extract", done, 3)
    assert "extract" in terminal.getvalue() and "3/3" in terminal.getvalue()
    assert document_progress(-1, terminal) is None  # --quiet: no progress at all
    for verbosity, expected in ((0, 10), (1, 20)):  # every 10% by default, every document with -v
        log = io.StringIO()
        with logging_to_stderr(verbosity, log):
            progress = document_progress(verbosity, io.StringIO())
            for done in range(1, 21):
                progress("extract", done, 20)
        assert log.getvalue().count("documents") == expected
        assert "extract: 20/20 documents" in log.getvalue()
