// Saved progress (overrides/assets/study/progress-data.js): validation of stored and
// imported files of version 2 (FSRS) and 1 (SM-2, read through fromV1), and the merge an
// import does. tests/test_js.py runs these with TZ=America/New_York.
import assert from "node:assert/strict";
import { test } from "node:test";

import { MAX_IMPORT_BYTES, emptyState, fromV1, importText, migrate, validate } from "../../overrides/assets/study/progress-data.js";
import { dueDay, progress, review, status } from "../../overrides/assets/study/schedule.js";

const V1 = { ef: 2.5, reps: 1, interval: 1, due: "2026-11-24", last: "2026-11-23", grade: "knew", n: 1, t: 100 };
const CARD = {
  state: "review", step: null, s: 2.3065, d: 2.118, due: "2026-11-25T14:00:00.000Z",
  last: "2026-11-23T14:00:00.000Z", grade: "knew", n: 1,
};

function file(cards, extra = {}) {
  return JSON.stringify({ version: 2, cards, ...extra });
}

test("a file that is not a progress document is rejected with a reason", () => {
  assert.deepEqual(validate(null), { error: "not a progress file (expected a JSON object)" });
  assert.deepEqual(validate([CARD]), { error: "not a progress file (expected a JSON object)" });
  assert.deepEqual(validate("cards"), { error: "not a progress file (expected a JSON object)" });
  assert.deepEqual(validate({ version: 3, cards: {} }), { error: "unsupported version 3 (expected 1 or 2)" });
  assert.deepEqual(validate({ cards: {} }), { error: "unsupported version undefined (expected 1 or 2)" });
  assert.deepEqual(validate({ version: 2 }), { error: 'no "cards" object' });
  assert.deepEqual(validate({ version: 1, cards: [V1] }), { error: 'no "cards" object' });
});

test("each invalid card is skipped and counted, the valid ones kept", () => {
  const bad = {
    "has space": CARD,
    "<img src=x onerror=alert(1)>": CARD,
    ["x".repeat(201)]: CARD,
    "state-unknown": { ...CARD, state: "done" },
    "review-with-step": { ...CARD, step: 0 },
    "learning-without-step": { ...CARD, state: "learning", step: null },
    "step-fraction": { ...CARD, state: "learning", step: 0.5 },
    "s-zero": { ...CARD, s: 0 },
    "s-text": { ...CARD, s: "2" },
    "d-too-high": { ...CARD, d: 11 },
    "s-without-d": { ...CARD, d: null },
    "review-without-memory": { ...CARD, s: null, d: null },
    "due-date-only": { ...CARD, due: "2026-11-25" },
    "due-words": { ...CARD, due: "tomorrow" },
    "last-missing": { ...CARD, last: undefined },
    "grade-unknown": { ...CARD, grade: "maybe" },
    "v1-card-in-v2": V1,
    "not-an-object": 3,
  };
  const checked = validate({ version: 2, cards: { "what-is-lora-1a2b3c4d": CARD, fresh: { ...CARD, state: "learning", step: 0, s: null, d: null }, ...bad } });
  assert.equal(checked.skipped, Object.keys(bad).length);
  assert.deepEqual(Object.keys(checked.state.cards), ["what-is-lora-1a2b3c4d", "fresh"]);
  const old = validate({ version: 1, cards: { ok: V1, "ef-too-low": { ...V1, ef: 1.2 }, "v2-card-in-v1": CARD } });
  assert.deepEqual([Object.keys(old.state.cards), old.skipped], [["ok"], 2]);
});

test("a valid card keeps only its known keys, with a default for n", () => {
  const checked = validate({ version: 2, cards: { q1: { ...CARD, n: 0, t: 5, html: "<b>" } }, prefs: { showAll: true, x: 1 } });
  assert.deepEqual(checked.state.cards.q1, { ...CARD, n: 1 });
  assert.deepEqual(checked.state.prefs, { showAll: true });
  assert.equal(checked.state.version, 2);
});

test("the shuffle preference is kept as a boolean; a state saved without it reads as off", () => {
  assert.deepEqual(validate({ version: 2, cards: {}, prefs: { shuffle: true, showAll: false } }).state.prefs,
                   { shuffle: true, showAll: false });
  assert.deepEqual(validate({ version: 2, cards: {}, prefs: { shuffle: "yes", showAll: 1 } }).state.prefs, {});
  assert.deepEqual(validate({ version: 2, cards: {} }).state.prefs, {});
});

