# Two commands: `make lab` opens the lessons, `make test` runs every test.
# Both create .venv when it is missing and install only when pyproject.toml or the pins changed.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
PORT   ?= 8888
LESSON ?= 01
RELEASE ?= ../dossier-noord-korea-leerlingen

.PHONY: lint lab test notebooks student-notebooks present release benchmarks browser proxy clean help

help:
	@echo "make lab                 open the lessons in JupyterLab (http://127.0.0.1:$(PORT))"
	@echo "make test                run every test (library, notebooks, browser)"
	@echo "make notebooks           re-run the teacher notebooks and store fresh outputs"
	@echo "make student-notebooks   write the student versions to notebooks/leerling/"
	@echo "make present LESSON=06   show a lesson to the class with Voila (student version, no answers)"
	@echo "make release RELEASE=DIR write the student release (the repository students get)"
	@echo "make benchmarks          print speed and quality figures"
	@echo "make clean               remove .venv and generated files"

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(STAMP): $(BIN)/python pyproject.toml requirements/constraints.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check \
		-c requirements/constraints.txt -e '.[lab,test]'
	touch $(STAMP)

# JupyterLab refuses to run as root unless told; only then is --allow-root added.
ROOT_FLAG := $(if $(filter 0,$(shell id -u)),--allow-root,)

# Dutch error help in the project's own kernels even before a lesson's first cell ran
# (dossier_lib/ipython_extension.py); written into .venv only, never into the user's home.
KERNEL_CONFIG := $(VENV)/etc/ipython/ipython_kernel_config.py

$(KERNEL_CONFIG): $(STAMP)
	$(BIN)/python -m dossier_lib kernel-help

lab: $(STAMP) $(KERNEL_CONFIG)
	$(BIN)/jupyter lab --ip=127.0.0.1 --port=$(PORT) --ServerApp.root_dir=notebooks $(ROOT_FLAG)

# The browser tests drive Debian's Chromium; install it when it is missing.
browser:
	@bash scripts/ensure-chromium.sh

# The JupyterHub test needs the hub's proxy (npm: configurable-http-proxy) in .node/; install it when missing.
proxy:
	@bash scripts/ensure-proxy.sh

# Two workers (CI has two cores); --dist loadscope keeps each notebook's cells on one kernel.
test: $(STAMP) browser proxy lint
	$(BIN)/python -m pytest -n 2 --dist loadscope

# ruff (lint and format) and mypy (type hints of the public API), configured in pyproject.toml.
lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

notebooks: $(STAMP)
	$(BIN)/python -m dossier_lib run-notebooks

student-notebooks: $(STAMP)
	$(BIN)/python -m dossier_lib student-notebooks

present: $(STAMP)
	$(BIN)/python -m dossier_lib present $(LESSON) --port=$(PORT)

release: $(STAMP)
	$(BIN)/python -m dossier_lib release $(RELEASE)

benchmarks: $(STAMP)
	@for b in benchmarks/bench_*.py; do echo "== $$b"; $(BIN)/python $$b || exit 1; done

clean:
	rm -rf $(VENV) .node build dist *.egg-info .pytest_cache test-artifacts
	find . -name __pycache__ -type d -prune -exec rm -rf {} +
