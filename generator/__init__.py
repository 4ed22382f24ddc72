"""Static study-website generator: sources in content/ -> Markdown for MkDocs.

The stages, each a folder that imports only from itself, the folders before it and the
shared modules beside this file (model, config, settings, schemas, yamlcheck, errors,
report, workers): ingest -> organise -> render -> publish. pipeline.py runs them in that
order; cli, explain, add, preview and watch sit on top (tests/test_structure.py checks it).
"""

__version__ = "0.1.0"
