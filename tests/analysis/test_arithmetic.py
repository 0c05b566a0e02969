"""Figures that must add up: percentage of target, parts of a total, count × average, rank in the team."""

from __future__ import annotations

import re
import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from coach.analysis.arithmetic import _check, _rounding_step, find_mismatches
from coach.analysis.numbers import extract_numbers
from coach.analysis.types import Number
from coach.content.bank import load_questions
from tests.analysis.test_numbers import ANSWERS, SALES_ANSWER_NL

# (lang, answer, rule, stated, expected)
INCONSISTENT: list[tuple[str, str, str, float, float]] = [
    # percent_of_target
    (
        "nl",
        "Mijn target was €400K. Ik heb €380K gehaald, dat is 112% van mijn target.",
        "percent_of_target",
        112,
        95,
    ),
    (
        "nl",
        "Mijn target was twee ton en ik heb tweehonderdveertigduizend euro gehaald, 130 procent.",
        "percent_of_target",
        130,
        120,
    ),
    ("nl", "Met €460K op een target van €400K zat ik 25% boven mijn target.", "percent_of_target", 25, 15),
    (
        "nl",
        "Ik had een target van 20 nieuwe klanten en heb 24 nieuwe klanten binnengehaald, 150% van mijn target.",
        "percent_of_target",
        150,
        120,
    ),
    (
        "nl",
        "Mijn jaartarget was €400K. In Q1 zat ik op 18% van mijn target, maar uiteindelijk heb ik €448K "
        "gehaald, 125%.",
        "percent_of_target",
        125,
        112,
    ),
    ("en", "My target was €400K and I closed €380K, so I hit 112%.", "percent_of_target", 112, 95),
    ("en", "I closed €448K (120%) against a €400K target.", "percent_of_target", 120, 112),
    ("en", "I generated €1.1M, or 120% of my €1M target.", "percent_of_target", 120, 110),
    (
        "en",
        "The team did $5M and I brought in $600K against a $500K quota, 130% attainment.",
        "percent_of_target",
        130,
        120,
    ),
    ("en", "I finished 20% below target with €352K against a €400K quota.", "percent_of_target", 20, 12),
    # parts_total
    (
        "nl",
        "Ik heb €1,2 miljoen omzet gedraaid, waarvan €800K nieuwe klanten en €300K upsell.",
        "parts_total",
        1_200_000,
        1_100_000,
    ),
    (
        "nl",
        "Ik haalde €500K. Daarvan kwam €300K uit nieuwe klanten en €150K uit upsell.",
        "parts_total",
        500_000,
        450_000,
    ),
    ("nl", "Mijn omzet kwam voor 60% uit nieuwe klanten en voor 30% uit upsell.", "parts_total", 90, 100),
    (
        "en",
        "I did €1.2M in revenue, of which €800K new business and €300K upsell.",
        "parts_total",
        1_200_000,
        1_100_000,
    ),
    (
        "en",
        "I closed €900K last year. Of that, €600K came from new customers and €400K from upsell.",
        "parts_total",
        900_000,
        1_000_000,
    ),
    ("en", "My revenue was 60% new business and 30% upsell.", "parts_total", 90, 100),
    # count_times_average
    (
        "nl",
        "Ik heb 20 deals gesloten met een gemiddelde dealgrootte van €30K, in totaal €400K omzet.",
        "count_times_average",
        400_000,
        600_000,
    ),
    (
        "nl",
        "Met 12 deals van gemiddeld €25K kwam ik op €400K omzet.",
        "count_times_average",
        400_000,
        300_000,
    ),
    (
        "en",
        "I closed 20 deals with an average deal size of €30K, €400K in total.",
        "count_times_average",
        400_000,
        600_000,
    ),
    # rank_in_team
    ("nl", "Ik was nummer 14 van de 12.", "rank_in_team", 14, 12),
    ("nl", "In een team van 8 accountmanagers was ik nummer 10.", "rank_in_team", 10, 8),
    ("en", "I was number 14 out of 12.", "rank_in_team", 14, 12),
    ("en", "In a team of 8 reps I was number 10.", "rank_in_team", 10, 8),
    ("en", "In a team of 8 colleagues I ranked 10th.", "rank_in_team", 10, 9),
    # the plain inconsistencies that must stay flagged next to the fixes for the reported false warnings
    (
        "nl",
        "Mijn target was €400.000 en ik haalde €380.000, dat is 112% van mijn target.",
        "percent_of_target",
        112,
        95,
    ),
    (
        "en",
        "My quota was €150,000 and I closed €162,000, which is 125% of quota.",
        "percent_of_target",
        125,
        108,
    ),
    (
        "nl",
        "€1,2 miljoen omzet, waarvan €800.000 nieuwe klanten en €300.000 upsell.",
        "parts_total",
        1_200_000,
        1_100_000,
    ),
    ("nl", "Ik stond op nummer 14 van de 12.", "rank_in_team", 14, 12),
    # the reported styles, with a wrong percentage: now checked against the right figures
    (
        "nl",
        "Dat kwartaal haalde ik mijn target ruim: €192.000 op €150.000, 140%.",
        "percent_of_target",
        140,
        128,
    ),
    ("nl", "Mijn kwartaaltarget van €150.000 haalde ik met €171.000, 130%.", "percent_of_target", 130, 114),
    (
        "nl",
        "Mijn maandtarget was €50.000. Mijn kwartaaltarget van €150.000 haalde ik met €171.000, 130%.",
        "percent_of_target",
        130,
        114,
    ),
    (
        "nl",
        "Mijn maandtarget was €50.000 en mijn kwartaaltarget €150.000. In het vierde kwartaal sloot ik "
        "€171.000, 130%.",
        "percent_of_target",
        130,
        114,
    ),
    (
        "nl",
        "Mijn target was €90.000. In de laatste zes weken sloot ik nog drie deals van samen €54.000, en ik "
        "eindigde het kwartaal op €94.000, 120% van mijn target.",
        "percent_of_target",
        120,
        104.44,
    ),
    (
        "nl",
        "Mijn target was €220.000. Ik sloot het jaar af op €251.000, 130% van hetzelfde target, inclusief de "
        "doorgeschoven deal van €60.000.",
        "percent_of_target",
        130,
        114.09,
    ),
    (
        "nl",
        "Vorig jaar haalde ik €448.000, 112% van mijn target van €420.000.",
        "percent_of_target",
        112,
        106.67,
    ),
    (
        "nl",
        "Mijn omzettarget voor 2023 was €750.000. Ik kwam uit op €810.000, 128%.",
        "percent_of_target",
        128,
        108,
    ),
    (
        "nl",
        "Mijn target was €400.000. Ik eindigde het jaar op €380.000, dat is 112% van mijn target.",
        "percent_of_target",
        112,
        95,
    ),
    ("en", "I ended the year at €448K on a €400K target, 125%.", "percent_of_target", 125, 112),
    ("nl", "Mijn target was €600.000. In Q4 haalde ik €171.000, 130%.", "percent_of_target", 130, 28.5),
    (
        "en",
        "My monthly target was €40,000. In Q3 I closed €138,000 against a quarterly target of €120,000, 135%.",
        "percent_of_target",
        135,
        115,
    ),
    (
        "en",
        "My quota was €150,000. Last quarter I closed €162,000, 125% of quota: €117,000 in new business and "
        "€45,000 from upsell.",
        "percent_of_target",
        125,
        108,
    ),
    (
        "en",
        "My target was €220,000. I ended the year at €251,000, 130% of the same target, including the €60,000 "
        "deal that had slipped.",
        "percent_of_target",
        130,
        114.09,
    ),
    (
        "en",
        "I closed the Philips deal at €50K; my quota was €400K and I hit 125% with €448K.",
        "percent_of_target",
        125,
        112,
    ),
]