test("a version-1 state keeps every due day and every known / not-yet grade", () => {
  const day = "2026-11-23";
  const v1 = {
    known: { ef: 2.6, reps: 3, interval: 15, due: "2026-12-08", last: "2026-11-23", grade: "knew", n: 3, t: new Date(2026, 10, 23, 9, 30).getTime() },
    knownDue: { ...V1, due: "2026-11-20", last: "2026-11-19" },
    dueToday: { ...V1, due: day, last: "2026-11-17", interval: 6, reps: 2, n: 2 },
    notYet: { ef: 1.96, reps: 0, interval: 0, due: day, last: day, grade: "again", n: 4, t: 0 },
    notYetOld: { ef: 1.3, reps: 0, interval: 0, due: "2026-11-01", last: "2026-11-01", grade: "again", n: 9, t: 1 },
  };
  const state = validate({ version: 1, cards: v1, prefs: { showAll: true } }).state;
  assert.equal(state.version, 2);
  assert.deepEqual(state.prefs, { showAll: true });
  for (const id of Object.keys(v1)) {
    const card = state.cards[id];
    assert.equal(dueDay(card), v1[id].due, id + ": same due day");
    assert.equal(card.grade, v1[id].grade, id + ": same grade");
    assert.equal(card.n, v1[id].n, id + ": same number of reviews");
    assert.equal(validate({ version: 2, cards: { [id]: card } }).skipped, 0, id + ": a valid version-2 card");
  }
  assert.deepEqual([state.cards.known.state, state.cards.known.s], ["review", 15]);
  assert.equal(state.cards.known.last, new Date(v1.known.t).toISOString(), "the saved review time, on its day");
  assert.equal(state.cards.notYetOld.last, new Date(2026, 10, 1).toISOString(), "a timestamp off its day: midnight");
  assert.ok(state.cards.known.d < state.cards.knownDue.d, "a higher ease is an easier card");
  assert.deepEqual([state.cards.notYet.state, state.cards.notYet.step, state.cards.notYet.s], ["learning", 0, null]);
  // The counts the pages show are the same before and after.
  const entries = Object.keys(v1).map((id) => ({ topic: "t", ids: [id] }));
  assert.deepEqual(progress(entries, state, day, null), { total: 5, known: 3, due: 4, graded: 5 });
  assert.deepEqual(Object.keys(v1).map((id) => status(state.cards[id], day)), ["known", "due", "due", "due", "due"]);
  // And they go on scheduling with FSRS.
  const next = review(state.cards.known, true, Date.parse(state.cards.known.due));
  assert.ok(Date.parse(next.due) - Date.parse(next.last) > 15 * 86400000, "a 15-day card grows past 15 days");
});

test("the ease of a version-1 card sets its difficulty: the default ease is a first Good, the floor the hardest", () => {
  const good = review(null, true, Date.now()).d;
  assert.equal(fromV1({ ...V1, ef: 2.5 }).d, good);
  assert.equal(fromV1({ ...V1, ef: 1.3 }).d, 10);
  assert.ok(fromV1({ ...V1, ef: 3.0 }).d < good);
});

test("a __proto__ key in a file is skipped, not assigned as the cards' prototype", () => {
  const text = `{"version": 2, "cards": {"__proto__": ${JSON.stringify(CARD)}, "q1": ${JSON.stringify(CARD)}}}`;
  const checked = validate(JSON.parse(text));
  assert.equal(checked.skipped, 1);
  assert.equal(Object.getPrototypeOf(checked.state.cards), Object.prototype);
  assert.equal(checked.state.cards.state, undefined);
});

test("importing rejects what is not JSON or too large, and changes nothing", () => {
  const current = emptyState();
  assert.deepEqual(importText("{not json", current), { error: "not valid JSON" });
  assert.deepEqual(importText(" ".repeat(MAX_IMPORT_BYTES + 1), current), { error: "file too large" });
  assert.deepEqual(importText('{"version": 3, "cards": {}}', current), { error: "unsupported version 3 (expected 1 or 2)" });
  assert.deepEqual(current, emptyState());
});

test("importing merges: the newer review of each question wins, other grades stay", () => {
  const current = { version: 2, prefs: { showAll: true }, cards: {
    mine: CARD,
    newerHere: { ...CARD, last: "2026-11-25T08:00:00.000Z", due: "2026-11-27T08:00:00.000Z" },
    olderHere: { ...CARD, last: "2026-11-23T13:59:00.000Z" },
  } };
  const again = { ...CARD, state: "relearning", step: 0, grade: "again", due: "2026-11-23T14:10:00.000Z" };
  const text = file({ newerHere: again, olderHere: again, theirs: CARD, "bad id": CARD });
  const result = importText(text, current);
  assert.equal(result.imported, 3);
  assert.equal(result.skipped, 1);
  assert.equal(result.state.cards.newerHere.last, "2026-11-25T08:00:00.000Z", "a later review is kept");
  assert.equal(result.state.cards.olderHere.grade, "again", "the file's later review wins");
  assert.deepEqual(result.state.cards.mine, CARD);
  assert.deepEqual(result.state.cards.theirs, CARD);
  assert.deepEqual(result.state.prefs, { showAll: true }, "an import leaves this browser's preferences");
  assert.equal(current.cards.newerHere.grade, "knew", "the current state object is not modified");
  assert.equal(result.state.version, 2);
});

