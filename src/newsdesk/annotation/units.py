"""Units a figure can carry: currencies, percent words, measures, and the time units that
make a number a duration (handled by the timex module, not here).

Plain look-up tables, keyed by the lower-cased token text, so a unit costs one dict
access.  Canonical units are short and stable: ISO 4217 codes for money, "%" and "pp"
for percentages, "x" for multipliers, conventional abbreviations for measures.
"""

from __future__ import annotations

from .timex.lexicon import MONTHS as _TIMEX_MONTHS
from .timex.lexicon import WEEKDAYS as _TIMEX_WEEKDAYS

CURRENCY_SYMBOLS = {
    "$": "USD", "us$": "USD", "c$": "CAD", "ca$": "CAD", "a$": "AUD", "au$": "AUD",
    "hk$": "HKD", "nz$": "NZD", "s$": "SGD", "r$": "BRL", "£": "GBP", "€": "EUR",
    "¥": "JPY", "₩": "KRW", "₹": "INR", "₽": "RUB", "₴": "UAH",
}  # fmt: skip
ISO_CODES = frozenset({
    "usd", "eur", "gbp", "jpy", "cny", "rmb", "krw", "kpw", "rub", "inr", "cad", "aud",
    "chf", "hkd", "sgd", "brl", "mxn", "zar", "try", "uah", "sek", "nok", "dkk", "pln",
})  # fmt: skip
# (code, factor): "cents" are hundredths of a dollar.
CURRENCY_WORDS = {
    "dollar": ("USD", 1.0), "dollars": ("USD", 1.0), "cent": ("USD", 0.01),
    "cents": ("USD", 0.01), "euro": ("EUR", 1.0), "euros": ("EUR", 1.0),
    "sterling": ("GBP", 1.0), "pence": ("GBP", 0.01), "yen": ("JPY", 1.0),
    "yuan": ("CNY", 1.0), "renminbi": ("CNY", 1.0), "ruble": ("RUB", 1.0),
    "rubles": ("RUB", 1.0), "rouble": ("RUB", 1.0), "roubles": ("RUB", 1.0),
    "won": ("KRW", 1.0), "rupee": ("INR", 1.0), "rupees": ("INR", 1.0),
    "peso": ("MXN", 1.0), "pesos": ("MXN", 1.0), "franc": ("CHF", 1.0),
    "francs": ("CHF", 1.0), "rand": ("ZAR", 1.0), "shekel": ("ILS", 1.0),
    "shekels": ("ILS", 1.0), "lira": ("TRY", 1.0), "riyal": ("SAR", 1.0),
    "riyals": ("SAR", 1.0), "dirham": ("AED", 1.0), "dirhams": ("AED", 1.0),
    "hryvnia": ("UAH", 1.0), "hryvnias": ("UAH", 1.0), "naira": ("NGN", 1.0),
    "baht": ("THB", 1.0), "ringgit": ("MYR", 1.0), "rupiah": ("IDR", 1.0),
    "kronor": ("SEK", 1.0), "krona": ("SEK", 1.0), "zloty": ("PLN", 1.0),
}  # fmt: skip
MEASURES = {
    "km": "km", "kms": "km", "kilometre": "km", "kilometres": "km", "kilometer": "km",
    "kilometers": "km", "mile": "mi", "miles": "mi", "mi": "mi", "metre": "m", "metres": "m",
    "meter": "m", "meters": "m", "cm": "cm", "centimetres": "cm", "centimeters": "cm",
    "mm": "mm", "millimetres": "mm", "millimeters": "mm", "ft": "ft", "foot": "ft",
    "feet": "ft", "inch": "in", "inches": "in", "yard": "yd", "yards": "yd", "yd": "yd",
    "kg": "kg", "kgs": "kg", "kilogram": "kg", "kilograms": "kg", "kilo": "kg", "kilos": "kg",
    "gram": "g", "grams": "g", "tonne": "t", "tonnes": "t", "ton": "t", "tons": "t",
    "lb": "lb", "lbs": "lb", "pound": "lb", "pounds": "lb", "ounce": "oz", "ounces": "oz",
    "oz": "oz", "litre": "L", "litres": "L", "liter": "L", "liters": "L", "gallon": "gal",
    "gallons": "gal", "gal": "gal", "barrel": "bbl", "barrels": "bbl", "bbl": "bbl",
    "acre": "acre", "acres": "acre", "hectare": "ha", "hectares": "ha", "ha": "ha",
    "mph": "mph", "kph": "km/h", "km/h": "km/h", "knot": "kn", "knots": "kn",
    "mw": "MW", "megawatt": "MW", "megawatts": "MW", "gw": "GW", "gigawatt": "GW",
    "gigawatts": "GW", "kw": "kW", "kwh": "kWh", "mwh": "MWh", "gwh": "GWh",
    "psi": "psi", "nm": "nm", "nano": "nm", "nanometre": "nm", "nanometres": "nm",
    "nanometer": "nm", "nanometers": "nm", "micron": "µm", "microns": "µm",
    "megaton": "Mt", "megatons": "Mt", "kiloton": "kt", "kilotons": "kt", "calories": "kcal",
    "gb": "GB", "mb": "MB", "tb": "TB", "degrees": "°", "degree": "°", "°c": "°C",
    "°f": "°F", "c": "°C", "f": "°F", "point": "pt", "points": "pt",
}  # fmt: skip
# Two-token measures: ("square", "miles") → "sq mi".
SQUARE = {"mi": "sq mi", "km": "km²", "m": "m²", "ft": "sq ft"}
TEMPERATURE = {"celsius": "°C", "centigrade": "°C", "fahrenheit": "°F", "c": "°C", "f": "°F"}
TIME_UNITS = frozenset({
    "second", "seconds", "minute", "minutes", "min", "mins", "hour", "hours", "hr", "hrs",
    "day", "days", "night", "nights", "week", "weeks", "fortnight", "fortnights", "month",
    "months", "year", "years", "yr", "yrs", "decade", "decades", "century", "centuries",
    "millennium", "millennia", "weekend", "weekends", "quarter-century", "semester",
    "semesters", "term", "terms", "season", "seasons",
})  # fmt: skip
# A term or season counted is a count ("two terms"), but "a five-year term" is a duration:
# these two only count as time units when hyphen-glued to the number.
HYPHEN_ONLY_TIME = frozenset({"term", "terms", "season", "seasons"})
# Calendar words come from the time-expression lexicon: one list of month and day names.
MONTHS = frozenset(_TIMEX_MONTHS)
WEEKDAYS = frozenset(_TIMEX_WEEKDAYS)
CLOCK_WORDS = frozenset({
    "am", "pm", "a.m.", "p.m.", "a.m", "p.m", "gmt", "bst", "edt", "est", "cet", "cest",
    "utc", "pdt", "pst", "cdt", "cst", "o'clock", "hrs", "jst", "kst",
})  # fmt: skip
