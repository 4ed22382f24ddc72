/* The study state as data: its shape, the validation of a stored or imported document,
 * and the merge an import does. No DOM and no storage, so tests/js runs it under node.
 *
 * State (localStorage "llm-study:v1", see store.js), keyed by the stable question ids,
 * so it survives rebuilds of the site:
 *   {"version": 1,
 *    "cards": {"<question id>": {"ef": 2.5, "reps": 1, "interval": 1,
 *                                "due": "2026-11-24", "last": "2026-11-23",
 *                                "grade": "knew" | "again", "n": 1, "t": 1790000000000}},
 *    "prefs": {"showAll": false}}
 *
 * A question whose id changed (a cleaner reading of its title) lists its former ids
 * as aliases in study-index.json; grades saved under a former id move to the id now,
 * when the index loads (store.js) and when a progress file is imported.
 */
export const VERSION = 1;
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;
const ID = /^[A-Za-z0-9_-]{1,200}$/;
// Allowed by ID, but assigning it would replace the cards object's prototype.
const NOT_AN_ID = "__proto__";
const DATE = /^\d{4}-\d{2}-\d{2}$/;

export function emptyState() {
  return { version: VERSION, cards: {}, prefs: {} };
}

function validCard(c) {
  return c && typeof c === "object" &&
    typeof c.ef === "number" && c.ef >= 1.3 && c.ef <= 5 &&
    Number.isInteger(c.reps) && c.reps >= 0 && c.reps < 10000 &&
    Number.isInteger(c.interval) && c.interval >= 0 && c.interval <= 36500 &&
    typeof c.due === "string" && DATE.test(c.due) &&
    typeof c.last === "string" && DATE.test(c.last) &&
    (c.grade === "knew" || c.grade === "again");
}

/* A valid card with only the known keys: nothing else from a file is kept. */
export function cleanCard(c) {
  return {
    ef: c.ef, reps: c.reps, interval: c.interval, due: c.due, last: c.last, grade: c.grade,
    n: Number.isInteger(c.n) && c.n > 0 ? c.n : 1,
    t: typeof c.t === "number" && isFinite(c.t) ? c.t : 0
  };
}

/* {state, skipped} for a well-formed document (invalid cards skipped and counted), {error} otherwise. */
export function validate(doc) {
  if (!doc || typeof doc !== "object" || Array.isArray(doc)) return { error: "not a progress file (expected a JSON object)" };
  if (doc.version !== VERSION) return { error: "unsupported version " + JSON.stringify(doc.version) + " (expected 1)" };
  if (!doc.cards || typeof doc.cards !== "object" || Array.isArray(doc.cards)) return { error: "no \"cards\" object" };
  const state = emptyState();
  let skipped = 0;
  Object.keys(doc.cards).forEach(function (id) {
    if (ID.test(id) && id !== NOT_AN_ID && validCard(doc.cards[id])) state.cards[id] = cleanCard(doc.cards[id]);
    else skipped += 1;
  });
  if (doc.prefs && typeof doc.prefs === "object" && typeof doc.prefs.showAll === "boolean") {
    state.prefs.showAll = doc.prefs.showAll;
  }
  return { state: state, skipped: skipped };
}

/* Whether a grade should replace another: a later day, then a later timestamp; a tie goes
 * to `theirs` (the file being imported, or the grade saved under a former id). */
export function newer(theirs, mine) {
  return !mine || theirs.last > mine.last || (theirs.last === mine.last && theirs.t >= mine.t);
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
  return moved;
}

/* Parse and validate an imported file's text; the merge keeps the newer grade per id.
 * `aliases` (as for migrate) moves former ids first, in the file and in the result. */
export function importText(text, current, aliases) {
  if (text.length > MAX_IMPORT_BYTES) return { error: "file too large" };
  let doc;
  try { doc = JSON.parse(text); } catch { return { error: "not valid JSON" }; }
  const checked = validate(doc);
  if (checked.error) return checked;
  migrate(checked.state, aliases);
  const merged = { version: VERSION, cards: Object.assign({}, current.cards), prefs: current.prefs };
  let count = 0;
  Object.keys(checked.state.cards).forEach(function (id) {
    if (newer(checked.state.cards[id], merged.cards[id])) merged.cards[id] = checked.state.cards[id];
    count += 1;
  });
  migrate(merged, aliases);
  return { state: merged, imported: count, skipped: checked.skipped };
}
