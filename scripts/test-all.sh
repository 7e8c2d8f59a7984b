#!/usr/bin/env bash
# npm test — every test: type-check, lint, unit (under two process time zones: results must not
# change), integration (real PostgreSQL), end-to-end (Chromium). Stops at the first failure.
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1 CHECKPOINT_DISABLE=1

step() { printf '\n=== %s\n' "$*"; }

step "type-check"
npx tsc --noEmit

step "lint"
npx eslint --max-warnings=0 .

step "unit tests (TZ=UTC)"
TZ=UTC npx vitest run --project unit

step "unit tests (TZ=Asia/Tokyo)"
TZ=Asia/Tokyo npx vitest run --project unit

step "integration tests (PostgreSQL)"
npx vitest run --project integration

step "end-to-end tests (Chromium)"
npx playwright test

step "public pages' own JavaScript within budget (the build the end-to-end tests made)"
npm run -s size
