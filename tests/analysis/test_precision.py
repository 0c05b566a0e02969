"""Findings readers judged wrong on real-style answers (issue 8, precision before recall), each checked end to
end through coach.check() on short answers written for these tests: the corrected claim is made, or no claim
is made where the engine can't be sure."""

from __future__ import annotations

import pytest

from coach import check
from coach.analysis.context import Outcome
from coach.analysis.engine import analyse, evaluate, hold_back, run
from coach.analysis.fillers import find_filler_like, find_fillers, find_hedges, find_soft_hedges
from coach.analysis.rules import load_criteria
from coach.analysis.scoring import describe_band
from coach.analysis.types import Feedback
from coach.content.kinds import classify
from coach.wire import feedback_to_json
from tests.analysis.test_real_answers import outcome_in_check


def shown(feedback: Feedback, criterion: str) -> str | None:
    """The status of `criterion` among the findings shown, or None when it is not shown."""
    return next((f.status for f in feedback.findings if f.criterion == criterion), None)


def message(feedback: Feedback, criterion: str) -> str:
    return next(f.message for f in feedback.findings if f.criterion == criterion)


# --- Filler words -------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("lang", "question", "answer"), [
    ("nl", "Hoe pak je het aan als je een nieuw project overneemt?",
     "Ja, ik lees eerst gewoon de documentatie door. Eigenlijk ga ik dan gewoon aan de slag en vraag ik "
     "dingen aan collega's. Ja. Zo doe ik dat eigenlijk wel."),
    ("en", "How do you get to know a new team?",
     "I mean, I just talk to people, you know. I kind of ask everyone what they do, I guess. So yeah, and "
     "then I sort of figure it out. I mean, that works for me."),
])
def test_an_answer_full_of_spoken_fillers_is_not_told_it_has_few(lang: str, question: str, answer: str) -> None:
    feedback = check(answer, question=question, lang=lang)
    assert shown(feedback, "delivery.fillers") != "met"


@pytest.mark.parametrize(("text", "lang", "fillers"), [
    ("Ja, dat ging eigenlijk gewoon goed, en zo.", "nl", ["Ja", "eigenlijk", "gewoon", "en zo"]),
    ("Maar goed, dat was het. Dus ja.", "nl", ["Maar goed", "Dus", "ja"]),
    ("So yeah, I mean, it took like two weeks or something.", "en",
     ["yeah", "I mean", "like", "or something"]),
])
def test_spoken_fillers_are_counted(text: str, lang: str, fillers: list[str]) -> None:
    assert [f for f, _ in find_fillers(text, lang)] == fillers


@pytest.mark.parametrize(("text", "lang"), [
    ("Het was een heel gewoon project met een gewone klant.", "nl"),
    ("Ik wil eigenlijk weten wat de klant nodig heeft.", "nl"),
    ("I like the work and I would like to learn more, I mean that.", "en"),
    ("It's like a waiter who takes your order to the kitchen.", "en"),
])
def test_meaningful_uses_are_not_counted_as_fillers(text: str, lang: str) -> None:
    assert find_fillers(text, lang) == []


def test_filler_like_words_are_found_but_not_counted() -> None:
    text = "Gewoon bellen, eigenlijk. Nou, dat werkt."
    counted = find_fillers(text, "nl")
    like = [text[a:b] for a, b in find_filler_like(text, "nl", counted)]
    assert "Gewoon" in like and all(text[a:b] not in like for _, (a, b) in counted)


# --- Hedges -------------------------------------------------------------------------------------------------


def test_two_opinion_i_thinks_are_not_called_often_hedging() -> None:
    answer = ("Technology has always pulled me in. I built my first website at fourteen and I still enjoy "
              "finding out why things break. I think programming brings that together, and I think a job "
              "where you keep learning suits me.")
    feedback = check(answer, question="Why do you want to become a developer?", lang="en")
    assert shown(feedback, "delivery.hedges") != "warning"


def test_three_hedges_in_a_long_decisive_story_are_not_often_hedging() -> None:
    answer = ("Last spring our nightly import failed three nights in a row. I compared the logs with the week "
              "before and saw the supplier had added a column, probably without telling anyone. I changed the "
              "parser, added a check that stops the run when the file layout changes, and told the supplier. "
              "I think we lost maybe half a day of orders in total. Since then the check has caught two more "
              "changes before they did any harm, and the supplier now sends us a notice first. I also wrote a "
              "short runbook for the night shift, so whoever is on call knows which file to look at, who to "
              "call at the supplier and how to rerun the import by hand once the file is fixed.")
    feedback = check(answer, question="Tell me about a time something went wrong in production.", lang="en")
    assert shown(feedback, "delivery.hedges") != "warning"


@pytest.mark.parametrize(("lang", "answer"), [
    ("nl", "Ik denk dat het misschien wel een beetje aan mij lag, maar ik weet het niet zeker. Waarschijnlijk "
           "had ik eerder moeten bellen, denk ik."),
    ("en", "I think it was maybe partly my fault, but I'm not sure. Probably I should have called earlier, "
           "I guess, or perhaps not."),
])
def test_varied_dense_hedging_still_warns(lang: str, answer: str) -> None:
    feedback = check(answer, question="Vertel over een fout die je maakte." if lang == "nl"
                     else "Tell me about a mistake you made.", lang=lang)
    assert shown(feedback, "delivery.hedges") == "warning"


def test_an_inverted_dutch_hedge_keeps_the_confidence_tick_away() -> None:
    answer = ("Op mijn stage liep de app vast bij het laden van de lijst. Uiteindelijk hebben we een andere "
              "bibliotheek gebruikt, Provider geloof ik, en toen werkte het. Daarna hebben we tests toegevoegd.")
    feedback = check(answer, question="Vertel over een technisch probleem waar je op vastliep.", lang="nl")
    assert shown(feedback, "delivery.hedges") != "met"


# --- Length -------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("lang", "question", "answer"), [
    ("en", "How would you explain to a customer why their website is slow?",
     "I would keep it simple and avoid technical words, because customers are not technical. I would listen "
     "to them and be patient with them. Then I would ask whether they understood it, and explain it again "
     "in another way if they didn't."),
    ("nl", "Hoe zou je aan een klant uitleggen waarom hun website traag is?",
     "Ik zou het simpel houden en geen moeilijke woorden gebruiken, want klanten zijn niet technisch. Ik zou "
     "goed luisteren en geduldig blijven. Daarna vraag ik of ze het begrepen hebben, en anders leg ik het "
     "nog een keer anders uit."),
])
def test_a_thin_answer_just_over_the_minimum_is_not_called_a_good_length(
    lang: str, question: str, answer: str
) -> None:
    feedback = check(answer, question=question, lang=lang)
    assert shown(feedback, "delivery.length") != "met"


@pytest.mark.parametrize(("lang", "question", "answer"), [
    ("en", "Tell me about a time you had to win back a customer.",
     "A garden centre chain told me they were leaving because our deliveries kept arriving late. I checked "
     "and they were right: nine late drops in a month. I didn't argue. I moved them to our early route, "
     "called the buyer every Monday for six weeks, and sent a short report each time. They stayed and "
     "renewed for two years."),
    ("nl", "Vertel over een keer dat je een klant terug moest winnen.",
     "Een tuincentrumketen zei dat ze weggingen omdat onze leveringen steeds te laat kwamen. Ik heb het "
     "nagekeken en ze hadden gelijk: negen keer te laat in een maand. Ik heb ze op onze vroege route gezet, "
     "de inkoper zes weken lang elke maandag gebeld en steeds een kort verslag gestuurd. Ze zijn gebleven en "
     "verlengden voor twee jaar."),
])
def test_a_concise_complete_story_is_not_called_short(lang: str, question: str, answer: str) -> None:
    feedback, results = evaluate(answer, question, lang)
    assert dict((c.id, o.status) for c, o in results)["structure.star"] == "met"
    assert shown(feedback, "delivery.length") is None  # counted in the score, not claimed


def test_a_rambling_non_answer_to_a_practical_question_is_not_a_good_length() -> None:
    answer = ("Ja, dat hangt ervan af. Mijn dochter gaat een paar dagen naar de opvang, maar dat verandert "
              "misschien, en mijn partner krijgt misschien ander werk. We hebben ook een hond die niet de "
              "hele dag alleen kan zijn, en het is 's ochtends altijd druk op de snelweg. Hebben jullie hier "
              "eigenlijk parkeerplek? Het is allemaal een beetje puzzelen, maar het komt vast goed.")
    feedback = check(answer, question="Hoeveel dagen per week zou je op kantoor willen werken?", lang="nl")
    assert shown(feedback, "delivery.length") != "met"


# --- Answers the question -----------------------------------------------------------------------------------


@pytest.mark.parametrize(("lang", "question", "answer"), [
    ("nl", "Waar ben je echt goed in?",
     "Ruzies tussen collega's sussen. Op mijn vorige werk bij een thuiszorgorganisatie werd ik er steeds "
     "bijgehaald als twee teams botsten over het rooster. Ik laat eerst iedereen uitpraten en zoek dan "
     "samen naar wat wel kan."),
    ("en", "I'm the customer and I say: it's just too expensive. What do you say?",
     "I would tell him everything he gets for the money: the installation, training for all his staff, "
     "support day and night, a fixed account manager and free updates. Then he sees it is worth the price."),
])
def test_a_weak_or_unusual_answer_about_work_is_not_called_off_topic(lang: str, question: str, answer: str) -> None:
    feedback = check(answer, question=question, lang=lang)
    assert shown(feedback, "relevance.on_topic") != "missed"


def test_a_short_plain_answer_is_not_called_an_echo_of_the_question() -> None:
    feedback = check("I always hit my targets.", question="What were your targets last year and how did you do?",
                     lang="en")
    assert shown(feedback, "relevance.on_topic") != "missed"


def test_a_rambling_childhood_story_is_not_called_on_topic_for_who_you_are_now() -> None:
    answer = ("Nou, dat begon allemaal toen ik acht was en van mijn opa een oude computer kreeg. Die heb ik "
              "helemaal uit elkaar gehaald. Op de middelbare school deed ik veel met games en servers, en "
              "daarna ben ik een jaar gaan reizen door Azië. Daar hielp ik een hostel met hun website. En nu, "
              "ja, nu doe ik iets anders, maar dat vertel ik straks wel.")
    feedback = check(answer, question="Vertel eens kort wie je bent en wat je nu doet.", lang="nl")
    assert feedback.question.kind == "self_intro"
    assert shown(feedback, "relevance.on_topic") != "met"


# --- Question kinds -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(("question", "kind"), [
    ("Vertel eens kort wie je bent en wat je nu doet.", "self_intro"),
    ("Tell me briefly who you are and what you do now.", "self_intro"),
    ("Kun je me kort meenemen door je cv?", "self_intro"),
    ("Give me a quick overview of your background.", "self_intro"),
    ("Waar ben je echt goed in?", "strengths_weaknesses"),
    ("What are you really good at?", "strengths_weaknesses"),
    ("What would your last manager say you need to work on?", "strengths_weaknesses"),
    ("Wat zou je vorige leidinggevende zeggen waar je nog aan moet werken?", "strengths_weaknesses"),
    ("Suppose you're at 30% of your target halfway through the quarter. What do you do?", "situational"),
    ("Is there anything you'd still like to know from us?", "candidate_questions"),
    ("When would you be able to start?", "practicalities"),
])
def test_question_kinds_read_from_everyday_wording(question: str, kind: str) -> None:
    assert classify(question) == kind


def test_building_a_relationship_is_not_a_technical_design_question() -> None:
    assert classify("How would you build a relationship with clients you never see in person?") != "technical"


# --- Stories: concrete situation and STAR -------------------------------------------------------------------


