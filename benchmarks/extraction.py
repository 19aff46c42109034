"""Score the reading stage against the hand-curated gold of the literature documents.

    .venv/bin/python benchmarks/extraction.py [--set literature|challenge]
        [--literature ../shared/literature] [--gold benchmarks/gold/literature]
        [--split dev|heldout|all|both] [--json out.json] [--markdown out.md] [--per-document]

Two sets of texts: ``literature`` (the 35 real texts in ``../shared/literature``, gold in
``benchmarks/gold/literature``) and ``challenge`` (42 texts in the genres of that literature,
invented by writers who never saw the extractor, ``benchmarks/challenge``).  Each has its
held-out split (number divisible by 3).

Each split is read on its own (a temporary folder holding only that split's documents), so
``--split dev`` never touches a held-out text.  Facts are attributed to a document by their
positive, asserted evidence; gold names and system keys meet in :class:`gold_io.Canon`.
Matching is by sets of canonical tuples per document (see ``TYPES``).  Two scores are lenient:
``drug_target_lenient`` lets a family stand for its members, and ``approval_lenient`` counts an
approval the text names by the disease's general name ("approved for liver cancer", the vocabulary's
``GENERAL_NAME_OF``) as one for the specific disease the gold names (HCC); the strict scores do not.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from gold_io import SCORED_ENDPOINTS, SPLITS, Canon, GoldDocument, load_gold, norm, number, timepoint  # noqa: E402

from hcc_kg.extract.approval_indications import GENERAL_NAME_OF  # noqa: E402
from hcc_kg.model import Assertion, Document  # noqa: E402

TARGET_PREDICATES = ("inhibits", "isAntibodyAgainst", "activates")
TYPES = ("drug_target", "drug_target_lenient", "trial", "arm", "arm_size", "measurement",
         "hazard_ratio", "hr_with_ci", "approval", "approval_lenient", "approval_agent_only")
HCC = "hcc"
ROOT = Path(__file__).resolve().parent


# ---------------------------------------------------------------- the system's side

@dataclass
class SystemTrial:
    key: str
    names: set[str] = field(default_factory=set)
    ncts: set[str] = field(default_factory=set)
    arms: set[str] = field(default_factory=set)


@dataclass
class SystemView:
    """What the build asserted with evidence in one document, in raw keys."""

    drug_targets: set[tuple[str, str]] = field(default_factory=set)
    trials: dict[str, SystemTrial] = field(default_factory=dict)
    sizes: set[tuple[str, int]] = field(default_factory=set)                 # (arm, n)
    measurements: set[tuple[str, str, str, object]] = field(default_factory=set)  # arm, endpoint, tp, value
    estimates: set[tuple] = field(default_factory=set)                       # trial, endpoint, hr, lo, hi, level
    approvals: set[tuple[str, str, object, object]] = field(default_factory=set)  # agent, disease, agency, line


def facts_by_document(facts: list[Assertion], documents: list[Document]) -> dict[str, list[Assertion]]:
    """Facts per document name, by the documents their positive, asserted evidence lies in."""
    names = {d.doc_id: d.name for d in documents}
    out: dict[str, list[Assertion]] = defaultdict(list)
    for fact in facts:
        for doc_id in sorted({e.doc_id for e in fact.evidence if e.is_assertive}):
            out[names.get(doc_id, doc_id)].append(fact)
    return out


def arm_structure(facts: list[Assertion]) -> tuple[dict[str, str], dict[str, str]]:
    """(arm -> trial, arm -> agent key) over all facts: an arm's identity is not per document."""
    trial_of = {a.object: a.subject for a in facts if a.predicate == "hasArm"}
    agent_of = {a.subject: a.object for a in facts if a.predicate == "armIntervention"}
    return trial_of, agent_of


