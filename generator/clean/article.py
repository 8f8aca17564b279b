"""Clean: strip scrape boilerplate, rejoin broken paragraphs, find the title."""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import accumulate

from generator.clean.boilerplate import CLOSERS, SPEAKER_TURN, article_paragraphs
from generator.clean.headline import headline, line_key
from generator.clean.publisher import FOOTER_WITHIN, copyright_holder
from generator.model import Article, Paragraph, Source
from generator.support.memo import ONE, memo
from generator.support.resources import load_table

INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)
TERMINAL = (".", "!", "?", "…", "。", "！", "？")
CONTINUES = (",", ";", "(", "–", "—", "-", "/")
# A browser tab's title ends with the site's name after one of these.
TAB_TITLE_SEPARATORS = (" | ", " - ", " – ", " — ", " :: ", " : ")
MAX_SITE_NAME_WORDS = 5
MIN_HEADLINE_WORDS = 3
HEADLINE_WITHIN = 20  # paragraphs from the top where a copied page shows its headline again
# A block of lines is one paragraph a line when this share of its lines (at least this many)
# end a sentence; hard-wrapped text ends most lines mid-sentence.
ONE_A_LINE_SHARE = 0.8
MIN_LINES_A_PARAGRAPH = 3
MAX_WRAPPED_LINE = 150  # characters: no one hard-wraps text this wide, so a longer line is a paragraph
MARKDOWN_HEADING = re.compile(r"^#{1,6}\s+(.*?)\s*#*\s*$")
MARKDOWN_LINK = re.compile(r"\[([^\]\n]{1,300})\]\((?:[^()\s]|\([^()\s]*\))+(?:\s+\"[^\"]*\")?\)")
LINK_ADDRESS = re.compile(r"\]\([^)\s]*\)?|<?https?://\S+")
MAX_TITLE_CHARS = 160
EDGE_LINES = 3  # breadcrumbs are only looked for this near the top or bottom


@dataclass(frozen=True)
class Page:
    """A source's text before the article is told from the page around it."""

    title: str
    title_inferred: bool
    site_name: str | None
    blocks: list[tuple[str, bool]]  # (paragraph text, is a Markdown heading)


def clean(source: Source) -> Article:
    """Turn a read article into cleaned paragraphs and a title."""
    page = read_page(source)
    texts = [text for text, _ in page.blocks]
    keep = [True] * len(texts) if source.extracted else article_paragraphs(texts)
    kept = [i for i, k in enumerate(keep) if k]
    first, last = (kept[0], kept[-1]) if kept else (0, -1)
    paragraphs = tuple(
        Paragraph(index, text, heading or is_heading_like(text))
        for index, (text, heading) in enumerate((page.blocks[i] for i in kept), start=1)
    )
    header = tuple(text for text, _ in page.blocks[:first])
    footer = tuple(text for text, _ in page.blocks[last + 1:])
    above = [0, *accumulate(keep)]  # article paragraphs above each block
    asides = tuple((above[i], page.blocks[i][0]) for i in range(first, last + 1) if not keep[i])
    title, site_name = page.title, page.site_name
    if page.title_inferred and not source.extracted:
        title, site_name = headline(title, header, [p.text for p in paragraphs], footer, site_name)
    return Article(source, title, page.title_inferred, paragraphs, site_name, header, footer, asides)


def read_page(source: Source) -> Page:
    """The title and the paragraphs of a source, scrape leftovers and broken lines mended."""
    lines = _content_lines(source.body)
    title, title_inferred, lines = _take_title(source, lines)
    blocks = _rejoin(_blocks(lines))
    site_name = None
    if title_inferred:
        title, site_name, blocks = _tab_title(title, blocks)
    return Page(title, title_inferred, site_name, blocks)


def _tab_title(line: str, texts: list[tuple[str, bool]]) -> tuple[str, str | None, list[tuple[str, bool]]]:
    """A browser tab's title on the first line: (headline, site name, the text without the headline).

    "Headline - Site Name" is a tab's title only when the page shows the headline again near the
    top, as a copied page does: otherwise the tail may be the headline's own ("Lords wrong on
    detainees - Straw"). The repeated headline leaves the text: the brief shows it as its title.
    """
    for separator in TAB_TITLE_SEPARATORS:
        head, found, tail = line.rpartition(separator)
        if not found or len(tail.split()) > MAX_SITE_NAME_WORDS or len(head.split()) < MIN_HEADLINE_WORDS:
            continue
        parts = [part for part in head.split(" | ") if len(part.split()) >= MIN_HEADLINE_WORDS]
        forms = [line_key(head), *map(line_key, parts)]
        top = [line_key(text) for text, _ in texts[:HEADLINE_WITHIN]]
        if any(form in text for form in forms for text in top) or _holds_the_copyright(tail, texts):
            repeated = next((i for i, text in enumerate(top) if text in forms), None)
            rest = texts if repeated is None else texts[:repeated] + texts[repeated + 1:]
            return head.strip(), tail.strip() or None, rest
    return line, None, texts


def _holds_the_copyright(name: str, texts: list[tuple[str, bool]]) -> bool:
    """The tab title's tail is the site's name when the page's copyright line names it too."""
    holders = [line_key(holder) for text, _ in texts[-FOOTER_WITHIN:] if (holder := copyright_holder(text))]
    return bool(name.strip()) and any(line_key(name) in holder or holder in line_key(name) for holder in holders)


def normalise_space(text: str) -> str:
    """Collapse all runs of whitespace (non-breaking spaces included) to one space."""
    return " ".join(text.translate(INVISIBLE).split())


