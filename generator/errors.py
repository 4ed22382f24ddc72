"""The generator's own errors. The CLI catches these, prints one line and exits with the
error's `exit_code`; anything else is a bug (a traceback).

Exit codes: 0 built or checked cleanly; 1 the sources have problems a maintainer should
fix (an unreadable file, an unknown question id), the rest still built; 2 the run itself
failed (bad content/ configuration, MkDocs or Pagefind failed); 130 interrupted.
"""

EXIT_OK, EXIT_SOURCE_ERRORS, EXIT_FAILED = 0, 1, 2


class GeneratorError(Exception):
    """Base for errors the CLI reports without a traceback."""

    exit_code = EXIT_FAILED


class ConfigError(GeneratorError):
    """A file in content/ (topics, curation, source metadata) is malformed."""


class BuildError(GeneratorError):
    """The renderer (MkDocs) or a build step outside Python failed."""


class UnknownQuestion(GeneratorError):
    """A question id named on the command line is not in the corpus (nor a former id)."""

    exit_code = EXIT_SOURCE_ERRORS
