/* The learner's own answers ("notes") in the study state, and the words the note box
 * shows. A note is saved under every id of an entry with the same text and time, so it
 * follows the entry whichever of its questions comes first after a rebuild. No DOM and
 * no storage (store.js saves; note.js is the box), so tests/js runs it under node.
 */

/* The entry's note ("" if none): the newest under any of its ids. */
export function noteOf(state, ids) {
  let best = null;
  ids.forEach(function (id) {
    const n = state.notes && state.notes[id];
    if (n && (!best || Date.parse(n.at) > Date.parse(best.at))) best = n;
  });
  return best ? best.text : "";
}

/* `state` with the entry's note set to `text` at `at` (an ISO time) under every id, or
 * deleted when the text is blank; changed in place and returned. */
export function withNote(state, ids, text, at) {
  state.notes = state.notes || {};
  ids.forEach(function (id) {
    if (text.trim()) state.notes[id] = { text: text, at: at };
    else delete state.notes[id];
  });
  return state;
}

/* The box's folded label: whether something is saved. */
export function noteSummary(text) {
  return text.trim() ? "Your answer (saved)" : "Write your own answer";
}

/* What a save did, for the box's live status line. */
export function noteStatus(saved, text) {
  if (!saved) return "Could not save here (browser storage is off).";
  return text.trim() ? "Saved." : "Deleted.";
}
