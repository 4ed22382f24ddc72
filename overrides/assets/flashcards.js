/* The flashcards page (#flashcards); the progress controls are progress.js.
 *
 * Cards come from questions.json, one per site entry (a merged duplicate group
 * is one card). Their text is the HTML the generator made of the source's Markdown
 * (question_html, choices[].html, answer_html: generator/render/safe_html.py, Python-Markdown
 * then the nh3 allowlist), the same conversion as the Anki deck; this script writes
 * only its own labels, as text.
 * The review loop is Anki's: Space reveals the answer, and once it shows, Space counts as
 * "I knew it"; a card graded "Not yet" comes back a few cards later in the same session
 * (study/session.js); a multiple-choice pick grades the card, and a grade button pressed
 * after it replaces that grade (schedule.replaces), as on the topic pages.
 * Keys: Space reveals then knew, 1 = not yet, 2 = I knew it, Left/Right move.
 * What the deck holds and what a card says is data (study/deck.js); this is the page.
 */
import { typeset as typesetMath } from "./math.js";
import { el, onEveryPage } from "./study/dom.js";
import { enhanceMcq } from "./study/mcq.js";
import { describe, latest, replaces, today } from "./study/schedule.js";
import {
  DIFFICULTY_LABELS, KIND_LABELS, SHOW_LABELS, answersShown, correctChoice, filterDeck, gradedText,
  hasDifficulty, isWebLink, metaLine, positionText
} from "./study/deck.js";
import * as session from "./study/session.js";
import { grade, load, loadData, save, siteRoot } from "./study/store.js";

/* A node holding generated HTML (already safe), or the plain text when a field is missing.
 * The HTML is parsed in an inert <template> first: an image's src is relative to the site
 * root (assets/sources/…), and must be made absolute before the page would fetch it. */
function html(tag, attrs, markup, text) {
  var node = el(tag, attrs);
  if (typeof markup !== "string") { node.textContent = text || ""; return node; }
  var template = document.createElement("template");
  template.innerHTML = markup;
  template.content.querySelectorAll("img[src]").forEach(function (img) {
    img.setAttribute("src", new URL(img.getAttribute("src"), siteRoot).href);
  });
  node.appendChild(template.content);
  return node;
}

function typeset(node) {
  if (node.querySelector(".arithmatex")) typesetMath(node);   // loads MathJax first if needed
}

/* ---- one card -------------------------------------------------------- */

/* The back of a card: the correct option and any explanation; or every source's answer
 * to the entry (a merged entry shows each, its own question's first, labelled by its
 * citation: questions.json's, as on the topic page); or a practice prompt's note. */
function answerOf(entry, sources) {
  var box = document.createDocumentFragment();
  var p = entry.primary;
  if (p.kind === "mcq") {
    var right = correctChoice(p);
    var head = el("p");
    if (p.correct) {
      head.appendChild(el("strong", {}, "Correct answer: " + p.correct + "."));
      if (right) { head.appendChild(document.createTextNode(" ")); head.appendChild(html("span", {}, right.html, right.text)); }
    } else {
      head.appendChild(el("em", {}, "The source gives no correct answer."));
    }
    box.appendChild(head);
    if (p.answer) box.appendChild(html("div", { "class": "fc-explanation" }, p.answer_html, p.answer));
    return box;
  }
  var answered = answersShown(entry, sources);
  if (!answered.length) {
    box.appendChild(el("p", {}, "")).appendChild(el("em", {},
      "A practice prompt: no source gives an answer. Answer it aloud or in writing, then grade yourself."));
    return box;
  }
  answered.forEach(function (shown) {
    if (shown.label) box.appendChild(el("p", { "class": "fc-source" })).appendChild(el("em", {}, shown.label));
    box.appendChild(html("div", { "class": "fc-answer-body" }, shown.member.answer_html, shown.member.answer));
  });
  return box;
}

