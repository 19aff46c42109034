"""Tests for hcc_kg.lexicon (the generated lexicon under the hand vocabulary) and the gene-context
guard in extract/gene_context.py.  Every lexicon here is a small invented file."""

from __future__ import annotations

import gzip
import importlib.util
import sys
from pathlib import Path

import pytest

from hcc_kg.errors import VocabularyError
from hcc_kg.extract.gene_context import confirmed, cue_around
from hcc_kg.extract.mentions import MentionFinder
from hcc_kg.extract.normalize import normalize
from hcc_kg.lexicon import (COLUMNS, LexiconRow, load_lexicon_vocabulary, merge_lexicon, read_lexicon,
                            read_stoplist)
from hcc_kg.pipeline import Settings, load_settings_vocabulary
from hcc_kg.vocab import Entity, Vocabulary

HAND = Vocabulary([
    Entity("zorafenib", "zorafenib", ("SmallMolecule",), ("Zorvix",), xrefs=("drugbank:DB99001",)),
    Entity("qdr", "QDR", ("Protein", "Kinase"), ("QEGFR2",), xrefs=("hgnc:90001",)),
    Entity("qegfr_family", "QEGFR family", ("ProteinFamily",), ("QEGFR",), members=("qdr",)),
    Entity("taco", "TACO", ("Procedure",), ("trans-arterial cobbling",)),
])

ROWS = [
    # key, types, label, names, guarded, xrefs, members
    ("qdr", "Protein", "QDR", "QDR|quinase domain receptor|FLQ1|QEGFR2", "", "hgnc:90001|uniprot:Q99991", ""),
    ("taco1", "Protein", "TACO1", "TACO1|TACO|tacotin", "", "hgnc:90002", ""),
    ("glow", "Protein", "GLOW", "GLOW|glowin", "GLOW", "hgnc:90003", ""),
    ("mett", "Protein", "METT", "METT|METT proto-oncogene|ORR", "", "hgnc:90004", ""),
    ("wizz", "Protein", "WIZZ", "WIZZ|wizzase", "", "hgnc:90005", ""),
    ("qegfr_family", "ProteinFamily", "QEGFR", "QEGFR|QEGF receptors", "", "fplx:QEGFR", "qdr|qdr3"),
    ("qdr3", "Protein", "QDR3", "QDR3|QEGFR3", "", "hgnc:90006", ""),
    ("zorafenib", "SmallMolecule", "zorafenib", "zorafenib|Zorafenib|zorafenib tosylate", "",
     "drugbank:DB99001|CHEBI:99001", ""),
    ("blipimab", "MonoclonalAntibody", "blipimab", "blipimab|BLP-007", "", "drugbank:DB99002", ""),
]


def write_lexicon(folder: Path, rows=ROWS) -> Path:
    path = folder / "lexicon.tsv.gz"
    lines = ["# invented lexicon for tests", "\t".join(COLUMNS)] + ["\t".join(r) for r in rows]
    with gzip.open(path, "wt", encoding="utf-8") as handle:
        handle.write("\n".join(lines) + "\n")
    return path


def write_stoplist(folder: Path) -> Path:
    path = folder / "stoplist.tsv"
    path.write_text("# test stoplist\nORR\tdrop\tresponse rate\nMETT\tcontext\ta word here\n", encoding="utf-8")
    return path


@pytest.fixture()
def merged(tmp_path) -> Vocabulary:
    return load_lexicon_vocabulary(HAND, write_lexicon(tmp_path), write_stoplist(tmp_path))


def found(vocabulary: Vocabulary, text: str) -> list[tuple[str, str]]:
    return [(m.key, text[m.start:m.end]) for m in MentionFinder(vocabulary).find(normalize(text))]


# --- reading ---------------------------------------------------------------------------

def test_reads_rows_of_a_gzip_lexicon(tmp_path):
    rows = read_lexicon(write_lexicon(tmp_path))
    assert rows[0] == LexiconRow("qdr", ("Protein",), "QDR", ("QDR", "quinase domain receptor", "FLQ1", "QEGFR2"),
                                 (), ("hgnc:90001", "uniprot:Q99991"), ())


def test_a_plain_or_windows_line_ended_lexicon_reads_as_the_gzip_one(tmp_path):
    expected = read_lexicon(write_lexicon(tmp_path))
    text = gzip.decompress((tmp_path / "lexicon.tsv.gz").read_bytes()).decode("utf-8")
    (tmp_path / "plain.tsv").write_text(text, encoding="utf-8", newline="")
    (tmp_path / "windows.tsv").write_text(text.replace("\n", "\r\n"), encoding="utf-8", newline="")
    assert read_lexicon(tmp_path / "plain.tsv") == read_lexicon(tmp_path / "windows.tsv") == expected


