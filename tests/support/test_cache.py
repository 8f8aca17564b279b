"""cache: unchanged articles are not analysed again; bad cache files are never trusted."""

from __future__ import annotations

import json
from pathlib import Path

from generator.analyse.nlp import analyse
from generator.support.cache import AnalysisCache
from tests.conftest import make_article

ARTICLE = make_article("Title\n\nAngela Merkel visited Paris on Monday. She met Emmanuel Macron.")


def test_a_cached_analysis_equals_a_fresh_one(tmp_path):
    cache = AnalysisCache(tmp_path, "v1")
    fresh = analyse([ARTICLE], cache=cache)[0]
    assert cache.misses == 1
    again = AnalysisCache(tmp_path, "v1")
    assert analyse([ARTICLE], cache=again)[0] == fresh
    assert (again.hits, again.misses) == (1, 0)


def test_a_new_version_or_a_changed_article_misses(tmp_path):
    analyse([ARTICLE], cache=AnalysisCache(tmp_path, "v1"))
    other_version = AnalysisCache(tmp_path, "v2")
    assert other_version.get(ARTICLE) is None
    changed = make_article("Title\n\nAngela Merkel visited Rome on Monday.")
    assert AnalysisCache(tmp_path, "v1").get(changed) is None


def test_corrupt_and_foreign_files_are_ignored_and_rebuilt(tmp_path):
    cache = AnalysisCache(tmp_path, "v1")
    fresh = analyse([ARTICLE], cache=cache)[0]
    (path,) = (tmp_path / "analysis").rglob("*.json")
    for bad in ("{not json", json.dumps([1, 2]), json.dumps({"version": "1|v1", "sentences": [[1, 0, 10**6]],
                                                            "mentions": []})):
        path.write_text(bad)
        assert AnalysisCache(tmp_path, "v1").get(ARTICLE) is None
        assert analyse([ARTICLE], cache=AnalysisCache(tmp_path, "v1"))[0] == fresh
    assert json.loads(path.read_text())["version"] == "1|v1"


def test_no_folder_means_no_cache():
    cache = AnalysisCache(None, "v1")
    analyse([ARTICLE], cache=cache)
    assert cache.get(ARTICLE) is None


def test_a_cached_brief_equals_a_fresh_one_and_bad_entries_are_ignored(tmp_path):
    from generator.brief import make_brief, make_briefs
    from generator.brief.cache import BriefCache

    (analysis,) = analyse([ARTICLE])
    fresh = make_brief("title", ARTICLE, analysis)
    briefs, _ = make_briefs([ARTICLE], [analysis], BriefCache(tmp_path, "v1"))
    assert briefs == [fresh]
    again = BriefCache(tmp_path, "v1")
    assert again.get("title", ARTICLE, analysis) == fresh and again.hits == 1
    (path,) = (tmp_path / "briefs").rglob("*.json")
    data = json.loads(path.read_text())
    data["summary"][0] = 999  # a sentence the article does not have
    path.write_text(json.dumps(data))
    assert BriefCache(tmp_path, "v1").get("title", ARTICLE, analysis) is None
    assert make_briefs([ARTICLE], [analysis], BriefCache(tmp_path, "v1"))[0] == [fresh]


def test_the_brief_cache_version_covers_files_in_sub_folders_and_the_model(tmp_path, monkeypatch):
    from generator.brief import cache as brief_cache

    package = tmp_path / "generator"
    (package / "render" / "templates").mkdir(parents=True)
    (package / "pipeline.py").write_text("x = 1\n")
    template = package / "render" / "templates" / "brief.md.j2"
    template.write_text("# {{ title }}\n")
    monkeypatch.setattr(brief_cache, "files", lambda name: package)

    def version(model: str) -> str:
        monkeypatch.setattr(brief_cache, "model_version", lambda: model)
        brief_cache.code_version.cache_clear()
        return brief_cache.code_version()

    before = version("spacy-3.8|model-3.8.0")
    template.write_text("## {{ title }}\n")
    assert version("spacy-3.8|model-3.8.0") != before  # a template two folders down
    assert version("spacy-3.9|model-3.8.0") != version("spacy-3.8|model-3.8.0")
    brief_cache.code_version.cache_clear()


def test_an_entry_that_is_there_but_unusable_is_recorded_with_its_reason(tmp_path):
    analyse([ARTICLE], cache=AnalysisCache(tmp_path, "v1"))
    (path,) = (tmp_path / "analysis").rglob("*.json")
    reasons = {"{not json": "unreadable", json.dumps([1, 2]): "another version",
               json.dumps({"version": "1|v1", "sentences": [[1, 0]], "mentions": []}): "does not decode",
               json.dumps({"version": "1|v1", "sentences": [[1, 0, 10**6]], "mentions": []}): "does not fit"}
    for text, reason in reasons.items():
        path.write_text(text)
        cache = AnalysisCache(tmp_path, "v1")
        assert cache.get(ARTICLE) is None
        assert len(cache.rejected) == 1 and reason in cache.rejected[0] and str(path) in cache.rejected[0]
    absent = AnalysisCache(tmp_path / "empty", "v1")
    assert absent.get(ARTICLE) is None and absent.rejected == []  # an absent entry is a plain miss


def test_the_build_says_how_many_briefs_came_from_the_cache_and_what_it_could_not_use(tmp_path):
    from generator.pipeline import build
    from generator.report import cache_line, summary_line
    from generator.settings import Settings
    from tests.conftest import SEEDS

    settings = Settings(SEEDS, cache=tmp_path)
    first = build(settings)
    assert "2 briefs (0 from the cache)" in summary_line(first) and cache_line(first) is None
    assert "2 briefs (2 from the cache)" in summary_line(build(settings))
    for path in (tmp_path / "briefs").rglob("*.json"):
        path.write_text("{broken")
    damaged = build(settings)
    assert "2 briefs (0 from the cache)" in summary_line(damaged)
    assert cache_line(damaged).startswith("cache: 2 entries could not be used and were recomputed; first: ")


def test_the_analysis_version_covers_the_code_and_table_that_shape_an_analysis():
    from generator.analyse import nlp

    package = Path(nlp.__file__).resolve().parent.parent
    for source in nlp.ANALYSIS_SOURCES:
        assert (package / source).exists(), source  # a moved file would silently leave the key
    assert nlp.analysis_version().startswith(nlp.model_version() + "|")