function renderCard(view) {
  var deck = view.deck, box = view.card;
  box.textContent = "";
  view.made = null;
  var at = session.current(view.session);
  if (at < 0) {
    box.appendChild(el("p", { "class": "fc-empty" }, "No cards match these filters."));
    view.position.textContent = "0 cards";
    [view.prev, view.next, view.revealButton].forEach(function (b) { b.disabled = true; });
    view.state.textContent = "";
    return;
  }
  var entry = deck[at], p = entry.primary, item = view.session.queue[view.session.pos];
  view.position.textContent = positionText(view.session.pos, view.session.queue.length,
                                           session.repeatsAhead(view.session));
  box.appendChild(el("p", { "class": "fc-meta" }, metaLine(entry, item.repeat, view.topics, view.sources)));
  // Focused by script when a card comes up, so Space then reveals it; not a tab stop.
  var question = el("h2", { "class": "fc-question", id: "fc-question", tabindex: "-1" });
  question.appendChild(html("span", {}, p.question_html, p.question));
  box.appendChild(question);
  if (p.stem_html) box.appendChild(html("div", { "class": "fc-stem" }, p.stem_html, p.stem));
  if (p.kind === "mcq" && p.choices && p.choices.length) {
    var list = el("ol", { "class": "mcq", type: "A", "data-correct": p.correct || "" });
    p.choices.forEach(function (c) {
      list.appendChild(html("li", { "data-letter": c.letter }, c.html, c.text));
    });
    box.appendChild(list);
    enhanceMcq(list, function (right) { reveal(view, false); pick(view, right); });
  }
  var answer = el("div", { "class": "fc-answer", id: "fc-answer", tabindex: "-1", "aria-labelledby": "fc-question" });
  answer.hidden = !view.revealed;
  answer.appendChild(answerOf(entry, view.sources));
  if (p.url) {
    var link = el("p", { "class": "fc-link" });
    link.appendChild(el("a", { href: new URL(p.url, siteRoot).href }, "Open on its topic page"));
    if (isWebLink(p.link)) {
      link.appendChild(document.createTextNode(" · "));
      link.appendChild(el("a", { href: p.link, rel: "noopener" }, "Source"));
    }
    answer.appendChild(link);
  }
  box.appendChild(answer);
  view.revealButton.setAttribute("aria-expanded", view.revealed ? "true" : "false");
  view.revealButton.textContent = view.revealed ? "Answer shown" : "Reveal answer";
  view.revealButton.disabled = view.revealed;
  view.prev.disabled = view.session.pos === 0;
  view.next.disabled = view.session.pos >= view.session.queue.length - 1;
  view.state.textContent = describe(latest(load(), entry.ids), today());
  typeset(box);
}

/* Show the answer; `focus` moves the keyboard to it (not after an MCQ pick: the
 * learner stays on the options to read the feedback). */
function reveal(view, focus) {
  if (!view.deck.length || view.revealed) return;
  view.revealed = true;
  var answer = view.card.querySelector(".fc-answer");
  answer.hidden = false;
  view.revealButton.setAttribute("aria-expanded", "true");
  view.revealButton.textContent = "Answer shown";
  view.revealButton.disabled = true;
  if (focus !== false) answer.focus({ preventScroll: false });
  typeset(answer);
}

/* A new card is up. Its question takes the focus when the focus was nowhere or on a
 * control the change made stale (a grade button, a now disabled arrow, the old card's
 * answer), so Space then reveals this card instead of pressing that button again and a
 * screen reader reads the new question; a focused arrow keeps it, for Enter to repeat.
 * The card's top comes back into view when a long answer scrolled it off the screen. */
function showTop(view) {
  var active = document.activeElement;
  var stale = !active || active === document.body || (view.root.contains(active) &&
    active.tagName === "BUTTON" && (active.disabled || /\bfc-(again|knew)\b/.test(active.className)));
  var question = view.card.querySelector(".fc-question");
  if (stale && question) question.focus({ preventScroll: true });
  var header = document.querySelector(".md-header");
  var covered = header ? header.getBoundingClientRect().bottom : 0;
  if (view.card.getBoundingClientRect().top < covered) view.card.scrollIntoView({ block: "start" });
}

function move(view, step) {
  if (!session.move(view.session, step)) return;
  view.revealed = false;
  renderCard(view);
  showTop(view);
}

/* Grade the card on screen for the store and for the session; a grade that follows an
 * MCQ pick of this showing replaces the pick's review. Returns the stored card. */
function record(view, knew) {
  var entry = view.deck[session.current(view.session)];
  var replacing = replaces(view.made, latest(load(), entry.ids), Date.now()) ? view.made : null;
  var before = replacing ? replacing.before : latest(load(), entry.ids);
  var card = grade(entry.ids, knew, replacing);
  view.made = { before: before, card: card };
  view.ahead = session.graded(view.session, knew);
  return card;
}

