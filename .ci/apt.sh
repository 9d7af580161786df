# Sourced by .ci/run, .ci/postgres.sh, .ci/redis.sh and bench/: the one way these scripts install a Debian package.
# apt_install PACKAGE...: as root, or through sudo when it needs no password (a script never waits at a password
# prompt); otherwise it says what to install and returns 1, and the caller decides whether that is fatal.

apt_install() {
    local sudo=""
    if [ "$(id -u)" != 0 ]; then
        if ! sudo -n true 2>/dev/null; then
            echo "Needs Debian's $*, which only root can install: apt-get install $*" >&2
            return 1
        fi
        sudo="sudo -n"
    fi
    echo "Installing $* from Debian (apt-get install $*)"
    $sudo apt-get update -qq && $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}