STRONG_NL = (
    "Vorig jaar had ik als accountmanager bij een SaaS-bedrijf in Utrecht een target van €400.000 nieuwe "
    "jaaromzet. Ik heb €448.000 gerealiseerd, dat is 112% van mijn target, en daarmee stond ik op nummer 2 "
    "van de 9 accountmanagers. Van die omzet kwam €288.000 uit nieuwe klanten en €160.000 uit upsell bij "
    "bestaande klanten. Ik heb 16 nieuwe accounts binnengehaald met een gemiddelde dealgrootte van €18.000. "
    "Het eerste kwartaal liep ik achter, dus ik heb mijn pipeline geanalyseerd en gezien dat ik te weinig "
    "tijd aan prospectie besteedde. Sindsdien blok ik elke ochtend twee uur voor nieuwe leads."
)
STRONG_EN = (
    "Last year I was an account executive at a SaaS company in Utrecht with a target of €400,000 in new "
    "annual revenue. I closed €448,000, which is 112% of target, and that put me second out of nine "
    "account executives. Of that revenue, €288,000 came from new customers and €160,000 from upsell to "
    "existing accounts. I signed 16 new accounts with an average deal size of €18,000. I was behind after "
    "the first quarter, so I analysed my pipeline and saw I spent too little time prospecting. Since then "
    "I block two hours every morning for new leads."
)

# Answers whose figures add up, or whose roles are too unclear to judge: no mismatch.
CONSISTENT: list[tuple[str, str]] = [
    ("nl", STRONG_NL),
    ("nl", SALES_ANSWER_NL),
    ("nl", "Ik haal eigenlijk altijd wel mijn targets, vorig jaar zat ik ruim boven mijn target."),
    (
        "nl",
        "Het team had een omzet van €3 miljoen en ik haalde €450K op een target van €400K, dat is 112,5% "
        "van mijn target.",
    ),
    (
        "nl",
        "Ik heb de latency met 40% verlaagd en de uptime naar 99,9% gebracht. Het project duurde 6 maanden "
        "met 4 developers en een budget van €250K.",
    ),
    (
        "nl",
        "Mijn jaartarget was €400K. In Q1 zat ik op 18% van mijn target, maar uiteindelijk heb ik €448K "
        "gehaald, 112%.",
    ),
    (
        "nl",
        "Van mijn deals was 70% nieuwe business en 30% upsell. In 2023 sloot ik 24 deals met gemiddeld "
        "€20K per deal, in totaal €480K.",
    ),
    (
        "nl",
        "Ik was in 2022 nummer 3 van de 15 en in 2023 nummer 1 van de 12. Ons team bestond uit 12 "
        "accountmanagers.",
    ),
    ("nl", "Ik haalde €1,2 miljoen, waarvan onder andere €500K bij Philips en €300K bij ASML."),
    ("nl", "Ik heb €448K gehaald, en 30% daarvan kwam uit upsell. Mijn target was €400K."),
    ("nl", "Mijn target was €1,2 miljoen en ik heb €1,35 miljoen gehaald, zo'n 112%."),
    (
        "nl",
        "Mijn conversie steeg van 20% naar 35% en ik haalde 30% meer omzet dan vorig jaar. Mijn target van "
        "€500K heb ik met €520K gehaald.",
    ),
    ("nl", "Met €460K op een target van €400K zat ik 15% boven mijn target."),
    (
        "nl",
        "Ik werk 3 jaar in sales. In een team van 8 collega's was ik de nummer 2. Ik bel 40 prospects per "
        "dag, 5 dagen per week, en haal zo'n 12 afspraken per maand.",
    ),
    ("en", STRONG_EN),
    (
        "en",
        "My annual quota was $1.2M. By Q2 I was at 45% of quota, and I finished the year at $1.38M, which "
        "is 115% of target.",
    ),
    (
        "en",
        "I reduced build times by 60% and cut cloud costs by 30%, saving about €120K a year. The migration "
        "took 8 months with a team of 5 engineers.",
    ),
    ("en", "My win rate went from 18% to 27%. I closed 30 deals at an average of €15K each, €450K in total."),
    ("en", "About 65% of my revenue came from new business and 35% from upsell."),
    ("en", "I was ranked 2nd out of 14 reps in 2023 and 1st in Q4. There are 14 reps on the team."),
    ("en", "Revenue was €2M, split between €1.4M new business and €600K expansion."),
    ("en", "I closed €900K, of which €400K came from our largest client, among others."),
    (
        "en",
        "I landed 20 new logos with an average deal size of €25K; total revenue was €800K including €300K "
        "upsell.",
    ),
    ("en", "I hit 104% of my target: €520K on a €500K quota."),
    ("en", "I achieved 95% of my target with €380K on a €400K target."),
    (
        "en",
        "I joined in 2019, led a team of 6 developers for 3 years, cut deploy time from 45 to 12 minutes "
        "and handled 1,200 tickets a month at 98% SLA.",
    ),
    ("en", "I finished 12% below target with €352K against a €400K quota."),
    ("en", "In a team of 8 colleagues I ranked 9th."),
    ("en", "In 2021 I had a €300K quota and hit 90%; in 2022 the quota was €400K and I closed €440K, 110%."),
    # roles that look alike but are not the same thing
    ("en", "My target was €400K and I closed €448K. I also hit 100% of my activity targets."),
    ("en", "My target was €400K and I closed €448K. We hit 99.9% uptime."),
    ("en", "In my team of 5 I was the best, and company-wide I ranked 12th."),
    ("nl", "In mijn team van 5 was ik de beste; landelijk stond ik nummer 12."),
    (
        "nl",
        "Dit jaar is mijn target €500K en ik sta na 4 maanden op 38%. Vorig jaar heb ik €448K gehaald, dat is "
        "112% van mijn target van toen, €400K.",
    ),
    ("nl", "Mijn target was €400K. Van die omzet kwam €300K uit nieuwe klanten en €150K uit upsell."),
    ("nl", "Ik heb 20 deals gesloten, waarvan 12 nieuwe klanten en 8 upsell."),
    ("nl", "Ik heb 40 klanten met een gemiddelde omzet van €10K per jaar; in totaal beheer ik €400K."),
    ("en", "We spent 60% on new features and 40% on bugs, and the new release cut churn by 3%."),
    ("en", "Our office has 200 people; I was #3 in the country out of 40 reps."),
]

