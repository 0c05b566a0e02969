"""Human names for what the app stores as codes: sector, role, level, language, category, criterion.

A page or a JSON field a person reads shows these, never the code itself.
"""

from __future__ import annotations

from typing import Any

from coach.i18n import N_, translate

LANGUAGE_NAMES = {"nl": {"nl": "Nederlands", "en": "Dutch"}, "en": {"nl": "Engels", "en": "English"}}
ANY_ROLE = N_("every role")


def sector_label(sector: str, lang: str) -> str:
    """A sector's name ("IT", "Sales", "General")."""
    from coach.web.routes.questions import sector_name

    return sector_name(sector, lang)


def role_label(role: str, lang: str) -> str:
    """A role family's name ("Accountmanager"); "any" is "every role"."""
    from coach.web.routes.home import role_name

    return translate(lang, ANY_ROLE) if role == "any" else role_name(role, lang)


def level_label(level: str, lang: str) -> str:
    """A level's name (Junior, Medior, Senior)."""
    from coach.web.routes.questions import LEVEL_NAMES

    return translate(lang, LEVEL_NAMES[level]) if level in LEVEL_NAMES else level.capitalize()


def language_label(code: str, lang: str) -> str:
    """A language's name in `lang` ("Dutch", "Nederlands")."""
    return LANGUAGE_NAMES.get(code, {}).get(lang, code)


def category_label(category: str, lang: str) -> str:
    """A question category's name."""
    from coach.web.routes.questions import category_name

    return category_name(category, lang)


def criterion_label(criterion_id: str, lang: str) -> str:
    """A criterion's name from its file ("Results with figures"); never its id."""
    from coach.analysis.rules import load_criteria

    found = load_criteria().get(criterion_id)
    return found.name.get(lang) if found else criterion_id.rsplit(".", 1)[-1].replace("_", " ")


def criterion_tip(criterion_id: str, lang: str) -> str:
    """A criterion's tip from its file, in `lang`."""
    from coach.analysis.rules import load_criteria

    found = load_criteria().get(criterion_id)
    return found.tip.get(lang).strip() if found else ""


def interview_label(interview: Any, lang: str) -> str:
    """What an interview was about: "Sales · Accountmanager · Medior · Dutch"."""
    return " · ".join(
        (
            sector_label(interview.sector, lang),
            role_label(interview.role, lang),
            level_label(interview.level, lang),
            language_label(interview.lang, lang),
        )
    )


def question_title(question_id: str, lang: str) -> str:
    """A bank question's text in `lang` (for links that would otherwise show its id)."""
    from coach.content.bank import get_question

    found = get_question(question_id)
    return found.text.get(lang) if found else translate(lang, "a question that is no longer in the bank")


def install_template_helpers(env: Any) -> None:
    """Make the labels available to every template."""
    env.globals.update(
        sector_label=sector_label,
        role_label=role_label,
        level_label=level_label,
        language_label=language_label,
        category_label=category_label,
        criterion_label=criterion_label,
        criterion_tip=criterion_tip,
        interview_label=interview_label,
        question_title=question_title,
    )
