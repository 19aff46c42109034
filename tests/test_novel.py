"""Drug names no vocabulary holds (extract/novel.py), on invented sentences and invented drugs."""

from __future__ import annotations

import json

import pytest

from hcc_kg.extract import extract_document
from hcc_kg.extract.analysis import LayeredFinder
from hcc_kg.extract.mentions import MentionFinder
from hcc_kg.extract.normalize import normalize
from hcc_kg.extract.novel import RECOGNISED, SYNONYM, recognise_text
from hcc_kg.assemble.naming import document_sections, extend_vocabulary, split_naming
from hcc_kg.model import Assertion, Document, Evidence
from hcc_kg.report import Report
from hcc_kg.vocab import Entity, Vocabulary, load_vocabulary

TKI = ("SmallMolecule", "TyrosineKinaseInhibitor")
MAB = ("MonoclonalAntibody",)
BISPECIFIC = ("BispecificAntibody", "MonoclonalAntibody")


@pytest.fixture(scope="module")
def vocabulary() -> Vocabulary:
    return load_vocabulary()


def found(text: str, vocabulary: Vocabulary) -> dict:
    return {r.key: r for r in recognise_text(text, vocabulary)}


@pytest.mark.parametrize("name, types", [
    ("zorbatinib", TKI), ("velrafenib", TKI), ("quorvanib", TKI),
    ("dorociclib", ("SmallMolecule",)), ("xenolisib", ("SmallMolecule",)), ("trovaparib", ("SmallMolecule",)),
    ("pendadegib", ("SmallMolecule",)), ("quarzomib", ("SmallMolecule",)), ("velaplatin", ("SmallMolecule",)),
    ("zelarubicin", ("SmallMolecule",)), ("quencitabine", ("SmallMolecule",)), ("dorataxel", ("SmallMolecule",)),
    ("vorinotecan", ("SmallMolecule",)),
    ("quelimab", MAB), ("brontuzumab", MAB), ("serotuximab", MAB), ("dalvumab", MAB), ("epcortamab", MAB),
    ("flendiciximab", MAB), ("voralotug", MAB), ("veltabart", MAB), ("zanolamig", BISPECIFIC),
    ("liroleucel", ("CellTherapy",)), ("marvocept", ("Drug",)),
    ("zelvasertib", ("SmallMolecule",)), ("quorarasib", ("SmallMolecule",)), ("trovasidenib", ("SmallMolecule",)),
    ("dalvetoclax", ("SmallMolecule",)), ("pendametostat", ("SmallMolecule",)), ("zorbadostat", ("SmallMolecule",)),
    ("velolutamide", ("SmallMolecule",)), ("zorbinostat", ("SmallMolecule",)),
    ("quelafusp", ("Drug",)), ("zorbasiran", ("Drug",)), ("velonersen", ("Drug",)), ("talorepvec", ("Drug",)),
])
def test_each_stem_types_the_name(vocabulary, name, types):
    result = found(f"Patients in the second group were given {name} every three weeks.", vocabulary)
    assert list(result) == [name]
    assert result[name].types == types and not result[name].known
    assert result[name].cues[0].startswith("stem -")


@pytest.mark.parametrize("text, key", [
    ("Patients received zorbituzumab vedotin every three weeks.", "zorbituzumab_vedotin"),
    ("Zorbituzumab deruxtecan was well tolerated.", "zorbituzumab_deruxtecan"),
    ("An invented conjugate, quelimab tesirine, was given.", "quelimab_tesirine"),
])
def test_an_antibody_with_its_payload_is_one_conjugate_name(vocabulary, text, key):
    result = found(text, vocabulary)
    assert list(result) == [key] and result[key].types == MAB


@pytest.mark.parametrize("text, keys", [
    ("Patients received quelimab, ZX 4410 and QR-551 in the invented study.", ["qr_551", "quelimab", "zx_4410"]),
    ("The DLL3 engagers tarlumab (formerly known as AMG 757), BI 764532, and HPN328 were compared.",
     ["bi_764532", "hpn328", "tarlumab"]),
    # a cell line, a xenograft, a conference year: no drugs
    ("Sorafenib and MHCC97H cells were compared.", []),
    ("Sorafenib and QR-12 xenografts were studied.", []),
    ("Results were presented at ESMO 2022 with sorafenib.", []),
])
def test_codes_listed_after_a_drug_are_drugs(vocabulary, text, keys):
    assert sorted(found(text, vocabulary)) == keys


