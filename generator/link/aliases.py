"""Aliases: decide which names, within an article and across the corpus, are one entity.

General mechanisms only: the curated table of known names (data); name structure (a
surname or given name alone stands for the one full name of the article it fits, and
across the corpus for the full name that clearly dominates); acronyms spelt out; legal
suffixes and plurals ("Labour"/"Labour Party", "Democrat"/"Democrats"); and fuzzy
matching for translation misspellings within an article ("Mogi" for "Motegi").
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from itertools import chain, combinations, count

import pycountry
from rapidfuzz import fuzz

from generator.link.person_names import names_agree, one_person_groups, person_shaped
from generator.link.person_names import parts as name_parts
from generator.model import KINDS, EntityMention, Kind
from generator.support.memo import MANY, ONE, memo
from generator.support.names import NAME_PARTICLES, PERSONAL_FORMS, known_entity, name_key, surname_shaped, vocabulary
from generator.support.slugs import first_free, slug

FUZZY_MIN = 75  # rapidfuzz ratio for a misspelt surname ("Mogi" / "Motegi")
ADJECTIVE_ENDING = 2  # letters a country's name may add to the name it opens with ("Russia-n Federation")
MISSPELT_ALIKE, MISSPELT_LENGTH = 85, 4  # across briefs: one word of a full name, this alike, this long
PERSON_SHARE = 1 / 3  # of a person-shaped name's mentions the model calls a person, enough to be one
NAME_SUFFIX = re.compile(r"\s(?:Jr|Sr|II|III|IV)\.?$")  # only people's names end so
UNANIMOUS = 0.8  # share of a full name's mentions the model must call a person, without a title
DOMINANT = 3.0  # a full name takes a lone surname when it is in this many times the briefs of its rivals
TITLE_DOMINANT = 2.0  # a title is evidence already: its bearer need only outnumber the others twice
ACRONYM = re.compile(r"^[A-Z][A-Z0-9&.]{1,7}$")
MAX_NAME_WORDS = 4  # words of a person's full name at most ("Joseph R. Biden Jr")
FULL_NAME = re.compile(r"[A-Z][\w'’-]*\.?(?: [A-Z][\w'’-]*\.?){1,3}$")  # "Raj K. Chohan", "Ka'Loni Flynn"
CONTEXT_MIN = 2  # names a lone surname's article must share with one person's other articles
RARE_SHARE = 0.05  # names in more than this share of the articles say nothing of who is meant
# titles that say how to address someone, not what office they hold
FORMS_OF_ADDRESS = PERSONAL_FORMS | {"dr", "doctor", "lord", "lady", "majesty", "his majesty", "her majesty"}
MINOR_WORDS = frozenset({"of", "and", "the", "for", "on", "in", "de", "du", "&"})


@dataclass(frozen=True)
class EntityRecord:
    slug: str
    name: str  # canonical: the curated name, else the fullest form seen
    kind: Kind
    aliases: tuple[str, ...]  # other names seen, sorted
    listed: bool = True  # False: not a usable name (a lone given name, a common word)


@dataclass(frozen=True)
class Resolution:
    entities: tuple[EntityRecord, ...]
    slug_of: dict[tuple[str, str], str]  # (brief slug, name in that brief) -> entity slug


def resolve(
    mentions_by_brief: Sequence[tuple[str, Sequence[EntityMention]]], not_names: Collection[str] = ()
) -> Resolution:
    """Group every brief's names into entities with canonical names and slugs.

    `not_names` are names the corpus shows to be common words: kept, but not listed.
    """
    groups = _Groups()
    offices = _offices_by_key(mentions for _, mentions in mentions_by_brief)
    locals_ = [(brief, mentions, _resolve_within(mentions, offices)) for brief, mentions in mentions_by_brief]
    _resolve_by_context([(brief, mentions, local) for brief, mentions, (local, _) in locals_], offices)
    people = {local[m.name] for _, mentions, (local, _) in locals_ for m in mentions
              if m.kind == "person" and " " in m.name}
    for brief, mentions, (local, joins) in locals_:
        for mention in mentions:
            key = local[mention.name]
            if " " not in mention.name and key != entity_key(mention.name) and key in people:
                mention = replace(mention, kind="person")  # a surname standing for a full name: the person
            groups.add(key, mention, brief)
        for a, b in joins:  # an acronym spelt out here stands for its expansion everywhere
            groups.union.add(a)
            groups.union.join(a, b)
    _join_full_names(groups)
    _join_misspelt_people(groups)
    _join_people(groups)
    _join_variants(groups)
    _join_countries(groups)
    _join_initials(groups)
    records, slug_of_key = _records(groups, frozenset(not_names))
    slug_of = {
        (brief, mention.name): slug_of_key[local[mention.name]]
        for brief, mentions, (local, _) in locals_
        for mention in mentions
    }
    return Resolution(tuple(records), slug_of)


def entity_key(name: str) -> str:
    """The key of a name across the corpus: the curated entity, else the normalised name."""
    known = known_entity(name)
    return f"known:{known.name}" if known is not None else name_key(name)


@memo(MANY)  # every acronym of an article is compared with each of its names
def initials(name: str, minor: bool = False) -> str:
    """The capitals of a name's main words: "Regional Comprehensive Economic Partnership" -> "RCEP";
    with `minor`, its small words' too: "Department of Energy" -> "DOE"."""
    words = [w for w in re.split(r"[\s\-]+", name) if w and (minor or w.lower() not in MINOR_WORDS)]
    return "".join(w[0].upper() for w in words if w[0].isupper() or (minor and w.lower() in MINOR_WORDS))