# Correct answers that were reported as "your figures don't add up", with close variants.
REPORTED_CONSISTENT: list[tuple[str, str]] = [
    # 1. "quota" belongs to the percentage, not to the first amount of the colon list after it
    (
        "en",
        "Last quarter I closed €162,000, 108% of quota: €117,000 in new business and €45,000 from upsell.",
    ),
    (
        "en",
        "My quota was €150,000. Last quarter I closed €162,000, 108% of quota: €117,000 in new business and "
        "€45,000 from upsell.",
    ),
    (
        "en",
        "Last quarter I closed €162,000, 108% of my quarterly quota: €117,000 in new business and €45,000 "
        "from upsell.",
    ),
    (
        "en",
        "I closed €162,000 last quarter (108% of quota): €117,000 in new business and €45,000 from upsell.",
    ),
    (
        "nl",
        "Vorig kwartaal sloot ik €162.000, 108% van mijn target: €117.000 nieuwe business en €45.000 upsell.",
    ),
    # 2. "inclusief de doorgeschoven deal van €60.000" is no target
    (
        "nl",
        "Ik sloot het jaar af op €251.000, 114% van hetzelfde target, inclusief de doorgeschoven deal van "
        "€60.000.",
    ),
    (
        "nl",
        "Mijn target was €220.000. Ik sloot het jaar af op €251.000, 114% van hetzelfde target, inclusief de "
        "doorgeschoven deal van €60.000.",
    ),
    (
        "nl",
        "Mijn target was €220.000 en ik haalde €165.000, dus 75%. Het kwartaal daarna haalde ik €251.000, 114% "
        "van hetzelfde target. Daarin zat ook de doorgeschoven deal van €60.000.",
    ),
    (
        "nl",
        "Mijn target was €220.000. Ik haalde €251.000, 114%, inclusief een deal van €60.000 die was "
        "doorgeschoven.",
    ),
    (
        "en",
        "My target was €220,000. I ended the year at €251,000, 114% of the same target, including the €60,000 "
        "deal that had slipped.",
    ),
    # 3. "eindigde … op" is a result phrase; "drie deals van samen €54.000" is not the result
    (
        "nl",
        "In de laatste zes weken sloot ik nog drie deals van samen €54.000, en ik eindigde het kwartaal op "
        "€94.000, 104% van mijn target.",
    ),
    (
        "nl",
        "Mijn target was €90.000. In de laatste zes weken sloot ik nog drie deals van samen €54.000, en ik "
        "eindigde het kwartaal op €94.000, 104% van mijn target.",
    ),
    (
        "nl",
        "Mijn target was €90.000. Ik sloot nog drie deals van samen €54.000 en kwam het kwartaal uit op "
        "€94.000, 104%.",
    ),
    ("nl", "Mijn target was €90.000. Ik sloot drie deals van samen €54.000 en kwam op €94.000, 104%."),
    (
        "en",
        "My target was €90,000. In the last six weeks I closed three deals worth €54,000 together and ended "
        "the quarter at €94,000, 104% of target.",
    ),
    # 4. "X op Y" is the result on the target
    ("nl", "Dat kwartaal haalde ik mijn target ruim: €192.000 op €150.000, 128%."),
    ("nl", "Ik haalde €192.000 op €150.000, 128%."),
    ("nl", "Dat kwartaal haalde ik mijn target ruim: €192.000 op een target van €150.000, 128%."),
    ("nl", "Mijn target was €150.000. Dat kwartaal haalde ik mijn target ruim: €192.000 op €150.000, 128%."),
    ("en", "That quarter I beat my target comfortably: €192,000 on €150,000, 128%."),
    ("en", "I ended the year at €448K on a €400K target, 112%."),
    # 5. glued target words, and targets of different periods
    ("nl", "Mijn kwartaaltarget van €150.000 haalde ik met €171.000, 114%."),
    ("nl", "Mijn jaartarget van €600.000 haalde ik met €684.000, 114%."),
    ("nl", "Mijn maandtarget van €50.000 haalde ik met €57.000, 114%."),
    ("nl", "Mijn omzettarget van €150.000 haalde ik met €171.000, 114%."),
    ("nl", "Mijn salestarget van €150.000 haalde ik met €171.000, 114%."),
    ("nl", "Mijn kwartaalquota van €150.000 haalde ik met €171.000, 114%."),
    ("nl", "Mijn kwartaalquotum van €150.000 haalde ik met €171.000, 114%."),
    ("nl", "Mijn Q4-target van €150.000 haalde ik met €171.000, 114%."),
    ("nl", "Mijn maandtarget was €50.000. Mijn kwartaaltarget van €150.000 haalde ik met €171.000, 114%."),
    ("nl", "Mijn maandtarget was €50.000. In het vierde kwartaal sloot ik €171.000, 114%."),
    ("nl", "Mijn maandtarget was €50.000. Ik haalde €171.000, 114% van mijn kwartaaltarget."),
    ("nl", "Mijn target was €600.000 per jaar. In Q4 haalde ik €171.000, 114%."),
    ("nl", "Mijn target voor 2024 is €500.000. In 2023 haalde ik €448.000, 112%."),
    (
        "nl",
        "Mijn maandtarget was €50.000 en mijn kwartaaltarget €150.000. In het vierde kwartaal sloot ik "
        "€171.000, 114%.",
    ),
    (
        "nl",
        "In maart haalde ik €60K op een maandtarget van €50K, 120%. Dat kwartaal eindigde ik op €165K, 110%.",
    ),
    ("en", "My monthly target was €50,000. In Q4 I closed €171,000, 114%."),
    ("en", "My monthly target was €50,000. I hit my quarterly target of €150,000 with €171,000, 114%."),
    ("en", "My quarterly target was €100K. Over the year I closed €448K, 112% of my annual target."),
    ("en", "My target for 2024 is €500,000. In 2023 I closed €448,000, 112%."),
    ("nl", "Mijn target was €600.000. In Q4 haalde ik €171.000, 114%."),  # of a quarter's €150.000
    ("en", "My quota was €600,000. In Q4 I closed €171,000, 114%."),
    (
        "nl",
        "Mijn jaartarget was €600.000. Het eerste kwartaal liep slecht, maar in het tweede haalde ik €171.000, "
        "114%.",
    ),
    # the same kind of mistake in other shapes: a team's target, a target that changed, a single deal
    ("nl", "Ons teamtarget was €3 miljoen en ik haalde €450.000, 112% van mijn target."),
    ("nl", "Het afdelingstarget was €2 miljoen en ik haalde €448.000, 112%."),
    (
        "nl",
        "We haalden ons teamtarget van €2 miljoen met €2,2 miljoen, 110%. Mijn eigen target was €400K en ik "
        "haalde €448K.",
    ),
    ("nl", "Mijn target werd verhoogd van €150.000 op €200.000, en ik haalde €230.000, 115%."),
    ("en", "My target went from €150K to €200K and I closed €230K, 115%."),
    ("en", "I closed the Philips deal at €50K; my quota was €400K and I hit 112% with €448K."),
    ("nl", "Ik sloot de deal met Philips af op €50K; mijn target was €400K en ik haalde 112% met €448K."),
    ("nl", "Mijn jaartarget was €400K en mijn Q4-target €100K. In Q4 haalde ik €125K, 125%."),
]