@pytest.mark.parametrize(("lang", "question", "answer"), [
    ("en", "Tell me about a time you disagreed with a colleague.",
     "This was during my studies, in a group project where we built a booking app for a local choir. One "
     "teammate wanted a spreadsheet as the database and I wanted a real one, so we argued for a few days. "
     "We asked our tutor, who said both would do, and we kept the spreadsheet."),
    ("en", "Tell me about a difficult customer.",
     "I had this one man at the bank who came in every Friday to complain about the fees. After a few weeks "
     "I stopped explaining and let a colleague take him. He closed his account in the end."),
    ("nl", "Vertel over een keer dat je het oneens was met een collega.",
     "Dat was tijdens mijn studie, in een groepsproject voor een lokale voetbalclub. Eén teamgenoot wilde "
     "alles in een spreadsheet bijhouden en ik wilde een echte database. We hebben het aan de docent "
     "gevraagd en die vond beide goed."),
])
def test_a_study_project_or_one_customer_is_a_concrete_situation(lang: str, question: str, answer: str) -> None:
    feedback = check(answer, question=question, lang=lang)
    assert shown(feedback, "evidence.concrete_example") != "missed"


@pytest.mark.parametrize(("lang", "question", "answer"), [
    ("en", "Tell me about a time you disagreed with a colleague about a technical approach.",
     "A colleague wanted to move our reports to a new charting library and I pushed back, because I thought "
     "it would slow the pages down. He asked to try it on one report for a sprint. It was fine. The pages "
     "were a little slower but nobody noticed, and everybody agreed the charts were clearer. We moved the "
     "rest over the next month."),
    ("nl", "Vertel over een keer dat je het met een collega oneens was over een technische aanpak.",
     "Een collega wilde onze rapporten naar een nieuwe grafiekbibliotheek overzetten en ik was ertegen, "
     "omdat ik dacht dat de pagina's trager zouden worden. Hij stelde voor het een sprint op één rapport te "
     "proberen. Dat ging prima. Niemand merkte iets van de snelheid en iedereen was het eens dat de grafieken "
     "duidelijker waren."),
])
def test_a_result_said_in_passing_completes_the_story(lang: str, question: str, answer: str) -> None:
    feedback = check(answer, question=question, lang=lang)
    assert shown(feedback, "structure.star") != "warning"


# --- Explaining simply --------------------------------------------------------------------------------------


@pytest.mark.parametrize(("lang", "question", "answer"), [
    ("en", "Explain to a new colleague in sales what an API is.",
     "You know how the train app on your phone shows delays? The app doesn't run the trains; it asks the "
     "railway's system 'is the 8:15 late?' and gets an answer back. That agreed way of asking is an API. For "
     "us it means our customers' systems can ask ours for things like invoice status without anyone typing "
     "it over, which saves them hours."),
    ("nl", "Leg aan een nieuwe collega van sales uit wat een API is.",
     "Een API is een vaste manier waarop twee systemen met elkaar praten. Net als dat jij een formulier "
     "invult, maar dan doet een computer het. Als een klant vraagt of we met hun boekhoudpakket kunnen "
     "koppelen, gaat dat via een API. Dat scheelt jou beloftes die je later moet terugdraaien."),
])
def test_an_analogy_and_an_example_as_people_say_them_are_heard(lang: str, question: str, answer: str) -> None:
    feedback = check(answer, question=question, lang=lang)
    status = shown(feedback, "it.explain_simply")
    assert status == "met" or status is None or "analog" not in message(feedback, "it.explain_simply")


# --- Sales ----------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("lang", "question", "answer"), [
    ("en", 'The prospect says: "Just send me some information by email." What do you say?',
     "I'd ask what they want to know, send exactly that, and book a short call for Friday to go through it."),
    ("en", 'The customer says: "We really don\'t have time for this now." How do you respond?',
     "I'd say that's fine, ask when a better moment is and put a real date in the calendar."),
    ("nl", 'De prospect zegt: "Stuur me maar wat informatie." Wat zeg je dan?',
     "Ik vraag wat ze precies willen weten, stuur alleen dat en spreek meteen een belmoment af."),
    ("nl", 'De klant zegt: "We hebben hier nu echt geen tijd voor." Hoe reageer je?',
     "Dan zeg ik dat dat prima is, vraag ik wanneer het beter uitkomt en zet ik een datum in de agenda."),
])
def test_value_selling_makes_no_claim_on_a_brush_off(lang: str, question: str, answer: str) -> None:
    feedback = check(answer, question=question, lang=lang)
    assert shown(feedback, "sales.value_selling") is None
    assert "sales.value_selling" not in feedback.unclaimed


def test_value_selling_still_applies_to_a_price_objection() -> None:
    feedback = check("I'd tell him our product has many features and great support.",
                     question="I'm the customer and I say: it's just too expensive. What do you say?", lang="en")
    assert "sales.value_selling" in feedback.rubric
    assert "sales.value_selling" in [f.criterion for f in feedback.findings] + list(feedback.unclaimed)


@pytest.mark.parametrize(("lang", "answer", "warned"), [
    ("en", "Before a first meeting I ask what they want to cover. Those meetings are always better.", False),
    ("nl", "Vooraf vraag ik wat ze willen bespreken. Die gesprekken zijn altijd beter.", False),
    ("en", "For the backend I pick Go. Go is always better than Java.", True),
    ("nl", "Voor de backend kies ik Go. Go is altijd beter dan Java.", True),
])
def test_technology_dogma_is_about_technology(lang: str, answer: str, warned: bool) -> None:
    feedback = check(answer, question="Walk me through how you prepare." if lang == "en"
                     else "Neem me mee in hoe je je voorbereidt.", lang=lang)
    assert (shown(feedback, "attitude.tech_arrogance") == "warning") is warned


def test_an_sdr_is_not_asked_for_upsell_or_deal_size() -> None:
    answer = ("I'm an SDR, so my target is qualified meetings: fifteen a month. Last year I booked two hundred "
              "and five against one hundred and eighty, so about 114 percent, second of eight in the team.")
    feedback = check(answer, question="What were your targets last year and how did you do?", lang="en")
    if shown(feedback, "sales.results_breakdown") == "warning":
        text = message(feedback, "sales.results_breakdown")
        assert "deal size" not in text and "upsell" not in text


def test_my_number_was_is_a_target() -> None:
    feedback = check("My number was 600k and I did about 690, around 115 percent, third of nine.",
                     question="How did you do against quota this year?", lang="en")
    if shown(feedback, "sales.results_breakdown") == "warning":
        assert "your target" not in message(feedback, "sales.results_breakdown")


@pytest.mark.parametrize(("lang", "question", "answer"), [
    ("en", "Tell me about a deal you lost.",
     "A renewal with a logistics client. My only contact there left and I heard it months later. By then "
     "the new director had started a tender and we lost it. That was on me: I had one relationship in a "
     "client that size. Since then I know at least three people at every key account."),
])
def test_listening_is_not_said_to_be_replaced_by_a_pitch_nobody_told(lang: str, question: str, answer: str) -> None:
    feedback = check(answer, question=question, lang=lang)
    if shown(feedback, "sales.listening") == "missed":
        assert "what you said and showed" not in message(feedback, "sales.listening")


# --- IT design --------------------------------------------------------------------------------------------


def test_a_retry_in_passing_is_no_account_of_the_risks() -> None:
    answer = ("I'd have an API that puts each message on a queue, and workers that pick them up and call the "
              "push or email provider. If it fails you retry. We store the status in a database so support "
              "can see what was sent, and I'd add templates so teams don't write their own texts.")
    feedback = check(answer, question="How would you design a system that sends millions of notifications a day?",
                     lang="en")
    assert shown(feedback, "it.risks") != "met"


@pytest.mark.parametrize(("lang", "question", "answer", "ticked"), [
    ("nl", "We zijn vijf developers. Zou je kiezen voor Kubernetes of voor een PaaS, en waarom?",
     "Kubernetes geeft je veel controle over hoe alles draait, met deployments, autoscaling en eigen "
     "netwerkregels. Maar je moet het wel zelf beheren en elke paar maanden upgraden, en dat kost tijd. Een "
     "PaaS zoals App Service of Cloud Run is per resource duurder, maar goedkoper qua mensen, want je pusht "
     "je code en het draait. Wel zit je meer vast aan de leverancier. Het is echt een afweging, er zijn "
     "argumenten voor allebei.", False),
    ("nl", "We zijn vijf developers. Zou je kiezen voor Kubernetes of voor een PaaS, en waarom?",
     "Ik zou voor een PaaS kiezen. Kubernetes geeft je veel controle, met deployments, autoscaling en eigen "
     "netwerkregels, maar je moet het zelf beheren en elke paar maanden upgraden. Met vijf mensen kost dat "
     "te veel tijd. Een PaaS zoals App Service of Cloud Run is per resource duurder, maar goedkoper qua "
     "mensen, want je pusht je code en het draait. Pas als we tegen een echte grens aanlopen kijk ik "
     "opnieuw.", True),
])
def test_a_justified_choice_needs_a_choice(lang: str, question: str, answer: str, ticked: bool) -> None:
    # the tick the criterion would claim; shown only on an answer the score puts in the strong band
    outcome = outcome_of(answer, "it.justification", lang)
    assert (outcome is not None and outcome.status == "met" and outcome.claim) is ticked
    assert shown(check(answer, question=question, lang=lang), "it.justification") in ("met", None)


def test_requirements_first_is_ticked_only_when_they_come_first() -> None:
    answer = ("I'd go with cache-aside in Redis. The app checks Redis, otherwise the database, and stores the "
              "product with a TTL. When a product changes in the admin you delete the key. The TTL depends on "
              "how often products change. Images go on a CDN.")
    feedback = check(answer, question="How would you design caching for a product catalogue that is slow at peaks?",
                     lang="en")
    assert shown(feedback, "it.requirements_first") != "met"


# --- Interview openers --------------------------------------------------------------------------------------


@pytest.mark.parametrize(("lang", "question", "answer"), [
    ("en", "Why do you want to move into software development?",
     "I was a chemistry teacher for five years. The part I liked most was building little tools for my "
     "classes. I've done a year of evening courses and I built a quiz app that my old school still uses."),
    ("nl", "Wat trekt je aan in deze functie?",
     "Dat ik hier zelf het rooster van de vrijwilligers mag opzetten. Bij de buurtvereniging heb ik dat "
     "twee jaar naast mijn werk gedaan, met een gedeelde agenda. Hier is het hetzelfde, maar dan groter."),
])
def test_a_motivation_backed_by_what_the_candidate_did_is_not_missing_a_reason(
    lang: str, question: str, answer: str
) -> None:
    feedback = check(answer, question=question, lang=lang)
    assert shown(feedback, "interview.motivation") not in ("missed", "warning")


def test_a_vague_why_gets_no_full_self_introduction_tick() -> None:
    answer = ("So I'm Tom, I do a lot of things really. Right now I'm between jobs. I've done some freelance "
              "websites, before that I was at a start-up that didn't work out. I'm just looking for something "
              "more stable now, I guess.")
    feedback = check(answer, question="Tell me briefly who you are and what you do now.", lang="en")
    assert shown(feedback, "interview.self_intro") != "met"


@pytest.mark.parametrize(("lang", "question", "answer"), [
    ("nl", "Heb je nog vragen voor ons?",
     "Ja. Wat doen jullie precies als bedrijf? En hoeveel mensen werken hier?"),
    ("en", "Do you have any questions for us?",
     "Yes. What does your company actually do? And how many people work here?"),
])
def test_questions_the_website_answers_show_no_preparation(lang: str, question: str, answer: str) -> None:
    feedback = check(answer, question=question, lang=lang)
    assert shown(feedback, "interview.candidate_questions") != "met"


@pytest.mark.parametrize(("lang", "question", "answer"), [
    ("en", "What's your notice period, and when could you start?",
     "Officially it's two months, but if it helps I can ask my manager about leaving a few weeks earlier."),
    ("nl", "Wat is je opzegtermijn, en wanneer zou je kunnen beginnen?",
     "Officieel twee maanden, maar als het helpt kan ik vragen of ik een paar weken eerder weg kan."),
])
def test_room_to_start_earlier_counts_as_context(lang: str, question: str, answer: str) -> None:
    feedback = check(answer, question=question, lang=lang)
    assert shown(feedback, "interview.practicalities") != "warning"


