"""Red flags recruiters punish, in the many ways people say them (spoken, indirect, as a statement or as a
plan), in Dutch and English, and the good answers that look like them but must not be flagged."""

from __future__ import annotations

import pytest

from coach import check
from coach.analysis.engine import run_criterion

# (criterion, lang, answer): each must give the criterion's warning
FLAGGED = [
    # blaming others, also indirectly
    ("attitude.blame", "nl", "Als ze me gewoon hadden laten doen, was die migratie in twee weken klaar geweest."),
    ("attitude.blame", "nl", "De release liep uit, maar dat lag niet aan mij, ik had mijn tickets gewoon af."),
    ("attitude.blame", "nl", "Ze zeggen dat ik te kortaf ben, maar dat is eerlijk gezegd meer hun probleem dan het mijne."),
    ("attitude.blame", "nl", "Die leads waren gewoon waardeloos, allemaal mensen die nooit iets wilden kopen."),
    ("attitude.blame", "nl", "Mijn target was compleet onrealistisch, dus ja, dan haal je het ook niet."),
    ("attitude.blame", "nl", "Dat het project misging, ligt echt aan hoe die organisatie in elkaar zat."),
    ("attitude.blame", "en", "Honestly, I was set up to fail on that account from day one."),
    ("attitude.blame", "en", "If my manager had just let me run it my way, we'd have shipped in March."),
    ("attitude.blame", "en", "The leads were rubbish, half of them didn't even know what we sold."),
    ("attitude.blame", "en", "The go-live slipped two months, but that was not on my side at all."),
    ("attitude.blame", "en", "Most of the time the site is slow because of their own fault, they install everything."),
    ("attitude.blame", "en", "The quota was completely unrealistic for a new territory."),
    # badmouthing an employer or colleagues
    ("attitude.badmouthing", "nl", "Mijn baas was echt een idioot, die wist niet eens wat een sprint was."),
    ("attitude.badmouthing", "nl", "Ik zit nu bij een verzekeraar in Zwolle en het is daar eerlijk gezegd één grote chaos."),
    ("attitude.badmouthing", "nl", "Het is een behoorlijk toxische cultuur, iedereen zit elkaar daar dwars."),
    ("attitude.badmouthing", "nl", "Onze directeur heeft totaal geen benul van wat wij op de werkvloer doen."),
    ("attitude.badmouthing", "nl", "Ik wil daar zo snel mogelijk weg, dat mag je best weten."),
    ("attitude.badmouthing", "en", "My manager is a complete micromanager, you can't send an email without her approval."),
    ("attitude.badmouthing", "en", "The whole place is toxic, people get shouted at in meetings."),
    ("attitude.badmouthing", "en", "Our team lead takes credit for everything we build and then blames us when it breaks."),
    ("attitude.badmouthing", "en", "I'm so done with that place, the management has no clue what we actually do."),
    # dishonesty presented as smart
    ("attitude.integrity", "nl", "Ik heb de forecast voor de directie een stuk rooskleuriger voorgesteld, anders kreeg ik gedoe."),
    ("attitude.integrity", "nl", "Ik heb de klant verteld dat de koppeling live stond, terwijl die eigenlijk nog niet af was."),
    ("attitude.integrity", "nl", "Als het nodig is meld ik me dan even een paar dagen ziek, dan ben ik eerder vrij."),
    ("attitude.integrity", "en", "I fudged the pipeline numbers a little so the quarter looked fine."),
    ("attitude.integrity", "en", "I assured the client the fix was live while it actually wasn't, to keep him calm."),
    ("attitude.integrity", "en", "If it's a small patch I just push it straight to production, no need to bother the team."),
    # arrogance
    ("attitude.arrogance", "nl", "Ik ben gewoon beter dan de rest van het team, dat ziet iedereen ook."),
    ("attitude.arrogance", "nl", "Feedback heb ik eigenlijk niet echt nodig, ik weet zelf wel wat goed is."),
    ("attitude.arrogance", "nl", "Zwakke punten? Ik heb eigenlijk geen zwaktes, als ik eerlijk ben."),
    ("attitude.arrogance", "en", "I'm honestly smarter than most of my colleagues, so I end up doing the hard bits."),
    ("attitude.arrogance", "en", "I don't really need feedback, my numbers speak for themselves."),
    ("attitude.arrogance", "en", "Missing a deadline? That just wouldn't happen with me."),
    # discount first, as a statement or as a plan
    ("sales.discount_first", "nl", "Dan zou ik meteen 10% korting geven, dan is de twijfel meestal weg."),
    ("sales.discount_first", "nl", "Ik zou gewoon de prijs van de concurrent matchen, dan kiezen ze voor ons."),
    ("sales.discount_first", "nl", "Om het rond te krijgen geef ik de implementatie gratis erbij."),
    ("sales.discount_first", "nl", "Als u deze week nog tekent, krijgt u vijftien procent korting."),
    ("sales.discount_first", "en", "I'd throw in a free month so they feel they got a deal."),
    ("sales.discount_first", "en", "Honestly I'd just offer them a nice discount and move on."),
    ("sales.discount_first", "en", "Procurement complained, so I dropped the price by eight percent the same day."),
    ("sales.discount_first", "nl", "Dan verlaag ik meteen de prijs met tien procent, liever dat dan de klant kwijt."),
    ("sales.discount_first", "nl", "Ik zou de prijs met tien procent verlagen, dan blijft hij wel."),
    ("sales.discount_first", "nl", "Ik bel ze allemaal: vijftien procent korting als ze vóór de kerst tekenen."),
    ("sales.discount_first", "nl", "Dan bied ik ze de eerste twee maanden gratis aan, dat trekt ze wel over de streep."),
    ("sales.discount_first", "en", "I'd call them all with 15% off if they sign before Christmas."),
    ("sales.discount_first", "en", "I'd give them the first two months free to get it over the line."),
    # pitching before asking
    ("sales.pitch_first", "nl", "Ik begin zo'n gesprek altijd met onze presentatie, dan weten ze meteen wie we zijn."),
    ("sales.pitch_first", "nl", "Ik laat meteen de hele demo zien, want het product verkoopt zichzelf."),
    ("sales.pitch_first", "en", "I went straight into the demo, because the dashboard usually sells itself."),
    ("sales.pitch_first", "en", "I always start with a quick overview of our company and our three product lines."),
    # leading yes-questions presented as discovery
    ("sales.leading_questions", "nl", "Dan vraag ik: u wilt toch ook dat uw monteurs minder tijd kwijt zijn?"),
    ("sales.leading_questions", "nl", "Mijn vraag is dan altijd: bent u het niet met me eens dat stilstand te duur is?"),
    ("sales.leading_questions", "en", "I ask the buyer: don't you think your team deserves better tools?"),
    ("sales.leading_questions", "en", "Then I'd say, you want fewer outages, right? And they always agree."),
    # cliché lessons
    ("learning.cliche_lesson", "nl", "Wat ik daarvan geleerd heb, is dat communicatie gewoon alles is."),
    ("learning.cliche_lesson", "nl", "Mijn les was dat een goede planning echt essentieel is."),
    ("learning.cliche_lesson", "en", "What I took from it is that communication is super important."),
    ("learning.cliche_lesson", "en", "It taught me that teamwork is everything, there's no I in team."),
    # buzzwords without evidence
    ("evidence.buzzwords", "nl", "Ik ben een echte teamplayer, innovatief en leergierig, en ik wil graag mezelf verder ontwikkelen."),
    ("evidence.buzzwords", "en", "I'm a self-motivated, innovative team player who thrives under pressure."),
]

