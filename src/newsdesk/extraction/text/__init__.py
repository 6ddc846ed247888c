"""Plain-text scrapes: the article's lines kept and the page furniture (menus, related-story
lists, share prompts, sign-up walls) dropped by a line model shipped as data."""

from .extract import extract_plain_text, given_text, signup_wall

__all__ = ["extract_plain_text", "given_text", "signup_wall"]