# Realistic sales answers written for these checks: colon lists, "X op Y", "eindigde op", "inclusief",
# targets per period. All add up.
OWN_SALES_ANSWERS: list[tuple[str, str]] = [
    (
        "nl",
        "Vorig jaar was mijn jaartarget €480.000. Ik sloot het jaar af op €528.000, 110% van mijn target: "
        "€396.000 uit nieuwe klanten en €132.000 uit upsell bij bestaande accounts.",
    ),
    (
        "nl",
        "Mijn maandtarget was €40.000. In het derde kwartaal haalde ik €138.000 op een kwartaaltarget van "
        "€120.000, 115%.",
    ),
    (
        "nl",
        "In Q2 liep ik achter, maar ik eindigde het kwartaal op €126.000, 105% van mijn target van €120.000.",
    ),
    (
        "nl",
        "Mijn target was €220.000. Het kwartaal daarna haalde ik €231.000, 105% van hetzelfde target, inclusief "
        "een doorgeschoven deal van €48.000.",
    ),
    (
        "nl",
        "Mijn kwartaaltarget was €150.000. Dat kwartaal sloot ik €165.000, 110%, waarvan €99.000 nieuwe "
        "business en €66.000 upsell.",
    ),
    (
        "nl",
        "Dat jaar haalde ik mijn target ruim: €612.000 op €540.000, 113%. Daarmee stond ik op nummer 2 van de "
        "11 accountmanagers.",
    ),
    (
        "nl",
        "Mijn omzettarget voor 2023 was €750.000. Ik kwam uit op €810.000, 108%. Dat haalde ik met 27 deals "
        "van gemiddeld €30.000.",
    ),
    (
        "nl",
        "Mijn maandtarget was €35.000 en in december sloot ik €42.000, 120%. Over het hele jaar kwam ik op "
        "€441.000, 105% van mijn jaartarget van €420.000.",
    ),
    (
        "nl",
        "In de laatste maand sloot ik nog vier deals van samen €68.000 en eindigde ik het jaar op €505.000, "
        "101% van mijn target van €500.000.",
    ),
    (
        "nl",
        "Mijn target lag op €300.000. Met €345.000 haalde ik 115%, en ik eindigde als derde van de 14 "
        "collega's.",
    ),
    (
        "en",
        "Last year my annual quota was €480,000. I closed the year at €528,000, 110% of quota: €396,000 in new "
        "business and €132,000 from upsell.",
    ),
    (
        "en",
        "My monthly target was €40,000. In Q3 I closed €138,000 against a quarterly target of €120,000, 115%.",
    ),
    ("en", "I was behind in Q2, but I ended the quarter at €126,000, 105% of my €120,000 target."),
    (
        "en",
        "My target was €220,000. The following quarter I reached €231,000, 105% of the same target, including "
        "a €48,000 deal that had slipped.",
    ),
    (
        "en",
        "My quarterly quota was €150,000. I closed €165,000 that quarter, 110%, of which €99,000 new business "
        "and €66,000 upsell.",
    ),
    (
        "en",
        "That year I beat my target comfortably: €612,000 on €540,000, 113%. That put me second out of 11 "
        "account managers.",
    ),
    (
        "en",
        "My 2023 revenue target was €750,000. I finished at €810,000, 108%, from 27 deals at an average of "
        "€30,000.",
    ),
    (
        "en",
        "My monthly target was €35,000 and in December I closed €42,000, 120%. Over the full year I came in "
        "at €441,000, 105% of my annual target of €420,000.",
    ),
    (
        "en",
        "In the last month I closed four more deals worth €68,000 together and finished the year at €505,000, "
        "101% of my €500,000 target.",
    ),
    ("en", "My quota was $300K. I brought in $345K, or 115%, and ranked third out of 14 reps."),
]


@pytest.mark.parametrize(
    ("lang", "answer", "rule", "stated", "expected"), INCONSISTENT, ids=[c[1][:50] for c in INCONSISTENT]
)
def test_inconsistent_figures_are_flagged(
    lang: str, answer: str, rule: str, stated: float, expected: float
) -> None:
    numbers = extract_numbers(answer, lang)
    found = _check(answer, numbers, lang)
    wanted: list[object] = [(rule, pytest.approx(stated, abs=0.01), pytest.approx(expected, abs=0.01))]
    assert [(m.rule, m.stated, m.expected) for m in found] == wanted, (
        f"Missed or wrong mismatch in: {answer!r}"
    )
    spans = {n.span for n in numbers}
    mismatch = found[0]
    assert mismatch.spans and set(mismatch.spans) <= spans  # every span points at a figure
    assert set(mismatch.explanation) == {"nl", "en"}
    assert all(text.strip() and "{" not in text for text in mismatch.explanation.values())
    assert find_mismatches(answer, numbers, lang) == found


ALL_CONSISTENT = [*CONSISTENT, *REPORTED_CONSISTENT, *OWN_SALES_ANSWERS]


@pytest.mark.parametrize(("lang", "answer"), ALL_CONSISTENT, ids=[c[1][:50] for c in ALL_CONSISTENT])
def test_consistent_figures_are_not_flagged(lang: str, answer: str) -> None:
    found = _check(answer, extract_numbers(answer, lang), lang)
    assert found == [], f"False positive against {answer!r}: {[m.explanation['en'] for m in found]}"


# The one answer whose percentage is not tied to its result ("€165,000 that quarter, 110%") is left out.
CHECKABLE = [(lang, answer) for lang, answer in OWN_SALES_ANSWERS if "that quarter, 110%" not in answer]


@pytest.mark.parametrize(("lang", "answer"), CHECKABLE, ids=[c[1][:50] for c in CHECKABLE])
def test_own_sales_answers_are_checked_not_skipped(lang: str, answer: str) -> None:
    # The first percentage of each answer is really checked: a wrong one is flagged, so "no mismatch" for
    # these answers means the sums were found to add up, not that the check gave up.
    match = re.search(r"(\d+)%", answer)
    assert match is not None
    wrong = answer[: match.start(1)] + str(int(match.group(1)) + 17) + answer[match.end(1) :]
    found = _check(wrong, extract_numbers(wrong, lang), lang)
    assert [m.rule for m in found] == ["percent_of_target"], wrong


def test_question_bank_strong_examples_add_up() -> None:
    for question in load_questions().values():
        for lang in ("nl", "en"):
            text = question.examples.strong.get(lang)
            if text:
                found = find_mismatches(text, extract_numbers(text, lang), lang)
                assert found == [], (question.id, lang, [m.explanation[lang] for m in found])


