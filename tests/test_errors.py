"""The exit codes: one table in errors.py, every exception's code in it, the README generated from it."""

from __future__ import annotations

from pathlib import Path

from hcc_kg import errors

README = Path(__file__).resolve().parents[1] / "README.md"


def _subclasses(cls):
    for sub in cls.__subclasses__():
        yield sub
        yield from _subclasses(sub)


def test_every_exception_exit_code_is_documented():
    codes = {cls.__name__: cls.exit_code for cls in [errors.HccKgError, *_subclasses(errors.HccKgError)]}
    assert {name: code for name, code in codes.items() if code not in errors.EXIT_CODES} == {}


def test_readme_exit_code_table_is_the_generated_one():
    assert errors.exit_code_table() in README.read_text(encoding="utf-8")


def test_special_exits_are_documented():
    assert {0, 2, errors.BROKEN_PIPE_EXIT, errors.TERMINATED_EXIT} <= set(errors.EXIT_CODES)
