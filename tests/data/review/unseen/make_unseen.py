"""Three more labelled review interviews for issue 16 (Teams .vtt + truth.json).

Written and labelled for the third round of the missed-follow-up work, *before* the review
was run on them, by an engineer labelling each answer as a researcher would (fictive; none
copies a real transcript). Interviewer habits: two guide questions merged in one turn, jumps
back to an earlier topic, the interviewer's own digressions and anecdotes before the next
guide question (sometimes saying one of the informant's words back first), loose use of the
guide, questions without a question mark. ``missed`` marks an informant turn that clearly
called for a follow-up (a feeling of their own, a charged episode, an image, ambivalence,
a charged evaluation, a hint left hanging) after which the interviewer went to a new
question. Rich answers that *were* followed up, the answer to a follow-up that adds nothing
charged, and long factual answers (careers, routines, rules of thumb) are not missed. Run
``python tests/data/review/unseen/make_unseen.py``.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
from make_samples import A, Q, write_interviews  # noqa: E402  (the one Teams .vtt + truth writer)

Turns = list[Q | A]

# Jumps back, merged questions, a few closed ones.
NB_01: Turns = [
    Q("Da er opptaket i gang. Fint at du kunne stille i dag, Tone."),
    A("Ja, hyggelig å være med."),
    Q(
        "Kan du fortelle litt om deg selv og veien din inn i Nav, og hvor lenge du har jobbet "
        "med oppfølging?",
        1,
    ),
    A(
        "Eh, jeg er utdannet sosionom fra Bodø, og begynte i Nav i 2012. Jeg har vært på samme "
        "kontor hele tiden, først på sosialtjenesten, så på arbeidsrettet oppfølging. Nå har "
        "jeg rundt sytti brukere, mest folk over førti som har vært lenge ute av arbeidslivet."
    ),
    Q("Hvordan har du hatt det på hjemmekontoret den siste tiden?", 1),
    A(
        "Altså … det har gått opp og ned. Det verste var vinteren, da satt jeg alene i "
        "leiligheten fra morgen til kveld, og jeg kjente at jeg ble litt nedstemt, ja. Jeg "
        "snakket med brukere hele dagen, men likevel følte jeg meg ensom på en rar måte.",
        missed=True,
    ),
    Q("Hva skjedde med oppfølgingen av brukerne dine da pandemien kom?", 2),
    A(
        "Alt ble snudd på hodet. Vi fikk beskjed en fredag om å ta med PC-en hjem, og fra "
        "mandagen var det telefon og etter hvert Teams. De første ukene gikk mest med til å "
        "ringe rundt og sjekke at folk hadde fått utbetalingene sine."
    ),
    Q("Og det første videomøtet, husker du det?", 2),
    A(
        "Ja, det husker jeg godt. Det var en dame jeg hadde fulgt i mange år, og hun hadde "
        "pyntet seg og satt kaffe på bordet, som om jeg var på besøk. Jeg ble så rørt at jeg "
        "nesten ikke fikk sagt noe i starten."
    ),
    Q("Du ble rørt?", 2, True),
    A(
        "Ja, det var noe med at hun hadde gjort seg klar for meg. Det viste meg at møtet "
        "betydde noe for henne, at det ikke bare var en plikt."
    ),
    Q("Hvordan avgjør du hvilke samtaler som skal foregå på video?", 2),
    A(
        "Det avhenger av hva møtet skal brukes til. Kartleggingssamtaler tar jeg helst fysisk, "
        "mens korte oppfølgingssamtaler og planlegging av tiltak går fint på video. Noen "
        "brukere har ikke utstyr, og da blir det telefon."
    ),
    Q("Hva har utstyr, nettforbindelse og digitale ferdigheter hatt å si?", 2),
    A(
        "Mye mer enn jeg trodde. Én bruker bor langt inne i en dal, og der hakker bildet hele "
        "tiden. Det er som å snakke med noen gjennom et vindu som stadig dugger igjen. Du ser "
        "konturene, men aldri ansiktet skikkelig.",
        missed=True,
    ),
    Q(
        "Før vi går videre, du sa at du var på sosialtjenesten først. Hvor lenge var du der?",
        1,
    ),
    A("Omtrent tre år. Så ble det omorganisering."),
    Q("Kan du fortelle om et videomøte med en bruker som har satt seg fast i minnet ditt?", 3),
    A(
        "Det var en ung mann med sterk angst som aldri møtte opp på kontoret. På video satt han "
        "med hetta på og kameraet rettet mot taket. Men etter tredje møte snudde han kameraet, "
        "og jeg så ansiktet hans for første gang. Han smilte litt. Jeg husker at jeg måtte "
        "svelge en klump i halsen etterpå, det var et øyeblikk jeg aldri glemmer."
    ),
    Q("Hva tror du gjorde at han snudde kameraet?", 3, True),
    A(
        "Jeg tror han trengte å bestemme tempoet selv. Hjemme hadde han kontroll, han kunne "
        "skru av når han ville."
    ),
    Q("Mhm."),
    A(
        "Og ærlig talt, det skremmer meg litt hvor mye makt vi har når folk må møte opp på "
        "kontoret vårt.",
        missed=True,
    ),
    Q(
        "Hva skjer med kroppsspråk, blikk og mimikk i en samtale over video, og hvordan åpner "
        "du vanligvis et møte?",
        3,
    ),
    A(
        "Mye av kroppsspråket blir borte, jeg ser bare fra brystet og opp. Så jeg spør mer "
        "direkte om hvordan de har det. Jeg åpner alltid med litt småprat om været eller "
        "katten, før vi går over til planen."
    ),
    Q("Hva tenker du om hvem som kan være til stede i rommet hos brukeren?", 3),
    A(
        "Det er noe jeg tenker mye på. Én gang hørte jeg en mannsstemme i bakgrunnen som sa "
        "noe, og brukeren ble helt stille og svarte bare ja og nei resten av møtet. Jeg har "
        "fortsatt en vond følelse når jeg tenker på det.",
        missed=True,
    ),
    Q("Kan du beskrive hvordan pauser og stillhet oppleves i en samtale på video?", 3),
    A(
        "Pauser blir lengre på video, synes jeg. Det er vanskelig å vite om folk tenker eller "
        "om lyden har falt ut. Jeg har lært meg å telle til fem før jeg sier noe."
    ),
    Q("Telle til fem?", 3, True),
    A(
        "Ja, inni meg. Ellers avbryter jeg dem, og da mister jeg ofte det viktigste de hadde "
        "tenkt å si."
    ),
    Q("Hva betyr en god relasjon til brukerne for deg?", 4),
    A(
        "En god relasjon er at brukeren tør å si det som er vanskelig. At de vet at jeg er på "
        "deres side, selv om jeg også må stille krav."
    ),
    Q("Hvordan kjennes nærheten og avstanden til brukeren når det skjer på video?", 4),
    A(
        "Det er rart, for jeg føler meg nærmere noen av dem på video enn på kontoret, fordi jeg "
        "ser stua deres og barna som løper forbi. Samtidig er det en avstand der som jeg ikke "
        "får tak på, noe kaldt. Begge deler på en gang.",
        missed=True,
    ),
    Q(
        "Jeg vil gjerne tilbake til de første ukene med pandemien. Hvor mange brukere hadde du da?",
        2,
    ),
    A("Rundt åtti, tror jeg. Det var før vi fikk flere ansatte."),
    Q(
        "Hvor går grensen mellom det private og det personlige for deg når dere ser inn i "
        "hverandres hjem?",
        4,
    ),
    A(
        "Jeg viser aldri noe privat. Jeg har en hvit vegg bak meg og sitter alltid på samme "
        "sted. Men jeg kan si at jeg har en hund hvis den bjeffer, det er personlig, ikke "
        "privat."
    ),
    Q("Hvordan opplever du at ulike brukere tar imot oppfølging på video?", 4),
    A(
        "Det er veldig forskjellig. De unge synes det er greit, mens de eldre ofte sliter med "
        "teknikken. Noen med angst foretrekker video, mens andre som ruser seg trenger å bli "
        "sett fysisk."
    ),
    Q("Hvilke råd ville du gitt til en ny kollega som skal begynne med video?", 5),
    A(
        "Vær tydelig på rammen, si hvor lenge møtet varer og hva det skal handle om. Og ikke "
        "glem å spørre hvem som er i rommet."
    ),
    Q("Hva har vi ikke snakket om i dag som du mener er viktig?", 5),
    A(
        "Kanskje at vi veiledere også har hatt det tøft. Jeg hadde en periode der jeg gruet "
        "meg til hver eneste mandag, men det har jeg ikke sagt til noen på jobben.",
        missed=True,
    ),
    Q("Hvordan har det vært for deg å bli intervjuet om dette?", 5),
    A("Det har vært fint, egentlig. Litt uvant å være den som svarer."),
    Q("Tusen takk for at du ville være med."),
    A("Takk selv."),
]

# An interviewer who digresses with anecdotes of her own, says a word back before moving on,
# and follows the guide loosely.
NB_02: Turns = [
    Q("Hei Henrik, da har jeg startet opptaket. Du har lest informasjonsskrivet?", 1),
    A("Ja, jeg har lest det og skrevet under."),
    Q("Flott. Hvordan har du hatt det på hjemmekontoret i det siste?", 1),
    A(
        "Helt greit nå. Vi er tilbake på kontoret tre dager i uka, og de to andre dagene sitter "
        "jeg hjemme på arbeidsrommet."
    ),
    Q("Kan du beskrive brukerne du følger opp i det daglige?", 1),
    A(
        "Jeg jobber med sykmeldte, mest folk mellom tretti og seksti med muskel- og "
        "skjelettplager eller lettere psykiske lidelser. Mange har en arbeidsgiver de skal "
        "tilbake til, så det handler mye om dialogmøter og gradert sykmelding."
    ),
    Q(
        "Ja, dialogmøter, det husker jeg fra da jeg jobbet i Nav selv. Vi hadde dem alltid på "
        "et lite møterom uten vinduer. Men hva skjedde med oppfølgingen da pandemien kom?",
        2,
    ),
    A(
        "Det første halvåret var ganske brutalt. Dialogmøtene ble flyttet til Teams over natta, "
        "og jeg husker et møte der arbeidsgiveren satt i bilen og kjeftet, og brukeren bare satt "
        "og gråt på den lille mobilskjermen sin. Jeg følte meg helt maktesløs, for jeg kunne "
        "ikke gå bort og sette meg ved siden av henne.",
        missed=True,
    ),
    Q(
        "Mm. Jeg hadde en periode selv der jeg jobbet fra hytta, og nettet var så dårlig at jeg "
        "måtte sitte ute på trappa. Men hvordan avgjør dere hvilke møter som skal være på "
        "video?",
        2,
    ),
    A(
        "Nå har vi en fast regel om at det første dialogmøtet skal være fysisk hvis det lar seg "
        "gjøre. Oppfølgingssamtaler etterpå kan gjerne være på video, særlig når brukeren bor "
        "langt unna eller har vondt for å sitte i bil."
    ),
    Q("Hva med utstyret, har det fungert?", 2),
    A("Stort sett. Vi fikk nye headset etter et halvt år, og det hjalp mye på lyden."),
    Q("Kan du fortelle om et videomøte som har satt seg fast i minnet ditt?", 3),
    A(
        "Det var en mann som hadde vært sykmeldt i nesten et år med ryggen. Han satt i en mørk "
        "stue med tunge gardiner, og hele møtet føltes som å sitte i en hule. Han sa at han "
        "hadde sluttet å gå ut. Etter møtet satt jeg lenge og bare så på den svarte skjermen."
    ),
    Q("Hva tenkte du da du satt og så på skjermen?", 3, True),
    A(
        "At jeg ikke visste om han hadde det bra. På kontoret hadde jeg sett hvordan han gikk "
        "ut døra, om han ga meg hånda. Her ble han bare borte med et klikk."
    ),
    Q(
        "Det med klikket kjenner jeg igjen, det er så brått. Jeg pleide alltid å si ha det to "
        "ganger for å gjøre det mykere [ler]. Hva skjer med kroppsspråk, blikk og mimikk over "
        "video?",
        3,
    ),
    A(
        "Det blir mindre av det. Jeg ser ansiktet, men ikke hendene eller om de vipper med "
        "foten. Jeg har begynt å spørre mer om hvordan de har det i kroppen, siden jeg ikke ser "
        "det selv."
    ),
    Q("Hvordan pleier du å åpne et videomøte?", 3),
    A(
        "Jeg starter alltid med å spørre om lyden og bildet er greit, og så hvem som er i "
        "rommet. Etter det tar jeg litt prat om hvordan uka har vært."
    ),
    Q("Hvem som er i rommet, ja. Har du opplevd at det var noen der du ikke visste om?", 3, True),
    A(
        "Ja, én gang. En kvinne fortalte om problemer med samboeren, og midt i setningen kom han "
        "inn i rommet. Hun byttet tema på et sekund og begynte å snakke om været. Jeg skjønte "
        "ingenting før etterpå, og jeg har tenkt mye på om jeg satte henne i fare den gangen.",
        missed=True,
    ),
    Q("Okei. Hvis vi går litt tilbake, hvor lenge har du jobbet i Nav?", 1),
    A("Snart fjorten år. Jeg var innom en privat attføringsbedrift før det."),
    Q(
        "Attføring, ja, der var jeg også et par år, i en bedrift som lagde paller. Det var en "
        "helt annen verden. Men, eh, hva betyr en god relasjon til brukerne for deg?",
        4,
    ),
    A(
        "For meg er det tillit. At de kan ringe meg når det går dårlig, ikke bare når de må. "
        "Det tar tid å bygge, og på video tar det kanskje enda lengre tid."
    ),
    Q("Hvordan kjennes nærheten og avstanden til brukeren på video?", 4),
    A(
        "Det er en slags glassvegg. Jeg ser dem og hører dem, men jeg kommer ikke helt inn. Og "
        "likevel har noen av dem åpnet seg mer for meg på skjermen enn de noen gang gjorde på "
        "kontoret. Jeg vet ikke helt hva jeg skal tro om det.",
        missed=True,
    ),
    Q(
        "Kan du fortelle om hvordan du har bygget opp kontakten med en bruker du bare har møtt "
        "på skjerm?",
        4,
    ),
    A(
        "Ja, en ung kvinne som flyttet hit fra Trondheim midt i pandemien. Vi hadde møter "
        "annenhver uke i et halvt år før vi møttes fysisk. Vi laget en plan sammen i et delt "
        "dokument, og hun skrev inn hva hun ville jobbe med."
    ),
    Q("Og hvordan var det å møte henne fysisk til slutt?", 4, True),
    A(
        "Pussig. Hun var høyere enn jeg trodde [ler]. Men vi fant tonen fort, det var som om vi "
        "allerede kjente hverandre."
    ),
    Q(
        "Hvordan opplever du at brukeren deltar fra sitt eget hjem, sammenlignet med å komme "
        "til Nav-kontoret?",
        4,
    ),
    A(
        "Hjemme er de på hjemmebane, og det merkes. På kontoret sitter de i våre stoler, under "
        "våre lysrør, og venter på at vi skal bestemme. Ærlig talt synes jeg kontorene våre er "
        "ganske nedverdigende for folk som allerede er langt nede.",
        missed=True,
    ),
    Q(
        "Ja, lysrørene, de er grusomme [ler]. Vi hadde et rom som vi kalte akvariet. Hvilke "
        "egenskaper hos en veileder blir viktige når relasjonen skal bygges over video?",
        4,
    ),
    A(
        "Tålmodighet, og å tåle stillhet. Og man må være litt mer tydelig enn vanlig, si ting "
        "rett ut, fordi de små signalene forsvinner."
    ),
    Q("Tåle stillhet, hva mener du med det?", 4, True),
    A(
        "At man ikke fyller hver pause med prat. På video er det fristende, for stillheten "
        "kjennes lengre. Men det er ofte da de sier det viktige."
    ),
    Q("Hvilken plass ser du for videomøter etter pandemien?", 5),
    A(
        "Jeg tror de blir et fast verktøy. Ikke for alt, men for mange av "
        "oppfølgingssamtalene. Det sparer reisetid for brukerne, og vi kan ha tettere kontakt."
    ),
    Q(
        "Det tror jeg også, vi ser det samme i forskningen. Jeg har selv skrevet litt om det. "
        "Hvilke råd ville du gitt til en ny kollega?",
        5,
    ),
    A(
        "Å ta seg tid til å bli kjent før man går løs på planen. Og å passe på seg selv. Jeg "
        "har sett kolleger gå på en smell av å sitte alene med tunge samtaler dag etter dag, og "
        "det var nære på for meg også. (pause 3 sek) Men ja, det er vel rådene.",
        missed=True,
    ),
    Q("Hva har vi ikke snakket om i dag som du mener er viktig?", 5),
    A("Nei, jeg tror vi har vært innom det meste."),
    Q("Hvordan har det vært for deg å bli intervjuet om dette?", 5),
    A("Fint. Du er flink til å lytte, selv om du prater en del selv [ler]."),
    Q("[ler] Det er sant. Tusen takk, Henrik."),
    A("Bare hyggelig."),
]

# Merged questions, jumps back, a question without its question mark, a topic off the guide.
EN_01: Turns = [
    Q("Okay, we're recording now. Thanks so much for making the time."),
    A("No problem, happy to help."),
    Q(
        "Could you tell me a little about your role, and what a typical working week looks "
        "like for you at the moment?",
        1,
    ),
    A(
        "I'm a product manager at a mid-sized software company, been there about six years. "
        "These days I'm in the office on Tuesdays and Thursdays and at home the rest of the "
        "week, with a lot of calls across three time zones."
    ),
    Q("How did working from home first become part of your job?", 1),
    A(
        "It was overnight, like for everyone. I remember packing my monitor into a shopping "
        "trolley from the office, and my daughter was about two months old, so I was suddenly "
        "doing stand-ups with a baby on my shoulder. Honestly I was terrified I'd lose my job "
        "because I couldn't keep up.",
        missed=True,
    ),
    Q("Could you describe the place where you work when you are at home?", 2),
    A(
        "It's a box room at the back of the house. A desk, two screens, a decent chair I bought "
        "myself, and a ring light my team laughs at. The door doesn't lock, which matters with "
        "two kids now."
    ),
    Q("How do you decide which days you spend at the office", 2),
    A(
        "Mostly it's decided for me. The team agreed on Tuesdays and Thursdays, and I try to "
        "put the workshops and one-to-ones on those days so the commute is worth it."
    ),
    Q("And how would you describe your concentration on the days you work from home?", 2),
    A(
        "Better in some ways. At home I can go deep for a couple of hours. But sometimes it "
        "feels like working in a fishbowl, with everyone watching the green dot next to my name "
        "to check I'm still there."
    ),
    Q("A fishbowl?", 2, True),
    A(
        "Yeah. There's this pressure to answer every message within a minute, to prove you're "
        "not slacking. Nobody says it out loud, but you feel it."
    ),
    Q(
        "Mm. Could you tell me about a piece of work you did together with colleagues while "
        "you were apart?",
        3,
    ),
    A(
        "We rebuilt the onboarding flow for our app during the second lockdown. Five of us, all "
        "remote, using a shared whiteboard tool. We did two-week sprints, daily stand-ups at "
        "nine, and a demo every other Friday. It shipped on time and the numbers went up by "
        "about fifteen per cent."
    ),
    Q(
        "What stands out to you when you compare a video meeting with a meeting in the same room?",
        3,
    ),
    A(
        "I go back and forth on that. In a room, I can read people, I can see when someone's "
        "about to speak and holds back. On video I miss all that. But the quieter people on my "
        "team actually speak more on video, they use the chat. So I love it and I hate it, "
        "really.",
        missed=True,
    ),
    Q(
        "Going back to the start for a second, how long had you been a product manager when "
        "the pandemic started?",
        1,
    ),
    A("About two years. Before that I was a developer."),
    Q("What has it been like to get to know a new colleague mostly through a screen?", 3),
    A(
        "Hard. We hired a designer in 2021 and I didn't meet her in person for eight months. "
        "When we finally had lunch together she told me she'd nearly quit in her first month "
        "because she thought we all disliked her. That really shook me, because I had no idea.",
        missed=True,
    ),
    Q(
        "How do you switch off from work at the end of the day, and what does belonging to "
        "your workplace mean to you now?",
        4,
    ),
    A(
        "Switching off, I close the laptop and put it in a drawer, literally. Then I walk the "
        "dog. Belonging, I suppose it's the people on my team more than the company as such."
    ),
    Q("Put it in a drawer?", 4, True),
    A(
        "Yeah, if it's on the desk I'll check it at ten at night. Out of sight, out of mind, "
        "mostly."
    ),
    Q("Right. How would you describe a good working day for you today?", 4),
    A(
        "A day with one big chunk of uninterrupted time, a good conversation with someone on "
        "the team, and finishing before the kids come home."
    ),
    Q("Let's go back to the collaboration part. Do you use the chat more than video?", 3),
    A(
        "Much more. Chat is where most of the work happens now. Although chat is also where "
        "things went really wrong last year, with a thread that got out of hand … anyway.",
        missed=True,
    ),
    Q("Okay. What about your manager, how often do you see her?", 3),
    A(
        "Once a week, one-to-one on video, and in the office every other Thursday. She's good, "
        "she keeps it short."
    ),
    Q("How has working remotely affected your family life?", 4),
    A(
        "It's given me more time with the kids, which I wouldn't trade. But there was a period "
        "where my son, he's five, started saying Daddy's at the computer every time someone "
        "asked where I was. That hurt more than I expected. I felt like I was there and not "
        "there at the same time."
    ),
    Q("You said you were there and not there. What did that mean for you?", 4, True),
    A(
        "That my body was at home but my head was in the sprint. I've tried to be stricter since "
        "then, no phone at dinner, that kind of thing."
    ),
    Q(
        "What have we not talked about that you think matters for understanding your "
        "experience of working remotely?",
        5,
    ),
    A(
        "Maybe how lonely it can get for people who live alone. One of my developers lives by "
        "himself in a studio flat, and during the lockdowns he told me some weeks I was the "
        "only person he spoke to. That's heartbreaking, and I still don't know if I did enough.",
        missed=True,
    ),
    Q("How has it been for you to talk about this today?", 5),
    A("It's been good, actually. It made me realise how much has changed in a few years."),
    Q("Thank you, Tom, that was really helpful."),
    A("My pleasure."),
]

INTERVIEWS: dict[str, tuple[str, str, str | None, Turns]] = {
    "unseen-nb-01": ("Kari Vik", "Tone Aas", None, NB_01),
    "unseen-nb-02": ("Lise Eide", "Henrik Moe", None, NB_02),
    "unseen-en-01": ("Dana Price", "Tom Hale", "remote-work-en", EN_01),
}


def main() -> None:
    write_interviews(HERE, INTERVIEWS)


if __name__ == "__main__":
    main()
