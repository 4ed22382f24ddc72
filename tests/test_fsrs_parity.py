"""The site's FSRS scheduler (overrides/assets/study/fsrs.js) schedules like py-fsrs.

The same review logs (card, rating, time) go through the PyPI package `fsrs` (pinned as a
test dependency) and, under node, through fsrs.js, both with the site's settings: default
FSRS-6 parameters, 90 % retention, one 10-minute learning and relearning step, no fuzz.
Every review must give the same due time (to the millisecond), state and step, and the same
stability and difficulty to 1e-9 relative.
"""

from __future__ import annotations

import json
import random
import subprocess
from datetime import UTC, datetime, timedelta

import pytest
from fsrs import Card, Rating, Scheduler

from tests.test_js import ROOT, node

STEP = timedelta(minutes=10)
STATES = {1: "learning", 2: "review", 3: "relearning"}
START = datetime(2026, 11, 23, 8, 30, tzinfo=UTC)
# Gaps between reviews: same session, same day, around the day boundary, days to months.
GAPS = [timedelta(minutes=1), STEP, timedelta(hours=5), timedelta(hours=23, minutes=59), timedelta(days=1)]

REPLAY = """
import { schedule, newCard } from "./overrides/assets/study/fsrs.js";
let input = "";
process.stdin.on("data", (chunk) => { input += chunk; });
process.stdin.on("end", () => {
  const out = JSON.parse(input).map((log) => {
    let card = newCard(log[0][0]);
    return log.map(([when, rating]) => { card = schedule(card, rating, when); return card; });
  });
  process.stdout.write(JSON.stringify(out));
});
"""


def review_logs(seed: int, cards: int, length: int) -> list[list[tuple[datetime, int]]]:
    rng = random.Random(seed)
    logs = []
    for _ in range(cards):
        when, log = START, []
        for _ in range(length):
            log.append((when, rng.choice([1, 3, 3, 3, 2, 4]) if rng.random() < 0.8 else rng.choice([1, 3])))
            gap = rng.choice(GAPS) if rng.random() < 0.5 else timedelta(days=rng.randint(1, 120))
            when += gap + timedelta(seconds=rng.randint(0, 3600))
        logs.append(log)
    return logs


def through_py_fsrs(logs):
    scheduler = Scheduler(learning_steps=(STEP,), relearning_steps=(STEP,), enable_fuzzing=False)
    out = []
    for log in logs:
        card, seen = Card(due=log[0][0]), []
        for when, rating in log:
            card, _ = scheduler.review_card(card, Rating(rating), when)
            seen.append(card)
        out.append(seen)
    return out


def through_site(logs) -> list[list[dict]]:
    ms = [[[int(when.timestamp() * 1000), rating] for when, rating in log] for log in logs]
    result = subprocess.run(
        [node(), "--input-type=module", "-e", REPLAY],
        cwd=ROOT,
        input=json.dumps(ms),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def ms(when: datetime) -> int:
    return int(when.timestamp() * 1000)


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_the_site_schedules_like_py_fsrs(seed):
    logs = review_logs(seed, cards=40, length=12)
    expected, got = through_py_fsrs(logs), through_site(logs)
    reviews = 0
    for log, py_cards, js_cards in zip(logs, expected, got, strict=True):
        for (when, rating), py, js in zip(log, py_cards, js_cards, strict=True):
            where = f"review at {when.isoformat()} rated {rating}"
            assert js["due"] == ms(py.due), where
            assert js["last"] == ms(when), where
            assert (js["state"], js["step"]) == (STATES[py.state.value], py.step), where
            assert js["s"] == pytest.approx(py.stability, rel=1e-9), where
            assert js["d"] == pytest.approx(py.difficulty, rel=1e-9), where
            reviews += 1
    assert reviews == 40 * 12


def test_the_logs_reach_every_state_and_interval_kind():
    """The parity test means something only if the logs walk every branch of the scheduler."""
    cards = [card for seen in through_py_fsrs(review_logs(1, cards=40, length=12)) for card in seen]
    assert {STATES[c.state.value] for c in cards} == {"learning", "review", "relearning"}
    intervals = {(c.due - c.last_review).days for c in cards if c.last_review}
    assert 0 in intervals and max(intervals) > 100, sorted(intervals)


def test_the_site_uses_py_fsrs_defaults():
    """fsrs.js carries the package's default parameters, not a copy that drifted."""
    from fsrs.scheduler import DEFAULT_PARAMETERS

    source = (ROOT / "overrides" / "assets" / "study" / "fsrs.js").read_text(encoding="utf-8")
    head = source.index("w: Object.freeze([")
    numbers = source[head + len("w: Object.freeze([") : source.index("])", head)]
    assert [float(n) for n in numbers.replace("\n", " ").split(",")] == list(DEFAULT_PARAMETERS)
