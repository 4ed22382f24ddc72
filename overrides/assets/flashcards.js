/* The flashcards page (#flashcards) and the progress controls (#study-progress).
 *
 * Cards come from questions.json, one per site entry (a merged duplicate group
 * is one card). Their text is the HTML the generator made of the source's Markdown
 * (question_html, choices[].html, answer_html: generator/safe_html.py, Python-Markdown
 * then the nh3 allowlist), the same conversion as the Anki deck; this script writes
 * only its own labels, as text.
 * Keys: Space reveals, 1 = not yet, 2 = I knew it, Left/Right move.
 */
import { typeset as typesetMath } from "./math.js";
import { el, onEveryPage } from "./study/dom.js";
import { enhanceMcq } from "./study/mcq.js";
import { describe, latest, status as statusOf, today } from "./study/schedule.js";
import { grade, load, loadData, loadIndex, siteRoot } from "./study/store.js";

(function () {
  var KIND_LABELS = { "": "All kinds", open: "Answered", mcq: "Multiple choice", prompt: "Practice prompts" };
  var SHOW_LABELS = { "": "All cards", due: "Due today", new: "Never graded", learning: "Not known yet" };
  var DIFFICULTY_LABELS = { "": "Any difficulty", easy: "Easy", medium: "Medium", hard: "Hard" };
  var WEB_URL = /^https?:\/\/[^/?#\s"'<>`\\]+([/?#][^\s"'<>`\\]*)?$/i;

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

  /* The back of a card: the correct option and any explanation, or the answer (another
   * source's when the entry's own question has none), or a practice prompt's note. */
  function answerOf(entry, sources) {
    var box = document.createDocumentFragment();
    var p = entry.primary;
    if (p.kind === "mcq") {
      var right = (p.choices || []).filter(function (c) { return c.letter === p.correct; })[0];
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
    var answered = p.answer ? p : entry.members.filter(function (m) { return m.answer && m.kind !== "mcq"; })[0];
    if (!answered) {
      box.appendChild(el("p", {}, "")).appendChild(el("em", {},
        "A practice prompt: no source gives an answer. Answer it aloud or in writing, then grade yourself."));
      return box;
    }
    if (answered !== p) {
      box.appendChild(el("p", {})).appendChild(el("em", {}, "Answered in " + (sources[answered.source] || answered.source) + "."));
    }
    box.appendChild(html("div", { "class": "fc-answer-body" }, answered.answer_html, answered.answer));
    return box;
  }

  function renderCard(view) {
    var deck = view.deck, box = view.card;
    box.textContent = "";
    if (!deck.length) {
      box.appendChild(el("p", { "class": "fc-empty" }, "No cards match these filters."));
      view.position.textContent = "0 cards";
      return;
    }
    var entry = deck[view.index], p = entry.primary;
    view.position.textContent = "Card " + (view.index + 1) + " of " + deck.length;
    var meta = el("p", { "class": "fc-meta" });
    meta.textContent = [view.topics[entry.topic] || entry.topic, KIND_LABELS[p.kind],
      entry.members.length > 1 ? "asked in " + entry.members.length + " sources" : view.sources[p.source] || p.source,
      entry.difficulty ? "difficulty: " + entry.difficulty : ""]
      .filter(Boolean).join(" · ");
    box.appendChild(meta);
    var question = el("h2", { "class": "fc-question", id: "fc-question" });
    question.appendChild(html("span", {}, p.question_html, p.question));
    box.appendChild(question);
    if (p.stem_html) box.appendChild(html("div", { "class": "fc-stem" }, p.stem_html, p.stem));
    if (p.kind === "mcq" && p.choices && p.choices.length) {
      var list = el("ol", { "class": "mcq", type: "A", "data-correct": p.correct || "" });
      p.choices.forEach(function (c) {
        list.appendChild(html("li", { "data-letter": c.letter }, c.html, c.text));
      });
      box.appendChild(list);
      enhanceMcq(list, function () { reveal(view); });
    }
    var answer = el("div", { "class": "fc-answer", id: "fc-answer", tabindex: "-1", "aria-labelledby": "fc-question" });
    answer.hidden = !view.revealed;
    answer.appendChild(answerOf(entry, view.sources));
    if (p.url) {
      var link = el("p", { "class": "fc-link" });
      link.appendChild(el("a", { href: new URL(p.url, siteRoot).href }, "Open on its topic page"));
      if (typeof p.link === "string" && WEB_URL.test(p.link)) {
        link.appendChild(document.createTextNode(" · "));
        link.appendChild(el("a", { href: p.link, rel: "noopener" }, "Source"));
      }
      answer.appendChild(link);
    }
    box.appendChild(answer);
    view.revealButton.setAttribute("aria-expanded", view.revealed ? "true" : "false");
    view.revealButton.textContent = view.revealed ? "Answer shown" : "Reveal answer";
    view.revealButton.disabled = view.revealed;
    view.prev.disabled = view.index === 0;
    view.next.disabled = view.index >= deck.length - 1;
    view.state.textContent = describe(latest(load(), entry.ids), today());
    typeset(box);
  }

  function reveal(view) {
    if (!view.deck.length || view.revealed) return;
    view.revealed = true;
    var answer = view.card.querySelector(".fc-answer");
    answer.hidden = false;
    view.revealButton.setAttribute("aria-expanded", "true");
    view.revealButton.textContent = "Answer shown";
    view.revealButton.disabled = true;
    answer.focus({ preventScroll: false });
    typeset(answer);
  }

  function move(view, step) {
    var next = view.index + step;
    if (next < 0 || next >= view.deck.length) return;
    view.index = next;
    view.revealed = false;
    renderCard(view);
  }

  function gradeCard(view, knew) {
    if (!view.deck.length) return;
    var entry = view.deck[view.index];
    var card = grade(entry.ids, knew);
    var said = (knew ? "I knew it" : "Not yet") + ". " + describe(card, today());
    if (view.index < view.deck.length - 1) move(view, 1);
    else renderCard(view);
    view.announce.textContent = "Graded “" + entry.primary.question.slice(0, 80) + "”: " + said;
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

  function buildDeck(view) {
    var topic = view.filters.topic.value, kind = view.filters.kind.value, show = view.filters.show.value;
    var difficulty = view.filters.difficulty ? view.filters.difficulty.value : "";
    var state = load(), day = today();
    view.deck = view.data.entries.filter(function (e) {
      if (topic && e.topic !== topic) return false;
      if (kind && e.kind !== kind) return false;
      if (difficulty && e.difficulty !== difficulty) return false;
      var status = statusOf(latest(state, e.ids), day);
      if (show === "due") return status === "due";
      if (show === "new") return status === "new";
      if (show === "learning") return status !== "known";
      return true;
    });
    view.index = 0;
    view.revealed = false;
    renderCard(view);
  }

  function mount(root, data) {
    var params = new URLSearchParams(location.search);
    var topics = {}, sources = {}, topicOptions = { "": "All topics" };
    data.topics.forEach(function (t) { topics[t.id] = t.title; topicOptions[t.id] = t.title; });
    data.sources.forEach(function (s) { sources[s.id] = s.title; });
    root.textContent = "";
    var view = { data: data, topics: topics, sources: sources, deck: [], index: 0, revealed: false, filters: {} };
    var bar = el("div", { "class": "fc-filters" });
    var filters = [["Topic", "topic", topicOptions], ["Kind", "kind", KIND_LABELS], ["Show", "show", SHOW_LABELS]];
    // Only where a source marks difficulty: a filter with nothing to filter would only confuse.
    if (data.entries.some(function (e) { return e.difficulty; })) filters.push(["Difficulty", "difficulty", DIFFICULTY_LABELS]);
    filters.forEach(function (f) {
      var s = select(f[0], f[1], f[2], params.get(f[1]) || "");
      view.filters[f[1]] = s.select;
      s.select.addEventListener("change", function () { buildDeck(view); });
      bar.appendChild(s.wrap);
    });
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
    [bar, view.position, view.card, actions, view.state, view.announce].forEach(function (n) { root.appendChild(n); });
    view.prev.addEventListener("click", function () { move(view, -1); });
    view.next.addEventListener("click", function () { move(view, 1); });
    view.revealButton.addEventListener("click", function () { reveal(view); });
    again.addEventListener("click", function () { gradeCard(view, false); });
    knew.addEventListener("click", function () { gradeCard(view, true); });
    root.setAttribute("data-ready", "true");
    root.llmView = view;
    buildDeck(view);
  }

  function onKey(event) {
    var root = document.querySelector("div#flashcards");
    var view = root && root.llmView;
    if (!view || event.ctrlKey || event.metaKey || event.altKey) return;
    var t = event.target;
    if (t && (/^(INPUT|SELECT|TEXTAREA)$/.test(t.tagName) || t.isContentEditable)) return;
    if (event.key === " " || event.key === "Spacebar") {
      if (t && /^(BUTTON|A|SUMMARY)$/.test(t.tagName)) return;    // Space activates the focused control
      event.preventDefault();
      reveal(view);
    } else if (event.key === "1") { event.preventDefault(); gradeCard(view, false); }
    else if (event.key === "2") { event.preventDefault(); gradeCard(view, true); }
    else if (event.key === "ArrowLeft") { event.preventDefault(); move(view, -1); }
    else if (event.key === "ArrowRight") { event.preventDefault(); move(view, 1); }
  }

  function onPage() {
    var root = document.querySelector("div#flashcards");
    if (root && !root.llmView) {
      root.setAttribute("aria-busy", "true");
      // The index moves grades saved under former ids before the deck reads them; without it, go on.
      var moved = loadIndex().catch(function () { return null; });
      Promise.all([loadData(), moved]).then(function (got) { root.removeAttribute("aria-busy"); mount(root, got[0]); })
        .catch(function () {
          root.removeAttribute("aria-busy");
          root.appendChild(el("p", { "class": "fc-empty" }, "The questions could not be loaded. Reload the page to try again."));
        });
    }
  }

  document.addEventListener("keydown", onKey);
  onEveryPage(onPage);
})();
