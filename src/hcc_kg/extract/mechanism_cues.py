"""The words of the drug→target shapes (:mod:`.mechanisms`): cues, head nouns, and the gaps a
cue may govern a target list across.  Vocabulary of English, never names of drugs or targets.
"""

from __future__ import annotations

import re

from .normalize import NUMBER_WORDS  # noqa: F401  (the counted readers' number words, one table)
from .subjects import ADVERB, MODIFIER, OWN_ACTION_NOUN
from .target_modifiers import ALTERATION, EFFECT

# Newer modalities name their target the same way: "a T-targeting ADC", "a T x U T-cell engager", "a T degrader".
# Engineered cells name theirs so too: "a GPC3-directed CAR-T cell therapy", "the T TCR-T product X".
CELL_HEAD = (r"(?:CAR|TCR)[- ]?T(?:[- ]?cells?)?(?:\s+(?:cell\s+)?(?:therap(?:y|ies)|products?))?"
             r"|T[- ]cells?\s+products?")  # "a T-targeting (engineered) T cell product"
MODALITY_HEAD = (r"ADCs?|(?:antibody[- ])?(?:drug )?conjugates?|(?:T[- ]cell[- ])?engagers?|TCEs?|BiTEs?|degraders?|PROTACs?|"
                 rf"{CELL_HEAD}")
# ("BsAb": a bispecific antibody, "TRAB": a T cell-redirecting antibody, as abstracts shorten them; "X, a PD-1
# blockade": the drug called by what it does, as some abstracts put it)
HEAD = (r"(?:inhibitors?|antibod(?:y|ies)|mAbs?|[Bb]s[Aa]bs?|TRABs?|blockers?|blockades?|(?:ant)?agonists?|TKIs?|MKIs?|nanobod(?:y|ies)|traps?"
        rf"|{MODALITY_HEAD}|fusion proteins?|agents?|drugs?|compounds?|therap(?:y|ies)|molecules?)")
# Heads that name a drug's action by themselves; "agent", "drug" need "anti-T" or "T-targeted".
STRONG_HEAD = re.compile(r"(?:inhibitor|antibod|mAb|BsAb|TRAB|blocker|blockade|(?:ant)?agonist|TKI|MKI|nanobod|trap|ADC|conjugate|(?:T[- ]cell[- ])?engager|TCE|CAR|TCR|"
                         r"BiTE|degrader|PROTAC)", re.IGNORECASE)
TARGET_SUFFIX = r"(?:-?\s*(?:targeted|targeting|directed|specific|selective)\)?)?"  # "X (T-targeting) antibody"
SUCH_AS = r"(?:such as|including|e\.g\.,?|like|namely|for example,?)"
# After a bare "X, anti-T": more items and a closing "or"/"and" make it a list's item ("X, anti-T, both, or placebo").
LIST_GOES_ON = re.compile(r"\s*(?:antibod(?:y|ies)|mAbs?)?\s*,\s*(?:[^,;.()\s][^,;.()]{0,39},\s*){0,4}(?:or|and)\s", re.IGNORECASE)