def _offices_by_key(articles: Iterable[Sequence[EntityMention]]) -> dict[str, set[str]]:
    """The offices each full name of a person bears anywhere in the corpus, by key."""
    offices: dict[str, set[str]] = defaultdict(set)
    for mentions in articles:
        for office, m in _offices(mentions):
            if m.kind == "person" and " " in m.name:
                offices[entity_key(m.name)].add(office)
    return offices


def _office_holders(name: str, owners: list[str], here: Mapping[str, set[str]],
                    corpus: Mapping[str, set[str]]) -> list[str]:
    """Of the full names a lone surname may stand for in an article, those it can with the office
    it is given ("President Biden"): the ones bearing it here, else anywhere in the corpus; else all,
    unless another person of the surname bears it (the First Lady is not "President Biden")."""
    wanted = here[name]
    if not wanted:
        return owners
    for offices in (here, {o: corpus.get(entity_key(o), set()) for o in owners}):
        bearing = [o for o in owners if wanted & offices[o]]
        if bearing:
            return bearing
    family = name.lower()
    elsewhere = any(wanted & held for key, held in corpus.items() if key.split()[-1] == family)
    return [] if elsewhere else owners


def _resolve_within(mentions: Sequence[EntityMention], corpus_offices: Mapping[str, set[str]] | None = None
                    ) -> tuple[dict[str, str], list[tuple[str, str]]]:
    """Each name of one article -> its key; and the acronym keys to join across the corpus.
    `corpus_offices`: the offices each full name bears across the corpus (_offices_by_key)."""
    names = {m.name: m for m in mentions}
    keys = {name: entity_key(name) for name in names}
    people = [n for n, m in names.items() if m.kind == "person" and not surname_shaped(n)]
    offices = _offices_by_name(mentions)
    for name, mention in names.items():
        if not surname_shaped(name) or known_entity(name):
            continue
        owners = [p for p in people if _family_name_of(name, p) or name.lower() == p.split()[0].lower()]
        owners = _office_holders(name, owners, offices, corpus_offices or {})
        if owners:  # of two Grays, the one named first is the one the story calls "Gray"
            keys[name] = keys[owners[0]]
        elif not owners and mention.kind == "person":
            twin = _misspelt_twin(name, mentions)
            if twin:
                keys[name] = keys[twin]
    joins = []
    for name in names:
        expansion = _expansion(name, names) if ACRONYM.match(name) and not known_entity(name) else None
        expansion = expansion or _opened_by(name, names)
        if expansion:
            joins.append((keys[name], keys[expansion]))
            keys[name] = keys[expansion]
    return keys, joins


def _family_name_of(name: str, person: str) -> bool:
    """Whether `name` ends the person's full name, hyphens as spaces and particles aside, which
    sources write as they please ("Kilroy-Silk" of "Robert Kilroy Silk", "Van de Vijver" of
    "Walter van der Vijver")."""
    def core(n: str) -> list[str]:
        return [w for w in re.split(r"[\s-]+", n.lower()) if w and w not in NAME_PARTICLES]
    family, full = core(name), core(person)
    return 0 < len(family) < len(full) and full[-len(family):] == family


