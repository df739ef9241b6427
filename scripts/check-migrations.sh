#!/usr/bin/env bash
# Fails when src/db/schema.ts has changes that no committed migration captures.
set -euo pipefail
cd "$(dirname "$0")/.."
before=$(git status --porcelain -- drizzle)
npx drizzle-kit generate --name drift_check >/dev/null
after=$(git status --porcelain -- drizzle)
if [ "$before" != "$after" ]; then
  echo "The schema has changes without a migration: run 'npm run db:generate -- --name <what>' and commit drizzle/." >&2
  git status --porcelain -- drizzle >&2
  exit 1
fi
echo "Migrations match src/db/schema.ts."
