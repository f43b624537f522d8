"""Wiring tests for the Streamlit app (``streamlit.testing.v1.AppTest``).

Every test runs the real ``app.py`` against a fresh data folder
(``INTERVJU_DATA_DIR``) with the fast fake embedder
(``INTERVJU_EMBEDDINGS=hashing``), and checks the database as well as the
screen: the promise is that what is shown is stored. A server restart is
simulated by clearing ``st.cache_resource`` and starting a new AppTest on
the same database.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator
from html import unescape
from pathlib import Path

import pytest

pytest.importorskip("streamlit")

import streamlit as st
from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from intervju.storage import SessionStore  # noqa: E402
from ui import strings  # noqa: E402

APP = str(ROOT / "app.py")
TIMEOUT = 60


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    folder = tmp_path / "data"
    monkeypatch.setenv("INTERVJU_DATA_DIR", str(folder))
    monkeypatch.setenv("INTERVJU_EMBEDDINGS", "hashing")
    monkeypatch.setenv("INTERVJU_CACHE_DIR", str(tmp_path / "cache"))
    st.cache_resource.clear()
    yield folder
    st.cache_resource.clear()


def _app(session: int | None = None) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    if session is not None:
        at.query_params["s"] = str(session)
    return at.run()


def _no_errors(at: AppTest) -> None:
    assert not at.exception, [e.value for e in at.exception]
    assert not at.error, [e.value for e in at.error]


def _started(data_dir: Path) -> AppTest:
    at = _app()
    _no_errors(at)
    at.button[0].click().run()  # "Start økten" on the empty page
    _no_errors(at)
    return at


def _say(at: AppTest, text: str) -> AppTest:
    at.chat_input(key="live_line").set_value(text).run()
    _no_errors(at)
    return at


def _html(at: AppTest) -> str:
    return "\n".join(str(m.value) for m in at.markdown)


def _store(data_dir: Path) -> SessionStore:
    return SessionStore(data_dir / "sessions.sqlite3")


def _goto(at: AppTest, url_path: str) -> AppTest:
    """Open a callable page registered with st.navigation (AppTest only knows files)."""
    for page_hash, info in at._registered_pages.items():
        if info.get("url_pathname") == ("" if url_path == "live" else url_path):
            at._page_hash = page_hash
            return at.run()
    raise AssertionError(f"no page {url_path}")


# -- pure helpers --------------------------------------------------------------


def test_every_string_has_both_languages() -> None:
    import string

    for key in strings.all_keys():
        nb, en = strings.pair(key)
        assert nb.strip() and en.strip(), key
        fields_nb = {f for _, f, _, _ in string.Formatter().parse(nb) if f}
        fields_en = {f for _, f, _, _ in string.Formatter().parse(en) if f}
        assert fields_nb == fields_en, key


# -- live page -----------------------------------------------------------------


def test_adding_turns_stores_before_showing(data_dir: Path) -> None:
    at = _started(data_dir)
    assert at.query_params["s"] == ["1"] or at.query_params["s"] == "1"
    _say(at, "Har du opplevd at video gjør relasjonen vanskeligere?")
    html = _html(at)
    assert "ivj-flag" in html  # closed question flagged, with an open rewrite
    assert "Prøv" in html
    assert at.radio(key="live_speaker").value == "informant"  # switched automatically
    _say(at, "Ja, det er en distanse der, distanse hele tiden, jeg savner kroppsspråket.")
    html = _html(at)
    assert html.count('class="ivj-card"') >= 2
    assert "<mark>" in html
    store = _store(data_dir)
    turns = store.turns(1)
    assert [t.role for t in turns] == ["interviewer", "informant"]
    assert turns[1].start is not None
    assert store.flags(1)[0].problems == ("closed",)
    shown = store.suggestions(1, 1)
    assert 2 <= len(shown) <= 3
    for suggestion in shown:
        assert suggestion.text.split("«")[0][:12] in html or suggestion.text[:10] in html
    # Clicking a card marks it as asked, in the database.
    at.button(key=f"use_{shown[0].id}").click().run()
    _no_errors(at)
    assert _store(data_dir).suggestions(1, 1)[0].used


def test_switching_speaker(data_dir: Path) -> None:
    at = _started(data_dir)
    assert at.radio(key="live_speaker").value == "interviewer"
    _say(at, "/")
    assert at.radio(key="live_speaker").value == "informant"
    assert _store(data_dir).turns(1) == ()  # "/" adds nothing
    _say(at, "f: Hvordan begynte dagen din?")  # prefix overrides the selected speaker
    _say(at, "i: Den begynte med kaffe.")
    _say(at, "i: Og så et møte på Teams.")
    roles = [t.role for t in _store(data_dir).turns(1)]
    assert roles == ["interviewer", "informant", "informant"]
    at.radio(key="live_speaker").set_value("informant").run()
    _say(at, "Etterpå var jeg sliten.")
    assert _store(data_dir).turns(1)[-1].role == "informant"


PASTE_1 = """Forsker: Hvordan opplevde du det første videomøtet?
Informant: Det var rart, jeg satt ved kjøkkenbordet og brukeren hadde kameraet av.
"""
PASTE_2 = (
    PASTE_1
    + """Forsker: Hva gjorde du da?
