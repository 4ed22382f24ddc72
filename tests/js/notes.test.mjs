// The learner's own answers in the study state (overrides/assets/study/notes.js).
import assert from "node:assert/strict";
import { test } from "node:test";

import { noteOf, noteStatus, noteSummary, withNote } from "../../overrides/assets/study/notes.js";

const T1 = "2026-11-23T09:00:00.000Z", T2 = "2026-11-24T09:00:00.000Z";

test("an entry's note is the newest under any of its ids", () => {
  const state = { notes: { a: { text: "old", at: T1 }, b: { text: "new", at: T2 } } };
  assert.equal(noteOf(state, ["a", "b"]), "new");
  assert.equal(noteOf(state, ["b", "a"]), "new", "whichever id comes first");
  assert.equal(noteOf(state, ["a"]), "old");
  assert.equal(noteOf(state, ["c"]), "");
  assert.equal(noteOf({ cards: {} }, ["a"]), "", "a state from before notes existed");
});

test("a note is written under every id of the entry, with one time", () => {
  const state = withNote({ cards: {} }, ["a", "b"], "my answer", T1);
  assert.deepEqual(state.notes, { a: { text: "my answer", at: T1 }, b: { text: "my answer", at: T1 } });
  withNote(state, ["a", "b"], "better", T2);
  assert.equal(noteOf(state, ["b"]), "better");
});

test("blank text deletes the note under every id, and only there", () => {
  const state = withNote({}, ["a", "b"], "x", T1);
  withNote(state, ["c"], "keep", T1);
  withNote(state, ["a", "b"], "  \n ", T2);
  assert.deepEqual(Object.keys(state.notes), ["c"]);
});

test("the box says whether something is saved, and what a save did", () => {
  assert.equal(noteSummary(""), "Write your own answer");
  assert.equal(noteSummary("  "), "Write your own answer");
  assert.equal(noteSummary("x"), "Your answer (saved)");
  assert.equal(noteStatus(true, "x"), "Saved.");
  assert.equal(noteStatus(true, " "), "Deleted.");
  assert.match(noteStatus(false, "x"), /Could not save/);
});
