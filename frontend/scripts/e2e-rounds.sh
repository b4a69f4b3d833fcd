#!/usr/bin/env bash
# Proof that the end-to-end suite does not depend on timing: the whole Playwright suite E2E_ROUNDS times in a row
# (default 3), each round on a freshly seeded database and a new server and worker (scripts/e2e.sh), with no retry.
# Round n runs in the n-th project of E2E_PROJECTS, cycling (default "shanghai los-angeles": round 1 shanghai,
# round 2 los-angeles, round 3 shanghai). E2E_BUSY=1 keeps both cores busy meanwhile with two CPU burners of the
# same priority, stopped on exit. The web app is built once. The first failing round stops it; its status is
# the exit status. Usage: [E2E_ROUNDS=3] [E2E_BUSY=1] [E2E_PROJECTS=shanghai] bash scripts/e2e-rounds.sh [args...]
set -euo pipefail
cd "$(dirname "$0")/.."
ROUNDS=${E2E_ROUNDS:-3}
read -r -a PROJECTS <<< "${E2E_PROJECTS:-shanghai los-angeles}"
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1

BURNERS=()
stop_burners() {
  for pid in "${BURNERS[@]}"; do kill "$pid" 2>/dev/null || true; done
}
trap stop_burners EXIT

if [ ! -d node_modules ]; then npm ci --no-audit --no-fund; fi
# E2E_BUILD=0: dist/ is already this checkout's build (make test-frontend builds it for the size budget first).
if [ "${E2E_BUILD:-1}" != 0 ]; then npm run build; fi

if [ "${E2E_BUSY:-0}" = 1 ]; then
  for _ in 1 2; do
    yes > /dev/null &
    BURNERS+=($!)
  done
  echo "e2e-rounds: both cores kept busy (pids ${BURNERS[*]})"
fi

started=$(date +%s)
for round in $(seq 1 "$ROUNDS"); do
  project=${PROJECTS[$(( (round - 1) % ${#PROJECTS[@]} ))]}
  echo "e2e-rounds: round $round of $ROUNDS in project $project"
  round_started=$(date +%s)
  E2E_BUILD=0 bash scripts/e2e.sh --project="$project" --retries=0 "$@"
  echo "e2e-rounds: round $round passed in $(( $(date +%s) - round_started )) s"
done
echo "e2e-rounds: $ROUNDS rounds passed in $(( $(date +%s) - started )) s"
