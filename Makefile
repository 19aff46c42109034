# Two commands on a fresh clone:  `make run` (set up + build the graph)  and  `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
CORPUS ?= $(or $(HCC_KG_CORPUS),../shared/corpus)
OUT    ?= exports

.PHONY: setup run test test-fast clean java

setup: $(VENV)/.installed java

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $@

java:
	@bash scripts/ensure-java.sh

run: setup
	$(BIN)/hcc-kg build --corpus $(CORPUS) --out $(OUT)

test: setup
	$(BIN)/python -m pytest

test-fast: setup
	$(BIN)/python -m pytest -m "not slow"

clean:
	rm -rf $(VENV) .pytest_cache .hypothesis
