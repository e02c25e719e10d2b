# Two commands matter (see README): `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
# The settings build the demo's e-mail links from the port actually served.
export PORT
PYTEST_ARGS ?=

.PHONY: demo test lint messages system-packages check-python

check-python:
	@$(PYTHON) -c 'import sys; sys.exit("Python 3.11 or newer is needed (set PYTHON=…)") if sys.version_info < (3, 11) else None'

$(BIN)/python: | check-python
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip

$(VENV)/.runtime-installed: requirements.lock | $(BIN)/python
	$(BIN)/pip install -q -r requirements.lock
	@touch $@

$(VENV)/.test-installed: requirements-test.lock | $(BIN)/python
	$(BIN)/pip install -q -r requirements-test.lock
	@touch $@

## Install, migrate the embedded SQLite database, build the demo site, serve it
## with gunicorn as production does (website/settings/demo.py: one process,
## several threads, static files by WhiteNoise, console e-mail).
DEMO_ENV := DJANGO_SETTINGS_MODULE=website.settings.demo PORT=$(PORT)
demo: $(VENV)/.runtime-installed
	$(DEMO_ENV) $(BIN)/python manage.py migrate --noinput -v 0
	$(DEMO_ENV) $(BIN)/python manage.py load_demo
	@echo ""
	@echo "  Site:   http://127.0.0.1:$(PORT)/  (fi: /fi/, sv: /sv/)"
	@echo "  Admin:  http://127.0.0.1:$(PORT)/admin/"
	@echo "          admin / yhdessa-demo          (superuser)"
	@echo "          viestinta / yhdessa-demo      (communications staff, association moderation)"
	@echo "          kasittelija / yhdessa-demo    (feedback handler)"
	@echo "          analyytikko / yhdessa-demo    (participation analyst)"
	@echo ""
	$(DEMO_ENV) $(BIN)/gunicorn website.wsgi --bind 127.0.0.1:$(PORT) \
		--workers 1 --threads 8 --access-logfile -

## Install what the tests need (Chromium, Voikko, Java, axe-core and the
## Nu HTML Checker included) and run the whole suite.
test: $(VENV)/.test-installed system-packages node_modules/.package-lock.json
	$(BIN)/python -m pytest $(PYTEST_ARGS)

# Test-only tools from the npm registry, pinned in package-lock.json
# (vnu-jar's install script only downloads a Java we do not need).
node_modules/.package-lock.json: package-lock.json | system-packages
	npm ci --ignore-scripts --no-audit --no-fund

system-packages:
	@bash scripts/ensure-system-packages

lint: $(VENV)/.test-installed
	$(BIN)/ruff check .
	$(BIN)/python manage.py makemigrations --check --dry-run

## Refresh the fi/sv catalogs after changing user-facing strings.
messages: $(VENV)/.test-installed
	$(BIN)/python manage.py makemessages -l fi -l sv --no-obsolete --no-location -i ".venv/*" -i "node_modules/*"
	$(BIN)/python manage.py compilemessages -l fi -l sv
