"""``newsdesk serve``: a local, read-only web app over the SQLite store."""
