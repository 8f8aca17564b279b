"""ECB+ entity scoring: a site's entity pages against the ECB+ gold entity instances.

The rules are those of the data's README (shared/bench/ecb/README.md, "Scoring entity pages"),
numbered as there. In short: an instance is scored when its kind is person, organisation or place
and at least two of its articles became briefs and write one of its names (rule 4); a page matches
it when one of the page's names matches one of its names (rules 1-3). Then:
- united: one matching page lists all its articles; mostly united: the best lists 80% of them;
- split: two matching pages each list one of its articles;
- merged: a page for it also lists an article with nothing of it (not its, and no name of it);
- kind: its best page stands in the right group of the entities index.
An extra article on a page, or an extra page, is never wrong by itself: the gold is a lower bound.

Pure functions: the caller reads the files and builds the corpus (bench/entities.py --ecb).
"""

from __future__ import annotations

import difflib
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any, Protocol

from generator.support.names import vocabulary

SCORED_KINDS = ("person", "organisation", "place")
MIN_ARTICLES = 2  # rule 4: instances with fewer are not scored
MOSTLY = 0.8  # rule 5: "mostly united" share of an instance's articles
SIMILAR, SIMILAR_LENGTH = 0.85, 5  # rule 1: difflib ratio, for keys of at least this many characters
# words that share nothing between two names, and that an acronym skips
MINOR_WORDS = frozenset("a an and at by de del der du for in la le of on the to van von &".split())
# rule 9, "X and Y": a name ending in one of these binds its "and" ("Fish and Wildlife Service")
NAME_HEADS = frozenset(
    "agency association authority board bureau center centre church college commission committee company "
    "corporation council court department foundation fund group hospital institute league ministry office "
    "organisation organization park party program programme school service society survey union "
    "university".split())
DEMONYM_ENDING = re.compile(r"(?:an|ish|ese|i)s?$")  # Ukrainian, British, Sudanese, Israeli(s)


class OccurrenceLike(Protocol):
    @property
    def brief(self) -> str: ...  # the brief's slug


class EntityLike(Protocol):
    """What is read of a corpus entity (generator.model.Entity)."""

    @property
    def name(self) -> str: ...
    @property
    def aliases(self) -> Sequence[str]: ...
    @property
    def kind(self) -> str: ...
    @property
    def has_page(self) -> bool: ...
    @property
    def occurrences(self) -> Sequence[OccurrenceLike]: ...


@dataclass(frozen=True)
class Page:
    """An entity page: its title, its "Also written" names, its group and its briefs' articles."""

    name: str
    aliases: tuple[str, ...]
    kind: str
    articles: frozenset[str]  # article stems (t01b_2)

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


@dataclass(frozen=True)
class Instance:
    """One ECB+ cross-document entity instance of entities.json."""

    id: str
    descriptor: str
    type: str  # HUMAN_PART_PER, LOC_FAC, ...
    kind: str | None  # person, organisation, place; None: not scored
    name: str
    names: tuple[str, ...]  # every proper-name form, most frequent first
    articles: frozenset[str]  # the gold `articles`
    mentions: frozenset[str]  # every annotated mention string, in any article
    same_as: tuple[str, ...]  # ids of instances naming the same real entity


@dataclass(frozen=True)
class Scored:
    """An instance of a scored kind with its names (rule 2) and its articles (rule 4)."""

    instance: Instance
    names: tuple[str, ...]
    articles: frozenset[str]

    @property
    def label(self) -> str:
        """Its name and its events, to tell the two "Bush" apart: "Bush (t09b)"."""
        events = "+".join(sorted({stem[:4] for stem in self.instance.articles}))
        return f"{self.instance.name} ({events})"


# --- reading ----------------------------------------------------------------------------------------