def test_a_t_cell_redirecting_antibody_by_its_short_form_types_a_code_name(vocabulary):
    assert found("ZXQ974, a TRAB that binds to two invented antigens, entered a trial.", vocabulary)["zxq974"].types \
        == BISPECIFIC


def test_a_spaced_code_name_is_a_code(vocabulary):
    assert found("The anti-PD-1 antibody AMG 404 was given.", vocabulary)["amg_404"].types == MAB
    result = found("Tarlumab (formerly known as AMG 757) was given every two weeks.", vocabulary)
    assert list(result) == ["tarlumab"] and result["tarlumab"].synonyms == ("AMG 757",)


def test_a_payload_word_belongs_only_to_an_antibody_name(vocabulary):
    result = found("Zorbatinib vedotin-like payloads and zorbituzumab vedotin were compared.", vocabulary)
    assert sorted(result) == ["zorbatinib", "zorbituzumab_vedotin"]


def test_a_capitalised_sentence_start_gives_a_lowercase_name(vocabulary):
    result = found("Zorbatinib was well tolerated.", vocabulary)
    assert result["zorbatinib"].label == "zorbatinib"


@pytest.mark.parametrize("text", [
    "The concept was intercept, except where noted.",  # English words ending in -cept
    "Several mAbs and MAbs were compared with two TKIs.",  # class nouns and plurals
    "The fragment zumab and the word vatinib are too short to be names.",
    "The broken word treme- limumab is a tail, not a name.",
    "Tumours were measured every 8 weeks in 2019.",
    "Values for LBA432 and QX-771 were given in the appendix.",  # code names without a cue
])
def test_words_that_only_look_like_names_are_not_drugs(vocabulary, text):
    assert found(text, vocabulary) == {}


def test_the_vocabulary_wins(vocabulary):
    assert found("Sorafenib, a multikinase inhibitor, and lenvatinib were compared.", vocabulary) == {}


@pytest.mark.parametrize("text, key, types, cue", [
    ("Patients received zorbatinib, an oral multikinase inhibitor.", "zorbatinib", TKI, "an oral multikinase inhibitor"),
    ("The anti-PD-1 antibody ABC-123 was combined with chemotherapy.", "abc_123", MAB, "the anti-PD-1 antibody"),
    ("We tested the PD-1 inhibitor ABC-123 in a small cohort.", "abc_123", ("Drug",), "the PD-1 inhibitor"),
    ("ZX-555, a selective inhibitor of FGFR4, was safe.", "zx_555", ("Drug",), "a selective inhibitor"),
    ("QR-77 (a PD-1/CTLA-4 bispecific antibody) was given.", "qr_77", BISPECIFIC, "a PD-1/CTLA-4 bispecific antibody"),
    ("QR-77 is a small-molecule inhibitor of MET.", "qr_77", ("SmallMolecule",), "a small-molecule inhibitor"),
    ("Quelimab (anti-LAG-3 antibody) showed activity.", "quelimab", MAB, "anti-LAG-3 antibody"),
    ("Patients then received the CAR-T product TX-190.", "tx_190", ("CellTherapy",), "the CAR-T product"),
    ("The peptide vaccine VX-88 primed T cells.", "vx_88", ("Vaccine",), "the peptide vaccine"),
    ("Quelimab (QL-101) is a bispecific antibody.", "quelimab", BISPECIFIC, "a bispecific antibody"),
    ("ZX-902, a HER2-directed ADC, was safe.", "zx_902", MAB, "a HER2-directed ADC"),
    ("A novel bifunctional antibody, QR-89, was given.", "qr_89", BISPECIFIC, "a novel bifunctional antibody"),
    ("The bispecific T-cell engager QR-88 was given weekly.", "qr_88", BISPECIFIC, "the bispecific T-cell engager"),
    ("QR-88 is a DLL3-targeted antibody-drug conjugate.", "qr_88", MAB, "a DLL3-targeted antibody-drug conjugate"),
])
def test_a_typing_cue_types_a_name_of_drug_form(vocabulary, text, key, types, cue):
    result = found(text, vocabulary)
    assert result[key].types == types
    assert cue in result[key].cues


def test_a_cue_overrides_the_modality_of_the_stem(vocabulary):
    result = found("Tolvamab, an oral tyrosine kinase inhibitor, was approved.", vocabulary)
    assert result["tolvamab"].types == TKI


