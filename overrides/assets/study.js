/* Study mode on topic pages, and the review counts on the home page.
 *
 * Progressive enhancement: without JavaScript every answer is a native
 * <details> the reader can open. With it, each entry (.qa) gets "I knew it /
 * Not yet" buttons, multiple-choice options become buttons with right/wrong
 * feedback, one switch opens or folds every answer (remembered), and a search
 * hit inside a folded answer opens that answer, and a box under each entry keeps
 * the learner's own answer (study/note.js). Runs again after every instant
 * navigation (Material's document$). The state and the scheduling it uses are
 * the modules in study/.
 */
import { el, onEveryPage } from "./study/dom.js";
import { enhanceMcq } from "./study/mcq.js";
import { noteBox } from "./study/note.js";
import { describe, latest, replaces, today } from "./study/schedule.js";
import { firstMentioning, mentions, searchTerms } from "./study/search-hit.js";
import { forecastOf, grade, load, loadIndex, onChange, progressOf, save, siteRoot } from "./study/store.js";
import { barWidths, dayName, homeSummary, homeTopicLine, topicLine } from "./study/wording.js";

/* ---- grading --------------------------------------------------------- */

/* "I knew it / Not yet" for one entry. A multiple-choice pick grades too (right is
 * "I knew it", wrong "Not yet"); a button pressed after it, or another pick, replaces
 * that review's grade instead of adding a second review (schedule.replaces). */
function gradeControls(ids, label) {
  var box = el("div", { "class": "study-grade", role: "group", "aria-label": "Grade yourself: " + label });
  var knew = el("button", { type: "button", "class": "study-grade__knew", "data-grade": "knew" }, "I knew it");
  var again = el("button", { type: "button", "class": "study-grade__again", "data-grade": "again" }, "Not yet");
  var note = el("span", { "class": "study-grade__status", "aria-live": "polite" });
  var made = null;   // {before, card}: the review the multiple-choice pick made, while it can be replaced
  function show(card) {
    note.textContent = describe(card, today());
    knew.setAttribute("aria-pressed", card && card.grade === "knew" ? "true" : "false");
    again.setAttribute("aria-pressed", card && card.grade === "again" ? "true" : "false");
  }
  function rate(right, fromPick) {
    var current = latest(load(), ids);
    var replacing = replaces(made, current, Date.now()) ? made : null;
    var card = grade(ids, right, replacing);
    made = fromPick || replacing ? { before: replacing ? replacing.before : current, card: card } : null;
    show(card);
  }
  knew.addEventListener("click", function () { rate(true, false); });
  again.addEventListener("click", function () { rate(false, false); });
  box.appendChild(knew);
  box.appendChild(again);
  box.appendChild(note);
  show(latest(load(), ids));
  // Grades can change without a click here (moved from a former id, loaded from a file).
  onChange(box, function (state) { show(latest(state, ids)); });
  return { box: box, pick: function (right) { rate(right, true); } };
}

function enhanceEntry(qa) {
  if (qa.getAttribute("data-study") === "ready") return;
  qa.setAttribute("data-study", "ready");
  var ids = (qa.getAttribute("data-ids") || qa.getAttribute("data-qid") || "").split(/\s+/).filter(Boolean);
  if (!ids.length) return;
  var heading = qa.previousElementSibling;
  var label = heading && /^H[1-6]$/.test(heading.tagName) ? heading.textContent.replace(/¶$/, "").trim() : ids[0];
  var answer = qa.querySelector("details.answer");
  var mcq = qa.querySelector("ol.mcq");
  var controls = gradeControls(ids, label);
  if (mcq) {
    enhanceMcq(mcq, function (right) {
      if (answer) answer.open = true;
      controls.pick(right);
    });
  }
  var source = qa.querySelector(":scope > .qa-source");
  qa.insertBefore(controls.box, source || null);
  qa.insertBefore(noteBox(ids, label), source || null);
}

/* ---- the study bar: show-all switch and topic progress ------------------ */

function setAll(open) {
  document.querySelectorAll(".qa details.answer").forEach(function (d) { d.open = open; });
}

function studyBar(first, topic) {
  var bar = el("div", { "class": "study-bar", role: "region", "aria-label": "Study mode" });
  var state = load();
  var on = !!state.prefs.showAll;
  var toggle = el("button", { type: "button", role: "switch", "class": "study-switch",
                              "aria-checked": on ? "true" : "false" });
  toggle.appendChild(el("span", { "class": "study-switch__track", "aria-hidden": "true" }));
  toggle.appendChild(el("span", { "class": "study-switch__label" }, "Show all answers"));
  toggle.addEventListener("click", function () {
    var now = toggle.getAttribute("aria-checked") !== "true";
    toggle.setAttribute("aria-checked", now ? "true" : "false");
    var s = load();
    s.prefs.showAll = now;
    save(s);
    setAll(now);
  });
  var counts = el("span", { "class": "study-bar__progress", "aria-live": "polite" });
  var deck = "flashcards/" + (topic ? "?topic=" + encodeURIComponent(topic) : "");
  var cards = el("a", { "class": "study-bar__cards", href: new URL(deck, siteRoot).href },
                 topic ? "Flashcards for this topic" : "Flashcards");
  bar.appendChild(toggle);
  bar.appendChild(counts);
  bar.appendChild(cards);
  // The renderer leaves a slot of the bar's height, so filling it shifts nothing.
  var slot = document.querySelector(".study-bar-slot");
  if (slot) slot.appendChild(bar); else first.parentNode.insertBefore(bar, first);
  if (on) setAll(true);
  return counts;
}

