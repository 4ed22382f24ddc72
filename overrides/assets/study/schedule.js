/* SM-2 (SuperMemo 2) review scheduling on local calendar days ("2026-11-23").
 * No DOM and no storage, so tests/js runs it under node.
 *
 * Two grades: "I knew it" is quality 4, "Not yet" quality 1.
 *   ease' = max(1.3, ease + 0.1 - (5 - q) * (0.08 + (5 - q) * 0.02))
 *   q >= 3: reps + 1; interval 1 day, then 6 days, then round(interval * ease')
 *   q <  3: reps = 0, interval 0: due again today, so it stays in today's queue.
 * A card is due when due <= today (local date); never graded means "new".
 * A grade is written to every id of a merged duplicate group (store.js), so the
 * site entry, its flashcard and each source's question share one schedule.
 */
import { cleanCard } from "./progress-data.js";

function pad(n) { return (n < 10 ? "0" : "") + n; }

export function isoDate(d) {
  return d.getFullYear() + "-" + pad(d.getMonth() + 1) + "-" + pad(d.getDate());
}

export function today(now = new Date()) { return isoDate(now); }

export function addDays(iso, days) {
  const p = iso.split("-");
  return isoDate(new Date(+p[0], +p[1] - 1, +p[2] + days));
}

/* The card after one review on `day`; `card` is null for a question never graded. */
export function review(card, knew, day, now = Date.now()) {
  const q = knew ? 4 : 1;
  const c = card ? cleanCard(card) : { ef: 2.5, reps: 0, interval: 0, n: 0 };
  c.ef = Math.max(1.3, Math.round((c.ef + 0.1 - (5 - q) * (0.08 + (5 - q) * 0.02)) * 100) / 100);
  if (q < 3) {
    c.reps = 0;
    c.interval = 0;
  } else {
    c.reps += 1;
    c.interval = c.reps === 1 ? 1 : c.reps === 2 ? 6 : Math.max(1, Math.round(c.interval * c.ef));
  }
  c.due = addDays(day, c.interval);
  c.last = day;
  c.grade = knew ? "knew" : "again";
  c.n = (c.n || 0) + 1;
  c.t = now;
  return c;
}

/* The most recently graded card among a duplicate group's ids, or null. */
export function latest(state, ids) {
  let best = null;
  ids.forEach(function (id) {
    const c = state.cards[id];
    if (c && (!best || c.last > best.last || (c.last === best.last && c.t > best.t))) best = c;
  });
  return best;
}

export function status(card, day) {
  if (!card) return "new";
  return card.due <= day ? "due" : card.grade === "knew" ? "known" : "learning";
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
    if (card.due <= day) out.due += 1;
  });
  return out;
}

function inDays(n) { return n === 0 ? "today" : n === 1 ? "tomorrow" : "in " + n + " days"; }

/* The one-line state shown under a graded question and on a flashcard. */
export function describe(card, day) {
  if (!card) return "Not graded yet.";
  if (card.grade === "again") return "Not yet: back in your review queue " + (card.due <= day ? "today" : "on " + card.due) + ".";
  const left = Math.round((Date.parse(card.due) - Date.parse(day)) / 86400000);
  return "Known: next review " + (left <= 0 ? "today" : inDays(left)) + ".";
}