VERB_CUE = (# "X has inhibitory activity for A and B", "with lower inhibiting capacity on C" (before "inhibiting")
            r"inhibit(?:ory|ing) (?:activity|potency|capacity) (?:for|on)|"
            r"inhibit(?:s|ed|ing)?|block(?:s|ed|ing)?|disrupt(?:s|ed|ing)?|suppress(?:es|ed|ing)?|abrogat(?:es|ed|ing|e)|abolish(?:es|ed|ing)?|attenuat(?:es|ed|ing|e)|degrad(?:es|ed|ing|e)|spar(?:es|ed|ing)|target(?:s|ed|ing)?|antagoni[sz](?:es|ed|ing|e)|"
            # an agonist's verb ("X activates T"; not "activating mutations of T", a state of the target)
            rf"activat(?:es|ed|ing|e)(?![\s-]+(?:[\w-]+[\s-]+)?{ALTERATION}\b)|"
            r"interfer(?:es|ed|ing|e) with|(?:bind(?:s|ing)?|bound)(?:\s+(?:directly|specifically|selectively|preferentially|"
            r"tightly|strongly|potently|covalently|irreversibly|reversibly))?(?: to| with)?|engag(?:es|ed|ing|e)|neutrali[sz](?:es|ed|ing|e)|"
            # a ligand-binding drug's plain verbs: "X sequesters A", "X traps A and B" (not the noun "a trap")
            r"sequester(?:s|ed|ing)?|trap(?:s|ped|ping)|"
            r"recogni[sz](?:es|ing|e)|"  # an antibody recognizes its antigen (not "recognized as")
            r"attach(?:es|ed|ing)?(?: itself)? to|"  # a public summary's plain words ("works by attaching to T")
            r"prevent(?:s|ed|ing)?|(?:inhibitory )?(?:activity|potency|profile) (?:against|on|towards?)|inhibitory effects? (?:on|against)|"
            # "X showed IC50 values of 2 and 5 nM against A and B": an inhibitory concentration on each target
            # (not "of >10 µM", which says it hardly inhibits)
            r"IC50s?(?: values?)?(?: of (?![^;()]{0,40}?(?:>|≥|above|greater|more than|higher|exceed))[^;()]{1,40}?)? "
            r"(?:against|on|for|towards?)|active (?:against|towards?)|(?:binding )?(?:selectivity|specificity) (?:for|against)|"
            # "an antibody with high affinity for T": how strongly it binds T (a weak affinity is not read)
            r"(?:high|strong)[- ](?:binding )?affinity (?:binding )?(?:for|to)|"  # also "high affinity binding to T"
            r"selective (?:for|against|towards?)|(?:highly |very |equally )?potent (?:against|towards?)|"
            # "a TKI with a wide range of kinase inhibition, including A": the inhibition's members
            r"inhibition(?=\s*,?\s*(?:including|such as|e\.g\.|against))|"
            # "X exhibits potent inhibition of T": the nominal after a verb of having (the subject rules check the verb)
            r"(?:(?<=exhibits )|(?<=exhibited )|(?<=shows )|(?<=showed )|(?<=displays )|(?<=displayed )|(?<=exerts )|(?<=exerted )|(?<=potent )|"
            r"(?<=strong )|(?<=selective )|(?<=marked )|(?<=profound )|(?<='s )|(?<=’s )|"
            # ... and the other adjectives of how a drug inhibits ("balanced inhibition of A, B and C")
            r"(?<=balanced )|(?<=dual )|(?<=robust )|(?<=broad )|(?<=irreversible )|(?<=reversible )|(?<=covalent )|"
            r"(?<=competitive )|(?<=direct )|(?<=simultaneous )|(?<=sustained )|(?<=preferential )|(?<=specific )|"
            # ... or set against another drug's ("Y showed similar inhibition of T", "stronger inhibition of T than X")
            r"(?<=similar )|(?<=comparable )|(?<=stronger )|(?<=greater )|(?<=significant )|(?<=effective )|"
            # "X, a T inhibitor with off-target inhibition of A": a secondary activity is still the drug's
            r"(?<=off-target )|(?<=additional )|(?<=secondary )|(?<=weaker )|(?<=weak )|"
            # "X showed no (or negligible) inhibition of T": an amount that is none (epistemics reads it negative)
            r"(?<=no )|(?<=negligible )|(?<=minimal )|(?<=little ))inhibition of|"
            # "X is directed against T", "X acts on several kinases, including T"
            r"directed (?:against|at|towards?)|act(?:s|ed|ing)? (?:on|upon|against)|aim(?:s|ed|ing)? (?:at|against)|"
            # a degrader's action as a noun: "X induces rapid degradation of T", "X catalyzes ubiquitylation and
            # proteasomal degradation of T" (read only where the text calls a drug a degrader: DEGRADER_TEXT)
            r"(?:induc|promot|caus|trigger|catalyz|mediat)(?:es|ed|ing|e|s)?\s+(?:[\w-]+\s+){0,4}?degradation of|"
            # "X works through (the) inhibition of T": a nominal verb after a preposition of means
            r"(?:(?<=by )|(?<=via )|(?<=through ))(?:(?:the|its|their)\s+)?"
            r"(?:inhibition|blockade|targeting|antagonism|neutrali[sz]ation) of|"
            # "The benefit of X is attributed to its (potent) inhibition of T": the drug's own action, "its" its owner
            rf"(?<=its ){OWN_ACTION_NOUN}")
