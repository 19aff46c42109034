"""Path queries over small hand-built MultiDiGraphs."""

from __future__ import annotations

import networkx as nx
import pytest

from hcc_kg.errors import QueryError
from hcc_kg.query.paths import agents_hitting, members, resolve, typed_paths


def node(G, key, type_, label=None, synonyms=(), extra_types=()):
    G.add_node(key, key=key, label=label or key, type=type_, types=sorted({type_, *extra_types}),
               synonyms=list(synonyms))


def edge(G, u, v, predicate):
    G.add_edge(u, v, key=predicate, predicate=predicate, evidence=[{"doc": f"{u}-{v}"}])


@pytest.fixture
def G() -> nx.MultiDiGraph:
    G = nx.MultiDiGraph()
    # two family levels: kdr, flt1 -> vegfr -> rtk_class
    node(G, "rtk_class", "ProteinFamily", label="RTK class")
    node(G, "vegfr", "ProteinFamily", label="VEGFR")
    node(G, "kdr", "Protein", label="KDR", synonyms=["VEGFR2"])
    node(G, "flt1", "Protein", label="FLT1", synonyms=["VEGFR1"])
    node(G, "pdgfr_fam", "ProteinFamily", label="PDGFR")
    node(G, "pdgfrb", "Protein", label="PDGFRB")
    node(G, "pdl1", "Protein", label="PD-L1", synonyms=["CD274"])
    edge(G, "kdr", "vegfr", "isMemberOf")
    edge(G, "flt1", "vegfr", "isMemberOf")
    edge(G, "vegfr", "rtk_class", "isMemberOf")
    edge(G, "pdgfrb", "pdgfr_fam", "isMemberOf")

    # agents
    node(G, "dual_tkb", "SmallMolecule", label="Dualtinib", extra_types=["ApprovedAgent"])
    edge(G, "dual_tkb", "kdr", "inhibits")  # family VEGFR matched through its member
    edge(G, "dual_tkb", "pdl1", "inhibits")
    node(G, "bimab", "MonoclonalAntibody", label="Bimab")  # not approved
    edge(G, "bimab", "flt1", "inhibits")
    edge(G, "bimab", "pdl1", "isAntibodyAgainst")
    node(G, "solo_tkb", "SmallMolecule", label="Solotinib", extra_types=["ApprovedAgent"])
    edge(G, "solo_tkb", "kdr", "inhibits")  # one target only
    edge(G, "solo_tkb", "pdgfrb", "inhibits")
    node(G, "bystander", "SmallMolecule", label="Bystander", extra_types=["ApprovedAgent"])
    edge(G, "bystander", "kdr", "associatedWith")  # not an acts-on predicate
    edge(G, "bystander", "pdl1", "associatedWith")
    node(G, "kinase_x", "Protein", label="Kinase X")  # not an agent type
    edge(G, "kinase_x", "kdr", "inhibits")
    edge(G, "kinase_x", "pdl1", "inhibits")

    # a regimen whose components each hit one target
    node(G, "combo", "Regimen", label="Combo regimen", extra_types=["ApprovedAgent"])
    node(G, "part_mab", "MonoclonalAntibody", label="Partmab")
    node(G, "part_tkb", "SmallMolecule", label="Parttinib")
    edge(G, "combo", "part_mab", "hasComponent")
    edge(G, "combo", "part_tkb", "hasComponent")
    edge(G, "part_mab", "pdl1", "isAntibodyAgainst")
    edge(G, "part_tkb", "vegfr", "inhibits")
    return G


# --- resolve --------------------------------------------------------------------------------


@pytest.mark.parametrize("name, expected", [
    ("pdl1", "pdl1"),          # key
    ("PD-L1", "pdl1"),         # label
    ("pd l1", "pdl1"),         # label, space for hyphen
    ("cd-274", "pdl1"),        # synonym, case and hyphen ignored
    ("VEGFR-2", "kdr"),        # synonym
    ("vegfr", "vegfr"),        # key and label
    ("rtk-CLASS", "rtk_class"),
    ("DUALTINIB", "dual_tkb"),
])
def test_resolve(G, name, expected):
    assert resolve(G, name) == expected


def test_resolve_unknown_name_raises(G):
    with pytest.raises(QueryError, match="nosuchthing"):
        resolve(G, "nosuchthing")


