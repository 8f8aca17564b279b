"""Report: what a build made and what was wrong with its input, in a line."""

from __future__ import annotations

from collections.abc import Mapping

from generator.pipeline import BuildResult


def summary_line(result: BuildResult) -> str:
    """One line for the end of a build: counts of briefs, pages, skipped and repaired files."""
    skipped = len({p.path for p in result.problems if p.severity == "error"})
    repaired = len({p.path for p in result.problems if p.severity == "warning"} - {
        p.path for p in result.problems if p.severity == "error"})
    entity_pages = sum(e.has_page for e in result.corpus.entities)
    return (
        f"{len(result.corpus.briefs)} briefs ({result.cached_briefs} from the cache), {entity_pages} entity pages, "
        f"{len(result.pages)} pages in all; {skipped} file{'s' if skipped != 1 else ''} skipped, {repaired} repaired"
    )


def unused_keys_line(unused_keys: Mapping[str, int]) -> str | None:
    """One line for the front matter keys the generator does not use: information, no fault."""
    if not unused_keys:
        return None
    listed = ", ".join(f"{key} ({count} file{'s' if count != 1 else ''})" for key, count in unused_keys.items())
    return f"front matter keys not used: {listed}"


def cache_line(result: BuildResult) -> str | None:
    """One line when cache entries were there but could not be used (they were recomputed)."""
    if not result.cache_rejected:
        return None
    count = len(result.cache_rejected)
    entries = f"{count} entr{'ies' if count != 1 else 'y'}"
    return f"cache: {entries} could not be used and were recomputed; first: {result.cache_rejected[0]}"
