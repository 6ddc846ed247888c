"""A story's facts — what happened, when, where and how many — read from all its articles:
the event's day (rules and a learned ranker), its place (votes over datelines, towns and
the gazetteer of US places), its key counts (casualty phrases, named victims), and how sure
each fact is (learned certainty weights shipped as data beside the code)."""

from .story_facts import StoryFacts, story_facts

__all__ = ["StoryFacts", "story_facts"]
