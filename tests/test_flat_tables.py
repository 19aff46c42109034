"""Tables copied without their cell borders (hcc_kg.extract.flat_tables), on invented tables and drugs."""

from __future__ import annotations

from hcc_kg.extract.analysis import AnalysedDocument
from hcc_kg.extract.flat_tables import flattened_rows
from hcc_kg.extract.mentions import MentionFinder
from hcc_kg.model import Document
from hcc_kg.vocab import Entity, Vocabulary

VOCAB = Vocabulary([
    Entity("foonib", "foonib", ("SmallMolecule",)),
    Entity("zelumab", "zelumab", ("MonoclonalAntibody",)),
    Entity("quxumab", "quxumab", ("MonoclonalAntibody",)),
    Entity("pdcd1", "PD-1", ("Protein",)),
    Entity("cd274", "PD-L1", ("Protein",)),
    Entity("met", "MET", ("Protein",)),
])
FINDER = MentionFinder(VOCAB)
TABLE = ("An invented review of pretend agents\n\nTable 1. Invented agents\n\n"
         "Target cell Molecule Code Drug name Brand Antibody class Company\n"
         "T cell PD-1 ZX-101\nZX-102\nZelumab Zelvio Human IgG4 antibody Acme\n\n"
         "Tumour cell PD-L1 QX-7 Quxumab Not approved Human IgG1 antibody Fooco\n\n"
         "{extra}"
         "The costimulatory signal is needed too, as several invented studies in made-up cohorts have shown.\n\n"
         "Tumour cell MET FX-9 Foonib Foovia small molecule Fooco\n")


def facts(text: str) -> set[tuple[str, str, str]]:
    doc = AnalysedDocument(Document.from_text("d", text), VOCAB, FINDER)
    return {(a.subject, a.predicate, a.object) for a in flattened_rows(doc)}


def test_each_row_group_gives_its_drug_and_the_target_named_before_it_up_to_the_prose():
    # a status after the drug ("Not approved") is no negation of the target; the row after the prose is not read
    assert facts(TABLE.format(extra="")) == {("zelumab", "isAntibodyAgainst", "pdcd1"),
                                             ("quxumab", "isAntibodyAgainst", "cd274")}


def test_a_row_that_does_not_plainly_give_one_drugs_target_is_not_read():
    rows = ("Tumour cell MET possibly FX-9 Foonib small molecule\n\n"   # a hedge before the drug
            "Tumour cell MET, PD-L1 FX-9 Foonib small molecule\n\n"     # two targets
            "Tumour cell Foonib FX-9 MET small molecule\n\n")          # the drug before the target
    assert facts(TABLE.format(extra=rows)) == {("zelumab", "isAntibodyAgainst", "pdcd1"),
                                               ("quxumab", "isAntibodyAgainst", "cd274")}


def test_no_header_naming_targets_then_drugs_no_rows():
    text = TABLE.format(extra="").replace("Target cell Molecule Code Drug name", "Cell Code Name")
    assert facts(text) == set()


def test_evidence_spans_the_rows_target_and_drug():
    text = TABLE.format(extra="")
    doc = AnalysedDocument(Document.from_text("d", text), VOCAB, FINDER)
    spans = {a.object: text[a.evidence[0].start:a.evidence[0].end] for a in flattened_rows(doc)}
    assert spans["cd274"] == "PD-L1 QX-7 Quxumab"


DRUG_FIRST = ("Table 2. Invented antibodies\n\n"
              "Monoclonal antibody Ligand target Antibody class Company\n"
              "Zelumab PD-1 IgG4 Acme\n"
              "Quxumab PD-L1 IgG1 Fooco\n"
              "IgG2 Foonib MET small molecule\n"        # the line opens with no drug: no row of this table's shape
              "Zelumab possibly MET IgG4 Acme\n"        # a hedge within the pair
              "\nThe invented review goes on in prose, as several made-up studies in pretend cohorts have shown.\n"
              "Foonib MET small molecule\n")