@pytest.mark.parametrize(
    ("lang", "answer", "nl", "en"),
    [
        (
            "en",
            "My target was €400K and I closed €380K, so I hit 112%.",
            "€380K op een target van €400K is 95%, niet de 112% die je noemt.",
            "€380K of a €400K target is 95%, not the 112% you mention.",
        ),
        (
            "nl",
            "€1,2 miljoen omzet, waarvan €800K nieuwe klanten en €300K upsell.",
            "€800K + €300K is samen €1,1 miljoen, niet de €1,2 miljoen die je als totaal noemt.",
            "€800K + €300K adds up to €1.1 million, not the €1.2 million you give as the total.",
        ),
        (
            "nl",
            "Ik sloot 20 deals met een gemiddelde dealgrootte van €14.750, in totaal €400K.",
            "20 × gemiddeld €14.750 is ongeveer €295K, niet de €400K die je noemt.",
            "20 × an average of €14,750 is about €295K, not the €400K you mention.",
        ),
        (
            "nl",
            "In een team van 8 accountmanagers was ik nummer 10.",
            "In een team van 8 kun je geen nummer 10 zijn.",
            "In a team of 8 you cannot be number 10.",
        ),
        (
            "en",
            "My revenue was 60% new business and 30% upsell.",
            "60% + 30% is samen 90%, geen 100%: een verdeling van één geheel komt op 100% uit.",
            "60% + 30% adds up to 90%, not 100%: a split of one whole should add up to 100%.",
        ),
    ],
)
def test_explanations_show_the_sum(lang: str, answer: str, nl: str, en: str) -> None:
    (mismatch,) = _check(answer, extract_numbers(answer, lang), lang)
    assert mismatch.explanation == {"nl": nl, "en": en}


def test_spans_of_a_percentage_mismatch_cover_the_three_figures() -> None:
    answer = "Mijn target was €400K. Ik heb €380K gehaald, dat is 112% van mijn target."
    (mismatch,) = _check(answer, extract_numbers(answer, "nl"), "nl")
    assert [answer[s:e] for s, e in mismatch.spans] == ["€400K", "€380K", "112%"]


def test_rounded_figures_in_speech_are_tolerated() -> None:
    # 448/400 = 112% said as "110%" with an approximation word; 1.1M + 0.14M against 1.2M is within 5%.
    for lang, answer in [
        ("nl", "Mijn target was €400K en ik heb €448K gehaald, ruim 110% van mijn target."),
        ("en", "I did €1.2M in revenue, of which €1.1M new business and €140K upsell."),
        ("en", "I closed 17 deals at an average deal size of €25K, €400K in total."),
    ]:
        assert _check(answer, extract_numbers(answer, lang), lang) == [], answer


def test_odd_numbers_do_not_break_the_check() -> None:
    answer = "Mijn target was €400K."
    odd = [
        Number("€400K", (16, 21), 400_000, "money", "EUR"),
        Number("x", (-5, 2), 1, "plain"),
        Number("y", (10, 10_000), 1, "plain"),
        Number("z", (18, 19), 0, "percent", "%"),
        Number("€400K", (16, 21), 0, "money", "EUR"),
    ]
    assert find_mismatches(answer, odd, "nl") == []
    assert _check(answer, odd, "de") == []
    assert find_mismatches("", [], "nl") == []


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(answer=ANSWERS, lang=st.sampled_from(["nl", "en"]))
def test_check_never_raises_and_spans_lie_inside(answer: str, lang: str) -> None:
    numbers = extract_numbers(answer, lang)
    found = _check(answer, numbers, lang)  # the inner check: a bug here must fail, not be swallowed
    for mismatch in found:
        assert mismatch.spans
        for start, end in mismatch.spans:
            assert 0 <= start < end <= len(answer)
        assert set(mismatch.explanation) == {"nl", "en"}
    assert find_mismatches(answer, numbers, lang) == found


def test_check_is_fast_on_a_realistic_answer() -> None:
    numbers = extract_numbers(SALES_ANSWER_NL, "nl")
    _check(SALES_ANSWER_NL, numbers, "nl")
    best = float("inf")
    for _ in range(30):
        started = time.perf_counter()
        _check(SALES_ANSWER_NL, numbers, "nl")
        best = min(best, time.perf_counter() - started)
    assert best < 0.005  # about 0.5 ms on a 2-core machine; generous so a busy CI box does not flake


def test_long_answer_is_checked_in_reasonable_time() -> None:
    answer = (STRONG_NL + " ") * 60 + "<p>€450K</p>" * 500
    numbers = extract_numbers(answer, "nl")
    started = time.perf_counter()
    find_mismatches(answer, numbers, "nl")
    assert time.perf_counter() - started < 3.0


# --- softened figures: checked within a stated margin, not switched off --------------------------------
# (lang, answer, rule, stated, expected). "zo'n/ongeveer/about" allow 15% either way (5 points for a
# percentage); "ruim/just over" at least the figure and up to 15% more; "meer dan/more than" at least;
# "bijna/almost" at most the figure and at least 15% less; "minder dan/less than" at most.
SOFTENED_INCONSISTENT: list[tuple[str, str, str, float, float]] = [
    (
        "en",
        "I closed 23 deals of €14,800 on average, so about €500K in total.",
        "count_times_average",
        500_000,
        340_400,
    ),
    (
        "nl",
        "Ik heb 23 deals van gemiddeld €14.800 gesloten, samen zo'n 500K.",
        "count_times_average",
        500_000,
        340_400,
    ),
    ("nl", "23 deals van gemiddeld €14.800, samen zo'n 500K.", "count_times_average", 500_000, 340_400),
    (
        "nl",
        "Ik sloot 23 deals van gemiddeld €14.800, in totaal ongeveer €500K.",
        "count_times_average",
        500_000,
        340_400,
    ),
    (
        "en",
        "I closed 23 deals with an average deal size of €14,800, roughly €500K in total.",
        "count_times_average",
        500_000,
        340_400,
    ),
    # the total said without a currency or a result word ("dus dan kom je op een half miljoen")
    (
        "nl",
        "Ik heb 23 deals gesloten met een gemiddelde dealwaarde van zo'n 14.800 euro, dus dan kom je op "
        "ongeveer een half miljoen.",
        "count_times_average",
        500_000,
        340_400,
    ),
    (
        "en",
        "I closed 23 deals at an average of €14,800 each, so that's roughly half a million.",
        "count_times_average",
        500_000,
        340_400,
    ),
    ("en", "I closed 23 deals with an average deal size of €14,800, so about 500K.", "count_times_average",
     500_000, 340_400),
    # direction: "ruim"/"well over" is at least the figure, "bijna"/"almost" at most
    (
        "nl",
        "Ik sloot 20 deals van gemiddeld €20K, samen ruim €500K.",
        "count_times_average",
        500_000,
        400_000,
    ),
    (
        "en",
        "I closed 20 deals at an average of €20K, well over €500K in total.",
        "count_times_average",
        500_000,
        400_000,
    ),
    (
        "nl",
        "Ik sloot 20 deals van gemiddeld €25K, samen bijna €430K.",
        "count_times_average",
        430_000,
        500_000,
    ),
    (
        "en",
        "I closed 20 deals at an average of €25K, almost €430K in total.",
        "count_times_average",
        430_000,
        500_000,
    ),
    (
        "nl",
        "Mijn target was €400K en ik heb €448K gehaald, bijna 125% van mijn target.",
        "percent_of_target",
        125,
        112,
    ),
    ("en", "My target was €400K and I closed €448K, almost 125% of target.", "percent_of_target", 125, 112),
    (
        "nl",
        "Mijn target was €400K en ik heb €448K gehaald, zo'n 125% van mijn target.",
        "percent_of_target",
        125,
        112,
    ),
    # a real answer's sum with a wrong percentage: "zo'n 1,55 miljoen" is €1,5-1,6 miljoen, 107-114%
    (
        "nl",
        "Vorig jaar had ik een omzettarget van 1,4 miljoen. Omzet heb ik ruim gehaald, ik kwam uit op zo'n "
        "1,55 miljoen, dus dik 130 procent.",
        "percent_of_target",
        130,
        110.71,
    ),
    (
        "en",
        "My target was one point two million in revenue and I finished at about nine hundred and eighty "
        "thousand, so a bit over ninety percent.",
        "percent_of_target",
        90,
        81.67,
    ),
    (
        "en",
        "I did €1.2M in revenue, of which about €600K new business and €300K upsell.",
        "parts_total",
        1_200_000,
        900_000,
    ),
    (
        "nl",
        "Ik heb €1,2 miljoen omzet gedraaid, waarvan zo'n €600K nieuwe klanten en €300K upsell.",
        "parts_total",
        1_200_000,
        900_000,
    ),
]

