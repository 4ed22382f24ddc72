/* The browser side of the study state: localStorage, the clock, and the two data files
 * (questions.json, study-index.json) fetched once per visit. The logic it calls lives
 * in schedule.js, progress-data.js and order.js, which never touch the browser. */
import { withNote } from "./notes.js";
import { emptyState, migrate, validate } from "./progress-data.js";
import { forecast, latest, progress, review, today } from "./schedule.js";
import { deckEntries, entriesFromIndex } from "./order.js";

export const KEY = "llm-study:v2";
// The SM-2 state of earlier versions of the site: read once into KEY, then left as it was.
export const OLD_KEY = "llm-study:v1";

// The site root, from this module's own address (assets/study/store.js): it holds on
// every page, the 404 page and after instant navigation, and asks nothing of the theme.
export const siteRoot = new URL("../../", import.meta.url);

export function load() {
  try {
    const raw = window.localStorage.getItem(KEY);
    if (raw) return validate(JSON.parse(raw)).state || emptyState();
    const old = window.localStorage.getItem(OLD_KEY);
    if (!old) return emptyState();
    const state = validate(JSON.parse(old)).state || emptyState();
    save(state);
    return state;
  } catch {
    return emptyState();   // storage blocked or corrupt: study without saving
  }
}

export function save(state) {
  try { window.localStorage.setItem(KEY, JSON.stringify(state)); return true; } catch { return false; }
}

// What shows the saved state on this page: {node, show, shown}, dropped once the node has
// left the page (instant navigation replaced it).
const watchers = new Set();

/* Call show(state) after every change of the saved state announced here (a grade, grades
 * moved from former ids, a loaded file, a reset), for as long as `node` is in the page. */
export function onChange(node, show) {
  watchers.add({ node: node, show: show, shown: false });
}

/* Show every watcher on the page the saved state as it is now. */
export function announceChange() {
  const state = load();
  watchers.forEach(function (w) {
    if (w.node.isConnected) { w.shown = true; w.show(state); }
    else if (w.shown) watchers.delete(w);
  });
}

/* Grade one site entry: every id of its duplicate group gets the same schedule.
 * `replacing` ({before, card}: a review this page made that schedule.replaces() says a
 * new grade replaces) is graded again from the card it started from. */
export function grade(ids, knew, replacing) {
  const state = load();
  const card = review(replacing ? replacing.before : latest(state, ids), knew, Date.now());
  ids.forEach(function (id) { state.cards[id] = card; });
  save(state);
  announceChange();
  return card;
}

/* Save (or, for blank text, delete) the learner's answer under every id of the entry
 * (notes.withNote); false when the browser does not store it. */
export function saveNote(ids, text) {
  return save(withNote(load(), ids, text, new Date().toISOString()));
}

/* {total, known, due, graded} from this browser's grades, over all entries or one topic's. */
export function progressOf(data, topic) {
  return progress(data.entries, load(), today(), topic);
}

/* Reviews due on each of the next 7 days (today includes overdue ones): [{day, count}]. */
export function forecastOf(data) {
  return forecast(data.entries, load(), today());
}

/* A JSON file under the site root, fetched once; a failure lets a later page try again. */
function fetchOnce(name, shape) {
  let promise = null;
  return function () {
    if (!promise) {
      promise = fetch(new URL(name, siteRoot).href)
        .then(function (r) { if (!r.ok) throw new Error(name + ": HTTP " + r.status); return r.json(); })
        .then(shape);
      promise.catch(function () { promise = null; });
    }
    return promise;
  };
}

const loadQuestions = fetchOnce("questions.json", function (doc) { return doc; });

/* The flashcards' entries (one per duplicate group, primary first), in the order of
 * study-index.json, with questions.json's records; saved grades have moved to the ids now. */
export function loadData() {
  return Promise.all([loadQuestions(), loadIndex()]).then(function (got) { return deckEntries(got[0], got[1]); });
}

/* Grades saved under former ids, moved for good (and the page told) once the index is here. */
function migrateSaved(index) {
  const state = load();
  if (migrate(state, index.aliases) && save(state)) announceChange();
  return index;
}

/* study-index.json: [topic, id, other ids…] per site entry, enough for progressOf(), and
 * the former ids' aliases, which move saved grades as the index loads. */
export const loadIndex = fetchOnce("study-index.json", function (doc) {
  return migrateSaved(entriesFromIndex(doc));
});

// Grades saved under ids a question had before move on any page, not only where counts show.
if (Object.keys(load().cards).length) loadIndex().catch(function () { /* offline: next time */ });