def is_form_of_address(title: str) -> bool:
    """Whether a title is a form of address, which says how to speak to someone and no office
    ("Mr", "Sir", "Said Mr" where the model ran a verb into it), unlike an office that ends on one
    ("First Lady")."""
    lowered = title.lower().rstrip(".")
    if lowered in FORMS_OF_ADDRESS or lowered in vocabulary().titles:
        return lowered in FORMS_OF_ADDRESS
    return lowered.split()[-1] in FORMS_OF_ADDRESS


def _offices(mentions: Sequence[EntityMention]) -> Iterator[tuple[str, EntityMention]]:
    """The mentions that give an office ("president", not "mr"), with the office."""
    for m in mentions:
        if m.title and not is_form_of_address(m.title):
            yield m.title.lower(), m


def _offices_by_name(mentions: Sequence[EntityMention]) -> dict[str, set[str]]:
    """The offices one article gives each of its names."""
    offices: dict[str, set[str]] = defaultdict(set)
    for office, m in _offices(mentions):
        offices[m.name].add(office)
    return offices


def _resolve_by_context(articles: Sequence[tuple[str, Sequence[EntityMention], dict[str, str]]],
                        offices_of: Mapping[str, set[str]]) -> None:
    """A lone surname an article leaves unresolved ("Bush", no full name beside it) is the person
    of that surname whose other articles name what this one names: George W. Bush where the
    Endangered Species Act is, Reggie Bush where the Saints are. The evidence is the names the
    articles share, each rarer than one article in RARE_SHARE; at least CONTEXT_MIN of them, and
    twice those of any other person of the surname. A surname given an office ("President Bush")
    is only a person who bears it somewhere (`offices_of`: _offices_by_key)."""
    briefs_of: dict[str, set[str]] = defaultdict(set)  # key -> briefs naming it
    for brief, _, local in articles:
        for key in set(local.values()):
            briefs_of[key].add(brief)
    keys_in = {brief: set(local.values()) for brief, _, local in articles}
    rare = max(2, int(RARE_SHARE * len(articles)))
    by_family: dict[str, set[str]] = defaultdict(set)  # "bush" -> {"george w bush", "reggie bush"}
    for _, mentions, local in articles:
        for m in mentions:
            key = local[m.name]
            if m.kind == "person" and 1 < len(key.split()) <= MAX_NAME_WORDS and not key.startswith("known:"):
                by_family[name_parts(key)[2] or key.split()[-1]].add(key)
    rare_in = {brief: {k for k in keys if len(briefs_of[k]) <= rare} for brief, keys in keys_in.items()}
    for brief, mentions, local in articles:
        offices_here = _offices_by_name(mentions)
        for name in {m.name for m in mentions}:
            key = local[name]
            if " " in key or key != name_key(name) or key not in by_family:
                continue
            # "President Biden" is a Biden the corpus calls President
            fulls = [f for f in sorted(by_family[key])
                     if not offices_here[name] or offices_here[name] & offices_of.get(f, set())]
            if not fulls:
                continue
            scores = []
            for full in fulls:
                # the rare names of the person's other briefs
                context = set().union(*(rare_in[b] for b in briefs_of[full] - {brief})) - {full, key}
                scores.append((len(rare_in[brief] & context), full))
            scores.sort(reverse=True)
            best, full = scores[0]
            runner_up = scores[1][0] if len(scores) > 1 else 0
            if best >= CONTEXT_MIN and best >= 2 * runner_up:
                local[name] = full


def _expansion(acronym: str, names: Collection[str]) -> str | None:
    """The one name of the article that the acronym abbreviates, give or take a last word ("Agreement")."""
    letters = acronym.replace(".", "")
    found = [
        n for n in names
        if len(n.split()) > 1 and (letters in (initials(n), initials(n, minor=True))
                                   or (initials(n)[:-1] == letters and len(letters) > 2))
    ]
    return found[0] if len(found) == 1 else None


