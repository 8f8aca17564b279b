"""The publisher a copied page names in its footer's copyright line."""

from __future__ import annotations

import re

# "© 2019 Hearst Communications, Inc. All rights reserved.": the page's publisher holds its copyright
YEARS = r"(?:(?:19|20)\d\d(?:\s*[-–]\s*(?:19|20)\d\d)?,?\s+)?"
COPYRIGHT = re.compile(r"(?i:©|\(c\)|\bcopyright\b)\s*(?:©\s*)?" + YEARS + r"(?:(?i:copyright)\s+" + YEARS + r")?"
                       r"(?P<name>[A-Z][^|©]{1,80}?)"  # up to a full stop, a bar, "All rights" or a year
                       r"(?=\.\s|\.?$|\s*\||,?\s+(?i:all rights)|\s+(?:19|20)\d\d\b)")
FOOTER_WITHIN = 30  # lines from the bottom of a page where its copyright line stands
NOT_A_NAME = re.compile(r"(?i:policy|notice|all rights|copyright)\b")
MAX_PUBLISHER_WORDS = 6


def copyright_holder(text: str) -> str | None:
    """Who a page footer's copyright line names: "© 2019 The Associated Press. All rights reserved." """
    found = COPYRIGHT.search(text)
    name = found.group("name").strip(" ,-–") if found else ""
    return name if name and len(name.split()) <= MAX_PUBLISHER_WORDS and not NOT_A_NAME.match(name) else None
