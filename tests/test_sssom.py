"""The ontology's mappings as SSSOM: generated from the ontology (no drift), one row per SKOS
mapping, and valid for sssom-py."""

from __future__ import annotations

from pathlib import Path

import pytest
import rdflib
from rdflib.namespace import SKOS

from hcc_kg import ids
from hcc_kg.store import sssom
from hcc_kg.errors import ConfigError

REPO = Path(__file__).resolve().parents[1]
ONTOLOGY = REPO / "ontology" / "hcc_kg.ttl"
SSSOM_FILE = REPO / "ontology" / "hcc_kg.sssom.tsv"


def rows(text: str) -> list[dict[str, str]]:
    lines = [line for line in text.splitlines() if not line.startswith("#")]
    header = lines[0].split("\t")
    return [dict(zip(header, line.split("\t"))) for line in lines[1:]]


def test_committed_file_is_a_fresh_generation_from_the_ontology():
    assert SSSOM_FILE.read_text(encoding="utf-8") == sssom.sssom_tsv(ONTOLOGY), \
        "run scripts/update_sssom.py after changing a mapping in the ontology"


def test_one_row_per_skos_mapping_of_an_ontology_term():
    graph = rdflib.Graph().parse(ONTOLOGY, format="turtle")
    expected = {(ids.compress(str(s)), f"skos:{name}", ids.compress(str(o)))
                for name in sssom.MAPPING_PREDICATES for s, o in graph.subject_objects(SKOS[name])
                if str(s).startswith(ids.ONTOLOGY_NS)}
    found = [(r["subject_id"], r["predicate_id"], r["object_id"]) for r in rows(SSSOM_FILE.read_text(encoding="utf-8"))]
    assert len(found) == len(set(found)) == len(expected) >= 72
    assert set(found) == expected
    targets = {o.split(":")[0] for _, _, o in found}
    assert {"RO", "NCIT", "CHEBI", "OBI", "STATO", "biolink"} <= targets


def test_the_header_carries_licence_version_and_every_prefix_used():
    text = SSSOM_FILE.read_text(encoding="utf-8")
    graph = rdflib.Graph().parse(ONTOLOGY, format="turtle")
    onto = rdflib.URIRef(ids.ONTOLOGY_IRI)
    assert f"#license: {graph.value(onto, sssom.DCTERMS_LICENSE)}\n" in text
    assert f"#mapping_set_version: {graph.value(onto, rdflib.OWL.versionInfo)}\n" in text
    used = {r[c].split(":")[0] for r in rows(text) for c in ("subject_id", "predicate_id", "object_id")}
    for prefix in used:
        assert f"#  {prefix}: {ids.converter().prefix_map[prefix]}\n" in text


def test_a_literal_mapping_target_is_refused(tmp_path):
    broken = tmp_path / "o.ttl"
    broken.write_text(ONTOLOGY.read_text(encoding="utf-8") + '\nhcc:Drug skos:closeMatch "a web page" .\n',
                      encoding="utf-8")
    with pytest.raises(ConfigError, match="must be an IRI"):
        sssom.sssom_tsv(broken)


@pytest.mark.slow
def test_sssom_py_validates_the_file_and_rejects_a_broken_one(tmp_path):
    from interop_tools import run_tool

    result = run_tool("sssom", "validate", str(SSSOM_FILE))
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
    # the same validator objects to a prefix missing from the curie_map and to a justification
    # outside SEMAPV (so its pass means something)
    text = SSSOM_FILE.read_text(encoding="utf-8")
    rows_text = "\n".join(line for line in text.splitlines() if not line.startswith("#  RO: ")) + "\n"
    bad_justification = text.replace("\tsemapv:ManualMappingCuration\n", "\tsemapv:NoSuchJustification\n")
    for name, broken in (("no-prefix", rows_text), ("bad-justification", bad_justification)):
        assert broken != text
        path = tmp_path / f"{name}.sssom.tsv"
        path.write_text(broken, encoding="utf-8")
        assert run_tool("sssom", "validate", str(path)).returncode != 0, name