def _opened_by(acronym: str, mentions: Mapping[str, EntityMention]) -> str | None:
    """The organisation this acronym is the short name of, having opened its full name earlier
    in the article: "ATI Technologies Inc ... ATI said" (not "NFL" before "NFL Network")."""
    if not ACRONYM.match(acronym) or known_entity(acronym):
        return None
    order = list(mentions)
    found = [n for n in order[: order.index(acronym)]
             if len(n.split()) == 2 and n.split()[0] == acronym and mentions[n].kind == "organisation"]
    return found[0] if len(found) == 1 else None


def _misspelt_twin(name: str, mentions: Sequence[EntityMention]) -> str | None:
    """Another person of the same article whose surname this one misspells, seen at least as often."""
    counts = Counter(m.name for m in mentions)
    titles: dict[str, set[str]] = defaultdict(set)
    for m in mentions:
        if m.title:
            titles[m.name].add(m.title.split()[-1].lower())
    best, best_score = None, 0.0
    for other in dict.fromkeys(m.name for m in mentions if m.kind == "person" and m.name != name):
        surname = other.split()[-1]
        score = fuzz.ratio(name.lower(), surname.lower())
        same_title = bool(titles[name] & titles[other]) or not titles[name]
        if score >= FUZZY_MIN and surname[0].lower() == name[0].lower() and same_title and score > best_score:
            best, best_score = other, score
    return best if best is not None and counts[best] >= counts[name] else None


def _join_full_names(groups: _Groups) -> None:
    """Full names of one person, however written ("Joe Biden", "Joseph R. Biden Jr"), are one."""
    people = [k for k in groups.sorted_keys() if groups.kind_of(k) == "person" and not k.startswith("known:")]
    for group in one_person_groups(people):
        for other in group[1:]:
            groups.union.join(group[0], other)


def _join_misspelt_people(groups: _Groups) -> None:
    """Full names that differ in one word by a letter or two, the same elsewhere, are one person
    misspelt ("Duncan Raite" / "Duncan Rait", "Jerymayne Timmons" / "Jermayne Timmons")."""
    alike: dict[tuple[int, int, tuple[str, ...]], list[tuple[str, str]]] = defaultdict(list)
    for key in groups.sorted_keys():
        words = key.split()
        if groups.kind_of(key) != "person" or key.startswith("known:") or not 1 < len(words) <= MAX_NAME_WORDS:
            continue
        for i, word in enumerate(words):
            alike[(len(words), i, tuple(words[:i] + words[i + 1:]))].append((word, key))
    for members in alike.values():
        for (a, key_a), (b, key_b) in combinations(members, 2):
            if (min(len(a), len(b)) >= MISSPELT_LENGTH and a[0] == b[0]
                    and fuzz.ratio(a, b) >= MISSPELT_ALIKE and names_agree([key_a, key_b])):
                groups.union.join(key_a, key_b)


def _join_people(groups: _Groups) -> None:
    """A lone surname (or first and last name) joins the full name that dominates it in the corpus."""
    people = [k for k in groups.sorted_keys() if groups.kind_of(k) == "person" and not k.startswith("known:")]
    # given names of the names that read as a person's (not "Biden's Inflation Reduction Act")
    given = {k.split()[0] for k in people if 1 < len(k.split()) <= MAX_NAME_WORDS}
    by_part: dict[str, set[str]] = defaultdict(set)
    for key in people:
        parts = key.split()
        family = name_parts(key)[2] or parts[-1]  # "joseph r biden jr": Biden, not Jr
        if len(parts) > 1:
            by_part[family].add(key)
            by_part[family.split()[-1]].add(key)  # "al sisi": Sisi
        if len(parts) > 2:
            by_part[f"{parts[0]} {family}"].add(key)
        if len(parts) > 1 and family == parts[-1]:  # "j blinken": Antony J. Blinken's middle initial
            for given_or_middle in parts[:-1]:
                by_part[f"{given_or_middle[0]} {family}"].add(key)
    for key in people:
        titled_alike = _titled_alike(groups, key, by_part.get(key, ()))
        if titled_alike is not None:  # "President Biden" is the one Biden the texts call President
            groups.union.join(key, titled_alike)
            continue
        if key in given:
            continue  # "Charles" is Charles Kennedy's given name and Ray Charles's surname: unknown
        found: dict[str, set[str]] = defaultdict(set)  # each rival person's briefs, all forms of the name
        for full in by_part.get(key, set()) - {key}:
            found[groups.union.find(full)] |= groups.briefs[full]
        rivals = {root: len(briefs) for root, briefs in found.items()}
        if not rivals:
            continue
        best, briefs = max(rivals.items(), key=lambda item: (item[1], item[0]))
        # the full name must dominate its rivals, and a lone name that outnumbers it must have
        # been titled like a person ("Lord Goldsmith"), not be a word ("Bill" / "Kill Bill")
        dwarfed = DOMINANT * briefs < len(groups.briefs[key]) and not groups.titled[key]
        if briefs >= DOMINANT * (sum(rivals.values()) - briefs) and not dwarfed:
            groups.union.join(key, best)