@pytest.mark.parametrize("text", [
    "ABC-123 is not an antibody but a peptide.",
    "In the ZX-301 trial, the PD-1 inhibitor ZX-301 was given.",  # the code names a trial
    "Patients got ABC-123, and the PD-1 antibody was held.",
    "The anti-CD47 antibody CD47 was studied.",
    "In addition, a multikinase inhibitor was added.",
])
def test_cues_that_do_not_type_a_drug_name(vocabulary, text):
    assert found(text, vocabulary) == {}


@pytest.mark.parametrize("text", [
    "Quelimab (QL-101) was given every two weeks.",
    "QL-101 (quelimab) was given every two weeks.",
    "Quelimab, also known as QL-101, was given every two weeks.",
    "Quelimab (formerly QL-101) was given every two weeks.",
])
def test_a_code_name_in_apposition_is_a_synonym(vocabulary, text):
    result = found(text, vocabulary)
    assert list(result) == ["quelimab"]
    assert result["quelimab"].synonyms == ("QL-101",) and result["quelimab"].types == MAB


def test_a_code_name_of_a_known_drug_extends_it_in_that_document(vocabulary):
    result = found("Sorafenib (ZZ-4390) was the comparator.", vocabulary)
    assert result["sorafenib"].known and result["sorafenib"].synonyms == ("ZZ-4390",)
    entity = result["sorafenib"].entity(vocabulary)
    assert "ZZ-4390" in entity.synonyms and entity.xrefs == vocabulary["sorafenib"].xrefs


def test_a_code_typed_alone_and_in_apposition_is_one_drug(vocabulary):
    text = "Quelimab (QL-101) was safe. Later, the anti-PD-1 antibody QL-101 was given with sorafenib."
    assert list(found(text, vocabulary)) == ["quelimab"]


def test_other_extractors_read_the_recognised_names(vocabulary):
    doc = Document.from_text("inv1", "Quelimab is an antibody against PD-1. Quelimab (QL-101) was given every two weeks.\n")
    out = extract_document(doc, vocabulary, MentionFinder(vocabulary))
    facts = {(a.subject, a.predicate, a.object) for a in out}
    assert ("quelimab", "isAntibodyAgainst", "pdcd1") in facts
    assert ("quelimab", RECOGNISED, "MonoclonalAntibody") in facts
    assert ("quelimab", "mentionedIn", "inv1") in facts
    recognised = next(a for a in out if a.predicate == RECOGNISED)
    assert dict(recognised.context) == {"document": "inv1"}
    assert ("synonym", "QL-101") in recognised.attributes and recognised.evidence


def test_layered_finder_prefers_the_longer_name():
    base = MentionFinder(Vocabulary([Entity("abc", "ABC", ("Protein",))]))
    added = MentionFinder(Vocabulary([Entity("abc_123", "ABC-123", ("Drug",))]))
    finder = LayeredFinder(base, added)
    assert [m.key for m in finder.find(normalize("ABC-123 and ABC alone"))] == ["abc_123", "abc"]
    assert finder.lookup("ABC 123") == "abc_123" and finder.lookup("ABC") == "abc"


def _named(doc: str, key: str, type_name: str, label: str) -> Assertion:
    return Assertion(key, RECOGNISED, type_name, (("document", doc),), (("label", label), ("cue", "stem")),
                     (Evidence(doc, 0, len(label), "novel"),))


def test_one_node_per_key_across_documents_and_the_majority_modality_wins(vocabulary):
    naming = [_named("d1", "zorbatinib", "SmallMolecule", "zorbatinib"),
              _named("d2", "zorbatinib", "SmallMolecule", "zorbatinib"),
              _named("d3", "zorbatinib", "MonoclonalAntibody", "zorbatinib")]
    report = Report()
    extended = extend_vocabulary(vocabulary, naming, report)
    assert extended["zorbatinib"].types == ("SmallMolecule",) and not extended["zorbatinib"].xrefs
    assert [p.code for p in report.problems] == ["recognised-type-conflict"]
    assert len(extended) == len(vocabulary) + 1


def test_known_drugs_keep_their_identifiers_and_gain_synonyms(vocabulary):
    naming = [Assertion("sorafenib", SYNONYM, "ZZ-4390", (("document", "d1"),), (("label", "sorafenib"),))]
    extended = extend_vocabulary(vocabulary, naming)
    assert "ZZ-4390" in extended["sorafenib"].synonyms
    assert extended["sorafenib"].xrefs == vocabulary["sorafenib"].xrefs


