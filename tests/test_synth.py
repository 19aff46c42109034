"""benchmarks/synth.py's literature generator, on an invented literature folder.

Nothing here reads ../shared/literature: the texts are made up, and the held-out rule
(numbers divisible by 3) is checked by what the generator opens.
"""

from __future__ import annotations

import re
import sys
from decimal import Decimal
from pathlib import Path

import yaml
from hypothesis import given, settings, strategies as st

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))

import synth  # noqa: E402

from hcc_kg.read import corpus  # noqa: E402

TEXTS = {
    "001_invented_trial.txt": "Sorafenib in the ZEPHYR-7 trial\nIn the ZEPHYR-7 trial, 412 patients received "
                              "sorafenib; median overall survival was 10.4 months (hazard ratio 0.71, 95% CI 0.58-0.86).",
    "002_invented_note.txt": "Lenvatinib notes\nLenvatinib inhibits KDR and FGFR1; 38% of 250 patients responded in 2018.",
    "003_held_out.txt": "Regorafenib held-out text that the generator must never open.",
}


def literature(folder: Path) -> Path:
    folder.mkdir()
    for name, text in TEXTS.items():
        (folder / name).write_text(text, encoding="utf-8")
    (folder / "README.md").write_text("not a document", encoding="utf-8")
    return folder


def test_only_development_texts_are_opened(tmp_path, monkeypatch):
    opened = []
    real = corpus.read_document
    monkeypatch.setattr(corpus, "read_document", lambda path, report: opened.append(path.name) or real(path, report))
    documents = synth.development_documents(literature(tmp_path / "lit"))
    assert sorted(opened) == [n for n in sorted(TEXTS) if int(n[:3]) % 3 != 0]
    assert [d.name for d in documents] == sorted(opened)


def test_generated_documents_rename_drugs_and_trials_and_alter_numbers(tmp_path):
    folder, extra = synth.generate_literature(literature(tmp_path / "lit"), tmp_path / "out", 5)
    files = sorted(folder.glob("*.txt"))
    assert len(files) == 5 and all(f.is_relative_to(tmp_path) for f in files)
    texts = [f.read_text(encoding="utf-8") for f in files]
    assert not any("held-out" in t or "Regorafenib" in t for t in texts)
    first_copy = next(t for f, t in zip(files, texts) if "invented_trial" in f.name)
    assert "ZEPHYR-7" + synth.suffix(0) in first_copy and "sorafenib" + synth.suffix(0) in first_copy.lower()
    assert "412 patients" not in first_copy and "95% CI" in first_copy and "2018" in texts[1]
    labels = {e["label"] for e in yaml.safe_load(extra.read_text(encoding="utf-8"))["entities"]}
    assert {"sorafenib" + synth.suffix(k) for k in range(3)} <= {label.lower() for label in labels}


decimals = st.decimals(min_value=Decimal("0.01"), max_value=Decimal("99.99"), places=2)


@settings(max_examples=200, deadline=None)
@given(st.lists(decimals, min_size=3, max_size=3, unique=True), st.integers(0, 100))
def test_altering_numbers_keeps_their_order_and_precision(values, k):
    low, mid, high = sorted(values)
    text = f"ratio {mid} (95% CI {low}-{high})"
    altered = synth.alter_numbers(text, k)
    found = [Decimal(x) for x in re.findall(r"\d+\.\d+", altered)]
    estimate, lower, upper = found
    assert lower <= estimate <= upper  # the estimate stays inside its interval
    assert upper < high or high < 1  # altered (below 1 a 1-12% change may round away)
    assert "95% CI" in altered and all(len(str(v).split(".")[1]) == 2 for v in found)
