"""Read: find the article files, decode them and parse their front matter.

This is the pipeline's only input I/O. Every file either becomes a `Source`
or a `Problem` naming the file and the reason; nothing here raises.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import Any, cast

import frontmatter
import ftfy
import yaml

from generator.model import FrontMatter, Problem, Source
from generator.read.html import HTML_SUFFIXES, read_page
from generator.support.lasting import shelf

ARTICLE_SUFFIXES = (".txt", ".md", *HTML_SUFFIXES)
# Each field and the keys it is read from, the first present winning: the generator's own
# name first, then those of CMSs, feeds and scrapers.
DATE_KEYS = ("date", "published", "published_time", "date_published", "pubDate")
URL_KEYS = ("url", "source_url", "canonical_url", "link")
SOURCE_KEYS = ("source", "site_name", "publisher")
AUTHOR_KEYS = ("author", "authors", "byline")
TAG_KEYS = ("tags", "keywords", "categories")
FRONT_MATTER_KEYS = frozenset(("title", "description", *DATE_KEYS, *URL_KEYS, *SOURCE_KEYS, *AUTHOR_KEYS, *TAG_KEYS))
SLUG_LABEL = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)+")


@dataclass(frozen=True)
class ReadResult:
    sources: tuple[Source, ...]
    problems: tuple[Problem, ...]
    unused_keys: Mapping[str, int] = field(default_factory=dict)  # front matter key -> files that had it


def read_folder(folder: Path, max_bytes: int) -> ReadResult:
    """Read every article below `folder`, in path order."""
    sources: list[Source] = []
    problems: list[Problem] = []
    unused: Counter[str] = Counter()
    if not folder.is_dir():
        return ReadResult((), (Problem(str(folder), "the seeds folder does not exist", "error"),))
    for path in find_articles(folder):
        source, file_problems = read_article(path, folder, max_bytes, unused)
        problems.extend(file_problems)
        if source is not None:
            sources.append(source)
    return ReadResult(tuple(sources), tuple(problems), dict(sorted(unused.items())))


def find_articles(folder: Path) -> list[Path]:
    """Article files below `folder`, sorted; hidden files and folders are left out."""
    found = []
    for path in folder.rglob("*"):
        relative = path.relative_to(folder)
        if any(part.startswith(".") for part in relative.parts):
            continue
        if path.suffix.lower() in ARTICLE_SUFFIXES and (path.is_file() or path.is_symlink()):
            found.append(path)
    return sorted(found, key=lambda p: p.relative_to(folder).as_posix())


def read_article(path: Path, folder: Path, max_bytes: int,
                 unused: Counter[str] | None = None) -> tuple[Source | None, list[Problem]]:
    """Read one file; return its Source (or None when it must be skipped) and its problems.

    Front matter keys the generator does not use are counted in `unused`: they are no fault
    of the file's (a scraper writes what it writes), so they are reported once per build.
    """
    name = path.relative_to(folder).as_posix()
    problems: list[Problem] = []

    def fail(reason: str) -> tuple[None, list[Problem]]:
        problems.append(Problem(name, reason, "error"))
        return None, problems

    if path.is_symlink() and not _is_inside(path.resolve(), folder.resolve()):
        return fail("skipped: a symbolic link to a file outside the seeds folder")
    try:
        size = path.stat().st_size
        if size > max_bytes:
            return fail(f"skipped: too large ({size / 1e6:.1f} MB; the limit is {max_bytes / 1e6:.1f} MB)")
        raw = path.read_bytes()
    except OSError as error:
        return fail(f"skipped: cannot be read ({error.strerror or error})")

    text, reason = decode(raw)
    if text is None:
        return fail(f"skipped: {reason}")
    if reason:
        problems.append(Problem(name, f"repaired: {reason}", "warning"))
    if not text.strip():
        return fail("skipped: the file is empty")

    if path.suffix.lower() in HTML_SUFFIXES:
        return _read_saved_page(name, text, raw, problems)
    try:
        post = frontmatter.loads(text)
    except yaml.YAMLError as error:
        return fail(f"skipped: the front matter is not valid YAML ({_first_line(error)})")
    except (ValueError, TypeError) as error:  # front matter that is not a mapping
        return fail(f"skipped: the front matter is not a mapping of keys to values ({error})")
    front, warnings, unused_here = parse_front_matter(post.metadata)
    problems.extend(Problem(name, f"repaired: {w}", "warning") for w in warnings)
    if unused is not None:
        unused.update(unused_here)
    if not post.content.strip():
        return fail("skipped: the article has front matter but no text")
    digest = hashlib.sha256(raw).hexdigest()
    # front matter is written by a tool that extracted the article (a scraper, a CMS export)
    return Source(name, post.content, front, digest, extracted=bool(post.metadata)), problems


def _read_saved_page(name: str, html: str, raw: bytes, problems: list[Problem]) -> tuple[Source | None, list[Problem]]:
    page = read_page(html)
    if page is None:
        problems.append(Problem(name, "skipped: no article found in the web page (an index, error or login page?)",
                                "error"))
        return None, problems
    front = FrontMatter(page.title, page.date, page.site_name, page.url, (), page.description, page.author,
                        language=page.language)
    return Source(name, page.body, front, hashlib.sha256(raw).hexdigest(), extracted=True), problems


def decode(raw: bytes) -> tuple[str | None, str]:
    """Decode bytes to text; return (text, repair note) or (None, reason to skip)."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return _normalise(raw.decode("utf-16")), ""
        except UnicodeDecodeError:
            return None, "the file starts with a UTF-16 mark but is not valid UTF-16"
    if _looks_binary(raw):
        return None, "binary data, not text"
    note = ""
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = raw.decode("cp1252", errors="replace")
        note = "not UTF-8; read as Windows-1252 (Latin-1)"
    if text.isascii():  # nothing for ftfy to repair, and it is the slowest step of reading
        return _normalise(text), note
    fixed = _repaired(text)
    if fixed != _normalise(text) and not note:
        note = "garbled characters (mojibake) fixed"
    return fixed, note


