#!/usr/bin/env bash
# Runs once, when the PostgreSQL data volume is empty (docker-entrypoint-initdb.d).
# One database per service and one login per service that owns only its own database: no login
# can connect to another service's database, and the superuser is used by nobody but operators.
set -euo pipefail

create_service_database() {
  local db=$1 password=$2
  if [ -z "$password" ]; then
    echo "init-databases: no password given for login '$db'" >&2
    exit 1
  fi
  psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
       -v db="$db" -v password="$password" <<'SQL'
CREATE ROLE :"db" LOGIN PASSWORD :'password' NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION;
CREATE DATABASE :"db" OWNER :"db" ENCODING 'UTF8' TEMPLATE template0;
REVOKE ALL ON DATABASE :"db" FROM PUBLIC;
GRANT CONNECT, TEMPORARY ON DATABASE :"db" TO :"db";
SQL
  # PostgreSQL 15+: the public schema belongs to pg_database_owner, i.e. to the service login;
  # nobody else may create objects in it
  psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$db" \
       -c "REVOKE CREATE ON SCHEMA public FROM PUBLIC;"
}

create_service_database membership  "${MEMBERSHIP_DB_PASSWORD:-}"
create_service_database venue       "${VENUE_DB_PASSWORD:-}"
create_service_database assistance  "${ASSISTANCE_DB_PASSWORD:-}"
create_service_database competition "${COMPETITION_DB_PASSWORD:-}"
create_service_database partner "${PARTNER_DB_PASSWORD:-}"
# nearby search: earthdistance is not a trusted extension, so the venue login cannot create it itself
# (venue-service would fall back to a slower bounding-box search)
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname venue \
     -c "CREATE EXTENSION IF NOT EXISTS cube; CREATE EXTENSION IF NOT EXISTS earthdistance;"
