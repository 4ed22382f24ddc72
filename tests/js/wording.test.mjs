// The study pages' sentences about counts and days (overrides/assets/study/wording.js).
import assert from "node:assert/strict";
import { test } from "node:test";

import {
  barWidths, dayName, homeSummary, homeTopicLine, importReport, plural, progressSummary, topicLine,
} from "../../overrides/assets/study/wording.js";

const P = { total: 40, known: 3, due: 2, graded: 5 };

test("counts read as English, one or many", () => {
  assert.equal(plural(1, "question"), "1 question");
  assert.equal(plural(0, "question"), "0 questions");
  assert.equal(plural(2, "answer"), "2 answers");
});

test("the topic bar and the home page's topic lines", () => {
  assert.equal(topicLine(P), "3 of 40 known · 2 due today");
  assert.equal(homeTopicLine(P), "2 due today · 3 of 40 known");
  assert.equal(homeTopicLine({ total: 0, known: 0, due: 0, graded: 0 }), "");
});

test("the home summary sends due reviews to the flashcards' due cards", () => {
  assert.deepEqual(homeSummary(P), {
    headline: "2 questions due for review today", rest: " · 3 of 40 known · 5 questions graded. ",
    link: "Review them with the flashcards", href: "flashcards/?show=due",
  });
  const none = homeSummary({ total: 40, known: 0, due: 0, graded: 1 });
  assert.equal(none.headline, "0 questions due for review today");
  assert.equal(none.rest, " · 0 of 40 known · 1 question graded. ");
  assert.equal(none.href, "flashcards/");
  assert.equal(none.link, "Study with the flashcards");
});

test("forecast days: today, tomorrow, then a short local date", () => {
  assert.equal(dayName("2026-11-23", 0), "Today (and overdue)");
  assert.equal(dayName("2026-11-24", 1), "Tomorrow");
  assert.equal(dayName("2026-11-26", 3), "Thu 26 Nov");
  assert.equal(dayName("2027-01-01", 6), "Fri 1 Jan");
});

test("forecast bars scale to the busiest day, 6em", () => {
  assert.deepEqual(barWidths([{ count: 4 }, { count: 1 }, { count: 0 }]), ["6.00em", "1.50em", "0.00em"]);
  assert.deepEqual(barWidths([{ count: 0 }, { count: 0 }]), ["0.00em", "0.00em"], "an empty week");
});

test("the progress summary counts graded questions, or says none are", () => {
  assert.equal(progressSummary(P), "5 of 40 questions graded in this browser: 3 known, 2 due today.");
  assert.equal(progressSummary({ total: 40, known: 0, due: 0, graded: 0 }), "Nothing graded in this browser yet.");
});

test("an import reports grades, answers and skipped entries, or why nothing changed", () => {
  assert.equal(importReport({ imported: 1, notes: 0, skipped: 0 }, "p.json"), "Loaded 1 grade from p.json.");
  assert.equal(importReport({ imported: 0, notes: 1, skipped: 0 }, "p.json"), "Loaded 0 grades and 1 answer from p.json.");
  assert.equal(importReport({ imported: 3, notes: 2, skipped: 4 }, "p.json"),
               "Loaded 3 grades and 2 answers from p.json (skipped 4 invalid entries).");
  assert.equal(importReport({ error: "not valid JSON" }, "x.json"), "Could not load x.json: not valid JSON. Nothing changed.");
});
