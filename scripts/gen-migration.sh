#!/usr/bin/env bash
# Developer tool: writes migrations/<ts>-<Name>.ts with what the entities need beyond the existing
# migrations, using a scratch database on the configured PostgreSQL. Then add it to migrations/index.ts.
set -euo pipefail
name=${1:?usage: scripts/gen-migration.sh <PascalCaseName>}
base=${PG_ADMIN_URL:-postgres://postgres@127.0.0.1:5432}
db=techport_migration_gen_$$
psql "$base/postgres" -qc "CREATE DATABASE $db" >/dev/null
trap 'psql "$base/postgres" -qc "DROP DATABASE IF EXISTS $db" >/dev/null' EXIT
npx swc apps/api/src libs/shared/src migrations -d dist --quiet
DATABASE_URL="$base/$db" node dist/apps/api/src/cli.js migration:generate "$name"
