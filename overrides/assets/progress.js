/* Progress controls (#study-progress on the flashcards page): a summary, save
 * to a JSON file, load from one (validated, merged: the newer grade of each
 * question wins) and reset. Reset asks in the page, not with window.confirm,
 * so it works the same with a keyboard, a screen reader and in tests.
 */
import { el, onEveryPage } from "./study/dom.js";
import { importText } from "./study/progress-data.js";
import { today } from "./study/schedule.js";
import { announceChange, load, loadIndex, onChange, progressOf, save } from "./study/store.js";
import { importReport, progressSummary } from "./study/wording.js";

/* "12 of 296 known · 3 due today": counted per site entry, as on the home page. */
function showSummary(target) {
  loadIndex().then(function (data) {
    target.textContent = progressSummary(progressOf(data, null));
  }).catch(function () { target.textContent = ""; });
}

function download(state) {
  var blob = new Blob([JSON.stringify(state, null, 1) + "\n"], { type: "application/json" });
  var url = URL.createObjectURL(blob);
  var a = el("a", { href: url, download: "llm-study-progress-" + today() + ".json" });
  a.hidden = true;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(function () { URL.revokeObjectURL(url); }, 1000);
}

function mount(root) {
  root.textContent = "";
  var summary = el("p", { "class": "progress-summary", "aria-live": "polite" });
  showSummary(summary);
  var status = el("p", { "class": "progress-status", role: "status" });
  var row = el("div", { "class": "progress-actions" });
  var saveButton = el("button", { type: "button", "class": "progress-export" }, "Save progress to a file");
  var pick = el("label", { "class": "progress-import" });
  var input = el("input", { type: "file", accept: ".json,application/json", "class": "progress-import__input" });
  pick.appendChild(input);
  pick.appendChild(el("span", {}, "Load progress from a file"));
  var reset = el("button", { type: "button", "class": "progress-reset", "aria-expanded": "false",
                             "aria-controls": "progress-confirm" }, "Reset progress…");
  [saveButton, pick, reset].forEach(function (n) { row.appendChild(n); });

  var confirm = el("div", { "class": "progress-confirm", id: "progress-confirm", role: "group",
                            "aria-labelledby": "progress-confirm-text" });
  confirm.hidden = true;
  confirm.appendChild(el("p", { id: "progress-confirm-text" },
    "Delete every grade and every answer you wrote, stored in this browser? This cannot be undone (save a file first to keep a copy)."));
  var yes = el("button", { type: "button", "class": "progress-confirm__yes" }, "Delete my progress");
  var no = el("button", { type: "button", "class": "progress-confirm__no" }, "Keep it");
  confirm.appendChild(yes);
  confirm.appendChild(no);

  [summary, row, confirm, status].forEach(function (n) { root.appendChild(n); });

  function refresh(message) {
    showSummary(summary);
    if (message != null) status.textContent = message;
  }
  function closeConfirm() {
    confirm.hidden = true;
    reset.setAttribute("aria-expanded", "false");
  }

  saveButton.addEventListener("click", function () {
    download(load());
    refresh("Saved your progress as a file.");
  });
  input.addEventListener("change", function () {
    var file = input.files && input.files[0];
    if (!file) return;
    var aliases = loadIndex().then(function (index) { return index.aliases; }, function () { return {}; });
    Promise.all([file.text(), aliases]).then(function (read) {
      var result = importText(read[0], load(), read[1]);
      if (!result.error) {
        save(result.state);
        announceChange();
      }
      refresh(importReport(result, file.name));
    }).catch(function () { refresh("Could not read " + file.name + ". Nothing changed."); })
      .then(function () { input.value = ""; });
  });
  reset.addEventListener("click", function () {
    confirm.hidden = false;
    reset.setAttribute("aria-expanded", "true");
    no.focus();
  });
  no.addEventListener("click", function () { closeConfirm(); reset.focus(); refresh("Nothing deleted."); });
  yes.addEventListener("click", function () {
    var state = load();
    state.cards = {};
    state.notes = {};
    save(state);
    announceChange();
    closeConfirm();
    reset.focus();
    refresh("Progress reset: every grade and answer in this browser is deleted.");
  });
  onChange(summary, function () { showSummary(summary); });
}

function onPage() {
  var root = document.getElementById("study-progress");
  if (root && !root.hasAttribute("data-ready")) {
    root.setAttribute("data-ready", "true");
    mount(root);
  }
}

onEveryPage(onPage);