function topicOf(page) {
  var qa = page.querySelector(".qa[data-topic]");
  return qa ? qa.getAttribute("data-topic") : null;
}

function fillTopicProgress(target, topic) {
  loadIndex().then(function (data) {
    target.textContent = topicLine(progressOf(data, topic));
  }).catch(function () { target.textContent = ""; });
}

/* ---- home page: due today, per topic ------------------------------------ */

function fillHome() {
  var summary = document.getElementById("study-due");
  var spans = document.querySelectorAll(".due-count[data-topic]");
  if (!summary && !spans.length) return;
  loadIndex().then(function (data) {
    spans.forEach(function (span) {
      var p = progressOf(data, span.getAttribute("data-topic"));
      span.textContent = homeTopicLine(p);
      span.classList.toggle("due-count--due", p.due > 0);
    });
    if (!summary) return;
    var all = progressOf(data, null);
    var said = homeSummary(all);
    summary.textContent = "";
    summary.classList.add("study-due");
    var line = el("p", { "class": "study-due__line", "aria-live": "polite" });
    line.appendChild(el("strong", { "class": "study-due__count" }, said.headline));
    line.appendChild(document.createTextNode(said.rest));
    line.appendChild(el("a", { href: new URL(said.href, siteRoot).href }, said.link));
    summary.appendChild(line);
    if (all.graded) summary.appendChild(forecastTable(forecastOf(data)));
  }).catch(function () { /* no data: the summary stays empty */ });
}

/* The next 7 days' due reviews as a table: the count is text, the bar only repeats it. */
function forecastTable(days) {
  var table = el("table", { "class": "study-forecast" });
  table.appendChild(el("caption", {}, "Reviews due in the next 7 days"));
  var head = el("tr");
  head.appendChild(el("th", { scope: "col" }, "Day"));
  head.appendChild(el("th", { scope: "col" }, "Due"));
  table.appendChild(el("thead")).appendChild(head);
  var body = table.appendChild(el("tbody"));
  var widths = barWidths(days);
  days.forEach(function (d, i) {
    var row = el("tr");
    row.appendChild(el("th", { scope: "row" }, dayName(d.day, i)));
    var cell = el("td", { "class": "study-forecast__count" });
    var bar = el("span", { "class": "study-forecast__bar", "aria-hidden": "true" });
    bar.style.width = widths[i];
    cell.appendChild(el("span", { "class": "study-forecast__n" }, String(d.count)));
    cell.appendChild(bar);
    row.appendChild(cell);
    body.appendChild(row);
  });
  return table;
}

/* ---- search landing: open the folded answer a search hit points into ---- */

function reveal(details) {
  for (var d = details; d; d = d.parentElement && d.parentElement.closest("details")) d.open = true;
  details.scrollIntoView({ block: "start" });
}

function openSearchHit() {
  var target = location.hash ? document.getElementById(decodeURIComponent(location.hash.slice(1))) : null;
  if (target) {
    var inside = target.closest("details");
    if (inside && !inside.open) { reveal(inside); return; }
  }
  var terms = searchTerms(new URLSearchParams(location.search).get("h"));
  if (!terms.length) return;
  var scope = null;
  if (target) {
    var qa = target.closest(".qa") || (target.nextElementSibling && target.nextElementSibling.closest(".qa"));
    scope = qa ? [qa] : null;
  }
  var candidates = [];
  (scope || [document]).forEach(function (root) {
    root.querySelectorAll("details.answer").forEach(function (d) { candidates.push(d); });
  });
  var hit = candidates.filter(function (d) { return !d.open && mentions(d.textContent, terms); })[0];
  if (!hit) return;
  showMatchingTab(hit, terms);
  reveal(hit);
  if (target) target.scrollIntoView({ block: "start" });   // keep the question heading in view
}

/* Merged duplicates show one answer per source as tabs: select the tab the hit is in. */
function showMatchingTab(details, terms) {
  details.querySelectorAll(".tabbed-set").forEach(function (set) {
    var blocks = set.querySelectorAll(":scope > .tabbed-content > .tabbed-block");
    var i = firstMentioning(Array.prototype.map.call(blocks, function (b) { return b.textContent; }), terms);
    var input = i < 0 ? null : set.querySelectorAll(":scope > input")[i];
    if (input && !input.checked) input.click();
  });
}

/* ---- abbreviations: tooltips.js shows the expansion on hover and on focus - */

/* Only the first occurrence of each term becomes a tab stop: a page may hold
 * hundreds of "LLM"s, and one stop per term keeps Tab usable. */
function focusableAbbr() {
  var seen = {};
  document.querySelectorAll(".md-content abbr").forEach(function (a) {
    var term = a.textContent.trim();
    if (seen[term] || a.hasAttribute("tabindex")) return;
    seen[term] = true;
    a.setAttribute("tabindex", "0");
  });
}

function onPage() {
  var entries = document.querySelectorAll(".qa");
  if (entries.length && !document.querySelector(".study-bar")) {   // once per page
    var topic = topicOf(document);
    var counts = studyBar(entries[0].previousElementSibling || entries[0], topic);
    entries.forEach(enhanceEntry);
    if (topic) fillTopicProgress(counts, topic);
    onChange(counts, function () { fillTopicProgress(counts, topic); });
  }
  fillHome();
  openSearchHit();
  focusableAbbr();
}

window.addEventListener("hashchange", function () {
  var target = location.hash && document.getElementById(decodeURIComponent(location.hash.slice(1)));
  var inside = target && target.closest("details");
  if (inside && !inside.open) reveal(inside);
});

onEveryPage(onPage);
