"""Generate two more labelled review interviews for issue 16 (Teams .vtt + truth.json).

Written for the missed-follow-up precision work, before the detection was changed, by an
engineer who labelled each answer as a researcher would (none copies a real transcript).
Interviewer habits the dev sets have less of: two guide questions merged in one turn, a
jump back to an earlier topic, the interviewer's own digression before the next guide
question, a preamble that says the informant's words back before asking something new,
and many long *factual* answers (a career, a routine, a rule of thumb) followed by a new
question: those are not missed follow-ups, however long. ``missed`` marks an informant
turn with a feeling of their own, a concrete charged episode or a striking image after
which the interviewer moved to a new question. Run
``python tests/data/review/fresh/make_fresh.py``.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
from make_samples import A, Q, write_interviews  # noqa: E402  (the one Teams .vtt + truth writer)

Turns = list[Q | A]

NB_01: Turns = [
    Q("Sånn, nå tar vi opp. Takk for at du tok deg tid."),
    A("Ja da, det går fint."),
    Q("Hvor lenge har du jobbet med oppfølging av brukere, og hvordan havnet du i Nav?", 1),
    A(
        "Jeg begynte i Nav i 2015, etter noen år i en bank. Først var jeg på mottak, så gikk "
        "jeg over til oppfølging av unge under tretti i 2018. Nå har jeg rundt sekstifem "
        "brukere, de fleste mellom atten og tjuefem, og jobber på et kontor med tolv veiledere."
    ),
    Q("Kan du beskrive brukerne du følger opp i det daglige?", 1),
    A(
        "Mange har droppet ut av videregående, noen har psykiske plager, og en del har aldri "
        "hatt en jobb. Vi har også en del som har vært i tiltak i flere år. Det varierer mye "
        "fra uke til uke hvem som tar kontakt og hvem som forsvinner."
    ),
    Q("Hva skjedde med oppfølgingen da pandemien kom?", 2),
    A(
        "Det var kaos de første ukene. Jeg husker at jeg satt på kjøkkenet med to telefoner og "
        "ringte gjennom hele lista mi. En gutt jeg hadde fulgt i to år tok ikke telefonen på tre "
        "uker, og jeg lå våken om nettene og tenkte at nå har han gitt opp. Jeg var ordentlig "
        "redd for ham.",
        missed=True,
    ),
    Q("Hvordan avgjør du hvilke samtaler som skal gå på video?", 2),
    A(
        "Vi har en slags tommelfingerregel på kontoret. Korte statusmøter og oppfølging av "
        "aktivitetsplanen tar vi gjerne på video, mens første samtale, vanskelige beskjeder og "
        "møter med arbeidsgivere helst skal være fysiske. Men det blir ofte styrt av hva "
        "brukeren selv ønsker og hvor langt de bor fra kontoret."
    ),
    Q("Hva har utstyr og nettforbindelse hatt å si?", 2),
    A(
        "Mye. Halvparten av de unge har bare mobil, og da ser jeg taket eller haka deres. En "
        "jente satt alltid med kameraet mot lampa, så jeg så bare et lyst hull i skjermen. Det "
        "er som å snakke med et spøkelse."
    ),
    Q("Et spøkelse?", 2, True),
    A("Ja, du får ingen ansiktsuttrykk, bare en stemme og et lys. Jeg vet ikke om hun smiler."),
    Q("Hvordan var det for deg å ha de møtene hjemmefra, fra ditt eget hjem?", 2),
    A(
        "I starten satt jeg på soverommet med senga bak meg, og det føltes helt feil å ha "
        "brukerne inne på soverommet mitt. Jeg skammet meg nesten. Nå har jeg ryddet et hjørne "
        "i stua med en bokhylle bak.",
        missed=True,
    ),
    Q(
        "Hvis vi går litt tilbake til starten, hvor lenge hadde du jobbet med unge da "
        "pandemien kom?",
        1,
    ),
    A("Omtrent to år. Jeg var fortsatt ganske ny på oppfølging."),
    Q("Kan du fortelle om et videomøte som har satt seg fast i minnet ditt?", 3),
    A(
        "Det var en mann på rundt femti som skulle få avslag på arbeidsavklaringspenger. Jeg "
        "hadde øvd på hva jeg skulle si. Da jeg sa det, ble han bare sittende og se ned, og så "
        "slo han av kameraet. Jeg satt der og så på mitt eget ansikt i et lite vindu og visste "
        "ikke om han fortsatt var der. Det var den ensomste halvtimen jeg har hatt i denne "
        "jobben.",
        missed=True,
    ),
    Q("Hva skjer med kroppsspråk og blikk i en samtale over video?", 3),
    A(
        "Blikket blir rart, fordi kameraet sitter over skjermen. Hvis jeg ser brukeren i øynene, "
        "ser det ut som jeg ser ned. Så jeg har lært meg å se i kameraet når jeg sier noe "
        "viktig, og på skjermen når jeg lytter. Kroppsspråket under skuldrene forsvinner helt."
    ),
    Q("Se i kameraet når du sier noe viktig, kan du gi et eksempel?", 3, True),
    A("Når jeg oppsummerer hva vi har blitt enige om, for eksempel. Da ser jeg rett i kameraet."),
    Q(
        "Jeg har selv jobbet litt med video i en tidligere jobb, og jeg syntes alltid det var "
        "vanskelig med pauser. Hvordan opplever du pauser og stillhet i en samtale på video?",
        3,
    ),
    A(
        "Stillhet på video er tyngre enn i et rom. I et rom kan vi begge se ut av vinduet. På "
        "skjermen blir en pause på fem sekunder til en evighet, og jeg kjenner at jeg får lyst "
        "til å fylle den. Det har jeg skammet meg over etterpå, for jeg vet at det ofte er i "
        "pausen brukeren er i ferd med å si noe viktig.",
        missed=True,
    ),
    Q("Hva betyr en god relasjon til brukerne for deg, og hvordan bygger du den på skjerm?", 4),
    A(
        "En god relasjon er at de tar kontakt når noe går galt, ikke bare når jeg ringer. På "
        "skjerm bruker jeg mer tid på småprat i starten, og jeg skriver ned ting de forteller, "
        "som navnet på hunden eller at de skal på konsert, så jeg kan spørre om det neste gang. "
        "Det fungerer ganske bra, synes jeg."
    ),
    Q("Hvordan opplever du at brukeren deltar fra sitt eget hjem?", 4),
    A(
        "Noen er mer avslappet hjemme. Andre sitter med foreldrene i rommet ved siden av og "
        "hvisker. En gutt sendte meg en melding etter møtet der han skrev at han ikke kunne si "
        "alt fordi faren hørte på. Det gjorde noe med meg. Siden da har jeg alltid spurt i "
        "starten om de kan snakke fritt.",
        missed=True,
    ),
    Q("Hvor ofte møter du brukerne når oppfølgingen går på video?", 2),
    A(
        "Oftere enn før, men kortere. Før var det et møte i måneden på en time, nå kan det være "
        "en kort prat hver andre uke på tjue minutter."
    ),
    Q("Hvilken plass ser du for videomøter etter pandemien?", 5),
    A(
        "De kommer til å bli værende for de korte samtalene. Men jeg håper vi aldri går tilbake "
        "til at alt skal være på skjerm."
    ),
    Q("Hvilke råd ville du gitt til en ny kollega?", 5),
    A("Spør om de kan snakke fritt. Og tål stillheten."),
    Q("Hvordan har det vært å bli intervjuet om dette?", 5),
    A("Det har vært fint, egentlig. Jeg har ikke tenkt så mye over det før."),
    Q("Tusen takk for praten."),
]

EN_01: Turns = [
    Q("Okay, we're recording. Thanks for making the time."),
    A("Happy to."),
    Q("Could you tell me a little about your role, and what a typical week looks like?", 1),
    A(
        "I'm a project manager at an engineering consultancy. We design water treatment "
        "plants, mostly for municipalities. A typical week is two days on site or at the "
        "client, one day at our office in town and two days at home. I manage three projects "
        "at the moment, with about fifteen people across them."
    ),
    Q("How did working from home first become part of your job?", 1),
    A(
        "Before the pandemic it was unheard of. My old boss used to say that if he couldn't see "
        "you, you weren't working. Then one Monday in March we were all sent home, and I "
        "remember sitting on the stairs with my laptop on my knees because the kids had taken "
        "the kitchen table for school. I felt like a teenager hiding from my parents.",
        missed=True,
    ),
    Q("Could you describe the place where you work at home now?", 2),
    A(
        "We converted the garage last year. It has a proper desk, two screens, a heater and a "
        "window onto the garden. It took about three months to finish, but it means I can "
        "close a door."
    ),
    Q("How do you decide which days you spend at the office?", 2),
    A(
        "It depends on the project meetings. If the design team is meeting, I go in. Otherwise "
        "I look at the weather and the trains, honestly."
    ),
    Q("So, the weather and the trains. And how's your concentration on the home days?", 2),
    A(
        "Much better than in the office. I do the detailed work at home, the reports and the "
        "budgets, and I can go for three hours without looking up. In the office I get "
        "interrupted every ten minutes, so I save the meetings for those days."
    ),
    Q(
        "I have to say I'm the opposite, I can't work at home at all with my dog around. "
        "Anyway, could you tell me about a piece of work you did with colleagues while you "
        "were apart?",
        3,
    ),
    A(
        "The big one was a tender for a plant in the north. Eight of us wrote it over six weeks "
        "without meeting once. The night before the deadline the document got corrupted and we "
        "lost two days of edits. I remember staring at the screen at one in the morning, "
        "shaking, with everyone on the call and nobody saying anything. Then someone found a "
        "backup on her laptop and we all just started laughing.",
        missed=True,
    ),
    Q("What stands out when you compare a video meeting with a meeting in the same room?", 3),
    A(
        "In the room you get the side conversations, the bit before and after. On video the "
        "meeting starts at the second and ends at the second. All the real decisions used to "
        "happen by the coffee machine."
    ),
    Q("The coffee machine, what happened there?", 3, True),
    A(
        "People would say what they really thought. In the meeting everyone is polite, and "
        "then at the coffee machine you hear that the client is impossible."
    ),
    Q("What has it been like to get to know a new colleague mostly through a screen?", 3),
    A(
        "We hired a graduate last autumn. I had met her for maybe four hours in person by "
        "Christmas. She was very quiet on calls, and I assumed she was fine. In January she "
        "told me she had been crying after work most days because she thought everyone was "
        "disappointed in her. I had no idea. It still makes me feel sick that I didn't see it.",
        missed=True,
    ),
    Q("Going back to your garage office, do you use it in the evenings as well?", 2),
    A("Sometimes, if there's a deadline. Usually I stay out of it after six."),
    Q("How do you switch off at the end of the day?", 4),
    A(
        "I walk the dog around the block. When I come back through the front door, the work "
        "day is over, at least that's the idea."
    ),
    Q("What does belonging to your workplace mean to you now?", 4),
    A(
        "Less than it used to, if I'm honest. I used to know everyone's kids' names. Now I know "
        "the people on my projects and that's it. Sometimes on a Friday I look at the company "
        "chat and see photos from an office party I didn't know about, and I feel like a ghost "
        "walking past a lit window.",
        missed=True,
    ),
    Q("How would you describe a good working day for you today?", 4),
    A("A day on site, with mud on my boots, and then a quiet evening."),
    Q("What have we not talked about that you think matters?", 5),
    A("Maybe that it's not the same for everyone. The young ones have it harder than me."),
    Q("Thank you, that's really helpful. How has it been to talk about this today?", 5),
    A("Fine. Good, actually."),
    Q("Thanks so much."),
]

INTERVIEWS: dict[str, tuple[str, str, str | None, Turns]] = {
    "fresh-nb-01": ("Siri Nygård", "Jonas Berg", None, NB_01),
    "fresh-en-01": ("Helen Ward", "Sam Okafor", "remote-work-en", EN_01),
}


def main() -> None:
    write_interviews(HERE, INTERVIEWS)


if __name__ == "__main__":
    main()
