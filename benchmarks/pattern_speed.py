"""Catastrophic backtracking in the reading rules: every compiled pattern of ``hcc_kg.extract`` run on
invented adversarial texts, the slow ones named.

A pattern whose repeated parts can split the same text in many ways (a word that ``[\\w-]+\\s*`` may cut
anywhere, a hyphen that either joins two words or belongs to one) tries every split before a match
fails: linear on the texts it was written for, exponential on a long hyphenated chain. Such a
pattern cost a third of the literature's extraction time in December 2026 (benchmarks/README.md).
This scan searches each module-level pattern in each text, and matches it from every 37th
position; a pattern taking longer than ``--limit`` seconds on one text is interrupted and
reported. Patterns compiled inside functions are not scanned.

    python benchmarks/pattern_speed.py [--limit 1.0] [--report 0.005]

Exit status 1 when a pattern hit the limit. A benchmark, not a test: its figures are times.
"""

from __future__ import annotations

import argparse
import importlib
import pkgutil
import re
import signal
import sys
import time

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
    """Every distinct compiled pattern held by a module of ``hcc_kg.extract``, by ``module.NAME``."""
    import hcc_kg.extract as package
    found: dict[int, tuple[str, re.Pattern]] = {}
    for info in pkgutil.iter_modules(package.__path__):
        module = importlib.import_module(f"{package.__name__}.{info.name}")
        for name, value in vars(module).items():
            if isinstance(value, re.Pattern):
                found.setdefault(id(value), (f"{info.name}.{name}", value))
    return dict(found.values())


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
