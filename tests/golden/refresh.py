"""Rewrite tests/golden/<source-id>.yml from the current code: `python -m tests.golden.refresh`.

Review the diff against content/sources/ by eye before committing it.
"""

from __future__ import annotations

import yaml

from tests.golden.summary import GOLDEN, source_paths, summarise


def main() -> None:
    for path in source_paths():
        target = GOLDEN / f"{path.stem}.yml"
        target.write_text(
            yaml.safe_dump(summarise(path), sort_keys=False, allow_unicode=True, width=110), encoding="utf-8"
        )
        print(f"wrote {target.relative_to(GOLDEN.parents[1])}")


if __name__ == "__main__":
    main()
