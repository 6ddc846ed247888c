"""HTML pages: the article's text (trafilatura with the house's filters), its title, authors,
bylines and dates from meta tags, JSON-LD and the page, and what was removed and why."""

from .extract import extract_html, extract_page_meta

__all__ = ["extract_html", "extract_page_meta"]
