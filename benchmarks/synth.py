"""Synthetic corpora for the benchmark: the real documents rewritten with renamed entities.

Copy ``k`` of a document gets new names for every drug the vocabulary matcher finds in it
(``sorafenib`` → ``sorafenibxab``) and for every trial the extractors read from it
(``SHARP`` → ``SHARPxab``, NCT numbers → fresh NCT numbers).  The new drugs go into an
extra vocabulary YAML (same types as the originals, no identifiers), so a corpus of ``n``
documents really holds about ``n / len(real)`` times the drugs, regimens, trials, arms and
measurements of the real corpus.  Nothing is hard-coded: drugs are the vocabulary entities
whose types are subclasses of ``hcc:Drug`` in the ontology, trial names are what the
extractors return.

A second source varies the writing, not just the names: :func:`generate_literature` makes
abstract-sized documents from the development texts of ``../shared/literature`` (numbers
not divisible by 3; the held-out texts are never opened), with drugs and trials renamed the
same way and every measurement altered (:func:`alter_numbers`), so the scale figures hold
for the mix of abstracts, news items and notices too.  Generated documents go to the
folder the caller names (a temporary one in the benchmark), never into the repository.

>>> suffix(0), suffix(27)
('xaa', 'xbb')
"""

from __future__ import annotations

import re
import string
from dataclasses import dataclass
from decimal import ROUND_HALF_EVEN, Decimal
from pathlib import Path
from typing import Iterable

import rdflib
import yaml

from hcc_kg.read import corpus
from hcc_kg.extract import extract
from hcc_kg.extract.mentions import MentionFinder
from hcc_kg.extract.normalize import normalize
from hcc_kg.owl.load import default_ontology_path
from hcc_kg.model import Document
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
    return templates_of(corpus.read_corpus(corpus_dir, Report()), vocabulary, drug_classes)


def templates_of(documents: Iterable[Document], vocabulary: Vocabulary, drug_classes: set[str]) -> list[Template]:
    """Each document with the drug mentions and trial names a copy renames."""
    finder = MentionFinder(vocabulary)
    out = []
    for document in documents:
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
    return _write(found, out, n_documents, vocabulary, lambda text, k: text)


def is_development(path: Path) -> bool:
    """A literature text that may be read: its number is not divisible by 3 (those are held out).

    >>> is_development(Path("001_x.txt")), is_development(Path("003_x.txt")), is_development(Path("README.md"))
    (True, False, False)
    """
    number = re.match(r"(\d+)_", path.name)
    return bool(number) and path.suffix == ".txt" and int(number.group(1)) % 3 != 0


def development_documents(literature_dir: Path) -> list[Document]:
    """The development texts of the literature folder, read without opening any held-out one."""
    report, out = Report(), []
    for path in sorted(p for p in Path(literature_dir).iterdir() if is_development(p)):
        document = corpus.read_document(path, report)
        if document is not None:
            out.append(document)
    return out


#: A number standing alone, or closing a range ("0.57-0.83"); not part of a name (FGFR1,
#: PD-L1, KEYNOTE-240, NCT01234567) nor a footnote stuck to a word ("OS1", "(HCC).1").
NUMBER_RE = re.compile(r"(?:(?<![\w.\u00b7\-\u2013/])|(?<=\d[-\u2013]))\d+(?:[.\u00b7]\d+)?(?!\w)(?![.\u00b7]\d)")
#: A confidence level ("95% CI", "95% confidence interval") is a convention, not a measurement.
LEVEL_RE = re.compile(r"\s*%\s*(?:CI|confidence)", re.IGNORECASE)


def alter_numbers(text: str, k: int) -> str:
    """Copy ``k``'s numbers: each measurement scaled by one factor below 1 for the whole copy.

    One factor keeps every order the text relies on (a hazard ratio stays inside its
    confidence interval, a median below its upper bound, a percentage at most 100); years,
    confidence levels and small counts (under 10: "phase 3", "2 arms") are left alone, and
    each number keeps its printed precision.

    >>> alter_numbers("HR 0.69 (95% CI, 0.57-0.83); 413 patients; 33%; phase 3; in 2019; KEYNOTE-240", 5)
    'HR 0.65 (95% CI, 0.54-0.78); 388 patients; 31%; phase 3; in 2019; KEYNOTE-240'
    >>> alter_numbers("median 11\u00b79 months (1\u00b706)", 5)
    'median 11\u00b72 months (1\u00b700)'
    """
    factor = Decimal(99 - k % 12) / 100  # 0.99 down to 0.88, one per copy

    def scaled(match: re.Match) -> str:
        printed = match.group()
        point = "\u00b7" if "\u00b7" in printed else "."  # the Lancet prints 13\u00b76
        number = Decimal(printed.replace(point, "."))
        whole = point not in printed
        if whole and (number < 10 or 1900 <= number <= 2100) or LEVEL_RE.match(text, match.end()):
            return printed
        value = (number * factor).quantize(Decimal(1).scaleb(number.as_tuple().exponent), ROUND_HALF_EVEN)
        return format(value, "f").replace(".", point)

    return NUMBER_RE.sub(scaled, text)


def generate_literature(literature_dir: Path, out: Path, n_documents: int,
                        ontology: Path | None = None) -> tuple[Path, Path]:
    """Write ``n_documents`` abstract-sized documents made from the development literature texts.

    Copy ``k`` of a text renames its drugs and trials as :func:`rewrite` does and alters its
    numbers (:func:`alter_numbers`).  Returns (corpus folder, extra vocabulary YAML).
    """
    vocabulary = load_vocabulary()
    found = templates_of(development_documents(literature_dir), vocabulary,
                         drug_types(ontology or default_ontology_path()))
    return _write(found, out, n_documents, vocabulary, alter_numbers)


def _write(found: list[Template], out: Path, n_documents: int, vocabulary: Vocabulary, vary) -> tuple[Path, Path]:
    if not found:
        raise ValueError("no template documents")
    folder = out / "corpus"
    folder.mkdir(parents=True, exist_ok=True)
    nct: dict[str, str] = {}
    for i in range(n_documents):
        template, k = found[i % len(found)], i // len(found)
        stem = Path(template.name).stem
        text = vary(rewrite(template, k, vocabulary, nct), k)
        (folder / f"{i:05d}_{stem}_{suffix(k)}.txt").write_text(text, encoding="utf-8")
    keys = {key for t in found for _, _, key in t.drugs}
    copies = -(-n_documents // len(found))
    extra = out / "extra_vocabulary.yaml"
    extra.write_text(yaml.safe_dump({"version": 1, "entities": extra_entities(vocabulary, keys, copies)},
                                    sort_keys=False), encoding="utf-8")
    return folder, extra
