#!/bin/sh
# Runs once, when the primary's data volume is first created (/docker-entrypoint-initdb.d): a role for
# the optional read replica (docker compose --profile replica) and the pg_hba line that admits it.
set -e
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
  -v pw="$REPLICATION_PASSWORD" <<'SQL'
CREATE ROLE replikator WITH REPLICATION LOGIN PASSWORD :'pw';
SQL
echo "host replication replikator all scram-sha-256" >> "$PGDATA/pg_hba.conf"
