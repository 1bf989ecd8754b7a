#!/usr/bin/env bash
# The one test command (npm test): installs what tests need, typechecks, builds the console, runs every test
# (unit, integration, browser) and ends with a plain `N passed, N failed, N skipped` line for CI.
set -uo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-test-deps.sh || exit 1
mkdir -p test-results
status=0
echo "== typecheck"
npx tsc --noEmit -p tsconfig.json || status=1
npx vue-tsc --noEmit -p web/tsconfig.json || status=1
echo "== build console and CLI"
npx vite build --config web/vite.config.ts --logLevel warn || status=1
node scripts/build-cli.mjs || status=1
echo "== tests"
npx vitest run --reporter=default --reporter=json --outputFile.json=test-results/vitest.json "$@" || status=1
node scripts/count-results.mjs test-results/vitest.json $status
