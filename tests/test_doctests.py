"""The examples in the docstrings run: every module of the three packages, as doctest sees them."""
from __future__ import annotations

import doctest
import importlib
import pkgutil

import pytest

import gazetteer
import geo
import maps

#: ``geo.__main__`` runs the command when imported.
MODULES = sorted(m.name for package in (gazetteer, geo, maps)
                 for m in pkgutil.walk_packages(package.__path__, package.__name__ + ".")
                 if not m.name.endswith(".__main__"))


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name: str) -> None:
    module = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    assert result.failed == 0, f"{result.failed} of {result.attempted} examples of {name} failed"
