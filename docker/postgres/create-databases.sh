#!/bin/sh
# Runs once, when the postgres container initialises an empty data directory
# (/docker-entrypoint-initdb.d). POSTGRES_DB already created the firebreak database;
# this makes sure Firebreak's and Temporal's databases all exist, and is safe to re-run.
# The temporal-schema job also creates Temporal's databases, for a data directory that
# predates this script.
set -eu

for db in firebreak temporal temporal_visibility; do
  exists=$(psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres -tA \
    -c "SELECT 1 FROM pg_database WHERE datname = '$db'")
  if [ "$exists" = "1" ]; then
    echo "database $db already exists"
  else
    psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
      -c "CREATE DATABASE \"$db\""
  fi
done
