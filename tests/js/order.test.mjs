// Entry order (overrides/assets/study/order.js): the flashcards deal the site's entries in
// the order the topic pages show them, which the generator writes to study-index.json; the
// browser fills those rows in with questions.json's records and sorts nothing itself.
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";

import { deckEntries, entriesFromIndex } from "../../overrides/assets/study/order.js";

function question(id, fields) {
  return { id, source: "a", n: 1, kind: "open", topic: "t1", group: null, hidden: false, difficulty: null, ...fields };
}

const QUESTIONS = {
  sources: [{ id: "a" }, { id: "b" }],
  topics: [{ id: "t1" }, { id: "t2" }],
  // Deliberately not in site order: the index alone gives it.
  questions: [
    question("a1-prompt", { kind: "prompt" }),
    question("a2-open", { group: "g" }),
    question("a3-t2", { topic: "t2" }),
    question("a4-hidden", { hidden: true }),
    question("b2-dup", { source: "b", kind: "mcq", group: "g", difficulty: "hard" }),
  ],
};

const INDEX = entriesFromIndex({
  schema_version: 1,
  entries: [["t2", "a3-t2"], ["t1", "a2-open", "b2-dup"], ["t1", "a1-prompt"]],
  aliases: {},
});

test("entries come in the index's order, one per row, members in the row's order", () => {
  const deck = deckEntries(QUESTIONS, INDEX);
  assert.deepEqual(deck.entries.map((e) => e.ids), [["a3-t2"], ["a2-open", "b2-dup"], ["a1-prompt"]]);
  const merged = deck.entries[1];
  assert.equal(merged.id, "a2-open");
  assert.equal(merged.primary, QUESTIONS.questions[1], "the primary is questions.json's record");
  assert.deepEqual(merged.members.map((m) => m.source), ["a", "b"]);
  assert.equal(merged.kind, "open", "the primary's kind, not its duplicate's mcq");
  assert.equal(merged.topic, "t1");
  assert.deepEqual(deck.topics, QUESTIONS.topics);
  assert.deepEqual(deck.sources, QUESTIONS.sources);
});

test("a question the index does not list (a hidden one) gets no entry", () => {
  const ids = deckEntries(QUESTIONS, INDEX).entries.flatMap((e) => e.ids);
  assert.ok(!ids.includes("a4-hidden"));
  assert.equal(ids.length, 4);
});

test("an entry's difficulty is the first its members' sources marked", () => {
  const byId = new Map(deckEntries(QUESTIONS, INDEX).entries.map((e) => [e.id, e.difficulty]));
  assert.equal(byId.get("a2-open"), "hard", "a2-open has none; its duplicate b2-dup says hard");
  assert.equal(byId.get("a1-prompt"), null);
});

test("ids questions.json lacks (files of two builds) are left out, and an emptied row too", () => {
  const index = entriesFromIndex({ entries: [["t1", "gone", "b2-dup"], ["t1", "gone-too"], ["t2", "a3-t2"]] });
  const deck = deckEntries(QUESTIONS, index);
  assert.deepEqual(deck.entries.map((e) => e.ids), [["b2-dup"], ["a3-t2"]]);
  assert.equal(deck.entries[0].primary.id, "b2-dup");
  assert.deepEqual(deckEntries({}, index), { topics: [], sources: [], entries: [] });
});

test("study-index.json rows become entries, with the former ids' aliases", () => {
  const index = entriesFromIndex({ schema_version: 1, entries: [["t1", "a", "b"], ["t2", "c"]], aliases: { z: "a" } });
  assert.deepEqual(index.entries, [
    { topic: "t1", id: "a", ids: ["a", "b"] },
    { topic: "t2", id: "c", ids: ["c"] },
  ]);
  assert.deepEqual(index.aliases, { z: "a" });
  assert.deepEqual(entriesFromIndex({}), { aliases: {}, entries: [] });
  assert.deepEqual(entriesFromIndex({ entries: [], aliases: ["z", "a"] }).aliases, {});
});

// tests/test_js.py writes questions.json and study-index.json of real builds (the bundled
// corpus and the hand-made test corpus) into LLM_STUDY_BUILDS/<name>/.
const BUILDS = process.env.LLM_STUDY_BUILDS;
const builds = BUILDS ? readdirSync(BUILDS).sort() : [];

test("the generator's builds are there to compare with", { skip: !BUILDS && "LLM_STUDY_BUILDS is not set (tests/test_js.py sets it)" }, () => {
  assert.ok(builds.length >= 2, `builds in ${BUILDS}: ${builds}`);
});

for (const name of builds) {
  test(`${name}: every shown question is on one card, in the index's order, with its own topic`, () => {
    const read = (file) => JSON.parse(readFileSync(join(BUILDS, name, file), "utf8"));
    const questions = read("questions.json");
    const index = read("study-index.json");
    const deck = deckEntries(questions, entriesFromIndex(index));
    assert.ok(index.entries.length > 0);
    assert.deepEqual(deck.entries.map((e) => [e.topic, ...e.ids]), index.entries, "no id of the index is missing");
    const shown = questions.questions.filter((q) => !q.hidden).map((q) => q.id).sort();
    assert.deepEqual(deck.entries.flatMap((e) => e.ids).sort(), shown);
    for (const e of deck.entries) {
      assert.equal(e.primary.topic, e.topic, `${e.id}: the row's topic is its primary's`);
      assert.ok(e.members.every((m) => (m.group || m.id) === (e.primary.group || e.primary.id)), `${e.id}: one group`);
    }
  });
}
