"""Bad input at the command line: clear errors and documented exit codes, never tracebacks.

Every input here is invented; none comes from the corpus.
"""

from __future__ import annotations

import subprocess
import sys

import pytest

from hcc_kg.cli import main
from hcc_kg.errors import BROKEN_PIPE_EXIT, VocabularyError, exit_code_for
from hcc_kg.query.binding import PARSERS
from hcc_kg.query.library import QueryLibrary
from hcc_kg.vocab import default_vocabulary_path, load_vocabulary

BAD_PARAMETER = 9

TINY_TURTLE = """@prefix ex: <http://example.org/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
ex:a rdfs:label "alpha" .
"""


def _run(argv, capsys):
    code = main(argv)
    err = capsys.readouterr().err
    return code, err


# 1. A reader that closes the pipe early -------------------------------------------------

def test_closed_stdout_exits_quietly_without_a_traceback():
    proc = subprocess.Popen([sys.executable, "-m", "hcc_kg.cli", "sparql", "--list"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    proc.stdout.close()  # like `| head -0`: the reader is gone before the first write
    err = proc.stderr.read().decode()
    assert proc.wait(timeout=120) == BROKEN_PIPE_EXIT
    assert "Traceback" not in err and "BrokenPipeError" not in err and "Exception ignored" not in err


def test_reader_that_takes_one_line_then_closes():
    writer = subprocess.Popen([sys.executable, "-m", "hcc_kg.cli", "sparql", "--list", "--format", "json"],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert writer.stdout.readline()  # one line read, then the reader goes away
    writer.stdout.close()
    err = writer.stderr.read().decode()
    assert writer.wait(timeout=120) in (0, BROKEN_PIPE_EXIT)
    assert "Traceback" not in err and "Exception ignored" not in err


# 2. Numeric options checked at parse time -----------------------------------------------

@pytest.mark.parametrize("argv", [
    ["trials", "--hr-below", "nan"], ["trials", "--hr-below", "inf"], ["trials", "--hr-below", "-1"],
    ["trials", "--hr-below", "0"], ["trials", "--hr-below", "abc"],
    ["sparql", "--list", "--timeout", "-1"], ["sparql", "--list", "--timeout", "nan"],
    ["sparql", "--list", "--timeout", "inf"], ["sparql", "--list", "--timeout", "0"],
    ["load", "--endpoint", "http://127.0.0.1:9/store", "--timeout", "-1"],
    ["load", "--endpoint", "http://127.0.0.1:9/store", "--timeout", "nan"],
    ["paths", "a", "b", "--limit", "-1"], ["paths", "a", "b", "--limit", "0"],
    ["paths", "a", "b", "--limit", "1" + "0" * 5000], ["paths", "a", "b", "--limit", "100000000"],
    ["paths", "a", "b", "--max-length", "0"], ["paths", "a", "b", "--max-length", "-3"],
    ["paths", "a", "b", "--max-length", "12"], ["paths", "a", "b", "--max-length", "x"],
])
def test_out_of_range_numeric_options_exit_9(argv, capsys, tmp_path):
    graph = tmp_path / "g.ttl"
    graph.write_text(TINY_TURTLE, encoding="utf-8")
    extra = ["--graph", str(graph)] if argv[0] in ("trials", "paths") else []
    code, err = _run(argv + extra, capsys)
    assert code == BAD_PARAMETER
    option = next(a for a in argv if a.startswith("--") and a != "--list" and a != "--endpoint"
                  and argv[argv.index(a) + 1] not in ("http://127.0.0.1:9/store",))
    assert option in err and "Traceback" not in err


def test_in_range_numeric_options_still_parse():
    from hcc_kg.cli import parser

    assert parser().parse_args(["trials", "--hr-below", "0.8"]).hr_below == 0.8
    assert parser().parse_args(["sparql", "--timeout", "2.5"]).timeout == 2.5
    args = parser().parse_args(["paths", "a", "b", "--limit", "1", "--max-length", "8"])
    assert (args.limit, args.max_length) == (1, 8)


# 3. Numeric SPARQL parameters the stores cannot hold --------------------------------------

@pytest.fixture(scope="module")
def library():
    return QueryLibrary.load(None)


@pytest.mark.parametrize("query, name, value", [
    ("largest_trials", "min_patients", "9" * 5000),
    ("largest_trials", "min_patients", "-" + "1" * 4400),
    ("largest_trials", "min_patients", "9223372036854775808"),
    ("hazard_ratios_below", "threshold", "0.6000000000000000001"),
    ("hazard_ratios_below", "threshold", "1" + "0" * 40),
    ("hazard_ratios_below", "threshold", "-" + "9" * 31 + ".5"),
])
def test_numeric_parameters_beyond_the_stores_are_refused(library, query, name, value):
    from hcc_kg.errors import BadParameterError

    with pytest.raises(BadParameterError) as info:
        PARSERS[library.get(query).param(name).type](value, None)
    assert exit_code_for(info.value) == BAD_PARAMETER
    assert len(str(info.value)) < 400  # the message names the value without echoing 5,000 digits


def test_numeric_parameters_within_range_still_bind(library):
    assert library.get("hazard_ratios_below").param("threshold").type == "decimal"
    assert str(PARSERS["decimal"]("0.600000000000000001", None)) == "0.600000000000000001"
    assert str(PARSERS["decimal"]("-1234567890123456789.5", None)) == "-1234567890123456789.5"
    assert str(PARSERS["integer"]("9223372036854775807", None)) == "9223372036854775807"


def test_five_thousand_digit_integer_on_the_command_line_exits_9(capsys, tmp_path):
    graph = tmp_path / "g.ttl"
    graph.write_text(TINY_TURTLE, encoding="utf-8")
    code, err = _run(["sparql", "largest_trials", "--graph", str(graph), "--param", "min_patients=" + "7" * 5000],
                     capsys)
    assert code == BAD_PARAMETER and "out of range" in err and "Traceback" not in err


# 4. Missing, truncated or malformed --graph: one code for every command ---------------------

GRAPH_COMMANDS = [["agents", "--hits", "alpha"], ["trials"], ["paths", "alpha", "beta"], ["chain", "alpha"],
                  ["sparql", "shared_targets"], ["view", "--out", "OUT"]]


@pytest.mark.parametrize("content", [
    None,  # missing
    "this is <<< not Turtle at all",
    "@prefix ex: <http://example.org/> .\nex:a ex:b ",  # truncated mid-triple
    b"\xff\xfe\x00 not utf-8",
])
@pytest.mark.parametrize("command", GRAPH_COMMANDS, ids=lambda c: c[0])
def test_every_graph_reader_gives_the_same_code(command, content, capsys, tmp_path):
    graph = tmp_path / "g.ttl"
    if isinstance(content, str):
        graph.write_text(content, encoding="utf-8")
    elif isinstance(content, bytes):
        graph.write_bytes(content)
    argv = [str(tmp_path / "out.html") if a == "OUT" else a for a in command] + ["--graph", str(graph)]
    code, err = _run(argv, capsys)
    assert code == BAD_PARAMETER
    assert str(graph) in err and "Traceback" not in err


# 5. YAML alias bombs in vocabulary files -------------------------------------------------

ALIAS_BOMB = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 9)}]\n" for i in range(8)) + "entities: []\n"


def test_packaged_vocabulary_has_no_anchors():
    load_vocabulary(default_vocabulary_path())  # loads under the alias-refusing reader


@pytest.mark.parametrize("text", [
    ALIAS_BOMB,
    "base: &b {name: Foo}\nentities:\n  - *b\n",
])
def test_vocabulary_with_aliases_is_refused(text, tmp_path):
    path = tmp_path / "extra.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(VocabularyError, match="anchors and aliases") as info:
        load_vocabulary(path)
    assert exit_code_for(info.value) == 5


def test_alias_bomb_in_extra_vocabulary_exits_5(tmp_path, capsys):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "note.md").write_text("# Note\nSorafenib inhibits RAF1.\n", encoding="utf-8")
    bomb = tmp_path / "bomb.yaml"
    bomb.write_text(ALIAS_BOMB, encoding="utf-8")
    code, err = _run(["build", "--corpus", str(corpus), "--out", str(tmp_path / "out"),
                      "--extra-vocabulary", str(bomb), "--no-lexicon"], capsys)
    assert code == 5 and "anchors and aliases" in err
