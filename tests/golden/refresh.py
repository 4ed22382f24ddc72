"""Rewrite tests/golden/<source-id>.yml and tests/golden/ids.txt from the current code:
`python -m tests.golden.refresh`.

Review the diff against content/sources/ by eye before committing it. A question id
the golden file holds is never dropped: saved progress, content/curation.yml and Anki
notes hang on it. If the code no longer gives one, the refresh stops and names it;
keep the old id (as the question's alias at most) instead.
"""

from __future__ import annotations

import sys

import yaml

from tests.golden.summary import GOLDEN, IDS, ids_text, lost_ids, read_ids, source_paths, summarise


def main() -> int:
    summaries = [summarise(path) for path in source_paths()]
    ids = {s["source"]: s.pop("ids") for s in summaries}
    lost = lost_ids(read_ids(), ids)
    if lost:
        print(f"refusing to refresh: {len(lost)} bundled question ids would change:", file=sys.stderr)
        print("\n".join(f"  {pair}" for pair in lost), file=sys.stderr)
        return 1
    for summary in summaries:
        target = GOLDEN / f"{summary['source']}.yml"
        target.write_text(
            yaml.safe_dump(summary, sort_keys=False, allow_unicode=True, width=110), encoding="utf-8"
        )
        print(f"wrote {target.relative_to(GOLDEN.parents[1])}")
    IDS.write_text(ids_text(ids), encoding="utf-8")
    print(f"wrote {IDS.relative_to(GOLDEN.parents[1])}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
