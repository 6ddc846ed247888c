"""Which inputs are web addresses, their normal form, and which hosts may be read.

A feed or a redirect is written by someone else: it must not be able to make newsdesk
read the user's own network (a router's admin page, a cloud metadata service at
169.254.169.254). So an address is read only over http(s), and only when every address
its host name resolves to is a public one, unless the user allows private ones
(``--allow-private``, the ``allow_private`` setting).
"""

from __future__ import annotations

import ipaddress
import socket
from urllib.parse import urlsplit

from courlan import normalize_url

from ..errors import NewsdeskError
from ..ingest.memory import is_address

__all__ = ["check_address", "is_address", "normal_address"]

SCHEMES = ("http", "https")


def normal_address(url: str) -> str:
    """The address as fetched and stored: scheme and host in lower case, default port
    and fragment dropped, spaces escaped (courlan's ``normalize_url``, which trafilatura
    uses for the same job). The query is kept but for tracking parameters (``utm_*``): a
    news site's ``?id=`` is the article."""
    parts = urlsplit(url.strip())
    try:
        return normalize_url(parts._replace(fragment=""), strict=False)
    except ValueError:  # a port that is no number: refused later, named as given
        return url.strip()


def check_address(url: str, allow_private: bool) -> None:
    """Raise why ``url`` may not be read: E117 not http(s), E113 no host or one that does
    not resolve, E116 a private address. Every address the host resolves to is checked: a name
    that resolves to one public and one private address is refused."""
    parts = urlsplit(url)
    if parts.scheme.lower() not in SCHEMES:
        raise NewsdeskError("E117", scheme=parts.scheme or "none")
    try:
        host, port = parts.hostname, parts.port
    except ValueError as err:
        raise NewsdeskError("E113", detail=str(err)) from None
    if not host:
        raise NewsdeskError("E113", detail="the address names no host")
    if allow_private:
        return
    try:
        found = socket.getaddrinfo(host, port or 80, proto=socket.IPPROTO_TCP)
    except (OSError, UnicodeError) as err:
        raise NewsdeskError("E113", detail=f"cannot resolve {host}: {err}") from None
    for *_, sockaddr in found:
        address = ipaddress.ip_address(str(sockaddr[0]).split("%")[0])
        if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped:
            address = address.ipv4_mapped  # ::ffff:127.0.0.1 is loopback too
        if not address.is_global:
            raise NewsdeskError("E116", host=host, ip=str(address))
