"""Person names: when two full names are one person's ("Joe Biden", "Joseph R. Biden Jr").

The name is parsed into given, middle, family name and suffix (nameparser); given names match
when equal or one is the other's nickname (the `nicknames` data: Joe and Joseph); middle names
and suffixes must not disagree, so George W. Bush is not George H. W. Bush, nor a Jr his Sr. A
name written family name first ("Kishida Fumio") is the same two names in the other order.
"""

from __future__ import annotations

from collections.abc import Iterable
from itertools import pairwise

from nameparser import HumanName

from generator.support.lasting import lasting
from generator.support.names import known_given_name, nicknamer


def _four(value: object) -> tuple[str, str, str, str]:
    if not (isinstance(value, list) and len(value) == 4 and all(isinstance(part, str) for part in value)):
        raise ValueError(f"not a parsed name: {value!r}")
    return (value[0], value[1], value[2], value[3])


@lasting("person-name-parts", _four, ("nameparser",))  # nameparser takes a good part of the link stage
def parts(key: str) -> tuple[str, str, str, str]:
    """(given, middle initials, family, suffix) of a normalised name key ("joseph r biden jr")."""
    name = HumanName(key)
    middle = "".join(word[0] for word in name.middle.split())
    return name.first.lower(), middle, name.last.lower(), name.suffix.lower().rstrip(".")


def same_given(a: str, b: str) -> bool:
    """Whether two given names are one: equal, or one a nickname of the other."""
    namer = nicknamer()
    return a == b or b in namer.nicknames_of(a) | namer.canonicals_of(a) or a in namer.nicknames_of(b)


def same_person(a: str, b: str) -> bool:
    """Whether two full-name keys name one person."""
    given_a, middle_a, family_a, _ = parts(a)
    given_b, middle_b, family_b, _ = parts(b)
    if len(given_a) < 2 or len(given_b) < 2 or not family_a or not family_b:
        return False  # an initial ("J. Blinken") says too little
    if family_a == family_b:
        matched = same_given(given_a, given_b)
    else:  # written in the other order: "Kishida Fumio" and "Fumio Kishida"
        matched = (given_a, family_a) == (family_b, given_b) and not middle_a and not middle_b
    return matched and names_agree([a, b])


def one_person_groups(keys: Iterable[str]) -> list[list[str]]:
    """The full-name keys (two words or more) grouped by person: a name joins a group when it
    names the same person as one of its names and disagrees with none (no Jr beside a Sr)."""
    buckets: dict[frozenset[str], list[str]] = {}
    for key in keys:
        if len(key.split()) < 2:
            continue
        given, _, family, _ = parts(key)
        if family:  # the same family name, or the same two names in either order
            buckets.setdefault(frozenset((family,)), []).append(key)
            if given:
                buckets.setdefault(frozenset((family, given)), []).append(key)
    group_of: dict[str, list[str]] = {}
    for members in buckets.values():
        for i, a in enumerate(members):
            for b in members[i + 1:]:
                ours, theirs = group_of.get(a, [a]), group_of.get(b, [b])
                if ours is theirs or not same_person(a, b) or not names_agree(ours + theirs):
                    continue
                merged = ours + theirs
                for key in merged:
                    group_of[key] = merged
    groups = {id(group): group for group in group_of.values()}
    return sorted((sorted(group) for group in groups.values()), key=lambda group: group[0])


def names_agree(keys: list[str]) -> bool:
    """No two of these names have different suffixes or middle names that cannot be one."""
    suffixes = {parts(key)[3] for key in keys} - {""}
    middles = sorted({parts(key)[1] for key in keys} - {""}, key=len)
    return len(suffixes) <= 1 and all(longer.startswith(shorter) for shorter, longer in pairwise(middles))


def person_shaped(name: str) -> bool:
    """Two to four capitalised words opening on a known given name ("Lindsay Lohan", not "Jordan")."""
    words = name.split()
    if not 2 <= len(words) <= 4 or not all(w[:1].isupper() for w in words):
        return False
    return known_given_name(words[0])
