// A multiple-choice pick judged (overrides/assets/study/verdict.js).
import assert from "node:assert/strict";
import { test } from "node:test";

import { optionMarks, playable, verdict } from "../../overrides/assets/study/verdict.js";

test("a right pick is marked right and picked; the others are neither", () => {
  assert.deepEqual(optionMarks("B", "B", "B"), { picked: true, right: true, wrong: false, pressed: true });
  assert.deepEqual(optionMarks("A", "B", "B"), { picked: false, right: false, wrong: false, pressed: false });
});

test("a wrong pick is marked wrong, and the correct option is shown right", () => {
  assert.deepEqual(optionMarks("A", "A", "C"), { picked: true, right: false, wrong: true, pressed: true });
  assert.deepEqual(optionMarks("C", "A", "C"), { picked: false, right: true, wrong: false, pressed: false });
});

test("the feedback names the pick and the correct answer", () => {
  assert.deepEqual(verdict("B", "B"), { right: true, text: "Correct: B is the right answer." });
  assert.deepEqual(verdict("A", "C"), { right: false, text: "Not quite: you picked A, the correct answer is C." });
});

test("options are played only when the correct letter is one of them", () => {
  assert.equal(playable("B", ["A", "B", "C"]), true);
  assert.equal(playable("", ["A", "B"]), false, "the source gives no answer");
  assert.equal(playable("E", ["A", "B"]), false, "an answer that is not an option");
});