def _titled_alike(groups: _Groups, key: str, fulls: Collection[str]) -> str | None:
    """The one person among the full names of this surname (`fulls`) who bears the title the
    lone name mostly bears."""
    titles = groups.titles.get(key)
    if not titles:
        return None
    title, _ = titles.most_common(1)[0]
    members: dict[str, Counter[str]] = defaultdict(Counter)
    for full in fulls:
        members[groups.union.find(full)] += groups.titles.get(full, Counter())
    bearing = sorted(((counted[title], root) for root, counted in members.items() if counted[title]), reverse=True)
    others = sum(n for n, _ in bearing[1:])
    return bearing[0][1] if bearing and bearing[0][0] >= TITLE_DOMINANT * others else None


def _join_variants(groups: _Groups) -> None:
    """Organisations named with or without a legal suffix, and plurals of group names, are one;
    so is one named with or without the place it is of, when one place's alone carries the name
    ("Saints" and "New Orleans Saints", unless the corpus also has a "Texas Saints")."""
    keys = set(groups.sorted_keys())
    of_place: dict[str, list[str]] = defaultdict(list)  # "saints" -> ["new orleans saints"]
    for key in keys:
        words = key.split()
        for cut in range(1, len(words)):
            place = " ".join(words[:cut])
            if place in keys and groups.kind_of(place) == "place" and groups.kind_of(key) == "organisation":
                of_place[" ".join(words[cut:])].append(key)
    for key in sorted(keys):
        if groups.kind_of(key) == "person" or key.startswith("known:"):
            continue
        variants = [f"{key} {suffix}" for suffix in vocabulary().name_suffixes] + [f"{key}s"]
        for variant in variants:
            if variant in keys and groups.kind_of(variant) != "person":
                groups.union.join(key, variant)
        placed = of_place.get(key, [])
        if len(placed) == 1 and groups.kind_of(key) == "organisation":
            groups.union.join(key, placed[0])


def _join_initials(groups: _Groups) -> None:
    """An acronym no article spells out is the one organisation of the corpus whose initials it
    is ("USGS", "FBI", "DOE"; "HP" for Hewlett-Packard), when only one has them and a brief
    names both."""
    organisations = [k for k in groups.sorted_keys() if groups.kind_of(k) == "organisation"]
    by_initials: dict[str, set[str]] = defaultdict(set)
    for key in organisations:
        name = groups.most_written(key)
        if len(re.split(r"[\s\-]+", name)) > 1:
            for letters in {initials(name), initials(name, minor=True)}:
                by_initials[letters].add(key)
    for key in organisations:
        name = groups.most_written(key)
        found = by_initials.get(name.replace(".", ""), set())
        if ACRONYM.match(name) and len(found) == 1:
            (expansion,) = found
            if groups.briefs[key] & groups.briefs[expansion]:
                groups.union.join(key, expansion)


def _join_countries(groups: _Groups) -> None:
    """A country under any of the names ISO 3166 gives it (pycountry: "China" and "People's
    Republic of China", "Russian Federation" and the "Russia" its name opens with) is one place."""
    by_code: dict[str, list[str]] = defaultdict(list)
    for key in groups.sorted_keys():
        if groups.kind_of(key) == "place":
            code = country_code(groups.most_written(key))
            if code:
                by_code[code].append(key)
    for keys in by_code.values():
        for other in keys[1:]:
            groups.union.join(keys[0], other)


@memo(MANY)
def country_code(name: str) -> str | None:
    """The ISO code of the country this is a name of: its short, official or common name, or
    the one country whose name it opens ("Russia"); never a code alone ("IN" is also a word)."""
    name = name.replace("’", "'")
    if len(name) < 4:
        return None
    try:
        return str(pycountry.countries.lookup(name).alpha_2)
    except LookupError:
        pass
    opening = name.casefold()
    found = {code for first, code in _country_openings()
             if first.startswith(opening) and len(first) - len(opening) <= ADJECTIVE_ENDING}
    return found.pop() if len(found) == 1 and " " not in name else None


