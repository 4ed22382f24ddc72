/* The flashcards' deck as data: which entries the filters keep, what a card's meta line
 * and back show, and the sentences the page says about a card. No DOM (flashcards.js
 * builds the page from these), so tests/js runs it under node.
 */
import { latest, status } from "./schedule.js";

export const KIND_LABELS = Object.freeze({ "": "All kinds", open: "Answered", mcq: "Multiple choice", prompt: "Practice prompts" });
export const SHOW_LABELS = Object.freeze({ "": "All cards", due: "Due today", new: "Never graded", learning: "Not known yet" });
export const DIFFICULTY_LABELS = Object.freeze({ "": "Any difficulty", easy: "Easy", medium: "Medium", hard: "Hard" });
// An http(s) URL with a host and nothing that could end an attribute or start a script.
const WEB_URL = /^https?:\/\/[^/?#\s"'<>`\\]+([/?#][^\s"'<>`\\]*)?$/i;

/* The entries the filters keep, in deck order. `filters` holds {topic, kind, show,
 * difficulty} ("" for any); `show` counts on the grades in `state` on local day `day`:
 * "due", "new" (never graded), "learning" (anything not known yet). */
export function filterDeck(entries, filters, state, day) {
  return entries.filter(function (e) {
    if (filters.topic && e.topic !== filters.topic) return false;
    if (filters.kind && e.kind !== filters.kind) return false;
    if (filters.difficulty && e.difficulty !== filters.difficulty) return false;
    const now = status(latest(state, e.ids), day);
    if (filters.show === "due") return now === "due";
    if (filters.show === "new") return now === "new";
    if (filters.show === "learning") return now !== "known";
    return true;
  });
}

/* Whether to offer the difficulty filter: only where a source marks difficulty. */
export function hasDifficulty(entries) {
  return entries.some(function (e) { return e.difficulty; });
}

/* How many different sources ask the entry (as generator/render/counts.py's sources_asking). */
export function sourcesAsking(entry) {
  return new Set(entry.members.map(function (m) { return m.source; })).size;
}

/* The line above a card's question: "Again: …" on a repeat, topic, kind, where it is
 * asked, difficulty. `topics` and `sources` map ids to titles. */
export function metaLine(entry, repeat, topics, sources) {
  const p = entry.primary, asking = sourcesAsking(entry);
  return [repeat ? "Again: you said “Not yet” earlier in this session" : "",
    topics[entry.topic] || entry.topic, KIND_LABELS[p.kind],
    asking > 1 ? "asked in " + asking + " sources" : sources[p.source] || p.source,
    entry.difficulty ? "difficulty: " + entry.difficulty : ""]
    .filter(Boolean).join(" · ");
}

/* The members whose answers an open card's back shows, the shown question's own first,
 * each with `label`: null for the shown question's own answer when it is the only one,
 * else "Answered in <citation>." (never "Q" + n: a source that numbers nothing has no
 * "Q12"). Empty for a practice prompt. */
export function answersShown(entry, sources) {
  const p = entry.primary;
  const answered = entry.members.filter(function (m) { return m.answer && m.kind !== "mcq" && m !== p; });
  if (p.answer) answered.unshift(p);
  return answered.map(function (m) {
    const cite = m.citation || sources[m.source] || m.source;
    return { member: m, label: answered.length > 1 || m !== p ? "Answered in " + cite + "." : null };
  });
}

/* The option of an MCQ card that is correct, or null. */
export function correctChoice(primary) {
  return (primary.choices || []).filter(function (c) { return c.letter === primary.correct; })[0] || null;
}

/* Whether a source's link may become a link on the card. */
export function isWebLink(link) {
  return typeof link === "string" && WEB_URL.test(link);
}

function cards(n) { return n + (n === 1 ? " card" : " cards"); }

/* "Card 3 of 12 · 2 cards to see again". */
export function positionText(pos, length, again) {
  return "Card " + (pos + 1) + " of " + length + (again ? " · " + cards(again) + " to see again" : "");
}

/* When a card graded in this session comes back: `ahead` cards before it, null for never. */
export function comesBack(ahead) {
  if (ahead == null) return "";
  return ahead === 0 ? " It comes back next." : " It comes back after " + cards(ahead) + ".";
}

/* What the page announces after a grade: the question (its first 80 characters), the
 * grade, the schedule (`described`, schedule.describe()) and when it comes back. */
export function gradedText(question, knew, described, ahead) {
  return "Graded “" + question.slice(0, 80) + "”: " + (knew ? "I knew it" : "Not yet") + ". " +
    described + comesBack(ahead);
}
