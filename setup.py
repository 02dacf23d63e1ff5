"""Build script only (the metadata is all in pyproject.toml): the place pipeline's hot modules compiled to C
by mypyc, when it and a C compiler are at hand.

Compiled, the pipeline runs the dev corpus in 7.4 million instructions a document instead of 11.3 (its
answers the same: ``tests/test_packaging.py``). Anything that stops the compilation - no compiler, no Python
headers, ``REPORTMAP_PURE=1`` - leaves the pure-Python modules, which are the same code; an editable install
(``pip install -e .``) is never compiled, so that an edited module is the module that runs.
"""
from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

from setuptools import setup
from setuptools.command.build_ext import build_ext

#: The modules a document's words pass through, in the order of the pipeline, and the normaliser, distances and
#: place records they use (native classes: a place made from a database row, and its fields read, in C: 5 %
#: fewer instructions). ``geo/model.py`` stays interpreted: ``geo.schema`` reads its records' annotations.
COMPILED = [f"geo/places/{m}.py" for m in ("tokens", "truecase", "recognise", "rules", "view", "people", "orgs",
                                            "designators", "pairs", "weights", "priors", "focus", "resolve",
                                            "unknown", "pipeline")] + [f"gazetteer/{m}.py" for m in (
                                                "normalize", "distance", "model")]


def _why_pure() -> str | None:
    """Why the modules stay interpreted in this build, or None to compile them."""
    if os.environ.get("REPORTMAP_PURE", "") not in ("", "0"):
        return "REPORTMAP_PURE is set"
    if any(arg in ("editable_wheel", "develop") for arg in sys.argv):
        return "an editable install runs its sources"
    if not {"bdist_wheel", "build", "build_ext", "install"} & set(sys.argv):
        return ""  # pip asks for the build's requirements and metadata first: nothing to compile for those
    return None


class OptionalBuildExt(build_ext):
    """Compile the extensions, or none of them: a failure leaves the pure modules (a module half compiled would
    import a shared library that is not there)."""

    def run(self) -> None:
        try:
            super().run()
        except Exception as e:  # any compiler or linker failure: the package still works, interpreted
            for path in self.get_outputs():
                Path(path).unlink(missing_ok=True)
            self.extensions = []
            sys.stderr.write(f"reportmap: the compiled modules were not built ({e}); installing pure Python\n")


def _extensions() -> list[Any]:
    why = _why_pure()
    if why is None:
        try:
            from mypyc.build import mypycify
        except ImportError as e:
            why = f"mypyc is not installed ({e})"
        else:
            try:
                # --ignore-missing-imports: the build environment has mypy and setuptools only, not the
                # project's dependencies, whose types the compiled modules treat as Any
                return list(mypycify(["--ignore-missing-imports", *COMPILED], opt_level="3",
                                     group_name="reportmap"))
            except (Exception, SystemExit) as e:  # a type error mypyc will not compile: pure Python
                why = f"mypyc failed ({e})"
    if why:
        sys.stderr.write(f"reportmap: pure-Python modules ({why})\n")
    return []


setup(ext_modules=_extensions(), cmdclass={"build_ext": OptionalBuildExt})
