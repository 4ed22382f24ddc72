// The flashcards session (overrides/assets/study/session.js): deck order or a shuffle, and
// cards graded "Not yet" coming back GAP cards later within the session.
import assert from "node:assert/strict";
import { test } from "node:test";

import { GAP, current, graded, move, repeatsAhead, shuffled, start } from "../../overrides/assets/study/session.js";

function entries(s) { return s.queue.map(function (item) { return item.entry; }); }

// A small deterministic generator, so a shuffle can be checked exactly.
function seeded(seed) {
  let x = seed;
  return function () { x = (x * 1103515245 + 12345) % 2147483648; return x / 2147483648; };
}

test("without a shuffle the session deals the deck in order", () => {
  const s = start(4, null);
  assert.deepEqual(entries(s), [0, 1, 2, 3]);
  assert.equal(current(s), 0);
  assert.equal(current(start(0, null)), -1);
});

test("a shuffle is a permutation, and different seeds deal different first cards", () => {
  const firsts = new Set();
  for (let seed = 1; seed <= 20; seed++) {
    const order = entries(start(50, seeded(seed)));
    assert.deepEqual(order.slice().sort((a, b) => a - b), Array.from({ length: 50 }, (_, i) => i));
    firsts.add(order[0]);
  }
  assert.ok(firsts.size >= 10, "Card 1 is not always the same: " + [...firsts]);
  assert.deepEqual(shuffled([1, 2, 3], () => 0.999), [1, 2, 3]);
  assert.deepEqual(shuffled([1, 2, 3], () => 0), [2, 3, 1]);
});

test("'Not yet' brings the card back GAP cards later, marked as a repeat", () => {
  const s = start(20, null);
  move(s, 1);
  assert.equal(graded(s, false), GAP);
  assert.equal(s.queue.length, 21);
  assert.deepEqual(s.queue[1 + 1 + GAP], { entry: 1, repeat: 1 });
  assert.equal(repeatsAhead(s), 1);
  for (let i = 0; i < GAP + 1; i++) move(s, 1);
  assert.equal(current(s), 1);
  assert.equal(s.queue[s.pos].repeat, 1);
  assert.equal(repeatsAhead(s), 0);
  assert.equal(graded(s, false), GAP, "missed again: it comes back again");
  assert.deepEqual(s.queue[s.pos + 1 + GAP], { entry: 1, repeat: 2 });
});

test("near the end of the deck the repeat goes last; on the last card it comes next", () => {
  const s = start(3, null);
  assert.equal(graded(s, false), 2);
  assert.deepEqual(entries(s), [0, 1, 2, 0]);
  move(s, 1); move(s, 1); move(s, 1);
  assert.equal(graded(s, false), 0);
  assert.deepEqual(entries(s), [0, 1, 2, 0, 0]);
  assert.equal(move(s, 1), true);
  assert.equal(move(s, 1), false, "no card after the last");
  assert.equal(s.pos, 4);
});

test("a second grade of the same showing replaces the first: queued once, or taken back", () => {
  const s = start(10, null);
  graded(s, false);   // an MCQ pick, wrong
  graded(s, false);   // then the "Not yet" button
  assert.equal(s.queue.length, 11);
  graded(s, true);    // the learner overrides: they did know it
  assert.deepEqual(entries(s), [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  assert.equal(graded(s, true), null);
  assert.equal(graded(start(0, null), false), null);
});

test("going back to a card and grading it again: one repeat ahead of it, never two", () => {
  const s = start(10, null);
  graded(s, false);
  for (let i = 0; i < GAP + 2; i++) move(s, 1);   // past its repeat
  for (let i = 0; i < GAP + 2; i++) move(s, -1);  // back to the first showing
  assert.equal(s.pos, 0);
  assert.equal(graded(s, false), GAP, "the repeat already queued is still ahead");
  assert.equal(s.queue.filter(function (item) { return item.entry === 0; }).length, 2);
  move(s, 1); move(s, 1);
  graded(s, false);
  move(s, -1); move(s, -1);
  assert.equal(graded(s, true), null);
  assert.equal(s.queue.filter(function (item) { return item.entry === 0; }).length, 1, "knew takes it back");
});