def test_resolve_prefers_exact_key_then_non_approval():
    G = nx.MultiDiGraph()
    node(G, "approval_zed", "RegulatoryApproval", label="Zed")
    node(G, "zz", "Drug", label="Zed")
    assert resolve(G, "zed") == "zz"
    node(G, "zed", "RegulatoryApproval", label="Something else")
    assert resolve(G, "zed") == "zed"


# --- members --------------------------------------------------------------------------------


def test_members_transitive_through_two_levels(G):
    assert members(G, "rtk_class") == {"rtk_class", "vegfr", "kdr", "flt1"}
    assert members(G, "vegfr") == {"vegfr", "kdr", "flt1"}


def test_members_of_a_leaf_is_itself(G):
    assert members(G, "pdl1") == {"pdl1"}  # inhibits edges into it are not membership


# --- agents_hitting ---------------------------------------------------------------------


def test_agents_hitting_two_targets(G):
    found = agents_hitting(G, ["VEGFR", "PD-L1"])
    assert [a["key"] for a in found] == ["bimab", "combo", "dual_tkb"]


def test_agents_hitting_approved_only(G):
    found = agents_hitting(G, ["VEGFR", "PD-L1"], approved=True)
    assert [a["key"] for a in found] == ["combo", "dual_tkb"]
    assert all(a["approved"] for a in found)


def _approve(G, agent, disease, approval):
    node(G, approval, "RegulatoryApproval")
    edge(G, agent, approval, "hasApproval")
    edge(G, approval, disease, "approvedFor")


def test_agents_hitting_approved_for_a_disease_leaves_out_approvals_for_another(G):
    node(G, "zcc", "Disease", label="zorbanoma", synonyms=["ZCC"])
    node(G, "advanced_zcc", "Disease", label="advanced zorbanoma")
    edge(G, "advanced_zcc", "zcc", "isMemberOf")
    node(G, "gastric", "Disease", label="gastric cancer")
    _approve(G, "dual_tkb", "gastric", "approval_1")  # approved, but for another cancer only
    _approve(G, "combo", "advanced_zcc", "approval_2")  # for a member of the disease asked about
    anywhere = agents_hitting(G, ["VEGFR", "PD-L1"], approved=True)
    assert [a["key"] for a in anywhere] == ["combo", "dual_tkb"]
    found = agents_hitting(G, ["VEGFR", "PD-L1"], approved_for="ZCC")
    assert [(a["key"], a["approved_for"]) for a in found] == [("combo", ["advanced_zcc"])]
    with pytest.raises(QueryError, match="no entity named"):
        agents_hitting(G, ["VEGFR"], approved_for="no such disease")


def test_agents_hitting_reports_hits_and_flags(G):
    by_key = {a["key"]: a for a in agents_hitting(G, ["vegfr", "cd274"])}
    bimab = by_key["bimab"]
    assert bimab["approved"] is False
    assert bimab["type"] == "MonoclonalAntibody"
    assert bimab["label"] == "Bimab"
    assert [(h["drug"], h["target"], h["predicate"]) for h in bimab["hits"]] == [
        ("bimab", "flt1", "inhibits"), ("bimab", "pdl1", "isAntibodyAgainst")]
    assert bimab["hits"][0]["evidence"] == [{"doc": "bimab-flt1"}]


def test_regimen_hits_through_its_components(G):
    combo = {a["key"]: a for a in agents_hitting(G, ["VEGFR", "PD-L1"])}["combo"]
    assert combo["type"] == "Regimen"
    assert {(h["drug"], h["target"]) for h in combo["hits"]} == {("part_tkb", "vegfr"), ("part_mab", "pdl1")}


def test_single_target_agents_and_family_level(G):
    found = [a["key"] for a in agents_hitting(G, ["RTK class"])]
    # every agent acting on any member of the two-level family
    assert found == ["bimab", "combo", "dual_tkb", "part_tkb", "solo_tkb"]


def test_agent_hitting_one_of_two_targets_is_excluded(G):
    keys = [a["key"] for a in agents_hitting(G, ["KDR", "PDGFRB"])]
    assert keys == ["solo_tkb"]
    keys = [a["key"] for a in agents_hitting(G, ["VEGFR", "PD-L1"])]
    assert "solo_tkb" not in keys and "bystander" not in keys and "kinase_x" not in keys
    assert "part_mab" not in keys and "part_tkb" not in keys


