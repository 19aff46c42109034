"""The extractor registry: each extractor maps an analysed document to assertions.

>>> reg = ExtractorRegistry()
>>> @reg.register("noop")
... def noop(doc):
...     return []
>>> reg.names()
['noop']
"""

from __future__ import annotations

from typing import Callable, Iterable

from ..model import Assertion
from .analysis import AnalysedDocument

Extractor = Callable[[AnalysedDocument], Iterable[Assertion]]


class ExtractorRegistry:
    """Extractors by name (a name registered twice is an error); :func:`~hcc_kg.extract.extract` runs them in name order."""

    def __init__(self) -> None:
        self._extractors: dict[str, Extractor] = {}

    def register(self, name: str) -> Callable[[Extractor], Extractor]:
        def decorate(func: Extractor) -> Extractor:
            if name in self._extractors:
                raise ValueError(f"extractor {name!r} registered twice")
            self._extractors[name] = func
            return func
        return decorate

    def names(self) -> list[str]:
        return sorted(self._extractors)

    def get(self, name: str) -> Extractor:
        return self._extractors[name]

    def read(self, name: str, doc: AnalysedDocument) -> tuple[Assertion, ...]:
        """What extractor ``name`` reads from ``doc``, read once per reading of the document (the prose reader asks
        the table readers first whether the document's tables give trials; the run of every extractor asks again)."""
        return doc.once(("extractor", name), lambda: tuple(self._extractors[name](doc)))


EXTRACTORS = ExtractorRegistry()
