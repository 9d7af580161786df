"""Imports run one way: ask (`wizard/`) → serve the stored plan (`policy/views/`) → show it (`policy/presenters/`)
→ make the kit's files of it (`policy/kit/`) → read it (`policy/stored_result.py`) → decide and store
(`policy/engine/`, `policy/models.py`, `policy/results.py`). Read from the source with `ast`, so an import inside a
function counts as much as one at the top."""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PROJECT = ("config", "policy", "wizard")
# The view modules' shared helpers: every other module of policy/views/ is a set of views, imported by urls.py only.
VIEWS_SHARED = {"lookup", "http_cache", "json_body", "kit_context"}


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imported(path: Path) -> set[str]:
    """Every module `path` imports; `from a import b` counts as `a` and `a.b`, since b may be a module."""
    package = module_name(path) if path.name == "__init__.py" else module_name(path).rpartition(".")[0]
    names = set()
    for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - (node.level - 1)]
                base = ".".join([*anchor, base] if base else anchor)
            names.add(base)
            names.update(f"{base}.{alias.name}" for alias in node.names)
    return names


def sources(*patterns: str) -> list[Path]:
    return sorted(path for pattern in patterns for path in ROOT.glob(pattern))


def within(name: str, prefixes: tuple[str, ...]) -> bool:
    return any(name == prefix or name.startswith(f"{prefix}.") for prefix in prefixes)


def engine_forbids(name: str) -> bool:
    """The engine is pure Python: nothing of Django, nothing of the project but itself."""
    return within(name, ("django", *PROJECT)) and not within(name, ("policy.engine",))


def views_forbid(name: str) -> bool:
    """A view module imports the shared helpers, never another view module."""
    parts = name.split(".")
    return within(name, ("policy.views",)) and len(parts) > 2 and parts[2] not in VIEWS_SHARED


RULES = {
    "engine": (("policy/engine/**/*.py",), engine_forbids),
    "storage": (
        ("policy/models.py", "policy/results.py"),
        lambda name: within(
            name, ("policy.stored_result", "policy.presenters", "policy.kit", "policy.views", "wizard")
        ),
    ),
    "reading": (
        ("policy/stored_result.py", "policy/wording.py"),
        lambda name: within(name, ("policy.presenters", "policy.kit", "policy.views", "wizard")),
    ),
    "presenters": (("policy/presenters/**/*.py",), lambda name: within(name, ("policy.views", "wizard"))),
    "kit": (("policy/kit/**/*.py",), lambda name: within(name, ("policy.presenters", "policy.views", "wizard"))),
    # The checks read the archives' facts and Django's cache and settings, nothing of the stored plan's pages.
    "accession_checks": (
        ("policy/accession_checks/**/*.py",),
        lambda name: within(
            name, ("policy.kit", "policy.presenters", "policy.views", "policy.models", "policy.results", "wizard")
        ),
    ),
    "wizard": (("wizard/**/*.py",), lambda name: within(name, ("policy.views",))),
    "views": (("policy/views/**/*.py",), views_forbid),
}


@pytest.mark.parametrize("room", RULES)
def test_each_room_imports_only_what_lies_below_it(room):
    patterns, forbids = RULES[room]
    files = sources(*patterns)
    assert files, f"no source file matches {patterns}"
    wrong = sorted(
        f"{path.relative_to(ROOT)} imports {name}"
        for path in files
        for name in imported(path)
        if forbids(name) and not within(name, (module_name(path),))
    )
    assert wrong == []


@pytest.mark.parametrize(
    ("room", "name", "forbidden"),
    [
        ("engine", "django.db", True),
        ("engine", "policy.results", True),
        ("engine", "policy.engine.rules", False),
        ("engine", "dataclasses", False),
        ("storage", "policy.presenters.answers", True),
        ("storage", "policy.engine.questions", False),
        ("reading", "policy.kit.accessions.entered", True),
        ("reading", "policy.engine.archives", False),
        ("kit", "policy.presenters.plan", True),
        ("kit", "policy.stored_result", False),
        ("presenters", "policy.views.lookup", True),
        ("presenters", "policy.kit.drafts.file_lists", False),
        ("wizard", "policy.views.api", True),
        ("accession_checks", "policy.kit.accessions", True),
        ("accession_checks", "policy.engine.archives", False),
        ("wizard", "policy.results", False),
        ("views", "policy.views.api", True),
        ("views", "policy.views.lookup", False),
        ("views", "policy.views", False),
    ],
)
def test_a_rule_tells_an_import_back_up_from_one_down(room, name, forbidden):
    _, forbids = RULES[room]
    assert forbids(name) is forbidden


def test_relative_imports_are_read_as_the_modules_they_name(tmp_path, monkeypatch):
    monkeypatch.setattr(f"{__name__}.ROOT", tmp_path)
    source = tmp_path / "policy" / "views" / "kit.py"
    source.parent.mkdir(parents=True)
    source.write_text("from . import api\nfrom .lookup import downloaded\nfrom ..presenters import plan\n")
    assert imported(source) >= {"policy.views.api", "policy.views.lookup", "policy.presenters.plan"}
