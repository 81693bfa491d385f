#!/bin/sh
# One-shot job on temporalio/admin-tools: create Temporal's two databases if needed and
# bring their schemas up to the version this admin-tools image ships. Idempotent:
# setup-schema -v 0.0 leaves an existing newer version alone, update-schema applies only
# the missing steps. Keep this image's tag equal to temporalio/server's.
set -eu

: "${SQL_HOST:?}" "${SQL_PORT:?}" "${SQL_USER:?}" "${SQL_PASSWORD:?}"
# temporal-sql-tool reads its connection from SQL_PLUGIN, SQL_HOST, SQL_PORT, SQL_USER
# and SQL_PASSWORD, so the password never appears on a command line.
export SQL_PLUGIN="${SQL_PLUGIN:-postgres12}"
SCHEMA_ROOT=/etc/temporal/schema/postgresql/v12

for pair in temporal:temporal temporal_visibility:visibility; do
  db=${pair%%:*}
  dir=$SCHEMA_ROOT/${pair#*:}/versioned
  echo "== $db"
  # create fails when the database exists (postgres' init script makes it on first
  # boot); a real connection problem still fails setup-schema just below.
  temporal-sql-tool --db "$db" create || echo "$db: not created (it most likely exists already)"
  temporal-sql-tool --db "$db" setup-schema -v 0.0
  temporal-sql-tool --db "$db" update-schema -d "$dir"
done
echo "Temporal schema is up to date"