@pytest.mark.parametrize("damage", [lambda b: b[: len(b) // 2], lambda b: b[:10] + b"\xff" * 40 + b[50:]])
def test_a_damaged_gzip_lexicon_is_a_vocabulary_error(tmp_path, damage):
    path = write_lexicon(tmp_path)
    path.write_bytes(damage(path.read_bytes()))
    with pytest.raises(VocabularyError, match="cannot read lexicon"):
        read_lexicon(path)


def test_a_lexicon_without_its_header_is_refused(tmp_path):
    path = tmp_path / "bad.tsv"
    path.write_text("key\tlabel\nqdr\tQDR\n", encoding="utf-8")
    with pytest.raises(VocabularyError, match="header"):
        read_lexicon(path)


def test_a_stoplist_action_must_be_drop_or_context(tmp_path):
    path = tmp_path / "stop.tsv"
    path.write_text("ORR\tignore\n", encoding="utf-8")
    with pytest.raises(VocabularyError, match="drop"):
        read_stoplist(path)


# --- merging under the hand vocabulary -----------------------------------------------------

def test_a_duplicate_by_id_folds_into_the_hand_entity(merged):
    qdr = merged["qdr"]
    assert (qdr.label, qdr.types) == ("QDR", ("Protein", "Kinase"))  # the hand's label and types win
    assert "FLQ1" in qdr.synonyms and "quinase domain receptor" in qdr.synonyms
    assert qdr.synonyms.count("QEGFR2") == 1
    assert [e.key for e in merged if "FLQ1" in e.names()] == ["qdr"]  # no second node


def test_a_duplicate_family_keeps_the_hand_members(merged):
    family = merged["qegfr_family"]
    assert family.members == ("qdr",) and "QEGF receptors" in family.synonyms
    assert "qdr3" in merged and merged.families_of("qdr3") == []


def test_a_hand_name_of_another_entity_wins(merged):
    assert "TACO" not in merged["taco1"].names()
    assert found(merged, "after TACO the tacotin level fell") == [("taco", "TACO"), ("taco1", "tacotin")]


def test_same_drug_by_drugbank_id_is_not_a_second_node(merged):
    assert [e.key for e in merged if e.has_type("SmallMolecule")] == ["zorafenib"]
    assert "zorafenib tosylate" in merged["zorafenib"].synonyms
    assert merged["blipimab"].types == ("MonoclonalAntibody",)


def test_new_entities_are_added_with_their_ids(merged):
    assert merged["wizz"].xrefs == ("hgnc:90005",)
    assert found(merged, "WIZZ and wizzase rose") == [("wizz", "WIZZ"), ("wizz", "wizzase")]


def test_settings_can_turn_the_lexicon_off(tmp_path):
    off = load_settings_vocabulary(Settings(corpus=tmp_path, lexicon=False))
    on = load_settings_vocabulary(Settings(corpus=tmp_path))
    assert len(on) > 10 * len(off)
    for entity in off:  # every hand entity keeps its key, label and types
        assert (on[entity.key].label, on[entity.key].types) == (entity.label, entity.types)


# --- the stoplist and the gene-context guard --------------------------------------------------

def test_a_dropped_name_never_matches(merged):
    assert "ORR" not in merged["mett"].names()
    assert found(merged, "the ORR was 30%") == []


def test_a_guarded_word_is_not_matched_in_lowercase_prose(merged):
    assert found(merged, "the dials glow softly") == []
    assert found(merged, "a GLOW appeared on the scan") == []
    assert found(merged, "GLOW amplification was frequent") == [("glow", "GLOW")]


def test_a_guarded_symbol_needs_a_gene_context(merged):
    assert found(merged, "we METT the criteria in time") == []
    assert found(merged, "the METT inhibitor was given") == [("mett", "METT")]
    assert found(merged, "inhibitors of METT were tried") == [("mett", "METT")]
    assert found(merged, "anti-METT antibodies bound") == [("mett", "METT")]


def test_a_guarded_symbol_counts_in_a_list_of_genes(merged):
    assert found(merged, "it hits QDR, METT and GLOW") == [("qdr", "QDR"), ("mett", "METT"), ("glow", "GLOW")]
    assert found(merged, "METT and GLOW then") == []  # two guarded names do not vouch for each other


def test_a_guarded_symbol_counts_in_parentheses_after_its_full_name(merged):
    text = "the METT proto-oncogene (METT) was amplified"
    assert [k for k, _ in found(merged, text)] == ["mett", "mett"]


def test_exact_case_keeps_an_all_caps_symbol_from_matching_a_word():
    rows = [LexiconRow("zzimpact", ("Protein",), "ZIMPACT", ("ZIMPACT",), (), ("hgnc:1",), ())]
    vocabulary = merge_lexicon(Vocabulary([]), rows, {})
    assert vocabulary["zzimpact"].exact_case == ("ZIMPACT",)
    assert found(vocabulary, "a zimpact score") == []
    assert found(vocabulary, "ZIMPACT rose") == [("zzimpact", "ZIMPACT")]


def test_cues_before_and_after():
    assert cue_around("c-METT signalling", 2, 6)
    assert cue_around("targeting METT here", 10, 14)
    assert not cue_around("the METT of the day", 4, 8)
    assert confirmed("QDR / METT", [(0, 3, False), (6, 10, True)]) == [True, True]


# --- the generator's own rules (scripts/build_lexicon.py) ------------------------------------

def _build_script():
    path = Path(__file__).resolve().parents[1] / "scripts" / "build_lexicon.py"
    spec = importlib.util.spec_from_file_location("build_lexicon", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the class is built
    spec.loader.exec_module(module)
    return module


def test_an_alias_shared_by_two_genes_is_dropped_and_never_shadows_a_symbol():
    build = _build_script()
    one, two, three = (build.Record(k, ("Protein",), k.upper()) for k in ("abc1", "abc2", "xyz9"))
    for record in (one, two, three):
        record.add(record.label, build.LABEL)
    one.add("SHARED7", build.ALIAS)
    two.add("SHARED7", build.ALIAS)
    three.add("ABC1", build.ALIAS)  # an alias equal to another gene's symbol
    build.resolve_names([one, two, three])
    assert list(one.names) == ["ABC1"] and list(two.names) == ["ABC2"] and list(three.names) == ["XYZ9"]


def test_the_generator_guards_words_and_drops_word_only_aliases():
    build = _build_script()
    record = build.Record("mett", ("Protein",), "METT")
    for name, tier in (("METT", build.LABEL), ("mettle growth factor", build.ALIAS), ("Oct4", build.ALIAS)):
        record.add(name, tier)
    build.guard_words([record], {"mett", "mettle", "growth", "factor"})
    assert set(record.names) == {"METT", "Oct4"} and record.guarded == {"METT", "Oct4"}


# --- a brand the lexicon now names does not break the drug's sentence (extract/targets.py) -----

def test_a_brand_in_a_longer_parenthesis_stays_part_of_its_drug():
    from hcc_kg.extract.analysis import AnalysedDocument
    from hcc_kg.extract.mechanisms import mechanism_statements
    from hcc_kg.model import Document

    vocabulary = Vocabulary([Entity("zorafenib", "zorafenib", ("SmallMolecule",), ("Zorvix",)),
                             Entity("barnib", "barnib", ("SmallMolecule",)),
                             Entity("qdr", "QDR", ("Protein",))])
    body = "Zorafenib (Zorvix®, Zorvamax®), a made-up analogue of barnib, is an oral inhibitor of QDR."
    doc = AnalysedDocument(Document.from_text("d1", f"Invented notes\n{body}\n"), vocabulary, MentionFinder(vocabulary))
    assert {(a.subject, a.object) for a in mechanism_statements(doc)} == {("zorafenib", "qdr")}


def test_a_gene_is_not_folded_into_a_hand_family_that_shares_its_symbol():
    hand = Vocabulary([Entity("angio_family", "angiofamily", ("ProteinFamily",), ("ANGX",), members=())])
    rows = [LexiconRow("angx", ("Protein",), "ANGX", ("ANGX", "angixin"), (), ("hgnc:7",), ())]
    merged = merge_lexicon(hand, rows, {})
    assert merged["angx"].names() == ("angixin",) and merged["angio_family"].synonyms == ("ANGX",)


def test_a_regimen_acronym_is_dropped_like_any_stoplisted_name(tmp_path):
    """"regimen" marks a name no lexicon entry may take but a document may define for a combination
    (extract/regimen_abbreviations.py): for the lexicon it is dropped."""
    stop = tmp_path / "stop.tsv"
    stop.write_text("BLP-007\tregimen\tan invented regimen acronym\n", encoding="utf-8")
    assert read_stoplist(stop) == {"blp007": "regimen"}
    vocabulary = load_lexicon_vocabulary(HAND, write_lexicon(tmp_path), stop)
    assert "BLP-007" not in vocabulary["blipimab"].names()
    assert found(vocabulary, "BLP-007 was given") == []
