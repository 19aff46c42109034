"""Tests for hcc_kg.extract.mentions: vocabulary matching at original offsets."""

from __future__ import annotations

import re

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from hcc_kg.extract.mentions import MentionFinder
from hcc_kg.extract.normalize import normalize
from hcc_kg.vocab import Entity, Vocabulary, name_key

VOCAB = Vocabulary([
    Entity("sorafenib", "sorafenib", ("SmallMolecule",), ("Nexavar",)),
    Entity("pembrolizumab", "pembrolizumab", ("MonoclonalAntibody",)),
    Entity("foonib", "foonib", ("SmallMolecule",), ("FN-1234",)),
    Entity("flt1", "FLT1", ("Protein",), ("VEGFR1",)),
    Entity("kdr", "KDR", ("Protein",), ("VEGFR2",)),
    Entity("flt4", "FLT4", ("Protein",), ("VEGFR3",)),
    Entity("vegfr", "VEGFR", ("ProteinFamily",), (), ("flt1", "kdr", "flt4")),
    Entity("met", "MET", ("Protein", "Kinase"), ("c-MET",)),
    Entity("pdl1", "PD-L1", ("Protein",), ("CD274",)),
    Entity("hcc", "hepatocellular carcinoma", ("Disease",), ("HCC", "liver cancer")),
    Entity("afp", "AFP", ("Protein", "Biomarker"), ("alpha-fetoprotein",)),
])
FINDER = MentionFinder(VOCAB)


def found(text: str) -> list[tuple[str, str]]:
    """(key, original text under the mention's span) for each mention."""
    return [(m.key, text[m.start:m.end]) for m in FINDER.find(normalize(text))]


def canon(s: str) -> str:
    return "".join(ch for ch in s.casefold() if ch.isalnum())


# --- ranges -----------------------------------------------------------------------------

def test_en_dash_range_expands_to_every_member():
    text = "it blocks VEGFR1\u20133 in vitro"
    span = "VEGFR1\u20133"
    assert found(text) == [("flt1", span), ("kdr", span), ("flt4", span)]


def test_hyphen_slash_range_names_only_the_listed_members():
    text = "binds VEGFR-2/3 strongly"
    assert found(text) == [("kdr", "VEGFR-2/3"), ("flt4", "VEGFR-2/3")]


def test_spaced_range_expands():
    text = "all of VEGFR 1-3 here"
    assert [k for k, _ in found(text)] == ["flt1", "kdr", "flt4"]


def test_range_with_an_unknown_member_is_not_expanded():
    # VEGFR4 is not in the vocabulary: no expansion, the first name still matches alone.
    text = "see VEGFR3-4 now"
    assert found(text) == [("flt4", "VEGFR3")]


def test_a_range_after_the_abbreviation_its_long_name_defines_expands():
    text = "a vascular endothelial growth factor receptor (VEGFR)1-3 inhibitor"
    assert [(k, t) for k, t in found(text) if k != "vegfr"] == [(k, "VEGFR)1-3") for k in ("flt1", "kdr", "flt4")]


def test_range_at_end_of_clause_before_comma_expands():
    text = "it blocks VEGFR1-3, and more"
    assert [k for k, _ in found(text)] == ["flt1", "kdr", "flt4"]


def test_range_at_end_of_sentence_expands():
    text = "The drug blocks VEGFR1-3."
    assert [k for k, _ in found(text)] == ["flt1", "kdr", "flt4"]
    assert found(text)[0][1] == "VEGFR1-3"


# --- case, plurals, separators ------------------------------------------------------------

def test_short_names_are_case_sensitive():
    text = "we met to discuss MET and Met"
    assert found(text) == [("met", "MET")]


def test_long_names_are_case_insensitive():
    text = "SORAFENIB, Sorafenib and sorafenib"
    assert [k for k, _ in found(text)] == ["sorafenib"] * 3


def test_plural_s_is_accepted():
    text = "two METs and several Nexavars"
    assert found(text) == [("met", "METs"), ("sorafenib", "Nexavars")]


def test_separators_between_name_parts_are_interchangeable_and_optional():
    text = "PD-L1, PD L1, PD/L1 and PDL1"
    assert [k for k, _ in found(text)] == ["pdl1"] * 4


def test_name_inside_a_longer_word_is_not_a_mention():
    text = "xsorafenib and METRO and sorafenibx"
    assert found(text) == []


