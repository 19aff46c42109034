"""Target lists the mentions alone misread: a range after a spelled-out member's number ("... receptor 1–3"; the mention ends at the
first number), two names of one target joined by a slash, "with specificity for", "disrupts", a maker inside the drug's bracket (invented sentences, packaged vocabulary)."""

from __future__ import annotations

from mechanism_facts import asserted_pairs


def test_a_range_after_a_spelled_out_member_names_each_member(vocabulary, finder):
    body = ("Sorafenib, an invented-label tablet here, is an inhibitor of fibroblast growth factor receptor 1–3, "
            "vascular endothelial growth factor receptor 2-3 and RET in this made-up note.")
    assert asserted_pairs(body, vocabulary, finder) == {
        ("sorafenib", "fgfr1"), ("sorafenib", "fgfr2"), ("sorafenib", "fgfr3"),
        ("sorafenib", "kdr"), ("sorafenib", "flt4"), ("sorafenib", "ret")}


def test_a_dose_after_a_member_is_no_range(vocabulary, finder):
    body = "Sorafenib is an inhibitor of vascular endothelial growth factor receptor 2 in this made-up note, 1-4 mg."
    assert asserted_pairs(body, vocabulary, finder) == {("sorafenib", "kdr")}


def test_two_names_of_one_target_joined_by_a_slash_are_one_target(vocabulary, finder):
    body = "In this made-up note sorafenib, given twice daily, is an inhibitor of the EGFR/HER1."
    assert asserted_pairs(body, vocabulary, finder) == {("sorafenib", "egfr")}


def test_an_inhibitor_with_specificity_for_a_target_acts_on_it(vocabulary, finder):
    body = "Sorafenib, in this made-up note, is a small-molecule inhibitor with specificity for RET."
    assert asserted_pairs(body, vocabulary, finder) == {("sorafenib", "ret")}


def test_an_antibody_that_disrupts_a_target_acts_on_it(vocabulary, finder):
    body = "In this made-up note ipilimumab is a monoclonal antibody that disrupts CTLA-4 on T cells."
    assert asserted_pairs(body, vocabulary, finder) == {("ipilimumab", "ctla4")}


def test_disrupting_an_interaction_names_no_target(vocabulary, finder):
    body = "In this made-up note atezolizumab is an antibody disrupting the interaction between PD-L1 and PD-1."
    assert asserted_pairs(body, vocabulary, finder) == set()


def test_a_maker_after_a_semicolon_in_the_drugs_bracket_keeps_the_drug_the_subject(vocabulary, finder):
    body = "Sorafenib (Nexavar, BAY 43-9006; Acme Drugs Inc, Springfield, ST) is an inhibitor of RET in this note."
    assert asserted_pairs(body, vocabulary, finder) == {("sorafenib", "ret")}


def test_a_semicolon_after_the_drugs_closed_bracket_still_ends_the_clause(vocabulary, finder):
    body = "Sorafenib (Nexavar, BAY 43-9006; Acme Drugs Inc) was given; an inhibitor of RET was added in this note."
    assert asserted_pairs(body, vocabulary, finder) == set()