def test_agents_hitting_unknown_or_empty_target(G):
    with pytest.raises(QueryError):
        agents_hitting(G, ["VEGFR", "unheard-of"])
    with pytest.raises(QueryError):
        agents_hitting(G, [])


# --- typed_paths ----------------------------------------------------------------------------


@pytest.fixture
def P() -> nx.MultiDiGraph:
    P = nx.MultiDiGraph()
    node(P, "a", "SmallMolecule", label="Agent A")
    node(P, "b", "SmallMolecule", label="Agent B")
    node(P, "t", "Protein", label="Target T")
    node(P, "f", "ProteinFamily", label="Family F")
    node(P, "x", "Protein", label="Protein X")
    node(P, "d", "Disease", label="Disease D")
    node(P, "r", "RegulatoryApproval", label="Approval R")
    edge(P, "a", "t", "inhibits")
    edge(P, "t", "f", "isMemberOf")
    edge(P, "b", "f", "inhibits")
    edge(P, "a", "x", "inhibits")
    edge(P, "b", "x", "inhibits")
    # hubs: would give shorter a-b routes if traversed
    edge(P, "a", "d", "treats")
    edge(P, "b", "d", "treats")
    edge(P, "r", "a", "approves")
    edge(P, "r", "b", "approves")
    return P


def nodes_of(path):
    return [step["node"] for step in path[::2]]


def test_paths_shortest_first_with_directions(P):
    paths = typed_paths(P, "Agent A", "Agent B")
    assert [nodes_of(p) for p in paths] == [["a", "x", "b"], ["a", "t", "f", "b"]]
    assert paths[0] == [
        {"node": "a", "label": "Agent A", "type": "SmallMolecule"},
        {"predicate": "inhibits", "direction": "->"},
        {"node": "x", "label": "Protein X", "type": "Protein"},
        {"predicate": "inhibits", "direction": "<-"},
        {"node": "b", "label": "Agent B", "type": "SmallMolecule"},
    ]
    assert [s["direction"] for s in paths[1][1::2]] == ["->", "->", "<-"]
    assert [s["predicate"] for s in paths[1][1::2]] == ["inhibits", "isMemberOf", "inhibits"]


def test_hubs_not_traversed_in_the_middle(P):
    for path in typed_paths(P, "a", "b", max_length=6):
        assert not {"d", "r"} & set(nodes_of(path)[1:-1])


def test_max_length_respected(P):
    assert [nodes_of(p) for p in typed_paths(P, "a", "b", max_length=2)] == [["a", "x", "b"]]
    assert typed_paths(P, "a", "b", max_length=1) == []


def test_hub_allowed_as_endpoint(P):
    paths = typed_paths(P, "a", "Disease D")
    assert nodes_of(paths[0]) == ["a", "d"]
    assert paths[0][1] == {"predicate": "treats", "direction": "->"}
    for path in paths:
        assert nodes_of(path)[-1] == "d"
        assert "r" not in nodes_of(path)
    # the route via b reaches d only at the end
    assert ["a", "x", "b", "d"] in [nodes_of(p) for p in paths]


def test_reverse_direction_from_hub(P):
    paths = typed_paths(P, "Approval R", "a")
    assert nodes_of(paths[0]) == ["r", "a"]
    assert paths[0][1] == {"predicate": "approves", "direction": "->"}
    back = typed_paths(P, "a", "Approval R")
    assert back[0][1] == {"predicate": "approves", "direction": "<-"}


def test_limit_caps_the_number_of_paths(P):
    assert len(typed_paths(P, "a", "b", limit=1)) == 1


def test_unknown_endpoint_raises(P):
    with pytest.raises(QueryError):
        typed_paths(P, "a", "nowhere")


def test_isolated_endpoint_gives_no_paths(P):
    node(P, "lonely", "Protein", label="Lonely")
    assert typed_paths(P, "a", "lonely") == []


def test_a_regimen_hits_through_its_own_edges_too():
    G = nx.MultiDiGraph()
    for key, kind in (("reg", "Regimen"), ("a", "SmallMolecule"), ("t", "Protein")):
        G.add_node(key, key=key, label=key, type=kind, types=[kind], synonyms=[])
    G.add_edge("reg", "a", key="hasComponent", predicate="hasComponent")
    G.add_edge("reg", "t", key="inhibits", predicate="inhibits", evidence=[])
    assert [r["key"] for r in agents_hitting(G, ["t"])] == ["reg"]


