# Two commands do all the set-up on a fresh machine:
#   make demo   creates the environment and prints the brief of the example corpus
#   make test   creates the environment (and the browser the web tests drive) and runs every test
VENV     ?= .venv
PYTHON   ?= python3
CORPUS   ?= ../shared/corpora/budapest-2025
DEMO_DB  ?= out/demo.db
PIP       = $(VENV)/bin/pip
export HF_HUB_OFFLINE=1
export TRANSFORMERS_OFFLINE=1
export TOKENIZERS_PARALLELISM=false

.PHONY: setup demo test lint bench browser clean

setup: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip
	$(PIP) install --quiet -c constraints.txt -e '.[test,spark]'
	touch $@

demo: setup
	@mkdir -p $(dir $(DEMO_DB))
	$(VENV)/bin/corroborate brief $(CORPUS) --db $(DEMO_DB)

# Debian's Chromium drives the web tests; installed once, when missing.
browser:
	@command -v chromium >/dev/null 2>&1 || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive \
		apt-get install -y -qq chromium chromium-driver >/dev/null; }

lint: setup
	$(VENV)/bin/ruff check src tests bench

test: setup browser lint
	$(VENV)/bin/pytest -q

bench: setup
	$(VENV)/bin/python bench/extraction.py
	$(VENV)/bin/python bench/throughput.py

clean:
	rm -rf $(VENV) out