SOFTENED_CONSISTENT: list[tuple[str, str]] = [
    ("en", "I closed 23 deals of €14,800 on average, so about €340K in total."),
    ("nl", "Ik heb 23 deals gesloten met een gemiddelde van 14.800 euro, dus dan kom je op zo'n 340 duizend."),
    ("nl", "Ik heb 23 deals gesloten met een gemiddelde van 14.800 euro in 2023, en het team groeide."),
    ("nl", "Ik heb 23 deals van gemiddeld €14.800 gesloten, samen zo'n 340K."),
    ("nl", "23 deals van gemiddeld €14.800, samen rond de 350K."),
    ("nl", "Ik sloot 20 deals van gemiddeld €25K, samen ruim €430K."),
    ("en", "I closed 20 deals at an average of €25K, just over €430K in total."),
    ("nl", "Ik sloot 20 deals van gemiddeld €19K, samen bijna €400K."),
    ("en", "I closed 20 deals at an average of €19K, almost €400K in total."),
    ("nl", "Ik sloot 30 deals van gemiddeld €20K, in totaal meer dan €500K."),
    ("en", "I closed 30 deals at an average of €20K, more than €500K in total."),
    ("nl", "Mijn target was €400K en ik heb €448K gehaald, ruim 110% van mijn target."),
    ("en", "My target was €400K and I closed €448K, just over 110% of target."),
    ("nl", "Mijn target was €400K en ik heb ongeveer €450K gehaald, zo'n 112%."),
    ("en", "My target was €400K and I closed about €450K, roughly 112% of target."),
    ("en", "I did €1.2M in revenue, of which about €800K new business and €400K upsell."),
    (
        "nl",
        "Vorig jaar had ik een omzettarget van 1,4 miljoen. Omzet heb ik ruim gehaald, ik kwam uit op zo'n "
        "1,55 miljoen, dus dik 110 procent.",
    ),
    (
        "en",
        "My target was one point two million in revenue and I finished at about nine hundred and eighty "
        "thousand, so a bit over eighty percent.",
    ),
    (
        "en",
        "My target was one point two million and I finished at about nine hundred and eighty K, almost 82%.",
    ),
    # "ruim" about the target, not a figure: the percentage is still checked exactly (and adds up here)
    ("nl", "Dat kwartaal haalde ik mijn target ruim: €192.000 op €150.000, 128%."),
]


@pytest.mark.parametrize(
    ("lang", "answer", "rule", "stated", "expected"),
    SOFTENED_INCONSISTENT,
    ids=[c[1][:50] for c in SOFTENED_INCONSISTENT],
)
def test_softened_figures_are_still_checked(
    lang: str, answer: str, rule: str, stated: float, expected: float
) -> None:
    found = _check(answer, extract_numbers(answer, lang), lang)
    wanted: list[object] = [(rule, pytest.approx(stated, abs=0.01), pytest.approx(expected, abs=0.01))]
    assert [(m.rule, m.stated, m.expected) for m in found] == wanted, f"Missed: {answer!r}"


@pytest.mark.parametrize(
    ("lang", "answer"), SOFTENED_CONSISTENT, ids=[c[1][:50] for c in SOFTENED_CONSISTENT]
)
def test_softened_figures_within_their_margin_are_not_flagged(lang: str, answer: str) -> None:
    found = _check(answer, extract_numbers(answer, lang), lang)
    assert found == [], f"False positive against {answer!r}: {[m.explanation['en'] for m in found]}"


def test_the_direction_of_a_softening_word_counts() -> None:
    # 20 × €25K = €500K: "ruim €430K" (at least €430K) may be €500K, "bijna €430K" (at most €430K) may not
    over = "Ik sloot 20 deals van gemiddeld €25K, samen ruim €430K."
    under = "Ik sloot 20 deals van gemiddeld €25K, samen bijna €430K."
    assert _check(over, extract_numbers(over, "nl"), "nl") == []
    assert [m.rule for m in _check(under, extract_numbers(under, "nl"), "nl")] == ["count_times_average"]


def test_softened_total_explains_the_sum_in_both_languages() -> None:
    answer = "Ik heb 23 deals van gemiddeld €14.800 gesloten, samen zo'n 500K."
    (mismatch,) = _check(answer, extract_numbers(answer, "nl"), "nl")
    assert mismatch.explanation == {
        "nl": "23 × gemiddeld €14.800 is ongeveer €340.400, niet de €500K die je noemt.",
        "en": "23 × an average of €14,800 is about €340,400, not the €500K you mention.",
    }


# --- Dutch verb-final results: "ik heb 380K gehaald" is money, and is checked -----------------------------
VERB_FINAL_INCONSISTENT: list[tuple[str, str]] = [
    ("nl", "Ik heb 380K gehaald op een target van 400K, dus 110%."),
    ("nl", "Mijn target was 400K en ik heb 380K gehaald, dus 110% van mijn target."),
    ("nl", "Mijn target was 400K. Ik heb vorig jaar 380K binnengehaald, dat is 110%."),
    ("nl", "Mijn target was 400K en ik heb 380 duizend omzet gedraaid, 110% van mijn target."),
    ("nl", "Mijn target was 400K en ik zat op 380k, 110%."),
    ("nl", "Mijn target was €400K en ik zat op € 380K, 110%."),
    ("en", "My target was 400K and I brought in 380K, so 110%."),
    ("en", "My quota was 400K and I closed 380k, 110% of quota."),
]


@pytest.mark.parametrize(
    ("lang", "answer"), VERB_FINAL_INCONSISTENT, ids=[c[1][:50] for c in VERB_FINAL_INCONSISTENT]
)
def test_results_said_verb_last_are_checked(lang: str, answer: str) -> None:
    found = _check(answer, extract_numbers(answer, lang), lang)
    assert [(m.rule, m.stated, m.expected) for m in found] == [("percent_of_target", 110, 95)], answer


@pytest.mark.parametrize(
    ("lang", "answer"),
    [
        ("nl", "Ik heb 380K gehaald op een target van 400K, dus 95%."),
        ("nl", "Mijn target was 1 miljoen en ik heb vorig jaar 1,2 miljoen binnengehaald, 120%."),
        ("en", "My target was 400K and I brought in 380K, so 95%."),
    ],
)
def test_results_said_verb_last_that_add_up(lang: str, answer: str) -> None:
    assert _check(answer, extract_numbers(answer, lang), lang) == [], answer


