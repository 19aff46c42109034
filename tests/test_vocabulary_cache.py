"""The merged vocabulary cached by its files' content and the loader's code
(hcc_kg.execute.vocabulary_cache): a hit equals a fresh merge, any change misses."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from hcc_kg.execute import vocabulary_cache as VC
from hcc_kg.execute.cache import vocabulary_digest
from hcc_kg.pipeline import Settings, load_settings_vocabulary
from hcc_kg.vocab import Entity, Vocabulary, load_vocabulary

INVENTED = """entities:
  - {key: widgetase, label: Widgetase, types: [Protein], synonyms: [WDG1]}
  - {key: widget_family, label: Widget family, types: [ProteinFamily], members: [widgetase]}
  - {key: gizmonib, label: gizmonib, types: [SmallMolecule], xrefs: ["CHEBI:0000001"]}
"""


def _same(a: Vocabulary, b: Vocabulary) -> bool:
    return (a.entities == b.entities and list(a.entities) == list(b.entities) and a.source == b.source
            and all(a.direct_families(k) == b.direct_families(k) for k in a.entities))


class _Loads:
    def __init__(self, path):
        self.path, self.count = path, 0

    def __call__(self) -> Vocabulary:
        self.count += 1
        return load_vocabulary(self.path)


@pytest.fixture()
def invented(tmp_path):
    path = tmp_path / "vocabulary.yaml"
    path.write_text(INVENTED)
    return path


def test_a_second_load_reads_the_entry_and_equals_the_merge(tmp_path, invented):
    sources, load = VC.VocabularySources(invented, lexicon=False), _Loads(invented)
    first, reused_first = VC.cached_vocabulary(tmp_path / "cache", sources, load)
    second, reused_second = VC.cached_vocabulary(tmp_path / "cache", sources, load)
    assert (reused_first, reused_second, load.count) == (False, True, 1)
    assert _same(first, second) and second.direct_families("widgetase") == ["widget_family"]


def test_an_edited_file_or_other_code_misses(tmp_path, invented, monkeypatch):
    sources, load = VC.VocabularySources(invented, lexicon=False), _Loads(invented)
    VC.cached_vocabulary(tmp_path, sources, load)
    invented.write_text(INVENTED.replace("WDG1", "WDG2"))
    edited, reused = VC.cached_vocabulary(tmp_path, sources, load)
    assert not reused and edited["widgetase"].synonyms == ("WDG2",)
    monkeypatch.setattr(VC, "code_version", lambda: "another loader")
    assert VC.cached_vocabulary(tmp_path, sources, load)[1] is False
    assert load.count == 3


def test_the_extras_and_the_lexicon_switch_are_part_of_the_key(tmp_path, invented):
    extra = tmp_path / "extra.yaml"
    extra.write_text(INVENTED.replace("gizmonib", "doodadumab").replace("SmallMolecule", "MonoclonalAntibody"))
    keys = {VC.cache_key(VC.VocabularySources(invented, extras, lexicon))
            for extras in ((), (extra,)) for lexicon in (False, True)}
    assert len(keys) == 4 and None not in keys
    assert VC.cache_key(VC.VocabularySources(tmp_path / "missing.yaml")) is None


@pytest.mark.parametrize("damage", [lambda b: b[: len(b) // 2], lambda b: b"", lambda b: b[:-1] + bytes([b[-1] ^ 1])])
def test_a_corrupt_entry_is_merged_again_with_a_warning(tmp_path, invented, caplog, damage):
    sources, load = VC.VocabularySources(invented, lexicon=False), _Loads(invented)
    first, _ = VC.cached_vocabulary(tmp_path, sources, load)
    [entry] = tmp_path.glob("*.bin")
    good = entry.read_bytes()
    entry.write_bytes(damage(good))
    with caplog.at_level(logging.WARNING, logger=VC.__name__):
        again, reused = VC.cached_vocabulary(tmp_path, sources, load)
    assert not reused and load.count == 2 and _same(first, again)
    assert "merged again" in caplog.text and entry.read_bytes() == good


def test_no_folder_no_cache_and_old_entries_are_pruned(tmp_path, invented):
    load = _Loads(invented)
    assert VC.cached_vocabulary(None, VC.VocabularySources(invented, lexicon=False), load)[1] is False
    assert list(tmp_path.rglob("*.bin")) == []
    for n in range(VC.KEEP + 2):
        invented.write_text(INVENTED + f"# edit {n}\n")
        VC.cached_vocabulary(tmp_path / "c", VC.VocabularySources(invented, lexicon=False), load)
    assert len(list((tmp_path / "c").glob("*.bin"))) == VC.KEEP


def test_the_build_vocabulary_with_the_lexicon_is_the_same_from_the_cache(tmp_path):
    settings = Settings(corpus=tmp_path, cache_dir=tmp_path / "cache", vocabulary_index=None)
    fresh = load_settings_vocabulary(Settings(corpus=tmp_path, vocabulary_index=None))
    timings_miss, timings_hit = {}, {}

    class Clock:  # what load_settings_vocabulary reads of the build's clock
        def __init__(self, timings):
            self.timings = timings

    missed = load_settings_vocabulary(settings, Clock(timings_miss))
    hit = load_settings_vocabulary(settings, Clock(timings_hit))
    assert (timings_miss["vocabulary.reused"], timings_hit["vocabulary.reused"]) == (0, 1)
    assert _same(fresh, missed) and _same(fresh, hit) and len(hit) > 1000
    # the extraction cache's key part comes with the entry, equal to a fresh computation
    assert fresh.content_digest is None and hit.content_digest == vocabulary_digest(fresh)
    assert vocabulary_digest(hit) == vocabulary_digest(missed) == vocabulary_digest(fresh)
    assert list((tmp_path / "cache" / VC.FOLDER).glob("*.bin"))


def test_a_carried_digest_is_used_and_an_extended_vocabulary_computes_its_own(invented):
    loaded = load_vocabulary(invented)
    carried = Vocabulary.checked(loaded.entities.values(), loaded.source, "digest-written-with-the-entry")
    assert vocabulary_digest(carried) == "digest-written-with-the-entry"
    extended = carried.extended(Vocabulary([Entity("doodad", "doodad", ("Drug",))]))
    assert extended.content_digest is None
    assert vocabulary_digest(extended) not in ("digest-written-with-the-entry", vocabulary_digest(loaded))


def test_an_entry_in_use_outlives_newer_ones(tmp_path, invented):
    import os

    load, folder, first = _Loads(invented), tmp_path / "c", None
    for n in range(VC.KEEP):
        invented.write_text(INVENTED + f"# edit {n}\n")
        VC.cached_vocabulary(folder, VC.VocabularySources(invented, lexicon=False), load)
        first = first or VC.cache_key(VC.VocabularySources(invented, lexicon=False))
    for age, entry in enumerate(sorted(folder.glob("*.bin")), 1):
        os.utime(entry, (age, age))  # all old; the first edit's entry is not necessarily the oldest
    os.utime(folder / f"{first}.bin", (0, 0))  # the oldest of all
    invented.write_text(INVENTED + "# edit 0\n")
    assert VC.cached_vocabulary(folder, VC.VocabularySources(invented, lexicon=False), load)[1]  # used now
    invented.write_text(INVENTED + "# a new edit\n")
    VC.cached_vocabulary(folder, VC.VocabularySources(invented, lexicon=False), load)
    assert (folder / f"{first}.bin").exists() and len(list(folder.glob("*.bin"))) == VC.KEEP


# --- the mention finder's tables, stored with the entry ------------------------------------

def _mentions(vocabulary: Vocabulary, text: str) -> list[tuple[int, int, str]]:
    from hcc_kg.extract.mentions import MentionFinder
    from hcc_kg.extract.normalize import normalize

    return [(m.start, m.end, m.key) for m in MentionFinder(vocabulary).find(normalize(text))]


def test_an_entry_carries_the_finder_tables_and_a_finder_on_it_skips_indexing(tmp_path, invented, monkeypatch):
    from hcc_kg.extract.mentions import FinderTables

    sources, load = VC.VocabularySources(invented, lexicon=False), _Loads(invented)
    written, _ = VC.cached_vocabulary(tmp_path, sources, load)
    read, reused = VC.cached_vocabulary(tmp_path, sources, load)
    fresh = load_vocabulary(invented)
    assert reused and fresh.name_tables is None and isinstance(read.name_tables, bytes)  # read when needed
    assert FinderTables.of(read) == written.name_tables == FinderTables.build(fresh)
    text = "Widgetase (WDG-1) and the widget families; gizmonib blocks WDG1s."
    expected = _mentions(fresh, text)
    assert len(expected) == 4

    def no_indexing(vocabulary):
        raise AssertionError("the finder indexed the names again")

    monkeypatch.setattr(FinderTables, "build", classmethod(lambda cls, v: no_indexing(v)))
    assert _mentions(read, text) == _mentions(written, text) == expected


def test_a_new_or_pickled_vocabulary_leaves_the_tables_behind(tmp_path, invented):
    import pickle

    read = VC.cached_vocabulary(tmp_path, VC.VocabularySources(invented, lexicon=False), _Loads(invented))[0]
    assert read.name_tables is not None
    extended = read.extended(Vocabulary([Entity("doodad", "doodad", ("Drug",))]))
    copied = pickle.loads(pickle.dumps(read))
    assert extended.name_tables is None and copied.name_tables is None and _same(copied, read)
    assert [k for _, _, k in _mentions(extended, "doodad and Widgetase")] == ["doodad", "widgetase"]


def test_unreadable_carried_tables_are_built_again(invented):
    from hcc_kg.extract.mentions import FinderTables

    carried = load_vocabulary(invented)
    carried.name_tables = b"not marshal data"
    assert FinderTables.of(carried) == FinderTables.build(load_vocabulary(invented))


def test_an_entry_of_the_last_format_misses_and_is_rewritten(tmp_path, invented, caplog):
    """An entry written before the tables were stored (three fields) is read as corrupt, not half-used."""
    import marshal

    from hcc_kg.cache_entries import write_entry

    sources, load = VC.VocabularySources(invented, lexicon=False), _Loads(invented)
    fresh = load_vocabulary(invented)
    rows = [tuple(getattr(e, f) for f in VC._FIELDS) for e in fresh.entities.values()]
    path = tmp_path / f"{VC.cache_key(sources)}.bin"
    write_entry(path, VC.TAG, marshal.dumps((fresh.source, rows, vocabulary_digest(fresh))))
    with caplog.at_level(logging.WARNING, logger=VC.__name__):
        again, reused = VC.cached_vocabulary(tmp_path, sources, load)
    assert not reused and load.count == 1 and again.name_tables is not None and "merged again" in caplog.text
    assert VC.cached_vocabulary(tmp_path, sources, load)[1]


# --- the set-up index: the same entries, written once by set-up, read only by builds ---------

class _Clock:  # what load_settings_vocabulary reads of the build's clock
    def __init__(self):
        self.timings = {}


def test_the_index_is_read_before_the_cache_and_never_written_by_a_build(tmp_path, invented):
    index, cache = tmp_path / "index", tmp_path / "cache"
    sources = VC.VocabularySources(invented, lexicon=False)
    written = VC.write_index(index, sources)
    before = {p.name: p.read_bytes() for p in index.iterdir()}
    clock = _Clock()
    settings = Settings(corpus=tmp_path, vocabulary=invented, lexicon=False, cache_dir=cache, vocabulary_index=index)
    got = load_settings_vocabulary(settings, clock)
    assert clock.timings == {"vocabulary.reused": 1, "vocabulary.indexed": 1}
    assert _same(got, load_vocabulary(invented)) and written.name in before
    assert not cache.exists()  # the index answered: nothing merged, nothing cached
    invented.write_text(INVENTED.replace("WDG1", "WDG2"))  # edited since set-up: the index has no entry for it
    clock = _Clock()
    edited = load_settings_vocabulary(settings, clock)
    assert clock.timings == {"vocabulary.reused": 0, "vocabulary.indexed": 0}
    assert edited["widgetase"].synonyms == ("WDG2",) and list((cache / VC.FOLDER).glob("*.bin"))
    assert {p.name: p.read_bytes() for p in index.iterdir()} == before


def test_without_a_build_cache_the_index_still_answers(tmp_path, invented):
    index = tmp_path / "index"
    VC.write_index(index, VC.VocabularySources(invented, lexicon=False))
    clock = _Clock()
    load_settings_vocabulary(Settings(corpus=tmp_path, vocabulary=invented, lexicon=False, vocabulary_index=index), clock)
    assert clock.timings["vocabulary.indexed"] == 1
    clock = _Clock()
    load_settings_vocabulary(Settings(corpus=tmp_path, vocabulary=invented, lexicon=False, vocabulary_index=None), clock)
    assert clock.timings == {"vocabulary.reused": 0, "vocabulary.indexed": 0}


def test_set_up_writes_the_packaged_index_once_and_an_unwritable_folder_is_no_failure(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(VC, "INDEX_FOLDER", tmp_path / "share" / "vocabulary")
    calls = []
    real_merge = VC.merge_sources
    monkeypatch.setattr(VC, "merge_sources", lambda sources: calls.append(sources) or real_merge(sources))
    assert VC.main() == 0 and VC.main() == 0
    assert len(calls) == 1 and "in place" in capsys.readouterr().out  # the second run found it
    packaged = VC.indexed_vocabulary(VC.INDEX_FOLDER, VC.VocabularySources())
    assert packaged is not None and _same(packaged, real_merge(VC.VocabularySources()))
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    monkeypatch.setattr(VC, "INDEX_FOLDER", blocker / "vocabulary")
    assert VC.main() == 0 and "no vocabulary index" in capsys.readouterr().err


def test_the_build_line_says_where_the_vocabulary_came_from():
    from hcc_kg.cli.build_command import _reasoner_line

    indexed = {"vocabulary.indexed": 1, "vocabulary.reused": 1}
    assert _reasoner_line(indexed, None).startswith("vocabulary: from the set-up index; reasoner: HermiT ran (no cache)")
    assert _reasoner_line({"vocabulary.reused": 0}, None).startswith("vocabulary: merged;")
    assert _reasoner_line({"vocabulary.reused": 1}, Path("cache")).startswith("vocabulary: from the cache;")


@pytest.mark.parametrize("flags", [[], ["--no-cache"]])
def test_the_cli_passes_set_ups_index_with_or_without_the_build_cache(tmp_path, monkeypatch, flags):
    from hcc_kg.cli import parser
    from hcc_kg.cli.build_command import _execution_settings

    monkeypatch.setattr(VC, "INDEX_FOLDER", tmp_path / "index")
    args = parser().parse_args(["build", "--corpus", str(tmp_path), "--out", str(tmp_path / "out"), *flags])
    settings = _execution_settings(args)
    assert settings["vocabulary_index"] == tmp_path / "index"
    assert (settings["cache_dir"] is None) == bool(flags)
