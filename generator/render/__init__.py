"""Stage 3, render: the organised corpus as Markdown pages, in memory.

layout plans entries and pages; pages renders home, topic, source and study pages through
the Jinja templates in generator/templates; safe_html turns answers into allowlisted HTML.
Imports ingest, organise and the shared modules; never publish (it runs after).
"""