def instances_from_json(entries: Iterable[Mapping[str, Any]]) -> list[Instance]:
    """The instances of entities.json, as parsed."""
    return [Instance(
        id=e["id"], descriptor=e["descriptor"], type=e["type"], kind=e["kind"], name=e["name"],
        names=tuple(sorted(e["names"], key=lambda n: -e["names"][n])),
        articles=frozenset(e["articles"]),
        mentions=frozenset(m for found in e["mentions"].values() for m in found),
        same_as=tuple(e["same_as"]),
    ) for e in entries]


def pages_from_entities(entities: Iterable[EntityLike], stem_of: Mapping[str, str]) -> list[Page]:
    """The entities that have a page, with their briefs mapped to article stems (brief slug -> stem)."""
    return [Page(e.name, tuple(e.aliases), e.kind, frozenset(stem_of[o.brief] for o in e.occurrences))
            for e in entities if e.has_page]


# --- rule 1: names ----------------------------------------------------------------------------------


def plain_words(name: str) -> list[str]:
    """The words of a name with case, a possessive 's, dots and other punctuation ignored."""
    text = re.sub(r"['’‘]s\b", "", name.casefold())
    text = re.sub(r"[.'’‘]", "", text)  # U.S. -> us, O'Brien -> obrien
    return re.sub(r"[^\w\s]", " ", text).split()


@cache
def _titles() -> tuple[tuple[str, ...], ...]:
    """The project's titles (Mr, Dr, President, Foreign Minister, ...) as word tuples, longest first."""
    return tuple(sorted({tuple(plain_words(t)) for t in vocabulary().titles}, key=len, reverse=True))


def _leading_title_length(words: list[str]) -> int:
    if words[:1] == ["the"]:
        return 1
    return next((len(t) for t in _titles() if tuple(words[:len(t)]) == t), 0)


@cache
def name_key(name: str) -> str:
    """The comparison key of rule 1: plain words, without a leading "the" or titles (unless nothing is left)."""
    words = plain_words(name)
    while (drop := _leading_title_length(words)) and drop < len(words):
        words = words[drop:]
    return " ".join(words)


def same_name(a: str, b: str) -> bool:
    """Equal keys, or the same words in another order: an exact match."""
    ka, kb = name_key(a), name_key(b)
    return bool(ka) and (ka == kb or sorted(ka.split()) == sorted(kb.split()))


def acronym(name: str) -> str:
    """The initials of a name whose main words are all capitalised, taking every letter of an all-capitals
    word ("U.S. Geological Survey" -> USGS); "" when a main word is not capitalised."""
    words = [re.sub(r"\W", "", w) for w in re.split(r"[\s\-–—/]+", name) if w.casefold() not in MINOR_WORDS]
    words = [w for w in words if w]
    if not words or not all(w[0].isupper() for w in words):
        return ""
    return "".join(w if w.isupper() else w[0] for w in words).upper()


def is_acronym_of(word: str, name: str) -> bool:
    """`word` is one word in capitals (two letters or more) that spells `name`'s acronym."""
    letters = [c for c in word if c.isalpha()]
    return (len(letters) >= 2 and all(c.isupper() for c in letters) and " " not in name_key(word)
            and name_key(word) == acronym(name).casefold())


def begins_longer(a: str, b: str) -> bool:
    """The shorter key has three words or more and begins the longer."""
    short, long = sorted((name_key(a).split(), name_key(b).split()), key=len)
    return len(short) >= 3 and long[:len(short)] == short


def similar(a: str, b: str) -> bool:
    ka, kb = name_key(a), name_key(b)
    return (min(len(ka), len(kb)) >= SIMILAR_LENGTH
            and difflib.SequenceMatcher(None, ka, kb).ratio() >= SIMILAR)


