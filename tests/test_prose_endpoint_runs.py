"""Endpoints listed together, then one run of values per arm (invented sentences)."""

from __future__ import annotations

from decimal import Decimal

from hcc_kg.extract.analysis import AnalysedDocument
from hcc_kg.extract.mentions import MentionFinder
from hcc_kg.extract.prose_endpoint_runs import endpoint_runs
from hcc_kg.model import Document
from hcc_kg.vocab import Entity, Vocabulary

VOCAB = Vocabulary([Entity("zorbanib", "zorbanib", ("SmallMolecule",)), Entity("felotinib", "felotinib", ("SmallMolecule",)),
                    Entity("os", "overall survival", ("EndpointType",), ("OS",)),
                    Entity("pfs", "progression-free survival", ("EndpointType",), ("PFS",)),
                    Entity("orr", "objective response rate", ("EndpointType",), ("ORR",)),
                    Entity("dcr", "disease control rate", ("EndpointType",), ("DCR",))])
FINDER = MentionFinder(VOCAB)
ARMS = ["zorbanib", "felotinib"]


def runs(text: str, arms=ARMS) -> dict:
    doc = AnalysedDocument(Document.from_text("d", text), VOCAB, FINDER)
    return {(v.agent, v.endpoint): v.value for v in endpoint_runs(doc, doc.sentences[0], arms)}


def test_one_run_per_arm_in_the_endpoints_order():
    got = runs("The ORR and DCR were 38.5% and 66.0% in the zorbanib group, and 12.5% and 45.5% in the felotinib group.")
    assert got == {("zorbanib", "orr"): Decimal("38.5"), ("zorbanib", "dcr"): Decimal("66.0"),
                   ("felotinib", "orr"): Decimal("12.5"), ("felotinib", "dcr"): Decimal("45.5")}


def test_runs_of_medians_with_the_unit_printed_once_per_run():
    got = runs("Median PFS and OS were 4.4 and 13.0 months with felotinib and 2.9 and 10.1 months with zorbanib.")
    assert got == {("felotinib", "pfs"): Decimal("4.4"), ("felotinib", "os"): Decimal("13.0"),
                   ("zorbanib", "pfs"): Decimal("2.9"), ("zorbanib", "os"): Decimal("10.1")}


def test_no_runs_when_each_value_names_its_arm_or_the_kinds_do_not_fit():
    assert runs("The ORR and DCR were 38.5% in the zorbanib group and 12.5% in the felotinib group.") == {}
    assert runs("PFS and ORR were 38.5% and 66.0% in the zorbanib group, and 12.5% and 45.5% in the felotinib group.") == {}
    assert runs("The ORR and DCR were 38.5% and 66.0% in the zorbanib group.", ["zorbanib"]) == {}


def test_pairs_after_the_arm_they_favour_are_its_values_then_the_other_arms():
    got = runs("Median PFS, OS and ORR all favored felotinib, 6.2 mo. vs. 2.8 mo., 11.9 mo. vs. 9.5 mo. and 31% vs. 8%.")
    assert got == {("felotinib", "pfs"): Decimal("6.2"), ("zorbanib", "pfs"): Decimal("2.8"),
                   ("felotinib", "os"): Decimal("11.9"), ("zorbanib", "os"): Decimal("9.5"),
                   ("felotinib", "orr"): Decimal("31"), ("zorbanib", "orr"): Decimal("8")}
    # a rate printed in months fits no rate: that pair is left out, the others keep their places
    assert runs("Median PFS and ORR both favored felotinib, 6.2 mo. vs. 2.8 mo. and 31 mo. vs. 8 mo.") == {
        ("felotinib", "pfs"): Decimal("6.2"), ("zorbanib", "pfs"): Decimal("2.8")}
    # ... but a pair missing altogether leaves nothing in place
    assert runs("Median PFS and ORR both favored felotinib, 6.2 mo. vs. 2.8 mo.") == {}


def test_each_endpoint_with_its_first_value_then_the_other_arms_run():
    got = runs("ORR was 38.5% and DCR was 66.0% in the zorbanib group, compared to 12.5% and 45.5% in the felotinib "
               "group, respectively.")
    assert got == {("zorbanib", "orr"): Decimal("38.5"), ("zorbanib", "dcr"): Decimal("66.0"),
                   ("felotinib", "orr"): Decimal("12.5"), ("felotinib", "dcr"): Decimal("45.5")}
    # each value owned where it stands: no run
    assert runs("ORR was 38.5% in the zorbanib group and DCR was 45.5% in the felotinib group.") == {}


def test_a_single_arms_values_of_endpoints_listed_together_respectively():
    got = runs("The median PFS and OS were 3.1 and 9.6 months, respectively.", ["zorbanib"])
    assert got == {("zorbanib", "pfs"): Decimal("3.1"), ("zorbanib", "os"): Decimal("9.6")}
    got = runs("ORR and DCR were 12% and 58%, respectively, in this made-up cohort.", ["zorbanib"])
    assert got == {("zorbanib", "orr"): Decimal("12"), ("zorbanib", "dcr"): Decimal("58")}
    # (a value short, or of the wrong kind, or no "respectively": which is whose cannot be told)
    assert runs("The median PFS and OS were 3.1 months, respectively.", ["zorbanib"]) == {}
    assert runs("The median PFS and ORR were 3.1 and 9.6 months, respectively.", ["zorbanib"]) == {}
    assert runs("The median PFS and OS were 3.1 and 9.6 months.", ["zorbanib"]) == {}
