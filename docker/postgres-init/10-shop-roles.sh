#!/bin/sh
# Runs once, when the database volume is first initialised (docker-entrypoint-initdb.d),
# as the image's bootstrap superuser. The shop itself never uses that account:
#  - shop_owner owns the database and its tables; `npm run db:migrate` connects as it.
#  - shop_app is what the app and the worker connect as. It owns nothing, so it cannot
#    alter a table or disable the audit log's trigger; db:migrate grants it the rest
#    (on the audit log: read and append only).
# Neither is a superuser.
set -eu
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
  -v owner_password="$DATABASE_OWNER_PASSWORD" -v app_password="$DATABASE_APP_PASSWORD" <<'SQL'
CREATE ROLE shop_owner LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD :'owner_password';
CREATE ROLE shop_app LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD :'app_password';
CREATE DATABASE shop OWNER shop_owner;
REVOKE ALL ON DATABASE shop FROM PUBLIC;
GRANT CONNECT ON DATABASE shop TO shop_app;
SQL
