"""Read: find the article files, decode them and parse their front matter.

This is the pipeline's only input I/O. Every file either becomes a `Source`
or a `Problem` naming the file and the reason; nothing here raises.
"""

from __future__ import annotations

import hashlib
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

import frontmatter
import ftfy
import yaml

from generator.model import FrontMatter, Problem, Source

ARTICLE_SUFFIXES = (".txt", ".md")
FRONT_MATTER_KEYS = ("title", "date", "source", "url", "tags", "description")


@dataclass(frozen=True)
class ReadResult:
    sources: tuple[Source, ...]
    problems: tuple[Problem, ...]


def read_folder(folder: Path, max_bytes: int) -> ReadResult:
    """Read every article below `folder`, in path order."""
    sources: list[Source] = []
    problems: list[Problem] = []
    if not folder.is_dir():
        return ReadResult((), (Problem(str(folder), "the seeds folder does not exist", "error"),))
    for path in find_articles(folder):
        source, file_problems = read_article(path, folder, max_bytes)
        problems.extend(file_problems)
        if source is not None:
            sources.append(source)
    return ReadResult(tuple(sources), tuple(problems))


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


def read_article(path: Path, folder: Path, max_bytes: int) -> tuple[Source | None, list[Problem]]:
    """Read one file; return its Source (or None when it must be skipped) and its problems."""
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

    try:
        post = frontmatter.loads(text)
    except yaml.YAMLError as error:
        return fail(f"skipped: the front matter is not valid YAML ({_first_line(error)})")
    except (ValueError, TypeError) as error:  # front matter that is not a mapping
        return fail(f"skipped: the front matter is not a mapping of keys to values ({error})")
    front, warnings = parse_front_matter(post.metadata)
    problems.extend(Problem(name, f"repaired: {w}", "warning") for w in warnings)
    if not post.content.strip():
        return fail("skipped: the article has front matter but no text")
    digest = hashlib.sha256(raw).hexdigest()
    return Source(name, post.content, front, digest), problems


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
    fixed = ftfy.fix_text(text, normalization="NFC", uncurl_quotes=False, fix_line_breaks=True)
    if fixed != _normalise(text) and not note:
        note = "garbled characters (mojibake) fixed"
    return fixed, note


def parse_front_matter(meta: dict[Any, Any]) -> tuple[FrontMatter, list[str]]:
    """Keep the known keys whose values have the right type; say what was dropped."""
    warnings = []
    title = meta.get("title")
    if title is not None and not isinstance(title, str | int | float):
        warnings.append(f"front matter 'title' is not text ({type(title).__name__}); ignored")
        title = None
    when = meta.get("date")
    if isinstance(when, datetime):
        when = when.date()
    elif isinstance(when, str):
        try:
            when = date.fromisoformat(when.strip())
        except ValueError:
            warnings.append(f"front matter 'date' is not a date (YYYY-MM-DD): {when!r}; ignored")
            when = None
    elif when is not None and not isinstance(when, date):
        warnings.append(f"front matter 'date' is not a date: {when!r}; ignored")
        when = None
    tags = meta.get("tags", ())
    if isinstance(tags, str):
        tags = [t for t in (part.strip() for part in tags.split(",")) if t]
    if not isinstance(tags, list | tuple) or not all(isinstance(t, str) for t in tags):
        warnings.append(f"front matter 'tags' is not a list of words: {tags!r}; ignored")
        tags = ()
    source = _text_field(meta, "source", warnings)
    url = _text_field(meta, "url", warnings)
    if url and not url.lower().startswith(("http://", "https://")):
        warnings.append(f"front matter 'url' is not an http(s) address: {url!r}; ignored")
        url = None
    description = _text_field(meta, "description", warnings)
    unknown = sorted(str(key) for key in meta if key not in FRONT_MATTER_KEYS)
    if unknown:
        warnings.append(f"unknown front matter keys ignored: {', '.join(unknown)}")
    clean_title = " ".join(str(title).split()) if title is not None else None
    return FrontMatter(clean_title or None, when, source, url, tuple(dict.fromkeys(tags)), description), warnings


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
