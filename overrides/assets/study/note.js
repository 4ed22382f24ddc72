/* "Your answer": a box under each entry where the learner writes their own answer,
 * saved with their progress (store.js), so it comes back on every visit and travels in
 * the exported progress file. Plain text only: it is set and read as a value, never
 * as HTML. What is saved and what the box says: notes.js. */
import { el } from "./dom.js";
import { noteOf, noteStatus, noteSummary } from "./notes.js";
import { MAX_NOTE } from "./progress-data.js";
import { load, onChange, saveNote } from "./store.js";

const SAVE_AFTER_MS = 500;   // typing pauses this long: save without waiting for blur

export function noteBox(ids, label) {
  const text = noteOf(load(), ids);
  const box = el("details", { "class": "qa-note" });
  const summary = el("summary", {}, noteSummary(text));
  const area = el("textarea", {
    "class": "qa-note__text", rows: "4", maxlength: String(MAX_NOTE),
    "aria-label": "Your answer to: " + label
  });
  const status = el("p", { "class": "qa-note__status", "aria-live": "polite" });
  area.value = text;
  box.open = Boolean(text);
  let timer = null;
  function store() {
    clearTimeout(timer);
    timer = null;
    status.textContent = noteStatus(saveNote(ids, area.value), area.value);
    summary.textContent = noteSummary(area.value);
  }
  area.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(store, SAVE_AFTER_MS);
  });
  area.addEventListener("blur", function () { if (timer) store(); });
  box.appendChild(summary);
  box.appendChild(area);
  box.appendChild(status);
  onChange(box, function (state) {
    if (document.activeElement === area) return;   // never overwrite what is being typed
    area.value = noteOf(state, ids);
    summary.textContent = noteSummary(area.value);
  });
  return box;
}
