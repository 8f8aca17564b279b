"""pipeline: the seeds become briefs and pages; a bad file is reported, the rest builds."""

from __future__ import annotations

import gc
import shutil
import weakref

import pytest

from generator.clean import looks_english
from generator.pipeline import build
from generator.settings import Settings, SettingsError
from tests.conftest import SEEDS, make_article


def test_seeds_give_two_briefs_and_their_pages():
    result = build(Settings(SEEDS))
    assert result.problems == ()
    uris = {page.uri for page in result.pages}
    assert {"index.md", "briefs/index.md", "entities/index.md", "timeline.md", "tags.md"} <= uris
    assert {f"briefs/{b.slug}.md" for b in result.corpus.briefs} <= uris
    assert len(result.corpus.briefs) == 2
    assert set(result.seconds) == {"read", "clean", "analyse", "brief", "link", "render"}


def test_seed_bottom_lines_say_who_met_whom():
    briefs = {b.article.source.path: b for b in build(Settings(SEEDS)).corpus.briefs}
    first = briefs["000_c849e867a50eb21f.txt"].summary.bottom_line.text
    second = briefs["002_5fd77ef30633fba7.txt"].summary.bottom_line.text
    assert "Motegi" in first and "Wang Yi" in first and "coronavirus" in first
    assert "Wang Yi" in second and "Motegi" in second and "phone" in second


def test_a_bad_file_is_reported_and_the_rest_builds(tmp_path):
    seeds = shutil.copytree(SEEDS, tmp_path / "seeds")
    (seeds / "broken.txt").write_bytes(b"\x00\x01\x02binary")
    result = build(Settings(seeds))
    assert [(p.path, p.severity) for p in result.problems] == [("broken.txt", "error")]
    assert len(result.corpus.briefs) == 2


def test_same_input_same_pages():
    assert build(Settings(SEEDS)).pages == build(Settings(SEEDS)).pages


class _Cycle:
    def __init__(self) -> None:
        self.itself = self


def test_what_a_build_made_is_left_out_of_the_collector_until_the_next_build():
    held = _Cycle()
    build(Settings(SEEDS))
    assert gc.isenabled() and gc.get_freeze_count() > 0
    alive = weakref.ref(held)
    del held  # garbage now, but frozen with what the build made: the collector passes it by
    gc.collect()
    assert alive() is not None
    build(Settings(SEEDS))  # puts the earlier build's objects back before its own
    assert alive() is None


def test_settings_are_validated():
    with pytest.raises(SettingsError):
        Settings(SEEDS, workers=-1)
    with pytest.raises(SettingsError):
        Settings(SEEDS, max_article_bytes=0)
    with pytest.raises(SettingsError):
        Settings(SEEDS, summary_words=0)


def test_the_summary_budget_is_a_setting_and_a_new_budget_remakes_the_briefs(tmp_path):
    roomy = build(Settings(SEEDS, cache=tmp_path, summary_words=200))
    tight = build(Settings(SEEDS, cache=tmp_path, summary_words=30))
    for brief in tight.corpus.briefs:
        assert len(brief.summary.sentences) == 1 or sum(len(s.text.split()) for s in brief.summary.sentences) <= 30
    assert [b.summary for b in roomy.corpus.briefs] != [b.summary for b in tight.corpus.briefs]


@pytest.mark.parametrize("text, english", [
    ("Prices rose by 5% in Zürich, the café owner said.", True),  # a few accents, still English
    ("The price is £5 and 10 € in total.", True),
    ("日本政府は新しい対策を発表した。東京で会議が開かれた。", False),
    ("Правительство объявило новые меры в Москве.", False),
    ("12345 67890", True),  # no letters: nothing says it is not English
])
def test_looks_english_by_the_share_of_latin_letters(text, english):
    assert looks_english(make_article(f"Title\n\n{text}")) is english


def test_a_missing_language_model_is_a_clear_mkdocs_error(monkeypatch, tmp_path):
    from mkdocs.exceptions import PluginError

    from generator.analyse import nlp as analyse
    from generator.mkdocs import plugin

    monkeypatch.setattr(analyse, "MODEL_NAMES", ("no_such_pipeline",))
    analyse.load_pipeline.cache_clear()
    instance = plugin.BriefingPlugin()
    instance.settings = Settings(SEEDS, cache=None)
    try:
        with pytest.raises(PluginError, match="no English spaCy pipeline is installed"):
            instance.on_files(None, None)
    finally:
        analyse.load_pipeline.cache_clear()


def test_a_hand_written_page_wins_over_the_generated_one_at_its_path(tmp_path):
    (tmp_path / "timeline.md").write_text("# My own timeline\n")
    result = build(Settings(SEEDS, cache=None, docs=tmp_path))
    assert result.hand_written == ("timeline.md",)
    assert "timeline.md" not in {page.uri for page in result.pages}
    assert "index.md" in {page.uri for page in result.pages}
