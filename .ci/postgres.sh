# Sourced by .ci/test and bench/: a throwaway PostgreSQL cluster on 127.0.0.1 for one run, from Debian's
# packages (installed by apt_install when missing and that needs no password). postgres_start exports
# DATABASE_URL; postgres_stop (set it as an EXIT trap) removes everything.
# Why a cluster of our own and not the system's: it needs no service manager, no password and no root-owned
# state, and it is gone after the run.

. .ci/apt.sh

POSTGRES_DIR=""
POSTGRES_BIN=""

postgres_bin_find() {
    local dir
    # Debian puts the server binaries outside PATH, one folder per major version: take the newest.
    for dir in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -t/ -k5 -n -r) "$(pg_config --bindir 2>/dev/null)"; do
        if [ -n "$dir" ] && [ -x "$dir/initdb" ] && [ -x "$dir/pg_ctl" ]; then
            echo "$dir"
            return 0
        fi
    done
    return 1
}

# initdb refuses to run as root: as root, the cluster belongs to the postgres user the Debian package creates.
postgres_as_owner() {
    if [ "$(id -u)" = 0 ]; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

# postgres_start [durable]: without "durable", fsync is off (a test run loses nothing if the machine crashes).
postgres_start() {
    local durability="-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
    [ "${1:-}" = durable ] && durability=""
    POSTGRES_BIN="$(postgres_bin_find)" || { apt_install postgresql && POSTGRES_BIN="$(postgres_bin_find)"; } || return 1
    if [ "$(id -u)" = 0 ] && ! id postgres >/dev/null 2>&1; then
        useradd --system --no-create-home --shell /usr/sbin/nologin postgres || return 1
    fi
    POSTGRES_DIR="$(mktemp -d "${TMPDIR:-/tmp}/depositwizard-postgres.XXXXXX")"
    # Interrupted or killed, the script still exits through its EXIT trap (postgres_stop) and leaves nothing.
    trap 'exit 130' INT
    trap 'exit 143' TERM
    [ "$(id -u)" = 0 ] && chown postgres "$POSTGRES_DIR"
    local port
    port="$(.venv/bin/python -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
    postgres_as_owner "$POSTGRES_BIN/initdb" -D "$POSTGRES_DIR/data" -U postgres --auth=trust --no-locale \
        -E UTF8 --no-sync >"$POSTGRES_DIR/initdb.log" 2>&1 || { cat "$POSTGRES_DIR/initdb.log" >&2; return 1; }
    # Listens on 127.0.0.1 only, with its socket in the cluster's own folder.
    postgres_as_owner "$POSTGRES_BIN/pg_ctl" -D "$POSTGRES_DIR/data" -l "$POSTGRES_DIR/data/server.log" -w \
        -o "-h 127.0.0.1 -p $port -k $POSTGRES_DIR/data $durability" start >/dev/null \
        || { cat "$POSTGRES_DIR/data/server.log" >&2; return 1; }
    "$POSTGRES_BIN/createdb" -h 127.0.0.1 -p "$port" -U postgres depositwizard || return 1
    export DATABASE_URL="postgres://postgres@127.0.0.1:$port/depositwizard"
    echo "PostgreSQL $("$POSTGRES_BIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$port (throwaway cluster in $POSTGRES_DIR)"
}

postgres_stop() {
    [ -n "$POSTGRES_DIR" ] || return 0
    if [ -f "$POSTGRES_DIR/data/postmaster.pid" ]; then
        postgres_as_owner "$POSTGRES_BIN/pg_ctl" -D "$POSTGRES_DIR/data" -m fast -w stop >/dev/null 2>&1 || true
    fi
    rm -rf "$POSTGRES_DIR"
    POSTGRES_DIR=""
}
