#!/usr/bin/env python3
"""Load time and peak memory of the generated lexicon, and mention-finding cost with it.

    .venv/bin/python benchmarks/lexicon.py            # prints a Markdown report
    .venv/bin/python benchmarks/lexicon.py --write    # also writes benchmarks/results/lexicon.md

Each measurement runs in this fresh process, in the order a build does them: the hand
vocabulary, the lexicon file, the merge, then the MentionFinder over every name.  Matching
is timed on invented text (never a corpus sentence) with the hand vocabulary alone and
with the lexicon, at two text lengths, to show cost linear in text and flat in lexicon size.
"""

from __future__ import annotations

import argparse
import os
import resource
import time
from collections import Counter
from pathlib import Path

RESULT = Path(__file__).resolve().parent / "results" / "lexicon.md"
SENTENCE = ("Foonib inhibits KDR, FLT3 and the MET receptor, while barimab binds PD-L1 and the "
            "IL-6 level, CD8 count and the hepatocyte growth factor receptor were measured in 40 patients. ")


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux reports KiB


def timed(func, *args):
    started = time.perf_counter()
    value = func(*args)
    return value, time.perf_counter() - started


def match_seconds(finder, sentences: int, repeats: int = 3) -> float:
    """Seconds to find mentions in ``sentences`` sentences, one call each (as the pipeline does)."""
    from hcc_kg.extract.normalize import normalize

    mapped = [normalize(SENTENCE)] * sentences
    finder.find(mapped[0])  # compile the few patterns this text needs

    def run():
        for m in mapped:
            finder.find(m)
    return min(timed(run)[1] for _ in range(repeats))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", action="store_true", help=f"write {RESULT.relative_to(Path.cwd()) if RESULT.is_relative_to(Path.cwd()) else RESULT}")
    args = parser.parse_args()
    rss_start = peak_rss_mb()
    from hcc_kg.extract.mentions import MentionFinder
    from hcc_kg.lexicon import default_lexicon_path, merge_lexicon, read_lexicon, read_stoplist
    from hcc_kg.vocab import load_vocabulary

    hand, t_hand = timed(load_vocabulary)
    rows, t_read = timed(read_lexicon)
    merged, t_merge = timed(merge_lexicon, hand, rows, read_stoplist())
    rss_vocab = peak_rss_mb()
    finder, t_finder = timed(MentionFinder, merged)
    rss_finder = peak_rss_mb()
    hand_finder = MentionFinder(hand)
    names = sum(len(e.names()) for e in merged)
    types = Counter(e.types[0] for e in merged if e.key not in hand.entities)
    lines = [
        "# Generated lexicon: load time, memory, matching cost",
        "",
        f"`benchmarks/lexicon.py` on this machine; lexicon `{default_lexicon_path().name}` "
        f"({default_lexicon_path().stat().st_size / 1e6:.2f} MB gzip), {len(rows)} rows; "
        f"{os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f} at the end (a busy shared machine reads slower).",
        "",
        "| step | seconds |",
        "|---|---|",
        f"| hand vocabulary (YAML) | {t_hand:.2f} |",
        f"| read lexicon file | {t_read:.2f} |",
        f"| merge under the hand vocabulary | {t_merge:.2f} |",
        f"| **lexicon load (read + merge)** | **{t_read + t_merge:.2f}** |",
        f"| MentionFinder over {names} names | {t_finder:.2f} |",
        "",
        f"Peak RSS: {rss_start:.0f} MB at start, {rss_vocab:.0f} MB after the merged vocabulary "
        f"({len(merged)} entities), **{rss_finder:.0f} MB** after the finder.",
        "",
        "New entities by type: " + ", ".join(f"{t} {n}" for t, n in types.most_common()) + ".",
        "",
        f"| matching invented sentences ({len(SENTENCE)} characters each) | hand vocabulary | with lexicon |",
        "|---|---|---|",
        *(f"| {n} sentences | {match_seconds(hand_finder, n) * 1000:.0f} ms | {match_seconds(finder, n) * 1000:.0f} ms |"
          for n in (250, 1000)),
        "",
        "Matching walks the text's word runs and looks their joined forms up in a dictionary, so "
        "its cost grows with the text, not with the number of names.",
    ]
    report = "\n".join(lines) + "\n"
    print(report)
    if args.write:
        RESULT.write_text(report, encoding="utf-8")


if __name__ == "__main__":
    main()
