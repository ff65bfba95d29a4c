"""Claims: what each article asserts (entities, roles, quotes, numbers, dates), ready to align across outlets.

Every function here is pure over ``(Article, Doc)`` pairs, one spaCy parse per article made by the caller
(``corroborate.nlp.spacy_pipeline()`` over ``article.text``) and shared by all parts, so the single-machine
pipeline and the Spark job call the same code:

- ``entities``: ``extract_entities(docs) -> list[Entity]`` and ``EntityResolver(entities).canonical(mention)``;
- ``roles``: ``extract_roles(docs, resolver) -> list[RoleMention]`` and ``role_contradictions(roles)``;
- ``quotes``: ``extract_quotes(docs, resolver) -> list[Quote]``, ``relayed_quotes(quotes)``,
  ``quote_contradictions(quotes)`` and ``cited_origins(sentence_text, resolver)``;
- ``when`` and ``numbers``: dates and quantities.
"""
