"""Read YAML data files with libyaml's C parser when it is there (several times faster than pure Python)."""

from __future__ import annotations

from typing import Any

import yaml

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def parse_yaml(text: str) -> Any:
    """Parse YAML text safely (no Python objects), as yaml.safe_load does."""
    return yaml.load(text, Loader=_LOADER)  # noqa: S506 - a safe loader
