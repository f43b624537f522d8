"""intervju: a local-first assistant for qualitative research interviews.

The public API is what ``__all__`` lists; everything else is internal and may
change. Nothing here imports Streamlit: the app in ``app.py`` is a thin view
over this package, and so is the ``intervju`` command line.
"""

from __future__ import annotations

from .errors import ConfigError, GuideError, IntervjuError, StorageError, TranscriptError
from .guides import bundled_guides, load_guide, parse_guide
from .models import Guide, Question, Role, Topic, Transcript, Turn

__version__ = "0.1.0"

__all__ = [
    "ConfigError",
    "Guide",
    "GuideError",
    "IntervjuError",
    "Question",
    "Role",
    "StorageError",
    "Topic",
    "Transcript",
    "TranscriptError",
    "Turn",
    "__version__",
    "bundled_guides",
    "load_guide",
    "parse_guide",
]