def is_heading_like(text: str) -> bool:
    """A short line that does not end a sentence reads as a sub-heading."""
    words = len(text.split())
    stripped = text.rstrip(CLOSERS + " ")
    if stripped.endswith(("...", "…")):
        return words <= 12
    return words <= 15 and not stripped.endswith((*TERMINAL, ":"))


def _content_lines(body: str) -> list[str]:
    """The body's lines without boilerplate; blank lines kept as paragraph breaks."""
    lines = ["" if _is_escaped_markup(line) else line for line in (normalise_space(line) for line in body.split("\n"))]
    filled = [i for i, line in enumerate(lines) if line]
    edges = set(filled[:EDGE_LINES] + filled[-EDGE_LINES:])
    return [
        "" if line and _is_boilerplate(line, near_edge=i in edges) else line for i, line in enumerate(lines)
    ]


def _blocks(lines: list[str]) -> list[tuple[str, bool]]:
    """Paragraphs split at blank lines: (text, is a Markdown heading).

    Lines between blank lines are one paragraph, hard-wrapped, unless nearly all of them end
    a sentence: then the text puts one paragraph on each line, as pages copied from a browser
    or saved by some tools do, and each line is a paragraph.
    """
    blocks: list[tuple[str, bool]] = []
    current: list[str] = []
    for line in [*lines, ""]:
        heading = MARKDOWN_HEADING.match(line)
        if line and not heading:
            current.append(line)
            continue
        if current:
            parts = current if _one_paragraph_a_line(current) else [" ".join(current)]
            blocks += [(MARKDOWN_LINK.sub(r"\1", part), False) for part in parts]
            current = []
        if heading and heading.group(1).strip():
            blocks.append((heading.group(1).strip(), True))
    return blocks


@memo(ONE)
def _boilerplate_rules() -> tuple[frozenset[str], re.Pattern[str], tuple[str, ...], frozenset[str]]:
    table = load_table("boilerplate")
    pattern = re.compile("|".join(f"(?:{p})" for p in table["patterns"]))
    return (
        frozenset(table["lines"]),
        pattern,
        tuple(table["breadcrumb_separators"]),
        frozenset(table["breadcrumb_first_words"]),
    )


def _is_escaped_markup(line: str) -> bool:
    """Markup escaped with backslashes and nothing else, such as pandoc's empty heading `\\###`."""
    return "\\" in line and not any(c.isalnum() for c in line)


def _is_boilerplate(line: str, near_edge: bool) -> bool:
    lines, pattern, separators, first_words = _boilerplate_rules()
    bare = line.lower().strip(" <>[]()|•·-–—:.!")
    if bare in lines or pattern.fullmatch(bare):
        return True
    return near_edge and _is_breadcrumb(line, separators, first_words)


def _is_breadcrumb(text: str, separators: tuple[str, ...], first_words: frozenset[str]) -> bool:
    for separator in separators:
        parts = [p.strip() for p in text.split(f" {separator} ")] if separator == "/" else [
            p.strip() for p in text.split(separator)
        ]
        if len(parts) < 2 or not all(parts) or any(len(p.split()) > 5 for p in parts):
            continue
        if parts[0].lower() in first_words or (len(parts) >= 3 and all(p[0].isupper() for p in parts)):
            return True
    return False


def _take_title(source: Source, lines: list[str]) -> tuple[str, bool, list[str]]:
    """The front matter's title, else the first line of the text when it reads as one."""
    if source.front.title:
        return source.front.title, False, lines
    filled = [i for i, line in enumerate(lines) if line]
    if not filled:
        return _title_from_path(source.path), True, lines
    first = lines[filled[0]]
    heading = MARKDOWN_HEADING.match(first)
    if heading:
        first = heading.group(1).strip()
    if len(first) <= MAX_TITLE_CHARS and len(filled) > 1:
        return MARKDOWN_LINK.sub(r"\1", first).rstrip(" .:"), True, lines[filled[0] + 1 :]
    words = first.split()
    short = " ".join(words[:12]) + ("…" if len(words) > 12 else "")
    return short, True, lines


def _title_from_path(path: str) -> str:
    stem = path.rsplit("/", 1)[-1].rsplit(".", 1)[0]
    return normalise_space(re.sub(r"[_\-]+", " ", stem)) or "Untitled"


def _one_paragraph_a_line(lines: list[str]) -> bool:
    if len(lines) < MIN_LINES_A_PARAGRAPH:
        return False
    ends = sum(line.rstrip(CLOSERS + " ").endswith((*TERMINAL, ":")) for line in lines)
    # a link's address is no text a reader wraps: "[text](https://…)" may run past any width
    widest = max(len(LINK_ADDRESS.sub("", line)) for line in lines)
    return ends >= ONE_A_LINE_SHARE * len(lines) or widest > MAX_WRAPPED_LINE


def _rejoin(blocks: list[tuple[str, bool]]) -> list[tuple[str, bool]]:
    """Join paragraphs that a scraper broke in the middle of a sentence."""
    joined: list[tuple[str, bool]] = []
    for text, heading in blocks:
        if joined and not heading and _continues(joined[-1], text):
            previous = joined[-1][0]
            glue = "" if text[0] in ",.;:)!?" else " "
            joined[-1] = (previous + glue + text, False)
        else:
            joined.append((text, heading))
    return joined


def _continues(previous: tuple[str, bool], text: str) -> bool:
    before, was_heading = previous
    if was_heading or SPEAKER_TURN.match(text):
        return False  # a transcript's next turn ("Q", "THE PRESIDENT:") starts a paragraph of its own
    if before.endswith(CONTINUES):
        return True
    ends_sentence = before.rstrip(CLOSERS).endswith((*TERMINAL, ":"))
    starts_lower = text[0].islower() or text[0] in ",.;:)"
    return not ends_sentence and starts_lower