# "a tyrosine kinase inhibitor (TKI) of T", "an antibody (mAb) against T": the head's own short form may stand
# in parentheses between the head and its preposition.
SHORT_FORM = r"(?:\s*\([A-Za-z]{2,6}s?\))?"
NOUN_CUE = (rf"(?:inhibitor|blocker|(?:ant)?agonist|MKI|TKI|degrader)s?{SHORT_FORM} of|"
            # a VEGF trap's shape: "a decoy receptor for A and B", "a soluble receptor of A", "a ligand trap for A"
            r"(?:(?:soluble\s+)?decoy|soluble)\s+receptors?\s+(?:for|of)|(?:ligand\s+)?traps?\s+(?:for|of)|"
            rf"(?:antibod(?:y|ies)|mAbs?|nanobod(?:y|ies)|inhibitors?|blockers?|(?:ant)?agonists?|TKIs?|MKIs?|{MODALITY_HEAD}|agents?){SHORT_FORM} "
            r"(?:against|to|targeting|directed (?:against|at|to)|aim(?:ed|ing) at|specific (?:for|to))")
CUE = re.compile(rf"\b(?:(?P<noun>{NOUN_CUE})|(?P<verb>{VERB_CUE}))(?![\w-])", re.IGNORECASE)
# Between a cue and the target list it governs: a few words, maybe "..., including".
# "inhibits the tyrosine kinase activity associated with A": the activity is the target's own.
ACTIVITY_OF = r"(?:activit(?:y|ies)|functions?|actions?)\s+(?:associated with|mediated by)"
# "binds with high affinity to T": how it binds, not what.
HOW_IT_ACTS = r"(?:with\s+)?(?:[\w-]+\s+){0,2}(?:affinity|specificity|selectivity|potency)(?:\s+(?:to|for))?"
# "blocks the interaction between T and its ligands": T is what it binds; between A and B it could be either.
INTERACTION_OF = re.compile(r"^\s+(?:the\s+)?(?:interactions?|binding|engagement)\s+(?:between|of)\s+(?:the\s+)?$", re.IGNORECASE)
OWN_PARTNER_AFTER = re.compile(r"^[\s)]*(?:and|with|to)\s+(?:both\s+)?(?:its|their)\b", re.IGNORECASE)
# "against wild-type and V600E-mutant B": states of the target, coordinated.
# "both the wild type as well as the mutated T": the same, with "as well as" and articles.
STATE_AND = (r"(?:wild[- ]type|mutant|mutated|activated|activating|resistance|resistant|sensiti[sz]ing|oncogenic|[A-Z]\d+[A-Z]-?\w*)"
             r"\s+(?:and|or|as\s+well\s+as)")
# "blocking a protein called T": the plain-language way to introduce a target.
# "blocks a different \"brake\" on immune cells, called T": a short plain-language description before the name.
# ... a plain-language gloss in brackets after the noun: "a receptor (target) called T", as EMA summaries write it.
CALLED = (r"(?:(?:an?|the)\s+)?(?:(?:[\w-]+\s+)?(?:protein|receptor|molecule|enzyme|kinase|switch|signal)s?(?:\s+\([a-z]+\))?"
          r"|(?:[\w\"“”'‘’-]+\s+){0,6}?[\w\"“”'‘’-]+)"
          r",?\s+(?:called|named|known as)")
# "targets oncogenic rearrangements in A, B and C", "inhibits fusions involving T": the altered forms of the target.
ALTERED_IN = (rf"(?:(?:oncogenic|activating|sensiti[sz]ing|resistance)\s+)?(?:{ALTERATION}|mutant\s+forms?)"
              r"\s+(?:in|of|involving)")
