"""Write the sample transcripts used by tests/test_readers.py.

One invented interview (a researcher and a NAV caseworker talking about
video meetings; fictive names, our own words) is written as Teams WebVTT,
Teams .docx, labelled text and SRT, so the tests can check that every
reader gives the same turns. Teams' habits are imitated: cue ids like
``b331ac26-…/12-0``, long turns split over several cues, a title block
before the first speaker in the .docx, and times past one hour.

Run ``python tests/data/transcripts/make_samples.py`` after changing the
interview; then ``UPDATE_GOLDEN=1 pytest tests/test_readers.py``.
"""

from __future__ import annotations

from pathlib import Path

HERE = Path(__file__).parent

R = "Ingrid Solberg"  # the researcher
V = "Marte Hansen"  # the caseworker (fictive)

# (speaker, start seconds, cue texts); each cue lasts until the next starts.
INTERVIEW: list[tuple[str, float, list[str]]] = [
    (
        R,
        21.35,
        [
            "Hei, og takk for at du tar deg tid til dette.",
            "Før vi begynner: er det greit at jeg tar opp samtalen, slik vi avtalte i "
            "samtykkeskjemaet?",
        ],
    ),
    (V, 33.1, ["Ja, det er helt greit."]),
    (
        R,
        36.48,
        [
            "Fint. Kan du begynne med å fortelle litt om deg selv og hvordan en vanlig "
            "arbeidsdag ser ut for deg som veileder?",
        ],
    ),
    (
        V,
        44.2,
        [
            "Jeg har jobbet på Nav-kontoret i snart åtte år, de siste tre med oppfølging av "
            "unge brukere under tretti.",
            "En vanlig dag består av samtaler, mye skriving i fagsystemene og en del telefoner "
            "til arbeidsgivere og leger.",
            "Etter at korona kom, ble nesten alt flyttet hjem til kjøkkenbordet mitt, og det "
            "har preget arbeidet på godt og vondt.",
        ],
    ),
    (R, 80.9, ["Hvordan var det å gå over til å møte brukerne på video?"]),
    (
        V,
        85.63,
        [
            "I starten var det ganske kaotisk, ærlig talt. Mange hadde ikke kamera, eller de "
            "visste ikke hvordan de skulle logge på.",
            "Jeg brukte de første ukene mest på å ringe rundt og hjelpe folk i gang.",
            "Men etter hvert ble det en vane, både for meg og for dem.",
        ],
    ),
    (R, 125.0, ["Du sier at det ble en vane. Hva betyr det for deg?"]),
    (
        V,
        130.72,
        [
            "At jeg ikke lenger tenker på skjermen som noe fremmed.",
            "Det føles nesten som å sitte i samme rom, i hvert fall med noen av brukerne.",
        ],
    ),
    (
        R,
        3700.4,
        [
            "Vi nærmer oss slutten. Er det noe du synes er viktig for å lykkes med "
            "videomøter, som vi ikke har snakket om?",
        ],
    ),
    (
        V,
        3712.05,
        [
            "Jeg tror det viktigste er å bruke litt tid i starten på å skape ro.",
            "Jeg spør gjerne hvordan de har det, og om kaffen er varm, før vi går løs på planene.",
            "Og så må man tørre å si at video ikke passer for alle. Noen trenger å sitte på "
            "kontoret sammen med meg, og det må vi respektere.",
        ],
    ),
    (R, 3751.3, ["Så video passer vel best for de yngste brukerne, ikke sant?"]),
    (
        V,
        3758.0,
        [
            "Tja, ikke nødvendigvis. Noen av de eldste har vært overraskende flinke.",
            "Det handler mer om tillit enn om alder.",
        ],
    ),
    (
        R,
        3770.25,
        ["Takk, det var et godt sted å runde av. Tusen takk for at du delte så åpent."],
    ),
    (V, 3776.5, ["Bare hyggelig. Lykke til med oppgaven!"]),
]
END = 3781.0

CUE_ID = "b331ac26-8c4e-4b5a-9f0e-2d7c1a9e4f10"


def cues() -> list[tuple[str, float, float, str, int, int]]:
    """(speaker, start, end, text, turn number, cue number in turn)."""
    out: list[tuple[str, float, float, str, int, int]] = []
    for n, (speaker, start, texts) in enumerate(INTERVIEW):
        next_start = INTERVIEW[n + 1][1] if n + 1 < len(INTERVIEW) else END
        # Teams cues last a few seconds; a pause before the next speaker.
        step = min((next_start - start - 0.4) / len(texts), 12.5)
        for k, text in enumerate(texts):
            cue_start = round(start + k * step, 3)
            cue_end = round(start + (k + 1) * step, 3)
            out.append((speaker, cue_start, cue_end, text, n, k))
    return out


