"""Country names, so a story's place can tell a country ("North Korea") from a city.

The list is CLDR's English territory names (as Babel 2.19 gives them, two-letter codes
only, written out here so nothing is looked up at run time), plus names news uses that
CLDR does not ("Britain", "Ivory Coast", "Gaza"). The United States is left out: its
own names are in ``event_place``.
"""

from __future__ import annotations

COUNTRIES = frozenset(name.casefold() for name in (
    "Afghanistan", "Albania", "Algeria", "American Samoa", "Andorra", "Angola", "Anguilla",
    "Antarctica", "Antigua & Barbuda", "Argentina", "Armenia", "Aruba", "Ascension Island",
    "Australia", "Austria", "Azerbaijan", "Bahamas", "Bahrain", "Bangladesh", "Barbados",
    "Belarus", "Belgium", "Belize", "Benin", "Bermuda", "Bhutan", "Bolivia",
    "Bosnia & Herzegovina", "Botswana", "Bouvet Island", "Brazil", "Britain",
    "British Indian Ocean Territory", "British Virgin Islands", "Brunei", "Bulgaria",
    "Burkina Faso", "Burma", "Burundi", "Cambodia", "Cameroon", "Canada", "Canary Islands",
    "Cape Verde", "Caribbean Netherlands", "Cayman Islands", "Central African Republic",
    "Ceuta & Melilla", "Chad", "Chile", "China", "Christmas Island", "Clipperton Island",
    "Cocos (Keeling) Islands", "Colombia", "Comoros", "Congo - Brazzaville",
    "Congo - Kinshasa", "Cook Islands", "Costa Rica", "Crimea", "Croatia", "Cuba", "Curaçao",
    "Cyprus", "Czech Republic", "Czechia", "Côte d’Ivoire", "Denmark", "Diego Garcia",
    "Djibouti", "Dominica", "Dominican Republic", "Ecuador", "Egypt", "El Salvador", "England",
    "Equatorial Guinea", "Eritrea", "Estonia", "Eswatini", "Ethiopia", "Falkland Islands",
    "Faroe Islands", "Fiji", "Finland", "France", "French Guiana", "French Polynesia",
    "French Southern and Antarctic Lands", "Gabon", "Gambia", "Gaza", "Georgia", "Germany",
    "Ghana", "Gibraltar", "Great Britain", "Greece", "Greenland", "Grenada", "Guadeloupe",
    "Guam", "Guatemala", "Guernsey", "Guinea", "Guinea-Bissau", "Guyana", "Haiti",
    "Heard Island & McDonald Islands", "Holland", "Honduras", "Hong Kong SAR China", "Hungary",
    "Iceland", "India", "Indonesia", "Iran", "Iraq", "Ireland", "Isle of Man", "Israel",
    "Italy", "Ivory Coast", "Jamaica", "Japan", "Jersey", "Jordan", "Kazakhstan", "Kenya",
    "Kiribati", "Korea", "Kosovo", "Kuwait", "Kyrgyzstan", "Laos", "Latvia", "Lebanon",
    "Lesotho", "Liberia", "Libya", "Liechtenstein", "Lithuania", "Luxembourg",
    "Macao SAR China", "Madagascar", "Malawi", "Malaysia", "Maldives", "Mali", "Malta",
    "Marshall Islands", "Martinique", "Mauritania", "Mauritius", "Mayotte", "Mexico",
    "Micronesia", "Moldova", "Monaco", "Mongolia", "Montenegro", "Montserrat", "Morocco",
    "Mozambique", "Myanmar (Burma)", "Namibia", "Nauru", "Nepal", "Netherlands",
    "New Caledonia", "New Zealand", "Nicaragua", "Niger", "Nigeria", "Niue", "Norfolk Island",
    "North Korea", "North Macedonia", "Northern Ireland", "Northern Mariana Islands", "Norway",
    "Oman", "Pakistan", "Palau", "Palestine", "Palestinian Territories", "Panama",
    "Papua New Guinea", "Paraguay", "Peru", "Philippines", "Pitcairn Islands", "Poland",
    "Portugal", "Puerto Rico", "Qatar", "Romania", "Russia", "Rwanda", "Réunion", "Samoa",
    "San Marino", "Sark", "Saudi Arabia", "Scotland", "Senegal", "Serbia", "Seychelles",
    "Sierra Leone", "Singapore", "Sint Maarten", "Slovakia", "Slovenia", "Solomon Islands",
    "Somalia", "South Africa", "South Georgia & South Sandwich Islands", "South Korea",
    "South Sudan", "Soviet Union", "Spain", "Sri Lanka", "St. Barthélemy",
    "St. Helena, Ascension & Tristan da Cunha", "St. Kitts & Nevis", "St. Lucia", "St. Martin",
    "St. Pierre & Miquelon", "St. Vincent & Grenadines", "Sudan", "Suriname",
    "Svalbard & Jan Mayen", "Sweden", "Switzerland", "Syria", "São Tomé & Príncipe", "Taiwan",
    "Tajikistan", "Tanzania", "Thailand", "Timor-Leste", "Togo", "Tokelau", "Tonga",
    "Trinidad & Tobago", "Tristan da Cunha", "Tunisia", "Turkmenistan",
    "Turks & Caicos Islands", "Tuvalu", "Türkiye", "U.S. Outlying Islands",
    "U.S. Virgin Islands", "USSR", "Uganda", "Ukraine", "United Arab Emirates",
    "United Kingdom", "Uruguay", "Uzbekistan", "Vanuatu", "Vatican City", "Venezuela",
    "Vietnam", "Wales", "Wallis & Futuna", "West Bank", "Western Sahara", "Yemen", "Zambia",
    "Zimbabwe", "Åland Islands",
))


def is_country(name: str) -> bool:
    return " ".join(name.split()).casefold().removeprefix("the ") in COUNTRIES
