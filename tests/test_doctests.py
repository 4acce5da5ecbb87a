"""The examples in signgen's docstrings are true (doctests, run as ordinary tests)."""

from __future__ import annotations

import doctest
import importlib
import pkgutil

import pytest

import signgen

MODULES = sorted(m.name for m in pkgutil.walk_packages(signgen.__path__, "signgen.")
                 if m.name != "signgen.__main__")


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name: str) -> None:
    """Every doctest in the module passes."""
    module = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS)
    assert result.failed == 0, f"{result.failed} doctest(s) failed in {name}"
