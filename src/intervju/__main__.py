"""``python -m intervju``: the same entry point as the ``intervju`` console script.

Useful where the script is not on PATH (a venv that is not activated) and in tests that
must see exactly what a user sees: exit status, stdout and the one-line stderr message.
"""

from __future__ import annotations

from .cli import main

if __name__ == "__main__":
    main()
