"""``python -m geo``: the same as the ``geo`` command."""
from .cli import main

main()
