"""The mkdocs plugin: settings from mkdocs.yml with the generator's defaults; serving stays in-process."""

from __future__ import annotations

from dataclasses import fields

from mkdocs.config import load_config

from generator.mkdocs.plugin import BriefingPlugin
from generator.settings import Settings, default
from tests.conftest import ROOT, build_site, one_article_project


def configured(command: str = "build") -> BriefingPlugin:
    config = load_config(str(ROOT / "mkdocs.yml"))
    plugin = config.plugins["briefing"]
    plugin.on_startup(command=command, dirty=False)
    plugin.on_config(config)
    return plugin


def test_the_plugins_defaults_are_the_generators():
    plugin = BriefingPlugin()
    plugin.load_config({})
    for name in ("entity_min_briefs", "max_article_bytes", "workers"):
        assert plugin.config[name] == default(name), name
    assert plugin.config["seeds"] == str(default("seeds")) and plugin.config["cache"] == str(default("cache"))
    assert {f.name for f in fields(Settings)} >= {"seeds", "cache", "workers", "docs", "built"}


def test_settings_come_from_mkdocs_yml():
    settings = configured().settings
    assert settings.seeds == (ROOT / "seeds").resolve() and settings.site_name == "Briefing"
    assert settings.directory_urls is False and settings.docs == ROOT / "docs"
    assert settings.built is not None  # printed pages say when the site was built


def test_serving_builds_without_worker_processes():
    # mkdocs serve rebuilds in a thread of its server: forking there could deadlock
    assert configured("serve").settings.workers == 1
    assert configured("build").settings.workers == default("workers")


def test_a_build_into_the_previous_site_says_which_briefs_are_new(tmp_path):
    project = one_article_project(tmp_path)
    site = tmp_path / "project" / "site"
    assert build_site(project, site).returncode == 0
    assert "New since the last build" not in (site / "index.html").read_text()
    (project / "seeds" / "two.txt").write_text("Ferry fares rise\n\nFerry fares on the fjord rise by a tenth in May.\n")
    assert build_site(project, site).returncode == 0  # into the same folder: it reads the manifest first
    home = (site / "index.html").read_text()
    new = home[home.index("New since the last build"):]
    assert "Ferry fares rise" in new[:new.index("</dl>")] and "Harbour reopens" not in new[:new.index("</dl>")]
