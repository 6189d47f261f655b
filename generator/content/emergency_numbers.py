"""The numbers each country answers in an emergency, so that a site never shows a wrong one.

A number that is not listed here for the country of the site's locale is refused, unless a
person named in `emergency.number_confirmed_by` has confirmed it (`check` then warns).

Sources, to read again before adding a country or a number:
- ITU-T Recommendation E.161.1, "Guidelines to select Emergency Number for public
  telecommunications networks" (itu.int), which names 112 and 911, and the national numbers
  each country's telecoms regulator publishes (below).
- Europe: Council Decision 91/396/EEC and Directive (EU) 2018/1972 (European Electronic
  Communications Code), Article 109, make 112 the emergency number of every member state; the
  European Commission's yearly report "Implementation of the European emergency number 112"
  (digital-strategy.ec.europa.eu) lists each state's national numbers beside it.
- US: FCC, "911 and E911 Services" (fcc.gov). CA: CRTC, "9-1-1 service" (crtc.gc.ca).
  MX: "911 Emergencias" (gob.mx/911). GB: Ofcom, "Calling the emergency services: 999 and 112".
  AU: Triple Zero, "000, 112 and 106" (triplezero.gov.au). NZ: "Call 111" (police.govt.nz).
  IN: Emergency Response Support System, 112 (112.gov.in). ZA: "Emergency services"
  (gov.za): 10177 ambulance, 10111 police, 112 from mobile phones. JP: Fire and Disaster
  Management Agency (119, fire and ambulance) and National Police Agency (110).
"""

from __future__ import annotations

# Country (ISO 3166-1 alpha-2) -> the numbers its emergency services answer. The first is the
# one a site shows when `emergency.number` is left out: the number for a medical emergency,
# or the general one where a country has one. Keep each list to numbers that reach an
# emergency service, never a paid or information line.
BY_COUNTRY: dict[str, tuple[str, ...]] = {
    # North America and the other countries of the Americas that answer 911.
    "US": ("911",), "CA": ("911",), "MX": ("911",), "PR": ("911",), "VI": ("911",),
    "BM": ("911",), "BS": ("911", "919"), "BZ": ("911",), "CR": ("911",), "DO": ("911",),
    "EC": ("911",), "HN": ("911",), "KY": ("911",), "PA": ("911", "104", "103"),
    "PY": ("911",), "SV": ("911",), "UY": ("911",), "AR": ("107", "911", "100", "101"),
    # The Americas with their own numbers.
    "BR": ("192", "193", "190"), "CL": ("131", "132", "133"), "CO": ("123",),
    # The European Union: 112 everywhere, with the national numbers still answered.
    "AT": ("112", "144", "122", "133", "140"),
    "BE": ("112", "100", "101"),
    "BG": ("112", "150", "160", "166"),
    "CY": ("112", "199"),
    "CZ": ("112", "155", "150", "158", "156"),
    "DE": ("112", "110"),
    "DK": ("112",),
    "EE": ("112",),
    "ES": ("112", "061", "080", "091", "092", "062"),
    "FI": ("112",),
    "FR": ("112", "15", "17", "18", "114"),
    "GR": ("112", "166", "100", "199"),
    "HR": ("112", "194", "192", "193"),
    "HU": ("112", "104", "105", "107"),
    "IE": ("112", "999"),
    "IT": ("112", "118", "113", "115"),
    "LT": ("112",),
    "LU": ("112", "113"),
    "LV": ("112", "113", "110"),
    "MT": ("112",),
    "NL": ("112",),
    "PL": ("112", "999", "998", "997"),
    "PT": ("112",),
    "RO": ("112",),
    "SE": ("112",),
    "SI": ("112", "113"),
    "SK": ("112", "155", "150", "158"),
    # The rest of Europe.
    "GB": ("999", "112"), "CH": ("112", "144", "117", "118"), "LI": ("112", "144", "117", "118"),
    "IS": ("112",), "NO": ("112", "113", "110"), "TR": ("112",),
    # Asia, Africa and Oceania.
    "AU": ("000", "112", "106"), "NZ": ("111",),
    "IN": ("112", "102", "108", "100", "101"),
    "ZA": ("112", "10177", "10111"),
    "JP": ("119", "110"), "KR": ("119", "112"), "CN": ("120", "110", "119"),
    "TW": ("119", "110", "112"), "HK": ("999", "112"), "SG": ("995", "999"),
    "MY": ("999", "112"), "PH": ("911",), "IL": ("101", "100", "102"),
}


def country(locale: str) -> str:
    """Return the country of a locale like en-GB (`GB`)."""
    return locale.rsplit("-", 1)[-1].upper()


def numbers_for(locale: str) -> tuple[str, ...]:
    """Return the emergency numbers of the locale's country, the usual one first (or none)."""
    return BY_COUNTRY.get(country(locale), ())


def usual_number(locale: str) -> str | None:
    """Return the number a site in this locale shows, or None when its country is not listed."""
    listed = numbers_for(locale)
    return listed[0] if listed else None


def in_words(numbers: tuple[str, ...]) -> str:
    """Return numbers as a writer reads them: `999 or 112`, `112, 15, 17 or 18`."""
    return " or ".join([", ".join(numbers[:-1]), numbers[-1]] if len(numbers) > 1
                       else list(numbers))
