# Two commands do all the set-up on a fresh machine with Python 3.11 and pip:
#   make run      create .venv, install, run every extractor that can run here into runs/latest/
#                 (ignored by git) and print the leaderboard; the checkout stays as it was
#   make test     same install, then the full test suite
# Maintainers only:
#   make results  rerun into the committed results/ (the test gold; dev/ and devtest/ for the invented
#                 development halves; the frozen v1 extractors beside the current ones) and refresh the
#                 README's generated blocks
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: install run results test schema bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e ".[test]"
	touch $(STAMP)

install: $(STAMP)

run: install
	$(BIN)/newsbench run --out runs/latest

results: install
	for split in dev devtest; do \
	  $(BIN)/newsbench run --split $$split -e rules.v1 -e spacy.v1 -e rules.v2 -e spacy.v2 -e rules.v3 -e spacy.v3 -e rules.v4 -e spacy.v4 -e rules.v5 -e spacy.v5 -e rules.v6 -e spacy.v6 -e rules.v7 -e spacy.v7 -e rules.v8 -e spacy.v8 --out results/$$split && \
	  $(BIN)/newsbench run --split $$split --out results/$$split || exit 1; \
	done
	$(BIN)/newsbench run -e rules.v1 -e spacy.v1 -e rules.v2 -e spacy.v2 -e rules.v3 -e spacy.v3 -e rules.v4 -e spacy.v4 -e rules.v5 -e spacy.v5 -e rules.v6 -e spacy.v6 -e rules.v7 -e spacy.v7 -e rules.v8 -e spacy.v8 --out results
	$(BIN)/newsbench run --out results
	$(BIN)/newsbench leaderboard --readme README.md > /dev/null
	$(BIN)/newsbench errors --readme README.md > /dev/null

test: install
	$(BIN)/python -m pytest -q

schema: install
	$(BIN)/newsbench schema

bench: install
	$(BIN)/python bench/extract.py
	$(BIN)/python bench/score.py

clean:
	rm -rf $(VENV) .pytest_cache .hypothesis