def test_a_header_naming_the_drugs_first_gives_one_row_per_line_each_opening_with_its_drug():
    assert facts(DRUG_FIRST) == {("zelumab", "isAntibodyAgainst", "pdcd1"), ("quxumab", "isAntibodyAgainst", "cd274")}


def test_a_drug_first_row_reads_the_target_cell_right_after_its_drug_whatever_later_columns_name():
    text = ("Table 3. Invented second-line agents\n\n"
            "Drug Main target Trial Phase Population Result\n"
            "Foonib MET & PD-1 ZETA-9 III Prior quxumab 9.4 vs 8.2 mo Negative\n"   # two targets joined; a prior drug later
            "Zelumab PD-L1 ALPHA-2 II Prior foonib Positive\n"
            "Quxumab possibly PD-1 BETA-3 II Naive Ongoing\n")                     # a hedge inside the target cell
    assert facts(text) == {("foonib", "inhibits", "met"), ("foonib", "inhibits", "pdcd1"),
                           ("zelumab", "isAntibodyAgainst", "cd274")}


def test_a_drug_first_row_after_a_label_with_glosses_and_a_cell_going_on_over_lines():
    vocab = Vocabulary([*VOCAB.entities.values(), Entity("vegfr", "VEGFR", ("ProteinFamily",)),
                        Entity("kit", "KIT", ("Protein",)), Entity("angio", "angiogenesis", ("Pathway",)),
                        Entity("afp", "AFP", ("Protein",))])
    text = ("An invented review\n\nTable 2: Invented therapies and outcomes.\n\n"
            "Study name Treatment Inhibited molecules Child-Pugh A %\n"
            "ZETA-714 (ORCA, KESTREL) Foonib VEGFR (angiogenesis)\nKIT, MET\n- / 12 / 88 99\n"
            "PELICAN-22 Zelumab (AFP>400 ng/dL) PD-1 (immune checkpoint) 100\n")
    found = {(a.subject, a.object) for a in flattened_rows(AnalysedDocument(Document.from_text("d", text), vocab,
                                                                            MentionFinder(vocab)))}
    assert found == {("foonib", "vegfr"), ("foonib", "kit"), ("foonib", "met"), ("zelumab", "pdcd1")}


def test_a_drug_first_row_whose_drug_cell_holds_a_comparison_mid_row_gives_the_experimental_drugs_targets():
    vocab = Vocabulary([*VOCAB.entities.values(), Entity("placebo", "placebo", ("Placebo",)),
                        Entity("vegfr", "VEGFR", ("ProteinFamily",)), Entity("kit", "KIT", ("Protein",))])
    text = ("An invented review\n\nTable 3. Invented second-line trials.\n\n"
            "Year of publication Trial name Design Number of patients Reason for stopping earlier therapy Drug "
            "Main target of experimental drug Main inclusion criterion Primary endpoint Secondary endpoints Status\n"
            "2031 Foonib in pretend patients after earlier quxumab: the randomized ORCA-2 study of a made-up cancer, "
            "which enrolled adults from many invented countries Phase 3, randomized, double-blind 300 (200 vs 100) "
            "Progression Foonib vs placebo VEGFR, KIT Pretend criteria OS TTP, ORR Completed Failed\n"
            "2032 Zelumab versus placebo in an imaginary setting (KESTREL) Phase 3 400 (200 vs 200) Progression "
            "Zelumab vs placebo PD-1 OS PFS Completed Reached\n"
            "2033 Quxumab versus placebo for a toy illness Phase 3 200 Progression Quxumab vs placebo OS Completed\n")
    found = {(a.subject, a.object) for a in flattened_rows(AnalysedDocument(Document.from_text("d", text), vocab,
                                                                            MentionFinder(vocab)))}
    # (a comparison with no target cell after it, as in the paper's title or the last row, gives nothing)
    assert found == {("foonib", "vegfr"), ("foonib", "kit"), ("zelumab", "pdcd1")}
