"""What a drug name no vocabulary holds looks like, and what types it: INN stems, company codes, class
nouns, brand names, and the shapes that put a name beside a drug (apposition, "also known as").

Vocabulary of cue words and patterns only; :mod:`.novel` reads documents with them.

>>> stem_types("Quelimab")
('quelimab', 'limab', ('MonoclonalAntibody',))
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..lexicon import read_stoplist, read_stoplist_reasons

SMALL = ("SmallMolecule",)
TKI = ("SmallMolecule", "TyrosineKinaseInhibitor")
MAB = ("MonoclonalAntibody",)
BISPECIFIC = ("BispecificAntibody", "MonoclonalAntibody")
CELL = ("CellTherapy",)
VACCINE = ("Vaccine",)
DRUG = ("Drug",)  # a drug whose modality the text does not tell
#: Disjoint modalities (ontology section 9): a name gets at most one.
MODALITIES = ("SmallMolecule", "MonoclonalAntibody", "CellTherapy", "Vaccine")

#: INN stems (WHO stem book; 2021 antibody scheme -tug/-bart/-mig) and the types they
#: imply, most specific first.  The -mab sub-stems only name the cue more precisely.
STEMS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("rafenib", TKI), ("tinib", TKI), ("anib", TKI),
    ("ciclib", SMALL), ("lisib", SMALL), ("parib", SMALL), ("degib", SMALL), ("zomib", SMALL),
    # serine/threonine kinase (-sertib), RAS (-rasib), IDH (-sidenib), BCL-2 (-clax), EZH2 (-metostat),
    # IDO (-dostat) inhibitors and androgen receptor antagonists (-lutamide)
    ("sertib", SMALL), ("rasib", SMALL), ("sidenib", SMALL), ("clax", SMALL), ("metostat", SMALL),
    ("dostat", SMALL), ("lutamide", SMALL), ("inostat", SMALL),  # HDAC inhibitors (-inostat)
    ("bresib", SMALL), ("demstat", SMALL),  # bromodomain (BET) and LSD1 inhibitors
    ("estrant", SMALL),  # estrogen receptor antagonists and degraders (-estrant)
    ("platin", SMALL), ("rubicin", SMALL), ("citabine", SMALL), ("taxel", SMALL), ("tecan", SMALL),  # cytotoxics
    ("ciximab", MAB), ("ximab", MAB), ("zumab", MAB), ("limab", MAB), ("tamab", MAB), ("umab", MAB),
    ("mab", MAB), ("tug", MAB), ("bart", MAB), ("mig", BISPECIFIC),
    ("leucel", CELL), ("cept", DRUG),
    # fusion proteins (-fusp), siRNAs (-siran), antisense oligonucleotides (-nersen), herpes-virus vectors (-repvec)
    ("fusp", DRUG), ("siran", DRUG), ("nersen", DRUG), ("repvec", DRUG),
)
#: Shortest stem-bearing name taken: shorter ones are fragments ("zumab") or words.
MIN_STEM_NAME = 8
#: English words that end in a stem ("intercept", "concept"): never drug names.
STEM_WORDS = ("concept", "precept", "percept", "intercept", "except", "accept", "incept")
#: A stem word; not the tail of a word broken at a hyphen the normaliser left ("treme- limumab").
STEM_RE = re.compile(r"(?<![\w])(?<![a-z]- )[A-Za-z][a-z]{2,}(?:" + "|".join(s for s, _ in STEMS) + r")(?![\w])")

#: An antibody-drug conjugate's INN is the antibody's name and its payload's ("zorbituzumab vedotin"):
#: the payload word after an antibody stem belongs to the name.
PAYLOAD = re.compile(r"[ \t]+((?i:[a-z]*(?:dotin|tecan|tansine|tesirine|ozogamicin)))(?![\w-])")  # "Zorbituzumab Deruxtecan" in a title

#: A company code name: 1-5 capitals, optional hyphen and up to three letters, digits ("SHR-1210",
#: "BGB-A317", "NVP-AUY922", "E7080", "CP-675,206", "BAY 43-9006", "PF-02341066"); a prefix with a
#: lower-case letter or a digit inside it ("MORAb-004", "G1T28-1").
CODE = (r"[A-Z]{1,5}-?[A-Z]{0,3}\d{2,8}(?:,\d{3}|-\d{2,6})?[A-Z]?|[A-Z]{2,5} \d{2}-\d{3,5}"
         r"|[A-Z]{3,5}[a-z]-\d{3,6}|[A-Z]\d[A-Z]{1,2}\d{2,5}(?:-\d)?"
         r"|[A-Z]{2,5} (?!(?:19|20)\d\d(?!\d))\d{3,7}")  # "AMG 757", "BI 764532"; not "ESMO 2022"
CODE_RE = re.compile(rf"(?<![\w-])(?:{CODE})(?![\w-])")
#: Code-shaped identifiers of other things: CD markers, registry numbers, interleukins, HLA.
NOT_DRUG_CODE = re.compile(r"^(?:CD|NCT|IL|HLA|ISRCTN|EudraCT)[\s-]?\d")
#: Where a code is a trial's name ("the ABC-301 trial"): never a drug.
TRIAL_WORD = r"(?:trial|study|studies|cohort|phase|programme|program)"

#: Drug-class nouns that type the name they stand next to, most specific first.
CLASSES: tuple[tuple[str, tuple[str, ...]], ...] = (
    (r"(?:bispecific|bifunctional)(?: monoclonal)? antibody|bispecific|bifunctional|BsAb|(?:bispecific )?T[- ]cell engager|BiTE|TCE|"
     r"T[- ]cell[- ]redirecting (?:bispecific )?antibody|TRAB", BISPECIFIC),
    (r"antibody[- ]drug conjugate|ADC", MAB),  # an antibody carrying a payload
    (r"(?:monoclonal )?antibody|mAb|IgG\d? antibody", MAB),
    (r"(?:tyrosine kinase|multi-?kinase|multi-?targeted(?: tyrosine)? kinase) inhibitor|TKI|MKI", TKI),
    (r"kinase inhibitor|small[- ]molecule(?: inhibitor| drug| agent| compound)?", SMALL),
    # a targeted protein degrader ("a BTK degrader", "a PROTAC ER degrader"): a modality, not a name's form
    (r"(?:targeted )?(?:protein )?degrader|PROTAC|molecular glue(?: degrader)?", DRUG),
    (r"CAR[- ]?T(?:[- ]cells?)?(?: therapy| product)?|(?:TCR[- ]?T|T[- ]cell|NK[- ]cell)(?: therapy| product)|cell therapy", CELL),
    (r"vaccine", VACCINE),
    (r"inhibitor|blocker|antagonist|agent|drug|compound|(?:trap )?fusion protein", DRUG),
)
CLASS = "|".join(f"(?P<c{i}>{p})" for i, (p, _) in enumerate(CLASSES))
#: Words a run of modifiers cannot cross: a clause or a second noun phrase starts there, or
#: the statement is negated ("ABC-123 is not an antibody").
STOP = (r"(?:a|an|the|and|or|with|plus|versus|vs|but|which|that|is|was|were|in|to|for|by|than|as|"
         r"not|no|nor|neither|never)")
#: Up to five modifiers before the class noun ("an oral, selective anti-PD-1 ...", "a potent and selective ...", "a PD-1 ×
#: VEGF bispecific": the arms of a bispecific crossed; "a hepatitis C virus (HCV)-directed T-cell therapy": a word glued to
#: the abbreviation in brackets before it).
MODIFIERS = rf"(?:(?!(?i:{STOP})\b)(?:[\w/-]+|×|\([\w-]{{1,10}}\)-[\w-]+),?\s+(?:(?:and|or)\s+)?){{0,5}}?"
#: A determiner: an article or the owner's name ("Acme's investigational T inhibitor").
DETERMINER = r"(?:(?:a|an|the)\s+|(?:[A-Z][\w&.-]*\s+){0,2}[A-Z][\w&.-]*(?:'s?|’s?)\s+)"
CUE = rf"(?P<cue>{MODIFIERS}(?:{CLASS}))(?![\w-])"
NAME_FORM = rf"(?:{CODE}|[A-Za-z][a-z]{{2,}}(?:{'|'.join(s for s, _ in STEMS)}))(?![\w-])"
NAME = rf"(?P<name>{NAME_FORM})"
#: Engineered T cells named by their receptor and its target, with no product name: the receptor before the target
#: ("CAR-GPC3 T cells", "CAR-GPC3 T-cell therapy") or after it ("GPC3-CAR T cells", "GPC3-specific CAR-T cells",
#: "AFP-targeted TCR-T cells").  Only the cells or the cell therapy ("T cells", "T-cell therapy"): "a GPC3 CAR-T cell
#: product, X" names X.
_CELLS = r"T[-\s]?cells\b(?![-\s]+(?:product|candidate)s?\b)|T[-\s]?cell[-\s]therap(?:y|ies)\b"
RECEPTOR_BEFORE = re.compile(r"(?<![\w-])(?P<receptor>CAR|TCR)[-\s]$")
CELLS_AFTER = re.compile(rf"[-\s](?:{_CELLS})")
RECEPTOR_CELLS_AFTER = re.compile(rf"[-\s](?:(?:specific|targeted|targeting|directed|redirected)[-\s])?"
                                  rf"(?P<receptor>CAR|TCR)[-\s]?(?:{_CELLS})")
#: The label such cells are known by across documents (from the receptor and the target's label) and their key (from
#: the receptor and the target's key, which :mod:`.cell_product_targets` reads back).
CELL_PRODUCT_LABEL = "{receptor}-{target} T cells"
CELL_PRODUCT_KEY = "{receptor}_{target}_t_cells"
CELL_PRODUCT_KEY_RE = re.compile(r"(?P<receptor>car|tcr)_(?P<target>[a-z0-9_]+?)_t_cells")


#: "a novel small molecule, dimethyl 2-(4-aminobenzyl)malonate (ABC-6), ...": the class, the compound's systematic name
#: (its last word holding a locant: "2-(", "4,5-"), then the code it is given in brackets; a code of one digit is a
#: name here (:data:`SHORT_CODE`), the systematic name before it having said it is a compound.
SYSTEMATIC = r"(?:[\w,'’\[\]()-]+\s+){0,3}?(?=[\w,'’\[\]()-]*\d[,(\[-])[\w,'’\[\]()-]+"
SHORT_CODE = r"[A-Z]{2,5}-\d(?![\w-])"
CUED_SYSTEMATIC = re.compile(rf"(?<![\w-])(?P<cue>(?:(?!(?i:{STOP})\b)[\w/-]+\s+){{0,3}}?(?:{CLASS})),\s+{SYSTEMATIC}\s+"
                             rf"\((?P<name>{CODE}|{SHORT_CODE})\)")
#: "ABC-123 and XYZ-45, two FGFR4 inhibitors": a count, then a plural class noun, after the last of the codes it
#: speaks of; the codes coordinated before that one ("ABC-123 and") are read by :data:`COORDINATED_BEFORE`.
CUED_COUNTED = re.compile(rf"(?<![\w-]){NAME}\s*,\s*(?:the\s+)?(?:two|three|four)\s+(?P<cue>{MODIFIERS}(?:{CLASS})s)(?![\w-])")
COORDINATED_BEFORE = re.compile(rf"(?<![\w-])(?P<names>(?:{CODE})(?:\s*,\s*(?:{CODE}))*)\s*,?\s+and\s+$")
#: "ABC-123, a PD-1 inhibitor", "ABC-123 (a PD-1 inhibitor)", "ABC-123 is an antibody".
CUED_AFTER = re.compile(rf"(?<![\w-]){NAME}(?:\s*\([^()]{{1,30}}\))?(?:\s*[,(]\s*|\s+(?:is|was)\s+)"
                    rf"{DETERMINER}?{CUE}")
#: "the anti-PD-1 antibody ABC-123"; "its KRAS inhibitor, ABC-123," (the name set off by commas, maybe its maker in
#: brackets: "an anti-T antibody, ABC-123 (Maker),"); "a new
#: compound, known as ABC-123,", "an antibody called ABC-123": the class noun, then what it is called.
CALLED = r",?\s+(?:(?:also\s+)?known\s+as|called|named|designated)\s+"
CUED_BEFORE = re.compile(rf"(?<![\w-])(?P<cue>(?:(?!(?i:{STOP})\b)[\w/-]+\s+){{0,3}}?(?:{CLASS}))"
                         rf"(?:\s+|,\s+(?={NAME_FORM}(?:\s*\([^()]{{1,30}}\))?,)|{CALLED}){NAME}")
#: "FGFR4 inhibitors such as ABC-123 and XYZ-45", "the T-selective inhibitors ABC-123 and XYZ-45", "T inhibitors
#: (ABC-123, XYZ-45)": a plural class noun, then its members (the first here, the rest by :data:`LISTED`).
CUED_PLURAL = re.compile(rf"(?<![\w-])(?P<cue>(?:(?!(?i:{STOP})\b)[\w/-]+\s+){{0,3}}?(?:{CLASS})s)"
                         rf"(?:\s+|\s*\(\s*|,?\s+(?:such as|including|e\.g\.,?|like)\s+)(?P<name>{CODE})(?![\w-])")
#: "the ABC-123 antibody", "the ABC-123 (T-targeting) antibody": a code heading a class noun after an article.
CUED_HEAD = re.compile(rf"\b(?:[Tt]he|[Aa]n?|[Tt]his|[Ii]ts)\s+(?P<name>{CODE})(?:\s*\([^()]{{1,40}}\))?\s+(?P<cue>{CLASS})(?![\w-])")
#: A dose right after a name types it as a drug given to patients: "ABC-123 200 mg twice daily", "ABC-123 at 10 mg/kg",
#: "ABC-123 at a dose of 5 mg", "ABC-123 (400 mg)".  Only a code-shaped name is read so (a word before a dose,
#: "the dose 200 mg", is none); here a code may end in a number set apart by a space, as a pegylated enzyme's does
#: ("ZX-PEG 20 18 mg/m2": "ZX-PEG 20" is the name, 18 mg/m2 its dose).
DOSE = (r"(?:\s+at(?:\s+an?)?(?:\s+(?:fixed\s+|flat\s+)?dose\s+of)?\s+|\s*\(\s*|\s+)\d+(?:\.\d+)?\s*"
        r"(?:mg|mcg|µg|μg|g|IU|units?)(?:\s*/\s*(?:kg|m2|m²|m\^2|day|d|dose|week))?(?![\w/])")
# (a code's last number set apart by a space needs the hyphened prefix: "ECOG 1 200 mg" is a score and a dose)
_DOSED_CODE = r"[A-Z]{2,5}-[A-Z]{2,5} \d{1,3}|[A-Z]{2,5}-\d"
#: Words of a trial's structure, no drug, even before a dose: "LEVEL 2 10 mg/kg", "COHORT 3 200 mg".
DOSE_STRUCTURE = re.compile(r"^(?:DOSE|DL|LEVEL|COHORT|ARM|PART|PHASE|GRADE|STAGE|CYCLE|DAY|WEEK|STEP|GROUP)\b")
DOSED = re.compile(rf"(?<![\w-])(?P<name>{_DOSED_CODE}|{CODE})(?={DOSE})")
#: A code named as the means of inhibiting something: "inhibition of T using ABC-123", "blocking T with the antagonist
#: ABC-123", "targeting the receptor (T) by ABC-123".
MEANS = re.compile(r"\b(?i:inhibition|inhibiting|blockade|blocking|antagonism|antagoni[sz]ing|targeting)\s+(?:of\s+)?[^.;:]{1,100}?"
                   r"\s(?:using|with|by)\s+(?:the\s+)?(?:(?:[\w-]+\s+){0,3}?(?:inhibitor|antagonist|compound|agent|drug)\s+)?"
                   rf"(?P<name>{CODE})(?![\w-])")
#: A protein variant has the form of a code ("V600E", "T790M", "G12C"): never a drug in any cue.
VARIANT = re.compile(r"[A-Z]\d{2,4}[A-Z]")
#: What joins a code to a drug: "(ABC-123)", "(also known as ABC-123)", ", formerly ABC-123".
ALIAS = r"(?:also known as|formerly(?: known as)?|previously(?: known as)?|aka|a\.k\.a\.)"
#: An antibody-drug conjugate's short form: the antibody's or the target's short name, then the payload's
#: ("T-DXd", "HER3-DXd", "Dato-DXd", "T-DM1", "Teliso-V"); in parentheses after the conjugate it is its alias.
ADC_SHORT = r"[A-Za-z][A-Za-z0-9]{0,7}-(?:DXd|DM[14]|MMAE|MMAF|SN-?38|V)"
ADC_SHORT_RE = re.compile(ADC_SHORT)
CODE_AFTER = re.compile(rf"^\s*(?:\(\s*(?:{ALIAS}\s+)?(?P<p>{CODE}|{ADC_SHORT})\s*\)|,\s*{ALIAS}\s+(?P<c>{CODE})(?![\w-]))")
#: "Also called X, ABC-123, and Brand": a dictionary entry's list of one drug's other names.
NAMES_OF_ONE = re.compile(r"\b(?:[Aa]lso called|[Aa]lso known as|[Oo]ther names?:?)\s+$")
CODE_BEFORE = re.compile(rf"(?<![\w-])(?P<code>{CODE})\s*\(\s*$")
#: A brand name beside a drug, in the forms a label, notice or press release prints it: in capitals
#: ("ZORVEX") or marked as a trademark ("Zorvex®"); inside parentheses two words ("LUNAVO VELO").
MARK = r"\s?[®™]"
CAPITALS = r"[A-Z][A-Z-]{3,}(?![\w-])"  # no digits: "ABC-123" is a code, "STUDY-301" a trial
BRAND_WORD = rf"(?:{CAPITALS}(?:{MARK})?|[A-Z][a-z]{{3,}}{MARK})"
BRAND_WORDS = rf"(?:{CAPITALS}(?:\s{CAPITALS})?(?:{MARK})?|[A-Z][a-z]{{3,}}(?:\s[A-Z][a-z]{{2,}})?{MARK})"
#: The suffix of a US biologic's proper name, after its INN: "zorbamab-abcd".
BIOLOGIC_SUFFIX = r"(?:-[a-z]{4})?"
#: "zorbamab (ZORVEX)", "zorbamab (Zorvex®)": the parentheses hold the brand and nothing else.
BRAND_AFTER = re.compile(rf"{BIOLOGIC_SUFFIX}\s*(?:{MARK})?\s*\(\s*(?P<brand>{BRAND_WORDS})\s*\)")
#: "ZORVEX (zorbamab-abcd)", "Zorvex® (zorbamab)"; a capitalised word with neither capitals nor mark
#: only before a biologic's proper name ("Zorvex (zorbamab-abcd)"): "Control (zorbamab)" names an arm.
#: One word: in a headline set in capitals the word before is no part of the name.
BRAND_BEFORE = re.compile(rf"(?<![\w-])(?:(?P<brand>{BRAND_WORD})|(?P<titled>[A-Z][a-z]{{3,}}))\s*\(\s*$")
BRAND_CLOSE = re.compile(rf"(?P<suffix>{BIOLOGIC_SUFFIX})\s*\)")
#: A code listed right after a drug is one more drug: "tarlatamab (formerly AMG 757), BI 764532, and HPN328";
#: not a cell line, a model or a trial ("sorafenib and MHCC97H cells").
LISTED = re.compile(rf"(?:\s*\([^()]{{1,40}}\))?\s*(?:,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+)(?P<name>{CODE})(?![\w-])"
                     r"(?!\s+(?:cells?|cell\s+lines?|xenografts?|tumou?rs?|mice|models?|trials?|study|studies|cohorts?)\b)")


def stem_types(word: str) -> tuple[str, str, tuple[str, ...]] | None:
    """(label, stem, types) for a word bearing an INN stem, or None.

    >>> stem_types("Quelimab")
    ('quelimab', 'limab', ('MonoclonalAntibody',))
    >>> stem_types("intercept"), stem_types("zumab"), stem_types("mAbs")
    (None, None, None)
    """
    label = word.lower()
    if len(word) < MIN_STEM_NAME or not re.fullmatch(r"[A-Za-z][a-z]+", word) or label.endswith(STEM_WORDS):
        return None
    for stem, types in STEMS:
        if label.endswith(stem):
            return label, stem, types
    return None


def class_types(match: re.Match) -> tuple[str, ...]:
    """The types the class noun a cue pattern matched implies (the first of :data:`CLASSES` that matched)."""
    return next(CLASSES[i][1] for i in range(len(CLASSES)) if match.group(f"c{i}"))


def drug_like(name: str, trial_codes: set[str]) -> bool:
    """Has ``name`` the form of a drug name (a stem or a code that is no trial or marker)?"""
    if stem_types(name):
        return True
    return bool(CODE_RE.fullmatch(name)) and not NOT_DRUG_CODE.match(name) and name not in trial_codes


def trial_codes(text: str) -> set[str]:
    """Code-shaped names the document uses as trial names ("the ABC-301 trial").

    >>> sorted(trial_codes("In the ZX-301 trial and study QR-12, ABC-123 was given."))
    ['QR-12', 'ZX-301']
    """
    after = re.finditer(rf"(?<![\w-])({CODE})\s+{TRIAL_WORD}\b", text, re.IGNORECASE)
    before = re.finditer(rf"\b{TRIAL_WORD}\s+({CODE})(?![\w-])", text, re.IGNORECASE)
    return {m.group(1) for m in after} | {m.group(1) for m in before}


def fits(short: str, long_form: str) -> bool:
    """Do the short form's letters and digits appear in order in the long form, the first
    one being the long form's first letter (case-insensitive)?"""
    chars = [c.casefold() for c in short if c.isalnum()]
    text = long_form.casefold()
    if not chars or chars[0] != text[:1] or len(chars) >= len(text):
        return False
    position = 1
    for char in chars[1:]:
        position = text.find(char, position) + 1
        if position == 0:
            return False
    return True