# "binds two separate regions on T", "binds the ATP pocket of T": where on the target the drug binds.
PART_OF = r"(?:regions?|sites?|epitopes?|domains?|pockets?)\s+(?:on|of|in|within)"
# "the serine/threonine kinases A and B": the residues a kinase class phosphorylates, joined by a slash.
RESIDUES = r"(?:serine|threonine|tyrosine)(?:\s*/\s*(?:serine|threonine|tyrosine))+"
# "targets angiogenic, stromal and oncogenic kinases (A, B)": adjectives coordinated before a category noun.
COORDINATED_CLASS = (r"(?:[\w-]+,\s+){0,4}(?:[\w-]+,?\s+)?(?:and|or)\s+[\w-]+"
                     r"(?=\s+(?:kinases|receptors|RTKs|targets|proteins|enzymes)\b)")
FILLER = re.compile(rf"^(?:[\s(]+(?:{COORDINATED_CLASS}|{RESIDUES}|{ACTIVITY_OF}|{HOW_IT_ACTS}|{CALLED}|{STATE_AND}|{ALTERED_IN}|{PART_OF}|{MODIFIER}|the|an?|its|their|of|both|all|not only|"
                    r"(?:involved|implicated) in|(?:associated|linked) with|related to)){0,8}"
                    rf"(?:\s*,?\s*{SUCH_AS})?"
                    # "targeting, among (the) others, A and B": an aside that the list is not all of them
                    r"(?:\s*,\s*among\s+(?:the\s+)?others\s*,)?"
                    r"(?-i:(?:\s+[A-Z][A-Z0-9-]{1,9},){0,3})"  # "of XYZ-1, XYZ-2, KIT": symbols the vocabulary lacks
                    r"[\s(:]*$", re.IGNORECASE)
# "X inhibits several kinases of the family, including A", "kinases (RTKs; A, B)": a category, then its members
# (described at length perhaps: "other RTKs that have been implicated in A, B and C in addition to their normal
# functions, including A").
# "targets both angiogenic pathways (i.e., A and B)": the category's members in parentheses.
CATEGORY_FILLER = re.compile(r"^\s(?:[^;:.()]|\([\w-]{1,8}\)){0,200}?(?:,?\s*\(?\s*(?:including|such as|e\.g\.,?|i\.e\.,?|namely|"
                             r"(?:that|which)\s+include[sd]?|"  # "an inhibitor of several kinases that include A and B"
                             r"among (?:others|them)|in particular|notably|especially|particularly)"
                             r"(?:\s*,?\s*but\s+not\s+limited\s+to\s*,?)?"  # "including, but not limited to, A"
                             r"(?:\s+the(?=\s))?"  # "including the FGF receptors A, B"
                             # "including those involved in angiogenesis (A, B)": the pronoun stands for the category,
                             # described by the process its members take part in
                             r"(?:\s+those\s+(?:(?:that|which)\s+are\s+)?(?:(?:involved|implicated)\s+in|"
                             r"(?:associated|linked)\s+with|related\s+to|important\s+(?:in|for))(?=\s)"
                             r"(?:\s+[^;:.()]{1,60}?(?=\s*\())?)?"  # (the process unnamed by the vocabulary: "cell growth (")
                             r"|\([A-Za-z]{2,8}[;:,])[\s(:]*$", re.IGNORECASE)
# "kinases involved in tumour growth, angiogenesis and metastasis, including A, B": the processes a category of
# kinases or receptors takes part in, named between the category and its members.
# ... "other RTKs that have been implicated in A, B, and C in addition to their normal functions, including A, B"
CATEGORY_PURPOSE = re.compile(r"\b(?:kinases?|receptors?|proteins?|targets?|enzymes?|RTKs?)\s+"
                              r"(?:(?:that|which)\s+(?:are|is|were|ha(?:ve|s)\s+been)\s+)?"
                              r"(?:(?:also|mainly|critically)\s+)?(?:involved|implicated|important|essential|indispensable)"
                              r"\s+(?:in|for)\s+[^;:.()]{0,140}$", re.IGNORECASE)
CATEGORY_MEMBERS_NEXT = re.compile(r"^[^;:.()]{0,140}?,?\s*\(?\s*(?:including|such as|e\.g\.,?|namely|notably)(?:\s+the)?\s*$",
                                   re.IGNORECASE)
