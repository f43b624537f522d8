"""Words and number formats shared by the Markdown, HTML and CSV exports.

The report speaks the guide's language (bokmål or English); keeping every
label in one table means the exports cannot drift apart.
"""

from __future__ import annotations

LABELS: dict[str, dict[str, str]] = {
    "nb": {
        "title": "Gjennomgang av intervjuer",
        "guide": "Intervjuguide",
        "interviews": "Intervjuer",
        "pseudonymised": "Navn er erstattet med fiktive betegnelser.",
        "learning": "Læringskurve",
        "learning_note": "Intervjuene i rekkefølge",
        "order_given": "rekkefølgen filene ble gitt i",
        "order_natural": "filnavn sortert naturlig",
        "skipped": "Guidespørsmål som systematisk ikke blir stilt",
        "skipped_none": "Ingen guidespørsmål ble utelatt i minst halvparten av intervjuene.",
        "never_in": "aldri stilt i {never} av {total} intervjuer",
        "interview": "Intervju",
        "file": "Fil",
        "interviewer": "Intervjuer",
        "informant": "Informant",
        "duration": "Varighet",
        "turns": "turer",
        "key_figures": "Nøkkeltall",
        "questions": "Spørsmål",
        "question": "Spørsmål",
        "open": "Åpne",
        "closed": "Lukkede",
        "leading": "Ledende",
        "double": "Doble",
        "why": "Hvorfor-spørsmål",
        "follow_up_rate": "Oppfølgingsrate",
        "word_share": "Intervjuerens andel av ordene",
        "time_share": "Intervjuerens andel av taletiden",
        "missed_count": "Tapte oppfølginger",
        "coverage": "Dekning av guiden",
        "topic": "Tema",
        "asked": "Stilt",
        "never_asked": "Aldri stilt",
        "minutes": "Minutter",
        "all_questions": "Alle spørsmål",
        "turn": "Tur",
        "time": "Tid",
        "form": "Form",
        "problems": "Problemer",
        "follow_up": "Oppfølging",
        "yes": "ja",
        "no": "nei",
        "new": "nytt",
        "problem_details": "Spørsmål med problemer, og åpne alternativer",
        "rewrite": "Forslag",
        "missed": "Tapte oppfølginger",
        "missed_none": "Ingen tydelige tapte oppfølginger.",
        "cues": "Signaler",
        "called_for": "Informanten sa",
        "missed_here": "tapt oppfølging før dette spørsmålet: «{words}»",
        "answer": "Svar (s)",
        "next_question": "Intervjueren gikk videre med",
        "could_ask": "Kunne spurt",
        "key_terms": "Informantens nøkkelord",
        "key_terms_none": "Ingen ord ble gjentatt.",
        "timeline": "Spørsmålene gjennom intervjuet (tideler)",
        "talk": "Ordandel",
        "open_share": "Andel åpne",
        "definitions": "Slik er tallene regnet ut",
        "def_words": (
            "Ord = sammenhengende bokstaver/tall i turens tekst; ordandel = intervjuerens ord "
            "delt på alle ord."
        ),
        "def_follow": (
            "Oppfølging = spørsmålet bygger på informantens forrige tur (informantens egne ord, "
            "en oppfølgingsform som «kan du gi et eksempel», eller et kort spørsmål som peker "
            "tilbake)."
        ),
        "def_missed": (
            "Tapt oppfølging = en informanttur med sterke signaler (følelser, gjentatte eller "
            "sterke ord, bilder, nøling, markert pause) der intervjueren gikk videre til et nytt "
            "spørsmål."
        ),
        "def_topics": (
            "Tema = guidens tema spørsmålet ble plassert i; en oppfølging blir i temaet til "
            "spørsmålet den følger opp. Et tema er dekket når minst ett nytt spørsmål (ikke en "
            "oppfølging) eller minst to spørsmål i alt ble plassert i det; et guidespørsmål "
            "er stilt når et nytt spørsmål ble plassert på det."
        ),
        "form_open": "åpent",
        "form_closed": "lukket",
        "form_not_question": "ikke spørsmål",
        "p_closed": "lukket",
        "p_leading": "ledende",
        "p_double": "dobbelt",
        "p_why": "hvorfor",
        "generated": "Laget med intervju, lokalt på denne maskinen.",
    },
    "en": {
        "title": "Interview review",
        "guide": "Interview guide",
        "interviews": "Interviews",
        "pseudonymised": "Names are replaced with fictive labels.",
        "learning": "Learning curve",
        "learning_note": "Interviews in order",
        "order_given": "the order the files were given",
        "order_natural": "file names in natural order",
        "skipped": "Guide questions systematically not asked",
        "skipped_none": "No guide question was left out in half of the interviews or more.",
        "never_in": "never asked in {never} of {total} interviews",
        "interview": "Interview",
        "file": "File",
        "interviewer": "Interviewer",
        "informant": "Informant",
        "duration": "Duration",
        "turns": "turns",
        "key_figures": "Key figures",
        "questions": "Questions",
        "question": "Question",
        "open": "Open",
        "closed": "Closed",
        "leading": "Leading",
        "double": "Double",
        "why": "Why questions",
        "follow_up_rate": "Follow-up rate",
        "word_share": "Interviewer's share of words",
        "time_share": "Interviewer's share of speaking time",
        "missed_count": "Missed follow-ups",
        "coverage": "Guide coverage",
        "topic": "Topic",
        "asked": "Asked",
        "never_asked": "Never asked",
        "minutes": "Minutes",
        "all_questions": "All questions",
        "turn": "Turn",
        "time": "Time",
        "form": "Form",
        "problems": "Problems",
        "follow_up": "Follow-up",
        "yes": "yes",
        "no": "no",
        "new": "new",
        "problem_details": "Questions with problems, and open alternatives",
        "rewrite": "Suggestion",
        "missed": "Missed follow-ups",
        "missed_none": "No clear missed follow-ups.",
        "cues": "Cues",
        "called_for": "The informant said",
        "missed_here": "missed follow-up before this question: «{words}»",
        "answer": "Answer (s)",
        "next_question": "The interviewer moved on with",
        "could_ask": "Could have asked",
        "key_terms": "The informant's key words",
        "key_terms_none": "No word was repeated.",
        "timeline": "Questions through the interview (tenths)",
        "talk": "Word share",
        "open_share": "Open share",
        "definitions": "How the numbers are computed",
        "def_words": (
            "Word = a run of letters/digits in a turn's text; word share = interviewer's words "
            "divided by all words."
        ),
        "def_follow": (
            "Follow-up = the question builds on the informant's previous turn (their own words, "
            "a probe such as 'can you give an example', or a short question pointing back)."
        ),
        "def_missed": (
            "Missed follow-up = an informant turn with strong cues (feelings, repeated or strong "
            "words, images, hesitation, a marked pause) after which the interviewer moved on to a "
            "new question."
        ),
        "def_topics": (
            "Topic = the guide topic a question was placed in; a follow-up stays in the topic of "
            "the question it follows. A topic is covered when at least one new question (not a "
            "follow-up) or at least two questions in all were placed in it; a guide question "
            "is asked when a new question was placed on it."
        ),
        "form_open": "open",
        "form_closed": "closed",
        "form_not_question": "not a question",
        "p_closed": "closed",
        "p_leading": "leading",
        "p_double": "double",
        "p_why": "why",
        "generated": "Made with intervju, locally on this machine.",
    },
}


def labels(language: str) -> dict[str, str]:
    return LABELS["en" if language == "en" else "nb"]


def clock(seconds: float | None) -> str:
    """m:ss or h:mm:ss; empty when unknown."""
    if seconds is None:
        return ""
    total = round(seconds)
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def percent(value: float | None) -> str:
    return "–" if value is None else f"{round(value * 100):d} %"


def problems_text(problems: tuple[str, ...], language: str) -> str:
    words = labels(language)
    return ", ".join(words[f"p_{p}"] for p in problems)


def excerpt(text: str, limit: int = 220) -> str:
    clean = " ".join(text.split())
    if len(clean) <= limit:
        return clean
    cut = clean[:limit].rsplit(" ", 1)[0]
    return cut + " …"
