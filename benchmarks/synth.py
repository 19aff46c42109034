"""Synthetic corpora for the benchmark: the real documents rewritten with renamed entities.

Copy ``k`` of a document gets new names for every drug the vocabulary matcher finds in it
(``sorafenib`` → ``sorafenibxab``) and for every trial the extractors read from it
(``SHARP`` → ``SHARPxab``, NCT numbers → fresh NCT numbers).  The new drugs go into an
extra vocabulary YAML (same types as the originals, no identifiers), so a corpus of ``n``
documents really holds about ``n / len(real)`` times the drugs, regimens, trials, arms and
measurements of the real corpus.  Nothing is hard-coded: drugs are the vocabulary entities
whose types are subclasses of ``hcc:Drug`` in the ontology, trial names are what the
extractors return.

>>> suffix(0), suffix(27)
('xaa', 'xbb')
"""

from __future__ import annotations

import re
import string
from dataclasses import dataclass
from pathlib import Path

import rdflib
import yaml

from hcc_kg import corpus
from hcc_kg.extract import extract
from hcc_kg.extract.mentions import MentionFinder
from hcc_kg.extract.normalize import normalize
from hcc_kg.owl.load import default_ontology_path
from hcc_kg.report import Report
from hcc_kg.vocab import Entity, Vocabulary, load_vocabulary, ONTOLOGY_NS

NCT_RE = re.compile(r"NCT\d{8}")


def suffix(k: int) -> str:
    """A letters-only tag for copy ``k`` (letters, so no number or range parser sees it)."""
    letters = string.ascii_lowercase
    out = ""
    for _ in range(2):
        k, r = divmod(k, 26)
        out = letters[r] + out
    while k:
        k, r = divmod(k - 1, 26)
        out = letters[r] + out
    return "x" + out


def drug_types(ontology: Path) -> set[str]:
    """Local names of hcc:Drug and every class below it."""
    graph = rdflib.Graph().parse(ontology, format="turtle")
    drug = rdflib.URIRef(ONTOLOGY_NS + "Drug")
    below = graph.transitive_subjects(rdflib.RDFS.subClassOf, drug)
    return {str(c)[len(ONTOLOGY_NS):] for c in below if str(c).startswith(ONTOLOGY_NS)}


@dataclass(frozen=True)
class Template:
    """One real document with the spans to rename."""

    name: str
    text: str
    drugs: tuple[tuple[int, int, str], ...]  # (start, end, entity key), original offsets
    trial_names: tuple[str, ...]


def templates(corpus_dir: Path, vocabulary: Vocabulary, drug_classes: set[str]) -> list[Template]:
    finder = MentionFinder(vocabulary)
    out = []
    for document in corpus.read_corpus(corpus_dir, Report()):
        drugs = tuple((m.start, m.end, m.key) for m in finder.find(normalize(document.text))
                      if set(vocabulary[m.key].types) & drug_classes)
        names = {str(v) for a in extract([document], vocabulary, Report()) if a.predicate == "isClinicalTrial"
                 for k, v in a.attributes if k == "trial_name"}
        out.append(Template(document.name, document.text, drugs, tuple(sorted(names, key=lambda n: (-len(n), n)))))
    return out


def same_case(surface: str, name: str) -> str:
    """``name`` cased like ``surface`` (a capital can start a sentence the splitter needs).

    >>> same_case("Nexavar", "sorafenibxaa"), same_case("SORAFENIB", "sorafenibxaa")
    ('Sorafenibxaa', 'SORAFENIBXAA')
    """
    if surface.isupper() and len(surface) > 1:
        return name.upper()
    return name[:1].upper() + name[1:] if surface[:1].isupper() else name


def rewrite(template: Template, k: int, vocabulary: Vocabulary, nct: dict[str, str]) -> str:
    """Copy ``k`` of a template: drugs, trial names and NCT numbers renamed."""
    tag = suffix(k)
    text = template.text
    for start, end, key in sorted(template.drugs, reverse=True):
        text = text[:start] + same_case(text[start:end], vocabulary[key].label + tag) + text[end:]
    for name in template.trial_names:
        if not NCT_RE.fullmatch(name):
            text = re.sub(rf"(?<![\w-]){re.escape(name)}(?![\w])", name + tag, text)
    return NCT_RE.sub(lambda m: nct.setdefault(f"{k}:{m.group(0)}", f"NCT9{len(nct):07d}"), text)


def extra_entities(vocabulary: Vocabulary, keys: set[str], copies: int) -> list[dict]:
    entities = []
    for k in range(copies):
        tag = suffix(k)
        for key in sorted(keys):
            entity: Entity = vocabulary[key]
            entities.append({"key": f"{key}_{tag}", "label": entity.label + tag, "types": list(entity.types)})
    return entities


def generate(corpus_dir: Path, out: Path, n_documents: int, ontology: Path | None = None) -> tuple[Path, Path]:
    """Write ``n_documents`` rewritten documents to ``out/corpus`` and their vocabulary.

    Returns (corpus folder, extra vocabulary YAML).
    """
    vocabulary = load_vocabulary()
    found = templates(corpus_dir, vocabulary, drug_types(ontology or default_ontology_path()))
    folder = out / "corpus"
    folder.mkdir(parents=True, exist_ok=True)
    nct: dict[str, str] = {}
    for i in range(n_documents):
        template, k = found[i % len(found)], i // len(found)
        stem = Path(template.name).stem
        (folder / f"{i:05d}_{stem}_{suffix(k)}.txt").write_text(rewrite(template, k, vocabulary, nct), encoding="utf-8")
    keys = {key for t in found for _, _, key in t.drugs}
    copies = -(-n_documents // len(found))
    extra = out / "extra_vocabulary.yaml"
    extra.write_text(yaml.safe_dump({"version": 1, "entities": extra_entities(vocabulary, keys, copies)},
                                    sort_keys=False), encoding="utf-8")
    return folder, extra
