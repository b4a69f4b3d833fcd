#!/usr/bin/env bash
# `make demo` without staying up: set-up and seeding on SQLite with the filesystem broker, a task
# through a real worker process, and the server answering; everything stops at the end.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
export VAR_DIR=${DEMO_CHECK_VAR_DIR:-$(mktemp -d /tmp/demo-check.XXXXXX)}
unset DATABASE_URL REDIS_URL
export DJANGO_SETTINGS_MODULE=config.settings.local
PY=$ROOT/.venv/bin/python
SCALE=${DEMO_CHECK_SCALE:-district}
PORT=${DEMO_CHECK_PORT:-8765}
echo "demo-check: VAR_DIR=$VAR_DIR scale=$SCALE"

cleanup() {
  [ -f "$VAR_DIR/run/worker.pid" ] && kill "$(cat "$VAR_DIR/run/worker.pid")" 2>/dev/null || true
  [ -n "${SERVER_PID:-}" ] && kill "$SERVER_PID" 2>/dev/null || true
}
trap cleanup EXIT

make -s migrate
(cd backend && $PY manage.py seed_demo --scale "$SCALE" --seed 1)
# The seeding is idempotent: a second run must say so and change nothing.
(cd backend && $PY manage.py seed_demo --scale "$SCALE" --seed 1) | grep "already seeded" >/dev/null  # not -q: it would stop reading, and the writer die of a broken pipe
# This week planned and published per sub-district, as `make demo` does; again: nothing more to do.
(cd backend && $PY manage.py publish_demo_week)
(cd backend && $PY manage.py publish_demo_week) | grep "already published" >/dev/null
(cd backend && $PY manage.py shell -c "
from planning.models import Assignment, Publication
published = Assignment.objects.filter(run__publication__isnull=False).count()
assert Publication.objects.count() >= 1 and published > 0, published
print('demo-check: this week published with', published, 'assignments')
")
make -s frontend
make -s worker-start

# A real task through the filesystem broker and the worker, its result read back from the database.
(cd backend && timeout 120 $PY manage.py shell -c "
import datetime as dt
from shifts.tasks import shift_generate_week_task
monday = dt.date.today() + dt.timedelta(days=7 - dt.date.today().weekday())
result = shift_generate_week_task.delay(monday.isoformat()).get(timeout=90)
assert result['created'] == 0 and result['existing'] > 0, result
print('demo-check: worker ran shifts.generate_week:', result)
")

(cd backend && $PY manage.py collectstatic --noinput -v 0 && exec $PY manage.py runserver --noreload 127.0.0.1:$PORT) \
  > "$VAR_DIR/log/server.log" 2>&1 &
SERVER_PID=$!
for _ in $(seq 1 60); do
  curl -fsS "http://127.0.0.1:$PORT/api/schema/" -o /dev/null 2>/dev/null && break
  sleep 1
done
curl -fsS "http://127.0.0.1:$PORT/api/schema/" -o /dev/null
docs=$(curl -fsS "http://127.0.0.1:$PORT/api/docs/")
grep -qi swagger <<<"$docs"
code=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT/api/volunteers/")
[ "$code" = "403" ] || [ "$code" = "401" ] || { echo "anonymous volunteer list answered $code"; exit 1; }
echo "demo-check: passed"
