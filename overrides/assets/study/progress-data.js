/* The study state as data: its shape, the validation of a stored or imported document,
 * the reading of the older SM-2 format, and the merge an import does. No DOM and no
 * storage, so tests/js runs it under node.
 *
 * State (localStorage "llm-study:v2", see store.js), keyed by the stable question ids,
 * so it survives rebuilds of the site. Each card is an FSRS card (fsrs.js) with its
 * times as ISO strings, plus the last grade and the number of reviews:
 *   {"version": 2,
 *    "cards": {"<question id>": {"state": "review", "step": null, "s": 2.3065, "d": 2.1181,
 *                                "due": "2026-11-25T09:00:00.000Z",
 *                                "last": "2026-11-23T09:00:00.000Z",
 *                                "grade": "knew" | "again", "n": 1}},
 *    "prefs": {"showAll": false, "shuffle": true},
 *    "notes": {"<question id>": {"text": "the learner's own answer", "at": "2026-11-23T09:00:00.000Z"}}}
 *
 * "notes" (added within version 2; a state without it has none): what the learner wrote
 * as their own answer to an entry, saved under every id of the entry, at most
 * MAX_NOTE characters, plain text (shown with textContent, never as HTML).
 *
 * Version 1 (localStorage "llm-study:v1", SM-2) held {"ef", "reps", "interval", "due" and
 * "last" as local dates, "grade", "n", "t"} per card. A version-1 state or file is read
 * through fromV1(): every question keeps its due day and its known / not-yet grade.
 *
 * A question whose id changed (a cleaner reading of its title) lists its former ids
 * as aliases in study-index.json; grades saved under a former id move to the id now,
 * when the index loads (store.js) and when a progress file is imported.
 */
import { GOOD, initialDifficulty } from "./fsrs.js";

export const VERSION = 2;
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;
export const MAX_NOTE = 20000;
const ID = /^[A-Za-z0-9_-]{1,200}$/;
// Allowed by ID, but assigning it would replace the cards object's prototype.
const NOT_AN_ID = "__proto__";
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const STATES = ["learning", "review", "relearning"];
// showAll: the topic pages' "Show all answers"; shuffle: the flashcards deal in random order.
const PREFS = ["showAll", "shuffle"];

export function emptyState() {
  return { version: VERSION, cards: {}, prefs: {}, notes: {} };
}

function validNote(n) {
  return n && typeof n === "object" && typeof n.text === "string" && n.text.length <= MAX_NOTE && isTime(n.at);
}

/* The valid notes of a document, with only the known keys; {notes, skipped}. */
function cleanNotes(notes) {
  const out = {};
  let skipped = 0;
  if (!notes || typeof notes !== "object" || Array.isArray(notes)) return { notes: out, skipped: 0 };
  Object.keys(notes).forEach(function (id) {
    if (ID.test(id) && id !== NOT_AN_ID && validNote(notes[id])) out[id] = { text: notes[id].text, at: notes[id].at };
    else skipped += 1;
  });
  return { notes: out, skipped: skipped };
}

function newerNote(theirs, mine) {
  return !mine || Date.parse(theirs.at) >= Date.parse(mine.at);
}

function validV1(c) {
  return c && typeof c === "object" &&
    typeof c.ef === "number" && c.ef >= 1.3 && c.ef <= 5 &&
    Number.isInteger(c.reps) && c.reps >= 0 && c.reps < 10000 &&
    Number.isInteger(c.interval) && c.interval >= 0 && c.interval <= 36500 &&
    typeof c.due === "string" && DATE.test(c.due) &&
    typeof c.last === "string" && DATE.test(c.last) &&
    (c.grade === "knew" || c.grade === "again");
}

function isTime(t) { return typeof t === "string" && TIME.test(t) && !isNaN(Date.parse(t)); }
function inRange(x, lo, hi) { return typeof x === "number" && x >= lo && x <= hi; }

function validCard(c) {
  if (!c || typeof c !== "object" || STATES.indexOf(c.state) === -1) return false;
  const memory = (c.s === null && c.d === null) || (inRange(c.s, 0.001, 1e6) && inRange(c.d, 1, 10));
  const step = c.state === "review" ? c.step === null : Number.isInteger(c.step) && c.step >= 0 && c.step < 100;
  return memory && step && (c.s !== null || c.state === "learning") &&
    isTime(c.due) && isTime(c.last) && (c.grade === "knew" || c.grade === "again");
}

/* A valid card with only the known keys: nothing else from a file is kept. */
export function cleanCard(c) {
  return {
    state: c.state, step: c.step, s: c.s, d: c.d, due: c.due, last: c.last, grade: c.grade,
    n: Number.isInteger(c.n) && c.n > 0 ? c.n : 1
  };
}

function localMidnight(date) {
  const p = date.split("-");
  return new Date(+p[0], +p[1] - 1, +p[2]);
}

/* A version-1 (SM-2) card as an FSRS card due on the same local day with the same grade.
 * "I knew it": in review, stability = the SM-2 interval (FSRS's interval at 90 % retention
 * is the stability), difficulty from the ease (2.5, the starting ease, is a first "Good";
 * the floor 1.3 is the hardest). "Not yet": SM-2 had restarted it, so FSRS starts it
 * afresh in learning. The review time is the saved timestamp when it falls on `last`. */
