"""The curated data tables shipped with the package (generator/data/*.yml)."""

from __future__ import annotations

from importlib.resources import files
from types import MappingProxyType
from typing import Any

import yaml

from generator.support.memo import ONE, memo

# libyaml's safe loader where PyYAML was built with it: the trained tables are long lists of numbers
SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@memo(ONE * 8)  # one entry per table
def load_table(name: str) -> Any:
    """Parse generator/data/<name>.yml once per build, read-only: every caller gets the same value."""
    text = files("generator").joinpath("data", f"{name}.yml").read_text(encoding="utf-8")
    return _frozen(yaml.load(text, Loader=SAFE_LOADER))


def _frozen(value: Any) -> Any:
    """Mappings as read-only views, lists as tuples, all the way down."""
    if isinstance(value, dict):
        return MappingProxyType({key: _frozen(item) for key, item in value.items()})
    if isinstance(value, list):
        return tuple(_frozen(item) for item in value)
    return value