def _text(value: Any) -> str:
    if not isinstance(value, str):
        raise TypeError("a repaired text is text")
    return value


# ftfy's repairs of each text not in ASCII: it is most of the time a folder takes to read
REPAIRED = shelf("repaired-texts", _text, _text, ("ftfy",))


def _repaired(text: str) -> str:
    key = hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()
    if REPAIRED.head(key) is not None:
        kept = REPAIRED.body(key)
        if kept is not None:
            return cast(str, kept)
    fixed = ftfy.fix_text(text, normalization="NFC", uncurl_quotes=False, fix_line_breaks=True)
    REPAIRED.put(key, "", fixed)
    return fixed


def parse_front_matter(meta: dict[str, Any]) -> tuple[FrontMatter, list[str], list[str]]:
    """The known keys whose values have the right type: (front matter, what was dropped, keys not used).

    Each field is read from the first of its keys that is present, so front matter as CMSs and
    scrapers write it (`published_time`, `source_url`, `site_name`, `keywords`, …) is understood.
    """
    warnings: list[str] = []
    title = meta.get("title")
    if title is not None and not isinstance(title, str | int | float):
        warnings.append(f"front matter 'title' is not text ({type(title).__name__}); ignored")
        title = None
    when = None
    for key in _present(meta, DATE_KEYS):
        when = _date(meta[key])
        if when is None:
            warnings.append(f"front matter {key!r} is not a date (YYYY-MM-DD): {meta[key]!r}; ignored")
        break
    tags: list[str] = []
    for key in _present(meta, TAG_KEYS):
        found = _words(meta[key])
        if found is None:
            warnings.append(f"front matter {key!r} is not a list of words: {meta[key]!r}; ignored")
        else:
            tags += found
    source = _first_text(meta, SOURCE_KEYS, warnings)
    url = _first_text(meta, URL_KEYS, warnings)
    if url and not url.lower().startswith(("http://", "https://")):
        warnings.append(f"front matter 'url' is not an http(s) address: {url!r}; ignored")
        url = None
    author = _first_text(meta, AUTHOR_KEYS, warnings, lists=True)
    description = _text_field(meta, "description", warnings)
    unused = sorted(str(key) for key in meta if key not in FRONT_MATTER_KEYS)
    clean_title = " ".join(str(title).split()) if title is not None else None
    # a label written as a slug ("statements-releases") is a folder or category name, not a topic
    topics = tuple(dict.fromkeys(t for t in tags if not SLUG_LABEL.fullmatch(t)))
    categories = tuple(dict.fromkeys(t for t in tags if SLUG_LABEL.fullmatch(t)))
    front = FrontMatter(clean_title or None, when, source, url, topics, description, author, categories)
    return front, warnings, unused


def _present(meta: dict[str, Any], keys: tuple[str, ...]) -> list[str]:
    return [key for key in keys if meta.get(key) is not None]


def _date(value: object) -> date | None:
    """A date from YAML's date or datetime, an ISO date or date-time, or an RFC 822 date (RSS)."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if not isinstance(value, str):
        return None
    text = value.strip()
    for parse in (date.fromisoformat, datetime.fromisoformat, parsedate_to_datetime):
        try:
            found = parse(text)
        except (ValueError, TypeError, IndexError):
            continue
        return found.date() if isinstance(found, datetime) else found
    return None


def _words(value: object) -> list[str] | None:
    if isinstance(value, str):
        return [t for t in (part.strip() for part in value.split(",")) if t]
    if isinstance(value, list | tuple) and all(isinstance(t, str) for t in value):
        return [" ".join(t.split()) for t in value if t.strip()]
    return None


def _first_text(meta: dict[str, Any], keys: tuple[str, ...], warnings: list[str], lists: bool = False) -> str | None:
    for key in _present(meta, keys):
        value = meta[key]
        if lists and isinstance(value, list) and all(isinstance(v, str) for v in value):
            value = ", ".join(value)
        return _text_field({key: value}, key, warnings)
    return None


def _text_field(meta: dict[str, Any], key: str, warnings: list[str]) -> str | None:
    value = meta.get(key)
    if value is None:
        return None
    if not isinstance(value, str):
        warnings.append(f"front matter {key!r} is not text: {value!r}; ignored")
        return None
    return " ".join(value.split()) or None


# every byte but the control characters that do not occur in text
TEXT_BYTES = bytes(byte for byte in range(256) if byte >= 32 or byte in b"\t\n\r\f")


def _looks_binary(raw: bytes) -> bool:
    sample = raw[:8192]
    if b"\x00" in sample:
        return True
    controls = len(sample.translate(None, TEXT_BYTES))
    return controls > len(sample) * 0.05


def _normalise(text: str) -> str:
    return unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))


def _is_inside(path: Path, folder: Path) -> bool:
    return path == folder or folder in path.parents


def _first_line(error: Exception) -> str:
    return str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