def test_only_describing_yourself_is_not_making_clear_what_you_did() -> None:
    answer = ("Ik kom uit de retail, ik was filiaalmanager bij een schoenenwinkel. We zaten meestal rond het "
              "target, soms erboven, soms eronder. Ik weet de precieze cijfers niet meer, maar we deden het "
              "als winkel best goed in de regio.")
    feedback = check(answer, question="Wat waren vorig jaar je targets, en hoe heb je het gedaan?", lang="nl")
    assert shown(feedback, "evidence.first_person") != "met"


# --- Fourth round: red flags before checklist crosses, and claims that overreached ---------------------------


@pytest.mark.parametrize(("lang", "question", "answer"), [
    ("nl", "Wat doe je als een klant boos belt omdat een levering te laat is?",
     "Dan zeg ik eerlijk dat dat niet aan mij ligt, want ik ga niet over de planning. Ik verbind hem door met "
     "de afdeling logistiek. Ik kan daar ook niks aan doen, ik verkoop alleen."),
    ("en", "Suppose you're at 30% of your target halfway through the quarter. What do you do?",
     "Honestly, that says more about the target than about me. Our targets are set by people who've never "
     "sold anything, and marketing doesn't deliver leads. So I'd talk to my manager about the target."),
])
def test_blaming_is_the_finding_not_a_missing_step(lang: str, question: str, answer: str) -> None:
    feedback = check(answer, question=question, lang=lang)
    assert shown(feedback, "attitude.blame") == "warning"
    assert feedback.next_step is not None and feedback.next_step.criterion == "attitude.blame"


def test_a_result_in_sales_never_went_down_is_no_blame() -> None:
    answer = ("During the festival presale the checkout slowed down. I wrote a clear handover for the team in "
              "Vancouver, who found the cause two hours later. Ticket sales never went down.")
    feedback = check(answer, question="Tell me about an incident you handed over to another time zone.", lang="en")
    assert shown(feedback, "attitude.blame") is None


@pytest.mark.parametrize(("lang", "question", "answer"), [
    ("en", "The buyer says your quote is 15% higher than the competitor's. How do you respond?",
     "I'd thank them for being honest. Then I'd go back to my manager and ask what we can do on price, and "
     "come back with a better offer or something extra, like free training."),
    ("nl", "De inkoper zegt: jullie offerte is 15% duurder dan die van de concurrent. Hoe reageer je?",
     "Ik zou hem bedanken voor zijn eerlijkheid. Daarna ga ik naar mijn manager en vraag wat we aan de prijs "
     "kunnen doen, en dan kom ik terug met een beter aanbod."),
])
def test_asking_your_own_manager_is_not_listening_to_the_customer(lang: str, question: str, answer: str) -> None:
    feedback = check(answer, question=question, lang=lang)
    assert shown(feedback, "sales.listening") != "met"


def test_generic_questions_are_not_praised_as_showing_preparation() -> None:
    feedback = check("Yes. What does the onboarding look like? How big is the team? Which tools do you use, "
                     "mostly Power BI or also Python?", question="Do you have any questions for us?", lang="en")
    if shown(feedback, "interview.candidate_questions") == "met":
        assert "prepared" not in message(feedback, "interview.candidate_questions")


@pytest.mark.parametrize(("lang", "question", "answer"), [
    ("en", "Describe a time you worked in a team to reach a difficult goal.",
     "From my rowing club: I was on the committee that organised the regional regatta, with thirty crews "
     "coming. The caterer cancelled two days before, so I called three bakeries and we fixed it together."),
    ("nl", "Vertel over een keer dat je met een team een moeilijk doel moest halen.",
     "Bij mijn roeivereniging zat ik in de commissie die de regionale wedstrijd organiseerde, met dertig ploegen. "
     "De cateraar zegde twee dagen van tevoren af, dus ik heb drie bakkers gebeld en we hebben het opgelost."),
])
def test_a_club_committee_is_a_concrete_situation(lang: str, question: str, answer: str) -> None:
    feedback = check(answer, question=question, lang=lang)
    assert shown(feedback, "evidence.concrete_example") != "missed"


def test_a_childcare_day_is_no_answer_to_how_many_office_days() -> None:
    feedback = check("Mijn jongste gaat twee dagen naar de opvang en mijn partner werkt misschien anders, dus dat "
                     "moet ik nog puzzelen. Hebben jullie parkeerplek?",
                     question="Hoeveel dagen per week zou je op kantoor willen werken?", lang="nl")
    assert shown(feedback, "interview.practicalities") != "met"
    assert shown(feedback, "relevance.on_topic") != "met"


# --- After the last sample: results and settings said in passing, leading questions --------------------------


@pytest.mark.parametrize(("lang", "question", "answer"), [
    ("nl", "Ik ben de klant en ik zeg: het is gewoon te duur. Wat zeg je?",
     "Dan ga ik vragen stellen. 'U vindt service toch ook belangrijk? En u wilt toch geen gedoe?' Als hij ja "
     "zegt, zeg ik: 'Dan is dit toch precies wat u zoekt?'"),
    ("en", "I'm the customer and I say: it's just too expensive. What do you say?",
     "I'd ask questions. 'You do care about quality, right? And you'd agree downtime is costly, wouldn't you?' "
     "When he says yes, I show him that's exactly what we offer."),
])
def test_only_leading_questions_are_not_listening(lang: str, question: str, answer: str) -> None:
    feedback = check(answer, question=question, lang=lang)
    assert shown(feedback, "sales.listening") != "met"


@pytest.mark.parametrize(("lang", "question", "answer"), [
    ("nl", "Vertel eens wat over jezelf.",
     "Ik ben begonnen als docent en heb later een opleiding data-analyse gedaan. Sinds twee jaar werk ik als "
     "analist bij een energiebedrijf, vooral rapportages. Nu wil ik meer echte analyses doen, en dat zag ik in "
     "jullie vacature terug."),
    ("en", "Give me a quick overview of your background.",
     "I started as an SDR and moved into an account executive role after a year. Two years ago I joined my "
     "current company, where I handle the full cycle now. I'd like larger accounts, which is why your role "
     "caught my eye."),
])
def test_what_you_do_now_said_in_other_words_is_heard(lang: str, question: str, answer: str) -> None:
    feedback = check(answer, question=question, lang=lang)
    if shown(feedback, "interview.self_intro") == "warning":
        text = message(feedback, "interview.self_intro")
        assert "wat je nu doet" not in text and "what you do now" not in text


def test_new_accounts_in_words_are_counted() -> None:
    answer = ("Mijn omzettarget was 1,2 miljoen en ik kwam uit op 1,3 miljoen, dus 108 procent, derde van negen. "
              "Nieuwe klanten werden er twaalf, de rest kwam uit uitbreiding bij bestaande klanten.")
    feedback = check(answer, question="Wat waren vorig jaar je targets, en hoe heb je het gedaan?", lang="nl")
    if shown(feedback, "sales.results_breakdown") == "warning":
        assert "het aantal nieuwe accounts" not in message(feedback, "sales.results_breakdown")


# --- A claim only where the engine can be sure (third precision round) ---------------------------------------


def outcome_of(answer: str, criterion: str, lang: str) -> Outcome | None:
    return run(analyse(answer, lang), load_criteria()[criterion])  # type: ignore[arg-type]


def held(results: list[tuple[str, Outcome]], score: int, words: int = 120) -> dict[str, bool]:
    """Whether each outcome is still claimed after hold_back, by criterion id."""
    criteria = load_criteria()
    pairs = [(criteria[c], o) for c, o in results]
    return {c.id: o.claim for c, o in hold_back(pairs, score, words)}


@pytest.mark.parametrize("score", [20, 45, 80])
def test_a_cross_of_what_is_lacking_is_not_claimed_in_any_band(score: int) -> None:
    # judged wrong about half the time even in the lowest band on fresh holdouts (7 of 15, rounds 8-10)
    results = [("structure.star", Outcome("warning")), ("evidence.concrete_example", Outcome("missed")),
               ("sales.value_selling", Outcome("missed"))]
    assert not any(held(results, score).values())


def test_jargon_found_and_too_few_questions_for_the_interviewer_stay_claimed() -> None:
    jargon = Outcome("missed", values={"jargon": "API"})
    results = [("it.explain_simply", jargon), ("interview.candidate_questions", Outcome("missed"))]
    assert all(held(results, 20).values())


def step_of(results: list[tuple[str, Outcome]], kind: str, score: int) -> tuple[str, bool] | None:
    """The next step chosen after hold_back (criterion id, and whether its outcome is claimed)."""
    from coach.analysis.engine import choose_next_step

    criteria = load_criteria()
    pairs = hold_back([(criteria[c], o) for c, o in results], score, 120)
    step = choose_next_step(pairs, (), kind)
    return (step[0].id, step[1].claim) if step else None


def test_only_a_claimed_gap_is_the_next_step() -> None:
    results = [("structure.star", Outcome("warning")), ("collaboration.teamwork", Outcome("met"))]
    assert step_of(results, "behavioural", 45) is None  # on the way: the engine is not sure, no step
    assert step_of(results, "behavioural", 30) is None  # nor in the lowest band
    assert step_of(results, "behavioural", 80) is None  # strong: no step the engine isn't sure of


DESIGN = {
    "nl": (
        "Hoe zou je caching ontwerpen voor een webshop waarvan de productpagina's traag zijn?",
        "Ik zou een cache voor de productpagina's zetten, voor de producten waar mensen het vaakst naar kijken. "
        "Elke pagina krijgt een verlooptijd van een paar minuten, zodat de prijzen niet te oud worden. De "
        "afbeeldingen kunnen op een CDN, want die veranderen bijna nooit. Dat haalt belasting van de database en "
        "de pagina's worden sneller.",
    ),
    "en": (
        "How would you design caching for an online shop whose product pages are slow?",
        "So I would put a cache in front of the product pages, for the products that people look at most. I "
        "would give every entry an expiry time of a few minutes so prices do not get too old. That takes load "
        "off the database and the pages get faster. The images can go on a CDN, since they hardly ever change.",
    ),
}


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_without_a_sure_next_step_the_band_says_what_the_kind_asks_for(lang: str) -> None:
    question, answer = DESIGN[lang]  # a design that jumps to the solution: no question about what is needed
    feedback = check(answer, question=question, lang=lang)
    assert feedback.band == "on_the_way" and feedback.next_step is None
    assert "it.requirements_first" in feedback.unclaimed
    assert not [f for f in feedback.findings if f.status != "met"]  # no cross the engine isn't sure of
    described = feedback_to_json(feedback)["band"]
    wants = {"nl": "Wat een sterk antwoord op dit soort vraag geeft: Eerst de eisen en beperkingen",
             "en": "What a strong answer to this kind of question gives: Requirements and constraints first"}
    assert described["next"].startswith(wants[lang])


@pytest.mark.parametrize(("lang", "question", "answer", "wants"), [
    ("nl", "Wat is je opzegtermijn?", "Mijn opzegtermijn? Dat weet ik eigenlijk niet precies, dat moet ik nog even "
     "opzoeken in mijn contract.", "Een helder, rustig antwoord"),
    ("en", "What is your notice period?", "My notice period? I don't know exactly, I would have to look it up in my "
     "contract.", "A clear, calm answer"),
])
def test_a_weak_answer_without_a_sure_step_gets_what_its_kind_asks_for(
    lang: str, question: str, answer: str, wants: str
) -> None:
    feedback = check(answer, question=question, lang=lang)
    assert feedback.band == "not_yet" and feedback.next_step is None
    assert wants in feedback_to_json(feedback)["band"]["next"]


def test_with_a_sure_next_step_the_band_points_at_it() -> None:
    feedback = check("Ehm, nou ja, ehm, ik weet het eigenlijk niet zo goed.", question="Vertel eens over jezelf.",
                     lang="nl")
    assert feedback.next_step is not None
    assert feedback_to_json(feedback)["band"]["next"] == describe_band(feedback.band, "nl")["next"]


