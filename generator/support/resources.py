"""The curated data tables shipped with the package (generator/data/*.yml)."""

from __future__ import annotations

from functools import cache
from importlib.resources import files
from typing import Any

import yaml


@cache
def load_table(name: str) -> Any:
    """Parse generator/data/<name>.yml once per process."""
    text = files("generator").joinpath("data", f"{name}.yml").read_text(encoding="utf-8")
    return yaml.safe_load(text)