function pick(view, right) {
  if (session.current(view.session) < 0) return;
  var card = record(view, right);
  view.state.textContent = describe(card, today());
}

function gradeCard(view, knew) {
  var at = session.current(view.session);
  if (at < 0) return;
  var entry = view.deck[at];
  var card = record(view, knew);
  var said = gradedText(entry.primary.question, knew, describe(card, today()), view.ahead);
  session.move(view.session, 1);   // on the last card, it stays up
  view.revealed = false;
  renderCard(view);
  showTop(view);
  view.announce.textContent = said;
}

/* ---- the deck and its filters ----------------------------------------- */

function select(label, name, options, value) {
  var wrap = el("label", { "class": "fc-filter" });
  wrap.appendChild(el("span", { "class": "fc-filter__label" }, label));
  var sel = el("select", { name: name });
  Object.keys(options).forEach(function (k) {
    var o = el("option", { value: k }, options[k]);
    if (k === value) o.selected = true;
    sel.appendChild(o);
  });
  wrap.appendChild(sel);
  return { wrap: wrap, select: sel };
}

/* What the folded filters are set to, on their toggle: "All topics · All kinds · All cards". */
function summarize(view) {
  var parts = Object.keys(view.filters).map(function (name) {
    var s = view.filters[name];
    return s.options[s.selectedIndex] ? s.options[s.selectedIndex].text : "";
  });
  if (view.shuffle.checked) parts.push("shuffled");
  view.filterSummary.textContent = parts.filter(Boolean).join(" · ");
}

function buildDeck(view) {
  var chosen = {};
  Object.keys(view.filters).forEach(function (name) { chosen[name] = view.filters[name].value; });
  view.deck = filterDeck(view.data.entries, chosen, load(), today());
  view.session = session.start(view.deck.length, view.shuffle.checked ? Math.random : null);
  view.revealed = false;
  summarize(view);
  renderCard(view);
}

/* The filters fold behind one toggle that names their settings; open on wide screens,
 * folded on a phone, where they would push the card below the fold. */
function filterPanel(view, params) {
  var data = view.data, topicOptions = { "": "All topics" };
  data.topics.forEach(function (t) { topicOptions[t.id] = t.title; });
  var wrap = el("div", { "class": "fc-settings" });
  var toggle = el("button", { type: "button", "class": "fc-settings__toggle", "aria-controls": "fc-filters" });
  toggle.appendChild(el("span", { "class": "fc-settings__name" }, "Filters"));
  view.filterSummary = el("span", { "class": "fc-settings__summary" });
  toggle.appendChild(view.filterSummary);
  var bar = el("div", { "class": "fc-filters", id: "fc-filters" });
  var filters = [["Topic", "topic", topicOptions], ["Kind", "kind", KIND_LABELS], ["Show", "show", SHOW_LABELS]];
  // Only where a source marks difficulty: a filter with nothing to filter would only confuse.
  if (hasDifficulty(data.entries)) filters.push(["Difficulty", "difficulty", DIFFICULTY_LABELS]);
  filters.forEach(function (f) {
    var s = select(f[0], f[1], f[2], params.get(f[1]) || "");
    view.filters[f[1]] = s.select;
    s.select.addEventListener("change", function () { buildDeck(view); });
    bar.appendChild(s.wrap);
  });
  var shuffleLabel = el("label", { "class": "fc-filter fc-shuffle" });
  view.shuffle = el("input", { type: "checkbox", name: "shuffle" });
  view.shuffle.checked = !!load().prefs.shuffle;
  shuffleLabel.appendChild(view.shuffle);
  shuffleLabel.appendChild(el("span", {}, "Shuffle the cards"));
  view.shuffle.addEventListener("change", function () {
    var state = load();
    state.prefs.shuffle = view.shuffle.checked;
    save(state);
    buildDeck(view);
  });
  bar.appendChild(shuffleLabel);
  function setOpen(open) {
    bar.hidden = !open;
    toggle.setAttribute("aria-expanded", open ? "true" : "false");
  }
  toggle.addEventListener("click", function () { setOpen(bar.hidden); });
  setOpen(window.matchMedia("(min-width: 44em)").matches);
  wrap.appendChild(toggle);
  wrap.appendChild(bar);
  return wrap;
}

// The deck on this page (the view mount() made), for the keys; null before one is up.
var shown = null;

