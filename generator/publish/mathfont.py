"""The math font the site serves for its MathML: STIX Two Math, cut to the characters used.

MathML is laid out by the browser with an OpenType MATH font: without one, Chromium
draws `\\left(`, `\\sum` and `cases` braces at text size. Devices differ in the math
fonts they have, so the site serves its own: STIX Two Math (SIL Open Font License),
which the pinned `ziamath` package ships, subset with fontTools to the characters the
site's formulas use (plus ASCII) and saved as WOFF2: ~30 KB instead of 1.5 MB, fetched
only by pages that show a formula. The MATH table is kept, so stretchy delimiters,
radicals and large operators keep their size variants.
"""

from __future__ import annotations

import importlib.util
import string
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTFont

from generator.errors import BuildError

FONT_FILE = Path("assets") / "fonts" / "math.woff2"
# ASCII, and glyphs MathML draws without a character in the markup (the radical of msqrt).
ALWAYS = set(string.ascii_letters + string.digits + string.punctuation + " √∛∜")


def font_source() -> Path:
    # Found without importing ziamath: only its font file is used, and importing it runs
    # code that warns about deprecated importlib calls.
    spec = importlib.util.find_spec("ziamath")
    if spec is None or not spec.submodule_search_locations:
        raise BuildError(
            "math font not found: install the pinned 'ziamath' package (scripts/install-and-build does)"
        )
    return Path(next(iter(spec.submodule_search_locations))) / "fonts" / "STIXTwoMath-Regular.ttf"


def write_math_font(characters: set[str], dest: Path) -> None:
    options = subset.Options()
    options.flavor = "woff2"
    options.layout_features = ["*"]  # math script styles (ssty) and alternates, not only kerning
    options.name_IDs = ["*"]  # keep the licence and copyright names
    font = TTFont(font_source(), recalcTimestamp=False)  # the same bytes every build
    subsetter = subset.Subsetter(options)
    subsetter.populate(text="".join(sorted(characters | ALWAYS)))
    subsetter.subset(font)
    dest.parent.mkdir(parents=True, exist_ok=True)
    font.flavor = "woff2"
    font.save(dest)
