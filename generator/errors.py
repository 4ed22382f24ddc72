"""The generator's own errors. The CLI catches these and prints one line; anything else is a bug."""


class GeneratorError(Exception):
    """Base for errors the CLI reports without a traceback."""


class ConfigError(GeneratorError):
    """A file in content/ (topics, curation, source metadata) is malformed."""


class BuildError(GeneratorError):
    """The renderer (MkDocs) or a build step outside Python failed."""