def clock(seconds: float, sep: str = ".") -> str:
    ms = round(seconds * 1000)
    h, rest = divmod(ms, 3_600_000)
    m, rest = divmod(rest, 60_000)
    s, ms = divmod(rest, 1000)
    return f"{h:02d}:{m:02d}:{s:02d}{sep}{ms:03d}"


def short_clock(seconds: float) -> str:
    """Teams .docx style: m:ss, or h:mm:ss past an hour."""
    whole = int(seconds)
    h, rest = divmod(whole, 3600)
    m, s = divmod(rest, 60)
    return f"{h}:{m:02d}:{s:02d}" if h else f"{m}:{s:02d}"


def vtt() -> str:
    lines = ["WEBVTT", ""]
    for speaker, start, end, text, n, k in cues():
        lines += [f"{CUE_ID}/{n + 12}-{k}", f"{clock(start)} --> {clock(end)}"]
        lines += [f"<v {speaker}>{text}</v>", ""]
    return "\n".join(lines)


def srt() -> str:
    lines: list[str] = []
    for number, (speaker, start, end, text, _, k) in enumerate(cues(), start=1):
        label = f"{speaker}: " if k == 0 else ""  # later cues continue the speaker
        lines += [str(number), f"{clock(start, ',')} --> {clock(end, ',')}", label + text, ""]
    return "\n".join(lines)


def txt() -> str:
    lines = ["Intervju 3 – videooppfølging (fiktive navn)", "Sted: Teams", ""]
    for speaker, start, texts in INTERVIEW:
        stamp = clock(start)[:8]
        lines.append(f"[{stamp}] {speaker}: {texts[0]}")
        lines += texts[1:]  # continuation lines belong to the same speaker
        lines.append("")
    return "\r\n".join(lines)


def write_docx(path: Path) -> None:
    import docx

    document = docx.Document()
    document.add_paragraph("Intervju 3 – videooppfølging")
    document.add_paragraph("12. mars 2021, 09:58")
    document.add_paragraph("1h 3m 2s")
    document.add_paragraph(f"{R} startet transkripsjon")
    gaps = ["   ", "\t", "\u00a0\u00a0", "  "]
    for n, (speaker, start, texts) in enumerate(INTERVIEW):
        document.add_paragraph(f"{speaker}{gaps[n % len(gaps)]}{short_clock(start)}")
        if len(texts) == 3:  # one long turn as two paragraphs
            document.add_paragraph(" ".join(texts[:2]))
            document.add_paragraph(texts[2])
        else:
            document.add_paragraph(" ".join(texts))
    document.core_properties.author = "intervju tests"
    document.save(str(path))


FORSKER_INFORMANT = """Intervju 7
Transkribert 14.04.2021

Forsker: Hvordan har kontakten med brukerne endret seg dette året?

Informant: Den har blitt tettere, faktisk. (2 sek pause)
Jeg kan ta en kort prat på video mellom to andre avtaler,
noe som var umulig da alle måtte komme inn på kontoret.

Forsker (12:05): Kan du gi et eksempel på det?

Informant (12:09): Ja. En ung mann med mye angst takket nei til alle møter på kontoret.
På video, fra sin egen stue, begynte han plutselig å fortelle. Det var et vendepunkt.

Forsker: Hva tror du gjorde forskjellen for ham?

Informant: Trygghet, tror jeg. Han bestemte selv rammen – koppen, sofaen, hunden i
bakgrunnen. Jeg var gjesten, ikke han.
"""

I_IP = """I: Hvordan opplever du å ikke se hele kroppsspråket til brukeren?

IP: Det er nok det jeg savner mest. Man ser jo bare et ansikt, og ofte ikke engang det,
hvis kameraet står skjevt.

I: Hva gjør du da?

IP: Jeg spør mer. Jeg sjekker oftere at vi har forstått hverandre riktig.
Og så er jeg mer forsiktig med å tolke stillhet som enighet.

I: Ja. Hvordan merker du om det er andre i rommet hos brukeren?

IP: Det vet jeg egentlig ikke. Det er noe av det vanskeligste med taushetsplikten på video.
"""


def main() -> None:
    (HERE / "teams_intervju.vtt").write_text(vtt(), encoding="utf-8")
    (HERE / "teams_intervju.srt").write_text(srt(), encoding="utf-8")
    (HERE / "teams_intervju.txt").write_bytes(txt().encode("utf-8"))
    write_docx(HERE / "teams_intervju.docx")
    (HERE / "forsker_informant_cp1252.txt").write_bytes(
        FORSKER_INFORMANT.replace("\n", "\r\n").encode("cp1252")
    )
    (HERE / "i_ip_utf16.txt").write_bytes(I_IP.encode("utf-16"))


if __name__ == "__main__":
    main()