@lru_cache(maxsize=1)
def stoplisted() -> frozenset[str]:
    """The clinical abbreviations (OS, PFS, HR, ...) and words no name may take (the lexicon's stoplist)."""
    return frozenset(read_stoplist())


@lru_cache(maxsize=1)
def stoplist_meanings() -> dict[str, str]:
    """What each stoplisted clinical abbreviation stands for, where the stoplist says ("RT": "radiotherapy")."""
    return {key: why.split(";")[0].strip() for key, why in read_stoplist_reasons().items() if why}


@lru_cache(maxsize=1)
def regimen_acronyms() -> frozenset[str]:
    """The stoplisted names that are regimens' acronyms ("STRIDE"): no lexicon name, but a document may define
    one for the drugs it names."""
    return frozenset(key for key, action in read_stoplist().items() if action == "regimen")


def names_a_trial(name: str, text: str) -> bool:
    """Is ``name`` a trial's name in ``text`` ("the ZRB trial", "study ZRB")?

    >>> names_a_trial("ZENITH", "In the ZENITH trial, ..."), names_a_trial("ZORVEX", "ZORVEX (zorbamab) ...")
    (True, False)
    """
    name = re.escape(name)
    return bool(re.search(rf"(?<![\w-]){name}\s+{TRIAL_WORD}\b|\b{TRIAL_WORD}\s+{name}(?![\w-])", text, re.IGNORECASE))


_WORD_RE = re.compile(r"[A-Za-z][\w-]*")


def initials_before(text: str, end: int, short: str) -> tuple[int, int] | None:
    """The span of the words right before ``end`` whose initials spell ``short``, one word per letter, the last
    letter perhaps left over ("single tremelimumab regular interval durvalumab (STRIDE)"), None when they do not.

    >>> initials_before("a single zorb regular interval quel (SZRIQ)", 36, "SZRIQ")
    (2, 35)
    >>> initials_before("zorbatinib plus quelvumab (ZPQ)", 26, "ZQ") is None
    True
    """
    for count in (len(short), len(short) - 1):
        words = list(_WORD_RE.finditer(text, 0, end))[-count:] if count >= 3 else []
        if len(words) == count and all(w.group()[0].casefold() == c.casefold() for w, c in zip(words, short)) \
                and re.fullmatch(r"\s*\(?", text[words[-1].end():end]):
            return words[0].start(), words[-1].end()
    return None
