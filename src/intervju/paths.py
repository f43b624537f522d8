"""Where the package's own data lives (the one declaration; every loader imports it).

``data/lang/<code>/`` holds each language's words, ``data/guide/`` the bundled guides and
``data/guide/practice/`` the practice personas. The user's data folder is another thing:
:func:`intervju.settings.default_data_dir`.
"""

from __future__ import annotations

from pathlib import Path

PACKAGE_DATA = Path(__file__).resolve().parent / "data"
LANG_DATA = PACKAGE_DATA / "lang"
GUIDE_DATA = PACKAGE_DATA / "guide"
PRACTICE_DATA = GUIDE_DATA / "practice"