def test_naming_assertions_are_not_facts():
    fact = Assertion("x", "inhibits", "y")
    naming, others = split_naming([_named("d1", "zorbatinib", "SmallMolecule", "zorbatinib"), fact])
    assert [a.predicate for a in naming] == [RECOGNISED] and others == [fact]


def test_document_sections_list_unidentified_names_per_document():
    docs = [Document.from_text("d1", "a"), Document.from_text("d2", "b")]
    facts = [Assertion("x", "inhibits", "y", evidence=(Evidence("d1", 0, 1, "t"), Evidence("d2", 0, 1, "t"))),
             Assertion("x", "inhibits", "z", evidence=(Evidence("d1", 0, 1, "t"),))]
    sections = document_sections(docs, facts, [_named("d2", "quelimab", "MonoclonalAntibody", "quelimab")])
    assert sections["d1"] == {"facts": 2, "unidentified": [], "synonyms_read": []}
    assert sections["d2"]["facts"] == 1
    assert sections["d2"]["unidentified"] == [{"key": "quelimab", "name": "quelimab", "types": ["MonoclonalAntibody"],
                                               "cues": ["stem"], "synonyms": []}]


def test_an_invented_document_yields_a_typed_node_without_identifier(tmp_path):
    from hcc_kg.query.graph import project
    from hcc_kg.pipeline import Settings, build

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "note.txt").write_text("Quelimab (QL-101) is an antibody against PD-1.\n"
                                     "Zorbatinib, an oral multikinase inhibitor, was compared with sorafenib.\n",
                                     encoding="utf-8")
    (corpus / "second.txt").write_text("In a second invented note, zorbatinib was given daily.\n", encoding="utf-8")
    result = build(Settings(corpus=corpus, out=tmp_path / "out"))
    graph = project(result.graph)
    assert graph.nodes["quelimab"]["type"] == "MonoclonalAntibody" and not graph.nodes["quelimab"]["identifiers"]
    assert "QL-101" in graph.nodes["quelimab"]["synonyms"]
    assert "TyrosineKinaseInhibitor" in graph.nodes["zorbatinib"]["types"]
    assert not any(a.predicate == RECOGNISED for a in result.assertions)
    mentioned_in = {a.object for a in result.assertions if a.subject == "zorbatinib" and a.predicate == "mentionedIn"}
    assert mentioned_in == {d.doc_id for d in result.documents}  # one node, read from both documents
    report = json.loads((tmp_path / "out" / "build_report.json").read_text(encoding="utf-8"))
    sections = {d["name"]: d for d in report["documents"]}
    assert [u["name"] for u in sections["second.txt"]["unidentified"]] == ["zorbatinib"]
    section = sections["note.txt"]
    assert section["facts"] > 0
    assert {(u["name"], tuple(u["types"])) for u in section["unidentified"]} == {
        ("quelimab", MAB), ("zorbatinib", TKI)}
    assert "an oral multikinase inhibitor" in next(u for u in section["unidentified"] if u["name"] == "zorbatinib")["cues"]


def test_stem_names_are_recognised_in_tables_but_cues_are_not(vocabulary):
    text = ("Table 1 Invented trials\n2031 SHAM-9 First-line zorbatinib Sorafenib\n2032 SHAM-8 Second-line QX-12 Placebo\n"
            " Body text resumes here.\n")
    result = found(text, vocabulary)
    assert list(result) == ["zorbatinib"]
    start, end = result["zorbatinib"].spans[0]
    assert text[start:end] == "zorbatinib"


def test_a_word_joined_across_a_table_is_not_a_name(vocabulary):
    text = "Notes on HIV infec-\n| Drug | Control |\n|---|---|\n| sorafenib | placebo |\nlotinib was given.\n"
    assert found(text, vocabulary) == {}


@pytest.mark.parametrize("text, synonyms", [
    # a dictionary entry's closing list of one drug's names: the codes are that drug's
    ("It blocks an invented kinase. Also called quelimab, QL-101, and Quelix.", ("QL-101",)),
    ("Quelimab is pretend. Also known as quelimab, QL-101 and QR-202.", ("QL-101", "QR-202")),
    # a company code of eight digits is a code
    ("Quelimab (PF-01234567) was given every two weeks.", ("PF-01234567",)),
])
def test_codes_listed_after_also_called_are_names_of_that_drug(vocabulary, text, synonyms):
    result = found(text, vocabulary)
    assert list(result) == ["quelimab"] and result["quelimab"].synonyms == synonyms