# --- bounded search (issue 13: `paths --max-length 12 --limit 100000000` ran for minutes) -----

import itertools as _itertools  # noqa: E402
import random as _random  # noqa: E402
import time as _time  # noqa: E402

from hcc_kg.query.paths import PathSearchTooLarge, iter_paths  # noqa: E402


def _clique(n: int) -> nx.MultiDiGraph:
    """n proteins, every pair linked: the number of simple paths explodes with their length."""
    G = nx.MultiDiGraph()
    for i in range(n):
        node(G, f"p{i:02d}", "Protein", label=f"Protein {i}")
    for i, j in _itertools.combinations(range(n), 2):
        edge(G, f"p{i:02d}", f"p{j:02d}", "interactsWith")
    return G


@pytest.mark.parametrize("seed", range(25))
def test_bounded_search_lists_exactly_networkx_simple_paths_in_the_same_order(seed):
    rng = _random.Random(seed)
    G = nx.MultiDiGraph()
    keys = [f"n{i}" for i in range(9)]
    for k in keys:
        node(G, k, rng.choice(["Protein", "SmallMolecule", "Disease"]), label=k.upper())
    for _ in range(16):
        u, v = rng.sample(keys, 2)
        edge(G, u, v, rng.choice(["inhibits", "isMemberOf"]))
    start, end = keys[0], keys[-1]
    undirected = nx.Graph()  # the reference: every simple path, sorted, as the search used to do
    for u, v in G.edges():
        if all(n in (start, end) or G.nodes[n]["type"] != "Disease" for n in (u, v)):
            undirected.add_edge(u, v)
    for cutoff in (1, 3, 5):
        expected = (sorted(nx.all_simple_paths(undirected, start, end, cutoff=cutoff), key=lambda p: (len(p), p))
                    if start in undirected and end in undirected else [])
        assert list(iter_paths(G, start, end, cutoff)) == expected


def test_search_stops_at_the_limit_without_enumerating_every_path():
    G = _clique(40)  # about 10^12 simple paths of up to 8 edges between two nodes
    started = _time.monotonic()
    paths = typed_paths(G, "p00", "p39", max_length=8, limit=500)
    assert len(paths) == 500 and _time.monotonic() - started < 10
    lengths = [len(p) // 2 for p in paths]
    assert lengths == sorted(lengths) and lengths[0] == 1  # shortest first: the direct edge


def test_search_past_its_budget_is_a_clear_error_not_a_hang():
    G = _clique(40)
    started = _time.monotonic()
    with pytest.raises(PathSearchTooLarge, match="--max-length"):
        list(iter_paths(G, "p00", "p39", max_length=8, max_expansions=200_000))
    assert _time.monotonic() - started < 20


def test_cli_paths_on_a_dense_graph_exits_9_quickly(tmp_path, capsys):
    from hcc_kg.cli import main

    lines = ["@prefix hcc: <https://w3id.org/hcc-kg/ontology#> .", "@prefix r: <https://w3id.org/hcc-kg/resource/> .",
             "@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .", "@prefix owl: <http://www.w3.org/2002/07/owl#> ."]
    n = 40
    lines += [f'r:p{i:02d} a hcc:Protein, owl:NamedIndividual ; rdfs:label "protein {i}" .' for i in range(n)]
    lines += [f"r:p{i:02d} hcc:inhibits r:p{j:02d} ." for i, j in _itertools.combinations(range(n), 2)]
    # the only way out of the clique is p00 -> gate -> end: one path, but ~10^8 dead-end walks
    lines += ['r:gate a hcc:Protein, owl:NamedIndividual ; rdfs:label "gate" .',
              'r:end a hcc:Protein, owl:NamedIndividual ; rdfs:label "end" .',
              "r:p00 hcc:inhibits r:gate .", "r:gate hcc:inhibits r:end ."]
    graph = tmp_path / "dense.ttl"
    graph.write_text("\n".join(lines) + "\n", encoding="utf-8")
    started = _time.monotonic()
    code = main(["paths", "protein 0", "end", "--graph", str(graph), "--max-length", "8", "--limit", "10000"])
    captured = capsys.readouterr()
    assert _time.monotonic() - started < 90
    assert code == 9 and "--max-length" in captured.err and captured.out == ""
