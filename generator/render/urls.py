"""Where pages live: the site's address scheme, links between pages, addresses on paper."""

from __future__ import annotations

from datetime import date

from generator.support.memo import MANY, memo


def brief_uri(slug: str) -> str:
    return f"briefs/{slug}.md"


def entity_uri(slug: str) -> str:
    return f"entities/{slug}.md"


def topic_uri(slug: str) -> str:
    return f"topics/{slug}.md"


def story_uri(slug: str) -> str:
    return f"stories/{slug}.md"


def day_uri(day: date | None) -> str:
    """The digest of one day's stories; briefs with no full date have a page of their own."""
    return f"days/{day.isoformat() if day else 'undated'}.md"


@memo(MANY)  # entity pages all link to the same briefs
def relative(from_uri: str, to_uri: str) -> str:
    """The link from one page's source path to another's (both relative to docs/)."""
    base, target = from_uri.split("/")[:-1], to_uri.split("/")
    common = 0
    while common < len(base) and common < len(target) - 1 and base[common] == target[common]:
        common += 1
    return "/".join([".."] * (len(base) - common) + target[common:])


def page_address(uri: str, site_url: str = "", directory_urls: bool = True) -> str:
    """The web address of the page made from `uri` (a path inside docs/).

    Without a site_url the address is the page's path inside the site ("briefs/x/"): the
    host is unknown, and a guessed one would send a reader of the paper to the wrong place.
    """
    stem = uri.removesuffix(".md")
    if not directory_urls:
        path = f"{stem}.html"
    elif stem == "index" or stem.endswith("/index"):
        path = stem.removesuffix("index")
    else:
        path = f"{stem}/"
    return f"{site_url.rstrip('/')}/{path}" if site_url else path or "./"


def story_pack_uri(slug: str) -> str:
    return f"print/stories/{slug}.md"


def day_pack_uri(day: date | None) -> str:
    return f"print/{day_uri(day)}"
