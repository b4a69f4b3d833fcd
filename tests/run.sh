#!/usr/bin/env bash
# make test's pytest, in four parts, so that two cores are kept busy without tests stepping on each other:
#   1. in PYTEST_WORKERS processes (pytest-xdist, a file's tests together; each process has its own test database,
#      and the tests that start a Celery worker give it a queue of its own): everything but parts 2 and 3; the
#      slowest tests are listed at its end;
#   2. at the same time, in one process of its own: Schemathesis (tests/backend/schema/test_schema_fuzz.py), whose
#      generated tests all share one node id, so that under xdist one of them would run and the rest be dropped
#      silently; its output is printed after part 1's;
#   3. also at the same time, in one process of its own: the season simulator at small scale for two weeks with
#      faults (tests/season: it starts a PostgreSQL cluster and a Redis of its own, so it restarts nothing the others
#      use); its output is printed after part 2's;
#   4. once all have ended, alone: the fault tests (tests/backend/faults), which restart the Redis and PostgreSQL
#      servers that the others use.
# Every part runs whatever the others did; the exit status is the first failing part's.
# Usage: [PY=.venv/bin/python] [PYTEST_WORKERS=2] bash tests/run.sh [pytest args...]
set -uo pipefail
cd "$(dirname "$0")/.."
PY=${PY:-.venv/bin/python}
WORKERS=${PYTEST_WORKERS:-2}
FUZZ=tests/backend/schema/test_schema_fuzz.py
FAULTS=tests/backend/faults
SEASON=tests/season/test_season.py

fuzz_log=$(mktemp)
season_log=$(mktemp)
"$PY" -m pytest -p no:xdist "$FUZZ" "$@" > "$fuzz_log" 2>&1 &
fuzz=$!
"$PY" -m pytest -p no:xdist "$SEASON" "$@" > "$season_log" 2>&1 &
season=$!
trap 'kill "$fuzz" "$season" 2>/dev/null; rm -f "$fuzz_log" "$season_log"' EXIT

"$PY" -m pytest -n "$WORKERS" --dist loadfile --durations=15 --ignore="$FAULTS" --ignore="$FUZZ" --ignore="$SEASON" "$@"
parallel=$?
wait "$fuzz"
fuzzed=$?
echo "--- run alongside: $FUZZ"
cat "$fuzz_log"
wait "$season"
seasoned=$?
echo "--- run alongside: $SEASON"
cat "$season_log"
"$PY" -m pytest "$FAULTS" "$@"
faults=$?

for status in "$parallel" "$fuzzed" "$seasoned" "$faults"; do
  if [ "$status" != 0 ]; then exit "$status"; fi
done