def system_view(doc_facts: list[Assertion], trial_of: dict[str, str]) -> SystemView:
    view = SystemView()

    def trial(key: str) -> SystemTrial:
        return view.trials.setdefault(key, SystemTrial(key))

    for a in doc_facts:
        p = a.predicate
        if p in TARGET_PREDICATES:
            view.drug_targets.add((a.subject, str(a.object)))
        elif p == "isClinicalTrial":
            t = trial(a.subject)
            t.names |= {str(v) for v in a.attribute_values("trial_name")}
            t.ncts |= {str(v).upper() for v in a.attribute_values("nct_id")}
        elif p == "hasArm":
            trial(a.subject).arms.add(str(a.object))
        elif p == "armSize":
            view.sizes.add((a.subject, int(a.object)))
        elif p in ("hasMeasurement", "hasEffectEstimate") and norm(a.object) not in SCORED_ENDPOINTS:
            continue  # an endpoint the gold does not curate
        elif p == "hasMeasurement":
            for value in a.attribute_values("value"):
                view.measurements.add((a.subject, str(a.object), timepoint(a.context_value("timepoint", "")),
                                       number(value)))
        elif p == "hasEffectEstimate":
            trial(a.subject)
            view.estimates.add(_estimate(a))
        elif p == "approvedFor":
            view.approvals.add((a.subject, str(a.object), a.context_value("agency"), a.context_value("line")))
    for arm in {m[0] for m in view.measurements} | {s[0] for s in view.sizes}:
        if arm in trial_of:
            trial(trial_of[arm]).arms.add(arm)
    return view


def _estimate(a: Assertion) -> tuple:
    first = lambda name: number(next(iter(a.attribute_values(name)), None))  # noqa: E731
    return (a.subject, norm(a.object), first("hazard_ratio"), first("ci_lower"), first("ci_upper"),
            first("ci_level"))


# ---------------------------------------------------------------- matching

def gold_trial_ids(gold: GoldDocument) -> list[str]:
    return [f"gold{i}:{norm(t.get('name') or t.get('nct') or 'unnamed')}" for i, t in enumerate(gold.trials)]


def match_trials(gold: GoldDocument, view: SystemView, canon: Canon, agent_of: dict[str, str]) -> dict[str, str]:
    """System trial key -> gold trial id: by normalised name or NCT id; a trial the text does not
    name matches a remaining system trial whose arms include every gold arm's agents."""
    ids, matched = gold_trial_ids(gold), {}
    for gid, g in zip(ids, gold.trials):
        name, nct = norm(g.get("name") or ""), str(g.get("nct") or "").upper()
        for key, t in view.trials.items():
            names = {norm(n) for n in t.names} | {norm(key.removeprefix("trial__"))}
            if key not in matched and ((name and (name in names or _every_name(g.get("name"), names)))
                                       or (nct and nct in t.ncts)):
                matched[key] = gid
    for gid, g in zip(ids, gold.trials):
        if g.get("name") or g.get("nct") or gid in matched.values():
            continue
        wanted = {_choices_as_one(g, canon)(arm["agent"]) for arm in g.get("arms") or ()}
        for key, t in sorted(view.trials.items()):
            have = {canon.agents([agent_of.get(a, a)], system=True) for a in t.arms}
            if key not in matched and wanted and wanted <= have:
                matched[key] = gid
                break
    return matched


CHOICE_LABEL = "treatment of physician's choice"


def _every_name(written: str, names: set[str]) -> bool:
    """A trial the gold names by two names joined by a slash ("NAME-1/OTHER-2") is matched by a system trial that
    holds each of them."""
    parts = [norm(p) for p in written.split("/")]
    return len(parts) > 1 and all(p and p in names for p in parts)


def _choices_as_one(trial: dict, canon: Canon):
    """The agent set of a gold trial's arm or value: an arm marked ``choice`` (the options a physician's choice
    offers, listed) is the physician's-choice arm, as the gold README writes a choice the text does not call
    chemotherapy."""
    chosen = {canon.agents(arm["agent"]) for arm in trial.get("arms") or () if arm.get("choice")}
    choice = canon.agents([CHOICE_LABEL])

    def agents(names) -> frozenset[str]:
        found = canon.agents(names)
        return choice if found in chosen else found
    return agents