def names_match(page_name: str, gold_name: str, kind: str | None = None, single_words: bool = False) -> bool:
    """Rule 1: a page name matches a gold name of an instance of this kind (`single_words`: all the
    instance's names are one word)."""
    page, gold = name_key(page_name), name_key(gold_name)
    if not page or not gold:
        return False
    gold_words = gold.split()
    return (same_name(page_name, gold_name)
            or is_acronym_of(page_name, gold_name) or is_acronym_of(gold_name, page_name)
            or begins_longer(page_name, gold_name) or similar(page_name, gold_name)
            # a person's surname or given name alone ("Reid")
            or (kind == "person" and " " not in page and page in (gold_words[0], gold_words[-1]))
            # a one-word name with a qualifier before it ("Indian Navy" for "Navy")
            or (kind in ("person", "organisation") and single_words and page.split()[-1] == gold))


def _main_words(name: str) -> set[str]:
    return set(name_key(name).split()) - MINOR_WORDS


# --- rules 2 to 4: an instance's names, the pages that match it, its articles ---------------------------


def instance_names(instance: Instance) -> tuple[str, ...]:
    """Rule 2: from `name`, the names that share a main word with one already taken or match one as in
    rule 1 (either way round), until none is left: names the annotators alone linked stay out."""
    taken = [instance.name]
    waiting = [n for n in instance.names if n != instance.name]
    while joined := [n for n in waiting if any(_related(n, t, instance.kind) for t in taken)]:
        taken += joined
        waiting = [n for n in waiting if n not in joined]
    return tuple(taken)


def _related(a: str, b: str, kind: str | None) -> bool:
    # rule 1's loosest clause (a one-word name ending another) implies a shared word, so it is left out
    return bool(_main_words(a) & _main_words(b)) or names_match(a, b, kind) or names_match(b, a, kind)


def page_matching_names(page: Page, names: Sequence[str], kind: str | None) -> list[str]:
    """The page's names that match one of these gold names (rule 3: the page matches when any does)."""
    single = all(" " not in name_key(n) for n in names)
    return [p for p in page.names if any(names_match(p, g, kind, single) for g in names)]


def matches(page: Page, gold: Scored) -> bool:
    return bool(page_matching_names(page, gold.names, gold.instance.kind))


def matches_exactly(page: Page, names: Iterable[str]) -> bool:
    """A page name equal to one of these names (as keys, or the same words in another order)."""
    return any(same_name(p, n) for p in page.names for n in names)


@cache
def _written(name: str) -> re.Pattern[str]:
    words = [re.escape(w) for w in name.replace("’", "'").split()]
    return re.compile(r"(?<!\w)" + r"\s+".join(words) + r"(?!\w)", re.IGNORECASE)


def writes(text: str, name: str) -> bool:
    """The text writes the name in any case, but starting with a capital ("Lohan", "LOHAN", not "lohan")."""
    return bool(name.split()) and any(
        found.group()[0].isupper() for found in _written(name).finditer(text.replace("’", "'")))


def scored_instance(instance: Instance, texts: Mapping[str, str]) -> Scored:
    """Rule 4: the instance's articles are those that became briefs (`texts`) and write one of its names."""
    names = instance_names(instance)
    articles = frozenset(a for a in instance.articles if a in texts and any(writes(texts[a], n) for n in names))
    return Scored(instance, names, articles)


# --- rules 5 to 8: the figures ----------------------------------------------------------------------


def pages_for(gold: Scored, pages: Iterable[Page]) -> list[Page]:
    """The matching pages that list one of the instance's articles, best first (rule 8: most of its
    articles, then an exact name, then most briefs)."""
    found = [p for p in pages if p.articles & gold.articles and matches(p, gold)]
    return sorted(found, key=lambda p: (-len(p.articles & gold.articles), not matches_exactly(p, gold.names),
                                        -len(p.articles), p.name))


def counted_for_split(page: Page, gold: Scored, others: Sequence[Scored]) -> bool:
    """Rule 6: a page counts unless it matches this instance only loosely and carries the very name of
    another scored instance (a "Williams" page of Jamal Williams for Sam Williams)."""
    if matches_exactly(page, gold.names):
        return True
    return not any(matches_exactly(page, other.names) for other in others
                   if other.instance.id != gold.instance.id and other.instance.id not in gold.instance.same_as)