def test_red_flags_and_counted_crosses_stay_claimed_on_a_strong_answer() -> None:
    results = [("attitude.blame", Outcome("warning")), ("delivery.fillers", Outcome("warning"))]
    assert all(held(results, 85).values())


def test_too_long_on_a_strong_answer_only_when_far_over_the_maximum() -> None:
    def long(words: int) -> list[tuple[str, Outcome]]:
        return [("delivery.length", Outcome("warning", values={"words": str(words), "min": "90", "max": "300"}))]

    assert held(long(309), 80) == {"delivery.length": False}  # dense and a little over
    assert held(long(380), 80) == {"delivery.length": True}
    assert held(long(309), 50) == {"delivery.length": True}  # a ramble on a weaker answer


def test_a_little_short_only_on_a_short_answer_below_the_strong_band() -> None:
    def short(words: int, least: int) -> list[tuple[str, Outcome]]:
        values = {"words": str(words), "min": str(least), "max": "300"}
        return [("delivery.length", Outcome("warning", values=values))]

    assert held(short(45, 70), 50, 45) == {"delivery.length": True}
    assert held(short(45, 70), 80, 45) == {"delivery.length": False}  # compact and complete
    assert held(short(79, 90), 40, 79) == {"delivery.length": False}  # 79 words: the problem is elsewhere
    assert held(short(52, 70), 40, 52) == {"delivery.length": True}


def test_no_delivery_praise_on_a_curt_answer() -> None:
    # "few filler words (0)" on "Eerlijk? Op gevoel. ... Beoordeel me op omzet." (30 words, round 13)
    results = [("delivery.fillers", Outcome("met")), ("delivery.hedges", Outcome("met"))]
    assert held(results, 80, 30) == {"delivery.fillers": False, "delivery.hedges": False}
    assert held(results, 80, 60) == {"delivery.fillers": True, "delivery.hedges": True}


def test_a_content_tick_needs_an_excellent_answer() -> None:
    # in the strong band readers judged content ticks wrong one time in nine (a motivation that only names
    # the company, a breakdown without the rank); delivery ticks held up there
    results = [("interview.motivation", Outcome("met")), ("delivery.fillers", Outcome("met"))]
    assert held(results, 50) == {"interview.motivation": False, "delivery.fillers": True}
    assert held(results, 75) == {"interview.motivation": False, "delivery.fillers": True}
    assert held(results, 90) == {"interview.motivation": True, "delivery.fillers": True}


def test_whole_answer_praise_is_not_claimed_in_the_lowest_band() -> None:
    results = [(c, Outcome("met")) for c in ("relevance.on_topic", "delivery.length", "delivery.hedges")]
    assert not any(held(results, 20).values())
    assert not any(held(results, 50).values())  # "confident" only from the strong band
    assert held(results, 70) == {
        "relevance.on_topic": False,  # "addresses the question" and "a good length" only when excellent
        "delivery.length": False,
        "delivery.hedges": True,
    }
    assert all(held(results, 90).values())


@pytest.mark.parametrize("score", [50, 75, 95])
def test_no_repetition_is_never_praised_and_a_good_length_only_in_the_excellent_band(score: int) -> None:
    # readers found answers that say the same thing in other words, or recap every point, and rambles praised
    # for their length
    results = [("delivery.length", Outcome("met", values={"words": "120"})), ("delivery.repetition", Outcome("met"))]
    assert held(results, score) == {"delivery.length": score >= 90, "delivery.repetition": False}


def test_a_practical_answer_is_called_concrete_only_when_excellent() -> None:
    results = [("interview.practicalities", Outcome("met"))]
    assert held(results, 75) == {"interview.practicalities": False}
    assert held(results, 92) == {"interview.practicalities": True}


@pytest.mark.parametrize(("lang", "answer"), [
    ("nl", "Ja, twee vragen. Hebben jullie een sportschoolvergoeding? En hoe snel kan ik hier architect worden?"),
    ("en", "Yes, two questions. Is there a gym allowance? And how quickly could I grow into an architect role?"),
])
def test_a_question_about_the_gym_is_about_the_terms(lang: str, answer: str) -> None:
    question = {"nl": "Heb je nog vragen voor ons?", "en": "Do you have any questions for us?"}[lang]
    assert shown(check(answer, question=question, lang=lang), "interview.candidate_questions") == "warning"


def test_figures_are_never_called_consistent_but_a_sum_that_does_not_add_up_is_named() -> None:
    # the checks cover the sums a recruiter does on the spot, not every relation between figures
    assert held([("evidence.numbers_consistent", Outcome("met"))], 95) == {
        "evidence.numbers_consistent": False
    }
    assert held([("evidence.numbers_consistent", Outcome("warning"))], 95) == {
        "evidence.numbers_consistent": True
    }


def test_no_content_tick_beside_a_red_flag() -> None:
    results = [("structure.approach", Outcome("met")), ("sales.discount_first", Outcome("warning"))]
    assert held(results, 90) == {"structure.approach": False, "sales.discount_first": True}
    results = [("structure.approach", Outcome("met")), ("sales.discount_first", Outcome("met"))]
    assert held(results, 90)["structure.approach"] is True


@pytest.mark.parametrize(
    "criterion", ["evidence.figures", "structure.steps", "sales.results_breakdown", "impact.business"]
)
def test_ticks_that_list_what_the_answer_has_are_never_claimed(criterion: str) -> None:
    # still judged wrong on excellent answers in rounds 8-13 (a part named that the answer lacks, weak figures)
    results = [(criterion, Outcome("met")), ("structure.approach", Outcome("met"))]
    assert held(results, 95) == {criterion: False, "structure.approach": True}


def test_a_cross_about_the_questions_asked_is_claimed_in_every_band() -> None:
    results = [("interview.candidate_questions", Outcome("warning"))]
    assert held(results, 50) == {"interview.candidate_questions": True}


def test_no_star_tick_on_a_story_told_with_we() -> None:
    results = [("structure.star", Outcome("met")), ("evidence.first_person", Outcome("warning"))]
    assert held(results, 90)["structure.star"] is False
    results = [("structure.star", Outcome("met")), ("evidence.first_person", Outcome("met"))]
    assert held(results, 90)["structure.star"] is True


@pytest.mark.parametrize(("lang", "question", "answer"), [
    ("nl", "Hoe bouw je een relatie op met klanten die je nooit in het echt ziet?",
     "Ik zou vooral vaak bellen en mailen, en af en toe videobellen zodat ze een gezicht bij de naam hebben. "
     "Persoonlijk contact vind ik het belangrijkst, ook op afstand, en ik stuur ze regelmatig een update."),
    ("en", "How do you build a relationship with customers you never meet in person?",
     "I would mostly call and email, and now and then set up a video call so they can put a face to the name. "
     "Personal contact matters most to me, even at a distance, and I would send them regular updates."),
])
def test_no_concrete_situation_is_asked_of_a_how_would_you_question(lang: str, question: str, answer: str) -> None:
    feedback = check(answer, question=question, lang=lang)
    assert shown(feedback, "evidence.concrete_example") is None
    assert "evidence.concrete_example" in feedback.unclaimed


@pytest.mark.parametrize(("lang", "question", "answer"), [
    ("nl", "Vertel over een keer dat je een conflict had met een collega.",
     "Ik ben meestal iemand die rustig blijft. Bij conflicten praat ik het gewoon uit en dan komt het wel goed. "
     "Zo werk ik altijd, ik vind communicatie heel belangrijk in een team."),
    ("en", "Tell me about a time you had a conflict with a colleague.",
     "I'm usually someone who stays calm. When there's a conflict I just talk it through and then it works out. "
     "That's how I always work, I find communication really important in a team."),
])
def test_generalities_to_a_tell_me_about_a_time_question_count_in_the_score_but_are_not_claimed(
    lang: str, question: str, answer: str
) -> None:
    # "you talk in generalities" was judged wrong on a story about one named colleague (round 10)
    feedback, results = evaluate(answer, question, lang)
    assert dict((c.id, o.status) for c, o in results)["evidence.concrete_example"] in ("warning", "missed")
    assert shown(feedback, "evidence.concrete_example") is None and feedback.score < 40


@pytest.mark.parametrize(("lang", "answer"), [
    ("nl", "Ehm, nou, de klant belde, zeg maar, en eh, we moesten dus, ehm, snel iets leveren, zeg maar. Nou, dat "
           "hebben we eh gedaan, en toen was de klant ehm tevreden en zo."),
    ("en", "Um, so, the customer called, you know, and uh, we had to, um, deliver something fast. So, uh, we did "
           "that, I mean, and then the customer was, um, happy and stuff."),
])
def test_a_nervous_answer_without_hedges_is_not_called_confident(lang: str, answer: str) -> None:
    outcome = outcome_of(answer, "delivery.hedges", lang)
    assert outcome is None or not outcome.claim


@pytest.mark.parametrize(("lang", "answer"), [
    ("nl", "Vorig jaar haalde ik 540.000 euro omzet op een target van 450.000, dus 120 procent. Ik sloot "
           "veertien nieuwe klanten en werd tweede van de negen accountmanagers in mijn regio."),
    ("en", "Last year I closed 540,000 euros against a target of 450,000, so 120 percent. I signed fourteen "
           "new customers and came second of the nine account managers in my region."),
])
def test_a_calm_answer_without_hedges_is_called_confident(lang: str, answer: str) -> None:
    outcome = outcome_of(answer, "delivery.hedges", lang)
    assert outcome is not None and outcome.status == "met" and outcome.claim


@pytest.mark.parametrize(("text", "lang"), [
    ("Ik zeg gewoon wat ik denk, ook tegen mijn manager.", "nl"),
    ("In zwaktes denk ik niet zo; ik denk niet zo in termen van zwak of sterk.", "nl"),
    ("Ik geloof in korte lijnen met de klant.", "nl"),
    ("I tell people what I think, also my manager.", "en"),
    ("I believe in short lines with the customer, and I think about the user first.", "en"),
])
def test_saying_what_you_think_is_no_hedge(text: str, lang: str) -> None:
    assert find_hedges(text, lang) == []


@pytest.mark.parametrize(("text", "lang"), [
    ("Het contract is getekend, ik denk na een maand of acht.", "nl"),
    ("Ik denk dat we zo'n tien procent hebben bespaard.", "nl"),
    ("I think we saved about ten percent.", "en"),
])
def test_an_i_think_about_a_fact_is_still_a_hedge(text: str, lang: str) -> None:
    assert len(find_hedges(text, lang)) == 1


@pytest.mark.parametrize(("lang", "answer"), [
    ("en", "My target was six hundred K and I closed seven hundred and twenty, so that's a hundred and thirty "
           "percent of target, which put me in the top three of the team."),
    ("nl", "Mijn target was vierhonderd en ik haalde er vijfhonderd, dus honderd en vijfentwintig procent. Ik "
           "stond tweede in het team."),
    ("nl", "Ik stond lang op nummer twee in het team, maar eindigde als derde omdat een collega nog een grote "
           "order binnenhaalde. Mijn score was 104 procent van target."),
])
def test_figures_that_may_be_misread_get_no_consistency_tick(lang: str, answer: str) -> None:
    outcome = outcome_of(answer, "evidence.numbers_consistent", lang)
    assert outcome is None or outcome.status != "met" or not outcome.claim


@pytest.mark.parametrize(("lang", "answer"), [
    ("nl", "Mijn target was 450.000 euro en ik haalde 540.000 euro, dus 120 procent. Ik sloot veertien nieuwe "
           "klanten."),
    ("en", "My target was 450,000 euros and I closed 540,000 euros, so 120 percent. I signed fourteen new "
           "customers."),
])
def test_figures_read_with_certainty_keep_the_consistency_tick(lang: str, answer: str) -> None:
    outcome = outcome_of(answer, "evidence.numbers_consistent", lang)
    assert outcome is not None and outcome.status == "met" and outcome.claim


