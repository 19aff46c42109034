"""Drug→target: the drug's activity named after its target, as pharmacology writes it.

========================  ==========================================================
drug-has-target-activity  "X has potent T inhibitory activity", "X shows strong anti-T activity", "X, an inhibitor
                          with potent pan-T activity", "X exhibits A and B kinase inhibitory activity"
========================  ==========================================================

The drug is the subject of a verb of having or showing ("has", "shows", "exhibits", "displays", "possesses",
"demonstrates"), or the head its appositive gives "with"; the activity noun after the target says the drug acts on
it: an inhibitory or blocking activity, or an activity whose target carries "anti-" or "pan-".  A weak activity is
graded by :mod:`.epistemics` as "weak activity against T" is.
"""

from __future__ import annotations

import re
from typing import Iterator

from .shape_reading import Reading, readings
from .subjects import units_before
from .target_lists import TargetList
from .targets import Unit

# The activity noun after the target list: "T inhibitory activity", "T kinase-inhibitory activities", "T-blocking
# activity"; an activity plain ("anti-T activity", "pan-T activity") when the target carries its own cue.
CUED_ACTIVITY = re.compile(r"^[\s)]*-?\s*(?:(?:tyrosine\s+)?kinase[\s-]+)?(?:inhibitory|inhibiting|blocking|antagonist(?:ic)?)\s+"
                           r"(?:activit(?:y|ies)|effects?|potency|properties)\b", re.IGNORECASE)
PLAIN_ACTIVITY = re.compile(r"^[\s)]*-?\s*(?:(?:kinase|tyrosine\s+kinase)\s+)?(?:activit(?:y|ies)|potency)\b", re.IGNORECASE)
PAN_BEFORE = re.compile(r"\bpan-\s*$", re.IGNORECASE)
# From the drug to the target: a verb of having or showing (or an appositive's "with"), then only the activity's
# adjectives; the drug's appositive may stand between ("X, an oral TKI, has ...").
HAVING_GAP = re.compile(r"^[\s)]*(?:,\s*(?:an?|the)\s+[^,;:()]{1,60}?(?:,\s*|\s+with\s+)|\s+(?:also\s+|additionally\s+)?"
                        r"(?:has|have|had|shows?|showed|shown|exhibits?|exhibited|displays?|displayed|possess(?:es|ed)?|"
                        r"demonstrates?|demonstrated|retains?|retained)\s+)"
                        r"(?:(?:a|an|the|its)\s+)?(?:(?:highly|very|most|more|equally)\s+)?"
                        r"(?:(?:potent|strong|robust|selective|significant|marked|broad|dual|nanomolar|high|additional)[\s,]+"
                        r"(?:and\s+)?){0,3}$", re.IGNORECASE)


def drug_has_target_activity(text: str, found: list[Unit], lists: list[TargetList]) -> Iterator[Reading]:
    """"X has potent T inhibitory activity", "X shows anti-T activity", "X, an inhibitor with pan-T activity"."""
    for tlist in lists:
        previous = units_before(found, tlist.front)
        if not previous or previous[-1].kind != "drug":
            continue
        drug = previous[-1]
        cued = tlist.anti_start is not None or PAN_BEFORE.search(text[:tlist.start]) is not None
        after = text[tlist.end:]
        activity = CUED_ACTIVITY.match(after) or (cued and PLAIN_ACTIVITY.match(after))
        gap = text[drug.end:tlist.front]
        if PAN_BEFORE.search(gap):
            gap = gap[:PAN_BEFORE.search(gap).start()]
        if activity and HAVING_GAP.match(gap):
            for unit in tlist.units:
                yield from readings(drug, unit, "drug-has-target-activity", drug.start, tlist.end + activity.end())
