"""Reading the web: web addresses as inputs, feeds and sitemaps that list them, and the
polite fetching behind them (issue 17).

``session.WebSession`` is the entry point: it turns addresses into inputs that
``ingest.iter_sources`` reads when their turn comes, fetched by ``fetch.Fetcher``
(urllib3) through ``politeness.HostGate`` (per-host rate and connection limits) and
``robots.RobotsRules`` (protego), every response handed to the store. Nothing is
imported here, so that ``import newsdesk`` (and the store, which reads
``web.responses``) does not load the HTTP and feed libraries.
"""