# (criterion, lang, answer): look-alikes of a red flag that a recruiter would not hold against the candidate
CLEAN = [
    ("attitude.blame", "nl", "Het was mijn verantwoordelijkheid dat de koppeling op tijd af was, dus ik nam de schuld op me."),
    ("attitude.blame", "nl", "De leads waren dat kwartaal slecht, dus ik heb zelf veertig bestaande klanten gebeld."),
    ("attitude.blame", "en", "It was my responsibility to get the data right, so I owned the delay towards the client."),
    ("attitude.blame", "en", "The quota was ambitious, so I agreed a weekly pipeline review with my manager and still got to 94%."),
    ("attitude.blame", "en", "That one was on me: I hadn't checked the rollback script."),
    ("attitude.badmouthing", "nl", "Ik zoek meer ruimte om zelf klanten te spreken; in mijn huidige rol loopt dat via de projectleider."),
    ("attitude.badmouthing", "nl", "Het was daar na de fusie even zoeken, dus ik heb met mijn teamleider de prioriteiten op papier gezet."),
    ("attitude.badmouthing", "en", "I'm looking for a smaller team where I can own a product area end to end."),
    ("attitude.badmouthing", "en", "It was chaos during the outage, so I opened one incident channel and posted updates every half hour."),
    ("attitude.integrity", "nl", "Ik heb de klant eerlijk gezegd dat de koppeling nog niet klaar was, en een nieuwe datum genoemd."),
    ("attitude.integrity", "en", "I told the client honestly that the integration wasn't ready and gave a new date."),
    ("attitude.integrity", "en", "The hotfix was pushed straight to production after a colleague reviewed it."),
    # a verdict on management is no technology dogma (a blind reader judged that claim wrong, round-4 holdout)
    ("attitude.tech_arrogance", "en", "Honestly? The management there is a joke. They changed my territory twice "
     "in one year."),
    ("attitude.tech_arrogance", "nl", "Eerlijk? Het management daar is een grap. Ze hebben mijn regio twee keer in "
     "een jaar veranderd."),
    ("attitude.arrogance", "nl", "Ik stond vorig jaar derde van de elf, en ik wil nog beter worden in grote tenders."),
    ("attitude.arrogance", "en", "I used to think I didn't need feedback, until a code review caught a bug that would have cost us a week."),
    ("attitude.arrogance", "en", "I'm better at written updates than at presenting, so I'm practising with short demos."),
    (
        "sales.discount_first",
        "nl",
        "De klant gaf zelf aan dat het budget krap was, dus ik vroeg wat voor hen de meeste waarde had.",
    ),
    ("sales.discount_first", "nl", "Ik heb 4% korting gegeven, maar alleen in ruil voor een contract van drie jaar."),
    ("sales.discount_first", "en", "I offered 3% off only in exchange for a two-year term and a case study."),
    # goodwill after a complaint, on a next purchase
    ("sales.discount_first", "nl", "Ze was boos over haar kapotte wasmachine. Toen heb ik gezegd: oké mevrouw, ik "
     "geef u tien procent korting op uw volgende aankoop. Dat vond ze niet genoeg, dus ik heb een nieuwe laten "
     "bezorgen."),
    ("sales.discount_first", "en", "She was angry about her broken washing machine. So I said: I'll give you ten "
     "percent off your next purchase. That wasn't enough, so I had a new one delivered the next day."),
    ("sales.discount_first", "en", "I'd rather look with you at what you need in year one than just drop the price."),
    ("sales.discount_first", "nl", "Ik kijk liever wat ze echt nodig hebben dan dat ik zomaar de prijs verlaag."),
    ("sales.discount_first", "nl", "Ik verlaag niet zomaar de prijs; eerst wil ik weten wat ze vergelijken."),
    ("sales.discount_first", "en", "We made a mistake with the order, so I apologised and gave them the next delivery for free."),
    ("sales.pitch_first", "nl", "Ik vraag eerst hoe ze nu werken; pas daarna laat ik de demo zien die daarbij past."),
    ("sales.pitch_first", "en", "I start by asking what made them take the call, and only after that do I show anything."),
    ("sales.leading_questions", "nl", "Ik vroeg wat een uur stilstand in de fabriek hen kost, en wie dat nu oplost."),
    ("sales.leading_questions", "en", "I asked what they would change about their current supplier if they could."),
    ("sales.leading_questions", "en", "What would you say the team struggles with most right now?"),
    ("learning.cliche_lesson", "nl", "Ik heb geleerd dat communicatie key is, dus nu stuur ik elke vrijdag een korte update."),
    ("learning.cliche_lesson", "en", "Since then I book a fifteen-minute check-in with the client every Monday."),
    ("evidence.buzzwords", "nl", "Ik ben gedreven: vorig jaar heb ik naast mijn werk mijn Azure-certificaat gehaald."),
]


