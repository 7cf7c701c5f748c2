# The two commands of the README: `make run` and `make test`.
SHELL := /bin/bash
# Everything installs into .venv with the Python 3.12+ that scripts/find-python finds.

VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test install migrate demo serve lint format messages check-translations audit reliability ci clean

$(STAMP): pyproject.toml
	@python_bin=$$(PYTHON="$(PYTHON)" scripts/find-python) || exit 1; \
	if [ ! -x $(PY) ] || ! $(PY) -c 'import sys; sys.exit(sys.version_info < (3, 12))'; then \
		echo "Creating $(VENV) with $$python_bin"; \
		rm -rf $(VENV); "$$python_bin" -m venv $(VENV) || exit 1; \
	fi
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet ".[dev]"
	@touch $(STAMP)

install: $(STAMP)

migrate: install
	$(PY) manage.py migrate --no-input

demo: migrate
	$(PY) manage.py seed_demo

serve: install
	$(PY) manage.py runserver $(HOST):$(PORT)

run: demo serve

test: install
	$(PY) -m pytest

lint: install
	$(PY) -m ruff format --check .
	$(PY) -m ruff check .

format: install
	$(PY) -m ruff format .
	$(PY) -m ruff check --fix .

messages: install
	$(PY) manage.py makemessages -l fr -l en -l de -l nl --no-obsolete --add-location file \
		--ignore=.venv --ignore=tests --ignore=bench --ignore=data --ignore=staticfiles \
		--ignore=artifacts --ignore=scripts
	$(PY) manage.py compilemessages --ignore=.venv

check-translations: install
	$(PY) scripts/check_translations.py

# Known vulnerabilities in the pinned dependencies (needs PyPI's JSON API).
audit: install
	$(PY) -m pip_audit --strict --progress-spinner off \
		-r <($(PY) -m pip freeze --exclude-editable | grep -iv '^nwow')

# The slow proofs (database faults, load, backup drill) against gunicorn and a
# throw-away PostgreSQL database with production settings; a few minutes.
reliability: install
	$(PY) -m pip install --quiet ".[dev,reliability]"
	$(PY) bench/reliability/fault_database.py
	$(PY) bench/reliability/load.py
	$(PY) bench/reliability/backup_drill.py

ci:
	bash .ci/run

clean:
	rm -rf $(VENV) data/db.sqlite3 staticfiles