def test_longest_match_wins():
    text = "c-MET amplification"
    assert found(text) == [("met", "c-MET")]


def test_multiword_name_matches_across_a_line_break():
    text = "advanced hepatocellular\ncarcinoma is common"
    assert found(text) == [("hcc", "hepatocellular\ncarcinoma")]


# --- original offsets ---------------------------------------------------------------------

def test_hyphenated_line_break_is_joined_and_reported_at_original_offsets():
    text = "given pembrolizu-\nmab weekly"
    [m] = FINDER.find(normalize(text))
    assert m.key == "pembrolizumab"
    assert (m.start, m.end) == (text.index("pembrolizu"), text.index("mab") + len("mab"))
    assert m.surface == "pembrolizumab"


def test_hard_hyphen_break_keeps_pd_l1():
    text = "tumour PD-\nL1 staining"
    [m] = FINDER.find(normalize(text))
    assert m.key == "pdl1"
    assert text[m.start:m.end] == "PD-\nL1"
    assert m.surface == "PD-L1"


def test_offsets_with_base_point_into_the_whole_document():
    doc = "Header line\nthen foonib was given"
    line_start = doc.index("then")
    [m] = FINDER.find(normalize(doc[line_start:], base=line_start))
    assert (m.start, m.end) == (doc.index("foonib"), doc.index("foonib") + len("foonib"))


def test_find_text_memoises_and_lookup_resolves_surfaces():
    first = FINDER.find_text("FN-1234 only")
    assert [m.key for m in first] == ["foonib"]
    assert FINDER.find_text("FN-1234 only") is first
    assert FINDER.lookup("FN 1234") == "foonib"
    assert FINDER.lookup("fn 1234") is None  # two letters: case-sensitive
    assert FINDER.lookup("met") is None
    assert FINDER.lookup("MET") == "met"
    assert FINDER.lookup("liver cancers") == "hcc"
    assert FINDER.lookup("nothing here") is None


def test_name_key_ignores_case_and_separators():
    assert name_key("PD-L1") == name_key("pd l1") == name_key("PDL1") == "pdl1"
    assert name_key("VEGFR-2") == "vegfr2"
    assert name_key("---") == ""


def test_empty_vocabulary_finds_nothing():
    finder = MentionFinder(Vocabulary([]))
    assert finder.find(normalize("sorafenib MET")) == []


# --- properties ---------------------------------------------------------------------------

NAMES = [(e.key, name) for e in VOCAB for name in e.names()]
FILLER = st.lists(st.sampled_from(list("abxyz ABZ,.;()-/\n\t\u20131") + ["-\n", "\r\n"]), max_size=6).map("".join)


def _render(name: str, draw) -> str:
    """A name as a document might print it: case changed (long names), broken over a line."""
    if sum(ch.isalpha() for ch in name) > 5:
        name = draw(st.sampled_from([name, name.upper(), name.lower(), name.title()]))
    if len(name) > 3 and draw(st.booleans()):
        cut = draw(st.integers(1, len(name) - 1))
        name = name[:cut] + draw(st.sampled_from(["-\n", "- \n", "\n", " "])) + name[cut:]
    return name


@st.composite
def documents(draw):
    parts = []
    for _ in range(draw(st.integers(0, 6))):
        parts.append(draw(FILLER))
        boundary = st.sampled_from([" ", " ", "\n", "(", ", ", "-", ""])
        parts.append(draw(boundary) + _render(draw(st.sampled_from(NAMES))[1], draw) + draw(boundary))
    parts.append(draw(FILLER))
    return "".join(parts)


