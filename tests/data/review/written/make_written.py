"""Two more labelled review interviews for issue 16 (Teams .vtt + truth.json).

Written and labelled before the review was run on them. ``missed`` marks an informant turn
that clearly called for a follow-up (a feeling of the informant's own, a striking image, a
concrete charged episode) and got none, neither in the next question nor later. A plain
evaluation («det har gått greit»), a short factual answer or a routine is not a miss, and a
thread the interviewer comes back to later is followed up. A closed question that picks up
the answer's words is a (weak) follow-up; a closed question on something new is not.

- written-nb-01: an inexperienced interviewer reads the bundled Nav guide in order, asks
  closed questions and leaves most rich answers.
- written-en-01: an experienced interviewer (remote-work guide) follows up in the
  informant's words and comes back to an early answer near the end.

First run of the review (before any change made from them): missed follow-ups P 5/7, R 5/7
(FP: a thread taken up again later, a closed question asking about the feeling in other
words; FN: «aldri følt meg så hjelpeløs», an own feeling that stayed with them after a
follow-up); topic 46/47.

Run ``python tests/data/review/written/make_written.py``.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
from make_samples import A, Q, write_interviews  # noqa: E402  (the one Teams .vtt + truth writer)

Turns = list[Q | A]

NB_01: Turns = [
    Q("Da har jeg startet opptaket, og takk for at du stiller opp."),
    A("Bare hyggelig."),
    Q("Hvordan har du hatt det på hjemmekontoret den siste tiden?", 1),
    A("Jo, det har gått greit. Litt trangt, men greit."),
    Q("Kan du fortelle litt om deg selv og veien din inn i Nav?", 1),
    A(
        "Jeg er utdannet sosionom og jobbet fire år i barnevernet før jeg søkte meg til Nav i "
        "2017. Jeg ville jobbe mer med arbeid og utdanning og mindre med akutte saker."
    ),
    Q("Hvor lenge har du jobbet med oppfølging av brukere?", 1),
    A("Siden 2017, så snart seks år."),
    Q("Kan du beskrive brukerne du følger opp i det daglige?", 1),
    A(
        "Mest unge under tretti, mange med angst eller rus i bakgrunnen. Jeg har rundt sytti "
        "brukere i porteføljen nå."
    ),
    Q("Kan du fortelle hva som skjedde med oppfølgingen av brukerne dine da pandemien kom?", 2),
    A(
        "Det var som om noen hadde skrudd av lyset. På fredag satt jeg med brukere på kontoret, "
        "på mandag satt jeg alene i stua med en bærbar PC og en liste med telefonnumre. Jeg "
        "gråt faktisk den første kvelden, for jeg følte at jeg hadde sviktet dem.",
        missed=True,
    ),
    Q("Brukte dere Teams fra starten?", 2),
    A("Ja, etter en uke eller to."),
    Q("Kan du fortelle om det første videomøtet du hadde med en bruker?", 2),
    A(
        "Det var med en jente på nitten som jeg hadde fulgt lenge. Hun satt i en mørk hybel, og "
        "midt i samtalen begynte hun å gråte, og jeg kunne ikke gjøre noe annet enn å se på "
        "henne gjennom skjermen. Jeg har aldri følt meg så hjelpeløs i jobben.",
        missed=True,
    ),
    Q("Hvordan avgjør du hvilke samtaler med brukere som skal foregå på video?", 2),
    A(
        "Vi har en rutine på at første samtale skal være fysisk hvis det er mulig. Ellers tar "
        "jeg korte statussamtaler på video og resten på kontoret."
    ),
    Q("Er det en grei rutine, syns du?", 2, follow_up=True),
    A("Ja, stort sett."),
    Q("Hvordan er det for deg å møte brukere på skjermen fra ditt eget hjem?", 2),
    A(
        "Jeg skammer meg litt over å si det, men jeg ble flau over at de kunne se leiligheten "
        "min. Jeg flyttet skrivebordet tre ganger, og til slutt satt jeg med ryggen mot en hvit "
        "vegg så ingen skulle se noe av livet mitt."
    ),
    Q("Var det ubehagelig for deg at brukerne så hjemmet ditt?", 2, follow_up=True),
    A("Ja, litt, i starten."),
    Q("Hva har utstyr, nettforbindelse og digitale ferdigheter hatt å si for videomøtene dine?", 2),
    A("En del. Noen hadde dårlig nett, og da ringte vi heller."),
    Q("Kan du fortelle om et videomøte med en bruker som har satt seg fast i minnet ditt?", 3),
    A(
        "Ja, en mann på tjuefem som plutselig snudde kameraet og viste meg at kjøleskapet var "
        "tomt. Han sa ingenting, han bare holdt telefonen der. Jeg ble helt kald innvendig, og "
        "jeg tenker fortsatt på ham.",
        missed=True,
    ),
    Q("Hva skjer med kroppsspråk, blikk og mimikk i en samtale over video?", 3),
    A("Det blir mindre av det. Man ser jo bare ansiktet, og ikke alltid det heller."),
    Q("Er det vanskeligere å lese brukerne da?", 3, follow_up=True),
    A("Ja, det er det."),
    Q("Hvordan pleier du å åpne et videomøte med en bruker?", 3),
    A(
        "Jeg spør hvordan de har det, sjekker at lyden fungerer, og går gjennom hva vi skal "
        "snakke om. Det tar kanskje fem minutter."
    ),
    Q("Kan du beskrive hvordan pauser og stillhet oppleves i en samtale på video?", 3),
    A(
        "Stillheten på video er som å stå i en heis med en fremmed. Jeg blir stresset og fyller "
        "den med prat, og etterpå er jeg irritert på meg selv, fordi jeg vet at det kanskje var "
        "der brukeren skulle ha sagt noe viktig.",
        missed=True,
    ),
    Q(
        "Hvordan går du fram når du skal formidle et vanskelig budskap, som et avslag, over video?",
        3,
    ),
    A("Jeg prøver å gjøre det fysisk. Går ikke det, sender jeg vedtaket først og ringer etterpå."),
    Q("Hva betyr en god relasjon til brukerne for deg i oppfølgingsarbeidet?", 4),
    A("Den er viktig. Uten relasjon kommer man ingen vei."),
    Q("Hvordan kjennes nærheten og avstanden til brukeren når oppfølgingen skjer på video?", 4),
    A(
        "Noen ganger er det faktisk nærere. En gutt som aldri sa et ord på kontoret, fortalte "
        "meg på video fra senga si at faren slo ham. Jeg ble så rørt over at han stolte på meg, "
        "og samtidig livredd for hva jeg skulle gjøre.",
        missed=True,
    ),
    Q("Hvordan opplever du at ulike brukere tar imot oppfølging på video?", 4),
    A("Det er veldig forskjellig. De yngste syns det er greit, de eldre liker det mindre."),
    Q(
        "Hvilke egenskaper hos en veileder tenker du blir viktige når relasjonen skal bygges "
        "over video?",
        4,
    ),
    A("Tålmodighet, og at man er tydelig. Og at man kan teknikken."),
    Q(
        "Hvilken plass ser du for videomøter i oppfølgingen av brukere når du ser fram mot "
        "tiden etter pandemien?",
        5,
    ),
    A("Jeg tror det blir en blanding. Video for de enkle tingene, fysisk for resten."),
    Q("Har du noe mer du vil legge til?", 5),
    A("Nei, jeg tror ikke det."),
]

EN_01: Turns = [
    Q(
        "Thanks for joining me, Sam. As I mentioned, I'll record this and you can stop at any "
        "time. Is that all right?",
        1,
    ),
    A("Yes, that's fine."),
    Q("What does a typical working week look like for you at the moment?", 1),
    A(
        "Two days in the office, Tuesday and Thursday, and the rest at home. Every other Friday "
        "I go to a client site in Leeds."
    ),
    Q("Could you tell me a little about your role in your organisation?", 1),
    A(
        "I'm a data analyst in a team of six at an insurance company. I build the reports the "
        "pricing people use."
    ),
    Q("How did working from home first become part of your job?", 1),
    A(
        "It was sudden. The office closed in March 2020 and I carried my monitor home on the "
        "bus, hugging it like a child. I remember feeling oddly proud and completely lost at "
        "the same time."
    ),
    Q("Proud and lost at the same time. What was that like?", 1, follow_up=True),
    A(
        "Proud because I'd managed to set everything up myself. Lost because nobody told us how "
        "long it would last, and the flat suddenly felt like a waiting room."
    ),
    Q(
        "Could you walk me through a recent day you spent working from home, from the moment "
        "you started?",
        2,
    ),
    A(
        "I start at eight with coffee, check the overnight jobs, and then there's a stand-up at "
        "half past nine. Lunch is usually at the desk. I stop around five."
    ),
    Q("Lunch at the desk, could you say a bit more about that?", 2, follow_up=True),
    A("It's just easier. I eat while I read my email."),
    Q("Could you describe the place where you work when you are at home?", 2),
    A("A corner of the bedroom. The desk is squeezed in between the wardrobe and the window."),
    Q("How do you decide which days you spend at the office?", 2),
    A("The team agreed on Tuesdays and Thursdays, so it isn't really my decision."),
    Q("How would you describe your concentration on the days you work from home?", 2),
    A("Better, mostly. Fewer interruptions."),
    Q(
        "Could you tell me about a piece of work you did together with colleagues while you "
        "were apart?",
        3,
    ),
    A(
        "We rebuilt the claims dashboard over three weeks, all on calls. On the last night the "
        "data load failed at eleven, and I sat alone in the dark bedroom watching the progress "
        "bar, and I felt this wave of panic because nobody else was online."
    ),
    Q("You were alone when it failed. What did you do?", 3, follow_up=True),
    A(
        "I messaged my manager, and she actually got up and joined the call in her dressing "
        "gown. I'll never forget that. It was the moment I felt we were a team, even apart.",
        missed=True,
    ),
    Q(
        "What stands out to you when you compare a video meeting with a meeting in the same room?",
        3,
    ),
    A("Video meetings are more efficient, but people don't chat before and after."),
    Q("What has it been like to get to know a new colleague mostly through a screen?", 3),
    A(
        "Hard. We hired a graduate last year, Priya, and for months I only knew her as a small "
        "square with a bookshelf behind it. When I finally met her in the office I was shocked "
        "at how tall she was, and a bit ashamed that I'd never asked how she was getting on."
    ),
    Q("You said you felt a bit ashamed. Could you tell me more about that?", 3, follow_up=True),
    A(
        "I think I'd treated her as a function, someone who delivers the extract on time. She "
        "told me later that she cried after her first week because nobody talked to her."
    ),
    Q("That must have been hard to hear. What did you do after she told you?", 3, follow_up=True),
    A("I started a fifteen-minute call with her every Monday, just to talk. We still do it."),
    Q(
        "How do you switch off from work at the end of the day when your home is also your "
        "workplace?",
        4,
    ),
    A("I close the laptop and put it in the wardrobe. Out of sight."),
    Q(
        "What does belonging to your workplace mean to you now that much of the contact happens "
        "on screen?",
        4,
    ),
    A("It means less than it used to, honestly. I feel more loyal to my team than to the company."),
    Q(
        "Earlier you said that in the first weeks the flat felt like a waiting room. Does it "
        "still feel like that?",
        1,
        follow_up=True,
    ),
    A(
        "No. It feels like home again, mostly because I stopped waiting. I think I grieved for "
        "the office for about a year without knowing it."
    ),
    Q("Grieved for the office. What did you miss most?", 4, follow_up=True),
    A("The noise, strangely. The kettle, people arguing about football at lunch."),
    Q("How would you describe a good working day for you today?", 4),
    A(
        "One where I solve something hard in the morning and have a proper conversation with "
        "someone in the afternoon."
    ),
    Q(
        "What have we not talked about that you think matters for understanding your "
        "experience of working remotely?",
        5,
    ),
    A(
        "Maybe the money. I moved further out to get a second bedroom, and now the office days "
        "cost me twenty pounds in train fares. Some months I dread Tuesdays, and I've never "
        "told my manager that.",
        missed=True,
    ),
    Q("How has it been for you to talk about this today?", 5),
    A("Good. It's made me think about things I usually don't."),
    Q("Thank you so much, Sam."),
    A("Thank you."),
]

INTERVIEWS: dict[str, tuple[str, str, str | None, Turns]] = {
    "written-nb-01": ("Eva Lunde", "Martin Hauge", None, NB_01),
    "written-en-01": ("Ruth Okafor", "Sam Whitley", "remote-work-en", EN_01),
}


def main() -> None:
    write_interviews(HERE, INTERVIEWS)


if __name__ == "__main__":
    main()
