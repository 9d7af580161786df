"""The release this process runs, as a fingerprint of every file that shapes a response.

Hosts that run the same release compute the same fingerprint, so validators (ETags) made from it agree across
hosts, and anything cached under it (rendered result pages in Redis) is never served by a release that would
render it differently.
"""

import hashlib
from functools import cache
from pathlib import Path

import django

BASE_DIR = Path(__file__).resolve().parent.parent
# The code, the templates and the static files (whose hashed names appear in pages).
RESPONSE_SHAPING_FOLDERS = ("config", "policy", "wizard", "templates", "static")


def _release_files() -> list[Path]:
    return sorted(
        path
        for folder in RESPONSE_SHAPING_FOLDERS
        for path in (BASE_DIR / folder).rglob("*")
        if path.is_file() and "__pycache__" not in path.parts
    )


@cache
def release_fingerprint() -> str:
    """16 hex digits of SHA-256 over Django's version and the release's files (names and contents)."""
    digest = hashlib.sha256(f"django {django.get_version()}\n".encode())
    for path in _release_files():
        digest.update(str(path.relative_to(BASE_DIR)).encode() + b"\0")
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]
