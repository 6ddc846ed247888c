"""Web and e-mail domains of a page: which site it is on, which addresses it signs with.

The registered domain ("bbc.co.uk" for "www.bbc.co.uk", "example.blogspot.com" for a
blog) comes from the ``tld`` package (the Public Suffix List, shipped with it; installed
with trafilatura's URL helper courlan). On a hosting platform of the registry
(``someone.wordpress.com``) the whole host is the site.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from tld import get_fld

from ..group.grouping import url_host

# An address on a line of its own, or at the end of an author box line: "content@x.com".
_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@((?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,})\b",
                    re.IGNORECASE)
# Mail services anyone can sign up to: their domain says nothing about an outlet.
FREE_MAIL = frozenset([
    "gmail.com", "googlemail.com", "yahoo.com", "yahoo.co.uk", "yahoo.co.jp", "ymail.com",
    "hotmail.com", "hotmail.co.uk", "outlook.com", "live.com", "msn.com", "aol.com",
    "icloud.com", "me.com", "mac.com", "proton.me", "protonmail.com", "gmx.de", "gmx.net",
    "gmx.at", "gmx.ch", "web.de", "t-online.de", "mail.ru", "yandex.ru", "yandex.com",
    "naver.com", "daum.net", "hanmail.net", "qq.com", "163.com", "126.com", "sina.com",
    "zoho.com", "fastmail.com", "hey.com", "tutanota.com", "posteo.de", "mailbox.org",
])
# Lines of an author box are short: a name, an address, a role.
MAX_BOX_LINE = 80


def site_domain(url: str | None, platforms: Iterable[str] = ()) -> str | None:
    """The registered domain of a page's URL (an archive copy's original), or the whole
    host on a hosting platform; None for no URL, an address or an unknown suffix."""
    host = host_of(url)
    if not host:
        return None
    registered = get_fld(host, fail_silently=True, fix_protocol=True)
    if not isinstance(registered, str):
        return None
    return host if registered in set(platforms) and host != registered else registered


def host_of(url: str | None) -> str:
    """The page's host (an archive copy's original), lower case, without "www." or a port:
    "http://www.wsbtv.com:80/news/…" is wsbtv.com, as the registry knows it."""
    return url_host(url or "").lower().removeprefix("www.").split(":")[0]


def box_emails(lines: Iterable[str]) -> list[str]:
    """The e-mail domains of short lines (an author box, a contact line), in order; free
    mail services left out."""
    found: list[str] = []
    for line in lines:
        line = line.strip()
        if not line or len(line) > MAX_BOX_LINE:
            continue
        for match in _EMAIL.finditer(line):
            domain = match.group(1).lower()
            registered = get_fld(domain, fail_silently=True, fix_protocol=True)
            domain = registered if isinstance(registered, str) else domain
            if domain not in FREE_MAIL and domain not in found:
                found.append(domain)
    return found
