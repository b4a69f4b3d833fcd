#!/usr/bin/env bash
# The production configuration run for real, natively (no Docker engine here): gunicorn with
# config.settings.production behind nginx with the repository's configuration (frontend/nginx.conf.template), a
# Celery worker and beat, on PostgreSQL and Redis; small demo data; checks through nginx of what the development
# server hides (static files, the web app's files, upload sizes, proxy headers); then the Playwright scenarios
# tagged @smoke through nginx (sign in, run and publish a plan, a volunteer answers, an export downloads).
# Everything stops on exit; the database is dropped when all passed.
# Usage: bash .ci/prod-smoke.sh   (SMOKE_DATABASE_URL, SMOKE_REDIS_URL: a database and a Redis database of its own;
# SMOKE_BUILD=0 when frontend/dist is already built from this checkout)
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
started=$(date +%s)
DATABASE=${SMOKE_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/prod_smoke}
REDIS=${SMOKE_REDIS_URL:-redis://127.0.0.1:6379/13}
VENV=$ROOT/.venv
PY=$VENV/bin/python
TMP=$(mktemp -d /tmp/prod-smoke.XXXXXX)
mkdir -p "$TMP/log" "$TMP/metrics" "$TMP/metrics-worker" "$TMP/metrics-beat" "$TMP/nginx/logs" "$TMP/nginx/tmp"
chmod 755 "$TMP"  # nginx's workers (nobody) write request bodies under $TMP/nginx/tmp
echo "prod-smoke: $TMP"

free_port() { $PY -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'; }
BACKEND_PORT=$(free_port)
WEB_PORT=$(free_port)
WEB=http://127.0.0.1:$WEB_PORT

# What docker-compose.yml gives the backend, worker and beat (x-backend-env), on this host's services.
export DJANGO_SETTINGS_MODULE=config.settings.production
DJANGO_SECRET_KEY=$($PY -c 'import secrets; print(secrets.token_urlsafe(64))')
export DJANGO_SECRET_KEY
export DJANGO_ALLOWED_HOSTS=127.0.0.1,localhost
export DJANGO_SECURE_SSL_REDIRECT=false DJANGO_NUM_PROXIES=1
export PRIVACY_CONTROLLER="示例区志愿服务平台运营单位" PRIVACY_CONTACT="010-00000000"
export DATABASE_URL=$DATABASE REDIS_URL=$REDIS
export VAR_DIR=$TMP/var MEDIA_ROOT=$TMP/var/media STATIC_ROOT=$TMP/var/static PROMETHEUS_MULTIPROC_DIR=$TMP/metrics
export FRONTEND_DIST=$ROOT/frontend/dist
unset DJANGO_CSRF_TRUSTED_ORIGINS  # the browser's origin is the host it asked for: nothing to trust in addition

PIDS=()
cleanup() {
  status=$?
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do
    for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$pid" 2>/dev/null || true
  done
  if [ $status -ne 0 ]; then
    echo "prod-smoke: failed ($status); logs in $TMP/log and $TMP/nginx/logs"
    tail -n 20 "$TMP"/log/*.log "$TMP"/nginx/logs/error.log 2>/dev/null || true
  else
    psql "${DATABASE%/*}/postgres" -qc "DROP DATABASE IF EXISTS \"${DATABASE##*/}\" WITH (FORCE)" || true
    rm -rf "$TMP"
  fi
  echo "prod-smoke: finished in $(( $(date +%s) - started )) s"
  exit $status
}
trap cleanup EXIT

# nginx from Debian when missing; the browser tests need Debian's Chromium (installed by .ci/run).
command -v nginx >/dev/null || { apt-get update -qq && apt-get install -y -qq nginx >/dev/null; }
if [ "${SMOKE_BUILD:-1}" != 0 ]; then
  (cd frontend && { [ -d node_modules ] || PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund; } && npm run build)
fi
[ -f "$FRONTEND_DIST/index.html" ] || { echo "prod-smoke: no built web app in $FRONTEND_DIST"; exit 1; }

# A database and a Redis database of its own, empty.
psql "${DATABASE%/*}/postgres" -qc "DROP DATABASE IF EXISTS \"${DATABASE##*/}\" WITH (FORCE)" \
  -c "CREATE DATABASE \"${DATABASE##*/}\""
redis-cli -u "$REDIS" flushdb >/dev/null

cd backend
$PY manage.py check --deploy  # warns that SSL redirect is off: plain http here (tests/backend/test_project_checks.py checks the defaults)
$PY manage.py migrate --noinput -v 0
$PY manage.py seed_demo --scale small --seed 1 >/dev/null
$PY manage.py collectstatic --noinput -v 0

# As docker-compose.yml runs them, each in the foreground of a background job of ours, each service with a folder
# of counters of its own; the backend's /metrics reads the worker's too.
METRICS_READ_DIRS=$TMP/metrics-worker "$VENV/bin/gunicorn" -c config/gunicorn.py config.wsgi:application \
  --bind "127.0.0.1:$BACKEND_PORT" --workers 2 --timeout 300 > "$TMP/log/gunicorn.log" 2>&1 &
PIDS+=($!)
PROMETHEUS_MULTIPROC_DIR=$TMP/metrics-worker "$VENV/bin/celery" -A config worker --loglevel INFO --concurrency 2 \
  > "$TMP/log/worker.log" 2>&1 &
PIDS+=($!)
PROMETHEUS_MULTIPROC_DIR=$TMP/metrics-beat "$VENV/bin/celery" -A config beat --loglevel INFO --scheduler django_celery_beat.schedulers:DatabaseScheduler \
  --pidfile "$TMP/beat.pid" > "$TMP/log/beat.log" 2>&1 &
PIDS+=($!)
cd "$ROOT"

# nginx with the repository's server block, filled in as the image fills it in (frontend/Dockerfile).
NGINX_LISTEN=127.0.0.1:$WEB_PORT NGINX_ROOT=$FRONTEND_DIST NGINX_BACKEND=127.0.0.1:$BACKEND_PORT \
  envsubst '${NGINX_LISTEN} ${NGINX_ROOT} ${NGINX_BACKEND}' < frontend/nginx.conf.template > "$TMP/nginx/server.conf"
cp .ci/nginx-main.conf "$TMP/nginx/nginx.conf"
nginx -t -q -p "$TMP/nginx" -c "$TMP/nginx/nginx.conf"
nginx -p "$TMP/nginx" -c "$TMP/nginx/nginx.conf" &
PIDS+=($!)

# Ready when /readyz answers 200 through nginx: the database, Redis and a worker answered (core.health).
for _ in $(seq 1 120); do
  [ "$(curl -s -o /dev/null -w '%{http_code}' "$WEB/readyz")" = 200 ] && break
  sleep 1
done
curl -fsS "$WEB/readyz"; echo

fail() { echo "prod-smoke: $*"; exit 1; }
# Django's static files (collectstatic, WhiteNoise behind nginx) and the web app's hashed files (nginx itself).
# Each answer is read whole before it is searched: `curl | grep -q` fails under pipefail when grep stops reading
# first (curl: (23) Failed writing body).
body() { curl -fsS "$@"; }
has() { grep -q "$1" <<<"$2"; }
has '^text/css' "$(body -o /dev/null -w '%{content_type}\n' "$WEB/static/admin/css/base.css")" \
  || fail "the admin's CSS is not served"
index=$(body "$WEB/")
asset=$(grep -o '/assets/[^"]*\.js' <<<"$index" | sed -n 1p)
[ -n "$asset" ] || fail "index.html names no script"
grep -qi '^cache-control: .*immutable' <<<"$(body -D - -o /dev/null "$WEB$asset")" || fail "$asset is not cached for good"
has '<div id="root">' "$(body "$WEB/some/route/of/the/app")" || fail "the app's routes do not get index.html"
[ "$(curl -s -o /dev/null -w '%{http_code}' "$WEB/metrics")" = 404 ] || fail "/metrics is served through nginx"
# The admin's pages (its CSS above) through nginx.
has 'csrfmiddlewaretoken' "$(body "$WEB/admin/login/")" || fail "the admin's login page is not served"
# Upload sizes: a 2 MiB sheet reaches the application (its refusal in the error shape), not nginx's 413 page.
token=$(curl -fsS -H 'Content-Type: application/json' -d '{"username": "shequ", "password": "demo12345"}' \
  "$WEB/api/auth/token/" | $PY -c 'import json, sys; print(json.load(sys.stdin)["token"])')
head -c 2097152 /dev/zero | tr '\0' 'x' > "$TMP/big.csv"
code=$(curl -s -o "$TMP/import.json" -w '%{http_code}' -H "Authorization: Token $token" \
  -F "file=@$TMP/big.csv;type=text/csv" "$WEB/api/volunteers/import/")
$PY -c 'import json, sys; body = json.load(open(sys.argv[1])); assert set(body) == {"message", "extra"}, body' \
  "$TMP/import.json" || fail "a 2 MiB import answered $code without the error shape"
echo "prod-smoke: a 2 MiB import reached the application ($code: $(head -c 200 "$TMP/import.json"))"

# The smoke scenarios in the browser, through nginx.
cd frontend
mkdir -p e2e/screenshots
BASE_URL=$WEB npx playwright test --grep @smoke --project=shanghai --retries=0 2>&1 | tee "$TMP/log/playwright.log"
cd "$ROOT"
grep -q '"level": "ERROR"' "$TMP/log/gunicorn.log" && fail "the backend logged errors (log/gunicorn.log)"
echo "prod-smoke: passed"
