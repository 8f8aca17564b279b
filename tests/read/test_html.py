"""Saved web pages: the article and the page's metadata; a page with no article is skipped."""

from __future__ import annotations

import json
from datetime import date

from generator.__main__ import main
from generator.read.files import read_folder

PARAGRAPHS = [
    "The city council of Bremen approved a new budget for the port on Monday after a long debate "
    "that ran late into the evening, with the vote passing by a wide margin.",
    "The budget adds forty million euros for the modernisation of the container terminals and for "
    "the dredging of the river channel, the mayor told reporters after the session.",
    "Opposition members criticised the plan, saying the money would be better spent on schools and "
    "on public transport, and they promised to keep pressing for changes next year.",
]
PAGE = f"""<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>Bremen approves port budget - The Weser Times</title>
<meta property="og:title" content="Bremen approves port budget">
<meta property="og:site_name" content="The Weser Times">
<meta name="author" content="Anna Schmidt">
<meta property="article:published_time" content="2023-10-09T08:30:00+02:00">
<link rel="canonical" href="https://weser-times.example/2023/10/09/port-budget">
<script>window.__pwned = 1</script></head>
<body><nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav>
<article><h1>Bremen approves port budget</h1>{''.join(f'<p>{p}</p>' for p in PARAGRAPHS)}</article>
<aside><h2>Most read</h2><ul><li><a href="/a">Storm hits coast</a></li><li><a href="/b">Derby ends level</a></li></ul></aside>
<footer>Copyright 2023 The Weser Times. All rights reserved.</footer></body></html>"""
INDEX = """<!doctype html><html><head><title>News index</title></head><body>
<ul><li><a href="/a">One</a></li><li><a href="/b">Two</a></li></ul></body></html>"""


def test_a_saved_page_gives_the_article_and_what_the_page_says_of_it(tmp_path):
    (tmp_path / "port.html").write_text(PAGE, encoding="utf-8")
    (source,) = read_folder(tmp_path, 2_000_000).sources
    assert source.body.split("\n\n") == PARAGRAPHS  # no menu, no most-read list, no footer, no script
    front = source.front
    assert front.title == "Bremen approves port budget" and front.source == "The Weser Times"
    assert front.author == "Anna Schmidt" and front.date == date(2023, 10, 9)
    assert front.url == "https://weser-times.example/2023/10/09/port-budget" and front.language == "en"


def test_a_page_without_an_article_is_skipped_with_the_reason(tmp_path):
    (tmp_path / "index.htm").write_text(INDEX, encoding="utf-8")
    result = read_folder(tmp_path, 2_000_000)
    assert result.sources == ()
    assert [str(p) for p in result.problems] == [
        "index.htm: skipped: no article found in the web page (an index, error or login page?)"]


def test_read_writes_what_each_file_reads_as(tmp_path, capsys):
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    (folder / "sub" / "port.html").write_text(PAGE, encoding="utf-8")
    (folder / "note.txt").write_text("Short note\n\nThe mayor of Kiel spoke on 3 May 2021 about the port.\n")
    (folder / "empty.txt").write_text("")
    assert main(["read", str(folder), "--json", str(tmp_path / "out.json")]) == 0
    records = json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))
    assert set(records) == {"sub/port", "note", "empty"}
    port = records["sub/port"]
    assert (port["title"], port["date"], port["source"], port["author"], port["language"]) == (
        "Bremen approves port budget", "2023-10-09", "The Weser Times", "Anna Schmidt", "en")
    assert port["body"].split("\n\n") == PARAGRAPHS and port["problems"] == []
    assert records["note"]["title"] == "Short note" and records["note"]["date"] == "2021-05-03"
    assert records["empty"] == {"problems": ["error: skipped: the file is empty"]}
