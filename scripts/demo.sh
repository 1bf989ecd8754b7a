#!/usr/bin/env bash
# The one demo command (npm run demo): installs, builds the console, generates the synthetic city, loads it,
# builds everything and serves the console on http://127.0.0.1:8080/ (pass --persons N / --port P to change).
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund
fi
npx vite build --config web/vite.config.ts --logLevel warn
node scripts/build-cli.mjs
exec node bin/renshe.mjs demo "$@"
