"""The story bank's store functions: saved with the engine's score, validated, per user, coverage."""

from __future__ import annotations

import pytest

from coach.i18n import translate
from coach.store.repository import Store
from coach.store.stories import (
    ALL_CATEGORIES,
    STRONG_SCORE,
    StoryError,
    clean_story,
    coverage,
    create_story,
    delete_story,
    get_story,
    list_stories,
    update_story,
)

STRONG_EN = (
    "Last year at a logistics company our sales team had promised a customer a feature our developers "
    "could not deliver before the deadline. My task was to resolve the clash between sales and development. "
    "I organised a meeting with both leads, I listened to each side and I proposed a smaller first version "
    "together with the product owner. We agreed on a plan and I kept the customer informed every week. "
    "As a result we delivered the first version two weeks early, the customer renewed a contract worth "
    "120,000 euros and complaints dropped by 40%. I learned that bringing both sides to the table early "
    "prevents most conflicts, and since then I always check promises with the team first."
)
STRONG_NL = (
    "Vorig jaar bij een logistiek bedrijf had ons salesteam een klant een functie beloofd die onze "
    "ontwikkelaars niet voor de deadline konden opleveren. Mijn taak was het conflict tussen sales en "
    "development op te lossen. Ik organiseerde een overleg met beide teamleads, ik luisterde naar beide "
    "kanten en ik stelde samen met de product owner een kleinere eerste versie voor. We maakten samen een "
    "plan en ik hield de klant elke week op de hoogte. Het resultaat: we leverden de eerste versie twee weken "
    "eerder op, de klant verlengde een contract van 120.000 euro en het aantal klachten daalde met 40%. "
    "Ik heb geleerd dat je beide partijen vroeg aan tafel moet halen; sindsdien check ik beloftes altijd "
    "eerst met het team."
)
WEAK_EN = "I am a team player and I always get along with everybody. Conflicts are not really a thing for me."
WEAK_NL = "Ik ben een teamspeler en ik kan met iedereen goed opschieten. Conflicten heb ik eigenlijk nooit."


def test_a_new_story_is_checked_and_saved_with_score_and_feedback(any_store: Store) -> None:
    user = any_store.user_id()
    story_id = create_story(any_store, user, "  Clash over a promise  ", STRONG_EN, ["conflict", "teamwork"], None)
    story = get_story(any_store, user, story_id)
    assert story is not None
    assert story.title == "Clash over a promise"
    assert story.tags == ["conflict", "teamwork"]
    assert story.lang == "en"  # detected
    assert story.score >= STRONG_SCORE
    assert story.feedback["score"] == story.score and story.feedback["language"] == "en"
    criteria = {f["criterion"] for f in story.feedback["findings"]}
    assert {"structure.star", "collaboration.teamwork", "learning.lesson"} <= criteria
    # figures and business impact count in the score but are not claimed as ticks (engine.NOT_PRAISED)
    assert not {"evidence.figures", "impact.business"} & criteria
    assert story.feedback["star"]["result"]  # the STAR parts point into the text


def test_weak_story_scores_low_and_the_language_can_be_given(fresh_store: Store) -> None:
    user = fresh_store.user_id()
    story = get_story(fresh_store, user, create_story(fresh_store, user, "Teamspeler", WEAK_NL, [], "nl"))
    assert story is not None
    assert story.score < STRONG_SCORE and story.lang == "nl" and story.tags == []
    # a missing lesson counts (claimed as a finding only when it is the next step; else listed as unclaimed)
    claimed = {f["criterion"] for f in story.feedback["findings"] if f["status"] == "missed"}
    assert "learning.lesson" in claimed | set(story.feedback["unclaimed"])
    step = story.feedback["next_step"]
    assert story.feedback["language"] == "nl" and step["message"].startswith("Je ")  # feedback in Dutch


def test_windows_line_breaks_are_normalised_and_tags_deduplicated(fresh_store: Store) -> None:
    user = fresh_store.user_id()
    story_id = create_story(fresh_store, user, "T", "Line one.\r\nLine two.", ["failure", "failure"], "auto")
    story = get_story(fresh_store, user, story_id)
    assert story is not None and story.text == "Line one.\nLine two." and story.tags == ["failure"]


def test_update_checks_the_story_again(any_store: Store) -> None:
    user = any_store.user_id()
    story_id = create_story(any_store, user, "Draft", WEAK_EN, ["conflict"], "en")
    before = get_story(any_store, user, story_id)
    assert before is not None and before.score < STRONG_SCORE
    assert update_story(any_store, user, story_id, "Final", STRONG_EN, ["conflict", "leadership"], "en")
    after = get_story(any_store, user, story_id)
    assert after is not None
    assert (after.title, after.tags) == ("Final", ["conflict", "leadership"])
    assert after.score >= STRONG_SCORE and after.feedback["score"] == after.score
    assert after.text == STRONG_EN


