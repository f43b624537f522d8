"""Generate the review dev interviews of issue 16 (Teams .vtt + truth.json).

Three short fictive interviews written for this set (none copies a real transcript), each
by a different interviewer with habits the earlier sets lack: merged topics («hva skjedde
… og hvordan var det første …»), a jump back to an earlier topic, a personal digression,
a guide followed loosely, and a long preamble that comments on the answer before asking
the next guide question (a said-back word in a preamble is not a follow-up). Two are in
English on ``guide/remote-work-en.yaml``; the truth file names the guide in ``guide``.

Labels: ``topic`` of every question (1-based guide topic), ``follow_up`` when the question
takes up the informant's previous turn, and ``missed`` on an informant turn with a rich
moment (a feeling of their own, an image, a charged episode, ambivalence) after which the
interviewer asked something new. Run ``python tests/data/review/dev/make_dev.py``.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
from make_samples import A, Q, write_interviews  # noqa: E402  (the one Teams .vtt + truth writer)

Turns = list[Q | A]

EN_01: Turns = [
    Q("Thanks for doing this. The recording is on now, and you can stop at any point."),
    A("Sure, no problem."),
    Q("So to start, could you tell me a bit about what you do?", 1),
    A(
        "I'm a data analyst at an insurance company. I've been there about six years, on a "
        "team of eight people, and most of us live in different cities now."
    ),
    Q("And how did working from home start for you?", 1),
    A(
        "It was the lockdown, like for everyone. We were sent home on a Thursday with our "
        "laptops and told it would be two weeks. I remember carrying my monitor on the bus. "
        "Two weeks became two years."
    ),
    Q("What's a normal week like now?", 1),
    A("Three days at home, two in the office. Tuesday and Thursday are office days."),
    Q("Take me through yesterday, say, from when you started work.", 2),
    A(
        "Yesterday I started at half seven at the kitchen table, before the kids were up. "
        "Then the school run, and at nine I had a call with the Leeds office. Honestly, the "
        "worst moment was around two, when I realised I hadn't spoken to a single person face "
        "to face all day. It felt like being a ghost in my own house.",
        missed=True,
    ),
    Q("How do you choose your office days?", 2),
    A("Mostly the team decides. We agreed on Tuesdays and Thursdays a year ago."),
    Q("Right. And meetings, what's the difference between a video meeting and one in a room?", 3),
    A(
        "In a room you can see who wants to speak. On video everyone waits, and then two "
        "people start at once and both stop. I find myself rehearsing what I'll say, which is "
        "exhausting."
    ),
    Q("Rehearsing?", 3, True),
    A(
        "Yeah, like, I write a sentence in my head and wait for a gap. By the time the gap "
        "comes the topic has moved on. So I say less than I would in a room."
    ),
    Q("Going back to your home setup for a second, where do you sit when you work from home?", 2),
    A(
        "The spare bedroom, which is also where the laundry dries. There's a desk I bought "
        "second hand and a chair that's killing my back."
    ),
    Q("How's your concentration on those home days?", 2),
    A(
        "Better in the morning. In the afternoons I drift. I check messages all the time, "
        "because if I don't answer quickly I worry that people think I'm not working.",
        missed=True,
    ),
    Q("How do you switch off when the day is done?", 4),
    A(
        "I don't, really. I close the laptop but the phone is there. Last month I answered an "
        "email at eleven at night during my daughter's birthday, and I felt awful about it "
        "afterwards."
    ),
    Q("You felt awful about it?", 4, True),
    A("Yes. She didn't notice, I think, but I did. It was a small thing and it still bothers me."),
    Q("Have you had anyone new join the team while you've been working remotely?", 3),
    A(
        "We had a graduate join last spring. I met her in person after four months. She was "
        "taller than I thought, which is a silly thing to notice."
    ),
    Q("What did it take to get to know her?", 3, True),
    A(
        "Mostly pairing on screen. We'd keep a call open for an hour and just work side by "
        "side. That helped more than any team social."
    ),
    Q("What does belonging to the company mean for you now?", 4),
    A(
        "It's thinner. I like my team, but the company is a logo on my laptop. Sometimes I "
        "feel like a freelancer who happens to have a pension.",
        missed=True,
    ),
    Q("Is there anything we haven't covered that you think matters?", 5),
    A("Maybe just that it's not all bad. I see my kids more. I wouldn't go back to five days."),
    Q("And how was it doing this interview?", 5),
    A("Fine, it was nice to think about it out loud."),
    Q("Great, thank you so much."),
]

EN_02: Turns = [
    Q("Okay, we're recording. Thanks again for making time."),
    A("Happy to."),
    Q("So you work in a design agency, right? How did the remote thing begin for you?", 1),
    A(
        "I actually chose it. I moved to the coast two years ago, for my mum, who was ill, and "
        "my boss said I could keep my job if I came in once a month."
    ),
    Q("And your mum, how is she now?", 1, True),
    A(
        "Better, thanks. She's living on her own again. That was part of why I stayed here "
        "even after she recovered, I didn't want to be four hours away again. It's a strange "
        "mix of guilt and relief, being near her.",
        missed=True,
    ),
    Q("Let's talk about a normal day. What does a working day at home look like for you?", 2),
    A(
        "Coffee, dog walk, then I open the laptop at nine. I work in the attic, it's got a "
        "skylight, so I see clouds all day."
    ),
    Q(
        "I love that, clouds all day. I'd like to hear about working with others as well. Can "
        "you tell me about a project where you worked with colleagues while you were apart?",
        3,
    ),
    A(
        "Last autumn we rebranded a bakery chain. Four of us, in three places. We used a shared "
        "board, and it worked until the client came in with changes at the last minute. Then "
        "it was chaos, messages everywhere, nobody knew which version was the latest. I "
        "remember sitting in the attic at midnight feeling completely alone with it."
    ),
    Q("Alone with it, how do you mean?", 3, True),
    A(
        "Like, in the office someone would have turned their chair around and said, let's "
        "sort this out. At home it was just me and the notifications."
    ),
    Q("And video calls compared to meetings in person, what's different?", 3),
    A(
        "Video is fine for the client. For the team it's worse, because the jokes die. We "
        "used to laugh a lot. Now there's a two second delay, and a joke is dead by the time "
        "it lands.",
        missed=True,
    ),
    Q(
        "Yeah, I've heard that before, the delay thing, lots of people say that, it's kind of "
        "a classic. Thinking about the end of your day, when your home is where you work, how "
        "do you stop working?",
        4,
    ),
    A(
        "The dog decides. At six he stands by the door. If I didn't have him I'd probably "
        "work until I fell asleep."
    ),
    Q("Going back to the attic, how did it come to be your office?", 2),
    A(
        "It was storage. I cleared it out in a weekend, painted it white and put a desk under "
        "the skylight."
    ),
    Q("How do you feel about belonging at the agency, when you're only in once a month?", 4),
    A(
        "I go back and forth. On the train in, I'm excited. By lunch I feel like a visitor. "
        "People have in-jokes I don't get, and I laugh anyway. Then on the way home I'm "
        "relieved.",
        missed=True,
    ),
    Q("What would a good working day be for you these days?", 4),
    A(
        "A day where I finish something, walk the dog in daylight, and talk to at least one "
        "colleague about something that isn't work."
    ),
    Q("Is there anything else you'd like to add that we haven't talked about?", 5),
    A("No, I think we covered it."),
    Q("Thanks Priya, that was really helpful."),
]

NB_01: Turns = [
    Q("Da er opptaket i gang. Takk for at du stiller opp."),
    A("Bare hyggelig."),
    Q("Kan du starte med å fortelle litt om deg selv og hvordan du havnet i Nav?", 1),
    A(
        "Jeg er utdannet sosionom, jobbet i barnevernet i tre år, og så søkte jeg meg til Nav "
        "i 2017. Nå er jeg på oppfølging over tretti."
    ),
    Q("Hva skjedde med oppfølgingen da pandemien kom, og hvordan var det første videomøtet?", 2),
    A(
        "Alt stengte på en dag. Vi satt hjemme og ringte rundt til brukerne. Det første "
        "videomøtet husker jeg godt, brukeren satt i bilen sin fordi det var det eneste stedet "
        "hun kunne være alene. Jeg ble faktisk litt rørt av det, at hun hadde kjørt ut på en "
        "parkeringsplass for å snakke med meg.",
        missed=True,
    ),
    Q("Hvordan bestemmer du hvilke samtaler som skal være på video?", 2),
    A(
        "Det er mest praktisk. Korte avklaringer tar vi på video, og første møte vil jeg helst "
        "ha fysisk."
    ),
    Q("Hva merker du når du sammenligner en samtale på skjerm med en ansikt til ansikt?", 3),
    A(
        "På skjermen ser jeg bare ansiktet. Jeg mister hendene, foten som vipper under bordet. "
        "Det er som å lese en bok der annenhver side er revet ut."
    ),
    Q("Annenhver side revet ut, hva er det du mister mest?", 3, True),
    A("Uroen, tror jeg. Når noen er stresset, ser jeg det på kroppen før de sier det."),
    Q("Hvordan åpner du vanligvis et videomøte?", 3),
    A("Jeg spør hvordan de har det og om de sitter greit. Litt småprat om været."),
    Q(
        "Jeg tenker på det du sa om brukeren i bilen. Hvordan bygger du kontakt med noen du "
        "bare har møtt på skjerm?",
        4,
    ),
    A(
        "Det tar lengre tid. Jeg må være tydeligere på at jeg husker det de fortalte sist. "
        "Noen ganger føler jeg meg som en skuespiller som spiller varm, og det liker jeg ikke.",
        missed=True,
    ),
    Q("Hvor går grensen mellom det private og det personlige når dere ser inn i hjemmene?", 4),
    A("Jeg har en hvit vegg bak meg. Men jeg ser jo inn i stua deres, barna, oppvasken."),
    Q("Tilbake til hjemmekontoret ditt, hvordan er det å møte brukere fra ditt eget hjem?", 2),
    A(
        "Det er greit nå. I starten satt jeg på soverommet, med senga i bakgrunnen. Nå har jeg "
        "et skikkelig skrivebord i stua."
    ),
    Q("Hva betyr en god relasjon til brukerne for deg?", 4),
    A("At de tør å si fra når noe ikke fungerer, og ikke bare sier det de tror jeg vil høre."),
    Q("Til slutt, er det noe vi ikke har snakket om som du vil legge til?", 5),
    A("Nei, jeg tror det var det."),
    Q("Tusen takk."),
]

# An interviewer who follows up most cues (a said-back word, «Kan du si mer om det?», a
# question on the image) and moves on after ordinary factual answers: only a cue left for a
# new guide question is missed (precision on follow-up-heavy interviews).
NB_02: Turns = [
    Q("Da har jeg startet opptaket. Fint at du kunne i dag."),
    A("Ja, gjerne."),
    Q("Kan du fortelle litt om deg selv og veien din inn i Nav?", 1),
    A(
        "Jeg er økonom i bunnen og begynte i Nav i 2015 etter noen år i bank. Nå jobber jeg "
        "på ungdomsteamet."
    ),
    Q("Hvor lenge har du jobbet med oppfølging av brukere?", 1),
    A("Snart ni år. De første fem var nesten bare fysiske møter på kontoret."),
    Q("Hva skjedde med oppfølgingen din da kontoret stengte i mars 2020?", 2),
    A(
        "Det var kaos. Jeg følte meg helt hjelpeløs den første uka, telefonen ringte hele tiden "
        "og jeg visste ikke hva jeg skulle si til ungdommene."
    ),
    Q("Hjelpeløs?", 2, True),
    A(
        "Ja. Jeg er vant til å ha en plan, og plutselig hadde ingen en plan. "
        "Det var en rar følelse."
    ),
    Q("Kan du si mer om det?", 2, True),
    A(
        "Jeg tror jeg skjønte hvor mye av jobben som sitter i rommet. Håndtrykket, kaffen, at "
        "de ser at jeg er der."
    ),
    Q("Kan du fortelle om det første videomøtet du hadde med en bruker?", 2),
    A(
        "Det var en gutt på nitten som hadde kameraet rettet mot taket hele tiden. Jeg så bare "
        "en taklampe i førti minutter."
    ),
    Q("En taklampe i førti minutter, hva gjorde du da?", 2, True),
    A("Jeg lot det være. Det var kanskje den eneste måten han orket å være med på."),
    Q(
        "Hva legger du merke til når du sammenligner en samtale på skjerm "
        "med en ansikt til ansikt?",
        3,
    ),
    A(
        "Samtalene blir kortere og mer effektive. Vi holder oss til saken. Men det er noe som "
        "forsvinner, jeg vet ikke helt hva...",
        missed=True,
    ),
    Q("Hvordan pleier du å åpne et videomøte med en bruker?", 3),
    A("Jeg leser gjennom saken først og skriver ned tre punkter. Så sjekker jeg lenken."),
    Q("Hvordan har du bygget opp kontakten med en bruker du bare har møtt på skjerm?", 4),
    A(
        "Det er vanskelig å forklare. På en måte er det lettere, for de slipper å komme hit, men "
        "på en annen måte kjennes det som å snakke gjennom en glassvegg. Jeg vet ærlig talt ikke "
        "om jeg når fram.",
        missed=True,
    ),
    Q("Hvor går grensen mellom det private og det personlige når dere ser inn i hjemmene?", 4),
    A("Jeg spør alltid om det passer, og om noen andre er i rommet."),
    Q("Mhm."),
    A("Og hvis det er småsøsken der, foreslår jeg at vi tar det på telefon i stedet."),
    Q("Hva betyr en god relasjon til brukerne for deg?", 4),
    A("At de kommer tilbake. At de svarer når jeg ringer, egentlig."),
    Q("At de svarer når du ringer?", 4, True),
    A("Ja, det høres lite ut, men for mange av disse ungdommene er det et stort steg."),
    Q("Til slutt, er det noe vi ikke har snakket om som du vil legge til?", 5),
    A("Nei, det tror jeg ikke. Takk for at jeg fikk være med."),
    Q("Tusen takk for praten."),
]

EN_03: Turns = [
    Q("Okay, we're recording now. Thanks again for making the time."),
    A("Happy to help."),
    Q("Could you tell me a little about your role in your organisation?", 1),
    A(
        "I'm a project coordinator at an engineering consultancy. I handle schedules and "
        "budgets for about five projects at a time."
    ),
    Q("How did working from home first become part of your job?", 1),
    A(
        "It started in 2020 like for most people, and then the company decided to keep two "
        "home days a week."
    ),
    Q("Could you describe the place where you work when you are at home?", 2),
    A(
        "It's the spare bedroom. I share it with the ironing board and a treadmill nobody "
        "uses. Honestly it feels like working in a storage cupboard."
    ),
    Q("A storage cupboard?", 2, True),
    A("Yes, no window, boxes everywhere. I keep meaning to sort it out."),
    Q("What stops you from sorting it out?", 2, True),
    A("Time, mostly. And maybe I don't want it to feel too permanent."),
    Q("Too permanent, what do you mean?", 2, True),
    A(
        "If I make it nice, then it's official that this is where I work now. Part of me still "
        "thinks of the office as the real place."
    ),
    Q("How would you describe your concentration on the days you work from home?", 2),
    A("Much better. I get the long documents done at home and save meetings for office days."),
    Q("How do you decide which days you spend at the office?", 2),
    A("The team agreed on Tuesdays and Wednesdays, so that's fixed."),
    Q("What has it been like to get to know a new colleague mostly through a screen?", 3),
    A(
        "We hired a junior last spring and I still don't really know her. I was embarrassed "
        "when I realised she'd been ill for two weeks and I hadn't noticed. It kind of haunts "
        "me, to be honest.",
        missed=True,
    ),
    Q(
        "What stands out to you when you compare a video meeting with a meeting in the same room?",
        3,
    ),
    A("Video meetings start on time and end on time. In the room we run over, every time."),
    Q("How do you switch off from work at the end of the day?", 4),
    A("I turn the laptop off at five and put it in a drawer. Out of sight, out of mind."),
    Q("Out of sight, out of mind?", 4, True),
    A("If I can see it, I'll check it. My partner says I'm like a moth with a lamp."),
    Q("Like a moth with a lamp, say more about that.", 4, True),
    A("I just get drawn in. It's not dramatic, it's a habit I'm trying to break."),
    Q("How would you describe a good working day for you today?", 4),
    A("One where I finish what I planned and still have energy for a walk."),
    Q("How has it been for you to talk about this today?", 5),
    A("Fine, actually. It made me think about that spare room."),
    Q("Thank you so much."),
]

INTERVIEWS: dict[str, tuple[str, str, str, Turns]] = {
    "dev-en-01": ("Helen Marsh", "Owen Clarke", "remote-work-en", EN_01),
    "dev-en-02": ("Sam Okafor", "Priya Nair", "remote-work-en", EN_02),
    "dev-nb-01": ("Kjersti Lunde", "Håkon Berg", "nav-videooppfolging", NB_01),
    "dev-nb-02": ("Marte Aas", "Sindre Lie", "nav-videooppfolging", NB_02),
    "dev-en-03": ("Laura Finch", "Tom Reyes", "remote-work-en", EN_03),
}


def main() -> None:
    write_interviews(HERE, INTERVIEWS)


if __name__ == "__main__":
    main()
