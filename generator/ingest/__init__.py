"""Stage 1, ingest: a file in content/sources becomes Questions.

load (decode; convert/ turns notebooks, reStructuredText, Word and PDF into Markdown or
HTML) -> readers/ (one per format; the tree readers parse a syntax into one block tree,
`tree.Block`, and `segment` finds the questions on it) -> clean (junk rules, math fixes,
sanitise, images). Imports only the shared modules at generator/'s top.
"""
