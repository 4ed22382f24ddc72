/* Review scheduling for the site: FSRS (fsrs.js) behind two grades, on stored cards
 * (progress-data.js), with "due today" and the forecast counted in local calendar days
 * ("2026-11-23"). No DOM and no storage, so tests/js runs it under node.
 *
 * "I knew it" is FSRS's Good, "Not yet" is Again; a multiple-choice pick is one of them
 * (right or wrong) until a grade button overrides it (replaces()). A new card rated Good
 * is next due in 2 days (its first stability), then at growing intervals; Again brings
 * it back in 10 minutes (a learning or relearning step), so it comes back the same day.
 * A card is due when its due time falls on or before today (local date); never graded
 * means "new". A grade is written to every id of a merged duplicate group (store.js), so
 * the site entry, its flashcard and each source's question share one schedule.
 */
import { AGAIN, GOOD, newCard, schedule } from "./fsrs.js";

const REPLACE_WITHIN = 10 * 60000;

function pad(n) { return (n < 10 ? "0" : "") + n; }

export function isoDate(d) {
  return d.getFullYear() + "-" + pad(d.getMonth() + 1) + "-" + pad(d.getDate());
}

export function today(now = new Date()) { return isoDate(now); }

export function addDays(iso, days) {
  const p = iso.split("-");
  return isoDate(new Date(+p[0], +p[1] - 1, +p[2] + days));
}

/* The local day a stored card is due. */
export function dueDay(card) { return isoDate(new Date(card.due)); }

/* The stored card after one review at `now` (ms): `knew` is Good, otherwise Again.
 * `card` is null for a question never graded, and is left alone. */
export function review(card, knew, now = Date.now()) {
  const before = card ? { state: card.state, step: card.step, s: card.s, d: card.d,
                          due: Date.parse(card.due), last: Date.parse(card.last) } : newCard(now);
  const next = schedule(before, knew ? GOOD : AGAIN, now);
  return {
    state: next.state, step: next.step, s: next.s, d: next.d,
    due: new Date(next.due).toISOString(), last: new Date(now).toISOString(),
    grade: knew ? "knew" : "again", n: (card && card.n ? card.n : 0) + 1
  };
}

/* Whether a grade at `now` replaces `made` (a review this page made: {before, card}) rather
 * than adding another: while it is still the latest review (`current`) and a few minutes old. */
export function replaces(made, current, now) {
  return !!(made && current && current.last === made.card.last &&
    now - Date.parse(made.card.last) < REPLACE_WITHIN);
}

/* The most recently graded card among a duplicate group's ids, or null. */
export function latest(state, ids) {
  let best = null;
  ids.forEach(function (id) {
    const c = state.cards[id];
    if (c && (!best || c.last > best.last)) best = c;
  });
  return best;
}

export function status(card, day) {
  if (!card) return "new";
  return dueDay(card) <= day ? "due" : card.grade === "knew" ? "known" : "learning";
}

/* {total, known, due, graded} over entries ({topic, ids}), optionally of one topic. */
export function progress(entries, state, day, topic) {
  const out = { total: 0, known: 0, due: 0, graded: 0 };
  entries.forEach(function (e) {
    if (topic && e.topic !== topic) return;
    out.total += 1;
    const card = latest(state, e.ids);
    if (!card) return;
    out.graded += 1;
    if (card.grade === "knew") out.known += 1;
    if (dueDay(card) <= day) out.due += 1;
  });
  return out;
}

/* Reviews due on each of the `days` days from `day`: [{day, count}], overdue ones on the first. */
export function forecast(entries, state, day, days = 7) {
  const out = [];
  for (let i = 0; i < days; i++) out.push({ day: addDays(day, i), count: 0 });
  entries.forEach(function (e) {
    const card = latest(state, e.ids);
    if (!card) return;
    const due = dueDay(card);
    for (let i = 0; i < days; i++) {
      if (due <= out[i].day) { out[i].count += 1; return; }
    }
  });
  return out;
}

function inDays(n) { return n === 0 ? "today" : n === 1 ? "tomorrow" : "in " + n + " days"; }

function daysBetween(from, to) {
  return Math.round((Date.parse(to + "T00:00:00Z") - Date.parse(from + "T00:00:00Z")) / 86400000);
}

/* The one-line state shown under a graded question and on a flashcard. */
export function describe(card, day) {
  if (!card) return "Not graded yet.";
  const due = dueDay(card);
  if (card.grade === "again") return "Not yet: back in your review queue " + (due <= day ? "today" : "on " + due) + ".";
  const left = daysBetween(day, due);
  return "Known: next review " + (left <= 0 ? "today" : inDays(left)) + ".";
}
