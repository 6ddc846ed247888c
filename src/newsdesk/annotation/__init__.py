"""Facts on an article's text: entities and roles, quotes, figures, time expressions,
attributions. Each module is a plain function over a spaCy ``Doc`` whose text is the
clean ``Article.text``, so token character offsets are article offsets; ``pipeline``
runs them in batches and writes the results as named span groups.
"""
