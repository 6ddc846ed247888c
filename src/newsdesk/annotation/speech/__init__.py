"""Who said what: quotations (quote marks, their speakers, attached paragraphs), reported
speech and attributions ("according to", credits, republications), with the cue words and
the parse relations they share."""

from .attribution import find_attributions
from .quotes import find_quotes

__all__ = ["find_attributions", "find_quotes"]
