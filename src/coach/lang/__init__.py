"""Language data for Dutch and English, kept side by side under identical file names."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from typing import Any

from coach.yaml_files import parse_yaml

SUPPORTED = ("nl", "en")


@lru_cache(maxsize=64)
def load_list(lang: str, name: str) -> tuple[str, ...]:
    """Return the non-comment lines of `lang/<lang>/<name>.txt`."""
    text = resources.files("coach.lang").joinpath(lang, f"{name}.txt").read_text(encoding="utf-8")
    return tuple(
        line.strip() for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")
    )


@lru_cache(maxsize=64)
def load_data(lang: str, name: str) -> Any:
    """Return the parsed `lang/<lang>/<name>.yaml`."""
    text = resources.files("coach.lang").joinpath(lang, f"{name}.yaml").read_text(encoding="utf-8")
    return parse_yaml(text)
