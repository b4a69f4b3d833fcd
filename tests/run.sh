#!/usr/bin/env bash
# make test's pytest, in three parts, so that two cores are kept busy without tests stepping on each other:
#   1. in PYTEST_WORKERS processes (pytest-xdist, a file's tests together; each process has its own test database,
#      and the tests that start a Celery worker give it a queue of its own): everything but parts 2 and 3; the
#      slowest tests are listed at its end;
#   2. at the same time, in one process of its own: Schemathesis (tests/backend/schema/test_schema_fuzz.py), whose
#      generated tests all share one node id, so that under xdist one of them would run and the rest be dropped
#      silently; its output is printed after part 1's;
#   3. once both have ended, alone: the fault tests (tests/backend/faults), which restart the Redis and PostgreSQL
#      servers that the others use.
# Every part runs whatever the others did; the exit status is the first failing part's.
# Usage: [PY=.venv/bin/python] [PYTEST_WORKERS=2] bash tests/run.sh [pytest args...]
set -uo pipefail
cd "$(dirname "$0")/.."
PY=${PY:-.venv/bin/python}
WORKERS=${PYTEST_WORKERS:-2}
FUZZ=tests/backend/schema/test_schema_fuzz.py
FAULTS=tests/backend/faults

fuzz_log=$(mktemp)
"$PY" -m pytest -p no:xdist "$FUZZ" "$@" > "$fuzz_log" 2>&1 &
fuzz=$!
trap 'kill "$fuzz" 2>/dev/null; rm -f "$fuzz_log"' EXIT

"$PY" -m pytest -n "$WORKERS" --dist loadfile --durations=15 --ignore="$FAULTS" --ignore="$FUZZ" "$@"
parallel=$?
wait "$fuzz"
fuzzed=$?
echo "--- run alongside: $FUZZ"
cat "$fuzz_log"
"$PY" -m pytest "$FAULTS" "$@"
faults=$?

for status in "$parallel" "$fuzzed" "$faults"; do
  if [ "$status" != 0 ]; then exit "$status"; fi
done
