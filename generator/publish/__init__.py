"""Stage 4, publish: write what was rendered and build the site from it.

docs writes build/docs (pages, questions.json, downloads) and build/mkdocs.yml; site runs
MkDocs (or engines: Zensical) and finishes the HTML (mathml, abbr); search sets up
Pagefind; export and export_quiz write the Anki deck, CSV and quiz files.
"""