export function fromV1(c) {
  const t = typeof c.t === "number" && isFinite(c.t) && c.t > 0 ? new Date(c.t) : null;
  const lastDay = localMidnight(c.last);
  const sameDay = t && t.getFullYear() === lastDay.getFullYear() && t.getMonth() === lastDay.getMonth() &&
    t.getDate() === lastDay.getDate();
  const last = sameDay ? t : lastDay;
  const knew = c.grade === "knew";
  const good = initialDifficulty(GOOD);
  return {
    state: knew ? "review" : "learning",
    step: knew ? null : 0,
    s: knew ? Math.max(c.interval, 1) : null,
    d: knew ? Math.min(10, Math.max(1, good + (2.5 - c.ef) * (10 - good) / 1.2)) : null,
    due: localMidnight(c.due).toISOString(),
    last: last.toISOString(),
    grade: c.grade,
    n: Number.isInteger(c.n) && c.n > 0 ? c.n : 1
  };
}

/* {state, skipped} for a well-formed document of version 1 or 2 (invalid cards skipped
 * and counted; version-1 cards converted), {error} otherwise. */
export function validate(doc) {
  if (!doc || typeof doc !== "object" || Array.isArray(doc)) return { error: "not a progress file (expected a JSON object)" };
  if (doc.version !== VERSION && doc.version !== 1) {
    return { error: "unsupported version " + JSON.stringify(doc.version) + " (expected 1 or 2)" };
  }
  if (!doc.cards || typeof doc.cards !== "object" || Array.isArray(doc.cards)) return { error: "no \"cards\" object" };
  const valid = doc.version === 1 ? validV1 : validCard;
  const clean = doc.version === 1 ? fromV1 : cleanCard;
  const state = emptyState();
  let skipped = 0;
  Object.keys(doc.cards).forEach(function (id) {
    if (ID.test(id) && id !== NOT_AN_ID && valid(doc.cards[id])) state.cards[id] = clean(doc.cards[id]);
    else skipped += 1;
  });
  const notes = cleanNotes(doc.notes);
  state.notes = notes.notes;
  skipped += notes.skipped;
  // Preferences are switches: each kept only as a boolean, a missing one stays unset (off).
  if (doc.prefs && typeof doc.prefs === "object") {
    PREFS.forEach(function (name) {
      if (typeof doc.prefs[name] === "boolean") state.prefs[name] = doc.prefs[name];
    });
  }
  return { state: state, skipped: skipped };
}

/* Whether a grade should replace another: the later review wins; a tie goes to `theirs`
 * (the file being imported, or the grade saved under a former id). */
export function newer(theirs, mine) {
  return !mine || Date.parse(theirs.last) >= Date.parse(mine.last);
}

/* Move grades saved under a former id (aliases: former id -> id now, from study-index.json)
 * to the question's id now, in place; returns how many moved. */
export function migrate(state, aliases) {
  let moved = 0;
  if (!aliases) return moved;
  Object.keys(state.cards).forEach(function (old) {
    if (!Object.prototype.hasOwnProperty.call(aliases, old)) return;
    const now = aliases[old];
    if (typeof now !== "string" || !ID.test(now) || now === NOT_AN_ID || now === old) return;
    if (newer(state.cards[old], state.cards[now])) state.cards[now] = state.cards[old];
    delete state.cards[old];
    moved += 1;
  });
  const notes = state.notes || {};
  Object.keys(notes).forEach(function (old) {
    if (!Object.prototype.hasOwnProperty.call(aliases, old)) return;
    const now = aliases[old];
    if (typeof now !== "string" || !ID.test(now) || now === NOT_AN_ID || now === old) return;
    if (newerNote(notes[old], notes[now])) notes[now] = notes[old];
    delete notes[old];
  });
  return moved;
}

/* Parse and validate an imported file's text; the merge keeps the newer grade and the
 * newer note per id.
 * `aliases` (as for migrate) moves former ids first, in the file and in the result. */
export function importText(text, current, aliases) {
  if (text.length > MAX_IMPORT_BYTES) return { error: "file too large" };
  let doc;
  try { doc = JSON.parse(text); } catch { return { error: "not valid JSON" }; }
  const checked = validate(doc);
  if (checked.error) return checked;
  migrate(checked.state, aliases);
  const merged = {
    version: VERSION, cards: Object.assign({}, current.cards), prefs: current.prefs,
    notes: Object.assign({}, current.notes)
  };
  let count = 0;
  Object.keys(checked.state.cards).forEach(function (id) {
    if (newer(checked.state.cards[id], merged.cards[id])) merged.cards[id] = checked.state.cards[id];
    count += 1;
  });
  // An entry's note is saved under each of its ids with the same text and time: count it once.
  const notes = new Set();
  Object.keys(checked.state.notes).forEach(function (id) {
    const note = checked.state.notes[id];
    if (newerNote(note, merged.notes[id])) merged.notes[id] = note;
    notes.add(note.at + "\u0000" + note.text);
  });
  migrate(merged, aliases);
  return { state: merged, imported: count, notes: notes.size, skipped: checked.skipped };
}
