"""By-site folds of the extraction benchmark: one part to tune on, one to report on.

A page's site is the host of its URL (without ``www.``), or, for entries keyed by a
label (``hard::…``), the file name up to its first dot.  Sites, not pages, are split,
so a held-out score never benefits from rules tuned on sibling pages of one site.
The split is fixed by a hash, so it cannot drift toward whatever scores well.
"""

from __future__ import annotations

import hashlib
from urllib.parse import urlsplit


def site_of(key: str, file: str) -> str:
    if key.startswith(("http://", "https://")):
        host = urlsplit(key).netloc.lower()
        return host[4:] if host.startswith("www.") else host
    return file.split(".")[0].lower()


def fold_of(key: str, file: str) -> str:
    """'tune' or 'report' (about half the sites each)."""
    digest = hashlib.sha1(site_of(key, file).encode("utf-8")).digest()
    return "tune" if digest[0] % 2 == 0 else "report"