@pytest.mark.parametrize(("lang", "answer", "claimed"), [
    ("en", "We saw the queue grow, so I checked the logs and I raised the memory limit. We then added an alert "
           "and we wrote it down for the night shift, and we closed the incident.", False),
    ("en", "We saw the queue grow, so we checked the logs and we raised the memory limit. We then added an alert "
           "and we closed the incident.", True),
    ("nl", "We zagen de wachtrij groeien, dus ik keek in de logs en ik verhoogde de geheugenlimiet. Daarna hebben "
           "we een alert toegevoegd, we schreven het op voor de nachtdienst en we sloten het incident.", False),
    ("nl", "We zagen de wachtrij groeien, dus we keken in de logs en we verhoogden de geheugenlimiet. Daarna "
           "hebben we een alert toegevoegd en we sloten het incident.", True),
])
def test_mostly_we_is_claimed_only_where_we_clearly_dominates(lang: str, answer: str, claimed: bool) -> None:
    outcome = outcome_of(answer, "evidence.first_person", lang)
    assert outcome is not None and outcome.status == "warning" and outcome.claim is claimed


def test_addresses_the_question_quotes_no_words() -> None:
    # the words an answer shares with its question ("klant") were judged no evidence that it addresses it
    answer = ("Een klant van ons, een groothandel, wilde opzeggen omdat een nieuwe inkoper nooit iemand van ons had "
              "gesproken. Ik ben langsgegaan, heb het bestelsysteem uitgelegd en een vast overleg per kwartaal "
              "afgesproken. Ze zijn gebleven.")
    question = "Vertel eens over een keer dat je een klant terug moest winnen."
    analysis = analyse(answer, "nl", question_text=question, kind="behavioural")
    outcome = run(analysis, load_criteria()["relevance.on_topic"])
    assert outcome is not None and outcome.status == "met" and outcome.spans == ()


@pytest.mark.parametrize(
    ("lang", "answer"),
    [
        ("en", "When the buyer says it's too expensive, I'd say: what would it cost you to keep doing it by hand?"),
        ("en", "I would say to them that we can start small, with one team, and decide together after a month."),
        ("nl", "Als de klant zegt dat het te duur is, zou ik zeggen: wat kost het je om het zo te laten?"),
        ("nl", "Ik zou zeggen tegen hem dat we klein kunnen beginnen, met één team, en na een maand kijken."),
    ],
)
def test_reported_speech_is_no_hedge(lang: str, answer: str) -> None:
    assert find_hedges(answer, lang) == []


@pytest.mark.parametrize(
    ("lang", "answer"),
    [("en", "I'd say I'm quite good with customers."), ("nl", "Ik zou zeggen dat ik goed ben met klanten.")],
)
def test_i_would_say_before_a_claim_is_a_soft_hedge(lang: str, answer: str) -> None:
    # A lead-in, not "often hedging" (readers judged a warning that counted it wrong), but no praise for
    # stating things with confidence either.
    assert find_hedges(answer, lang) == []
    said = [answer[a:b].lower() for a, b in find_soft_hedges(answer, lang)]
    assert said == ["i'd say"] if lang == "en" else said == ["ik zou zeggen"]
    assert outcome_of(answer + " " + answer, "delivery.hedges", lang) is None


HEDGED = {
    "en": "I think they'd probably say I'm reliable, and maybe a bit impatient when a meeting has no agenda.",
    "nl": "Ik denk dat hij zou zeggen dat ik betrouwbaar ben, en waarschijnlijk ook dat ik soms ongeduldig ben.",
}


@pytest.mark.parametrize(
    ("lang", "question", "warned"),
    [
        ("en", "What would your manager say is your weak point?", False),
        ("en", "Where do you see yourself in five years?", False),
        ("en", "What is your weak point?", True),
        ("nl", "Als ik je vorige leidinggevende bel, wat zegt hij dan over jou?", False),
        ("nl", "Hoe zouden collega's jou omschrijven?", False),
        ("nl", "Wat is je zwakke punt?", True),
    ],
)
def test_hedges_are_no_warning_where_the_question_asks_for_a_guess(lang: str, question: str, warned: bool) -> None:
    analysis = analyse(HEDGED[lang], lang, question_text=question)  # type: ignore[arg-type]
    outcome = run(analysis, load_criteria()["delivery.hedges"])
    assert (outcome is not None and outcome.status == "warning") is warned


def test_addresses_the_question_is_claimed_only_from_the_strong_band() -> None:
    # Whole-answer praise: below the strong band an answer may only touch the question's words.
    thin = check(
        "Waarom ik bij jullie wil werken? Jullie zijn een mooi bedrijf en de sfeer lijkt me goed. En de leaseauto "
        "natuurlijk, haha. Ik wil graag bij een bedrijf werken waar ik kan groeien.",
        "Waarom wil je bij ons werken?",
        lang="nl",
    )
    assert thin.score < 65
    assert all(f.criterion != "relevance.on_topic" or f.status != "met" for f in thin.findings)


@pytest.mark.parametrize(
    ("lang", "answer", "claimed"),
    [
        # about the work, in words the topic list doesn't have: counted in the score, not called general
        ("nl", "Ja. Wat deed mijn voorganger vooral? En hoe is de taakverdeling met de receptie? En wie wordt "
               "mijn directe leidinggevende?", False),
        ("en", "Yes. Who would I report to day to day? And how is the work split with reception?", False),
        # mostly the procedure and the terms: that is what the warning says
        ("nl", "Ja. Hoeveel vakantiedagen krijg ik? En wanneer hoor ik iets over de tweede ronde? En hoe is de "
               "sfeer?", True),
        ("en", "How many vacation days do I get? And is there a company car?", True),
    ],
)
def test_general_questions_are_claimed_only_when_mostly_about_procedure_or_terms(
    lang: str, answer: str, claimed: bool
) -> None:
    outcome = outcome_of(answer, "interview.candidate_questions", lang)
    assert outcome is not None and outcome.status == "warning" and outcome.claim is claimed


@pytest.mark.parametrize(
    ("criterion", "lang", "answer"),
    [
        ("collaboration.lone_wolf", "en", "I wanted it perfect, so I worked seventy hours a week. The GM told me to "
                                          "delegate, and I learned that you can't do everything alone."),
        ("collaboration.lone_wolf", "nl", "Ik werkte zeventig uur per week. Mijn manager zei dat ik moest delegeren, "
                                          "en ik heb geleerd dat je niet alles alleen kunt doen."),
        ("attitude.i_was_right", "en", "Before IT I was a chef, right, and in kitchens there's conflict every day. "
                                       "After service I went to him and asked why he kept changing my station."),
    ],
)
def test_a_lesson_against_the_habit_and_a_tag_question_are_no_red_flags(criterion: str, lang: str, answer: str) -> None:
    outcome = outcome_of(answer, criterion, lang)
    assert outcome is None or outcome.status != "warning"


@pytest.mark.parametrize(
    ("lang", "question", "answer"),
    [
        ("nl", "Leg eens aan iemand van marketing uit wat cloud computing is.",
         "Jullie gebruiken Mailchimp, toch? Dan gebruiken jullie al cloud computing. Die software draait niet op "
         "jullie laptop maar op computers van Mailchimp in een datacenter, en jullie betalen per maand. Let wel "
         "op waar je klantdata staat, vanwege de AVG."),
        ("en", "Explain cloud computing to someone from marketing.",
         "You use Mailchimp, right? Then you're already using cloud computing. The software doesn't run on your "
         "laptop but on Mailchimp's computers in a data centre, and you pay per month. Just check where your "
         "customer data lives, because of the GDPR."),
    ],
)
def test_an_example_from_the_listeners_own_tools_is_a_plain_picture(lang: str, question: str, answer: str) -> None:
    # a reader judged "your explanation stays technical" wrong on such an answer
    analysis = analyse(answer, lang, question_text=question, kind="explain")  # type: ignore[arg-type]
    outcome = run(analysis, load_criteria()["it.explain_simply"])
    assert outcome is not None and outcome.status == "met"


def test_an_explanation_in_jargon_is_held_below_the_strong_band() -> None:
    question = "Leg eens aan iemand van marketing uit wat cloud computing is."
    dump = (
        "Cloud computing is het on-demand beschikbaar stellen van compute, storage en networking resources via "
        "het internet. Je hebt drie servicemodellen: IaaS, PaaS en SaaS. Bij IaaS huur je virtuele machines op "
        "een hypervisor, bij PaaS deploy je gewoon je code. Veel bedrijven doen containers met Kubernetes. Het "
        "voordeel is elasticiteit: je kunt horizontaal schalen met autoscaling groups, en je betaalt per "
        "gebruik. Je hebt ook regio's en availability zones voor high availability."
    )
    plain = (
        "Jullie gebruiken Mailchimp, toch? Dan gebruiken jullie al cloud computing. Die software draait niet op "
        "jullie laptop maar op computers van Mailchimp in een datacenter, en jullie betalen per maand. Voor "
        "jullie betekent dat: je kunt snel opschalen als een campagne aanslaat, zonder zelf servers te kopen."
    )
    capped = check(dump, question=question, lang="nl")
    assert capped.score_parts["cap"] == 45 and capped.score <= 45
    assert check(plain, question=question, lang="nl").score_parts["cap"] == 100


@pytest.mark.parametrize(
    ("answer", "weighed"),
    [
        ("So I'd design for that: idempotency, expiry and good metrics on delivery, not just on sent messages.", False),
        ("I'd start by measuring, not caching, because we don't know yet where the time goes.", True),
    ],
)
def test_not_just_adds_to_a_list_and_weighs_no_alternative(answer: str, weighed: bool) -> None:
    outcome = run(analyse(answer, "en", kind="technical"), load_criteria()["it.alternatives"])
    assert outcome is not None and (outcome.status == "met") is weighed


def test_questions_about_the_pay_plan_count_as_terms() -> None:
    answer = ("What's the split between base and variable, and is there a cap? How long is the ramp? And what "
              "are the accelerators above target?")
    outcome = outcome_of(answer, "interview.candidate_questions", "en")
    assert outcome is not None and outcome.status == "warning" and outcome.claim


def test_a_jargon_dump_is_called_technical_not_credited_with_parts() -> None:
    answer = ("Cloud computing is het on-demand beschikbaar stellen van compute, storage en networking resources. "
              "Je hebt IaaS, PaaS en SaaS. Bij IaaS huur je virtuele machines op een hypervisor, denk aan EC2. Bij "
              "PaaS deploy je je code, denk aan Heroku. Veel bedrijven doen containers met Kubernetes en je "
              "betaalt per gebruik.")
    analysis = analyse(answer, "nl", question_text="Leg aan marketing uit wat de cloud is.", kind="explain")
    outcome = run(analysis, load_criteria()["it.explain_simply"])
    assert outcome is not None and outcome.status == "missed" and "IaaS" in outcome.values["jargon"]


@pytest.mark.parametrize(
    ("lang", "question", "answer"),
    [
        ("en", "Why are you looking to leave your current job?",
         "Since the takeover most decisions come from a roadmap abroad and we mostly implement tickets. I'm looking "
         "for a place where developers are closer to the product, and that's why I applied here, because in the "
         "first call you said your teams own a product area end to end."),
        ("nl", "Waarom wil je weg bij je huidige werkgever?",
         "Sinds de overname voeren we vooral tickets uit. Ik zoek een plek waar developers dicht op het product "
         "zitten, en daarom heb ik hier gesolliciteerd, want in het eerste gesprek zei je dat de teams een "
         "productgebied helemaal zelf doen."),
    ],
)
def test_what_the_interviewer_said_earlier_is_something_specific_about_the_employer(
    lang: str, question: str, answer: str
) -> None:
    # a reader judged "it could be about any job" wrong on such an answer
    outcome = run(analyse(answer, lang, question_text=question, kind="motivation"),  # type: ignore[arg-type]
                  load_criteria()["interview.motivation"])
    assert outcome is not None and outcome.status == "met"