@pytest.mark.parametrize(("criterion_id", "lang", "answer"), FLAGGED)
def test_the_red_flag_is_caught(criterion_id: str, lang: str, answer: str) -> None:
    outcome = run_criterion(answer, criterion_id, lang)  # type: ignore[arg-type]
    assert outcome is not None and outcome.status == "warning", (criterion_id, answer)


@pytest.mark.parametrize(("criterion_id", "lang", "answer"), CLEAN)
def test_a_look_alike_is_not_flagged(criterion_id: str, lang: str, answer: str) -> None:
    outcome = run_criterion(answer, criterion_id, lang)  # type: ignore[arg-type]
    assert outcome is None or outcome.status != "warning", (criterion_id, answer)


def test_a_we_story_with_a_clear_own_part_gets_no_red_flag() -> None:
    answer = (
        "We zaten met vijf man op de migratie van het klantportaal. Mijn deel was de datamigratie: ik heb een "
        "script geschreven dat elke nacht de verschillen telde, en toen er 300 dubbele klanten opdoken, heb ik "
        "met de productowner afgesproken welke we samenvoegden. We gingen op de geplande datum live."
    )
    feedback = check(answer, question="Vertel over een project waarin je samenwerkte met anderen.", lang="nl")
    assert not [f.criterion for f in feedback.findings if f.status == "warning"]


@pytest.mark.parametrize(
    ("answer", "question", "lang", "flag"),
    [
        (
            "Eerlijk gezegd is mijn huidige werkgever een puinhoop. Mijn leidinggevende is een prutser en de "
            "directie, daar zeg ik maar niks over. Ik wil daar gewoon weg.",
            "Waarom wil je weg bij je huidige werkgever?",
            "nl",
            "attitude.badmouthing",
        ),
        (
            "Just give them fifteen percent off straight away, that usually ends the discussion and they sign.",
            "The customer says your price is too high. What do you do?",
            "en",
            "sales.discount_first",
        ),
    ],
)
def test_a_red_flag_shows_and_holds_the_score_down(answer: str, question: str, lang: str, flag: str) -> None:
    feedback = check(answer, question=question, lang=lang)
    assert flag in [f.criterion for f in feedback.findings if f.status == "warning"]
    assert feedback.score < 40
