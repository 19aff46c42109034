"""The notebook tour: committed without outputs, and runs top to bottom on a built graph."""

from __future__ import annotations

import re
import shutil

import pytest

from conftest import REPO

NOTEBOOK = REPO / "notebooks" / "tour.ipynb"
#: Overall-survival hazard ratios with a confidence interval, each under a trial.
OS_HAZARD_RATIOS = """
PREFIX hcc: <https://w3id.org/hcc-kg/ontology#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT DISTINCT ?trial ?hr WHERE {
  ?trial hcc:hasEffectEstimate ?hr .
  ?hr hcc:measuresEndpoint ?endpoint ; hcc:ciLower ?low ; hcc:ciUpper ?high .
  ?endpoint skos:altLabel "OS" .
}"""


def test_committed_notebook_has_no_outputs():
    nbformat = pytest.importorskip("nbformat")
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    nbformat.validate(notebook)
    code = [cell for cell in notebook.cells if cell.cell_type == "code"]
    assert code
    assert [cell.outputs for cell in code] == [[] for _ in code]
    assert {cell.execution_count for cell in code} == {None}


@pytest.mark.slow
def test_tour_runs_top_to_bottom(built, corpus_dir, tmp_path, monkeypatch):
    nbformat = pytest.importorskip("nbformat")
    nbclient = pytest.importorskip("nbclient")
    pytest.importorskip("ipykernel")
    copy = tmp_path / "notebooks" / "tour.ipynb"
    copy.parent.mkdir()
    shutil.copy(NOTEBOOK, copy)
    graph_file = next(p for p in built.outputs if p.name == "hcc_kg.ttl")
    monkeypatch.setenv("HCC_KG_CORPUS", str(corpus_dir))
    monkeypatch.setenv("HCC_KG_GRAPH", str(graph_file))
    monkeypatch.setenv("TMPDIR", str(tmp_path))  # the tour's saved pages and plot stay in this test's folder
    notebook = nbformat.read(copy, as_version=4)
    nbclient.NotebookClient(notebook, timeout=600, kernel_name="python3",
                            resources={"metadata": {"path": str(copy.parent)}}).execute()

    outputs = [o for cell in notebook.cells if cell.cell_type == "code" for o in cell.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    text = "".join(o.get("text", "") for o in outputs if o.output_type == "stream" and o.get("name") == "stdout")
    html = "".join(o.get("data", {}).get("text/html", "") for o in outputs)
    assert "NetworkX and SPARQL agree." in text
    assert "<table>" in html and html.count("<iframe") == 2
    assert any("image/png" in o.get("data", {}) for o in outputs)
    plotted = int(re.search(r"plotted (\d+) hazard ratios", text).group(1))
    assert plotted == len(list(built.graph.query(OS_HAZARD_RATIOS))) > 0
    assert re.search(r"\[\d+-\d+\] \([a-z-]+\): \S", text)  # spans read back from the corpus