# --- round 8: what both blind readers judged wrong --------------------------------------------------------


@pytest.mark.parametrize(("lang", "few", "many"), [
    ("en", "Last year, so, um, I built the report, and, uh, the team used it every week, and it saved the planners "
           "a lot of time, they told me so, and I kept improving it after that, um, for a year.",
     "Last year, so, um, I built the report, and, uh, the team used it every week, and, uh, it saved the planners "
     "a lot of time, they told me so, and I kept improving it after that, um, for a year."),
    ("nl", "Ehm, ik heb dat rapport gebouwd, en eh, het team gebruikte het elke week, en eh, het scheelde de "
           "planners veel tijd, dat zeiden ze ook, en ik heb het daarna, ehm, steeds verbeterd.",
     "Ehm, ik heb dat rapport gebouwd, en eh, het team gebruikte het elke week, en eh, het scheelde de "
     "planners eh veel tijd, dat zeiden ze ook, en ik heb het daarna, ehm, steeds verbeterd."),
])
def test_a_lot_of_fillers_is_claimed_from_five(lang: str, few: str, many: str) -> None:
    four, five = outcome_of(few, "delivery.fillers", lang), outcome_of(many, "delivery.fillers", lang)
    assert four is not None and five is not None
    assert (four.status, four.values["count"], four.claim) == ("warning", "4", False)  # still costs its penalty
    assert (five.status, five.values["count"], five.claim) == ("warning", "5", True)


def test_often_hedging_is_claimed_from_four_hedges() -> None:
    base = "I built the pipeline for the finance team and it cut the monthly close from five days to two. "
    for hedges, claimed in (("I think maybe it was good, probably. ", False),
                            ("I think maybe it was good, probably, I guess. ", True)):
        outcome = outcome_of(hedges + base, "delivery.hedges", "en")
        assert outcome is not None and outcome.status == "warning" and outcome.claim is claimed, hedges


@pytest.mark.parametrize(("lang", "quantity", "option"), [
    ("en", "We load-tested it with ten thousand records instead of ten, and it held.",
     "We picked Postgres instead of MongoDB because the reports needed joins."),
    ("nl", "We hebben het getest met tienduizend records in plaats van tien, en het hield stand.",
     "We kozen Postgres in plaats van MongoDB, omdat de rapportages joins nodig hadden."),
])
def test_instead_of_a_quantity_is_no_alternative_weighed(lang: str, quantity: str, option: str) -> None:
    assert outcome_of(quantity, "it.alternatives", lang).status == "missed"  # type: ignore[union-attr]
    assert outcome_of(option, "it.alternatives", lang).status == "met"  # type: ignore[union-attr]


@pytest.mark.parametrize(("lang", "sweetener", "caved"), [
    ("en", "They compared us with two other vendors for three months. In the end they chose us, and we gave them "
           "a small discount, 5 percent, for signing before the end of the quarter.",
     "They said it was too expensive, so I gave them 10% off straight away."),
    ("nl", "Ze hebben ons drie maanden met twee anderen vergeleken. Uiteindelijk kozen ze voor ons, en we gaven 5% "
           "korting als ze voor het eind van het kwartaal tekenden.",
     "Ze vonden het te duur, dus ik gaf ze meteen 10% korting."),
])
def test_a_sweetener_after_the_customer_chose_is_not_discounting_first(lang: str, sweetener: str, caved: str) -> None:
    assert outcome_of(sweetener, "sales.discount_first", lang).status == "met"  # type: ignore[union-attr]
    assert outcome_of(caved, "sales.discount_first", lang).status == "warning"  # type: ignore[union-attr]


@pytest.mark.parametrize(("lang", "self_critical", "gloating"), [
    ("en", "I said it sharply, in front of everyone. On the content I was right: the estimates doubled. But the "
           "way I did it, not great. The lesson: being right isn't enough.",
     "I said it in front of everyone. In the end I was right and they had to admit it, told you so."),
    ("nl", "Ik zei het fel, waar iedereen bij was. Inhoudelijk had ik gelijk, maar de manier waarop ik het bracht "
           "was niet handig. Dat had ik anders moeten doen.",
     "Ik zei het waar iedereen bij was. Uiteindelijk had ik gewoon gelijk, zie je wel."),
])
def test_being_right_told_with_self_criticism_is_no_i_was_right(lang: str, self_critical: str, gloating: str) -> None:
    assert outcome_of(self_critical, "attitude.i_was_right", lang).status == "met"  # type: ignore[union-attr]
    assert outcome_of(gloating, "attitude.i_was_right", lang).status == "warning"  # type: ignore[union-attr]


@pytest.mark.parametrize(("lang", "question", "answer"), [
    ("nl", "Zoek je echt iets vasts, of sta je ook open voor een jaarcontract via een detacheerder?",
     "Het liefst iets vasts, want de bank wil een vast contract zien als we verhuizen. Een jaarcontract met "
     "uitzicht op vast zou ik wel overwegen."),
    ("en", "Are you looking for a permanent job, or are you open to a one-year contract?",
     "I'd prefer a permanent role, because we want to buy a house and the bank asks for one. A one-year contract "
     "with a view to permanent I would consider."),
])
def test_a_clear_choice_of_contract_is_a_concrete_answer(lang: str, question: str, answer: str) -> None:
    outcome = outcome_in_check(answer, question, "interview.practicalities", lang)
    assert outcome.status == "met"


@pytest.mark.parametrize(("lang", "answer"), [
    ("nl", "Hoe is het commissiesysteem opgebouwd? En hoe worden de leads verdeeld, komen die van marketing of "
           "moet je zelf prospecten? En wat vind jij het leukste aan hier werken?"),
    ("en", "How is the commission plan built? And how are leads shared out, do they come from marketing or do I "
           "prospect myself? And what do you enjoy most about working here?"),
])
def test_questions_about_leads_are_about_the_work(lang: str, answer: str) -> None:
    question = {"nl": "Heb je nog vragen voor ons?", "en": "Do you have any questions for us?"}[lang]
    assert outcome_in_check(answer, question, "interview.candidate_questions", lang).status == "met"


# --- round 9 -------------------------------------------------------------------------------------------------


def test_a_lot_of_fillers_is_claimed_from_five_per_hundred_words() -> None:
    fillers = "Um, so, uh, I built it, um, and, uh, it worked. "
    plain = "The planners used the report every week and it saved them a lot of time on the monthly close. "
    normal, heavy = fillers + plain * 5, fillers + plain * 3
    out_normal, out_heavy = outcome_of(normal, "delivery.fillers", "en"), outcome_of(heavy, "delivery.fillers", "en")
    assert out_normal is not None and out_heavy is not None
    assert out_normal.status == "warning" and float(out_normal.values["rate"]) < 5 and not out_normal.claim
    assert out_heavy.status == "warning" and float(out_heavy.values["rate"]) >= 5 and out_heavy.claim


@pytest.mark.parametrize(("lang", "answer"), [
    ("en", "Honestly, I'd tell them they don't need to know. It's my job, their job is finance, and they won't get "
           "it anyway."),
    ("en", "A one-year contract, at my level that's a bit insulting. Either you want me or you don't."),
    ("nl", "Eerlijk gezegd: dat hoeven ze niet te weten, het is mijn vak, en ze snappen het toch niet."),
    ("nl", "Een jaarcontract vind ik op mijn niveau eigenlijk beledigend. Jullie willen me of niet."),
])
def test_writing_off_the_listener_or_an_ultimatum_is_arrogance(lang: str, answer: str) -> None:
    assert outcome_of(answer, "attitude.arrogance", lang).status == "warning"  # type: ignore[union-attr]


def test_not_needing_to_know_the_details_is_no_arrogance() -> None:
    answer = "He doesn't need to know the details, so I kept it to what it means for his budget."
    assert outcome_of(answer, "attitude.arrogance", "en").status == "met"  # type: ignore[union-attr]


@pytest.mark.parametrize(("lang", "answer"), [
    ("en", "They had a lot of downtime and were about to leave. We set up weekly calls, the tech team fixed it, and I "
           "gave them three months free as a gesture. They renewed."),
    ("nl", "Ze hadden veel last van storingen en wilden weg. We hebben wekelijks gebeld, het techteam loste het op, en "
           "ik heb ze als gebaar drie maanden gratis gegeven. Ze hebben verlengd."),
])
def test_free_months_to_make_up_for_downtime_are_not_discounting_first(lang: str, answer: str) -> None:
    assert outcome_of(answer, "sales.discount_first", lang).status == "met"  # type: ignore[union-attr]


def test_meeting_halfway_on_the_discount_is_caught_and_not_wanting_to_discount_is_not() -> None:
    halfway = "Misschien niet vijftien maar tien procent of zo, dat we elkaar een beetje tegemoetkomen."
    unwilling = "Ik wil niet dat de klant denkt dat we altijd maar korting geven, dus ik vraag eerst waarom."
    assert outcome_of(halfway, "sales.discount_first", "nl").status == "warning"  # type: ignore[union-attr]
    assert outcome_of(unwilling, "sales.discount_first", "nl").status == "met"  # type: ignore[union-attr]


def test_a_count_of_deals_that_slipped_is_no_count_of_the_deals_closed() -> None:
    question = "What was your quota last year, and how did you do?"
    slipped = ("My quota was 600K. I closed 540K, so 90%. Then two deals slipped out of Q3 when their CFO left. My "
               "average deal size is around 35K.")
    closed = "I closed 23 deals last year. The average deal was 14,800 euros. In total that was about 500K."
    assert outcome_in_check(slipped, question, "evidence.numbers_consistent", "en").status == "met"
    assert outcome_in_check(closed, question, "evidence.numbers_consistent", "en").status == "warning"


@pytest.mark.parametrize(("lang", "answer"), [
    ("nl", "Dat doe ik graag. Maar mag ik u, eh, nog heel kort één ding vragen: waar zit voor u nu de grootste pijn, "
           "de kosten of de koppelingen? Dan stem ik de mail daarop af."),
    ("en", "Happy to. Can I, uh, just check one thing first: what's the biggest headache for you right now, the cost "
           "or the integrations? Then I'll tailor the mail to that."),
])
def test_an_open_question_put_to_the_customer_in_a_role_play_is_listening(lang: str, answer: str) -> None:
    assert outcome_of(answer, "sales.listening", lang).status == "met"  # type: ignore[union-attr]


def test_leading_questions_put_to_the_customer_are_no_listening() -> None:
    answer = "You agree that quality matters, right? And you want to save money, don't you?"
    assert outcome_of(answer, "sales.listening", "en").status == "missed"  # type: ignore[union-attr]


@pytest.mark.parametrize("question", [
    "Rollenspel. Ik ben eigenaar van een accountantskantoor en ik zeg: 'We hebben al jaren een vaste IT-partner, daar "
    "zijn we tevreden over.' Hoe reageer je?",
    "Role-play. I own an accountancy firm and I say: 'We have had the same IT partner for years and we're happy.' "
    "How do you respond?",
])
def test_a_role_play_where_the_interviewer_says_the_objection_is_an_objection_question(question: str) -> None:
    assert classify(question) == "objection"


# --- recall on dev answers the score ranked far above their blind rating ------------------------------------


def test_the_market_blamed_with_words_in_between_is_blame() -> None:
    blamed = "Dat lag eerlijk gezegd vooral aan de markt, want iedereen was aan het bezuinigen."
    owned = "Dat lag eerlijk gezegd niet aan de markt, dat lag aan mijn eigen voorbereiding."
    assert outcome_of(blamed, "attitude.blame", "nl").status == "warning"  # type: ignore[union-attr]
    assert outcome_of(owned, "attitude.blame", "nl").status == "met"  # type: ignore[union-attr]