def gold_items(gold: GoldDocument, canon: Canon) -> dict[str, set]:
    items: dict[str, set] = {t: set() for t in TYPES}
    items["drug_target"] = {(canon.name(d["drug"]), canon.name(d["target"])) for d in gold.drug_targets}
    for gid, t in zip(gold_trial_ids(gold), gold.trials):
        items["trial"].add((gid,))
        arm_agents = _choices_as_one(t, canon)
        for arm in t.get("arms") or ():
            agents = arm_agents(arm["agent"])
            items["arm"].add((gid, agents))
            if arm.get("n") is not None:
                items["arm_size"].add((gid, agents, int(arm["n"])))
        for m in t.get("measurements") or ():
            items["measurement"].add((gid, arm_agents(m["agent"]), norm(m["endpoint"]),
                                      timepoint(m.get("timepoint")), number(m["value"])))
        for h in t.get("hazard_ratios") or ():
            items["hazard_ratio"].add((gid, norm(h["endpoint"]), number(h["hr"])))
            if h.get("ci_lower") is not None:
                level = h.get("ci_level")
                items["hr_with_ci"].add((gid, norm(h["endpoint"]), number(h["hr"]), number(h["ci_lower"]),
                                         number(h["ci_upper"]), None if level in (None, 95) else number(level)))
    for a in gold.approvals:
        agents = canon.agents(a["agent"])
        items["approval"].add((agents, canon.agency(a.get("agency")), a.get("line")))
        if canon.name(a.get("disease") or HCC) == HCC:
            items["approval_lenient"].add((agents, canon.agency(a.get("agency")), a.get("line")))
        items["approval_agent_only"].add((agents, canon.name(a.get("disease") or HCC)))
    return items


def system_items(view: SystemView, canon: Canon, trials: dict[str, str], trial_of: dict[str, str],
                 agent_of: dict[str, str]) -> dict[str, set]:
    items: dict[str, set] = {t: set() for t in TYPES}
    items["drug_target"] = {(canon.key(d), canon.key(t)) for d, t in view.drug_targets}
    tid = lambda key: trials.get(key, f"system:{key}")  # noqa: E731
    agents = lambda arm: canon.agents([agent_of.get(arm, arm)], system=True)  # noqa: E731
    for key, t in view.trials.items():
        items["trial"].add((tid(key),))
        items["arm"] |= {(tid(key), agents(arm)) for arm in t.arms}
    items["arm_size"] = {(tid(trial_of.get(arm, arm)), agents(arm), n) for arm, n in view.sizes}
    items["measurement"] = {(tid(trial_of.get(arm, arm)), agents(arm), norm(ep), tp, v)
                            for arm, ep, tp, v in view.measurements}
    for trial, ep, hr, lo, hi, level in view.estimates:
        items["hazard_ratio"].add((tid(trial), ep, hr))
        if lo is not None and hi is not None:
            items["hr_with_ci"].add((tid(trial), ep, hr, lo, hi, None if level in (None, 95) else level))
    for agent, disease, agency, line in view.approvals:
        agent_set = canon.agents([agent], system=True)
        if canon.key(disease) == HCC:  # approvals for other diseases are not gold: neither right nor wrong
            items["approval"].add((agent_set, canon.agency(agency, system=True), line))
            items["approval_agent_only"].add((agent_set, HCC))
        if GENERAL_NAME_OF.get(canon.key(disease), canon.key(disease)) == HCC:  # "liver cancer" counts leniently
            items["approval_lenient"].add((agent_set, canon.agency(agency, system=True), line))
    return items


def lenient_targets(gold: set, system: set, canon: Canon) -> tuple[int, int]:
    """(gold pairs matched, system pairs matched) when a family stands for its members."""
    hit = lambda x, ys: any(x[0] == y[0] and canon.related(x[1], y[1]) for y in ys)  # noqa: E731
    return sum(hit(g, system) for g in gold), sum(hit(s, gold) for s in system)


def asserted_negatives(gold: GoldDocument, view: SystemView, canon: Canon) -> list[str]:
    """The gold negatives ("must not assert") that the build did assert in this document."""
    targets = {(canon.key(d), canon.key(t)) for d, t in view.drug_targets}
    found = []
    for neg in gold.must_not_assert:
        if neg["type"] == "drug_target":
            hit = (canon.name(neg["drug"]), canon.name(neg["target"])) in targets
        else:
            hit = any(_approval_matches(neg, approval, canon) for approval in view.approvals)
        if hit:
            found.append(f"{gold.document[:3]} {neg['type']}: " + ", ".join(
                f"{k}={v}" for k, v in neg.items() if k != "type"))
    return found


def _approval_matches(neg: dict, approval: tuple, canon: Canon) -> bool:
    agent, disease, agency, line = approval
    checks = [canon.agents(neg["agent"]) == canon.agents([agent], system=True)]
    if neg.get("disease"):
        checks.append(canon.name(neg["disease"]) == canon.key(disease))
    if neg.get("agency"):
        checks.append(canon.agency(neg["agency"]) == canon.agency(agency, system=True))
    if neg.get("line"):
        checks.append(neg["line"] == line)
    return all(checks)


