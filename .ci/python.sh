# Sourced by .ci/serve and .ci/test: finds a Python >= 3.12 and makes .venv/ with it.
# Why not plain python3: on these machines python3 is 3.11, and Django 6.1 needs 3.12 or newer.

python_is_recent() {
    "$1" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 12) else 1)' >/dev/null 2>&1
}

python_find() {
    local candidate
    # Newest first; pyenv's shims answer only for the selected version, so look in its versions too.
    for candidate in "${PYTHON:-}" python3.14 python3.13 python3.12 python3 \
        $(ls -d "$(pyenv root 2>/dev/null)"/versions/3.1[2-9]*/bin/python3 2>/dev/null | sort -rV) \
        /usr/local/bin/python3.1[2-9] /usr/bin/python3.1[2-9]; do
        [ -n "$candidate" ] || continue
        if python_is_recent "$candidate"; then
            command -v "$candidate" 2>/dev/null || echo "$candidate"
            return 0
        fi
    done
    return 1
}

venv_ensure() {
    if [ -x .venv/bin/python ] && python_is_recent .venv/bin/python; then
        return 0
    fi
    local python
    if ! python="$(python_find)"; then
        echo "depositwizard needs Python 3.12 or newer, and none was found." >&2
        echo "Install one (e.g. 'pyenv install 3.13') or point PYTHON at it: PYTHON=/path/to/python3.13 $0" >&2
        exit 1
    fi
    echo "Creating .venv/ with $python ($("$python" --version))"
    rm -rf .venv
    "$python" -m venv .venv
    .venv/bin/python -m pip install --quiet --upgrade pip
}
