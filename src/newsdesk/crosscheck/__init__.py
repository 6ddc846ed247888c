"""Cross-checking across the articles of a story: timeline, claims, support, conflicts."""