# ---------------------------------------------------------------- scoring

@dataclass
class Tally:
    gold: int = 0
    system: int = 0
    tp_gold: int = 0
    tp_system: int = 0

    def add(self, other: "Tally") -> None:
        self.gold += other.gold
        self.system += other.system
        self.tp_gold += other.tp_gold
        self.tp_system += other.tp_system

    @property
    def precision(self) -> float | None:
        return self.tp_system / self.system if self.system else None

    @property
    def recall(self) -> float | None:
        return self.tp_gold / self.gold if self.gold else None

    @property
    def f1(self) -> float | None:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p and r else (0.0 if p is not None and r is not None else None)

    def to_json(self) -> dict:
        return {"gold": self.gold, "system": self.system, "tp": self.tp_gold, "tp_system": self.tp_system,
                "precision": self.precision, "recall": self.recall, "f1": self.f1}


def score_document(gold: GoldDocument, view: SystemView, canon: Canon, trial_of: dict[str, str],
                   agent_of: dict[str, str]) -> tuple[dict[str, Tally], list[str]]:
    """Per-type tallies and the asserted negatives of one document."""
    trials = match_trials(gold, view, canon, agent_of)
    g, s = gold_items(gold, canon), system_items(view, canon, trials, trial_of, agent_of)
    tallies = {}
    for kind in TYPES:
        if kind == "drug_target_lenient":
            tp_g, tp_s = lenient_targets(g["drug_target"], s["drug_target"], canon)
            tallies[kind] = Tally(len(g["drug_target"]), len(s["drug_target"]), tp_g, tp_s)
        else:
            tp = len(g[kind] & s[kind])
            tallies[kind] = Tally(len(g[kind]), len(s[kind]), tp, tp)
    return tallies, asserted_negatives(gold, view, canon)


def score(golds: list[GoldDocument], facts: list[Assertion], documents: list[Document], canon: Canon) -> dict:
    """Totals, per-document tallies and asserted negatives for ``golds`` against ``facts``."""
    per_doc = facts_by_document(facts, documents)
    trial_of, agent_of = arm_structure(facts)
    total = {k: Tally() for k in TYPES}
    documents_out, negatives = {}, []
    for gold in golds:
        view = system_view(per_doc.get(gold.document, []), trial_of)
        tallies, found = score_document(gold, view, canon, trial_of, agent_of)
        for kind, tally in tallies.items():
            total[kind].add(tally)
        documents_out[gold.document] = tallies
        negatives += found
    other = sum(1 for a in facts if a.predicate == "approvedFor" and canon.key(a.object) != HCC)
    return {"totals": total, "documents": documents_out, "asserted_negatives": negatives,
            "negatives_gold": sum(len(g.must_not_assert) for g in golds), "other_disease_approvals": other}


# ---------------------------------------------------------------- reading, rendering, command line

def read_split(literature: Path, golds: list[GoldDocument], vocabulary) -> tuple[list[Assertion], list[Document]]:
    """Run the real reading stage on a folder holding only these documents."""
    from hcc_kg.pipeline import Settings, read
    from hcc_kg.report import Report

    if not golds:  # a split no document falls in (a small set's held-out part): nothing read, nothing scored
        return [], []
    with tempfile.TemporaryDirectory(prefix="hcc-kg-extraction-") as tmp:
        for gold in golds:
            shutil.copy(literature / gold.document, Path(tmp) / gold.document)
        reading = read(Settings(corpus=Path(tmp), out=None), vocabulary, Report())
    return reading.facts, reading.documents


def _fmt(x: float | None) -> str:
    return "-" if x is None else f"{x:.2f}"


