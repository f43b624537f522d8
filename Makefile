# Two commands do everything on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP_RUN  := $(VENV)/.installed-run
STAMP_DEV  := $(VENV)/.installed-dev
export STREAMLIT_BROWSER_GATHER_USAGE_STATS := false
export HF_HUB_OFFLINE := 1
export TRANSFORMERS_OFFLINE := 1

.PHONY: run test lint typecheck unit e2e bench venv dev clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP_RUN): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(STAMP_DEV): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	touch $@ $(STAMP_RUN)

venv: $(STAMP_RUN)
dev: $(STAMP_DEV)

run: $(STAMP_RUN)
	$(BIN)/streamlit run app.py --server.headless true --server.address 127.0.0.1 --server.port 8501 --browser.gatherUsageStats false

lint: $(STAMP_DEV)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: $(STAMP_DEV)
	$(BIN)/mypy --strict src/ ui/ app.py

unit: $(STAMP_DEV)
	$(BIN)/pytest -q

test: lint typecheck unit

# The real-browser test alone (headless Chromium at /usr/bin/chromium; skips without it).
e2e: $(STAMP_DEV)
	$(BIN)/pytest -q -s -m e2e tests/test_e2e_browser.py

# Optional backends, as CI runs them: torch from the local CPU wheel first, then the
# sentence-transformers, LLM client and listen extras (their tests skip without them).
extras: $(STAMP_DEV)
	$(BIN)/python -m pip install --quiet torch==2.13.0
	$(BIN)/python -m pip install --quiet -e ".[dev,sentence-transformers,llm,listen]"

bench: $(STAMP_DEV)
	$(BIN)/python bench/parse.py
	$(BIN)/python bench/classify.py
	$(BIN)/python bench/suggest_eval.py
	$(BIN)/python bench/live.py
	$(BIN)/python bench/review.py
	$(BIN)/python bench/listen.py

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
