#!/usr/bin/env bash
# Lints openapi.json with Redocly CLI (recommended rules, redocly.yaml) and Spectral
# (spectral:oas, .spectral.yaml). Errors fail; warnings are listed and pass.
# Spectral lives in tools/openapi-lint, installed here on first use with
# --ignore-scripts: its packages' only install script is a usage report.
set -euo pipefail
cd "$(dirname "$0")/.."
export REDOCLY_TELEMETRY=off REDOCLY_SUPPRESS_UPDATE_NOTICE=true SCARF_ANALYTICS=false DO_NOT_TRACK=1

document="${1:-openapi.json}"
tool=tools/openapi-lint
if [ ! -x "$tool/node_modules/.bin/spectral" ] || [ "$tool/package-lock.json" -nt "$tool/node_modules/.package-lock.json" ]; then
  npm ci --prefix "$tool" --ignore-scripts --no-audit --no-fund --loglevel=error >&2
fi

echo "== redocly lint $document"
# Node 20 gets a deprecation box on every run: left out.
node_modules/.bin/redocly lint "$document" --format=summary 2>&1 | grep -v -e '[║╔╚]' -e '^\s*$'
echo "== spectral lint $document"
# Each finding is listed by `spectral lint --ruleset .spectral.yaml openapi.json`; here the errors and totals.
findings=$(mktemp)
trap 'rm -f "$findings"' EXIT
status=0
"$tool/node_modules/.bin/spectral" lint "$document" --ruleset .spectral.yaml --fail-severity error >"$findings" || status=$?
grep -E ' error |^✖|No results' "$findings" || true
exit "$status"
