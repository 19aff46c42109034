"""Trial readouts as news items and press releases write them (invented trials, drugs and numbers)."""

from __future__ import annotations

from test_abstracts import D, facts, values


def test_a_spelled_out_percent_is_a_percentage():
    found = facts("Results of the phase III ZENITH-2 trial showed a median overall survival of 10.2 months with "
                  "zorbanib and 8.0 months with placebo. The study also improved objective response rates "
                  "(4 percent versus 0.4 percent).")
    assert values(found)[("zorbanib", "orr", "")] == D("4")
    assert values(found)[("placebo", "orr", "")] == D("0.4")


def test_a_spelled_out_percent_confidence_level_is_no_value():
    found = facts("In the phase 2 LUMEN-4 trial, 60 patients received zorbanib. The objective response rate was "
                  "31.5 percent (95 percent confidence interval (CI), 20.1-40.2) and the 12-month survival rate "
                  "was 70 percent (95 per cent CI, 60.0-80.0).")
    assert values(found) == {("zorbanib", "orr", ""): D("31.5"), ("zorbanib", "os", "12-month"): D("70")}
