"""Stage 2, organise: what the questions are about and how they relate.

classify (topic and tags, by intent and topic terms) -> dedupe (duplicate groups) ->
related (see-also links); glossary reads content/glossary.yml; textsim and intent hold
the text measures they share. Imports ingest and the shared modules, nothing later.
"""
