/* Study mode on topic pages, and the review counts on the home page.
 *
 * Progressive enhancement: without JavaScript every answer is a native
 * <details> the reader can open. With it, each entry (.qa) gets "I knew it /
 * Not yet" buttons, multiple-choice options become buttons with right/wrong
 * feedback, one switch opens or folds every answer (remembered), and a search
 * hit inside a folded answer opens that answer. Runs again after every instant
 * navigation (Material's document$).
 */
(function () {
  "use strict";
  var S = window.LLMStudy;
  if (!S) return;
  var el = S.el;


  function plural(n, word) { return n + " " + word + (n === 1 ? "" : "s"); }

  function days(n) { return n === 0 ? "today" : n === 1 ? "tomorrow" : "in " + n + " days"; }

  function describe(card) {
    if (!card) return "Not graded yet.";
    var day = S.today();
    if (card.grade === "again") return "Not yet: back in your review queue " + (card.due <= day ? "today" : "on " + card.due) + ".";
    var left = Math.round((Date.parse(card.due) - Date.parse(day)) / 86400000);
    return "Known: next review " + (left <= 0 ? "today" : days(left)) + ".";
  }

  /* ---- multiple choice ------------------------------------------------- */

  function enhanceMcq(list, onAnswer) {
    var correct = (list.getAttribute("data-correct") || "").trim();
    if (!correct || list.classList.contains("mcq--interactive")) return;
    var items = Array.prototype.slice.call(list.querySelectorAll(":scope > li[data-letter]"));
    if (!items.some(function (li) { return li.getAttribute("data-letter") === correct; })) return;
    list.classList.add("mcq--interactive");
    var feedback = el("p", { "class": "mcq-feedback", "aria-live": "polite" });
    list.parentNode.insertBefore(feedback, list.nextSibling);
    items.forEach(function (li) {
      var letter = li.getAttribute("data-letter");
      var button = el("button", { type: "button", "class": "mcq-option", "data-letter": letter });
      button.appendChild(el("span", { "class": "mcq-letter", "aria-hidden": "true" }, letter + "."));
      var body = el("span", { "class": "mcq-text" });
      while (li.firstChild) {
        var child = li.firstChild;
        if (child.nodeType === 1 && child.tagName === "P") {   // buttons hold phrasing content only
          while (child.firstChild) body.appendChild(child.firstChild);
          li.removeChild(child);
        } else {
          body.appendChild(child);
        }
      }
      button.setAttribute("aria-label", "Option " + letter + ": " + body.textContent.trim());
      button.appendChild(body);
      li.appendChild(button);
      button.addEventListener("click", function () { choose(list, letter, correct, feedback, onAnswer); });
    });
  }

  function choose(list, picked, correct, feedback, onAnswer) {
    list.querySelectorAll("button.mcq-option").forEach(function (b) {
      var letter = b.getAttribute("data-letter");
      b.classList.toggle("mcq-option--picked", letter === picked);
      b.classList.toggle("mcq-option--right", letter === correct);
      b.classList.toggle("mcq-option--wrong", letter === picked && picked !== correct);
      b.setAttribute("aria-pressed", letter === picked ? "true" : "false");
    });
    var right = picked === correct;
    feedback.className = "mcq-feedback " + (right ? "mcq-feedback--right" : "mcq-feedback--wrong");
    feedback.textContent = right ? "Correct: " + correct + " is the right answer."
      : "Not quite: you picked " + picked + ", the correct answer is " + correct + ".";
    if (onAnswer) onAnswer(right);
  }

  /* ---- grading --------------------------------------------------------- */

  function gradeControls(ids, label) {
    var box = el("div", { "class": "study-grade", role: "group", "aria-label": "Grade yourself: " + label });
    var knew = el("button", { type: "button", "class": "study-grade__knew", "data-grade": "knew" }, "I knew it");
    var again = el("button", { type: "button", "class": "study-grade__again", "data-grade": "again" }, "Not yet");
    var note = el("span", { "class": "study-grade__status", "aria-live": "polite" });
    function show(card) {
      note.textContent = describe(card);
      knew.setAttribute("aria-pressed", card && card.grade === "knew" ? "true" : "false");
      again.setAttribute("aria-pressed", card && card.grade === "again" ? "true" : "false");
    }
    knew.addEventListener("click", function () { show(S.grade(ids, true)); });
    again.addEventListener("click", function () { show(S.grade(ids, false)); });
    box.appendChild(knew);
    box.appendChild(again);
    box.appendChild(note);
    show(S.latest(S.load(), ids));
    box.llmRefresh = function (state) { show(S.latest(state, ids)); };
    return box;
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
    if (mcq) enhanceMcq(mcq, function () { if (answer) answer.open = true; });
    var controls = gradeControls(ids, label);
    var source = qa.querySelector(":scope > .qa-source");
    qa.insertBefore(controls, source || null);
  }

  /* ---- the study bar: show-all switch and topic progress ------------------ */

  function setAll(open) {
    document.querySelectorAll(".qa details.answer").forEach(function (d) { d.open = open; });
  }

  function studyBar(first, topic) {
    var bar = el("div", { "class": "study-bar", role: "region", "aria-label": "Study mode" });
    var state = S.load();
    var on = !!state.prefs.showAll;
    var toggle = el("button", { type: "button", role: "switch", "class": "study-switch",
                                "aria-checked": on ? "true" : "false" });
    toggle.appendChild(el("span", { "class": "study-switch__track", "aria-hidden": "true" }));
    toggle.appendChild(el("span", { "class": "study-switch__label" }, "Show all answers"));
    toggle.addEventListener("click", function () {
      var now = toggle.getAttribute("aria-checked") !== "true";
      toggle.setAttribute("aria-checked", now ? "true" : "false");
      var s = S.load();
      s.prefs.showAll = now;
      S.save(s);
      setAll(now);
    });
    var counts = el("span", { "class": "study-bar__progress", "aria-live": "polite" });
    var deck = "flashcards/" + (topic ? "?topic=" + encodeURIComponent(topic) : "");
    var cards = el("a", { "class": "study-bar__cards", href: new URL(deck, S.siteRoot).href },
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
    S.loadIndex().then(function (data) {
      var p = S.progress(data, topic);
      target.textContent = p.known + " of " + p.total + " known · " + p.due + " due today";
    }).catch(function () { target.textContent = ""; });
  }

  /* ---- home page: due today, per topic ------------------------------------ */

  function fillHome() {
    var summary = document.getElementById("study-due");
    var spans = document.querySelectorAll(".due-count[data-topic]");
    if (!summary && !spans.length) return;
    S.loadIndex().then(function (data) {
      spans.forEach(function (span) {
        var p = S.progress(data, span.getAttribute("data-topic"));
        span.textContent = p.total ? p.due + " due today · " + p.known + " of " + p.total + " known" : "";
        span.classList.toggle("due-count--due", p.due > 0);
      });
      if (!summary) return;
      var all = S.progress(data, null);
      summary.textContent = "";
      summary.classList.add("study-due");
      var line = el("p", { "class": "study-due__line", "aria-live": "polite" });
      line.appendChild(el("strong", { "class": "study-due__count" }, plural(all.due, "question") + " due for review today"));
      line.appendChild(document.createTextNode(" · " + all.known + " of " + all.total + " known · " +
        plural(all.graded, "question") + " graded. "));
      var link = el("a", { href: new URL("flashcards/" + (all.due ? "?show=due" : ""), S.siteRoot).href },
        all.due ? "Review them with the flashcards" : "Study with the flashcards");
      line.appendChild(link);
      summary.appendChild(line);
    }).catch(function () { /* no data: the summary stays empty */ });
  }

  /* ---- search landing: open the folded answer a search hit points into ---- */

  function searchTerms() {
    var h = new URLSearchParams(location.search).get("h");
    if (!h) return [];
    return h.toLowerCase().split(/\s+/).map(function (t) {
      return t.replace(/^[+-]/, "").replace(/[*~^:\d]*$/, "").replace(/[^\w-]/g, "");
    }).filter(function (t) { return t.length >= 2; }).map(function (t) {
      return t.length > 4 ? t.replace(/(ing|ed|es|s)$/, "") : t;   // lunr stems; match a stem
    });
  }

  function mentions(node, terms) {
    var text = node.textContent.toLowerCase();
    return terms.some(function (t) { return text.indexOf(t) !== -1; });
  }

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
    var terms = searchTerms();
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
    var hit = candidates.filter(function (d) { return !d.open && mentions(d, terms); })[0];
    if (!hit) return;
    showMatchingTab(hit, terms);
    reveal(hit);
    if (target) target.scrollIntoView({ block: "start" });   // keep the question heading in view
  }

  /* Merged duplicates show one answer per source as tabs: select the tab the hit is in. */
  function showMatchingTab(details, terms) {
    details.querySelectorAll(".tabbed-set").forEach(function (set) {
      var blocks = set.querySelectorAll(":scope > .tabbed-content > .tabbed-block");
      var inputs = set.querySelectorAll(":scope > input");
      for (var i = 0; i < blocks.length; i++) {
        if (mentions(blocks[i], terms)) {
          if (inputs[i] && !inputs[i].checked) inputs[i].click();
          return;
        }
      }
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
      document.addEventListener("llm-study:change", function refresh() {
        if (!counts.isConnected) { document.removeEventListener("llm-study:change", refresh); return; }
        fillTopicProgress(counts, topic);
        // Grades can change without a click here (moved from a former id, loaded from a file).
        var state = S.load();
        document.querySelectorAll(".study-grade").forEach(function (box) {
          if (box.llmRefresh) box.llmRefresh(state);
        });
      });
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

  S.describe = describe;
  S.enhanceMcq = enhanceMcq;
  if (window.document$) window.document$.subscribe(onPage);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", onPage);
  else onPage();
})();