def stray_articles(page: Page, gold: Scored, instances: Sequence[Scored], texts: Mapping[str, str]) -> list[str]:
    """Rule 7: the page's articles that are neither the instance's (or a same_as instance's) gold articles
    nor write one of its names (its names, and the page's own names that match them). In an article of
    another instance the page also matches, the names the two share do not count."""
    own = set(gold.instance.articles).union(
        *(i.instance.articles for i in instances if i.instance.id in gold.instance.same_as))
    names = list(dict.fromkeys([*gold.names, *page_matching_names(page, gold.names, gold.instance.kind)]))
    stray = []
    for article in sorted(page.articles - own):
        usable = names
        for other in instances:
            if other.instance.id != gold.instance.id and article in other.instance.articles and matches(page, other):
                usable = [n for n in usable if not any(same_name(n, o) for o in other.names)]
        if not any(writes(texts.get(article, ""), n) for n in usable):
            stray.append(article)
    return stray


def right_kind(page: Page, instance: Instance) -> bool:
    """Rule 8: the page's group is the instance's kind; a LOC_FAC building may also be an organisation."""
    return page.kind == instance.kind or (instance.type == "LOC_FAC" and page.kind == "organisation")


def _share(count: int, total: int) -> float | None:
    return round(count / total, 4) if total else None


def score(pages: Sequence[Page], instances: Sequence[Instance], texts: Mapping[str, str],
          demonyms: Iterable[str] = ()) -> dict[str, Any]:
    """Every figure of rules 4 to 9, with the lists to diagnose them.

    `texts`: the text of each article that became a brief, by stem; `demonyms`: words the language model
    called a nationality or group (spaCy's NORP), for rule 9.
    """
    everyone = [Scored(i, instance_names(i), frozenset()) for i in instances]  # for rule 7's other instances
    of_kind = [scored_instance(i, texts) for i in instances if i.kind in SCORED_KINDS]
    golds = [g for g in of_kind if len(g.articles) >= MIN_ARTICLES]
    found = {g.instance.id: pages_for(g, pages) for g in golds}
    return {
        "instances": len(of_kind),
        "scored": len(golds),
        "skipped": [g.label for g in of_kind if len(g.articles) < MIN_ARTICLES],
        **united(golds, found),
        **split(golds, found),
        **merged(golds, pages, everyone, texts),
        **kinds(golds, found),
        "pages": len(pages),
        "pages_by_kind": dict(Counter(p.kind for p in pages).most_common()),
        "not_a_name": not_a_name(pages, instances, texts, frozenset(name_key(d) for d in demonyms)),
    }


def united(golds: Sequence[Scored], found: Mapping[str, list[Page]]) -> dict[str, Any]:
    """Rule 5: united, mostly united, any; and the instances not united, with their best page."""
    whole = [g for g in golds if any(g.articles <= p.articles for p in found[g.instance.id])]
    mostly = [g for g in golds if found[g.instance.id]
              and len(found[g.instance.id][0].articles & g.articles) >= MOSTLY * len(g.articles)]
    ununited = []
    for gold in golds:
        if gold not in whole:
            best = found[gold.instance.id][0] if found[gold.instance.id] else None
            ununited.append({
                "instance": gold.label, "articles": len(gold.articles),
                "best_page": f"{best.name} ({best.kind})" if best else None,
                "missing": sorted(gold.articles - best.articles) if best else sorted(gold.articles),
            })
    return {
        "united": _share(len(whole), len(golds)),
        "mostly_united": _share(len(mostly), len(golds)),
        "any": _share(sum(bool(found[g.instance.id]) for g in golds), len(golds)),
        "ununited": ununited,
    }


def split(golds: Sequence[Scored], found: Mapping[str, list[Page]]) -> dict[str, Any]:
    """Rule 6: the instances with two pages or more that each list one of their articles."""
    splits = []
    for gold in golds:
        counted = [p for p in found[gold.instance.id] if counted_for_split(p, gold, golds)]
        if len(counted) > 1:
            splits.append({"instance": gold.label,
                           "pages": [f"{p.name} ({p.kind}, {len(p.articles & gold.articles)})" for p in counted]})
    return {"split": len(splits), "splits": splits}


