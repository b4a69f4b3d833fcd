# The two commands: `make demo` sets up and runs the product; `make test` runs every test.
# Everything lands in .venv/ (packages) and var/ (database, broker queue, logs, pids).

PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
MANAGE := cd backend && ../$(PY) manage.py
VAR_DIR ?= $(CURDIR)/var
PORT ?= 8000
SEED ?= 1
SCALE ?= district
export VAR_DIR

.PHONY: demo demo-check lint test test-frontend api-client venv migrate seed frontend worker-start worker-stop server stop \
	check-compose clean

# The pinned packages, then this repository's own (pyproject.toml: the optimizer `matching`, editable, so that
# changes to it count at once; its dependencies are already the pinned ones).
$(VENV)/.installed: requirements.txt requirements-dev.txt pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements-dev.txt
	$(PY) -m pip install --quiet --no-deps -e .
	touch $@

venv: $(VENV)/.installed

migrate: venv
	mkdir -p $(VAR_DIR)
	$(MANAGE) migrate --noinput -v 0

seed: migrate
	$(MANAGE) seed_demo --scale $(SCALE) --seed $(SEED)
	$(MANAGE) publish_demo_week

# The web app's pinned packages, installed again when the lock file changes.
FRONTEND_DEPS := frontend/node_modules/.package-lock.json
$(FRONTEND_DEPS): frontend/package.json frontend/package-lock.json
	cd frontend && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund

frontend: $(FRONTEND_DEPS)
	cd frontend && npm run build

worker-start: venv
	mkdir -p $(VAR_DIR)/log $(VAR_DIR)/run
	-@[ -f $(VAR_DIR)/run/worker.pid ] && kill `cat $(VAR_DIR)/run/worker.pid` 2>/dev/null; sleep 1
	cd backend && DJANGO_SETTINGS_MODULE=config.settings.local ../$(VENV)/bin/celery -A config worker \
		--beat --scheduler django_celery_beat.schedulers:DatabaseScheduler \
		--schedule $(VAR_DIR)/run/beat-schedule --loglevel INFO --concurrency 2 --detach \
		--pidfile $(VAR_DIR)/run/worker.pid --logfile $(VAR_DIR)/log/worker.log
	@echo "worker and beat started (log: $(VAR_DIR)/log/worker.log)"

worker-stop:
	-@[ -f $(VAR_DIR)/run/worker.pid ] && kill `cat $(VAR_DIR)/run/worker.pid` 2>/dev/null && echo "worker stopped"; true

server: venv
	$(MANAGE) collectstatic --noinput -v 0
	@echo ""
	@echo "  社区志愿服务与资源匹配平台 is running at http://127.0.0.1:$(PORT)/"
	@echo "  API docs: http://127.0.0.1:$(PORT)/api/docs/   admin: http://127.0.0.1:$(PORT)/admin/"
	@echo "  demo logins (password demo12345): admin (district), jiedao (sub-district), shequ (community),"
	@echo "                                     danwei (unit), zhiyuanzhe (volunteer)"
	@echo ""
	$(MANAGE) runserver 0.0.0.0:$(PORT)

demo: seed frontend worker-start server

# What CI runs to prove `make demo` works, without staying up: set-up, seeding, a task through the
# real worker, and a request to the server; then everything stops.
demo-check: venv
	bash .ci/demo-check.sh

# Lint and type checks (pyproject.toml says what and how): ruff (lint and format) over the Python code, mypy over `matching`; ESLint
# (frontend/eslint.config.js: type-aware, rules of hooks) and Prettier's check over the web app.
lint: venv $(FRONTEND_DEPS)
	$(VENV)/bin/ruff check backend matching tests benchmarks
	$(VENV)/bin/ruff format --check backend matching tests benchmarks
	$(PY) -m mypy
	cd frontend && npm run lint && npm run format:check

# pytest (tests/run.sh): in PYTEST_WORKERS processes (pytest-xdist), with Schemathesis alongside in a process of its
# own, then the fault tests alone; PYTEST_ARGS are options given to each part.
PYTEST_WORKERS ?= 2
test: venv lint
	PY=$(PY) PYTEST_WORKERS=$(PYTEST_WORKERS) bash tests/run.sh $(PYTEST_ARGS)
	$(MAKE) --no-print-directory test-frontend

# The web app's unit tests (Vitest), the size budget of the first pages (frontend/scripts/bundle-size.mjs, over
# the build) and its end-to-end tests in Debian's Chromium against a live server with seeded data, on that build
# (no browser is ever downloaded): E2E_ROUNDS rounds of the whole suite, each on a fresh database, in the browser
# time zones in turn (frontend/scripts/e2e-rounds.sh): 2 by default, once in each zone; CI runs 3 with E2E_BUSY=1
# (both cores kept busy), the proof that the suite does not depend on timing.
E2E_ROUNDS ?= 2
E2E_BUSY ?= 0
test-frontend: $(FRONTEND_DEPS)
	cd frontend && npm test && npm run build && \
		npm run size && E2E_BUILD=0 E2E_ROUNDS=$(E2E_ROUNDS) E2E_BUSY=$(E2E_BUSY) bash scripts/e2e-rounds.sh

# The web app's API client: the schema the backend generates now (frontend/src/api/openapi.json) and the types
# generated from it (schema.d.ts); `make test` fails when either is out of date.
# Generated as for PostgreSQL, the production database, whatever DATABASE_URL says: integer fields' limits come from
# the database backend (SQLite has none). Nothing connects to that address.
api-client: venv
	cd backend && DATABASE_URL=postgres://schema@127.0.0.1:1/schema ../$(PY) manage.py spectacular --format openapi-json \
		--file ../frontend/src/api/openapi.json
	cd frontend && npm run api:types

check-compose:
	docker-compose -f docker-compose.yml config -q

stop: worker-stop

clean: worker-stop
	rm -rf $(VAR_DIR)
