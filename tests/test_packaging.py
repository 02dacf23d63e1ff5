"""What pip installs is what the checkout holds: a wheel carries every module and data file."""
from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("geo", "gazetteer", "maps")


def _package_files() -> set[str]:
    return {p.relative_to(ROOT).as_posix() for d in PACKAGES for p in (ROOT / d).rglob("*")
            if p.is_file() and "__pycache__" not in p.parts and p.suffix not in (".pyc", ".so")}


def test_the_wheel_holds_every_module_and_data_file(tmp_path: Path) -> None:
    """A list of the top packages alone once gave a wheel without ``geo.places``: ``pip install reportmap``
    installed a ``geo`` that could not parse a text."""
    done = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(tmp_path), str(ROOT)],
                          capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-2000:]
    (wheel,) = tmp_path.glob("reportmap-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    assert sorted(_package_files() - names) == []
