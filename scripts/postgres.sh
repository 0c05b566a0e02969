#!/usr/bin/env bash
# A throwaway PostgreSQL server for the tests, on 127.0.0.1 only: initdb into a temporary folder, then
# pg_ctl start (as the postgres user when run as root). Used by .ci/run; the tests start their own when
# COACH_TEST_POSTGRES_URL is not set.
#   scripts/postgres.sh start          prints "FOLDER URL" on one line
#   scripts/postgres.sh stop FOLDER    stops that server and removes its folder
set -euo pipefail
pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
[ -n "$pg_bin" ] || { echo "PostgreSQL is not installed (Debian package postgresql)." >&2; exit 1; }

as_owner() {
    if [ "$(id -u)" -eq 0 ]; then
        su postgres -s /bin/sh -c "$(printf '%q ' "$@")"
    else
        "$@"
    fi
}

case "${1:-}" in
    start)
        folder=$(mktemp -d /tmp/coach-ci-pg.XXXXXX)
        chmod 755 "$folder"
        [ "$(id -u)" -ne 0 ] || chown postgres:postgres "$folder"
        port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
        as_owner "$pg_bin/initdb" -D "$folder/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
        as_owner "$pg_bin/pg_ctl" -D "$folder/data" -l "$folder/log" -w \
            -o "-h 127.0.0.1 -p $port -k $folder -c fsync=off -c max_connections=200" start >/dev/null
        echo "$folder postgresql+psycopg://postgres@127.0.0.1:$port/postgres"
        ;;
    stop)
        folder=${2:?the folder that start printed}
        as_owner "$pg_bin/pg_ctl" -D "$folder/data" -m fast stop >/dev/null || true
        rm -rf "$folder"
        ;;
    *)
        sed -n '2,6p' "$0"
        exit 2
        ;;
esac