# "blocks several receptor tyrosine kinases (RTKs) -A, B and C": a plural category, then a dash opening its members.
CATEGORY_DASH = re.compile(r"^\s(?:[^;:.()]|\([\w-]{1,8}\)){0,100}?\b(?:kinases|receptors|targets|RTKs|proteins|enzymes)"
                           r"\s*(?:\([\w-]{1,8}\))?\s*[-–—]\s*$", re.IGNORECASE)
# "blocks the proteins made by the mutated A and B genes": the plain-language way to name a gene's product.
PRODUCT_OF_GENE = re.compile(r"^\s+(?:(?:an?|the|certain)\s+)?(?:(?:abnormal|mutant|altered|fusion|faulty)\s+)?proteins?\s+"
                             r"(?:made|encoded|produced|coded|expressed)\s+(?:by|from)\s+(?:(?:an?|the)\s+)?"
                             r"(?:(?:mutated|mutant|abnormal|altered|changed|faulty)\s+)?(?:forms?\s+of\s+(?:the\s+)?)?$",
                             re.IGNORECASE)
# "X targets three drivers of tumour growth—A, B and C" (the dash read as a comma), "X inhibits two kinases, A and B":
# a counted category, then as many members.
COUNTED_CATEGORY = re.compile(r"^\s+(?:the\s+)?(?P<count>\d|two|three|four|five|six|seven|eight|nine|ten)\s+"
                              r"[^;:.()]{1,80}?\s*[,:]\s*$", re.IGNORECASE)
# "X targets three drivers of tumour growth: A, B and C": a colon hands the object on to a list.
COLON_FILLER = re.compile(r"^\s[^;:.()]{1,80}:\s*$")

# "blocks the binding of its ligands A and B": the ligands are the target's partners, not targets.
# "blocking its receptor (PD-1)": the receptor of the target just named is its partner too.
PARTNER = re.compile(r"\b(?:ligands?|partners?|counter-?receptors?|binding partners?|(?:its|their)\s+(?:\w+\s+)?receptors?)\b",
                     re.IGNORECASE)

# Words that make an activity secondary to the one just named ("with lesser activity against", "with
# off-target inhibition of").
SECONDARY = (r"(?:lesser|less|weaker|weak|lower|reduced|modest|minor|moderate|residual|some|additional|secondary|"
             r"off-target)")
# "inhibited phosphorylation of A", "blocks the activation of B", "reduced expression of C": an effect
# downstream of the drug's target, not the target (as "A phosphorylation" is no target either).  A kinase's
# own autophosphorylation is not among them; nor are the words that describe the gene ("inhibited the
# expression of the anti-apoptotic gene C").
DOWNSTREAM_OF = re.compile(rf"^\s+(?:the\s+)?(?:[\w-]+\s+)?(?<!auto){EFFECT}\s+of\s+(?:the\s+)?(?:[\w-]+\s+)?(?:genes?\s+|proteins?\s+)?$",
                           re.IGNORECASE)
# "binds to T and blocks the pro-angiogenic effects of L": what is blocked is what L does (through the receptor the
# drug binds), not L itself.
EFFECTS_OF = re.compile(r"^\s+(?:the\s+)?(?:[\w-]+\s+){0,2}(?:effects?|actions?)\s+of\s+(?:the\s+)?$", re.IGNORECASE)
# A list after a list: "binds to T, thereby blocking T" keeps the first statement's subject.
CHAIN_GAP = re.compile(r"^\)?\s*(?:,\s*(?:and\s+|as\s+well\s+as\s+)?|\s+(?:and|as\s+well\s+as)\s+)"
                       # "blocks the VEGFRs, specifically targeting A and B": the participle narrows the first object
                       r"(?:thereby|thus|therefore|so|also|directly|subsequently|specifically|selectively|preferentially|"
                       r"particularly|notably|mainly|primarily)?\s*$"
                       r"|^\)?\s*(?:thereby|thus)\s*$"
                       # "X inhibits A but spares B", "X blocks A but does not bind B": one subject, two verbs
                       rf"|^\)?\s*,?\s+(?:but|yet)(?:\s+{ADVERB})*\s*$"
                       # "X binds A with high affinity, with weaker activity on B": a second object of the same subject
                       r"|^\)?[^;:.()]{0,60}?,\s+(?:and\s+)?with\s+(?:[\w-]+\s+){0,2}$"
                       # "X is an inhibitor of A with lesser activity against B": a weaker or secondary activity
                       # needs no comma before "with"
                       rf"|^\)?[^;:.()]{{0,60}}?\s+with\s+{SECONDARY}\s+(?:[\w-]+\s+)?$", re.IGNORECASE)
