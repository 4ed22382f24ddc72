// FSRS-6 (overrides/assets/study/fsrs.js): what the scheduler promises, stated as FSRS
// defines it. tests/test_fsrs_parity.py compares every number with py-fsrs; these check
// the rules the site's wording relies on (schedule.js, the flashcards).
import assert from "node:assert/strict";
import { test } from "node:test";

import {
  AGAIN, DAY, DEFAULTS, EASY, GOOD, HARD, initialDifficulty, newCard, retrievability, schedule,
} from "../../overrides/assets/study/fsrs.js";

const NOW = Date.UTC(2026, 10, 23, 9, 0, 0);
const MINUTE = 60000;

test("a new card rated Good goes to review, due after its first stability rounded to days", () => {
  const card = schedule(newCard(NOW), GOOD, NOW);
  assert.equal(card.state, "review");
  assert.equal(card.step, null);
  assert.equal(card.s, DEFAULTS.w[GOOD - 1]);
  assert.equal(card.d, initialDifficulty(GOOD));
  assert.equal(card.last, NOW);
  // At 90% retention the interval is the stability itself: 2.3065 days -> 2.
  assert.equal(card.due, NOW + 2 * DAY);
});

test("Easy starts with a longer interval than Good, which is longer than Hard's step", () => {
  const easy = schedule(newCard(NOW), EASY, NOW);
  assert.equal(easy.state, "review");
  assert.equal(easy.due, NOW + 8 * DAY, "w[3] = 8.2956 days");
  const hard = schedule(newCard(NOW), HARD, NOW);
  assert.equal(hard.state, "learning");
  assert.equal(hard.due, NOW + 15 * MINUTE, "one learning step of 10 minutes: Hard waits 1.5 steps");
});

test("Again keeps a card in learning and brings it back after the 10-minute step", () => {
  const card = schedule(newCard(NOW), AGAIN, NOW);
  assert.equal(card.state, "learning");
  assert.equal(card.step, 0);
  assert.equal(card.due, NOW + 10 * MINUTE);
  const good = schedule(card, GOOD, card.due);
  assert.equal(good.state, "review", "Good after the step graduates it");
});

test("a lapse sends a review card to relearning, and its stability drops", () => {
  const review = schedule(newCard(NOW), GOOD, NOW);
  const lapse = schedule(review, AGAIN, review.due);
  assert.equal(lapse.state, "relearning");
  assert.equal(lapse.due, review.due + 10 * MINUTE);
  assert.ok(lapse.s < review.s, `${lapse.s} < ${review.s}`);
  assert.ok(lapse.d > review.d, "a lapse makes the card harder");
});

test("Good on time grows the interval, and difficulty stays within 1..10", () => {
  let card = schedule(newCard(NOW), GOOD, NOW);
  let interval = card.due - card.last;
  for (let i = 0; i < 8; i++) {
    const next = schedule(card, GOOD, card.due);
    assert.ok(next.due - next.last > interval, `review ${i + 2}: the interval grows`);
    interval = next.due - next.last;
    card = next;
  }
  for (let i = 0; i < 30; i++) card = schedule(card, AGAIN, card.due);
  assert.ok(card.d <= 10 && card.d >= 1, String(card.d));
  assert.ok(initialDifficulty(AGAIN) > initialDifficulty(EASY), "Again starts harder than Easy");
});

test("no interval is longer than maxInterval days", () => {
  const card = { state: "review", step: null, s: 1e9, d: 1, due: NOW, last: NOW - 400 * DAY };
  const next = schedule(card, EASY, NOW);
  assert.equal(next.due, NOW + DEFAULTS.maxInterval * DAY);
});

test("schedule leaves the card it was given alone", () => {
  const card = schedule(newCard(NOW), GOOD, NOW);
  const copy = { ...card };
  schedule(card, AGAIN, card.due);
  assert.deepEqual(card, copy);
});

test("retrievability is 1 right after a review and 0.9 (the retention) one stability later", () => {
  const card = { state: "review", step: null, s: 10, d: 5, due: NOW + 10 * DAY, last: NOW };
  assert.equal(retrievability(card, NOW), 1);
  assert.ok(Math.abs(retrievability(card, NOW + 10 * DAY) - 0.9) < 1e-9);
  assert.ok(retrievability(card, NOW + 20 * DAY) < 0.9);
  assert.equal(retrievability(newCard(NOW), NOW), 0, "never reviewed");
});

test("intervals round half to even, as Python's round() does in py-fsrs", () => {
  // At 90% retention the interval is round(stability): 2.5 -> 2 and 3.5 -> 4. A same-day
  // review changes the stability by the short-term factor, which w17..w19 = 0 makes 1.
  const cfg = { ...DEFAULTS, w: DEFAULTS.w.map((x, i) => (i === 17 || i === 18 || i === 19 ? 0 : x)) };
  const same = (s) => schedule({ state: "review", step: null, s, d: 5, due: NOW, last: NOW }, GOOD, NOW, cfg);
  assert.equal(same(2.5).s, 2.5, "with w17..w19 = 0 a same-day Good keeps the stability");
  assert.equal(same(2.5).due, NOW + 2 * DAY);
  assert.equal(same(3.5).due, NOW + 4 * DAY);
});
