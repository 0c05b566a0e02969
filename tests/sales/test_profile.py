"""The results profile's validation: figures as people write them, and problems at their fields."""

from __future__ import annotations

from datetime import date

import pytest

from coach.sales.profile import by_field, validate
from tests.sales.support import profile

TODAY = date(2026, 6, 1)


def errors(raw: dict, lang: str = "nl", ui: str | None = None) -> dict[str, list[str]]:
    found, problems = validate(raw, lang, TODAY, ui)
    assert found is None, "an inconsistent profile must be refused"
    found = {k: [m for level, m in v if level == "error"] for k, v in by_field(problems, ui or lang).items()}
    return {k: v for k, v in found.items() if v}


def test_a_consistent_profile_is_accepted_with_its_figures_read() -> None:
    found, problems = validate(profile(), "nl", TODAY)
    assert found is not None
    first, second = found.periods
    assert (first.target, first.result, first.percent) == (350_000, 371_000, 106)
    assert (second.new_business, second.upsell) == pytest.approx((322_000, 138_000))
    assert [p.field for p in problems] == ["references.1.permission"]  # only the warning
    assert [r.name for r in found.shown_references] == ["Jan Bakker"]


def test_percentage_that_does_not_match_result_over_target_is_refused_at_its_field() -> None:
    found = errors(profile(periods_1_percent="150%"), "nl", "en")
    assert list(found) == ["periods.1.percent"]
    assert found["periods.1.percent"] == ["€460,000 of a €400,000 target is 115%, not 150%."]


def test_the_message_comes_in_the_users_language() -> None:
    found = errors(profile(periods_1_percent="150%"), "nl", "nl")
    assert found["periods.1.percent"] == [
        "€\u00a0460.000 van een target van €\u00a0400.000 is 115%, niet 150%."
    ]


def test_rank_beyond_the_team_is_refused() -> None:
    assert list(errors(profile(periods_0_rank=14))) == ["periods.0.rank"]


def test_rank_without_team_size_asks_for_the_team() -> None:
    assert list(errors(profile(periods_0_team_size=""))) == ["periods.0.team_size"]


def test_parts_that_do_not_add_up_to_the_result_are_refused() -> None:
    found = errors(profile(periods_0_upsell="€200.000"), "nl", "en")
    assert found == {
        "periods.0.upsell": [
            "New business €250,000 plus upsell €200,000 is €450,000, but the result is €371,000."
        ]
    }


def test_shares_must_add_up_to_a_hundred() -> None:
    assert list(errors(profile(periods_1_upsell="40%"))) == ["periods.1.upsell"]


def test_average_deal_times_new_accounts_must_be_about_new_business() -> None:
    assert list(errors(profile(periods_0_average_deal="€40.000"))) == ["periods.0.average_deal"]


def test_figures_that_are_not_figures_are_refused() -> None:
    found = errors(profile(periods_0_target="veel", periods_0_percent="ruim"), "nl", "en")
    assert found["periods.0.target"] == ["Write one amount, for example €450.000 or 1,2 mln."]
    assert found["periods.0.percent"] == ["Write a percentage, for example 115%."]


def test_a_key_win_whose_figures_do_not_add_up_is_refused_with_the_engines_explanation() -> None:
    win = "Jaartarget van €200.000 gehaald met €250.000, dat is 150% van mijn target"
    found = errors(profile(key_wins=["Eerste regel zonder cijfers", win]), "nl", "en")
    assert list(found) == ["key_wins.1"]
    assert found["key_wins.1"][0].startswith("The figures don't add up:")
    assert "125" in found["key_wins.1"][0]


def test_a_profile_without_periods_or_name_is_refused() -> None:
    found = errors({"periods": []})
    assert set(found) == {"name", "periods"}


def test_a_permission_date_in_the_future_is_refused() -> None:
    assert list(errors(profile(references_0_permission="2027-01-01"))) == ["references.0.permission"]


def test_english_figures_are_read_with_english_separators() -> None:
    raw = profile(periods_0_target="€350,000", periods_0_result="€371,000")
    raw["periods"] = raw["periods"][:1]
    raw["periods"][0].update(new_business="€250,000", upsell="€121,000", average_deal="€21,000")
    found, _ = validate(raw, "en", TODAY)
    assert found is not None
    assert found.periods[0].target == 350_000