def test_delete_removes_only_that_story(fresh_store: Store) -> None:
    user = fresh_store.user_id()
    keep = create_story(fresh_store, user, "Keep", WEAK_EN, [], None)
    gone = create_story(fresh_store, user, "Gone", WEAK_EN, [], None)
    assert delete_story(fresh_store, user, gone) is True
    assert delete_story(fresh_store, user, gone) is False
    assert [s.id for s in list_stories(fresh_store, user)] == [keep]


def test_stories_belong_to_their_user(any_store: Store) -> None:
    alice, bob = any_store.user_id("alice"), any_store.user_id("bob")
    story_id = create_story(any_store, alice, "Alice's story", WEAK_EN, ["teamwork"], "en")
    assert get_story(any_store, bob, story_id) is None
    assert list_stories(any_store, bob) == []
    assert update_story(any_store, bob, story_id, "Taken", WEAK_EN, [], "en") is False
    assert delete_story(any_store, bob, story_id) is False
    story = get_story(any_store, alice, story_id)
    assert story is not None and story.title == "Alice's story"


def test_list_is_most_recently_changed_first(fresh_store: Store) -> None:
    user = fresh_store.user_id()
    first = create_story(fresh_store, user, "First", WEAK_EN, [], "en")
    second = create_story(fresh_store, user, "Second", WEAK_EN, [], "en")
    assert [s.id for s in list_stories(fresh_store, user)] == [second, first]
    update_story(fresh_store, user, first, "First, edited", WEAK_EN, [], "en")
    assert [s.id for s in list_stories(fresh_store, user)] == [first, second]


@pytest.mark.parametrize(
    ("title", "text", "tags", "lang", "expected"),
    [
        ("", STRONG_EN, [], None, "Give your story a title."),
        ("   ", STRONG_EN, [], None, "Give your story a title."),
        ("x" * 201, STRONG_EN, [], None, "The title is too long: 201 characters, the limit is 200."),
        ("Title", "  \n ", [], None, "Your story is empty. Write down what happened first."),
        ("Title", "a" * 100_001, [], None, "Your story is too long: 100001 characters, the limit is 100000."),
        ("Title", STRONG_EN, ["conflict", "karate"], None,
         "Unknown question category: karate. Choose from the list."),
        ("Title", STRONG_EN, [], "de", "Language 'de' is not supported; choose nl, en or automatic."),
    ],
)
def test_invalid_stories_are_refused_with_a_clear_message(
    fresh_store: Store, title: str, text: str, tags: list[str], lang: str | None, expected: str
) -> None:
    user = fresh_store.user_id()
    with pytest.raises(StoryError) as caught:
        create_story(fresh_store, user, title, text, tags, lang)
    assert str(caught.value) == expected
    assert list_stories(fresh_store, user) == []


def test_a_title_of_exactly_200_characters_and_a_text_of_100000_are_accepted() -> None:
    text = (STRONG_EN * 200)[:99_990] + "\r\n" * 10  # counted after \r\n becomes \n
    story = clean_story("x" * 200, text, [], "en")
    assert len(story.title) == 200 and len(story.text) == 100_000 and story.lang == "en"


def test_error_messages_translate_to_dutch(fresh_store: Store) -> None:
    with pytest.raises(StoryError) as caught:
        create_story(fresh_store, fresh_store.user_id(), "T", STRONG_EN, ["karate"], None)
    error = caught.value
    assert translate("nl", error.message, **error.values) == (
        "Onbekende vraagcategorie: karate. Kies er een uit de lijst."
    )


def test_update_refuses_invalid_fields_and_keeps_the_old_story(fresh_store: Store) -> None:
    user = fresh_store.user_id()
    story_id = create_story(fresh_store, user, "Kept", STRONG_EN, ["conflict"], "en")
    with pytest.raises(StoryError):
        update_story(fresh_store, user, story_id, "", STRONG_EN, ["conflict"], "en")
    story = get_story(fresh_store, user, story_id)
    assert story is not None and story.title == "Kept"


def test_coverage_counts_a_category_only_with_a_strong_story(fresh_store: Store) -> None:
    user = fresh_store.user_id()
    strong = create_story(fresh_store, user, "Strong", STRONG_EN, ["conflict"], "en")
    weak = create_story(fresh_store, user, "Weak", WEAK_EN, ["teamwork", "conflict"], "en")
    result = coverage(list_stories(fresh_store, user))
    assert result.status("conflict") == "strong"
    assert [s.id for s in result.strong["conflict"]] == [strong]
    assert result.status("teamwork") == "weaker"
    assert [s.id for s in result.weaker["teamwork"]] == [weak]
    assert result.status("targets") == "none"
    assert (result.covered, result.total) == (1, len(ALL_CATEGORIES))
    assert len(set(ALL_CATEGORIES)) == len(ALL_CATEGORIES)  # a tag names one category in one sector
