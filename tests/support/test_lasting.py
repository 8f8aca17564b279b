"""lasting: a memo's results outlive the build that computed them, for the same code only."""

from __future__ import annotations

import json

from generator.link.person_names import parts
from generator.support import lasting

calls: list[str] = []


def _tuple(value: object) -> tuple[str, ...]:
    if not isinstance(value, list):
        raise ValueError(value)
    return tuple(value)


@lasting.lasting("test-words", _tuple)
def words(text: str) -> tuple[str, ...]:
    calls.append(text)
    return tuple(text.split())


def test_results_are_kept_between_builds_of_the_same_version(tmp_path):
    calls.clear()
    lasting.restore(tmp_path, "v1")
    assert words("Joe Biden") == ("Joe", "Biden") and words("Joe Biden") == ("Joe", "Biden")
    lasting.keep(tmp_path, "v1")
    assert calls == ["Joe Biden"]
    lasting.restore(tmp_path, "v1")  # a new build: from the file, not computed again
    assert words("Joe Biden") == ("Joe", "Biden") and calls == ["Joe Biden"]
    lasting.restore(tmp_path, "v2")  # other code: computed again
    assert words("Joe Biden") == ("Joe", "Biden") and calls == ["Joe Biden", "Joe Biden"]
    lasting.restore(None, "v1")  # no cache: nothing kept
    words("Joe Biden")
    assert len(calls) == 3


def test_a_bad_file_is_ignored_and_written_again(tmp_path):
    lasting.restore(tmp_path, "v1")
    words("Kishida Fumio")
    lasting.keep(tmp_path, "v1")
    path = tmp_path / "test-words.json"
    good = json.loads(path.read_text())
    for bad in ("{not json", json.dumps([1]), json.dumps({**good, "results": {"Kishida Fumio": 7}})):
        path.write_text(bad)
        calls.clear()
        lasting.restore(tmp_path, "v1")
        assert words("Kishida Fumio") == ("Kishida", "Fumio") and calls == ["Kishida Fumio"]
        lasting.keep(tmp_path, "v1")
        assert json.loads(path.read_text()) == good


def test_parsed_names_are_kept_as_nameparser_made_them(tmp_path):
    lasting.restore(tmp_path, "v1")
    made = parts("joseph r biden jr")
    lasting.keep(tmp_path, "v1")
    lasting.restore(tmp_path, "v1")
    assert parts("joseph r biden jr") == made == ("joseph", "r", "biden", "jr")
    assert json.loads((tmp_path / "person-name-parts.json").read_text())["version"].startswith("v1|nameparser==")


def test_a_table_keeps_only_what_the_last_build_asked_for(tmp_path):
    kept = lasting.table("test-table", lambda value: value)
    made: list[str] = []

    def make(key: str) -> list[str]:
        made.append(key)
        return [key.upper()]

    lasting.restore(tmp_path, "v1")
    assert kept.get("a", lambda: make("a")) == ["A"] and kept.get("b", lambda: make("b")) == ["B"]
    assert kept.get("a", lambda: make("a")) == ["A"] and made == ["a", "b"]
    lasting.keep(tmp_path, "v1")
    lasting.restore(tmp_path, "v1")
    assert kept.get("b", lambda: make("b")) == ["B"] and made == ["a", "b"]  # from the file
    lasting.keep(tmp_path, "v1")  # a build that asked for "b" only
    assert json.loads((tmp_path / "test-table.json").read_text())["results"] == {"b": ["B"]}