@settings(max_examples=300, deadline=None)
@given(documents())
@example("VEGFR1\u20133 and PD-\nL1 and pembrolizu-\nmab")
@example("METs c-MET MET-")
def test_every_mention_reads_back_as_a_name_of_its_entity(text):
    mentions = FINDER.find(normalize(text))
    for m in mentions:
        assert 0 <= m.start < m.end <= len(text)
        surface = canon(text[m.start:m.end])
        names = {canon(n) for n in VOCAB[m.key].names()}
        if surface in names or (surface.endswith("s") and surface[:-1] in names):
            continue
        # A numbered range ("VEGFR1-3", "VEGFR-2/3") names each member: stem + a digit in range.
        match = re.fullmatch(r"([a-z]+)(\d{2,})", surface)
        assert match, (m, text[m.start:m.end])
        stem, digits = match.group(1), [int(d) for d in match.group(2)]
        assert any(stem + str(n) in names for n in range(min(digits), max(digits) + 1)), \
            (m, text[m.start:m.end])
    # Different spans never overlap (a range expansion shares one span among its members).
    spans = sorted({(m.start, m.end) for m in mentions})
    for (s1, e1), (s2, e2) in zip(spans, spans[1:]):
        assert e1 <= s2
    assert mentions == sorted(mentions, key=lambda m: (m.start, m.end))


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from([n for n in NAMES if not n[1][-1].isdigit()]), max_size=6),
       st.sampled_from([" ", " and ", ", ", " ; ", "\n"]))
def test_space_separated_names_are_all_found_in_order(picked, glue):
    text = glue.join(f"({name})" for _, name in picked)
    assert [m.key for m in FINDER.find(normalize(text))] == [key for key, _ in picked]


# --- the indexed matcher against a plain alternation ------------------------------------
# The finder looks names up by their joined parts instead of running one alternation of
# every name over the text.  This reference is the alternation; on generated text the two
# must choose the same candidates.

def _pattern(name: str) -> str | None:
    """A name as a regex: its parts, any two of them separated by up to two spaces, hyphens, slashes or commas."""
    parts = re.findall(r"[^\W\d_]+|\d+", name)
    return r"[\s\-/,]{0,2}".join(re.escape(p) for p in parts) if parts else None


def _alternation_candidates(vocabulary: Vocabulary, text: str) -> list[tuple[int, int]]:
    from hcc_kg.extract.mentions import _is_case_sensitive
    groups: dict[bool, set[str]] = {True: set(), False: set()}
    for entity in vocabulary:
        for name in entity.names():
            if _pattern(name):
                groups[_is_case_sensitive(name)].add(_pattern(name))
    spans = []
    for sensitive, flags in ((True, 0), (False, re.IGNORECASE)):
        if groups[sensitive]:
            alternation = "|".join(sorted(groups[sensitive], key=lambda p: (-len(p), p)))
            regex = re.compile(rf"(?<![^\W_])(?:{alternation})(?:s|es)?(?![^\W_])", flags | re.UNICODE)
            spans += [(m.start(), m.end()) for m in regex.finditer(text)]
    return spans


OVERLAPPING = Vocabulary([
    Entity("a", "alpha beta", ("Protein",)), Entity("b", "beta gamma delta", ("Protein",)),
    Entity("c", "beta", ("Protein",)), Entity("d", "PD-L1", ("Protein",)), Entity("e", "PD", ("Protein",)),
    Entity("f", "L1 cam", ("Protein",)), Entity("g", "gammas", ("Protein",)),
])
_WORDS = ["alpha", "beta", "gamma", "delta", "PD", "L1", "pdl1", "PDL1", "cam", "gammas", "betas", "Beta", "x"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(_WORDS), st.sampled_from([" ", "-", "/", " - ", "  ", ", ", "_", ""])),
                max_size=12))
@example([("alpha", " "), ("beta", " "), ("gamma", " "), ("delta", "")])
@example([("PD", "-"), ("L1", " "), ("cam", "")])
def test_indexed_matching_agrees_with_one_alternation(words):
    text = "".join(w + glue for w, glue in words)
    finder = MentionFinder(OVERLAPPING)
    mapped = normalize(text)
    indexed = sorted((s, e) for group in (True, False)
                     for s, e in finder._matches(mapped.text, finder._runs(mapped.text), group))
    assert indexed == sorted(_alternation_candidates(OVERLAPPING, mapped.text))


# --- the finder's tables ------------------------------------------------------------------

def test_tables_through_marshal_give_a_finder_with_the_same_mentions():
    from hcc_kg.extract.mentions import FinderTables

    text = "Nexavar or FN-1234 blocks VEGFR1\u20133, c-MET and PD-L1 in liver cancers (HCC)."
    tables = FinderTables.from_bytes(FINDER.tables.to_bytes())
    copy = MentionFinder(VOCAB, tables)
    assert tables == FINDER.tables == FinderTables.build(VOCAB)
    assert copy.find(normalize(text)) == FINDER.find(normalize(text)) and len(FINDER.find(normalize(text))) == 9