@pytest.mark.parametrize(("lang", "lesson", "not_a_lesson"), [
    ("en", "So what I learned from it: you can't win them all, and never give up.",
     "I never give up on a customer, so I called them every month until they signed."),
    ("nl", "Wat ik ervan geleerd heb: je kunt niet alles winnen, en nooit opgeven.",
     "Ik geef nooit op bij een klant, dus ik belde ze elke maand tot ze tekenden."),
])
def test_a_saying_as_the_lesson_is_a_cliche(lang: str, lesson: str, not_a_lesson: str) -> None:
    assert outcome_of(lesson, "learning.cliche_lesson", lang).status == "warning"  # type: ignore[union-attr]
    assert outcome_of(not_a_lesson, "learning.cliche_lesson", lang).status == "met"  # type: ignore[union-attr]


@pytest.mark.parametrize(("lang", "answer"), [
    ("en", "In the end he left the company, so that solved it. Some people just don't get how sales works."),
    ("nl", "Uiteindelijk is hij vertrokken, dus dat was opgelost. Sommige mensen snappen gewoon niet hoe sales werkt."),
])
def test_some_people_just_dont_get_it_is_arrogance(lang: str, answer: str) -> None:
    assert outcome_of(answer, "attitude.arrogance", lang).status == "warning"  # type: ignore[union-attr]


@pytest.mark.parametrize(("lang", "question", "answer"), [
    ("en", "Do you have any questions for us?",
     "Yes, a few. How many vacation days do you have? And is there a lease car from the start, or only after the "
     "probation? Also, can I work from home on Fridays? And is there a bonus for the team when you hit target?"),
    ("nl", "Heb je nog vragen voor ons?",
     "Ja, een paar. Hoeveel vakantiedagen hebben jullie? En is er meteen een leaseauto, of pas na de proeftijd? Mag "
     "ik op vrijdag thuiswerken? En is er een bonus als het team de target haalt?"),
])
def test_questions_only_about_the_terms_hold_the_score_in_the_lowest_band(lang: str, question: str, answer: str) -> None:
    feedback = check(answer, question=question, lang=lang)
    assert feedback.score_parts["cap"] <= 39 and feedback.band == "not_yet"
    assert shown(feedback, "interview.candidate_questions") == "warning"


@pytest.mark.parametrize(("lang", "answer"), [
    ("en", "My target was €400,000. I closed 14 deals, €448,000 together: 120% of my target."),
    ("nl", "Mijn target was €400.000. Ik heb 14 deals gesloten, samen €448.000: 120% van mijn target."),
])
def test_a_total_said_with_together_is_checked_against_the_target(lang: str, answer: str) -> None:
    assert outcome_in_check(answer, "What was your target and how did you do?", "evidence.numbers_consistent", lang).status \
        == "warning"


# --- round 10 ------------------------------------------------------------------------------------------------


def test_a_breakdown_names_only_the_parts_it_has() -> None:
    # "four new clients in Q4" is no split of new business against upsell; "contractwaarde" as the unit of a
    # target is no average deal size
    en = ("Last year my target was 350K in gross margin, and I ended at about 330K, so around 94 percent. I did open "
          "four new clients in Q4, which should help this year.")
    nl = ("Mijn target was 480.000 euro aan nieuwe contractwaarde. Ik heb 530.000 gedaan, dus 110 procent. Dat waren "
          "negen nieuwe klanten, samen 405.000, en de rest, 125.000, kwam uit uitbreidingen bij bestaande klanten.")
    found_en = outcome_of(en, "sales.results_breakdown", "en").values["found"]  # type: ignore[union-attr]
    found_nl = outcome_of(nl, "sales.results_breakdown", "nl").values["found"]  # type: ignore[union-attr]
    assert "new business versus upsell" not in found_en and "deal size" not in found_en
    assert "nieuwe klanten tegenover upsell" in found_nl and "dealgrootte" not in found_nl


@pytest.mark.parametrize(("lang", "one", "two"), [
    ("en", "I can send you a short comparison by email.",
     "We weighed Postgres against DynamoDB: we compared cost and query needs, and chose Postgres rather than Dynamo."),
    ("nl", "Dan krijgen ze een wachtpagina in plaats van een crash.",
     "We hebben Postgres en DynamoDB afgewogen: we vergeleken de kosten en kozen Postgres in plaats van Dynamo."),
])
def test_alternatives_weighed_is_claimed_from_two_places(lang: str, one: str, two: str) -> None:
    single, several = outcome_of(one, "it.alternatives", lang), outcome_of(two, "it.alternatives", lang)
    assert single is not None and single.status == "met" and not single.claim
    assert several is not None and several.status == "met" and several.claim


@pytest.mark.parametrize(("lang", "walkthrough", "real"), [
    ("en", "First I read the acceptance criteria, for example how many wrong attempts before a lockout. Once that "
           "is clear I write the cases.",
     "At my last job I did exactly this for the login: first the criteria, then the cases."),
    ("nl", "Eerst lees ik de acceptatiecriteria, bijvoorbeeld hoeveel foute pogingen voor een blokkade.",
     "Bij mijn vorige werkgever deed ik dit precies zo voor de login: eerst de criteria, dan de cases."),
])
def test_a_real_example_is_an_occasion_not_for_example(lang: str, walkthrough: str, real: str) -> None:
    part = load_criteria()["structure.steps"].parts["example"].patterns.compiled(lang)
    assert not analyse(walkthrough, lang).find(part)
    assert analyse(real, lang).find(part)


@pytest.mark.parametrize(("lang", "answer"), [
    ("en", "Our service is way better than the competitor's, all my customers say so."),
    ("nl", "Onze service is echt veel beter dan die van de concurrent, dat hoor ik van al mijn klanten."),
])
def test_a_sales_claim_about_service_is_no_technology_dogma(lang: str, answer: str) -> None:
    assert outcome_of(answer, "attitude.tech_arrogance", lang).status == "met"  # type: ignore[union-attr]


def test_a_plan_for_when_the_manager_says_no_is_no_blame() -> None:
    plan = "But if he had still said no, then I'd go with his decision and make it work."
    counterfactual = "If sales hadn't overpromised, we would have delivered on time."
    assert outcome_of(plan, "attitude.blame", "en").status == "met"  # type: ignore[union-attr]
    assert outcome_of(counterfactual, "attitude.blame", "en").status == "warning"  # type: ignore[union-attr]


@pytest.mark.parametrize(("lang", "question"), [
    ("en", "Let's role-play. I'm the IT manager of a logistics company. 'We already have a supplier for our cloud "
           "hosting and we're happy with them.' Go ahead."),
    ("nl", "Rollenspel: ik ben de IT-manager. 'We hebben al een leverancier voor onze hosting, daar zijn we "
           "tevreden over.' Ga je gang."),
])
def test_we_already_have_a_supplier_is_an_objection(lang: str, question: str) -> None:
    assert classify(question) == "objection"


@pytest.mark.parametrize(("lang", "answer"), [
    ("en", "My quota was 480K and I did 1.2 million. I closed 42 deals, average deal size about 18K, and a few really "
           "big ones on top."),
    ("nl", "Mijn target was 480K en ik haalde 1,2 miljoen. Ik sloot 42 deals van gemiddeld zo'n 18K, en daarbovenop "
           "nog een paar hele grote."),
])
def test_big_deals_on_top_of_the_average_are_not_multiplied_into_the_total(lang: str, answer: str) -> None:
    question = "What was your quota last year, and how did you do against it?"
    assert outcome_in_check(answer, question, "evidence.numbers_consistent", lang).status == "met"
    without = answer.split(", and a few")[0] + "." if lang == "en" else answer.split(", en daarbovenop")[0] + "."
    assert outcome_in_check(without, question, "evidence.numbers_consistent", lang).status == "warning"


# --- round 11 ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("lang", "answer"), [
    ("en", "Last review round I got a 'meets expectations', which is a joke, because I'm carrying that team."),
    ("nl", "Bij mijn laatste beoordeling kreeg ik een voldoende, wat echt een grap is, want ik trek dat team."),
])
def test_a_verdict_on_ones_own_appraisal_is_no_technology_dogma(lang: str, answer: str) -> None:
    assert outcome_of(answer, "attitude.tech_arrogance", lang).status == "met"  # type: ignore[union-attr]


@pytest.mark.parametrize(("lang", "answer"), [
    ("en", "My biggest strength is that I'm a closer: I get deals over the line."),
    ("nl", "Mijn sterkste punt is dat ik een closer ben, ik krijg deals over de streep."),
])
def test_naming_oneself_a_closer_is_a_strength_not_arrogance(lang: str, answer: str) -> None:
    assert outcome_of(answer, "attitude.arrogance", lang).status == "met"  # type: ignore[union-attr]


@pytest.mark.parametrize(("lang", "trade", "cave"), [
    ("nl", "Als u wilt maak ik een overzicht van de totale kosten, en misschien kunnen we bij een grotere afname "
           "nog iets met de prijs doen.", "Dan kan ik wel iets met de prijs doen."),
    ("en", "I'll send you the total cost over five years, and we could do something on the price for a larger "
           "volume.", "Then I could do something on the price."),
])
def test_a_price_move_for_a_bigger_order_is_a_trade(lang: str, trade: str, cave: str) -> None:
    assert outcome_of(trade, "sales.discount_first", lang).status == "met"  # type: ignore[union-attr]
    assert outcome_of(cave, "sales.discount_first", lang).status == "warning"  # type: ignore[union-attr]


@pytest.mark.parametrize(("text", "lang", "all_of_them", "heard"), [
    ("Ja, dat ging goed, hè, en toen eh was het klaar. Dus ja.", "nl", ["Ja", "hè", "eh", "Dus", "ja"], ["eh", "ja"]),
    ("Yeah, it went well. Well, mostly, um.", "en", ["Yeah", "Well", "um"], ["Well", "um"]),
])
def test_a_lot_of_fillers_counts_only_those_a_recruiter_notices(
    text: str, lang: str, all_of_them: list[str], heard: list[str]
) -> None:
    # the first word acknowledging the question, "dus ja" as two and the particle "hè" were judged wrongly
    # counted (round 11); they still count in the score
    from coach.analysis.fillers import noticed

    found = find_fillers(text, lang)
    assert [w for w, _ in found] == all_of_them
    assert [w for w, _ in noticed(text, found)] == heard


# --- round 12: red flags the score had missed, so that rants scored as excellent and got praise ------------


@pytest.mark.parametrize(("lang", "answer"), [
    ("en", "Honestly the targets were completely unrealistic, and marketing kept sending me leads that were just "
           "garbage."),
    ("en", "Nobody in the team hit it, so that says more about management than about me."),
    ("en", "If they'd given me decent leads and a normal target I would have smashed it."),
    ("nl", "En onze offerteafdeling was ook traag, waardoor de concurrent er al eerder zat."),
    ("nl", "En achteraf bleek dat ze al een voorkeur hadden, dus eigenlijk was het gewoon een slechte lead."),
])
def test_targets_leads_and_departments_blamed_are_blame(lang: str, answer: str) -> None:
    assert outcome_of(answer, "attitude.blame", lang).status == "warning"  # type: ignore[union-attr]


def test_a_realistic_target_is_no_blame() -> None:
    answer = "My target was ambitious but realistic, and I closed 104% of it."
    assert outcome_of(answer, "attitude.blame", "en").status == "met"  # type: ignore[union-attr]


@pytest.mark.parametrize("answer", [
    "Honestly, forty seconds is not slow. I think people are too impatient these days.",
    "Tuning queries is a bit of a hobby for database nerds, it doesn't add business value.",
])
def test_writing_off_users_or_careful_colleagues_is_arrogance(answer: str) -> None:
    assert outcome_of(answer, "attitude.arrogance", "en").status == "warning"  # type: ignore[union-attr]


# --- recall on dev: blame and arrogance in answers that scored 75 or more with a rating of 2 or lower -------


