"""Static study-website generator: sources in content/ -> Markdown for MkDocs."""

__version__ = "0.1.0"
