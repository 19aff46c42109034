"""Catastrophic backtracking in the reading rules: every compiled pattern of ``hcc_kg.extract`` run on
invented adversarial texts, the slow ones named.

A pattern whose repeated parts can split the same text in many ways (a word that ``[\\w-]+\\s*`` may cut
anywhere, a hyphen that either joins two words or belongs to one) tries every split before a match
fails: linear on the texts it was written for, exponential on a long hyphenated chain. Such a
pattern cost a third of the literature's extraction time in December 2026 (benchmarks/README.md).
This scan searches each pattern in each text, and matches it from every 37th position; a
pattern taking longer than ``--limit`` seconds on one text is interrupted and reported. It
takes the patterns the modules hold and those written as plain strings in calls of ``re``
inside their functions; a pattern built from variables inside a function is not scanned.

    python benchmarks/pattern_speed.py [--limit 1.0] [--report 0.005]

Exit status 1 when a pattern hit the limit. A benchmark, not a test: its figures are times.
"""

from __future__ import annotations

import argparse
import ast
import importlib
import pkgutil
import re
import signal
import sys
import time
from pathlib import Path

# Invented texts built to give repeated parts many ways to split them: long words, hyphen and slash
# chains, runs of numbers, brackets, joiners and function words.
ADVERSARIAL = (
    " ".join(["non-inferiority-based-long-term-follow-up"] * 12),
    " ".join("patients treated with the combination of the drug and the other agent in the trial".split() * 6),
    "a" * 300, "A" * 300, "1" * 300, " ".join(str(i) for i in range(120)),
    " ".join(["(HR 0.5, 95% CI 0.3-0.7)"] * 15), "  ".join(["and or with plus versus"] * 15),
    " ".join(["12.3 months"] * 30), ", ".join(["zorbanib"] * 40), "-".join(["ab"] * 150),
    " ".join(["PD-L1-positive"] * 30), ". ".join(["A"] * 100), "/".join(["x1"] * 100), " ".join(["n = 12"] * 40),
    " ".join(["ab-ab"] * 60), "/".join(["ab"] * 150), ".".join(["12"] * 100), ", ".join(["ab"] * 100),
    "(" * 150 + "a" + ")" * 150, "FGFR1" * 60, " ".join(["Ab Cd"] * 50), " , ".join(["and"] * 60),
    " ".join(["vs"] * 100), "; ".join(["OS 12.1 vs 10.2 months"] * 12), " ".join(["anti-PD-1"] * 40),
    "\n".join(["a b"] * 60), " ".join(["the"] * 150), " ".join(["in patients with"] * 30), "A1-" * 100,
)


class _TooSlow(Exception):
    pass


def _interrupt(signum, frame):  # the regular expression engine checks for signals while it backtracks
    raise _TooSlow


def extractor_patterns() -> dict[str, re.Pattern]:
    """Every distinct compiled pattern held by a module of ``hcc_kg.extract``, by ``module.NAME``, and every
    pattern written as a plain string in a call of ``re`` inside its functions, by ``module:line``."""
    import hcc_kg.extract as package
    found: dict[tuple[str, int], tuple[str, re.Pattern]] = {}  # by pattern and flags: each scanned once
    for info in pkgutil.iter_modules(package.__path__):
        module = importlib.import_module(f"{package.__name__}.{info.name}")
        for name, value in vars(module).items():
            if isinstance(value, re.Pattern):
                found.setdefault((value.pattern, value.flags), (f"{info.name}.{name}", value))
        for line, pattern in inline_patterns(Path(module.__file__)):
            found.setdefault((pattern.pattern, pattern.flags), (f"{info.name}:{line}", pattern))
    return dict(found.values())


RE_CALLS = {"compile", "search", "match", "fullmatch", "finditer", "findall", "sub", "subn", "split"}


def inline_patterns(path: Path) -> list[tuple[int, re.Pattern]]:
    """(line, compiled pattern) of each ``re.<call>("literal", ...)`` in a module's source whose flags, if any,
    are ``re`` constants (a pattern built from variables at run time is left out)."""
    out = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in RE_CALLS
                and isinstance(node.func.value, ast.Name) and node.func.value.id == "re" and node.args
                and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str)):
            continue
        flags = [k.value for k in node.keywords if k.arg == "flags"]
        flags += node.args[{"compile": 1, "search": 2, "match": 2, "fullmatch": 2, "finditer": 2,
                            "findall": 2, "split": 3, "sub": 4, "subn": 4}[node.func.attr]:][:1]
        value = _flag_value(flags[0]) if flags else 0
        if value is not None:
            out.append((node.lineno, re.compile(node.args[0].value, value)))
    return out


def _flag_value(node: ast.expr) -> int | None:
    """The value of ``re.I``, ``re.IGNORECASE | re.M`` and the like; None for anything else."""
    if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id == "re":
        return int(getattr(re, node.attr))
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.BitOr):
        left, right = _flag_value(node.left), _flag_value(node.right)
        return None if left is None or right is None else left | right
    return None


def slowest(pattern: re.Pattern, limit: float) -> tuple[float, str]:
    """The longest time one adversarial text took (``limit``+ when interrupted) and that text's start."""
    worst = (0.0, "")
    for text in ADVERSARIAL:
        for variant in (text, text + "."):
            signal.setitimer(signal.ITIMER_REAL, limit)
            started = time.perf_counter()
            try:
                pattern.search(variant)
                for i in range(0, len(variant), 37):
                    pattern.match(variant, i)
                seconds = time.perf_counter() - started
            except _TooSlow:
                seconds = float("inf")
            finally:
                signal.setitimer(signal.ITIMER_REAL, 0)
            worst = max(worst, (seconds, variant[:40]))
    return worst


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=float, default=1.0, help="seconds one pattern may take on one text")
    parser.add_argument("--report", type=float, default=0.005, help="list patterns slower than this (seconds)")
    args = parser.parse_args(argv)
    signal.signal(signal.SIGALRM, _interrupt)
    patterns = extractor_patterns()
    rows = sorted(((*slowest(p, args.limit), name) for name, p in patterns.items()), reverse=True)
    for seconds, text, name in rows:
        if seconds > args.report:
            shown = "over the limit" if seconds == float("inf") else f"{seconds:.3f} s"
            print(f"{shown:>15}  {name}  on {text!r}")
    over = [name for seconds, _, name in rows if seconds == float("inf")]
    print(f"{len(patterns)} patterns scanned on {len(ADVERSARIAL)} texts; {len(over)} over {args.limit} s")
    return 1 if over else 0


if __name__ == "__main__":
    sys.exit(main())