function mount(root, data) {
  var params = new URLSearchParams(location.search);
  var topics = {}, sources = {};
  data.topics.forEach(function (t) { topics[t.id] = t.title; });
  data.sources.forEach(function (s) { sources[s.id] = s.title; });
  root.textContent = "";
  var view = { root: root, data: data, topics: topics, sources: sources, deck: [], revealed: false, filters: {},
               session: session.start(0, null), made: null };
  var settings = filterPanel(view, params);
  view.position = el("p", { "class": "fc-position", "aria-live": "polite" });
  view.card = el("section", { "class": "fc-card", "aria-label": "Flashcard" });
  var actions = el("div", { "class": "fc-actions" });
  view.prev = el("button", { type: "button", "class": "fc-prev", "aria-keyshortcuts": "ArrowLeft" }, "← Previous");
  view.revealButton = el("button", { type: "button", "class": "fc-reveal", "aria-controls": "fc-answer",
                                     "aria-keyshortcuts": "Space" }, "Reveal answer");
  var again = el("button", { type: "button", "class": "fc-again", "aria-keyshortcuts": "1" }, "Not yet (1)");
  var knew = el("button", { type: "button", "class": "fc-knew", "aria-keyshortcuts": "2" }, "I knew it (2)");
  view.next = el("button", { type: "button", "class": "fc-next", "aria-keyshortcuts": "ArrowRight" }, "Next →");
  [view.prev, view.revealButton, again, knew, view.next].forEach(function (b) { actions.appendChild(b); });
  view.state = el("p", { "class": "fc-state" });
  view.announce = el("p", { "class": "fc-announce", role: "status" });
  [settings, view.position, view.card, actions, view.state, view.announce].forEach(function (n) { root.appendChild(n); });
  view.prev.addEventListener("click", function () { move(view, -1); });
  view.next.addEventListener("click", function () { move(view, 1); });
  view.revealButton.addEventListener("click", function () { reveal(view); });
  again.addEventListener("click", function () { gradeCard(view, false); });
  knew.addEventListener("click", function () { gradeCard(view, true); });
  root.setAttribute("data-ready", "true");
  shown = view;
  buildDeck(view);
}

/* Space works as in Anki wherever it would not type, pick or press something else:
 * on the card, on the page, and on the arrows and Reveal (which it would otherwise
 * press, moving on unseen). On a grade button, an MCQ option or a link it keeps its
 * own meaning. */
function spaceIsOurs(t, view) {
  if (!t || t === document.body || !t.closest) return true;
  if (/^(A|SUMMARY)$/.test(t.tagName)) return false;
  if (t.tagName !== "BUTTON") return true;
  return view.root.contains(t) && !!t.closest(".fc-actions") && !/\bfc-(again|knew)\b/.test(t.className);
}

function onKey(event) {
  var view = shown && shown.root.isConnected ? shown : null;
  if (!view || event.ctrlKey || event.metaKey || event.altKey) return;
  var t = event.target;
  if (t && (/^(INPUT|SELECT|TEXTAREA)$/.test(t.tagName) || t.isContentEditable)) return;
  // With search open (focus on a result link too) the keys are the search's, not the hidden card's.
  var search = document.getElementById("__search");
  if ((search && search.checked) || (t && t.closest && t.closest(".md-search"))) return;
  if (event.key === " " || event.key === "Spacebar") {
    if (!spaceIsOurs(t, view)) return;
    event.preventDefault();
    if (view.revealed) gradeCard(view, true);
    else reveal(view);
  } else if (event.key === "1") { event.preventDefault(); gradeCard(view, false); }
  else if (event.key === "2") { event.preventDefault(); gradeCard(view, true); }
  else if (event.key === "ArrowLeft") { event.preventDefault(); move(view, -1); }
  else if (event.key === "ArrowRight") { event.preventDefault(); move(view, 1); }
}

function onPage() {
  var root = document.querySelector("div#flashcards");
  if (root && !root.hasAttribute("aria-busy") && !(shown && shown.root === root)) {
    root.setAttribute("aria-busy", "true");
    // The deck comes with study-index.json, which moves grades saved under former ids first.
    loadData().then(function (data) { root.removeAttribute("aria-busy"); mount(root, data); })
      .catch(function () {
        root.removeAttribute("aria-busy");
        root.appendChild(el("p", { "class": "fc-empty" }, "The questions could not be loaded. Reload the page to try again."));
      });
  }
}

document.addEventListener("keydown", onKey);
onEveryPage(onPage);
