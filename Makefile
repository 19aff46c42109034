# Two commands on a fresh clone:  `make run` (set up + build the graph)  and  `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
CORPUS ?= $(or $(HCC_KG_CORPUS),../shared/corpus)
OUT    ?= exports

.PHONY: setup run test test-fast test-deps clean java bytecode index

setup: $(VENV)/.installed java bytecode index

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $@

java:
	@bash scripts/ensure-java.sh

# An editable install leaves src/ uncompiled; where PYTHONDONTWRITEBYTECODE is set, every
# process would compile each module again (about 0.25 s of a build). Quick when up to date.
bytecode: $(VENV)/.installed
	@$(BIN)/python -m compileall -q src

# The packaged vocabulary merged with the lexicon, and its name tables, written once into the
# environment (src/hcc_kg/execute/vocabulary_cache.py): about 1 s less in every fresh build.
index: bytecode
	@$(BIN)/python -m hcc_kg.execute.vocabulary_cache

run: setup
	$(BIN)/hcc-kg build --corpus $(CORPUS) --out $(OUT)
	@echo "hcc-kg is installed in $(BIN)/, not on your PATH: 'source $(BIN)/activate', or run '$(BIN)/hcc-kg --help'"

# Services and browsers the tests drive (triple stores, Chromium): each installer in
# scripts/test-deps/ is idempotent and exits 0 when its tool is already present.
test-deps:
	@for script in scripts/test-deps/*.sh; do [ -e "$$script" ] || continue; bash "$$script" || exit 1; done

test: setup test-deps
	$(BIN)/python -m pytest

test-fast: setup
	$(BIN)/python -m pytest -m "not slow"

clean:
	rm -rf $(VENV) .venv-tools .pytest_cache .hypothesis
