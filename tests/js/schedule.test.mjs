// Scheduling on the site (overrides/assets/study/schedule.js): FSRS behind two grades,
// due days, status, counts, the 7-day forecast and the override of an MCQ pick.
// tests/test_js.py runs these with TZ=America/New_York (a zone with daylight saving).
import assert from "node:assert/strict";
import { test } from "node:test";

import { addDays, describe, dueDay, forecast, latest, progress, replaces, review, status, today } from "../../overrides/assets/study/schedule.js";

const DAY = "2026-11-23";
const NOW = new Date(2026, 10, 23, 9, 0).getTime();   // 09:00 local on DAY
const MIN = 60000, H = 60 * MIN, D = 24 * H;

function reviews(grades, gaps) {
  let card = null, t = NOW;
  return grades.map((knew, i) => { card = review(card, knew, t); t += gaps ? gaps[i] : 0; return card; });
}

test("a first 'I knew it' is FSRS's Good: in review, due in 2 days (the first stability)", () => {
  const card = review(null, true, NOW);
  assert.equal(card.state, "review");
  assert.equal(card.step, null);
  assert.equal(card.s, 2.3065);
  assert.equal(card.due, new Date(NOW + 2 * D).toISOString());
  assert.equal(card.last, new Date(NOW).toISOString());
  assert.equal(dueDay(card), "2026-11-25");
  assert.deepEqual([card.grade, card.n], ["knew", 1]);
});

test("'Not yet' brings a card back in 10 minutes, the same day, and keeps it not known", () => {
  const card = review(null, false, NOW);
  assert.equal(card.state, "learning");
  assert.equal(card.due, new Date(NOW + 10 * MIN).toISOString());
  assert.equal(status(card, DAY), "due");
  const lapse = reviews([true, false], [3 * D])[1];
  assert.equal(lapse.state, "relearning");
  assert.equal(Date.parse(lapse.due) - Date.parse(lapse.last), 10 * MIN);
  assert.equal(lapse.grade, "again");
});

test("intervals grow with each 'I knew it' on the day it is due", () => {
  let card = null, t = NOW;
  const gaps = [];
  for (let i = 0; i < 5; i++) {
    card = review(card, true, t);
    const gap = Date.parse(card.due) - t;
    gaps.push(gap / D);
    t += gap;
  }
  assert.deepEqual(gaps.slice(0, 2), [2, 11]);
  for (let i = 1; i < gaps.length; i++) assert.ok(gaps[i] > gaps[i - 1] * 1.5, gaps.join(", "));
  assert.equal(card.n, 5);
});

test("review returns a new card, leaves its input alone and keeps only its own keys", () => {
  const first = { ...review(null, true, NOW), extra: "x" };
  const next = review(first, true, NOW + 2 * D);
  assert.equal(first.n, 1);
  assert.equal("extra" in next, false);
  assert.deepEqual(Object.keys(next).sort(), ["d", "due", "grade", "last", "n", "s", "state", "step"]);
});

test("due dates are local calendar days across months, years, leap days and DST", () => {
  assert.equal(addDays("2026-12-30", 6), "2027-01-05");
  assert.equal(addDays("2028-02-28", 1), "2028-02-29");
  assert.equal(addDays("2026-03-07", 1), "2026-03-08");   // US daylight saving starts
  assert.equal(addDays("2026-10-31", 2), "2026-11-02");   // and ends
  assert.equal(today(new Date(2026, 0, 5, 23, 59)), "2026-01-05");
  // Reviewed at 23:30 the night before DST ends: 2 days later is still 2 local days on.
  const late = review(null, true, new Date(2026, 9, 30, 23, 30).getTime());
  assert.equal(dueDay(late), "2026-11-01");
});

test("status: new, due, known, learning", () => {
  const knew = review(null, true, NOW);
  assert.equal(status(null, DAY), "new");
  assert.equal(status(knew, DAY), "known");
  assert.equal(status(knew, "2026-11-25"), "due");
  assert.equal(status(review(null, false, NOW), DAY), "due");
  assert.equal(status({ ...knew, grade: "again" }, DAY), "learning");
});