@memo(ONE)
def _country_openings() -> tuple[tuple[str, str], ...]:
    """The first word of every name of every country, with its code: ("russian", "RU")."""
    return tuple((str(getattr(country, field)).split()[0].casefold(), str(country.alpha_2))
                 for country in pycountry.countries for field in ("name", "official_name", "common_name")
                 if getattr(country, field, None))


def _most_written_country(seen: Counter[str], code: str) -> str | None:
    """Of a country's forms, the one the texts write most ("Israel", not the "State of Israel"
    its fullest form; "Russia", not the "Russian Federation"); of equals, the shorter."""
    forms = [n for n in seen if not n.isupper() and country_code(n) == code]
    return min(forms, key=lambda n: (-seen[n], len(n), n)) if forms else None


def _records(groups: _Groups, not_names: frozenset[str]) -> tuple[list[EntityRecord], dict[str, str]]:
    members: dict[str, list[str]] = defaultdict(list)
    for key in groups.sorted_keys():
        members[groups.union.find(key)].append(key)
    given_names = {k.split()[0] for k in groups.sorted_keys() if groups.kind_of(k) == "person" and len(k.split()) > 1}
    records: list[EntityRecord] = []
    slug_of_key: dict[str, str] = {}
    used: set[str] = set()
    for root in sorted(members):
        keys = members[root]
        seen = sum((groups.names[k] for k in keys), Counter())
        known = next((known_entity(n) for n in seen if known_entity(n)), None)
        if known:
            kind, name, listed = known.kind, known.name, True
        else:
            name = _fullest(seen)
            kind, listed = _checked_kind(groups, keys, name, not_names)
            if kind == "place" and (code := country_code(name)):
                name = _most_written_country(seen, code) or name
            # a lone given name that no full name took ("Bill") or a common word is no usable name
            unusable = all(" " not in n and (name_key(n) in given_names or n in not_names) for n in seen)
            listed = listed and not unusable
        slug = _unique_slug(name, kind, used)
        # ties (names differing only in case) sort as written: the same order in every run
        aliases = tuple(sorted({n for n in seen if n != name}, key=lambda n: (n.lower(), n)))
        records.append(EntityRecord(slug, name, kind, aliases, listed))
        slug_of_key.update((key, slug) for key in keys)
    return records, slug_of_key


def _checked_kind(groups: _Groups, keys: list[str], name: str, words: Collection[str] = ()) -> tuple[Kind, bool]:
    """The kind most mentions give, checked for people: (kind, whether the name is usable).

    The model takes many firms and products for people. A person is trusted with a title
    ("Mr", "Minister") or, for a full name, nearly unanimous votes; otherwise the name is
    an organisation when some mentions say it is not a person, and unusable when none do.
    Nor is a name a person's when the text puts an article before it ("the Rose Garden"), or
    when it opens on a word the corpus writes in lower case (`words`: "Head Start") that is no
    known given name.
    """
    votes = sum((groups.kinds[k] for k in keys), Counter())
    kind = _majority(votes)
    titled = sum(groups.titled[k] for k in keys)
    cued = sum(groups.cued[k] for k in keys)
    determined = any(groups.determined[k] for k in keys)
    if kind == "person" and not titled and not cued and (determined or _worded(name, words)):
        return _not_a_person(votes)
    # a full name of a known given name, titled or called a person often enough, is one whatever
    # the model's majority said ("Lindsay Lohan" as an organisation)
    if person_shaped(name) and (titled or PERSON_SHARE * votes.total() <= votes["person"]):
        return "person", True
    # a full name the text treats as a person's ("Zurana Horton, who …"), whatever its given name
    if FULL_NAME.match(name) and votes["person"] and cued:
        return "person", True
    # a name with a person's suffix ("Arcade Joseph Comeaux Jr"), or a lone name the text treats
    # as a person's that nearly every mention calls one ("Gray, 16, …"), is a person
    if (NAME_SUFFIX.search(name) and 2 * votes["person"] > votes.total()) or (
            cued and votes["person"] >= UNANIMOUS * votes.total()):
        return "person", True
    if kind != "person" or titled > 0:
        return kind, True
    others = Counter({k: n for k, n in votes.items() if k != "person"})
    if len(name.split()) > 1 and votes["person"] >= UNANIMOUS * sum(votes.values()):
        return kind, True
    if not others:
        return kind, len(name.split()) > 1
    return _not_a_person(votes)


