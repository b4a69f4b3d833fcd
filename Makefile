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

.PHONY: demo demo-check test test-frontend venv migrate seed frontend worker-start worker-stop server stop check-compose clean

$(VENV)/.installed: requirements.txt requirements-dev.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements-dev.txt
	touch $@

venv: $(VENV)/.installed

migrate: venv
	mkdir -p $(VAR_DIR)
	$(MANAGE) migrate --noinput -v 0

seed: migrate
	$(MANAGE) seed_demo --scale $(SCALE) --seed $(SEED)
	$(MANAGE) publish_demo_week

frontend:
	@if [ -f frontend/package.json ]; then \
		cd frontend && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund && npm run build; \
	else \
		echo "frontend: no web app yet (frontend/README.md); the API and its docs are served"; \
	fi

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

test: venv
	$(PY) -m pytest $(PYTEST_ARGS)
	$(MAKE) --no-print-directory test-frontend

# The web app's unit tests (Vitest) and its end-to-end tests in Debian's Chromium against a live server with
# seeded data (frontend/scripts/e2e.sh; no browser is ever downloaded).
test-frontend:
	cd frontend && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund && npm test && bash scripts/e2e.sh

check-compose:
	docker-compose -f docker-compose.yml config -q

stop: worker-stop

clean: worker-stop
	rm -rf $(VAR_DIR)
