"""One person, organisation or place across a story's articles: spelling keys of a name
word (``spelling``, ``misspelling``), names read into parts (``name_keys``), how common a
name is (``census_names``), which mentions name one entity (``merge``), an entity's type
decided by all its mentions (``mention_types``, ``surname_types``), and the story's entity
profiles (``profiles``)."""

from .profiles import StoryEntity, resolve_entities

__all__ = ["StoryEntity", "resolve_entities"]
