"""Golden summaries of the five real sources: `python -m tests.golden.refresh` rewrites them.

Each `<source-id>.yml` pins the reader, the counts and, per question, its
kind, label, section, text and the first and last words of its answer.
After a refresh, read the diff against the source text before committing.
"""
