"""The field's own validators (kgx, sssom-py), run from the tools venv as subprocesses.

scripts/test-deps/interop-tools.sh installs them into ``.venv-tools`` (``make test`` runs it):
kgx pins numpy<2, so it cannot share the project's venv.  Without the venv a test skips, and
under CI=true a skip fails (tests/ci_policy.py).
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
TOOLS = Path(os.environ.get("HCC_KG_TOOLS_VENV", REPO / ".venv-tools"))


def run_tool(name: str, *args: str, timeout: float = 600) -> subprocess.CompletedProcess:
    """``.venv-tools/bin/<name> args…`` with its output captured (skips when not installed)."""
    program = TOOLS / "bin" / name
    if not program.exists():
        pytest.skip(f"{program} missing: run scripts/test-deps/interop-tools.sh")
    return subprocess.run([str(program), *args], capture_output=True, text=True, timeout=timeout, cwd=REPO)
