"""render/reuse: a page is taken from the previous build only when what it read is unchanged,
and the pages of a build that reuses equal those of one that renders everything."""

from __future__ import annotations

import dataclasses
import json
import sqlite3
import zlib
from pathlib import Path

import pytest

from generator.analyse.nlp import analyse
from generator.brief import make_brief
from generator.link import link_briefs
from generator.render import site
from generator.render.reuse import Reading
from generator.render.site import render_all
from generator.render.templating import SiteInfo
from generator.support import lasting
from tests.conftest import make_article

VERSION = "test"
TEXTS = [
    "Trade talks resume\n\nAngela Merkel met Emmanuel Macron in Paris on Monday to discuss trade with Berlin.",
    "Tariffs rise\n\nEmmanuel Macron said in Paris on Tuesday that tariffs on steel would rise in May.",
    "Harbour reopens\n\nThe harbour of Bergen reopened on Monday after repairs, said Mayor Marte Mjøs Persen.",
    "Ferry fares rise\n\nFerry fares on the fjord rise by a tenth in May, Fjord1 said on Tuesday in Bergen.",
]
INFO = SiteInfo("Test")


def corpus_of(texts: list[str]):
    articles = [make_article(text, path=f"a{n}.txt") for n, text in enumerate(texts)]
    return link_briefs([make_brief(f"brief-{n}", a, x) for n, (a, x) in enumerate(zip(articles, analyse(articles)))])


@pytest.fixture
def renders(monkeypatch) -> list[tuple]:
    """The units each render below rendered, not took from the cache."""
    done: list[tuple] = []
    render_unit = site._render_unit

    def noting(corpus, info, unit):
        done.append(unit)
        return render_unit(corpus, info, unit)

    monkeypatch.setattr(site, "_render_unit", noting)
    return done


def build(corpus, cache: Path | None) -> tuple:
    """One build's render: the cache restored from `cache`, kept there afterwards."""
    lasting.restore(cache, VERSION)
    pages = render_all(corpus, INFO)
    lasting.keep(cache, VERSION)
    return pages


def clean(corpus) -> tuple:
    return build(corpus, None)


def test_a_second_build_of_the_same_corpus_renders_nothing_again(tmp_path, renders):
    corpus = corpus_of(TEXTS)
    first = build(corpus, tmp_path)
    units = len(renders)
    assert units > len(TEXTS)  # briefs, entities, packs, feeds
    renders.clear()
    assert build(corpus, tmp_path) == first
    assert renders == []


def test_a_changed_brief_renders_again_only_the_pages_that_read_it(tmp_path, renders):
    build(corpus_of(TEXTS), tmp_path)
    everything = len(renders)
    changed = [*TEXTS[:3], TEXTS[3] + " The new fares start on the first of May."]
    corpus = corpus_of(changed)
    renders.clear()
    pages = build(corpus, tmp_path)
    assert ("brief", "brief-3") in renders
    assert ("brief", "brief-0") not in renders  # about other things: taken from the cache
    assert 0 < len(renders) < everything
    assert pages == clean(corpus)


def test_a_renamed_entity_renders_again_the_pages_naming_it(tmp_path, renders):
    corpus = corpus_of(TEXTS)
    build(corpus, tmp_path)
    macron = next(e for e in corpus.entities if e.name == "Emmanuel Macron")
    renamed = dataclasses.replace(corpus, entities=tuple(
        dataclasses.replace(e, name="President Macron") if e is macron else e for e in corpus.entities))
    renders.clear()
    pages = build(renamed, tmp_path)
    naming = {("brief", o.brief) for o in macron.occurrences}
    assert naming and naming <= set(renders)
    assert ("brief", "brief-2") not in renders
    assert pages == clean(renamed)
    assert any("President Macron" in p.markdown for p in pages if p.uri == "briefs/brief-1.md")


def test_a_page_that_reads_the_whole_corpus_is_not_kept():
    corpus = corpus_of(TEXTS[:2])
    reading = Reading(corpus)
    assert reading.brief("brief-0").slug == "brief-0"
    assert not reading.whole
    assert len(reading.briefs) == 2
    assert reading.whole  # its list of briefs changes with any brief


def test_a_corrupt_cache_entry_is_rendered_again(tmp_path, renders):
    corpus = corpus_of(TEXTS)
    first = build(corpus, tmp_path)
    with sqlite3.connect(tmp_path / "rendered-pages.sqlite") as connection:
        connection.execute("UPDATE entries SET body = ? WHERE key = 'brief:brief-0'",
                           (zlib.compress(json.dumps([["briefs/brief-0.md", 42, []]]).encode()),))  # not a page
        connection.execute("UPDATE entries SET head = '{}' WHERE key = 'brief:brief-1'")  # no reads
    renders.clear()
    assert build(corpus, tmp_path) == first
    assert sorted(renders) == [("brief", "brief-0"), ("brief", "brief-1")]
    renders.clear()
    assert build(corpus, tmp_path) == first  # and written again
    assert renders == []


def test_an_unreadable_cache_is_ignored_and_every_page_rendered(tmp_path, renders):
    corpus = corpus_of(TEXTS)
    first = build(corpus, tmp_path)
    everything = len(renders)
    (tmp_path / "rendered-pages.sqlite").write_bytes(b"not a database")
    renders.clear()
    assert build(corpus, tmp_path) == first
    assert len(renders) == everything
    renders.clear()
    assert build(corpus, tmp_path) == first
    assert renders == []


def test_a_cache_entry_whose_reads_changed_is_not_trusted(tmp_path, renders):
    corpus = corpus_of(TEXTS)
    first = build(corpus, tmp_path)
    with sqlite3.connect(tmp_path / "rendered-pages.sqlite") as connection:
        (head,) = connection.execute("SELECT head FROM entries WHERE key = 'brief:brief-0'").fetchone()
        head = {**json.loads(head), "digest": "0" * 32}  # kept for other values than the corpus's
        connection.execute("UPDATE entries SET head = ?, body = ? WHERE key = 'brief:brief-0'",
                           (json.dumps(head), zlib.compress(b'[["briefs/brief-0.md", "tampered", []]]')))
    renders.clear()
    assert build(corpus, tmp_path) == first
    assert renders == [("brief", "brief-0")]


def test_the_units_of_another_code_version_are_all_rendered_again(tmp_path, renders):
    corpus = corpus_of(TEXTS)
    first = build(corpus, tmp_path)
    everything = len(renders)
    renders.clear()
    lasting.restore(tmp_path, "other")
    assert render_all(corpus, INFO) == first
    lasting.keep(tmp_path, "other")
    assert len(renders) == everything


def test_the_units_a_build_no_longer_has_are_dropped(tmp_path):
    build(corpus_of(TEXTS), tmp_path)
    build(corpus_of(TEXTS[:2]), tmp_path)
    with sqlite3.connect(tmp_path / "rendered-pages.sqlite") as connection:
        keys = {key for (key,) in connection.execute("SELECT key FROM entries")}
    assert "brief:brief-1" in keys
    assert "brief:brief-3" not in keys