test("latest picks the most recent review of a duplicate group", () => {
  const older = { ...review(null, true, NOW - D), id: "older" };
  const newer = { ...review(null, false, NOW), id: "newer" };
  const later = { ...review(null, true, NOW + MIN), id: "later" };
  const state = { cards: { a: older, b: newer, c: later } };
  assert.equal(latest(state, ["a", "b"]).id, "newer");
  assert.equal(latest(state, ["b", "c", "a"]).id, "later");
  assert.equal(latest(state, ["missing"]), null);
});

const ENTRIES = [
  { topic: "rag", ids: ["a1", "a2"] },
  { topic: "rag", ids: ["b1"] },
  { topic: "math", ids: ["c1", "c2"] },
  { topic: "math", ids: ["d1"] },
  { topic: "math", ids: ["e1"] },
];

function sampleState() {
  return { cards: {
    a1: review(null, true, NOW - 3 * D),   // known, due 2 days after 11-20: overdue on DAY
    b1: review(null, true, NOW),           // known, due 11-25
    c2: review(null, false, NOW),          // not yet, due today
    e1: review(review(null, true, NOW - 2 * D), true, NOW),   // known, due in 11 days
  } };
}

test("progress counts entries, known and due per topic", () => {
  const state = sampleState();
  assert.deepEqual(progress(ENTRIES, state, DAY, null), { total: 5, known: 3, due: 2, graded: 4 });
  assert.deepEqual(progress(ENTRIES, state, DAY, "rag"), { total: 2, known: 2, due: 1, graded: 2 });
  assert.deepEqual(progress(ENTRIES, state, DAY, "math"), { total: 3, known: 1, due: 1, graded: 2 });
});

test("the forecast counts each graded entry on its due day, overdue ones today, none past 7 days", () => {
  const days = forecast(ENTRIES, sampleState(), DAY);
  assert.deepEqual(days.map((d) => d.day), ["2026-11-23", "2026-11-24", "2026-11-25", "2026-11-26",
    "2026-11-27", "2026-11-28", "2026-11-29"]);
  assert.deepEqual(days.map((d) => d.count), [2, 0, 1, 0, 0, 0, 0]);
  assert.equal(days[0].count, progress(ENTRIES, sampleState(), DAY, null).due, "today's count is the due count");
  assert.deepEqual(forecast(ENTRIES, { cards: {} }, DAY, 3).map((d) => d.count), [0, 0, 0]);
});

test("a grade replaces the review a pick made while it is the latest and under 10 minutes old", () => {
  const before = review(null, true, NOW - 5 * D);
  const picked = review(before, false, NOW);
  const made = { before: before, card: picked };
  assert.equal(replaces(made, picked, NOW + 9 * MIN), true);
  assert.equal(replaces(made, picked, NOW + 10 * MIN), false, "10 minutes on, it is a review of its own");
  assert.equal(replaces(made, review(picked, true, NOW + MIN), NOW + 2 * MIN), false, "graded since elsewhere");
  assert.equal(replaces(null, picked, NOW), false);
  // Replacing grades again from the card before the pick: one review, not two.
  const replaced = review(made.before, true, NOW + MIN);
  assert.equal(replaced.n, 2);
  assert.equal(replaced.grade, "knew");
  assert.deepEqual(replaced, review(before, true, NOW + MIN));
});

test("describe says when a question comes back", () => {
  const [first, second] = reviews([true, true], [2 * D, 0]);
  assert.equal(describe(null, DAY), "Not graded yet.");
  assert.equal(describe(first, DAY), "Known: next review in 2 days.");
  assert.equal(describe(first, "2026-11-24"), "Known: next review tomorrow.");
  assert.equal(describe(second, "2026-11-25"), "Known: next review in 11 days.");
  assert.equal(describe(first, "2026-12-01"), "Known: next review today.");
  assert.equal(describe(review(null, false, NOW), DAY), "Not yet: back in your review queue today.");
  assert.equal(describe({ ...first, grade: "again" }, DAY), "Not yet: back in your review queue on 2026-11-25.");
});
