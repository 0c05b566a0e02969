"""The story bank: the candidate's own STAR(R) stories, each checked by the feedback engine when saved."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select

import coach
from coach.content.schema import CATEGORIES
from coach.errors import MAX_ANSWER_CHARS
from coach.i18n import N_
from coach.store.models import Story
from coach.store.repository import Store
from coach.wire import feedback_to_json

MAX_TITLE_CHARS = 200
MAX_STORY_CHARS = MAX_ANSWER_CHARS
STRONG_SCORE = 70  # a story scoring at least this covers its categories in the coverage matrix
MAX_ID = 2**63 - 1  # a larger id from a URL can't be in the table (and would overflow the driver)
ALL_CATEGORIES: tuple[str, ...] = tuple(c for sector in CATEGORIES.values() for c in sector)


class StoryError(ValueError):
    """A story that can't be saved as it is; `message` is an English msgid, translated by the caller."""

    def __init__(self, message: str, **values: Any) -> None:
        super().__init__(message.format(**values) if values else message)
        self.message = message
        self.values = values


@dataclass(frozen=True)
class CleanStory:
    """A story's fields after validation: trimmed title, normalised text, known tags, nl/en or None."""

    title: str
    text: str
    tags: list[str]
    lang: str | None


def clean_story(title: str, text: str, tags: list[str] | tuple[str, ...], lang: str | None) -> CleanStory:
    """Validate a story's fields; raises StoryError with a clear message."""
    title = (title or "").strip()
    if not title:
        raise StoryError(N_("Give your story a title."))
    if len(title) > MAX_TITLE_CHARS:
        raise StoryError(
            N_("The title is too long: {chars} characters, the limit is {limit}."),
            chars=len(title),
            limit=MAX_TITLE_CHARS,
        )
    text = (text or "").replace("\r\n", "\n")
    if not text.strip():
        raise StoryError(N_("Your story is empty. Write down what happened first."))
    if len(text) > MAX_STORY_CHARS:
        raise StoryError(
            N_("Your story is too long: {chars} characters, the limit is {limit}."),
            chars=len(text),
            limit=MAX_STORY_CHARS,
        )
    unknown = [t for t in tags if t not in ALL_CATEGORIES]
    if unknown:
        raise StoryError(
            N_("Unknown question category: {tags}. Choose from the list."),
            tags=", ".join(str(t) for t in unknown),
        )
    if lang in (None, "", "auto"):
        lang = None
    elif lang not in ("nl", "en"):
        raise StoryError(N_("Language '{value}' is not supported; choose nl, en or automatic."), value=lang)
    return CleanStory(title, text, list(dict.fromkeys(tags)), lang)


def _checked(story: CleanStory) -> tuple[int, dict[str, Any], str]:
    """The engine's score, wire-form feedback and language for a story (general rubric, no question)."""
    feedback = coach.check(story.text, lang=story.lang or None)
    return feedback.score, feedback_to_json(feedback), feedback.language


def list_stories(store: Store, user_id: int) -> list[Story]:
    """The user's stories, most recently changed first."""
    with store.session() as s:
        rows = s.scalars(
            select(Story).where(Story.user_id == user_id).order_by(Story.updated_at.desc(), Story.id.desc())
        )
        return list(rows)


def get_story(store: Store, user_id: int, story_id: int) -> Story | None:
    """One of the user's stories, or None."""
    if not 0 < story_id <= MAX_ID:
        return None
    with store.session() as s:
        return s.scalar(select(Story).where(Story.user_id == user_id, Story.id == story_id))


def create_story(
    store: Store,
    user_id: int,
    title: str,
    text: str,
    tags: list[str] | tuple[str, ...],
    lang: str | None = None,
) -> int:
    """Check and save a new story; returns its id. Raises StoryError on invalid fields."""
    story = clean_story(title, text, tags, lang)
    score, feedback, language = _checked(story)
    with store.session() as s:
        row = Story(
            user_id=user_id,
            title=story.title,
            text=story.text,
            lang=language,
            tags=story.tags,
            score=score,
            feedback=feedback,
        )
        s.add(row)
        s.flush()
        return row.id


def update_story(
    store: Store,
    user_id: int,
    story_id: int,
    title: str,
    text: str,
    tags: list[str] | tuple[str, ...],
    lang: str | None = None,
) -> bool:
    """Check and save a changed story; False when the user has no such story. Raises StoryError."""
    story = clean_story(title, text, tags, lang)
    if get_story(store, user_id, story_id) is None:
        return False
    score, feedback, language = _checked(story)
    with store.session() as s:
        row = s.scalar(select(Story).where(Story.user_id == user_id, Story.id == story_id))
        if row is None:  # deleted meanwhile
            return False
        row.title = story.title
        row.text = story.text
        row.lang = language
        row.tags = story.tags
        row.score = score
        row.feedback = feedback
        return True


def delete_story(store: Store, user_id: int, story_id: int) -> bool:
    """Delete one of the user's stories; False when there was no such story."""
    if get_story(store, user_id, story_id) is None:
        return False
    with store.session() as s:
        row = s.scalar(select(Story).where(Story.user_id == user_id, Story.id == story_id))
        if row is None:
            return False
        s.delete(row)
        return True


@dataclass
class Coverage:
    """Per question category: the strong stories (score >= STRONG_SCORE) and the weaker ones."""

    strong: dict[str, list[Story]] = field(default_factory=dict)
    weaker: dict[str, list[Story]] = field(default_factory=dict)

    def status(self, category: str) -> str:
        """`strong`, `weaker` or `none`."""
        if self.strong.get(category):
            return "strong"
        return "weaker" if self.weaker.get(category) else "none"

    @property
    def covered(self) -> int:
        """How many categories have at least one strong story."""
        return sum(1 for c in ALL_CATEGORIES if self.strong.get(c))

    @property
    def total(self) -> int:
        return len(ALL_CATEGORIES)


def coverage(stories: list[Story]) -> Coverage:
    """Which question categories the stories cover with a strong story, with weaker ones only, or not."""
    result = Coverage()
    for story in sorted(stories, key=lambda s: (-s.score, -s.id)):
        for tag in story.tags or []:
            if tag not in ALL_CATEGORIES:
                continue
            bucket = result.strong if story.score >= STRONG_SCORE else result.weaker
            bucket.setdefault(tag, []).append(story)
    return result