def test_codes_listed_after_a_drug_without_also_called_stay_drugs_of_their_own(vocabulary):
    assert sorted(found("Patients received quelimab, QL-101, and QR-202.", vocabulary)) == ["ql_101", "qr_202", "quelimab"]


@pytest.mark.parametrize("text, key, cue", [
    # a company's possessive stands where an article would
    ("QR-155, Acme's investigational SHP2 inhibitor, was given.", "qr_155", "investigational SHP2 inhibitor"),
    ("ZX-849, Foo Bar Pharma's oral KRAS inhibitor, was given.", "zx_849", "oral KRAS inhibitor"),
    ("QR-156, Novartis' investigational SHP2 inhibitor, was given.", "qr_156", "investigational SHP2 inhibitor"),
    # the name set off by commas after its class
    ("Acme said its KRAS G12C inhibitor, ZX-925, was safe.", "zx_925", "KRAS G12C inhibitor"),
    # coordinated modifiers
    ("We tested ZX-928, a highly potent and selective CDK4/6 inhibitor, in made-up cells.", "zx_928",
     "a highly potent and selective CDK4/6 inhibitor"),
])
def test_a_cue_with_an_owner_a_comma_or_coordinated_modifiers_types_the_name(vocabulary, text, key, cue):
    assert any(cue in given for given in found(text, vocabulary)[key].cues)


@pytest.mark.parametrize("text, key", [
    ("QRS-HSP990, a novel HSP90 inhibitor, was tested.", "qrs_hsp990"),  # letters after the hyphen
    ("G1Q28-1, a selective CDK4/6 inhibitor, was tested.", "g1q28_1"),  # a digit inside the prefix
    ("ZORAb-004 is a humanized monoclonal antibody.", "zorab_004"),  # a lower-case letter in the prefix
])
def test_code_names_of_other_company_forms(vocabulary, text, key):
    assert key in found(text, vocabulary)


@pytest.mark.parametrize("text", [
    "The MEK inhibitor, and the dose, were changed.",  # no name after the comma
    "Its KRAS inhibitor, ZX-925 trial results were shown.",  # a trial's code, not set off by a second comma
    "E2F1, a transcription factor, was measured.",  # one digit: no code
])
def test_a_class_then_a_comma_types_only_a_code_set_off_by_commas(vocabulary, text):
    assert found(text, vocabulary) == {}


# --- degraders, names introduced by "known as", codes heading a class noun, conjugates and their short forms ---

@pytest.mark.parametrize("text, key, cue", [
    ("ZX-3301, a first-in-class BTK degrader, entered an invented phase 1 study.", "zx_3301", "a first-in-class BTK degrader"),
    ("We studied a targeted protein degrader, QR-4120, that links a BTK binder to cereblon.", "qr_4120",
     "a targeted protein degrader"),
    ("ZX-3301 is an oral PROTAC that degrades the androgen receptor.", "zx_3301", "an oral PROTAC"),
    ("The pretend molecular glue degrader ZX-3301 removed GSPT1.", "zx_3301", "the pretend molecular glue degrader"),
])
def test_a_degrader_cue_types_a_code_as_a_drug(vocabulary, text, key, cue):
    result = found(text, vocabulary)
    assert list(result) == [key] and result[key].types == ("Drug",) and cue in result[key].cues


def test_the_estrogen_receptor_stem_names_a_drug(vocabulary):
    result = found("Invented patients received zorbadegestrant or a comparator.", vocabulary)
    assert list(result) == ["zorbadegestrant"] and result["zorbadegestrant"].types == ("SmallMolecule",)


@pytest.mark.parametrize("text, key", [
    ("A pretend compound, known as ZX-7810, blocked BTK in toy cells.", "zx_7810"),
    ("An antibody called QR-2290 was given to invented patients.", "qr_2290"),
    ("A small molecule named ZX-7810 was tested.", "zx_7810"),
])
def test_a_class_noun_then_what_it_is_called(vocabulary, text, key):
    assert list(found(text, vocabulary)) == [key]


