#!/usr/bin/env bash
# End-to-end tests from a clean checkout: build the app, a fresh seeded database, a Celery worker and the
# Django server on a free port, then Playwright (Debian's Chromium) against it. Everything stops on exit;
# the exit status is Playwright's. Usage: bash scripts/e2e.sh [playwright args...]
set -euo pipefail
cd "$(dirname "$0")/.."
FRONTEND=$PWD
ROOT=$(cd .. && pwd)
BACKEND=$ROOT/backend
VENV=$(cd ../.venv && pwd)   # the repo's venv: ../../.venv from this script
PY=$VENV/bin/python
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1

TMP=$(mktemp -d /tmp/frontend-e2e.XXXXXX)
export VAR_DIR=$TMP
# A database and broker of its own: SQLite and the filesystem broker unless E2E_DATABASE_URL / E2E_REDIS_URL
# name others (CI: an empty PostgreSQL database and a Redis database of their own).
export DATABASE_URL=${E2E_DATABASE_URL:-sqlite:///$TMP/db.sqlite3}
if [ -n "${E2E_REDIS_URL:-}" ]; then export REDIS_URL=$E2E_REDIS_URL; else unset REDIS_URL; fi
if [ ! -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ]; then
  if [ -n "${CI:-}" ]; then echo "e2e: no Chromium at ${CHROMIUM_PATH:-/usr/bin/chromium}"; exit 1; fi
  echo "e2e: skipped: no Chromium at ${CHROMIUM_PATH:-/usr/bin/chromium} (apt-get install chromium)"; exit 0
fi
export DJANGO_SETTINGS_MODULE=config.settings.local
export FRONTEND_DIST=$FRONTEND/dist
mkdir -p "$TMP/log" "$TMP/run"
echo "e2e: VAR_DIR=$TMP"

WORKER_PID=""
SERVER_PID=""
cleanup() {
  status=$?
  [ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null || true
  [ -n "$WORKER_PID" ] && kill "$WORKER_PID" 2>/dev/null || true
  sleep 1
  [ -n "$WORKER_PID" ] && kill -9 "$WORKER_PID" 2>/dev/null || true
  if [ $status -ne 0 ]; then
    echo "e2e: failed ($status); logs in $TMP/log"
    tail -n 30 "$TMP/log/worker.log" "$TMP/log/server.log" 2>/dev/null || true
    # last, so that the end of a CI log names what failed: the failed tests and the first lines of their errors
    if [ -s "$TMP/log/playwright.log" ]; then
      echo "e2e: what failed (from $TMP/log/playwright.log):"
      sed 's/\x1b\[[0-9;]*m//g' "$TMP/log/playwright.log" | grep -E -A4 '^ +[0-9]+\) |✘|flaky|failed|Error:' | head -n 80 || true
    fi
  else
    rm -rf "$TMP"
  fi
  exit $status
}
trap cleanup EXIT

# E2E_BUILD=0: the web app in dist/ is already built (scripts/e2e-rounds.sh builds it once for every round).
if [ "${E2E_BUILD:-1}" != 0 ]; then
  if [ ! -d node_modules ]; then npm ci --no-audit --no-fund; fi
  npm run build
fi

# Every run on an empty database: a PostgreSQL one is made anew (scripts/e2e-rounds.sh runs this several times).
if [[ "$DATABASE_URL" == postgres* ]]; then
  psql "${DATABASE_URL%/*}/postgres" -qc "DROP DATABASE IF EXISTS \"${DATABASE_URL##*/}\" WITH (FORCE)" \
    -c "CREATE DATABASE \"${DATABASE_URL##*/}\""
fi
if [ -n "${REDIS_URL:-}" ]; then redis-cli -u "$REDIS_URL" flushdb >/dev/null; fi
(cd "$BACKEND" && $PY manage.py migrate --noinput -v 0 && $PY manage.py seed_demo --scale small --seed 1)

# The worker in the foreground of its own background job (not --detach) so that its pid is ours to stop.
(cd "$BACKEND" && exec "$VENV/bin/celery" -A config worker --loglevel INFO --concurrency 2 --without-gossip --without-mingle) \
  > "$TMP/log/worker.log" 2>&1 &
WORKER_PID=$!

PORT=$($PY -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
(cd "$BACKEND" && $PY manage.py collectstatic --noinput -v 0 && exec $PY manage.py runserver --noreload "127.0.0.1:$PORT") \
  > "$TMP/log/server.log" 2>&1 &
SERVER_PID=$!

for _ in $(seq 1 90); do
  curl -fsS "http://127.0.0.1:$PORT/api/schema/" -o /dev/null 2>/dev/null && break
  sleep 1
done
curl -fsS "http://127.0.0.1:$PORT/api/schema/" -o /dev/null
for _ in $(seq 1 90); do
  grep -q "ready" "$TMP/log/worker.log" 2>/dev/null && break
  sleep 1
done
grep -q "ready" "$TMP/log/worker.log" || { echo "e2e: the worker did not start"; exit 1; }
echo "e2e: server on port $PORT, worker $WORKER_PID"

mkdir -p e2e/screenshots
# One project per seeded database (playwright.config.ts: the same suite in two browser time zones): the one named
# in the arguments, else E2E_PROJECT, else shanghai.
project=()
[[ " $* " == *" --project"* ]] || project=("--project=${E2E_PROJECT:-shanghai}")
BASE_URL="http://127.0.0.1:$PORT" npx playwright test "${project[@]}" "$@" 2>&1 | tee "$TMP/log/playwright.log"
