"""The JSON API's `/api/check`: the same contract as `coach check --json` (docs/wire-schema.md)."""

from __future__ import annotations

import json
from typing import Any

from tests.web.conftest import Client


def post_raw(client: Client, body: str, **headers: str) -> Any:
    """POST a hand-written JSON body, so lone surrogates and NaN reach the server as sent."""
    return client.api("POST", "/api/check", content=body.encode(),
                      headers={"content-type": "application/json", **headers})


def strict(text: str) -> dict[str, Any]:
    def refuse(name: str) -> None:
        raise AssertionError(f"non-standard JSON constant {name}")

    return json.loads(text, parse_constant=refuse)  # type: ignore[no-any-return]


def test_lone_surrogates_are_a_coded_error_in_the_users_language(client: Client) -> None:
    answer = post_raw(client, '{"answer": "I closed \\ud800 12 deals.", "lang": "en"}')
    assert answer.status_code == 422
    assert strict(answer.text) == {"schema": 1, "id": None, "error": {
        "code": "E009", "message": "Your answer contains a character that isn't valid text (at position 9). "
                                   "Copy the text again from the original and try again."}}
    question = post_raw(client, '{"answer": "Ik heb 12 deals gesloten.", "question": "\\udfff"}',
                        **{"accept-language": "nl-NL"})
    assert question.status_code == 422 and strict(question.text)["error"]["message"].startswith("Je vraag bevat")


def test_control_characters_become_spaces_as_in_the_cli(client: Client) -> None:
    answer = "Last year I closed\x0012 new deals\x0b worth €40,000.\x1b Then I\x7f trained two colleagues.\f"
    spaced = "".join(" " if c in "\x00\x0b\x1b\x7f\f" else c for c in answer)
    got = client.api("POST", "/api/check", json={"answer": answer, "question": "Why\x00 purple?", "lang": "en"})
    want = client.api("POST", "/api/check", json={"answer": spaced, "question": "Why  purple?", "lang": "en"})
    assert got.status_code == 200 and strict(got.text) == strict(want.text)
    assert [answer[n["span"][0]:n["span"][1]] for n in got.json()["numbers"]][:2] == ["12 new deals", "€40,000"]


def test_question_over_the_limit_is_e008_in_the_answers_language(client: Client) -> None:
    long = "Vertel over een keer dat je een target niet haalde. " * 20
    result = client.api("POST", "/api/check", json={"answer": "Ik heb 12 deals gesloten.", "question": long,
                                                   "lang": "nl"})
    assert result.status_code == 422
    assert result.json()["error"] == {"code": "E008", "message": "Je vraag is te lang: 1040 tekens, terwijl het "
                                      "maximum 1000 is. Neem alleen de interviewvraag zelf over, zonder de "
                                      "vacaturetekst eromheen."}
    fits = client.api("POST", "/api/check", json={"answer": "Ik heb 12 deals gesloten.", "question": long[:1000]})
    assert fits.status_code == 200 and "error" not in fits.json()


def test_coded_errors_that_pydantic_used_to_answer_generically(client: Client) -> None:
    lang = client.api("POST", "/api/check", json={"answer": "I closed 12 deals.", "lang": "de"})
    assert lang.status_code == 422 and lang.json()["error"]["code"] == "E006"
    unknown = client.api("POST", "/api/check", json={"answer": "I closed 12 deals.", "question": "it.no_such"})
    assert unknown.status_code == 422 and unknown.json()["error"]["code"] == "E004"
    deep = post_raw(client, "[" * 100_000 + "]" * 100_000)
    assert deep.status_code == 400  # an unreadable body, not a server error


def test_interview_answers_get_the_same_control_character_rule(client: Client, store) -> None:  # type: ignore[no-untyped-def]
    state = client.api("POST", "/api/interviews", json={"sector": "it", "role": "backend", "lang": "nl",
                                                        "questions": 3, "seed": 3}).json()
    result = client.api("POST", f"/api/interviews/{state['id']}/answers",
                        json={"text": "Ik heb\x00 een API\x0b gebouwd voor 20.000 gebruikers."}).json()
    assert store.answer(store.user_id(), result["answer_id"]).text == "Ik heb  een API  gebouwd voor 20.000 gebruikers."