test("a version-1 file imports with its due days and grades", () => {
  const result = importText(JSON.stringify({ version: 1, cards: { old: V1, bad: { ...V1, ef: 9 } } }), emptyState());
  assert.deepEqual([result.imported, result.skipped], [1, 1]);
  assert.equal(dueDay(result.state.cards.old), "2026-11-24");
  assert.equal(result.state.cards.old.grade, "knew");
});

test("migrate moves a grade saved under a former id to the id now, keeping the newer one", () => {
  const later = { ...CARD, last: "2026-11-25T08:00:00.000Z", grade: "again" };
  const state = { version: 2, prefs: {}, cards: { "old-a": CARD, "old-b": later, "new-b": CARD, other: CARD } };
  const moved = migrate(state, { "old-a": "new-a", "old-b": "new-b" });
  assert.equal(moved, 2);
  assert.deepEqual(Object.keys(state.cards).sort(), ["new-a", "new-b", "other"]);
  assert.deepEqual(state.cards["new-a"], CARD);
  assert.equal(state.cards["new-b"].grade, "again", "the former id's grade was newer");
  assert.equal(migrate(state, { "new-b": "old-b" }), 1, "an alias map is applied as given");
});

test("migrate ignores aliases that are not plain ids, and inherited keys", () => {
  const cards = { a: CARD, b: CARD, c: CARD, e: CARD, toString: CARD };
  const state = { version: 2, prefs: {}, cards: { ...cards } };
  assert.equal(migrate(state, { a: "bad id", b: 7, c: "c", e: "__proto__" }), 0);
  assert.equal(Object.getPrototypeOf(state.cards), Object.prototype);
  assert.equal(migrate(state, null), 0);
  assert.deepEqual(state.cards, cards);
});

test("importing a file with former ids files their grades under the ids now", () => {
  const current = { version: 2, prefs: {}, cards: { "new-a": { ...CARD, last: "2026-11-20T08:00:00.000Z" } } };
  const result = importText(file({ "old-a": CARD, "old-c": CARD }), current, { "old-a": "new-a", "old-c": "new-c" });
  assert.equal(result.imported, 2);
  assert.deepEqual(Object.keys(result.state.cards).sort(), ["new-a", "new-c"]);
  assert.equal(result.state.cards["new-a"].last, CARD.last);
});

const NOTE = { text: "Attention weighs every token by its relevance.", at: "2026-11-23T14:00:00.000Z" };

test("notes are kept as plain text with their time; anything else is skipped", () => {
  const checked = validate({
    version: 2, cards: {},
    notes: {
      a: { ...NOTE, html: "<b>x</b>" },
      long: { text: "x".repeat(20001), at: NOTE.at },
      untimed: { text: "x" },
      "bad id!": NOTE,
      __proto__: NOTE,
    },
  });
  assert.deepEqual(checked.state.notes, { a: NOTE });
  assert.equal(checked.skipped, 3);
  assert.deepEqual(validate({ version: 2, cards: {} }).state.notes, {}); // a state from before notes
});

test("an import merges notes, the newer per id, and moves former ids", () => {
  const current = { ...emptyState(), notes: { a: NOTE, b: { text: "mine, newer", at: "2026-11-30T00:00:00.000Z" } } };
  const theirs = { a: { text: "theirs, newer", at: "2026-11-24T00:00:00.000Z" }, b: NOTE, "old-c": NOTE };
  const result = importText(file({}, { notes: theirs }), current, { "old-c": "c" });
  assert.equal(result.notes, 2); // b and old-c hold one note (same text, same time): one entry's

  assert.deepEqual(result.state.notes, {
    a: { text: "theirs, newer", at: "2026-11-24T00:00:00.000Z" },
    b: { text: "mine, newer", at: "2026-11-30T00:00:00.000Z" },
    c: NOTE,
  });
  assert.deepEqual(current.notes.a, NOTE); // the current state is not changed in place
});

test("migrate moves a note saved under a former id", () => {
  const state = { ...emptyState(), notes: { old: NOTE } };
  migrate(state, { old: "new" });
  assert.deepEqual(state.notes, { new: NOTE });
});