def merged(golds: Sequence[Scored], pages: Sequence[Page], everyone: Sequence[Scored],
           texts: Mapping[str, str]) -> dict[str, Any]:
    """Rule 7: the pages of a scored instance that also list an article with nothing of it."""
    merges = []
    for page in pages:
        offending: dict[str, list[str]] = {}
        for gold in golds:
            if page.articles & gold.articles and matches(page, gold):
                stray = stray_articles(page, gold, everyone, texts)
                if stray:
                    offending[gold.label] = stray
        if offending:
            merges.append({"page": f"{page.name} ({page.kind})", "instances": offending})
    return {"merged": len(merges), "merges": merges}


def kinds(golds: Sequence[Scored], found: Mapping[str, list[Page]]) -> dict[str, Any]:
    """Rule 8: the share of instances whose best page stands in the right group, overall and by kind."""
    checked = [(g, found[g.instance.id][0]) for g in golds if found[g.instance.id]]
    right = [(g, p) for g, p in checked if right_kind(p, g.instance)]
    by_kind = {kind: _share(sum(g.instance.kind == kind for g, _ in right),
                            sum(g.instance.kind == kind for g, _ in checked)) for kind in SCORED_KINDS}
    wrong = [{"instance": g.label, "kind": g.instance.kind, "page": p.name, "page_kind": p.kind}
             for g, p in checked if not right_kind(p, g.instance)]
    return {"kind_checked": len(checked), "kind_right": _share(len(right), len(checked)),
            "kind_right_by_kind": by_kind, "wrong_kind": wrong}


# --- rule 9: pages that are no name -----------------------------------------------------------------


def not_a_name(pages: Sequence[Page], instances: Sequence[Instance], texts: Mapping[str, str],
               demonyms: frozenset[str]) -> list[dict[str, str]]:
    """Rule 9: the pages that match no gold name or mention and whose title looks like no name."""
    mentions = {name_key(m) for i in instances for m in i.mentions}
    listed = []
    for page in pages:
        if any(name_key(n) in mentions for n in page.names) or any(
                page_matching_names(page, i.names, i.kind) for i in instances):
            continue
        reason = why_no_name(page, texts, demonyms)
        if reason:
            listed.append({"page": f"{page.name} ({page.kind})", "why": reason})
    return listed


def why_no_name(page: Page, texts: Mapping[str, str], demonyms: frozenset[str]) -> str | None:
    """Why the page's title looks like no name, or None. Checked: a lower-case word (other than of, and,
    de, ...), a title first, digits only, a headline verb last (the project's list), a demonym (a word the
    language model called NORP, ending as demonyms do), one word some article also writes in lower
    case, two names joined by "and" (unless the last word is a head like Service that binds them)."""
    words = page.name.split()
    key = name_key(page.name)
    plain = plain_words(page.name)
    if not words or not key:
        return "empty"
    if any(w[:1].islower() and w.casefold() not in MINOR_WORDS for w in words):
        return "a lower-case word"
    if any(tuple(plain[:len(t)]) == t for t in _titles()):
        return "a title first"
    if key.replace(" ", "").isdigit():
        return "digits only"
    if len(words) > 1 and plain[-1] in vocabulary().headline_verbs:
        return "a verb last"
    if len(words) == 1 and key in demonyms and DEMONYM_ENDING.search(key):
        return "a demonym"
    if len(words) == 1 and any(_written_lower(text, page.name) for text in texts.values()):
        return "written in lower case too"
    if {"and", "&"} & {w.casefold() for w in words[1:-1]} and plain[-1] not in NAME_HEADS:
        return "X and Y"
    return None


def _written_lower(text: str, word: str) -> bool:
    return bool(re.search(r"(?<!\w)" + re.escape(word.lower()) + r"(?!\w)", text))