# --- growth: the percentage said to be a change must be the relative change (or, for two percentages, the
# difference in percentage points) ----------------------------------------------------------------------
GROWTH_INCONSISTENT: list[tuple[str, str, float, float]] = [  # (lang, answer, stated, expected)
    ("en", "Conversion went from 3% to 4%, a 10% rise.", 10, 33.33),
    ("nl", "De conversie ging van 3% naar 4%, een stijging van 10%.", 10, 33.33),
    ("en", "My win rate rose 10%, from 18% to 27%.", 10, 50),
    ("nl", "Mijn winrate steeg met 10%, van 18% naar 27%.", 10, 50),
    ("en", "Revenue grew from €200K to €300K, a 20% increase.", 20, 50),
    ("nl", "De omzet groeide van €200K naar €300K, een groei van 20%.", 20, 50),
    ("en", "I went from 12 deals to 16 deals, 25% more.", 25, 33.33),
    ("nl", "Ik ging van 12 deals naar 16 deals, 25% meer.", 25, 33.33),
    ("en", "We cut the build time from 40 minutes to 10 minutes, a 50% reduction.", 50, 75),
    ("nl", "De buildtijd ging van 40 minuten naar 10 minuten, een daling van 50%.", 50, 75),
    ("nl", "De conversie ging van 3% naar 4%, een stijging van 2 procentpunt.", 2, 33.33),
    ("en", "Conversion went from 3% to 4%, roughly a 10% rise.", 10, 33.33),
]

GROWTH_INCONSISTENT += [
    ("nl", "Ik heb de doorlooptijd van 10 naar 4 dagen gebracht, een daling van 40%.", 40, 60),
    ("en", "We cut deploy time from 45 to 12 minutes, a 50% reduction.", 50, 73.33),
    ("nl", "Van 2019 naar 2023 groeide het team van 5 naar 12 mensen, een groei van 50%.", 50, 140),
]

GROWTH_CONSISTENT: list[tuple[str, str]] = [
    ("nl", "Ik heb de doorlooptijd van 10 naar 4 dagen gebracht, een daling van 60%."),
    ("en", "We cut deploy time from 45 to 12 minutes, a 73% reduction."),
    ("nl", "Van 2019 naar 2023 groeide het team van 5 naar 12 mensen, een groei van 140%."),
    ("en", "We cut deploy time from 45 to 12 minutes and handled 1,200 tickets a month at 98% SLA."),
    ("en", "Conversion went from 3% to 4%, one percentage point."),
    ("en", "Conversion went from 3% to 4%, 1 percentage point."),
    ("en", "Conversion went from 3% to 4%, a third more."),
    ("en", "Conversion went from 3% to 4%, a 33% rise."),
    ("en", "Conversion went from 3% to 4%, a 1% rise."),
    ("nl", "De conversie ging van 3% naar 4%, een stijging van 33%."),
    ("nl", "De conversie ging van 3% naar 4%, een stijging van 1 procentpunt."),
    ("nl", "De conversie ging van 3% naar 4%, een derde meer."),
    ("nl", "De conversie ging van 3% naar 4%, 1 procentpunt hoger."),
    ("en", "My win rate went from 18% to 27%, up 50%."),
    ("nl", "De omzet groeide van €200K naar €300K, zo'n 50% meer."),
    ("en", "We cut the build time from 40 minutes to 10 minutes, a 75% reduction."),
    ("en", "Churn dropped from 5% to 4%, a 20% drop."),
    # a percentage about something else in the same sentence is no size of the change
    ("nl", "Mijn conversie steeg van 20% naar 35% en ik haalde 30% meer omzet dan vorig jaar."),
    ("en", "My conversion went from 20% to 35% and I closed 30% more revenue than last year."),
    ("nl", "Van 3% naar 4% conversie, dat is 10% van alle leads die we kregen."),
    ("nl", "De conversie lag tussen 3% en 4%, dus 10% van de leads haakte niet af."),
    # version numbers are no figures
    ("en", "We upgraded from Python 3.10 to 3.11, which cut build time by 20%."),
    ("nl", "We gingen van Python 3.10 naar 3.11, een verbetering van 20% in bouwtijd."),
]


@pytest.mark.parametrize(
    ("lang", "answer", "stated", "expected"),
    GROWTH_INCONSISTENT,
    ids=[c[1][:50] for c in GROWTH_INCONSISTENT],
)
def test_wrong_growth_rates_are_flagged(lang: str, answer: str, stated: float, expected: float) -> None:
    found = _check(answer, extract_numbers(answer, lang), lang)
    wanted: list[object] = [
        ("growth_rate", pytest.approx(stated, abs=0.01), pytest.approx(expected, abs=0.01))
    ]
    assert [(m.rule, m.stated, m.expected) for m in found] == wanted, f"Missed: {answer!r}"
    assert all(text.strip() and "{" not in text for text in found[0].explanation.values())


@pytest.mark.parametrize(("lang", "answer"), GROWTH_CONSISTENT, ids=[c[1][:50] for c in GROWTH_CONSISTENT])
def test_right_growth_rates_are_not_flagged(lang: str, answer: str) -> None:
    found = _check(answer, extract_numbers(answer, lang), lang)
    assert found == [], f"False positive against {answer!r}: {[m.explanation['en'] for m in found]}"


def test_growth_explanation_gives_the_rise_and_the_points() -> None:
    answer = "De conversie ging van 3% naar 4%, een stijging van 10%."
    (mismatch,) = _check(answer, extract_numbers(answer, "nl"), "nl")
    assert mismatch.explanation == {
        "nl": "Van 3% naar 4% is een stijging van 33,3% (of 1 procentpunt), niet de 10% die je noemt.",
        "en": "From 3% to 4% is a rise of 33.3% (or 1 percentage point), not the 10% you mention.",
    }
    answer = "We cut the build time from 40 minutes to 10 minutes, a 50% reduction."
    (mismatch,) = _check(answer, extract_numbers(answer, "en"), "en")
    assert (
        mismatch.explanation["en"]
        == "From 40 minutes to 10 minutes is a drop of 75%, not the 50% you mention."
    )


# --- shares of a number of deals: "a third of 12" is 4 -----------------------------------------------------
SHARE_INCONSISTENT: list[tuple[str, str, float, float]] = [  # (lang, answer, stated, expected)
    ("en", "I closed twelve deals, a third of them new business, five new logos.", 5, 4),
    ("nl", "Ik sloot twaalf deals, een derde nieuwe klanten, vijf nieuwe logo's.", 5, 4),
    ("en", "I closed 12 deals, half of them new business, so 7 new logos.", 7, 6),
    ("nl", "Ik sloot twaalf deals, de helft nieuwe klanten, zeven nieuwe logo's.", 7, 6),
    ("nl", "Ik sloot 12 deals, waarvan de helft bij nieuwe klanten: acht nieuwe logo's.", 8, 6),
    ("en", "I closed 12 deals, 25% new business, 5 new logos.", 5, 3),
    ("nl", "Ik sloot 12 deals, 25% nieuwe klanten, 5 nieuwe logo's.", 5, 3),
    ("en", "I closed 12 deals, a third of them upsell, so 5 deals.", 5, 4),
    ("nl", "Ik sloot twaalf deals, bijna de helft nieuwe klanten, zeven nieuwe logo's.", 7, 6),
]

