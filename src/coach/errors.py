"""User-facing errors in one place: a stable code and a clear message in Dutch and English."""

from __future__ import annotations

from coach.analysis.types import InputError

MAX_ANSWER_CHARS = 100_000

MESSAGES: dict[str, dict[str, str]] = {
    "E001": {
        "nl": "Je antwoord is te lang: {chars} tekens, terwijl het maximum {limit} is. Kort het in en probeer het opnieuw.",
        "en": "Your answer is too long: {chars} characters, while the limit is {limit}. Shorten it and try again.",
    },
    "E002": {
        "nl": "Dit bestand is geen tekst (het lijkt een binair bestand). Lever je antwoord aan als gewone tekst.",
        "en": "This file is not text (it looks like a binary file). Give your answer as plain text.",
    },
    "E003": {
        "nl": "Dit bestand is geen geldige UTF-8-tekst (byte {position}). Sla het op als UTF-8 en probeer het opnieuw.",
        "en": "This file is not valid UTF-8 text (byte {position}). Save it as UTF-8 and try again.",
    },
    "E004": {
        "nl": "Er is geen vraag met id '{question}'. Bekijk de vragen met 'coach questions'.",
        "en": "There is no question with id '{question}'. See the questions with 'coach questions'.",
    },
    "E005": {
        "nl": "Regel {line} is geen geldig JSON-object met een tekstveld 'answer': {detail}",
        "en": "Line {line} is not a valid JSON object with a text field 'answer': {detail}",
    },
    "E006": {
        "nl": "Taal '{value}' wordt niet ondersteund; kies nl of en.",
        "en": "Language '{value}' is not supported; choose nl or en.",
    },
    "E007": {
        "nl": "Bestand niet gevonden of niet leesbaar: {path}",
        "en": "File not found or not readable: {path}",
    },
}


def input_error(code: str, lang: str, **values: object) -> InputError:
    """Build the coded error `code` in `lang` ("nl" or "en"), filling in `values`."""
    template = MESSAGES[code]["nl" if lang == "nl" else "en"]
    return InputError(code, template.format(**values))


class CoachError(Exception):
    """An error to show the user as it is, never as a traceback."""

    def __init__(self, error: InputError) -> None:
        super().__init__(error.message)
        self.error = error
