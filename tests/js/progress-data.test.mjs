// Saved progress (overrides/assets/study/progress-data.js): validation of stored and
// imported files, and the merge an import does.
import assert from "node:assert/strict";
import { test } from "node:test";

import { MAX_IMPORT_BYTES, emptyState, importText, migrate, validate } from "../../overrides/assets/study/progress-data.js";

const CARD = { ef: 2.5, reps: 1, interval: 1, due: "2026-11-24", last: "2026-11-23", grade: "knew", n: 1, t: 100 };

function file(cards, extra = {}) {
  return JSON.stringify({ version: 1, cards, ...extra });
}

test("a file that is not a progress document is rejected with a reason", () => {
  assert.deepEqual(validate(null), { error: "not a progress file (expected a JSON object)" });
  assert.deepEqual(validate([CARD]), { error: "not a progress file (expected a JSON object)" });
  assert.deepEqual(validate("cards"), { error: "not a progress file (expected a JSON object)" });
  assert.deepEqual(validate({ version: 2, cards: {} }), { error: "unsupported version 2 (expected 1)" });
  assert.deepEqual(validate({ cards: {} }), { error: "unsupported version undefined (expected 1)" });
  assert.deepEqual(validate({ version: 1 }), { error: 'no "cards" object' });
  assert.deepEqual(validate({ version: 1, cards: [CARD] }), { error: 'no "cards" object' });
});

test("each invalid card is skipped and counted, the valid ones kept", () => {
  const bad = {
    "has space": CARD,
    "<img src=x onerror=alert(1)>": CARD,
    ["x".repeat(201)]: CARD,
    "ef-too-low": { ...CARD, ef: 1.2 },
    "ef-text": { ...CARD, ef: "2.5" },
    "reps-negative": { ...CARD, reps: -1 },
    "interval-fraction": { ...CARD, interval: 1.5 },
    "interval-century": { ...CARD, interval: 36501 },
    "due-words": { ...CARD, due: "tomorrow" },
    "last-missing": { ...CARD, last: undefined },
    "grade-unknown": { ...CARD, grade: "maybe" },
    "not-an-object": 3,
  };
  const checked = validate({ version: 1, cards: { "what-is-lora-1a2b3c4d": CARD, ...bad } });
  assert.equal(checked.skipped, Object.keys(bad).length);
  assert.deepEqual(Object.keys(checked.state.cards), ["what-is-lora-1a2b3c4d"]);
});

test("a valid card keeps only its known keys, with defaults for n and t", () => {
  const checked = validate({ version: 1, cards: { q1: { ...CARD, n: 0, t: "soon", html: "<b>" } }, prefs: { showAll: true, x: 1 } });
  assert.deepEqual(checked.state.cards.q1, { ...CARD, n: 1, t: 0 });
  assert.deepEqual(checked.state.prefs, { showAll: true });
});

test("a __proto__ key in a file is skipped, not assigned as the cards' prototype", () => {
  const text = `{"version": 1, "cards": {"__proto__": ${JSON.stringify(CARD)}, "q1": ${JSON.stringify(CARD)}}}`;
  const checked = validate(JSON.parse(text));
  assert.equal(checked.skipped, 1);
  assert.equal(Object.getPrototypeOf(checked.state.cards), Object.prototype);
  assert.equal(checked.state.cards.ef, undefined);
});

test("importing rejects what is not JSON or too large, and changes nothing", () => {
  const current = emptyState();
  assert.deepEqual(importText("{not json", current), { error: "not valid JSON" });
  assert.deepEqual(importText(" ".repeat(MAX_IMPORT_BYTES + 1), current), { error: "file too large" });
  assert.deepEqual(importText('{"version": 3, "cards": {}}', current), { error: "unsupported version 3 (expected 1)" });
  assert.deepEqual(current, emptyState());
});

test("importing merges: the newer grade of each question wins, other grades stay", () => {
  const current = { version: 1, prefs: { showAll: true }, cards: {
    mine: CARD,
    newerHere: { ...CARD, last: "2026-11-25", due: "2026-11-26" },
    olderHere: { ...CARD, t: 50 },
  } };
  const text = file({
    newerHere: { ...CARD, grade: "again", interval: 0, reps: 0, due: "2026-11-23" },
    olderHere: { ...CARD, t: 60, grade: "again", interval: 0, reps: 0, due: "2026-11-23" },
    theirs: CARD,
    "bad id": CARD,
  });
  const result = importText(text, current);
  assert.equal(result.imported, 3);
  assert.equal(result.skipped, 1);
  assert.equal(result.state.cards.newerHere.last, "2026-11-25", "a grade from a later day is kept");
  assert.equal(result.state.cards.olderHere.grade, "again", "same day: the later timestamp wins");
  assert.deepEqual(result.state.cards.mine, CARD);
  assert.deepEqual(result.state.cards.theirs, CARD);
  assert.deepEqual(result.state.prefs, { showAll: true }, "an import leaves this browser's preferences");
  assert.equal(current.cards.newerHere.grade, "knew", "the current state object is not modified");
});

test("migrate moves a grade saved under a former id to the id now, keeping the newer one", () => {
  const later = { ...CARD, last: "2026-11-25", grade: "again" };
  const state = { version: 1, prefs: {}, cards: { "old-a": CARD, "old-b": later, "new-b": CARD, other: CARD } };
  const moved = migrate(state, { "old-a": "new-a", "old-b": "new-b" });
  assert.equal(moved, 2);
  assert.deepEqual(Object.keys(state.cards).sort(), ["new-a", "new-b", "other"]);
  assert.deepEqual(state.cards["new-a"], CARD);
  assert.equal(state.cards["new-b"].grade, "again", "the former id's grade was newer");
  assert.equal(migrate(state, { "new-b": "old-b" }), 1, "an alias map is applied as given");
});

test("migrate ignores aliases that are not plain ids, and inherited keys", () => {
  const cards = { a: CARD, b: CARD, c: CARD, e: CARD, toString: CARD };
  const state = { version: 1, prefs: {}, cards: { ...cards } };
  assert.equal(migrate(state, { a: "bad id", b: 7, c: "c", e: "__proto__" }), 0);
  assert.equal(Object.getPrototypeOf(state.cards), Object.prototype);
  assert.equal(migrate(state, null), 0);
  assert.deepEqual(state.cards, cards);
});

test("importing a file with former ids files their grades under the ids now", () => {
  const current = { version: 1, prefs: {}, cards: { "new-a": { ...CARD, last: "2026-11-20" } } };
  const result = importText(file({ "old-a": CARD, "old-c": CARD }), current, { "old-a": "new-a", "old-c": "new-c" });
  assert.equal(result.imported, 2);
  assert.deepEqual(Object.keys(result.state.cards).sort(), ["new-a", "new-c"]);
  assert.equal(result.state.cards["new-a"].last, "2026-11-23");
});
