"""Shared fixtures: the bundled standard, a CLI runner, and the golden-file switch."""

from __future__ import annotations

import pytest
from click.testing import CliRunner
from project_paths import CORE_SPECS, GOLDENS, ROOT, SPECS

from signgen.fonts.book import FontBook
from signgen.spec.load import load_standard
from signgen.spec.model import Standard

__all__ = ["CORE_SPECS", "GOLDENS", "ROOT", "SPECS"]


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-goldens", action="store_true",
                     help="rewrite tests/goldens/* from the current output")


@pytest.fixture(scope="session")
def standard() -> Standard:
    """The bundled core standard (community premises)."""
    return load_standard(CORE_SPECS)


@pytest.fixture(scope="session")
def fonts(standard: Standard) -> FontBook:
    """One font book for the whole run: fonts are found and opened once."""
    return FontBook(standard)


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def golden(request: pytest.FixtureRequest):  # type: ignore[no-untyped-def]
    """``golden(name, text)``: compare with tests/goldens/NAME, or rewrite it with the flag."""
    update = request.config.getoption("--update-goldens")

    def check(name: str, text: str) -> None:
        path = GOLDENS / name
        if update or not path.exists():
            if not update:
                pytest.fail(f"golden {name} missing: run pytest --update-goldens")
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
        assert text == path.read_text(encoding="utf-8"), (
            f"output differs from tests/goldens/{name}; if intended, run pytest --update-goldens")

    return check
