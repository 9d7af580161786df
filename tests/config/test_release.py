"""The release fingerprint: the same for the same files, different as soon as a file that shapes a response
changes (it keys validators and cached pages, config/release.py)."""

import shutil

import pytest

from config import release


@pytest.fixture
def checkout(tmp_path, monkeypatch):
    """A copy of the release's files, which the test may change."""
    for folder in release.RESPONSE_SHAPING_FOLDERS:
        shutil.copytree(release.BASE_DIR / folder, tmp_path / folder, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(release, "BASE_DIR", tmp_path)
    return tmp_path


def fingerprint() -> str:
    return release.release_fingerprint.__wrapped__()


def test_a_copy_of_the_release_has_the_same_fingerprint(checkout):
    assert fingerprint() == release.release_fingerprint()


@pytest.mark.parametrize(
    "changed", ["templates/base.html", "static/css/app.css", "policy/presenters.py", "config/settings.py"]
)
def test_a_changed_file_changes_the_fingerprint(checkout, changed):
    before = fingerprint()
    with (checkout / changed).open("a") as file:
        file.write("\n")

    assert fingerprint() != before


def test_compiled_python_is_not_part_of_the_release(checkout):
    before = fingerprint()
    (checkout / "policy" / "__pycache__").mkdir()
    (checkout / "policy" / "__pycache__" / "views.cpython-313.pyc").write_bytes(b"\0")

    assert fingerprint() == before