@pytest.mark.parametrize("text, keys", [
    ("The conjugate carries the ABT-901 (MET-targeting) antibody.", ["abt_901"]),
    ("In the made-up study the QR-4410 antibody bound HER3.", ["qr_4410"]),
    # a protein variant has a code's form but is never a drug
    ("Tumours with the V600E variant responded to the V600E inhibitor in this note.", []),
    ("The G12C inhibitor class was discussed without naming a drug.", []),
])
def test_a_code_heading_a_class_noun_after_an_article(vocabulary, text, keys):
    assert sorted(found(text, vocabulary)) == keys


@pytest.mark.parametrize("text, key, alias", [
    ("Efficacy of Zorbituzumab Deruxtecan (ZRB3-DXd) in Invented Tumours", "zorbituzumab_deruxtecan", "ZRB3-DXd"),
    ("Zorbituzumab vedotin (Zorbi-V) was given every three weeks.", "zorbituzumab_vedotin", "Zorbi-V"),
    ("Quelimab emtansine (Q-DM1) was compared with chemotherapy.", "quelimab_emtansine", "Q-DM1"),
])
def test_a_conjugate_and_its_short_form_are_one_drug(vocabulary, text, key, alias):
    result = found(text, vocabulary)
    assert list(result) == [key] and alias in result[key].synonyms and result[key].label == key.replace("_", " ")


def test_a_code_after_a_conjugate_is_the_conjugate_s_not_its_payload_s(vocabulary):
    result = found("Zorbituzumab govitecan (IMMU-9999) was given.", vocabulary)
    assert list(result) == ["zorbituzumab_govitecan"] and result["zorbituzumab_govitecan"].synonyms == ("IMMU-9999",)


def test_a_counted_plural_cue_types_every_code_coordinated_before_it(vocabulary):
    two = found("QZ-1234 and RT-5678, two selective FGFR4 inhibitors, slowed the invented xenografts.", vocabulary)
    assert set(two) == {"qz_1234", "rt_5678"}
    three = found("QZ-1234, RT-5678 and KL-901, the three pan-FGFR inhibitors, were compared in pretend mice.", vocabulary)
    assert set(three) == {"qz_1234", "rt_5678", "kl_901"}
    # a trial number in the list is no drug, and a count with no class noun types nothing
    assert set(found("Patients of NCT01234567 and QZ-1234, two toy inhibitors of MET, were pretended.", vocabulary)) \
        == {"qz_1234"}
    assert found("QZ-1234 and RT-5678, two weeks apart, were made up here.", vocabulary) == {}


@pytest.mark.parametrize("text", [
    "The FGFR4-selective inhibitors QZ-1234 and RT-5678 were compared in pretend mice.",
    "Selective FGFR4 inhibitors such as QZ-1234 and RT-5678 were compared in pretend mice.",
    "FGFR4 inhibitors (QZ-1234, RT-5678) were compared in pretend mice.",
])
def test_a_plural_cue_types_the_codes_listed_after_it(text, vocabulary):
    assert set(found(text, vocabulary)) == {"qz_1234", "rt_5678"}


def test_a_plural_cue_stops_at_a_trial_number_or_a_variant(vocabulary):
    assert set(found("MET inhibitors QZ-1234 and NCT01234567 were listed in this invented table.", vocabulary)) == {"qz_1234"}
    assert found("Kinase inhibitors NCT01234567 and V600E were listed in this invented table.", vocabulary) == {}


@pytest.mark.parametrize("text", [
    "QZ-1234, a PD-1 × VEGF bispecific antibody, was given to pretend patients.",
    "QZ-1234, a bifunctional anti-PD-L1/TGF-β trap fusion protein, was given to toy mice.",
])
def test_a_crossed_bispecific_or_a_fusion_protein_types_its_code(text, vocabulary):
    assert set(found(text, vocabulary)) == {"qz_1234"}


def test_initials_of_the_words_before_are_no_brand_of_the_last_drug(vocabulary):
    got = found("Patients received single zorbatinib regular interval quelimab (SZRIQ) or sorafenib.", vocabulary)
    assert "SZRIQ" not in got["quelimab"].synonyms


@pytest.mark.parametrize("text", [
    "We tested an anti-HER3 monoclonal antibody, QZ-1234 (Acme Pharma), in invented cells.",
    "We tested an invented kinase inhibitor, QZ1234 (Acme®), in mice.",
])
def test_a_code_set_off_after_its_class_with_its_maker_in_brackets_is_a_drug(text, vocabulary):
    assert set(found(text, vocabulary)) in ({"qz_1234"}, {"qz1234"})