@pytest.mark.parametrize("enabled", [True, False])
def test_building_the_tables_leaves_the_garbage_collector_as_it_was(enabled):
    import gc

    from hcc_kg.extract.mentions import FinderTables

    was = gc.isenabled()
    try:
        (gc.enable if enabled else gc.disable)()
        FinderTables.build(VOCAB)
        assert gc.isenabled() is enabled
    finally:
        (gc.enable if was else gc.disable)()


_PIECES = ["PD", "pd", "L", "l", "1", "12", "s", "es", "S", "ES", "Kin", "kin", "KIN", " ", "-", "/", "  ", " - ", ".", "\t"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(["PD", "L", "1", "12", "kin", "Kin", "s"]), min_size=1, max_size=4),
       st.lists(st.sampled_from(_PIECES), max_size=8), st.booleans())
@example(["PD", "L", "1"], ["PD", "-", "L", "1", "s"], True)
@example(["PD", "L", "1"], ["pd", " - ", "l", "1", "ES"], False)
def test_the_ascii_check_agrees_with_the_names_regex(parts, pieces, sensitive):
    """Without a regex, the finder confirms an ASCII candidate exactly as the name's regex would."""
    from hcc_kg.extract.mentions import _FLAGS, _SEP

    pattern = _SEP.join(parts)
    text = "x " + "".join(pieces) + " y"
    start, end = 2, len(text) - 2
    regex = re.compile(rf"(?:{pattern})(?:s|es)?", _FLAGS[sensitive])
    assert FINDER._confirms(pattern, sensitive, text, start, end) == (regex.fullmatch(text, start, end) is not None)


def test_a_name_with_a_comma_in_it_is_found_as_written():
    vocabulary = Vocabulary([Entity("mhw", "MHW", ("RegulatoryAgency",), ("Ministry of Health, Work and Welfare",)),
                             Entity("zorbanib", "zorbanib", ("SmallMolecule",))])
    found = MentionFinder(vocabulary).find_text("The Ministry of Health, Work and Welfare cleared zorbanib.")
    assert [m.key for m in found] == ["mhw", "zorbanib"]


@pytest.mark.parametrize("name, key", [
    ("ADC", "antibody_drug_conjugate"),  # the modality, not the generated gene symbol
    ("B cell maturation antigen", "tnfrsf17"),
    ("Trop-2", "tacstd2"),
    ("tissue factor", "f3"),
    ("claudin 18.2", "cldn18"),
    ("Bruton's tyrosine kinase", "btk"),
    ("anaplastic lymphoma kinase", "alk"),
    ("Wee1", "wee1"),
    ("AMG-510", "sotorasib"),  # the lexicon's code-name entry folds into the INN
    ("BCR-ABL", "abl1"),  # the fusion named for the kinase it carries
    ("tropomyosin receptor kinase", "ntrk_family"),
    ("TRK", "ntrk_family"),
    ("time to tumor progression", "ttp"),  # endpoints as abstracts spell them out
    ("time to radiologic progression", "ttp"),
])
def test_names_drug_profiles_spell_out_resolve_with_the_shipped_vocabulary(name, key):
    from hcc_kg.vocab import load_vocabulary
    assert MentionFinder(load_vocabulary()).lookup(name) == key


def test_an_apostrophe_inside_a_name_separates_its_parts():
    finder = MentionFinder(Vocabulary([Entity("zk", "Zorn's kinase", ("Protein",)),
                                       Entity("foonib", "foonib", ("SmallMolecule",))]))
    text = "Foonib blocks Zorn's kinase and Zorn’s kinase; foonib's dose was pretend."
    assert [(m.key, text[m.start:m.end]) for m in finder.find(normalize(text))] == [
        ("foonib", "Foonib"), ("zk", "Zorn's kinase"), ("zk", "Zorn’s kinase"), ("foonib", "foonib")]


def test_a_greek_letter_may_be_set_off_from_the_latin_letters_of_a_name():
    finder = MentionFinder(Vocabulary([Entity("chuk", "CHUK", ("Protein",), ("IKKα",))]))
    text = "it binds IKK-α, IKK\u2010α and IKKα alike"
    assert [text[m.start:m.end] for m in finder.find(normalize(text))] == ["IKK-α", "IKK\u2010α", "IKKα"]
