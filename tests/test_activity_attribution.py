"""A drug's activity put down to a target or denied it (hcc_kg.extract.activity_attribution), on invented
sentences: the shape, and a document's own denial outweighing its positive readings of the pair."""

from __future__ import annotations

import pytest
from test_mechanisms import facts, readings


@pytest.mark.parametrize("body, expected", [
    ("In this made-up assay, the antiproliferative activity of foonib was largely due to MET inhibition.",
     ("drug-activity-attributed", "positive", "asserted")),
    ("Foonib's antitumour effects were mediated by RET in these invented cells.",
     ("drug-activity-attributed", "positive", "asserted")),
    ("In these pretend cells, the cytotoxicity of foonib is not due to the inhibition of MET.",
     ("drug-activity-attributed", "negative", "asserted")),
    ("The activity of foonib was independent of MET in the toy model.",
     ("drug-activity-attributed", "negative", "asserted")),
])
def test_an_activity_attributed_to_a_target_or_denied_it(body, expected):
    [(_, found)] = [(k, v) for k, v in readings(body).items() if k[0] == "foonib"]
    assert found == expected


def test_the_dose_of_a_drug_is_no_activity_of_it():
    assert facts("The dose of foonib was due to MET status in this invented protocol.") == set()


def test_a_document_that_denies_a_pair_states_it_nowhere_as_a_fact():
    body = ("Foonib, a MET inhibitor, is studied in invented tumours. Later work showed that the activity of "
            "foonib is not due to MET inhibition, and foonib inhibits RET.")
    assert facts(body) == {("foonib", "ret")}
    assert readings(body)[("foonib", "inhibits", "met")][1:] == ("positive", "hedged")