SHARE_CONSISTENT: list[tuple[str, str]] = [
    ("en", "I closed twelve deals, a third of them new business, four new logos."),
    ("nl", "Ik sloot twaalf deals, een derde nieuwe klanten, vier nieuwe logo's."),
    ("nl", "Ik sloot twaalf deals, waarvan de helft bij nieuwe klanten: zes nieuwe logo's."),
    ("en", "I closed 12 deals, about half of them new business, 7 new logos."),
    ("nl", "Ik sloot twaalf deals, ruim de helft nieuwe klanten, zeven nieuwe logo's."),
    ("en", "I closed 12 deals, 25% of them new business, 3 new logos."),
    ("en", "I closed 10 deals, a third of them new business, 3 new logos."),  # 3.3: a third, rounded
    # the number belongs to the other group, or to something else
    ("en", "I closed 12 deals, a third of them upsell, and 8 new customers."),
    ("nl", "Ik sloot 12 deals, een derde daarvan upsell, en 8 nieuwe klanten."),
    ("en", "I closed 12 deals in half a year, 5 of them new business."),
    (
        "en",
        "I closed 12 deals, a third of them with new customers; half of my time went to 5 existing accounts.",
    ),
    ("nl", "Ik sloot 12 deals; de helft van mijn tijd ging naar 5 bestaande klanten."),
]


@pytest.mark.parametrize(
    ("lang", "answer", "stated", "expected"), SHARE_INCONSISTENT, ids=[c[1][:50] for c in SHARE_INCONSISTENT]
)
def test_wrong_shares_of_a_count_are_flagged(lang: str, answer: str, stated: float, expected: float) -> None:
    found = _check(answer, extract_numbers(answer, lang), lang)
    wanted: list[object] = [
        ("share_of_count", pytest.approx(stated, abs=0.01), pytest.approx(expected, abs=0.01))
    ]
    assert [(m.rule, m.stated, m.expected) for m in found] == wanted, f"Missed: {answer!r}"


@pytest.mark.parametrize(("lang", "answer"), SHARE_CONSISTENT, ids=[c[1][:50] for c in SHARE_CONSISTENT])
def test_right_shares_of_a_count_are_not_flagged(lang: str, answer: str) -> None:
    found = _check(answer, extract_numbers(answer, lang), lang)
    assert found == [], f"False positive against {answer!r}: {[m.explanation['en'] for m in found]}"


def test_share_explanation_in_both_languages() -> None:
    answer = "Ik sloot twaalf deals, een derde nieuwe klanten, vijf nieuwe logo's."
    (mismatch,) = _check(answer, extract_numbers(answer, "nl"), "nl")
    assert mismatch.explanation == {
        "nl": "Een derde van 12 deals is 4, niet de 5 die je noemt.",
        "en": "A third of 12 is 4, not the 5 you mention.",
    }


# --- ranks out of a group that is too small ---------------------------------------------------------------
@pytest.mark.parametrize(
    ("lang", "answer"),
    [
        ("en", "I was number 3 out of 2 in my team."),
        ("nl", "Ik werd derde van de twee."),
        ("nl", "Ik stond op plek 3 van de 2 accountmanagers."),
        ("en", "I finished third out of two reps."),
    ],
)
def test_rank_beyond_a_small_group(lang: str, answer: str) -> None:
    found = _check(answer, extract_numbers(answer, lang), lang)
    assert [(m.rule, m.stated, m.expected) for m in found] == [("rank_in_team", 3, 2)], answer


# --- figures that are no figures of a result must never raise a sum -------------------------------------
NOT_SUMS: list[tuple[str, str]] = [
    (
        "nl",
        "In 2023 heb ik de API met N+1 queries herschreven, de latency ging naar 900 ms en de dienst draait 24/7.",
    ),
    ("en", "In 2023 I rewrote the N+1 queries, latency went down to 900 ms and the service runs 24/7."),
    ("nl", "Bel me op 06-12345678 of 020 123 4567; we migreerden naar Python 3.11 op 1 maart om 9:30."),
    ("en", "Call me on +31 6 12345678; we moved to Python 3.11 on 1 March at 9:30."),
    ("nl", "Versie 2.4.1 ging live op 12 mei 2023, 24/7 bereikbaar via 0800-1234."),
    ("en", "Between 9:00 and 17:30 I am available; release 3.2 shipped on 14 May 2024."),
    (
        "nl",
        "In 2023 haalde ik €380K op een target van €400K, 95%, en de release op 1 maart om 9:30 liep goed.",
    ),
    ("en", "In 2022 my target was €400K, in 2023 €500K; I closed €520K in 2023, 104% of target."),
]


@pytest.mark.parametrize(("lang", "answer"), NOT_SUMS, ids=[c[1][:50] for c in NOT_SUMS])
def test_years_versions_times_and_phone_numbers_raise_no_mismatch(lang: str, answer: str) -> None:
    numbers = extract_numbers(answer, lang)
    assert _check(answer, numbers, lang) == [], answer
    # none of them is read as money, a percentage, a count or a rank
    odd = ("2023", "2024", "N+1", "24/7", "3.11", "2.4.1", "9:30", "12345678", "0800")
    assert not [n for n in numbers if n.kind != "plain" and any(o in n.text for o in odd)], numbers


@pytest.mark.parametrize(
    ("value", "step"),
    [
        (340_000, 10_000),
        (500_000, 500_000),
        (1_550_000, 50_000),
        (112, 1),
        (110, 10),
        (2.5, 0.5),
        (14_800, 100),
    ],
)
def test_a_softened_figure_may_be_off_by_one_step_of_its_rounding(value: float, step: float) -> None:
    assert _rounding_step(value) == pytest.approx(step)


def test_about_a_precise_figure_is_not_fifteen_percent() -> None:
    # "about €980K" is €970K-€990K: against €1.2M that is 81-82.5%, so "about 90%" is wrong
    answer = "My target was €1.2M and I closed about €980K, so about 90% of target."
    assert [m.rule for m in _check(answer, extract_numbers(answer, "en"), "en")] == ["percent_of_target"]
    # "about €1M" may be €850K-€1.15M: 71-96%, so "about 90%" may be right
    answer = "My target was €1.2M and I closed about €1M, so about 90% of target."
    assert _check(answer, extract_numbers(answer, "en"), "en") == []


@pytest.mark.parametrize(("lang", "answer"), [
    ("en", "Last year I closed 14 deals, average deal size was about 40K, so around 800K in total, which was "
           "like 160 percent of my quota. Quota was 500K."),
    ("nl", "Vorig jaar heb ik 14 deals gesloten, gemiddeld zo'n 40K per deal, dus rond de 800K in totaal, zo'n "
           "160 procent van mijn target. Mijn target was 500K."),
])
def test_a_softened_average_times_the_count_far_from_the_total_is_flagged(lang: str, answer: str) -> None:
    """14 × about 40K is about 560K, not 800K: the quota (500K) is no part of the total that would excuse
    it, and a softened average gets no 15% on top of its own range."""
    found = find_mismatches(answer, extract_numbers(answer, lang), lang)
    assert [m.rule for m in found] == ["count_times_average"]
    assert found[0].expected == 560_000 and found[0].stated == 800_000
