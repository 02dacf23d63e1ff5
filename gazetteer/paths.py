"""Where the gazetteer keeps its files (platformdirs; XDG variables honoured on Linux)."""
from __future__ import annotations

import os
from pathlib import Path

__all__ = ["APP_NAME", "stock_path", "user_store_path"]

APP_NAME = "reportmap"


def stock_path() -> Path:
    """The rebuildable stock database, in the user cache directory."""
    from platformdirs import user_cache_path

    return user_cache_path(APP_NAME) / "stock.sqlite"


def user_store_path() -> Path:
    """The user's store: ``GEO_GAZETTEER`` if set, else ``gazetteer.sqlite`` in the user data directory."""
    env = os.environ.get("GEO_GAZETTEER")
    if env:
        return Path(env).expanduser()
    from platformdirs import user_data_path

    return user_data_path(APP_NAME) / "gazetteer.sqlite"
