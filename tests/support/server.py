"""The tests serve built sites with the generator's own preview server (generator/preview.py),
the one `python -m generator preview` runs, so both answer requests the same way."""

from __future__ import annotations

import sys
import time
from pathlib import Path

from generator.preview import PREFIX, Handler, serve

_Handler = Handler  # benchmarks/lighthouse.py subclasses it

__all__ = ["PREFIX", "Handler", "_Handler", "serve"]

if __name__ == "__main__":
    srv, url = serve(
        Path(sys.argv[1] if len(sys.argv) > 1 else "site"), int(sys.argv[2]) if len(sys.argv) > 2 else 8000
    )
    print(f"serving {url}")
    while True:
        time.sleep(3600)
