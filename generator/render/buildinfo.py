"""Build information a printed page carries: when the site was built and where a page lives."""

from __future__ import annotations

import os
from collections.abc import Mapping
from datetime import UTC, datetime

from generator.settings import SettingsError


def build_time(environ: Mapping[str, str] = os.environ) -> datetime:
    """When the site is built: SOURCE_DATE_EPOCH when set, else now; always UTC.

    The one clock the generator reads. SOURCE_DATE_EPOCH (reproducible-builds.org) makes
    two builds of the same input identical; mkdocs' own build date honours it the same way.
    """
    epoch = environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not epoch:
        return datetime.now(UTC).replace(microsecond=0)
    try:
        return datetime.fromtimestamp(int(epoch), tz=UTC)
    except (ValueError, OverflowError, OSError) as error:
        raise SettingsError(f"SOURCE_DATE_EPOCH must be whole seconds since 1970, not {epoch!r}") from error


def format_time(moment: datetime) -> str:
    """A build time as a reader reads it on paper: to the minute, in UTC."""
    return moment.astimezone(UTC).strftime("%Y-%m-%d %H:%M UTC")
