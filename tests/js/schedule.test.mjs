// SM-2 scheduling (overrides/assets/study/schedule.js): intervals, ease, due dates, status.
import assert from "node:assert/strict";
import { test } from "node:test";

import { addDays, describe, latest, progress, review, status, today } from "../../overrides/assets/study/schedule.js";

const DAY = "2026-11-23";
const NOW = 1790000000000;

function reviews(grades, day = DAY) {
  let card = null;
  const seen = [];
  for (const knew of grades) {
    card = review(card, knew, day, NOW);
    seen.push(card);
  }
  return seen;
}

test("a first 'I knew it' schedules tomorrow, keeps the ease and counts one review", () => {
  assert.deepEqual(review(null, true, DAY, NOW), {
    ef: 2.5, reps: 1, interval: 1, due: "2026-11-24", last: DAY, grade: "knew", n: 1, t: NOW,
  });
});

test("'I knew it' three times: 1 day, 6 days, then interval x ease", () => {
  const [first, second, third, fourth] = reviews([true, true, true, true]);
  assert.deepEqual([first.interval, second.interval, third.interval, fourth.interval], [1, 6, 15, 38]);
  assert.equal(second.due, "2026-11-29");
  assert.equal(third.due, "2026-12-08");
  assert.equal(fourth.ef, 2.5, "quality 4 leaves the ease where it is");
  assert.equal(fourth.n, 4);
});

test("'Not yet' is due again today, restarts the repetitions and lowers the ease by 0.54", () => {
  const [, , again] = reviews([true, true, false]);
  assert.equal(again.interval, 0);
  assert.equal(again.reps, 0);
  assert.equal(again.due, DAY);
  assert.equal(again.grade, "again");
  assert.equal(again.ef, 1.96);
});

test("the ease never drops below 1.3, and relearning starts at 1 day again", () => {
  const cards = reviews([false, false, false, false, true, true, true]);
  assert.deepEqual(cards.slice(0, 4).map((c) => c.ef), [1.96, 1.42, 1.3, 1.3]);
  assert.deepEqual(cards.slice(4).map((c) => c.interval), [1, 6, 8]);   // round(6 * 1.3) = 8
});

test("review returns a new card and drops unknown keys", () => {
  const old = { ef: 2.5, reps: 2, interval: 6, due: DAY, last: "2026-11-17", grade: "knew", n: 2, t: 1, extra: "x" };
  const next = review(old, true, DAY, NOW);
  assert.equal(old.reps, 2, "the input card is left alone");
  assert.equal(next.interval, 15);
  assert.equal("extra" in next, false);
});

test("due dates are local calendar days across months, years, leap days and DST", () => {
  assert.equal(addDays("2026-12-30", 6), "2027-01-05");
  assert.equal(addDays("2028-02-28", 1), "2028-02-29");
  assert.equal(addDays("2026-03-07", 1), "2026-03-08");   // US daylight saving starts
  assert.equal(addDays("2026-10-31", 2), "2026-11-02");   // and ends
  assert.equal(addDays(DAY, 0), DAY);
  assert.equal(today(new Date(2026, 0, 5, 23, 59)), "2026-01-05");
});

test("status: new, due, known, learning", () => {
  const knew = review(null, true, DAY, NOW);
  assert.equal(status(null, DAY), "new");
  assert.equal(status(knew, DAY), "known");
  assert.equal(status(knew, "2026-11-24"), "due");
  assert.equal(status(review(null, false, DAY, NOW), DAY), "due");
  assert.equal(status({ ...knew, grade: "again" }, DAY), "learning");
});

test("latest picks the most recent grade of a duplicate group", () => {
  const older = { ...review(null, true, "2026-11-01", 5), id: "older" };
  const newer = { ...review(null, false, "2026-11-02", 1), id: "newer" };
  const sameDayLater = { ...review(null, true, "2026-11-02", 9), id: "later" };
  const state = { cards: { a: older, b: newer, c: sameDayLater } };
  assert.equal(latest(state, ["a", "b"]).id, "newer");
  assert.equal(latest(state, ["b", "c", "a"]).id, "later");
  assert.equal(latest(state, ["missing"]), null);
});

test("progress counts entries, known and due per topic", () => {
  const state = { cards: {
    a1: review(null, true, "2026-11-20", NOW),         // known, due 11-21: due on DAY
    b1: review(null, true, DAY, NOW),                  // known, due tomorrow
    c2: review(null, false, DAY, NOW),                 // not yet, due today
  } };
  const entries = [
    { topic: "rag", ids: ["a1", "a2"] },
    { topic: "rag", ids: ["b1"] },
    { topic: "math", ids: ["c1", "c2"] },
    { topic: "math", ids: ["d1"] },
  ];
  assert.deepEqual(progress(entries, state, DAY, null), { total: 4, known: 2, due: 2, graded: 3 });
  assert.deepEqual(progress(entries, state, DAY, "rag"), { total: 2, known: 2, due: 1, graded: 2 });
  assert.deepEqual(progress(entries, state, DAY, "math"), { total: 2, known: 0, due: 1, graded: 1 });
});

test("describe says when a question comes back", () => {
  const [first, second] = reviews([true, true]);
  assert.equal(describe(null, DAY), "Not graded yet.");
  assert.equal(describe(first, DAY), "Known: next review tomorrow.");
  assert.equal(describe(second, DAY), "Known: next review in 6 days.");
  assert.equal(describe(second, "2026-12-01"), "Known: next review today.");
  assert.equal(describe(review(null, false, DAY, NOW), DAY), "Not yet: back in your review queue today.");
  assert.equal(describe({ ...first, grade: "again" }, DAY), "Not yet: back in your review queue on 2026-11-24.");
});