# "..., as well as other kinases implicated in X, including A": more of the same object, no new cue.
MORE_OF_THE_SAME = re.compile(r"^\)?\s*,?\s*(?:in addition to|as well as|along with|besides)\b[^;.]{0,120}?"
                              r"\b(?:including|such as|namely)\s*$"
                              # "activity against A, as well as against B": the preposition said again
                              r"|^\)?\s*,?\s*(?:as well as|and(?:\s+also)?)\s+(?:against|on|towards?)\s+(?:the\s+)?$"
                              # "A, B, and many other kinases that are implicated in X, including C": "other" says the
                              # members after it are more of what the verb acts on
                              r"|^\)?\s*,?\s*(?:and|as well as)\s+(?:(?:many|several|various|numerous|multiple|some)\s+)?other\s+"
                              r"(?![^;.]*\b(?:ligands?|partners?)\b)[^;:.()]{1,120}?,?\s*(?:including|such as|namely)\s*$"
                              # "A (i.e., B) and direct oncogenic pathways (e.g., C)", "A and several RTKs, including B",
                              # "Raf kinases and receptor tyrosine kinases (B, C)": a second category of the same object
                              # (a symbol the vocabulary lacks may end the first: "(KIT, BRAFV600E), and C (D)")
                              r"|^(?![^;.()]*\b(?:its|their|thereby|thus|which|that|of)\b)[\s)]*"
                              r"(?:,\s*[A-Z][A-Z0-9-]{1,11}\s*\))?[^;.()]{0,40}?\band\s+"
                              # ("... and kinases associated with angiogenesis (B, C)": a participle describing the category)
                              r"(?![^;.()]*\b(?:is|are|was|were|has|have|(?<!associated )(?<!linked )with|by|for|"
                              r"(?<!involved )(?<!implicated )in|(?<!related )to)\b)"
                              r"[^;.()]{1,60}?(?:\(\s*(?:(?:e\.g\.|i\.e\.|including|such as|namely),?\s*)?|,?\s*(?:including|such as|namely)\s*)$",
                              re.IGNORECASE)
# "the A pathway and B", "A signalling, and B", "A, a receptor kinase, and B": the head noun or an appositive
# of one object, then the next object of the same verb.
# ("(PDGF-β) kinase, as well as B": a Greek letter the symbol's unit did not take in may come first)
OBJECT_HEAD_THEN_AND = re.compile(r"^(?:-(?:alpha|beta|gamma|α|β|γ)\b)?\)?\s*(?:(?:signal(?:l)?ing\s+)?(?:pathways?|cascades?|signal(?:l)?ing|axis|kinases?|"
                                  rf"receptors?|proteins?|{ALTERATION})"
                                  r"|,\s+(?:an?|the)\s+[^,;()]{1,60},)"
                                  r"\s*(?:,\s*(?:and\s+|as well as\s+)?|\s+(?:and|as well as)\s+)(?:the\s+)?$",
                                  re.IGNORECASE)
# "A kinases and receptor tyrosine kinases associated with angiogenesis (B, C)": a second category of the same
# object, described by what it takes part in (the process a pathway unit the list starts with), then its members.
DESCRIBED_CATEGORY_NEXT = re.compile(r"^\)?\s*(?:(?:kinases?|receptors?|pathways?|signal(?:l)?ing)\s*)?,?\s*(?:and|as\s+well\s+as)\s+"
                                     r"(?:(?:other|several|various|multiple)\s+)?(?:[\w/-]+\s+){0,3}"
                                     r"(?:kinases|receptors|RTKs|proteins|targets|enzymes)\s+"
                                     r"(?:(?:associated|linked)\s+with|(?:involved|implicated)\s+in|related\s+to)\s+$",
                                     re.IGNORECASE)
