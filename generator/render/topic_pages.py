"""Topic pages: the news that leads with two names together (link/topics.py), newest first."""

from __future__ import annotations

from generator.model import Corpus, MarkdownPage, Topic
from generator.render.brief_page import View
from generator.render.markup import Markdown, escape, link
from generator.render.story_page import story_span, story_title
from generator.render.templating import render_page
from generator.render.urls import brief_uri, entity_uri, relative, story_uri, topic_uri

INDEX_URI = "topics/index.md"


def render_topics(corpus: Corpus) -> tuple[MarkdownPage, ...]:
    index = render_page(
        INDEX_URI, "topics.md.j2", title="Topics", description="The names the news keeps putting together",
        topics=[{"link": link(t.name, relative(INDEX_URI, topic_uri(t.slug))), "briefs": len(t.briefs),
                 "stories": len(t.stories)} for t in corpus.topics],
        tags_link=link("Tags", relative(INDEX_URI, "tags.md")),
    )
    return (index, *(_topic(corpus, t) for t in corpus.topics))


def _topic(corpus: Corpus, topic: Topic) -> MarkdownPage:
    uri = topic_uri(topic.slug)
    in_story = {b for s in topic.stories for b in corpus.story(s).briefs}
    items: list[View] = []
    for slug in topic.stories:
        story = corpus.story(slug)
        lead = corpus.brief(story.lead)
        items.append({"link": link(story_title(corpus, story), relative(uri, story_uri(slug))),
                      "meta": f"story · {len(story.briefs)} accounts · {story_span(story)}",
                      "bottom_line": escape(lead.summary.bottom_line.text), "order": story.last_seen})
    for slug in topic.briefs:
        if slug not in in_story:
            brief = corpus.brief(slug)
            items.append({"link": link(brief.article.title, relative(uri, brief_uri(slug))),
                          "meta": f"{brief.date.text} · {brief.publisher.name}",
                          "bottom_line": escape(brief.summary.bottom_line.text), "order": brief.date.value})
    items.sort(key=lambda i: (i["order"] is None, -(i["order"].toordinal() if i["order"] else 0)))
    names = Markdown(" and ".join(link(corpus.entity(e).name, relative(uri, entity_uri(e))) for e in topic.entities))
    return render_page(uri, "topic.md.j2", title=topic.name, description=f"{len(topic.briefs)} briefs on {topic.name}",
                       back_link=link("All topics", relative(uri, INDEX_URI)), names=names, items=items,
                       count=len(topic.briefs))
