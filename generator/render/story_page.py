"""Story pages: one event, every source's account side by side.

A story's bottom line is that of its best account (the brief closest to all the others). Each
account shows what it says that the others do not: the sentences of its summary and key points
whose words the other accounts mostly do not use, each linked to its paragraph, and its quotes
with their speakers.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping

from generator.model import Brief, Corpus, MarkdownPage, Sentence, Story
from generator.render.brief_page import SentenceLinker, View, quote_view
from generator.render.markup import Markdown, escape, link
from generator.render.templating import render_page
from generator.render.urls import brief_uri, entity_uri, relative, story_pack_uri, story_uri
from generator.support.text import content_words

ONLY_HERE = 3  # sentences an account shows that the others do not say
OWN_WORDS = 0.5  # share of a sentence's words the other accounts must not use, at least
QUOTES = 2  # quotes an account shows
SHARED_NAMES = 6


def story_title(corpus: Corpus, story: Story) -> str:
    return corpus.brief(story.lead).article.title


def render_story(corpus: Corpus, story: Story) -> MarkdownPage:
    uri = story_uri(story.slug)
    lead = corpus.brief(story.lead)
    briefs = [corpus.brief(slug) for slug in story.briefs]
    sources = list(dict.fromkeys(b.publisher.name for b in briefs))
    linker = SentenceLinker(corpus, lead, uri, paragraphs_at=relative(uri, brief_uri(lead.slug)))
    users = Counter(word for brief in briefs for word in brief.vocabulary)  # a word -> the accounts using it
    return render_page(
        uri, "story.md.j2", title=story_title(corpus, story), description=lead.summary.bottom_line.text,
        back_link=link("All stories", relative(uri, "stories/index.md")),
        pack_link=link("Print every account in full", relative(uri, story_pack_uri(story.slug))),
        bottom_line=linker.line(lead.summary.bottom_line),
        lead_link=link(lead.article.title, relative(uri, brief_uri(lead.slug))),
        lead_source=lead.publisher.name,
        count=len(briefs), sources=", ".join(sources), span=story_span(story),
        shared=Markdown(", ".join(link(corpus.entity(e).name, relative(uri, entity_uri(e)))
                                  for e in story.shared[:SHARED_NAMES] if corpus.entity(e).has_page)),
        accounts=[_account(corpus, brief, users, uri) for brief in briefs],
    )


def story_span(story: Story) -> str:
    """The dates the story's briefs state, as a reader says them."""
    first, last = story.first_seen, story.last_seen
    if not first or not last:
        return "undated"
    return first.isoformat() if first == last else f"{first.isoformat()} to {last.isoformat()}"


def _account(corpus: Corpus, brief: Brief, users: Mapping[str, int], uri: str) -> View:
    target = relative(uri, brief_uri(brief.slug))
    linker = SentenceLinker(corpus, brief, uri, paragraphs_at=target)
    return {
        "link": link(brief.article.title, target),
        "source": escape(brief.publisher.name), "date": escape(brief.date.text),
        "bottom_line": linker.line(brief.summary.bottom_line),
        "only_here": [linker.line(s) for s in only_here(brief, users)],
        "quotes": [quote_view(corpus, brief, q, uri, paragraphs_at=target) for q in brief.quotes[:QUOTES]],
    }


def only_here(brief: Brief, users: Mapping[str, int]) -> list[Sentence]:
    """What this account says that the others do not, in article order: its sentences (the bottom
    line aside) whose words the other accounts mostly do not use, the most its own first.
    `users`: how many of the story's accounts, this one among them, use each word."""
    shown = [s for s in brief.analysis.sentences if s != brief.summary.bottom_line]
    own = []
    for sentence in shown:
        words = set(content_words(sentence.text))
        # a word of this account's vocabulary is the others' when another account uses it too
        unused = sum(users.get(w, 0) <= (w in brief.vocabulary) for w in words)
        if words and unused / len(words) >= OWN_WORDS:
            own.append((unused / len(words), sentence))
    best = sorted(own, key=lambda item: (-item[0], item[1].index))[:ONLY_HERE]
    return sorted((s for _, s in best), key=lambda s: s.index)


def render_story_index(corpus: Corpus) -> MarkdownPage:
    uri = "stories/index.md"
    items = [{"link": link(story_title(corpus, s), relative(uri, story_uri(s.slug))), "count": len(s.briefs),
              "sources": ", ".join(dict.fromkeys(corpus.brief(b).publisher.name for b in s.briefs)),
              "span": story_span(s)} for s in corpus.stories]
    return render_page(uri, "stories.md.j2", title="Stories", description="Events told by more than one brief",
                       items=items)
