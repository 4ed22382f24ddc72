/* "Your answer": a box under each entry where the learner writes their own answer,
 * saved with their progress (store.js), so it comes back on every visit and travels in
 * the exported progress file. Plain text only: it is set and read as a value, never
 * as HTML. */
import { el } from "./dom.js";
import { MAX_NOTE } from "./progress-data.js";
import { load, noteOf, saveNote } from "./store.js";

const SAVE_AFTER_MS = 500;   // typing pauses this long: save without waiting for blur

export function noteBox(ids, label) {
  const text = noteOf(load(), ids);
  const box = el("details", { "class": "qa-note" });
  const summary = el("summary", {}, text ? "Your answer (saved)" : "Write your own answer");
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
    const saved = saveNote(ids, area.value);
    const written = Boolean(area.value.trim());
    status.textContent = !saved ? "Could not save here (browser storage is off)." : written ? "Saved." : "Deleted.";
    summary.textContent = written ? "Your answer (saved)" : "Write your own answer";
  }
  area.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(store, SAVE_AFTER_MS);
  });
  area.addEventListener("blur", function () { if (timer) store(); });
  box.appendChild(summary);
  box.appendChild(area);
  box.appendChild(status);
  box.llmRefresh = function (state) {
    if (document.activeElement === area) return;   // never overwrite what is being typed
    area.value = noteOf(state, ids);
    summary.textContent = area.value ? "Your answer (saved)" : "Write your own answer";
  };
  return box;
}
