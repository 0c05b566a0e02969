"""The story bank and the preparation follow the sector the candidate practises."""

from __future__ import annotations

import re

from coach.content.schema import CATEGORIES
from tests.web.conftest import Client


def _practise_sales(client: Client) -> None:
    client.post_form("/interviews", {"role": "am", "level": "medior", "interview_lang": "nl", "questions": "3"})


def test_the_story_matrix_shows_the_candidates_sector_and_general_questions(client: Client) -> None:
    everything = client.get("/stories").text  # no interview yet: every category
    assert len(re.findall(r"data-category=", everything)) == sum(len(c) for c in CATEGORIES.values())
    _practise_sales(client)
    html = client.get("/stories").text
    shown = set(re.findall(r'data-category="([^"]+)"', html))
    assert shown == set(CATEGORIES["sales"]) | set(CATEGORIES["general"])
    assert f"0 of {len(shown)} categories covered" in html
    again = client.get("/stories?sector=all").text
    assert len(re.findall(r"data-category=", again)) == sum(len(c) for c in CATEGORIES.values())


def test_preparation_starts_in_the_sector_the_candidate_practises(client: Client) -> None:
    assert re.search(r'<option value="it" selected', client.get("/prepare").text)
    _practise_sales(client)
    assert re.search(r'<option value="sales" selected', client.get("/prepare").text)