@pytest.mark.parametrize(("lang", "blamed", "shared"), [
    ("en", "Honestly, most deals I lost were not really because of me.",
     "It wasn't because of me alone; the whole team worked on it."),
    ("nl", "Verloren, nou, dat ligt meestal niet echt aan mij eerlijk gezegd.",
     "Dat lag niet aan mij alleen, we deden het samen."),
    ("en", "So there was really nothing I could do, it was a price thing.",
     "There was nothing I could do about the deadline, so I told the client straight away and we split it."),
    ("en", "What I learned is that we need better leads from marketing.",
     "What I learned is to qualify the budget in the first call myself."),
])
def test_putting_the_loss_outside_oneself_is_blame(lang: str, blamed: str, shared: str) -> None:
    assert outcome_of(blamed, "attitude.blame", lang).status == "warning"  # type: ignore[union-attr]
    assert outcome_of(shared, "attitude.blame", lang).status == "met"  # type: ignore[union-attr]


@pytest.mark.parametrize(("lang", "answer"), [
    ("nl", "Ik ben direct. Als mensen daar niet tegen kunnen, dan is dat hun probleem, niet het mijne."),
    ("en", "I'm direct. If people can't handle that, that's their problem, not mine."),
])
def test_their_problem_not_mine_is_arrogance(lang: str, answer: str) -> None:
    assert outcome_of(answer, "attitude.arrogance", lang).status == "warning"  # type: ignore[union-attr]


# --- round 13 (judged, then moved into dev) -----------------------------------------------------------------


@pytest.mark.parametrize(("lang", "refused", "gave"), [
    ("nl", "Mijn marge bleef op peil, omdat ik weinig korting gaf en meer op levertijd verkocht.",
     "Mijn marge zakte, omdat ik meteen korting gaf om de deal rond te krijgen."),
    ("nl", "Wat ik niet ga doen is iedereen korting aanbieden, want dan wachten klanten op het kwartaaleinde.",
     "Dan ga ik iedereen korting aanbieden, want het kwartaal moet gehaald worden."),
    ("en", "My margin held because I gave hardly any discounts and sold on delivery time instead.",
     "My margin dropped because I gave them a discount straight away to close it."),
    ("en", "What I won't do is offer everyone a discount, because then customers learn to wait.",
     "Then I'd offer everyone a discount, because the quarter has to close."),
])
def test_a_discount_said_as_what_one_avoids_is_not_discount_first(lang: str, refused: str, gave: str) -> None:
    assert outcome_of(refused, "sales.discount_first", lang).status == "met"  # type: ignore[union-attr]
    assert outcome_of(gave, "sales.discount_first", lang).status == "warning"  # type: ignore[union-attr]


@pytest.mark.parametrize(("lang", "fact", "blamed"), [
    ("en", "I was an SDR at a start-up for eight months but they ran out of money, so that was not my fault.",
     "I was an SDR at a start-up for eight months but the leads were awful, so that was not my fault."),
    ("nl", "Ik werkte bij een start-up, maar die ging failliet, dus dat was niet mijn schuld.",
     "Ik werkte bij een start-up, maar mijn manager deed niks, dus dat was niet mijn schuld."),
])
def test_a_company_that_folded_is_a_fact_not_blame(lang: str, fact: str, blamed: str) -> None:
    assert outcome_of(fact, "attitude.blame", lang).status == "met"  # type: ignore[union-attr]
    assert outcome_of(blamed, "attitude.blame", lang).status == "warning"  # type: ignore[union-attr]


def test_the_total_of_some_of_the_deals_is_not_the_total_of_all() -> None:
    question = "What was your quota last year, and how did you do against it?"
    part = ("My quota was 720 thousand. That was 19 deals, average a bit over 41K. Honestly, two of those deals, "
            "together around 180K, were more than a fifth of the number.")
    whole = "My quota was 720 thousand. That was 19 deals, average a bit over 41K. Together around 180K."
    assert outcome_in_check(part, question, "evidence.numbers_consistent", "en").status == "met"
    assert outcome_in_check(whole, question, "evidence.numbers_consistent", "en").status == "warning"


@pytest.mark.parametrize(("lang", "made_good", "caved"), [
    ("en", "The customer was unhappy about the delivery times. We fixed the planning with operations and I gave "
           "them ten percent off on the renewal. They stayed.",
     "The customer was unhappy about the price, so I gave them ten percent off on the renewal. They stayed."),
    ("nl", "De klant was ontevreden over de levertijden. We hebben de planning met operations aangepakt en ik gaf "
           "ze tien procent korting op de verlenging. Ze zijn gebleven.",
     "De klant was ontevreden over de prijs, dus ik gaf ze tien procent korting op de verlenging."),
])
def test_a_complaint_made_good_is_not_discount_first(lang: str, made_good: str, caved: str) -> None:
    assert outcome_of(made_good, "sales.discount_first", lang).status == "met"  # type: ignore[union-attr]
    assert outcome_of(caved, "sales.discount_first", lang).status == "warning"  # type: ignore[union-attr]


# --- round 14 (judged, then moved into dev) -----------------------------------------------------------------


def test_a_tag_question_in_ones_own_story_is_no_leading_question() -> None:
    tag = "What I can say is that I performed well. Also, numbers don't say everything, right?"
    asked = "Then I asked him, you want to grow this year, right?"
    assert outcome_of(tag, "sales.leading_questions", "en").status == "met"  # type: ignore[union-attr]
    assert outcome_of(asked, "sales.leading_questions", "en").status == "warning"  # type: ignore[union-attr]


@pytest.mark.parametrize(("lang", "owned", "alone"), [
    ("en", "For four of them I did the whole thing myself, from first call to contract.",
     "I did the whole thing myself, because the others only slowed me down."),
    ("nl", "Toen ik begon stond het pand leeg. Ik heb alles zelf gedaan, de verbouwing, de kaart, het personeel.",
     "Ik heb alles zelf gedaan, want de anderen snapten het niet."),
])
def test_a_job_owned_end_to_end_is_no_lone_wolf(lang: str, owned: str, alone: str) -> None:
    assert outcome_of(owned, "collaboration.lone_wolf", lang).status == "met"  # type: ignore[union-attr]
    assert outcome_of(alone, "collaboration.lone_wolf", lang).status == "warning"  # type: ignore[union-attr]


@pytest.mark.parametrize(("lang", "refused", "gave"), [
    ("nl", "Ik ga de prijs niet zomaar verlagen; ik wil eerst weten wat er in hun huidige contract zit.",
     "Ik ga de prijs meteen verlagen, dan is de klant tevreden."),
    ("en", "If it's price, I'd rather look at scope, maybe they pay for modules they don't use, than just match "
           "the competitor.",
     "If it's price, I'd just match the competitor and keep the customer."),
])
def test_a_price_move_refused_is_not_discount_first(lang: str, refused: str, gave: str) -> None:
    assert outcome_of(refused, "sales.discount_first", lang).status == "met"  # type: ignore[union-attr]
    assert outcome_of(gave, "sales.discount_first", lang).status == "warning"  # type: ignore[union-attr]


def test_that_one_was_not_on_me_is_blame_and_better_than_most_is_arrogance() -> None:
    blamed = "Honestly, that one was not on me. Our solution engineer did a really bad demo in the final round."
    owned = "Honestly, that one was on me: I never met their CFO before the final round."
    assert outcome_of(blamed, "attitude.blame", "en").status == "warning"  # type: ignore[union-attr]
    assert outcome_of(owned, "attitude.blame", "en").status == "met"  # type: ignore[union-attr]
    arrogant = "I'm a developer, and I'm pretty much better than most people I've worked with."
    assert outcome_of(arrogant, "attitude.arrogance", "en").status == "warning"  # type: ignore[union-attr]


@pytest.mark.parametrize(("lang", "question", "demand", "grounded"), [
    ("nl", "Wat zijn je salarisverwachtingen?",
     "Minimaal vijfduizend netto. Ik heb net een huis gekocht, dus dat moet gewoon. Een vriend van mij verdient dat ook.",
     "Ik zit nu op 3.900 bruto, dus ik denk aan 4.200 tot 4.500, afhankelijk van het pakket."),
    ("en", "This is a six-month contract, on-site in Utrecht three days a week. How does that work for you?",
     "On-site three days? I don't do offices anymore. And I'd need at least a year guaranteed.",
     "Three days on-site works for me, and six months is fine if there's a real chance of an extension."),
])
def test_demands_on_private_grounds_or_as_an_ultimatum_are_a_red_flag(
    lang: str, question: str, demand: str, grounded: str
) -> None:
    feedback = check(demand, question=question, lang=lang)
    assert [f.status for f in feedback.findings if f.criterion == "attitude.demands"] == ["warning"]
    assert feedback.score <= 45
    assert outcome_in_check(grounded, question, "attitude.demands", lang).status == "met"


def test_a_house_bought_is_no_demand_outside_a_practical_question() -> None:
    answer = "Ik heb net een huis gekocht in Zwolle, dus ik zoek werk dichter bij huis, en jullie zitten om de hoek."
    criteria = [c.id for c, _ in evaluate(answer, "Waarom wil je bij ons werken?", "nl")[1]]
    assert "attitude.demands" not in criteria


def test_a_saas_jargon_dump_to_a_baker_is_technical_and_a_cd_is_no_jargon() -> None:
    question = ("Imagine I own five bakeries and I'm not technical at all. Explain to me what 'software as a service' "
                "means and why I'd pay every month.")
    dump = ("So SaaS is basically cloud-based, it's multi-tenant, so you don't need on-premise servers. You pay a "
            "subscription, monthly recurring revenue, which is more scalable. And continuous deployment.")
    plain = ("You know how you used to buy software on a CD and install it on the computer in the back office? This "
             "is more like your energy contract: you pay every month and it just works, so there's no big cost up "
             "front and if the tablet in a shop gets stolen, nothing is lost.")
    assert outcome_in_check(dump, question, "it.explain_simply", "en").status == "missed"
    outcome = outcome_in_check(plain, question, "it.explain_simply", "en")
    assert outcome.status == "met" and "CD" not in outcome.values["jargon"]


def test_what_happens_when_a_url_is_typed_is_a_technical_question() -> None:
    assert classify("Can you explain what happens when I type a URL in the browser and press enter?") == "technical"
    assert classify("Wat gebeurt er als ik een URL intyp in de browser?") == "technical"
    assert classify("Leg eens aan mijn moeder uit wat een browser doet.") == "explain"


# --- round 15 (judged, then moved into dev) -----------------------------------------------------------------


def test_a_deal_better_than_none_is_discount_first_not_technology_dogma() -> None:
    answer = ("Ja, dan geef ik die korting gewoon. Een deal met twintig procent korting is nog altijd beter dan geen "
              "deal.")
    assert outcome_of(answer, "attitude.tech_arrogance", "nl").status == "met"  # type: ignore[union-attr]
    assert outcome_of(answer, "sales.discount_first", "nl").status == "warning"  # type: ignore[union-attr]
    dogma = "Kubernetes is gewoon altijd beter dan losse servers."
    assert outcome_of(dogma, "attitude.tech_arrogance", "nl").status == "warning"  # type: ignore[union-attr]


@pytest.mark.parametrize(("lang", "refused"), [
    ("nl", "Korting weggeven omdat het mij qua kwartaal uitkomt, dat doe ik niet, want dan heb je je prijs voorgoed "
           "verlaagd."),
    ("en", "Dropping the price because it suits my quarter, that's not something I do, because then you've lowered "
           "your price for good."),
])
def test_a_discount_one_says_one_does_not_give_is_not_discount_first(lang: str, refused: str) -> None:
    assert outcome_of(refused, "sales.discount_first", lang).status == "met"  # type: ignore[union-attr]


@pytest.mark.parametrize(("lang", "guess", "hedge"), [
    ("en", "Maybe she doesn't know.", "Maybe I'm wrong."),
    ("nl", "Misschien weet ze het niet.", "Misschien heb ik het mis."),
    ("en", "I'd explain why I think it breaks the design.", "I think it breaks the design."),
])
def test_a_guess_about_someone_else_is_no_hedge(lang: str, guess: str, hedge: str) -> None:
    assert find_hedges(guess, lang) == []
    assert len(find_hedges(hedge, lang)) == 1