Informant: Jeg ba henne slå på kameraet, og da ble det lettere å snakke sammen.
"""
)


def test_paste_adds_only_the_new_part(data_dir: Path) -> None:
    at = _started(data_dir)
    at.text_area(key="paste_text").set_value(PASTE_1)
    at.button(key="FormSubmitter:paste_form-Legg til det nye").click().run()
    _no_errors(at)
    assert len(_store(data_dir).turns(1)) == 2
    for _ in range(2):  # pasting the same text again adds nothing
        at.text_area(key="paste_text").set_value(PASTE_1)
        at.button(key="FormSubmitter:paste_form-Legg til det nye").click().run()
        _no_errors(at)
    assert len(_store(data_dir).turns(1)) == 2
    at.text_area(key="paste_text").set_value(PASTE_2)
    at.button(key="FormSubmitter:paste_form-Legg til det nye").click().run()
    _no_errors(at)
    turns = _store(data_dir).turns(1)
    assert [t.text for t in turns][-1].startswith("Jeg ba henne")
    assert len(turns) == 4
    assert [t.role for t in turns] == ["interviewer", "informant"] * 2
    assert "ivj-card" in _html(at)  # suggestions for the pasted informant turn


def test_following_a_growing_file(data_dir: Path, tmp_path: Path) -> None:
    at = _started(data_dir)
    live = tmp_path / "live.txt"
    live.write_text("Forsker: Hvordan var overgangen til hjemmekontor?\n", encoding="utf-8")
    at.text_input(key="follow_input").set_value(str(live))
    at.button(key="follow_start").click().run()
    _no_errors(at)
    assert "follow" not in at.query_params  # the session owns its followed file
    assert _store(data_dir).get_session(1).follow_path == str(live)
    assert [t.text for t in _store(data_dir).turns(1)] == [
        "Hvordan var overgangen til hjemmekontor?"
    ]
    with live.open("a", encoding="utf-8") as handle:
        handle.write("Informant: Den var brå, vi fikk en dag på oss.\n")
    at.run()
    _no_errors(at)
    turns = _store(data_dir).turns(1)
    assert len(turns) == 2 and turns[1].source == "file"
    assert "Den var brå" in _html(at)
    at.run()  # unchanged file: nothing added twice
    assert len(_store(data_dir).turns(1)) == 2


def test_resume_after_restart(data_dir: Path) -> None:
    at = _started(data_dir)
    _say(at, "Kan du fortelle om en vanlig arbeidsdag på video?")
    _say(at, "Jeg starter med kaffe, og så har jeg tre møter på skjerm. Det blir mye distanse.")
    before = _store(data_dir).suggestions(1)
    html_before = _html(at)
    # Restart: all cached engine state is gone; only the database remains.
    st.cache_resource.clear()
    again = _app(session=1)
    _no_errors(again)
    html_after = _html(again)
    shown = unescape(re.sub(r"<[^>]+>", "", html_after))  # the echoed words are <mark>ed
    for suggestion in before:
        assert suggestion.id and suggestion.text in shown
    assert "Jeg starter med kaffe" in html_after
    assert html_after.count("ivj-turn ") == html_before.count("ivj-turn ")
    assert _store(data_dir).suggestions(1) == before  # nothing recomputed or duplicated
    # Without the id in the URL the most recent session is resumed.
    st.cache_resource.clear()
    fresh = _app()
    assert "Jeg starter med kaffe" in _html(fresh)
    # And the next turn continues the same session.
    _say(again, "Hva mener du med distanse?")
    assert len(_store(data_dir).turns(1)) == 3


def test_delete_session_removes_every_trace(data_dir: Path) -> None:
    at = _started(data_dir)
    _say(at, "Har du savnet kontoret?")
    _say(at, "Ja, jeg savner kaffepraten med kollegene, den uformelle praten.")
    at.button(key="delete_yes_1").click().run()
    _no_errors(at)
    store = _store(data_dir)
    assert store.list_sessions() == ()
    assert store.turns(1) == () and store.suggestions(1) == () and store.flags(1) == ()
    raw = b"".join(p.read_bytes() for p in data_dir.glob("sessions.sqlite3*"))
    assert b"kaffepraten" not in raw
    assert "s" not in at.query_params
    assert any("Ingen økt" in str(i.value) for i in at.info)


def test_deleting_a_session_opens_no_other(data_dir: Path) -> None:
    at = _started(data_dir)
    _say(at, "Hvordan har du det?")
    at.button(key="FormSubmitter:new_session_sidebar-Start økten").click().run()
    _no_errors(at)
    assert len(_store(data_dir).list_sessions()) == 2
    at.button(key="delete_yes_2").click().run()
    _no_errors(at)
    assert [s.id for s in _store(data_dir).list_sessions()] == [1]
    assert "s" not in at.query_params  # session 1 is not opened in its place
    assert not [b for b in at.button if str(b.key).startswith("delete_yes")]
    assert any("Ingen økt" in str(i.value) for i in at.info)


def test_bad_paste_shows_one_line_error_and_keeps_the_session(data_dir: Path) -> None:
    at = _started(data_dir)
    _say(at, "Hvordan har du det?")
    at.text_area(key="paste_text").set_value("bare litt tekst uten etiketter")
    at.button(key="FormSubmitter:paste_form-Legg til det nye").click().run()
    assert not at.exception
    # Shown under the box and at the top of the screen, the same one line.
    assert len(at.error) == 2 and all("Fant ingen talere" in e.value for e in at.error)
    assert "Kari Nordmann 10:02" in at.error[0].value  # says what was expected
    assert "Traceback" not in at.error[0].value
    assert at.text_area(key="paste_text").value == "bare litt tekst uten etiketter"  # kept
    assert len(_store(data_dir).turns(1)) == 1
    assert "Hvordan har du det?" in _html(at)


def test_replay_of_an_imported_transcript(data_dir: Path) -> None:
    at = _started(data_dir)
    at.session_state["replay"] = [
        ("Forsker", "interviewer", "Hvordan var det å møte brukerne på video?", 0.0, 4.0),
        ("Kari", "informant", "Det var uvant, jeg savnet å se hele personen.", 4.0, 9.0),
    ]
    at.run()
    at.button(key="replay_next").click().run()
    _no_errors(at)
    assert len(_store(data_dir).turns(1)) == 1
    at.button(key="replay_next").click().run()
    _no_errors(at)
    turns = _store(data_dir).turns(1)
    assert [t.speaker for t in turns] == ["Forsker", "Kari"]
    assert "replay" not in at.session_state
    assert "ivj-card" in _html(at)


def test_manual_tick_and_untick_of_guide_question(data_dir: Path) -> None:
    at = _started(data_dir)
    key = "tick_1_start-1"
    at.checkbox(key=key).check().run()
    _no_errors(at)
    covered = _store(data_dir).covered(1)
    assert [(c.question_id, c.how) for c in covered] == [("start-1", "manual")]
    at.checkbox(key=key).uncheck().run()
    _no_errors(at)
    assert _store(data_dir).covered(1) == ()


def test_rename_and_export(data_dir: Path) -> None:
    at = _started(data_dir)
    _say(at, "Hvordan har du det?")
    at.text_input(key="rename_title").set_value("Intervju med Kari").run()
    at.button[[b.label for b in at.button].index("Lagre navn")].click().run()
    _no_errors(at)
    assert _store(data_dir).get_session(1).title == "Intervju med Kari"


# -- other pages ---------------------------------------------------------------


def test_guides_page_validates_with_line_numbers(data_dir: Path) -> None:
    at = _goto(_app(), "guider")
    _no_errors(at)
    at.button(key="guides_dup").click().run()
    text = at.text_area(key="guide_yaml").value
    assert "-kopi" in text
    broken = text.replace("topics:", "topics: [", 1)
    at.text_area(key="guide_yaml").set_value(broken).run()
    at.button(key="guides_validate").click().run()
    assert not at.exception
    assert at.error and "line" in at.error[0].value
    at.text_area(key="guide_yaml").set_value(text).run()
    at.button(key="guides_save").click().run()
    assert not at.exception and not at.error
    saved = list((data_dir / "guides").glob("*.yaml"))
    assert len(saved) == 1 and saved[0].stem.endswith("-kopi")


def test_practice_page_answers_by_question_type(data_dir: Path) -> None:
    at = _goto(_app(), "ovelse")
    _no_errors(at)
    at.chat_input(key="practice_line").set_value("Synes du at video er bra?").run()
    _no_errors(at)
    at.chat_input(key="practice_line").set_value(
        "Kan du fortelle om første gang du hadde et videomøte med en bruker?"
    ).run()
    _no_errors(at)
    answers = [m for m in at.chat_message if m.name == "assistant"]
    assert len(answers) == 2
    short = len(answers[0].markdown[0].value.split())
    story = len(answers[1].markdown[0].value.split())
    assert story > 3 * short
    assert any(m.label == "Spørsmål" and m.value == "2" for m in at.metric)


def test_review_page_reviews_a_saved_session(data_dir: Path) -> None:
    at = _started(data_dir)
    _say(at, "Har du opplevd at video gjør relasjonen vanskeligere?")
    _say(at, "Ja, noen ganger. Det blir distanse, og jeg ser ikke kroppsspråket.")
    _say(at, "Kan du gi et eksempel på det?")
    _say(at, "En bruker satt med kameraet av hele møtet, og jeg visste ikke om noen var i rommet.")
    at = _goto(at, "gjennomgang")
    _no_errors(at)
    at.multiselect(key="review_sessions").set_value([1]).run()
    at.button(key="review_run").click().run()
    _no_errors(at)
    assert any(m.label == "Spørsmål" for m in at.metric)
    labels = [b.label for b in at.get("download_button")]
    assert "JSON" in labels and "CSV" in labels and "Markdown" in labels
    assert "QDA-prosjekt (.qdpx)" in labels


def test_review_page_searches_the_chosen_sessions(data_dir: Path) -> None:
    at = _started(data_dir)
    _say(at, "Hvordan er det å møte brukerne på video?")
    _say(at, "En bruker satt med kameraet av hele møtet, og jeg visste ikke om noen var i rommet.")
    at = _goto(at, "gjennomgang")
    at.multiselect(key="review_sessions").set_value([1]).run()
    at.text_input(key="review_query").set_value("kameraet av i møtet").run()
    _no_errors(at)
    found = at.dataframe[0].value
    assert "kameraet av" in str(found.iloc[0].tolist())
    assert (data_dir / "search").is_dir()  # the index lives in the data folder


def test_settings_page_switches_language(data_dir: Path) -> None:
    at = _goto(_app(), "innstillinger")
    _no_errors(at)
    at.radio(key="set_lang").set_value("en").run()
    at.button[0].click().run()
    _no_errors(at)
    assert (data_dir / "settings.json").is_file()
    at = _goto(at, "live")
    assert any("No session yet" in str(i.value) for i in at.info)


@pytest.mark.parametrize("damage", ["folder", "not-sqlite"])
def test_unusable_database_is_one_clear_error(data_dir: Path, damage: str) -> None:
    data_dir.mkdir(parents=True)
    db = data_dir / "sessions.sqlite3"
    if damage == "folder":
        db.mkdir()
    else:
        db.write_bytes(b"these are someone's notes, not a database\n" * 50)
    at = _app()
    assert not at.exception
    assert len(at.error) == 1 and "sessions.sqlite3" in at.error[0].value
    if damage == "not-sqlite":  # never "repaired" or overwritten
        assert db.read_bytes().startswith(b"these are someone's notes")


def test_session_imported_elsewhere_opens_with_its_coverage(data_dir: Path) -> None:
    from intervju.export import import_transcript
    from intervju.guides import load_guide
    from intervju.models import Transcript, Turn
    from intervju.tracking import question_document

    guide = load_guide()
    # The tracker's own document for the question: covered with any embedder.
    asked = question_document(guide, guide.questions[0].id)
    store = _store(data_dir)
    transcript = Transcript(
        turns=(
            Turn(0, "Forsker", "interviewer", None, None, asked),
            Turn(1, "Kari", "informant", None, None, "Det har gått fint, takk."),
        ),
        format="txt",
    )
    info = import_transcript(store, transcript, title="Kari", guide=guide)
    at = _app(session=info.id)
    _no_errors(at)
    assert guide.questions[0].id in {c.question_id for c in _store(data_dir).covered(info.id)}
    assert at.checkbox(key=f"tick_{info.id}_{guide.questions[0].id}").value


def test_settings_page_chooses_another_data_folder(
    data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("INTERVJU_DATA_DIR")  # the folder chosen in the app applies
    chosen = tmp_path / "studie-2"
    at = _goto(_app(), "innstillinger")
    at.text_input(key="set_data_dir").set_value(str(chosen)).run()
    next(b for b in at.button if b.label == "Bruk denne mappen").click().run()
    _no_errors(at)
    assert chosen.is_dir()
    at = _goto(at, "innstillinger")
    assert any(str(chosen) in str(c.value) for c in at.code)


def test_landing_names_the_modes_and_guides_by_title(data_dir: Path) -> None:
    at = _app()
    _no_errors(at)
    text = "\n".join(str(m.value) for m in at.markdown)
    for mode in ("Live intervju", "Øving", "Gjennomgang"):
        assert f"**{mode}**" in text
    guide_box = at.selectbox(key="new_session_main_guide")
    shown = [guide_box.format_func(o) for o in guide_box.options]  # type: ignore[attr-defined]
    assert any("Nav" in label or "video" in label.lower() for label in shown), shown
    assert "nav-videooppfolging" not in shown


def test_two_tabs_agree_on_the_next_speaker(data_dir: Path) -> None:
    one = _started(data_dir)
    two = _app(session=1)
    _say(one, "Hvordan var den første uka?")
    two.run()  # the other tab's next run reads the speaker from the store
    assert two.radio(key="live_speaker").value == "informant"
    two.chat_input(key="live_line").set_value("Den var rar, men fin.").run()
    assert [t.role for t in _store(data_dir).turns(1)] == ["interviewer", "informant"]


def test_correct_a_turn_in_the_app(data_dir: Path) -> None:
    at = _started(data_dir)
    _say(at, "Hvordan var den første uka?")
    _say(at, "Den var rar, men fin.")
    at.radio(key="fix_role_1").set_value("interviewer")
    at.button(key="fix_save").click().run()
    _no_errors(at)
    assert _store(data_dir).turns(1)[1].role == "interviewer"
    at.button(key="fix_undo").click().run()
    assert _store(data_dir).turns(1)[1].role == "informant"
