"""The hostile battery: the real seeds plus one file for every kind of bad input.

Shared by tests/test_hostile_input.py (the build and its HTML, read back with a parser) and
tests/test_browser_security.py (the same site in Chromium, with JavaScript on). Every
payload that could run would set `window.__pwned` or open a dialog.
"""

from __future__ import annotations

import os
import struct
import zlib
from pathlib import Path

SEEDS = Path(__file__).resolve().parent.parent / "seeds"

HOSTILE_TEXT = """Hostile article about Berlin

The mayor of Berlin spoke on Monday about <script>alert("x")</script> the city budget and its plans.

She showed <img src=x onerror=alert(1)> and <iframe src="https://evil.example"></iframe> to reporters.

A link [click me](javascript:alert(1)) and <a href="javascript:alert(2)">this</a> were handed out.

<!-- a hidden comment --> Template syntax {{ config }} and {% include "secret.html" %} stays text.

---

```python
unclosed code fence

# Not a heading

!!! danger "Not an admonition"

The budget for schools will rise by 40 million euros next year, the mayor said on Monday.
"""

# Markup in the first line, which becomes the title the theme prints in <title>, the header,
# and search results.
HOSTILE_TITLE = """Council hears <script>window.__pwned=1</script> complaint <img src=x onerror=window.__pwned=1>

The council of Bremen heard a complaint on Monday from residents about the noise of the new port.

The mayor of Bremen said the complaint would be studied by the port authority.
"""

# Markup in every front matter value: each leaves the Markdown body for the theme's templates.
HOSTILE_FRONT_MATTER = """---
title: "Q&A <script>window.__pwned=1</script> about \\"ports\\" <img src=x onerror=window.__pwned=1>"
description: "Port plan \\" onmouseover=\\"window.__pwned=1\\" data-x=\\""
source: "<img src=x onerror=window.__pwned=1> Daily & Co"
url: "https://example.com/news\\" onclick=\\"window.__pwned=1"
tags: ["<svg onload=window.__pwned=1>", "Q&A \\"ports\\"", "ports</a><script>window.__pwned=1</script>"]
---
The mayor of Kiel spoke about the new port plan on Tuesday.

"The port will cost <b>40 million</b> euros <script>window.__pwned=1</script>," the mayor of Kiel said.
"""

# A saved web page whose title and text hold markup as text (entities the page decodes).
HOSTILE_PAGE = """<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>Rostock &lt;script&gt;window.__pwned=1&lt;/script&gt; harbour fees</title>
<script>window.__pwned = 1</script></head><body><article>
<p>The harbour of Rostock raised its fees on Monday, and the mayor said the text
&lt;img src=x onerror=window.__pwned=1&gt; had been posted on the port's board by mistake.</p>
<p>Shipping companies in Rostock said the new fees would cost them several million euros a year
and that they would ask the state government to review the decision before the summer.</p>
<p onclick="window.__pwned=1">The port authority said it would publish the full table of fees next week.</p>
</article></body></html>
"""

# A name with markup that the language model takes for a person, in two articles, so that it
# gets an entity page (whose title the theme prints raw) and speaks a quotation.
HOSTILE_NAME = 'Maria Lopez"><svg'


def hostile_names(title: str) -> str:
    return f"""{title}

{HOSTILE_NAME} said on Monday that the budget for Lübeck was too small.

"We will not accept these cuts to the budget of the city," said {HOSTILE_NAME}, the head of the committee.

The mayor of Lübeck, Karl Weber, rejected the criticism on Tuesday.
"""


PNG = b"\x89PNG\r\n\x1a\n" + struct.pack(">I", 13) + b"IHDR" + bytes(13) + zlib.compress(bytes(200))


def seed_folder(root: Path) -> Path:
    """The real seeds plus one file for every kind of bad input."""
    seeds = root / "seeds"
    seeds.mkdir()
    for seed in SEEDS.iterdir():
        (seeds / seed.name).write_bytes(seed.read_bytes())
    files = {
        "empty.txt": b"",
        "whitespace.txt": b"  \n\n\t  \n",
        "image.txt": PNG,
        "utf16.txt": "Berlin budget talks\n\nThe mayor of Berlin met the council on Monday.".encode("utf-16"),
        "latin1.txt": "Café owners protest\n\nCafé owners in Paris protested on Tuesday.".encode("cp1252"),
        "mojibake.txt": "Minister\u00e2\u20ac\u2122s visit\n\nThe minister\u00e2\u20ac\u2122s visit to Rome "
                        "went ahead.".encode(),
        "huge.txt": b"Huge\n\n" + b"word " * 4_200_000,
        "long-line.txt": ("The council of Berlin met again. " * 6000).encode("utf-8"),
        "table.md": b"| a | b |\n|---|---|\n| 1 | 2 |\n",
        "japanese.txt": "茂木外相と王毅外相が会談\n\n茂木外務大臣は来日中の王毅外相と会談し、協力で一致した。".encode(),
        "broken-yaml.md": b"---\ntitle: [unclosed\ndate: 2020-01-01\n---\n\nText of the article.",
        "wrong-types.md": b"---\ndate: yesterday\ntags: 5\ntitle: [1, 2]\n---\nWrong types\n\nThe mayor of Berlin spoke.",
        "same-title-1.txt": b"Same title\n\nThe first article with this title is about Berlin.",
        "same-title-2.txt": b"Same title\n\nThe second article with this title is about Munich.",
        "name with spaces.txt": b"Spaces in the name\n\nThe mayor of Hamburg spoke on Friday.",
        "ünïcode.txt": "Unicode file name\n\nThe mayor of Köln spoke on Friday.".encode(),
        ".hidden.txt": b"Hidden draft\n\nThis draft is not published.",
        "UPPER.TXT": b"Upper case name\n\nThe mayor of Bonn spoke on Friday.",
        "index.md": b"Index\n\nAn article whose file is called index.md, about Dresden.",
        "tags.md": b"Tags\n\nAn article whose file is called tags.md, about Leipzig.",
        "hostile.txt": HOSTILE_TEXT.encode("utf-8"),
        "hostile-title.txt": HOSTILE_TITLE.encode("utf-8"),
        "hostile-front-matter.md": HOSTILE_FRONT_MATTER.encode("utf-8"),
        "saved-page.html": HOSTILE_PAGE.encode("utf-8"),
        "no-article.html": b"<html><head><title>Index</title></head><body><a href='/a'>A</a></body></html>",
        "hostile-name-1.txt": hostile_names("Budget dispute in the council").encode("utf-8"),
        "hostile-name-2.txt": hostile_names("Finance committee meets again").encode("utf-8"),
        "sub/nested.txt": b"Nested article\n\nThe mayor of Potsdam spoke on Friday.",
    }
    for name, data in files.items():
        path = seeds / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    (root / "secret.txt").write_text("Secret\n\nThis file is outside the seeds folder.")
    os.symlink(root / "secret.txt", seeds / "outside-link.txt")
    return seeds