# "binds to A, which is found on tumour cells, and to B", "targets A expressed on T cells and B": where a
# target sits, said in a relative clause or a participle, then the next object of the same verb.  The aside may
# not hold another verb cue or a partner ("A, which is activated by its ligand B" names no second target).
WHERE_IT_SITS = (r"(?:(?:(?:which|that)\s+(?:is|are)\s+(?:an?\s+[\w-]+\s+)?)?"
                 r"(?:expressed|overexpressed|found|present|located|displayed)\s+(?:on|in|by)\b"
                 r"|(?:on|in)\s+(?!(?:combination|addition|turn|contrast|patients)\b))")
POSITIONED_THEN_AND = re.compile(rf"^\)?\s*(?:receptors?\s+|proteins?\s+)?,?\s*{WHERE_IT_SITS}"
                                 r"[^;:.()]{0,120}?,?\s+and\s+(?:to\s+|against\s+|on\s+)?(?:the\s+)?$", re.IGNORECASE)
# "inhibits A, which both drive angiogenesis, and B": a relative clause set off by commas, then the verb's next
# object (the caller checks that the clause names no drug, protein or partner).
RELATIVE_ASIDE_THEN_AND = re.compile(r"^\)?\s*,\s*(?:which|that)\b[^;:.()]{1,120}?,\s+(?:and|as well as)\s+(?:also\s+)?"
                                     r"(?:to\s+|against\s+|on\s+)?(?:the\s+)?$", re.IGNORECASE)
# Two targets joined by a slash name an interaction or a class ("PD-1/PD-L1 axis", "PD-1/PD-L1
# inhibitors"), not two targets of one drug, unless the drug is said to be bispecific or dual.
TWO_TARGET_WORD = re.compile(r"\b(?:bi-?specific|dual|bifunctional|tetravalent|bivalent)\b", re.IGNORECASE)
# A sentence-opening subordinate clause ends at its comma: "When used with an anti-T agent, X may ...".
FRONTED_CLAUSE = re.compile(r"^\s*(?:When|If|While|Although|Though|After|Before|Unlike|Compared|Because|Since|Once|"
                            r"Whereas|Following|In combination|Combined|Given)\b[^,;]*$")
# "..., respectively" right after the targets, or after a phrase placing them ("bind A and B expressed on T cells
# (TILs), respectively"; no second coordination between, which "respectively" could pair instead)
RESPECTIVELY = re.compile(r"^(?:[\s)]*|\s+(?:(?!\b(?:and|or|but|while|whereas)\b)[^.;,()]){1,80}(?:\([^()]{0,20}\))?)"
                          r"\s*,?\s*\(?\s*respectively\b", re.IGNORECASE)  # also "A and B (respectively)"


# "targets the rearranged during transfection receptor (RET), ...": a full name the vocabulary lacks, then its symbol
# (up to the length of "tumor necrosis factor-related apoptosis-inducing ligand receptor-1 (").
# Not "blocking its receptor (PD-1)": a possessive names the partner of something else.
FULL_NAME_FILLER = re.compile(r"^\s+(?:the\s+)?(?![^,;:()]*\b(?:its|their)\b)[^,;:()]{3,90}\(\s*$", re.IGNORECASE)


# "binds to and inhibits T", "targets and potently blocks T": two verbs share one object.  After a verb of binding
# the second may name what the binding stops ("binds to and blocks the activation of T"): T is still what is bound.
COORDINATED_VERB = re.compile(rf"^\s+and\s+(?:\w+ly\s+)?(?:{VERB_CUE})\s+(?:the\s+)?$", re.IGNORECASE)
BOUND_THEN_STOPPED = re.compile(rf"^\s+and\s+(?:\w+ly\s+)?(?:{VERB_CUE})\s+(?:the\s+)?(?:[\w-]+\s+)?"
                                r"(?:activation|activity|function|signal(?:l)?ing)\s+of\s+(?:the\s+)?$", re.IGNORECASE)
