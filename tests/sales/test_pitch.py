"""The pitch: input validation, the outline with the two likely objections, feedback, the web flow."""

from __future__ import annotations

import pytest

from coach.sales.pitch import PitchError, clean_input, likely_objections, outline, pitch_feedback
from tests.web.conftest import Client

INPUT = {
    "employer": "RouteWise",
    "product": "planningssoftware voor transporteurs",
    "usps": "Plant 200 ritten in tien minuten\nKoppelt met AFAS en Exact",
    "competitors": "PlanPro",
    "targets": "middelgrote transporteurs en gemeenten",
    "pains": "Lege kilometers\nHandmatig plannen in Excel",
    "name": "Sanne",
}
STRONG_NL = (
    "Goedemorgen, ik ben Sanne van RouteWise. Lege kilometers kosten transporteurs zoals u al snel tienduizenden "
    "euro's per jaar. Hoe plant u nu uw ritten, en wie beslist er bij u mee: inkoop en de IT-manager? "
    "RouteWise plant 200 ritten in tien minuten; bij een vergelijkbare vervoerder daalden de lege kilometers met 18%. "
) * 8 + "Zullen we volgende week met u en uw controller de cijfers doorrekenen?"


def test_missing_fields_are_refused_at_their_field() -> None:
    with pytest.raises(PitchError) as caught:
        clean_input({**INPUT, "usps": " \n "})
    assert caught.value.field == "usps"


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({}, ("competitor_cheaper", "must_go_through_procurement")),
        ({"competitors": "", "targets": "webshops"}, ("too_expensive", "no_need")),
        ({"targets": "webshops"}, ("competitor_cheaper", "happy_current_supplier")),
    ],
)
def test_the_two_likely_objections_follow_the_input(changes: dict, expected: tuple) -> None:
    assert likely_objections(clean_input({**INPUT, **changes})) == expected


def test_outline_has_every_part_in_the_chosen_language() -> None:
    pitch = clean_input(INPUT)
    nl, en = outline(pitch, "nl"), outline(pitch, "en")
    assert nl["opening"].startswith(
        "Ik ben Sanne van RouteWise. We helpen middelgrote transporteurs en gemeenten met lege kilometers."
    )
    assert en["opening"].startswith("I'm Sanne from RouteWise.")
    assert "Hoe gaat u nu om met handmatig plannen in Excel" in nl["discovery"][1]
    assert [o["text"] for o in en["objections"]] == [
        "Your competitor is 20% cheaper.",
        "This has to go through procurement, and they only look at price.",
    ]
    assert nl["value"][0].startswith("Plant 200 ritten in tien minuten:")
    assert len(nl["dutch_buyers"]) == 4 and nl["close"]


def test_feedback_rewards_a_direct_data_driven_pitch_and_flags_a_hard_sell() -> None:
    pitch = clean_input(INPUT)
    strong = pitch_feedback(STRONG_NL, "nl", pitch)
    status = {i["key"]: i["status"] for i in strong["items"]}
    assert status == dict.fromkeys(status, "met"), status
    assert strong["score"] == 100
    hard = pitch_feedback(
        "Wij zijn de marktleider met een revolutionaire oplossing. Deze aanbieding geldt alleen vandaag.",
        "nl",
        pitch,
    )
    status = {i["key"]: i["status"] for i in hard["items"]}
    assert (
        status["no_hard_sell"] == "warning" and status["value"] == "missed" and status["length"] == "missed"
    )
    assert hard["score"] < 30


def test_pitch_flow_in_the_web_app(client: Client) -> None:
    client.cookies.set("coach_lang", "nl")
    assert client.post_form("/pitch", {**INPUT, "product": ""}).status_code == 400
    response = client.post_form("/pitch", {**INPUT, "pitch_lang": "nl"}, follow_redirects=False)
    url = response.headers["location"]
    page = client.get(url).text
    assert "De concurrent is 20% goedkoper." in page and 'data-time-limit="300"' in page
    assert client.post_form(url + "/answer", {"text": ""}).status_code == 400
    client.post_form(url + "/answer", {"text": STRONG_NL, "elapsed": "200"})
    page = client.get(url).text
    assert 'id="feedback"' in page and "100<small>/100" in page
    assert "Pitch: RouteWise" in client.get("/history").text
