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
    """Raise why ``url`` may not be read: E117 not http(s), E113 no host, E116 a host
    written as a private address. A host *name* is checked where it matters, on the
    address the connection reached (:func:`check_peer`): resolving it here first would
    leave a gap for a name that resolves to a public address now and a private one when
    the connection is made (DNS rebinding)."""
    parts = urlsplit(url)
    if parts.scheme.lower() not in SCHEMES:
        raise NewsdeskError("E117", scheme=parts.scheme or "none")
    try:
        host = parts.hostname
        parts.port  # noqa: B018 (read for the ValueError a port that is no number raises)
    except ValueError as err:
        raise NewsdeskError("E113", detail=str(err)) from None
    if not host:
        raise NewsdeskError("E113", detail="the address names no host")
    if allow_private:
        return
    try:
        written = ipaddress.ip_address(host.split("%")[0])
    except ValueError:
        if host.rstrip(".").lower() == "localhost" or host.lower().endswith(".localhost"):
            raise NewsdeskError("E116", host=host, ip="loopback") from None
        return
    if not public(written):
        raise NewsdeskError("E116", host=host, ip=str(written))


def public(address: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
    """Is ``address`` on the public internet (not private, loopback, link-local,
    reserved, ...)? An IPv4 address written as IPv6 (``::ffff:127.0.0.1``) is judged
    as itself."""
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped:
        address = address.ipv4_mapped
    return address.is_global


def check_peer(sock: socket.socket, host: str) -> None:
    """Raise E116 when the connection ``sock`` reached a non-public address."""
    peer = str(sock.getpeername()[0]).split("%")[0]
    address = ipaddress.ip_address(peer)
    if not public(address):
        raise NewsdeskError("E116", host=host, ip=str(address))