BINDING_VERB = re.compile(r"(?:bind|bound|attach|engag|target)", re.IGNORECASE)
# "X prevents A and B from switching off T cells": the ones kept from acting may be the drug's target or its
# target's partners (an anti-receptor antibody keeps the ligands from binding), so the object says not which.
PREVENTED_VERB = re.compile(r"prevent", re.IGNORECASE)
KEPT_FROM = re.compile(r"^[\s)]*from\s+\w+ing\b", re.IGNORECASE)


# "induces degradation of T" names a degrader's target only in a text about degraders; elsewhere ("sorafenib induced
# degradation of T") the degradation is an effect downstream of the drug's targets.
DEGRADATION_NOMINAL = re.compile(r"\bdegradation of\b", re.IGNORECASE)
DEGRADER_TEXT = re.compile(r"\b(?:degraders?|PROTACs?|proteolysis[- ]targeting chimeras?|molecular glues?)\b", re.IGNORECASE)
# "engages the ubiquitin-proteasome system", "hijacks the proteasome machinery": the machinery a degrader recruits
# to destroy its target is no target of it.
MACHINERY_AFTER = re.compile(r"^(?:[\s-]+[\w]+)?[\s-]+(?:system|machinery)\b", re.IGNORECASE)


# "binds T and prevents its binding of L", "blocks their interaction with L": the possessive makes the binding the
# target's own, L its partner.
OWN_BINDING = re.compile(r"\b(?:its|their)\s+(?:[\w-]+\s+)?(?:binding|engagement|interactions?|association)\b", re.IGNORECASE)


# "the A/B receptors", "the A/B tyrosine kinases": a plural noun after a slash pair counts its members, two targets
# (bare "the A/B kinases" may be two tiers of one cascade, "the MEK/ERK kinases").
PLURAL_MEMBERS = r"(?:(?:receptor\s+)?tyrosine\s+kinases|receptor\s+kinases|receptors|RTKs)\b"


def counts_members(text: str, start: int, end: int) -> bool:
    """A plural category noun ends the target list ``text[start:end]`` or follows it (the vocabulary may have read
    "B receptors" as the name of B).

    >>> counts_members("the A/B receptors", 4, 17), counts_members("A/B tyrosine kinases", 0, 3)
    (True, True)
    >>> counts_members("the A/B kinases", 4, 7), counts_members("A/B axis", 0, 3)
    (False, False)
    """
    return bool(re.match(rf"\s+{PLURAL_MEMBERS}", text[end:], re.IGNORECASE)
                or re.search(rf"\s{PLURAL_MEMBERS}$", text[start:end], re.IGNORECASE))


# A numbered citation in square brackets ("[12]", "[3, 4]", "[5-7]"): a reference, no word of the sentence (a PDF's
# text may set it on a line of its own, between a category and its members).
CITATION = re.compile(r"\[\d{1,3}(?:\s*[,–-]\s*\d{1,3})*\]")


def unbracketed(text: str, found: list) -> str:
    """The text with square brackets around a drug's name blanked ("such as [X], [Y]", a database's link marks),
    and numbered citations blanked, so that the shapes read the names as plain words; offsets are kept.

    >>> from types import SimpleNamespace as U
    >>> unbracketed("such as [foonib] and [12, 13] B", [U(kind="drug", start=9, end=15)])
    'such as  foonib  and          B'
    """
    chars = list(text)
    for unit in found:
        if unit.kind == "drug" and unit.start > 0 and text[unit.start - 1] == "[" and text[unit.end:unit.end + 1] == "]":
            chars[unit.start - 1] = chars[unit.end] = " "
    for citation in CITATION.finditer(text):
        chars[citation.start():citation.end()] = " " * (citation.end() - citation.start())
    return "".join(chars)


# A class named in the plural right after its targets: "anti-T antibodies", "T inhibitors".
PLURAL_HEAD = re.compile(r"[\s)-]*(?:[\w-]+\s+){0,2}?(?:antibodies|inhibitors|blockers|agents|drugs|TKIs|MKIs|mAbs)\b",
                         re.IGNORECASE)
