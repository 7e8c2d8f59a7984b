#!/usr/bin/env bash
# After `npm install`: generate the Prisma client (offline) and install the migration tool.
set -euo pipefail
cd "$(dirname "$0")/.."
CHECKPOINT_DISABLE=1 PRISMA_SCHEMA_ENGINE_BINARY="${PRISMA_SCHEMA_ENGINE_BINARY:-/bin/false}" \
  node_modules/.bin/prisma generate >/dev/null
# Prisma 6.19's Wasm schema engine authors migrations and checks drift (see README, "Migrations").
if [ ! -x tools/prisma-migrate/node_modules/.bin/prisma ]; then
  npm install --prefix tools/prisma-migrate --no-audit --no-fund --ignore-scripts --loglevel=error >/dev/null
fi
