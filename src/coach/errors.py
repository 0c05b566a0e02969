"""User-facing errors in one place: a stable code and a clear message in Dutch and English."""

from __future__ import annotations

import re

from coach.analysis.types import InputError

MAX_ANSWER_CHARS = 100_000
LONE_SURROGATE = re.compile("[\\ud800-\\udfff]")
MAX_QUESTION_CHARS = 1_000  # an interview question is one or two sentences, not a whole job ad

MESSAGES: dict[str, dict[str, str]] = {
    "E001": {
        "nl": "Je antwoord is te lang: {chars} tekens, terwijl het maximum {limit} is. Kort het in en probeer het opnieuw.",
        "en": "Your answer is too long: {chars} characters, while the limit is {limit}. Shorten it and try again.",
    },
    "E002": {
        "nl": "Dit bestand is geen tekst (het lijkt een binair bestand). Lever je antwoord aan als gewone tekst.",
        "en": "This file is not text (it looks like a binary file). Submit your answer as plain text.",
    },
    "E003": {
        "nl": "Dit bestand is geen geldige UTF-8-tekst (byte {position}). Sla het op als UTF-8 en probeer het opnieuw.",
        "en": "This file is not valid UTF-8 text (byte {position}). Save it as UTF-8 and try again.",
    },
    "E004": {
        "nl": "Er is geen vraag met id '{question}'. Bekijk de vragen met 'coach questions'.",
        "en": "There is no question with id '{question}'. Run 'coach questions' to see them.",
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
    "E008": {
        "nl": "Je vraag is te lang: {chars} tekens, terwijl het maximum {limit} is. Neem alleen de interviewvraag zelf over, zonder de vacaturetekst eromheen.",
        "en": "Your question is too long: {chars} characters, while the limit is {limit}. Paste only the interview question itself, without the job ad around it.",
    },
    "E009": {
        "nl": "Je {field} bevat een teken dat geen geldige tekst is (op positie {position}). Kopieer de tekst opnieuw uit het origineel en probeer het nog eens.",
        "en": "Your {field} contains a character that isn't valid text (at position {position}). Copy the text again from the original and try again.",
    },
    "E010": {
        "nl": "Het audiobestand is leeg (0 bytes): {path}. Neem je antwoord opnieuw op.",
        "en": "The audio file is empty (0 bytes): {path}. Record your answer again.",
    },
    "E011": {
        "nl": "Dit bestand kan niet als audio worden gelezen (het is geen audio of het is beschadigd): {path}.",
        "en": "This file can't be read as audio (it is not audio, or it is damaged): {path}.",
    },
    "E012": {
        "nl": "De opname is afgebroken: het bestand houdt op na {seconds} s, terwijl het {expected} s zou moeten duren. Neem je antwoord opnieuw op.",
        "en": "The recording is cut off: the file ends after {seconds} s, while it should last {expected} s. Record your answer again.",
    },
    "E013": {
        "nl": "De opname duurt {minutes} minuten; het maximum is {limit} minuten. Een antwoord duurt meestal één à twee minuten: neem een korter antwoord op.",
        "en": "The recording lasts {minutes} minutes; the limit is {limit} minutes. An answer usually takes one to two minutes: record a shorter one.",
    },
    "E014": {
        "nl": "Er is geen spraak te horen in de opname. Staat je microfoon aan en dicht genoeg bij? Probeer het opnieuw.",
        "en": "No speech can be heard in the recording. Is your microphone on and close enough? Try again.",
    },
    "E015": {
        "nl": "Dit audioformaat wordt niet ondersteund ({format}). Gebruik webm, ogg of opus, wav, mp3 of m4a.",
        "en": "This audio format is not supported ({format}). Use webm, ogg or opus, wav, mp3 or m4a.",
    },
    "E016": {
        "nl": "Het spraakmodel '{model}' kon niet worden gedownload: {detail}. Controleer je internetverbinding en probeer 'coach models download {model}' opnieuw, of geef het pad van een lokale modelmap op.",
        "en": "The speech model '{model}' could not be downloaded: {detail}. Check your internet connection and try 'coach models download {model}' again, or give the path of a local model folder.",
    },
    "E017": {
        "nl": "Onbekend spraakmodel '{model}'. Kies een van: {choices}, of geef het pad van een map met een faster-whisper-model (model.bin).",
        "en": "Unknown speech model '{model}'. Choose one of: {choices}, or give the path of a folder with a faster-whisper model (model.bin).",
    },
    "E018": {
        "nl": "Er is geen microfoon gevonden. Sluit er een aan, of neem je antwoord op met een ander programma en laat het nakijken met 'coach check --audio BESTAND'.",
        "en": "No microphone was found. Connect one, or record your answer with another program and check it with 'coach check --audio FILE'.",
    },
    "E019": {
        "nl": "Opnemen kan op deze computer niet: {detail}. Installeer opnemen met 'pip install coach[speak]' en PortAudio (Debian/Ubuntu: 'apt install libportaudio2'), of neem je antwoord op met een ander programma en gebruik 'coach check --audio BESTAND'.",
        "en": "Recording is not available on this computer: {detail}. Install recording support with 'pip install coach[speak]' and PortAudio (Debian/Ubuntu: 'apt install libportaudio2'), or record your answer with another program and use 'coach check --audio FILE'.",
    },
    "E020": {
        "nl": "De opname is afgebroken: het bestand houdt midden in op, na {seconds} s geluid. Neem je antwoord opnieuw op of upload het volledige bestand.",
        "en": "The recording is cut off: the file stops midway, after {seconds} s of sound. Record your answer again or upload the complete file.",
    },
    "E021": {
        "nl": "De opname is afgebroken: het bestand is niet compleet (de inhoudsopgave aan het eind ontbreekt), dus het kan niet worden afgespeeld. Neem je antwoord opnieuw op of upload het volledige bestand.",
        "en": "The recording is cut off: the file is incomplete (the index at its end is missing), so it can't be played. Record your answer again or upload the complete file.",
    },
    "E022": {
        "nl": "Het spraakmodel '{model}' verstaat alleen Engels en kan dus geen Nederlandse antwoorden uitschrijven. Kies voor Nederlands een meertalig model, zoals {choices}.",
        "en": "The speech model '{model}' understands English only, so it can't transcribe Dutch answers. For Dutch, choose a multilingual model such as {choices}.",
    },
}


FIELDS: dict[str, dict[str, str]] = {
    "answer": {"nl": "antwoord", "en": "answer"},
    "question": {"nl": "vraag", "en": "question"},
}

# What is wrong with a batch line, filled into E005's {detail}.
LINE_PROBLEMS: dict[str, dict[str, str]] = {
    "json": {"nl": "het is geen geldige JSON (teken {position})", "en": "it is not valid JSON (character {position})"},
    "constant": {
        "nl": "NaN, Infinity en te grote getallen (zoals 1e400) zijn geen geldige JSON; geef een getal, een tekst of null",
        "en": "NaN, Infinity and numbers too large (such as 1e400) are not valid JSON; give a number, a text or null",
    },
    "number": {"nl": "een getal heeft meer dan 4300 cijfers", "en": "a number has more than 4300 digits"},
    "depth": {"nl": "de JSON is te diep genest", "en": "the JSON is nested too deeply"},
    "object": {"nl": "het is geen JSON-object", "en": "it is not a JSON object"},
    "answer": {"nl": "'answer' ontbreekt of is geen tekst", "en": "'answer' is missing or not a text"},
    "field": {"nl": "'{field}' is geen tekst", "en": "'{field}' is not a text"},
    "id": {
        "nl": "het 'id' kan niet worden teruggegeven (een ongeldig teken, of te diep genest)",
        "en": "the 'id' can't be echoed back (an invalid character, or nested too deeply)",
    },
}


def input_error(code: str, lang: str, **values: object) -> InputError:
    """Build the coded error `code` in `lang` ("nl" or "en"), filling in `values`."""
    template = MESSAGES[code]["nl" if lang == "nl" else "en"]
    return InputError(code, template.format(**values))


def line_problem(problem: str, lang: str, **values: object) -> str:
    """The E005 detail `problem` (a key of LINE_PROBLEMS) in `lang`, filling in `values`."""
    return LINE_PROBLEMS[problem]["nl" if lang == "nl" else "en"].format(**values)


def invalid_character(text: str | None, field: str, lang: str) -> InputError | None:
    """E009 when `text` holds a lone surrogate (JSON "\\ud800", or command-line bytes that were not UTF-8)."""
    found = LONE_SURROGATE.search(text) if text else None
    if found is None:
        return None
    name = FIELDS[field]["nl" if lang == "nl" else "en"]
    return input_error("E009", lang, field=name, position=found.start())


class CoachError(Exception):
    """An error to show the user as it is, never as a traceback."""

    def __init__(self, error: InputError) -> None:
        super().__init__(error.message)
        self.error = error
