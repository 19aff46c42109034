"""Helpers for tests that build in a fresh process (a build forks only while its process has a single thread, and
RocksDB's thread pool, started by the first store on disk, stays for the life of a process)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path


def run_script(script: str, *args: object) -> list[str]:
    """The lines ``python -c script args...`` printed; it must exit 0."""
    done = subprocess.run([sys.executable, "-c", script, *map(str, args)], capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    return done.stdout.splitlines()


def exported_files(out: Path) -> dict[str, bytes]:
    """Every file a build wrote under ``out`` but the store's, by relative path."""
    return {p.relative_to(out).as_posix(): p.read_bytes() for p in sorted(out.rglob("*"))
            if p.is_file() and "store" not in p.relative_to(out).parts}