def render_markdown(results: dict[str, dict], per_document: bool, gold: str = "benchmarks/gold/literature") -> str:
    lines = ["# Extraction benchmark", "",
             f"Reading stage against the hand-curated gold ({gold}); "
             "see benchmarks/gold/README.md.", ""]
    for split, result in results.items():
        lines += [f"## Split: {split} ({len(result['documents'])} documents)", "",
                  "| type | gold | system | TP | precision | recall | F1 |", "|---|---|---|---|---|---|---|"]
        for kind, t in result["totals"].items():
            lines.append(f"| {kind} | {t.gold} | {t.system} | {t.tp_gold} | {_fmt(t.precision)} | "
                         f"{_fmt(t.recall)} | {_fmt(t.f1)} |")
        found = result["asserted_negatives"]
        lines += ["", f"Asserted negatives: {len(found)} of {result['negatives_gold']} gold negatives (target 0)"
                  + ("".join(f"\n- {x}" for x in found) + "\n" if found else "."),
                  f"Approvals for diseases other than HCC (not scored): {result['other_disease_approvals']}.",
                  f"Unresolved gold names ({len(result['unresolved'])}): {', '.join(result['unresolved']) or '-'}.", ""]
        if per_document:
            kinds = [k for k in TYPES if not k.endswith("_lenient")]
            lines += ["TP/gold/system per document:", "", "| document | " + " | ".join(kinds) + " |",
                      "|---|" + "---|" * len(kinds)]
            for name, tallies in result["documents"].items():
                cells = [f"{tallies[k].tp_gold}/{tallies[k].gold}/{tallies[k].system}" for k in kinds]
                lines.append(f"| {name[:3]} | " + " | ".join(cells) + " |")
            lines.append("")
    return "\n".join(lines)


def to_json(results: dict[str, dict]) -> dict:
    return {split: {"totals": {k: t.to_json() for k, t in r["totals"].items()},
                    "documents": {d: {k: t.to_json() for k, t in ts.items()} for d, ts in r["documents"].items()},
                    "asserted_negatives": r["asserted_negatives"], "negatives_gold": r["negatives_gold"],
                    "other_disease_approvals": r["other_disease_approvals"], "unresolved": r["unresolved"]}
            for split, r in results.items()}


def run(literature: Path, gold_folder: Path, splits: tuple[str, ...]) -> dict[str, dict]:
    from hcc_kg.pipeline import Settings, load_settings_vocabulary

    vocabulary = load_settings_vocabulary(Settings(corpus=literature, out=None))
    golds = load_gold(gold_folder)
    results = {}
    for split in splits:
        chosen = [g for g in golds if split == "all" or g.split == split]
        canon = Canon(vocabulary)
        facts, documents = read_split(literature, chosen, vocabulary)
        result = score(chosen, facts, documents, canon)
        result["unresolved"] = sorted(canon.unresolved, key=str.casefold)
        results[split] = result
    return results


#: The sets of texts with gold: (texts, gold, name of the results files).
SETS = {"literature": (ROOT.parent.parent / "shared" / "literature", ROOT / "gold" / "literature", "extraction"),
        "challenge": (ROOT / "challenge" / "texts", ROOT / "challenge" / "gold", "extraction-challenge")}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--set", choices=tuple(SETS), default="literature", dest="text_set")
    parser.add_argument("--literature", type=Path, help="the texts (default: the set's)")
    parser.add_argument("--gold", type=Path, help="the gold files (default: the set's)")
    parser.add_argument("--split", choices=("dev", "heldout", "all", "both"), default="both")
    parser.add_argument("--json", type=Path)
    parser.add_argument("--markdown", type=Path)
    parser.add_argument("--per-document", action="store_true")
    args = parser.parse_args(argv)
    texts, gold, stem = SETS[args.text_set]
    texts, gold = args.literature or texts, args.gold or gold
    splits = SPLITS if args.split == "both" else (args.split,)
    # the committed results are the set's own texts' (another folder's scores are printed, written only on request)
    own = args.literature is None and args.gold is None
    if own and args.split == "both" and args.json is None and args.markdown is None:
        args.json = ROOT / "results" / f"{stem}.json"
        args.markdown = ROOT / "results" / f"{stem}.md"
    results = run(texts, gold, splits)
    text = render_markdown(results, args.per_document, _shown(gold))
    print(text)
    if args.markdown:
        args.markdown.write_text(text + "\n", encoding="utf-8")
    if args.json:
        args.json.write_text(json.dumps(to_json(results), indent=2, default=str) + "\n", encoding="utf-8")


def _shown(path: Path) -> str:
    """A path as the reader of the results knows it: relative to the repository when inside it."""
    try:
        return str(path.resolve().relative_to(ROOT.parent))
    except ValueError:
        return str(path)


if __name__ == "__main__":
    main()
