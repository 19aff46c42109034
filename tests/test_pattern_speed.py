"""benchmarks/pattern_speed.py: which patterns it finds to scan (its timings are the benchmark's, not tested)."""

from __future__ import annotations

import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))

import pattern_speed  # noqa: E402

INVENTED_MODULE = '''
import re
WORD = re.compile(r"zorb\\w+")

def read(text, name):
    re.search(r"\\bfelo", text, re.IGNORECASE | re.MULTILINE)
    re.sub("x+", "y", text, 0, re.I)
    re.match(rf"{name}s?", text)          # built at run time: left out
    re.fullmatch(r"qu", text, flags=re.A)
    re.search(r"mixed", text, FLAGS)       # flags from a variable: left out
'''


def test_inline_patterns_are_the_literal_ones_with_their_flags(tmp_path):
    module = tmp_path / "invented.py"
    module.write_text(INVENTED_MODULE, encoding="utf-8")
    found = [(line, p.pattern, p.flags & (re.I | re.M | re.A)) for line, p in pattern_speed.inline_patterns(module)]
    assert found == [(3, r"zorb\w+", 0), (6, r"\bfelo", re.I | re.M), (7, "x+", re.I), (9, "qu", re.A)]


def test_the_scan_covers_the_modules_patterns_and_those_inside_their_functions():
    names = pattern_speed.extractor_patterns()
    assert "prose_subgroups.SUBGROUPS_CLOSE_RE" in names and "target_series.PLURAL_SERIES" in names
    assert any(":" in name for name in names)  # a pattern written inside a function
    assert len({(p.pattern, p.flags) for p in names.values()}) == len(names)  # each scanned once
