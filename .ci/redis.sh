# Sourced by .ci/test and bench/: a throwaway Redis on 127.0.0.1 for one run, from Debian's redis-server (installed
# by apt_install when missing and that needs no password).
# redis_start exports DEPOSITWIZARD_TEST_REDIS_URL (what the test suite reads; bench/run passes it on as
# REDIS_URL); redis_stop (call it from the EXIT trap) stops the server and removes its folder.
# Why a server of our own and not the system's: it needs no service manager, persists nothing, and is gone after
# the run, and the suite may empty it.

. .ci/apt.sh

REDIS_DIR=""

redis_start() {
    command -v redis-server >/dev/null || apt_install redis-server || return 1
    command -v redis-server >/dev/null || return 1
    REDIS_DIR="$(mktemp -d "${TMPDIR:-/tmp}/depositwizard-redis.XXXXXX")"
    # Interrupted or killed, the script still exits through its EXIT trap and leaves nothing.
    trap 'exit 130' INT
    trap 'exit 143' TERM
    local port
    port="$(.venv/bin/python -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
    # 127.0.0.1 only, nothing written to disk, a pid file to stop it by.
    redis-server --bind 127.0.0.1 --port "$port" --dir "$REDIS_DIR" --save "" --appendonly no \
        --daemonize yes --pidfile "$REDIS_DIR/redis.pid" --logfile "$REDIS_DIR/redis.log" || return 1
    local tries=0
    until redis-cli -h 127.0.0.1 -p "$port" ping >/dev/null 2>&1; do
        tries=$((tries + 1))
        if [ "$tries" -gt 100 ]; then
            cat "$REDIS_DIR/redis.log" >&2
            return 1
        fi
        sleep 0.1
    done
    export DEPOSITWIZARD_TEST_REDIS_URL="redis://127.0.0.1:$port/0"
    echo "Redis $(redis-server --version | grep -o 'v=[0-9.]*' | cut -d= -f2) on 127.0.0.1:$port (throwaway, in $REDIS_DIR)"
}

redis_stop() {
    [ -n "$REDIS_DIR" ] || return 0
    if [ -f "$REDIS_DIR/redis.pid" ]; then
        kill "$(cat "$REDIS_DIR/redis.pid")" 2>/dev/null || true
        # Redis removes its pid file as it exits.
        local tries=0
        while [ -f "$REDIS_DIR/redis.pid" ] && [ "$tries" -lt 50 ]; do
            sleep 0.1
            tries=$((tries + 1))
        done
    fi
    rm -rf "$REDIS_DIR"
    REDIS_DIR=""
    unset DEPOSITWIZARD_TEST_REDIS_URL
}
