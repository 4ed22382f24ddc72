// Entry order (overrides/assets/study/order.js): the flashcards deal the site's entries in
// the order the topic pages show them, which the generator writes to study-index.json.
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";

import { entriesFromIndex, entriesFromQuestions } from "../../overrides/assets/study/order.js";

function question(id, fields) {
  return { id, source: "a", n: 1, kind: "open", topic: "t1", group: null, hidden: false, ...fields };
}

const DOC = {
  sources: [{ id: "a" }, { id: "b" }],
  topics: [{ id: "t1" }, { id: "t2" }],
  questions: [
    question("a1-prompt", { n: 1, kind: "prompt" }),
    question("a2-open", { n: 2, group: "g" }),
    question("a3-t2", { n: 3, topic: "t2" }),
    question("a4-hidden", { n: 4, hidden: true }),
    question("a5-mcq", { n: 5, kind: "mcq" }),
    question("b1-open", { source: "b", n: 1 }),
    question("b2-dup", { source: "b", n: 2, kind: "mcq", group: "g", topic: "t2" }),
    question("z1-stray", { source: "z", n: 1, topic: "elsewhere" }),
  ],
};

test("a duplicate group is one entry, its members sorted answered-first, then by source", () => {
  const group = entriesFromQuestions(DOC).entries.find((e) => e.ids.includes("b2-dup"));
  assert.deepEqual(group.ids, ["a2-open", "b2-dup"]);
  assert.equal(group.id, "a2-open");
  assert.equal(group.topic, "t1", "the primary member's topic");
  assert.equal(group.primary.id, "a2-open");
  assert.equal(group.members.length, 2);
});

test("entries follow the topic order, then kind, source order and number; hidden ones are left out", () => {
  const rows = entriesFromQuestions(DOC).entries.map((e) => [e.topic, ...e.ids]);
  assert.deepEqual(rows, [
    ["t1", "a2-open", "b2-dup"],
    ["t1", "b1-open"],
    ["t1", "a5-mcq"],
    ["t1", "a1-prompt"],
    ["t2", "a3-t2"],
    ["elsewhere", "z1-stray"],   // unknown topic and source sort last
  ]);
});

test("an entry's difficulty is the first its members' sources marked", () => {
  const doc = { ...DOC, questions: DOC.questions.map((q) => (q.id === "b2-dup" ? { ...q, difficulty: "hard" } : q)) };
  const byId = new Map(entriesFromQuestions(doc).entries.map((e) => [e.id, e.difficulty]));
  assert.equal(byId.get("a2-open"), "hard", "a2-open has none; its duplicate b2-dup says hard");
  assert.equal(byId.get("b1-open"), null);
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
  test(`${name}: questions.json gives the entries of study-index.json, in the same order`, () => {
    const read = (file) => JSON.parse(readFileSync(join(BUILDS, name, file), "utf8"));
    const index = read("study-index.json");
    const shaped = entriesFromQuestions(read("questions.json"));
    assert.ok(index.entries.length > 0);
    assert.deepEqual(shaped.entries.map((e) => [e.topic, ...e.ids]), index.entries);
    assert.deepEqual(entriesFromIndex(index).entries.map((e) => e.ids), shaped.entries.map((e) => e.ids));
  });
}
