// The flashcards' deck as data (overrides/assets/study/deck.js): filters, a card's meta
// line and back, and what the page says after a grade.
import assert from "node:assert/strict";
import { test } from "node:test";

import {
  answersShown, comesBack, correctChoice, filterDeck, gradedText, hasDifficulty, isWebLink, metaLine,
  positionText,
} from "../../overrides/assets/study/deck.js";

const DAY = "2026-11-23";
// An entry with one member; `asked` changes that member (its kind, its answer).
function entry(id, fields, asked) {
  const primary = { id, source: "s1", kind: "open", answer: "A.", ...asked };
  return { id, ids: [id], topic: "t1", kind: primary.kind, difficulty: null, members: [primary], primary, ...fields };
}
const CARD = (grade, due) => ({ state: "review", step: null, s: 2, d: 5, due, last: "2026-11-20T09:00:00.000Z", grade, n: 1 });
// Noon UTC: the same local day in the zone tests/test_js.py sets (America/New_York).
const STATE = { cards: {
  due: CARD("knew", "2026-11-22T12:00:00.000Z"),
  known: CARD("knew", "2026-11-30T12:00:00.000Z"),
  again: CARD("again", "2026-11-25T12:00:00.000Z"),
} };
const ENTRIES = [
  entry("due", {}), entry("known", { topic: "t2" }), entry("again", { difficulty: "hard" }),
  entry("new", {}, { kind: "mcq" }),
];
const ids = (list) => list.map((e) => e.id);
const ALL = { topic: "", kind: "", show: "", difficulty: "" };

test("with no filter set the deck is every entry, in order", () => {
  assert.deepEqual(ids(filterDeck(ENTRIES, ALL, STATE, DAY)), ["due", "known", "again", "new"]);
});

test("topic, kind and difficulty filters keep only their entries", () => {
  assert.deepEqual(ids(filterDeck(ENTRIES, { ...ALL, topic: "t2" }, STATE, DAY)), ["known"]);
  assert.deepEqual(ids(filterDeck(ENTRIES, { ...ALL, kind: "mcq" }, STATE, DAY)), ["new"]);
  assert.deepEqual(ids(filterDeck(ENTRIES, { ...ALL, difficulty: "hard" }, STATE, DAY)), ["again"]);
  assert.deepEqual(ids(filterDeck(ENTRIES, { ...ALL, topic: "t1", kind: "open" }, STATE, DAY)), ["due", "again"]);
});

test("the show filter counts on this browser's grades", () => {
  const show = (value) => ids(filterDeck(ENTRIES, { ...ALL, show: value }, STATE, DAY));
  assert.deepEqual(show("due"), ["due"]);
  assert.deepEqual(show("new"), ["new"]);
  assert.deepEqual(show("learning"), ["due", "again", "new"], "everything not known yet");
});

test("a merged entry's grade is its most recent member's", () => {
  const merged = entry("m", { ids: ["x", "y"] });
  const state = { cards: { x: CARD("knew", "2026-11-30T12:00:00.000Z"),
                           y: { ...CARD("again", "2026-11-22T12:00:00.000Z"), last: "2026-11-21T09:00:00.000Z" } } };
  assert.deepEqual(ids(filterDeck([merged], { ...ALL, show: "due" }, state, DAY)), ["m"]);
});

test("the difficulty filter is offered only where a source marks difficulty", () => {
  assert.equal(hasDifficulty(ENTRIES), true);
  assert.equal(hasDifficulty(ENTRIES.filter((e) => !e.difficulty)), false);
});

test("the meta line names topic, kind, source or how many sources ask, and difficulty", () => {
  const topics = { t1: "Attention" }, sources = { s1: "Bank", s2: "Guide" };
  assert.equal(metaLine(ENTRIES[0], 0, topics, sources), "Attention · Answered · Bank");
  const twice = entry("m", { difficulty: "easy", topic: "t9" });
  twice.members = [twice.primary, { id: "n", source: "s2" }, { id: "o", source: "s1" }];
  assert.equal(metaLine(twice, 1, topics, sources),
               "Again: you said “Not yet” earlier in this session · t9 · Answered · asked in 2 sources · difficulty: easy");
});

test("the back shows the card's own answer unlabelled when it is the only one", () => {
  const e = entry("a", {});
  assert.deepEqual(answersShown(e, {}), [{ member: e.primary, label: null }]);
});

test("a merged card shows each source's answer, its own first, labelled by citation", () => {
  const own = { id: "a", source: "s1", kind: "open", answer: "Mine.", citation: "Bank, Q3" };
  const other = { id: "b", source: "s2", kind: "open", answer: "Theirs." };
  const mcq = { id: "c", source: "s3", kind: "mcq", answer: "An explanation." };
  const e = { ...entry("a", {}), primary: own, members: [own, mcq, other] };
  assert.deepEqual(answersShown(e, { s2: "Guide" }).map((x) => [x.member.id, x.label]),
                   [["a", "Answered in Bank, Q3."], ["b", "Answered in Guide."]]);
});

test("an unanswered question shows a merged duplicate's answer, labelled; a prompt shows none", () => {
  const ask = { id: "a", source: "s1", kind: "open", answer: null };
  const other = { id: "b", source: "s2", kind: "open", answer: "Theirs.", citation: "Guide, section 2" };
  assert.deepEqual(answersShown({ primary: ask, members: [ask, other] }, {}).map((x) => x.label),
                   ["Answered in Guide, section 2."]);
  assert.deepEqual(answersShown({ primary: ask, members: [ask] }, {}), []);
});

test("an MCQ card's correct option is found by letter", () => {
  const p = { correct: "B", choices: [{ letter: "A" }, { letter: "B", text: "yes" }] };
  assert.equal(correctChoice(p).text, "yes");
  assert.equal(correctChoice({ correct: null, choices: p.choices }), null);
  assert.equal(correctChoice({ correct: "C" }), null);
});

test("only an http(s) URL with a host becomes a source link", () => {
  assert.ok(isWebLink("https://example.org/a?b=c#d"));
  assert.ok(isWebLink("http://example.org"));
  for (const bad of ["javascript:alert(1)", "https://", "https://a b", 'https://x.org/"onload="', "//x.org", null, 7]) {
    assert.ok(!isWebLink(bad), String(bad));
  }
});

test("the position line counts the session and the repeats ahead", () => {
  assert.equal(positionText(0, 12, 0), "Card 1 of 12");
  assert.equal(positionText(2, 12, 1), "Card 3 of 12 · 1 card to see again");
  assert.equal(positionText(2, 12, 3), "Card 3 of 12 · 3 cards to see again");
});

test("after a grade the page says what was graded and when it comes back", () => {
  assert.equal(comesBack(null), "");
  assert.equal(comesBack(0), " It comes back next.");
  assert.equal(comesBack(1), " It comes back after 1 card.");
  assert.equal(gradedText("What is attention?", false, "Not yet: back in your review queue today.", 5),
               "Graded “What is attention?”: Not yet. Not yet: back in your review queue today. It comes back after 5 cards.");
  const long = gradedText("x".repeat(100), true, "Known.", null);
  assert.equal(long, "Graded “" + "x".repeat(80) + "”: I knew it. Known.");
});
