"""The policy version: the edition of the policy text we follow, plus a fingerprint of the engine.

The fingerprint hashes the engine's source files, so any change to a rule, a clause or the planner gives a
new version without anyone having to remember to bump it. A stored result keeps the version it was made
under; the result page compares plans, not versions, to tell a reader whether the advice has changed.
"""

import hashlib
from pathlib import Path

POLICY_EDITION = "2026-11"
ENGINE_DIR = Path(__file__).resolve().parent


def engine_fingerprint(directory: Path = ENGINE_DIR) -> str:
    digest = hashlib.sha256()
    for path in sorted(directory.glob("*.py")):
        digest.update(path.name.encode())
        digest.update(path.read_bytes().replace(b"\r\n", b"\n"))
    return digest.hexdigest()[:10]


POLICY_VERSION = f"{POLICY_EDITION}+{engine_fingerprint()}"