def _not_a_person(votes: Counter[Kind]) -> tuple[Kind, bool]:
    """The kind of a name the model called a person and is not: a place when a good share of the
    mentions say so ("Papua"); else the votes for a person say it acts: an organisation ("Jaguars",
    a team); unusable when no mention gives another kind."""
    others = Counter({k: n for k, n in votes.items() if k != "person"})
    if not others:
        return "person", False
    place = others["place"] >= max(others.values()) and 3 * others["place"] >= votes.total()
    return ("place" if place else "organisation"), True


def _worded(name: str, words: Collection[str]) -> bool:
    """A name of several words that opens on a common word, not a known given name ("Head Start").
    A family name may be a word ("Jared Golden", "Condoleezza Rice"), a given name seldom is."""
    parts = name.split()
    return len(parts) > 1 and not person_shaped(name) and parts[0] in words


def _majority(votes: Counter[Kind]) -> Kind:
    """The kind with the most votes; of equals, the first in KINDS (max keeps the first it meets)."""
    return max(KINDS, key=votes.__getitem__)


def _fullest(seen: Counter[str]) -> str:
    """The fullest form: most capitalised words, fewest others ("news agency"), spelt out rather than
    an acronym, most often seen; a name in capitals throughout ("JODIE HAYDON", a transcript's
    label) only when no other form is."""
    def proper(n: str) -> int:  # the particles of a family name count ("Walter van der Vijver")
        return sum(w[:1].isupper() or w[:1].isdigit() or w in NAME_PARTICLES for w in n.split())

    def shouted(n: str) -> bool:
        return " " in n and n.isupper()

    return min(seen, key=lambda n: (shouted(n), -proper(n), len(n.split()) - proper(n), bool(ACRONYM.match(n)),
                                    -seen[n], -len(n), n))


def _unique_slug(name: str, kind: str, used: set[str]) -> str:
    base = slug(name, "entity")
    return first_free(chain((base, f"{base}-{kind}"), (f"{base}-{kind}-{n}" for n in count(2))), used)


class _Groups:
    """Keys (normalised names) with their votes, briefs and forms, joined into entities."""

    def __init__(self) -> None:
        self.union = _UnionFind()
        self.kinds: dict[str, Counter[Kind]] = defaultdict(Counter)
        self.names: dict[str, Counter[str]] = defaultdict(Counter)
        self.briefs: dict[str, set[str]] = defaultdict(set)
        self.titled: Counter[str] = Counter()
        self.cued: Counter[str] = Counter()  # mentions the text treats as a person's (brief.mentions)
        self.determined: Counter[str] = Counter()  # mentions after an article: a thing's ("the Rose Garden")
        self.titles: dict[str, Counter[str]] = defaultdict(Counter)  # "president", "secretary", ...

    def add(self, key: str, mention: EntityMention, brief: str) -> None:
        self.union.add(key)
        self.kinds[key][mention.kind] += 1
        self.names[key][mention.name] += 1
        self.briefs[key].add(brief)
        self.titled[key] += bool(mention.title)
        self.cued[key] += mention.person_cue
        self.determined[key] += mention.determined
        if mention.title:  # each word of it: "Secretary Blinken" is Secretary of State Antony Blinken
            self.titles[key].update(w for w in mention.title.lower().split() if w not in MINOR_WORDS)

    def sorted_keys(self) -> list[str]:
        return sorted(self.kinds)

    def most_written(self, key: str) -> str:
        """The form of the key's name the briefs write most often."""
        return self.names[key].most_common(1)[0][0]

    def kind_of(self, key: str) -> Kind:
        return _majority(self.kinds[key])


class _UnionFind:
    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def add(self, key: str) -> None:
        self.parent.setdefault(key, key)

    def find(self, key: str) -> str:
        root = key
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[key] != root:
            self.parent[key], key = root, self.parent[key]
        return root

    def join(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:  # the smaller key becomes the root, so the result is order-independent
            self.parent[max(ra, rb)] = min(ra, rb)
