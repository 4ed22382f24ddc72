/* Pagefind behind Material's search box (builds whose search mode is "pagefind").
 *
 * Material's search plugin is absent from those builds, so this does for the box in
 * partials/pagefind-search.html what Material's search component does: focus opens it,
 * `f`, `s` or `/` focus it, arrows move through the results, Enter opens the best one,
 * Escape or Tab close it, and the last word typed is completed as a suggestion (→ takes it).
 * Nothing loads with the page: Pagefind's runtime (pagefind/pagefind.js under the site root)
 * and its word list are fetched on the first focus of the box or its shortcut, and a query
 * fetches only the index chunks it needs. Until Pagefind has answered once (its runtime,
 * WebAssembly and first cold search take ~0.4 s at 10,000 questions), the questions whose
 * titles hold every word typed are listed from pagefind/titles.json (generator/publish/
 * search_titles.py, fetched with the runtime), marked data-provisional and aria-busy;
 * Pagefind's ranked results, which also search the answers, then take their place, unless
 * the reader has moved into the list meanwhile (it does not change under the keyboard). Each record is one question (generator/
 * publish/search_records.py), so each result is one question, linked to page?h=words#question-id:
 * study.js opens the folded answer the words are in. Words Pagefind does not know are
 * corrected to the most frequent known word an edit or two away ("halucination"), and words
 * that say nothing ("what", "vs") are dropped. Index text is untrusted: it goes in as text
 * nodes, only Pagefind's <mark> around matched words becomes an element.
 */
(function () {
  "use strict";
  var box = document.querySelector("[data-pagefind-search]");
  var toggle = document.getElementById("__search");
  var script = document.currentScript;
  if (!box || !toggle || !script) return;
  // This file is assets/pagefind-search.js: the site root (e.g. /llm-study/) is one level up,
  // whichever page loaded it, so nothing is read from the theme's internal #__config.
  var base = new URL("../", script.src);
  var labels = {   // the theme's words, written on the box by partials/pagefind-search.html
    "search.result.none": box.dataset.resultNone,
    "search.result.one": box.dataset.resultOne,
    "search.result.other": box.dataset.resultOther,
    "search.result.placeholder": box.dataset.resultPlaceholder
  };
  var query = box.querySelector(".md-search__input");
  var suggest = box.querySelector(".md-search__suggest");
  var meta = box.querySelector(".md-search-result__meta");
  var list = box.querySelector(".md-search-result__list");
  var DEBOUNCE_MS = 60;
  var BATCH = 10;          // questions whose data (title, excerpt) is fetched at a time
  var MARK = /<mark>([\s\S]*?)<\/mark>/g;
  var ENTITY = /&(amp|lt|gt|quot|#39|#x27|apos);/g;
  var ENTITIES = { amp: "&", lt: "<", gt: ">", quot: '"', "#39": "'", "#x27": "'", apos: "'" };
  var runtime = null, vocabulary = null, titles = null, answered = false, latest = 0, timer = 0;

  function translate(key, count) {
    return (labels[key] || "").replace("#", String(count));
  }

  function setToggle(open) {
    if (toggle.checked !== open) toggle.click();    // as Material does: its CSS and watchers follow
  }

  function load() {
    if (!runtime) {
      var pagefind = import(new URL("pagefind/pagefind.js", base).href).then(function (pf) {
        return Promise.resolve(pf.options({ baseUrl: base.pathname, excerptLength: 24, noWorker: true }))
          .then(function () { return pf.init(); })
          .then(function () { return pf; });
      });
      vocabulary = fetch(new URL("pagefind/words.json", base).href)
        .then(function (r) { return r.ok ? r.json() : {}; })
        .then(Vocabulary, function () { return Vocabulary({}); });
      titles = fetch(new URL("pagefind/titles.json", base).href)
        .then(function (r) { return r.ok ? r.json() : {}; })
        .catch(function () { return {}; });
      runtime = pagefind;
      runtime.catch(function () { runtime = null; });   // offline a moment: try again next time
    }
    return runtime;
  }

  /* ---- the query: known words, typos fixed, words that say nothing dropped ---- */

  function Vocabulary(data) {
    var rank = Object.create(null), common = Object.create(null);
    (data.words || []).forEach(function (w, i) { rank[w] = i; });
    (data.common || []).forEach(function (w) { common[w] = true; });
    return { list: data.words || [], rank: rank, common: common };
  }

  /* Optimal string alignment distance, stopping early past `max`. */
  function distance(a, b, max) {
    if (Math.abs(a.length - b.length) > max) return max + 1;
    var prev2 = [], prev = [], cur = [], i, j;
    for (j = 0; j <= b.length; j++) prev[j] = j;
    for (i = 1; i <= a.length; i++) {
      cur = [i];
      var best = i;
      for (j = 1; j <= b.length; j++) {
        var cost = a[i - 1] === b[j - 1] ? 0 : 1;
        cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
        if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) cur[j] = Math.min(cur[j], prev2[j - 2] + 1);
        if (cur[j] < best) best = cur[j];
      }
      if (best > max) return max + 1;
      prev2 = prev; prev = cur;
    }
    return prev[b.length];
  }

  function knownPrefix(vocab, word) {
    for (var i = 0; i < vocab.list.length; i++) if (vocab.list[i].lastIndexOf(word, 0) === 0) return vocab.list[i];
    return "";
  }

  /* The most frequent listed word one edit away (two for long words), or the word itself. */
  function correct(vocab, word, last) {
    if (word.length < 4 || word in vocab.rank || /\d/.test(word)) return word;
    if (last && knownPrefix(vocab, word)) return word;            // still being typed
    var best = "", bestCost = (word.length >= 8 ? 2 : 1) + 1;
    for (var i = 0; i < vocab.list.length && bestCost > 1; i++) {   // most frequent first: the first at 1 wins
      var cost = distance(word, vocab.list[i], bestCost - 1);
      if (cost < bestCost) { best = vocab.list[i]; bestCost = cost; }
    }
    return best || word;
  }

  function queryTerms(vocab, value) {
    var raw = value.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);
    var kept = raw.filter(function (w) { return !(w in vocab.common); });
    if (!kept.length) kept = raw;
    return kept.map(function (w, i) { return correct(vocab, w, i === kept.length - 1 && /[\p{L}\p{N}]$/u.test(value)); });
  }

  /* Material's suggestion: the query with its last word completed to the most frequent word. */
  function showSuggestion(vocab, value) {
    if (!suggest) return;
    var m = /([\p{L}]{2,})$/u.exec(value), full = m ? knownPrefix(vocab, m[1].toLowerCase()) : "";
    suggest.textContent = full && full !== m[1].toLowerCase() ? value + full.slice(m[1].length) : "";
  }

  /* ---- results: one item per question -------------------------------------- */

  function decode(text) {
    return text.replace(ENTITY, function (_, name) { return ENTITIES[name]; });
  }

  // The excerpt as pieces of text, each marked (a matched word) or not.
  function pieces(excerpt) {
    var out = [], last = 0, m;
    MARK.lastIndex = 0;
    while ((m = MARK.exec(excerpt))) {
      out.push({ text: decode(excerpt.slice(last, m.index)), mark: false });
      out.push({ text: decode(m[1]), mark: true });
      last = MARK.lastIndex;
    }
    out.push({ text: decode(excerpt.slice(last)), mark: false });
    return out;
  }

  // A record holds its question's title, so an excerpt often opens with the title's end
  // ("is LoRA and QLoRA? LoRA and QLoRA are …"), which the heading above already shows:
  // the length of the longest such opening (from a word start, 8 characters or more).
  var MIN_REPEAT = 8;
  function repeatedTitle(title, text) {
    for (var i = 0; i <= title.length - MIN_REPEAT; i++) {
      if ((i === 0 || title.charAt(i - 1) === " ") && text.lastIndexOf(title.slice(i), 0) === 0) {
        return title.length - i;
      }
    }
    return 0;
  }

  function appendExcerpt(parent, excerpt, title) {
    var parts = pieces(excerpt);
    var skip = repeatedTitle(title, parts.map(function (p) { return p.text; }).join(""));
    var trim = skip > 0;   // after a cut, also the punctuation that ended the title
    parts.forEach(function (part) {
      var text = part.text;
      if (skip > 0) {
        var cut = Math.min(skip, text.length);
        text = text.slice(cut);
        skip -= cut;
      }
      if (skip === 0 && trim) {
        text = text.replace(/^[\s.,:;!?]+/, "");
        trim = !text;
      }
      if (!text) return;
      if (!part.mark) { parent.appendChild(document.createTextNode(text)); return; }
      var mark = document.createElement("mark");
      mark.textContent = text;
      parent.appendChild(mark);
    });
  }

  function resultItem(data, found, score) {
    var url = new URL((data.meta && data.meta.url) || data.url, base);
    url.searchParams.set("h", found);
    var li = document.createElement("li");
    li.className = "md-search-result__item";
    var link = document.createElement("a");
    link.className = "md-search-result__link";
    link.href = url.href;
    link.tabIndex = -1;
    var article = document.createElement("article");
    article.className = "md-search-result__article md-typeset";
    article.setAttribute("data-md-score", score.toFixed(2));
    var heading = document.createElement("h2");
    heading.textContent = decode((data.meta && data.meta.title) || "").replace(/\s*¶\s*$/, "");
    article.appendChild(heading);
    if (data.excerpt) {
      var p = document.createElement("p");
      appendExcerpt(p, data.excerpt, heading.textContent);
      if (p.textContent.trim()) article.appendChild(p);
    }
    link.appendChild(article);
    li.appendChild(link);
    return li;
  }

  function showCount(n, more, provisional) {
    if (provisional) meta.setAttribute("aria-busy", "true");   // one announcement: Pagefind's count
    else meta.removeAttribute("aria-busy");
    meta.textContent = n === 0 ? translate("search.result.none", 0)
      : n === 1 && !more ? translate("search.result.one", 1)
      : translate("search.result.other", more ? n + "+" : n);
  }

  /* A glossary term answers "what does X stand for", not the question a learner looks for. */
  function isGlossary(data) {
    return /(^|\/)glossary\/(#|$)/.test((data.meta && data.meta.url) || "");
  }

  /* Fetch the next results' data and add each question as soon as it and those above it
   * arrived; glossary terms of the batch come after its questions. */
  function renderBatch(results, from, found, id) {
    var next = Math.min(from + BATCH, results.length), later = [], cleared = from > 0;
    var more = list.querySelector(".pagefind-more");
    if (more) more.remove();
    var pending = results.slice(from, next).map(function (r) { return r.data(); });
    var kept = false;
    list.dataset.batch = "loading";          // "done" once the batch is listed or kept out
    function add(page, i) {
      if (kept) return;
      if (!cleared && list.querySelector("[data-provisional]") && list.contains(document.activeElement)) {
        kept = true;                         // the reader moves through the titles' results: they stay
        meta.removeAttribute("aria-busy");
        return;
      }
      if (!cleared) list.textContent = "";   // the previous query's (or the titles') results go now
      cleared = true;
      list.appendChild(resultItem(page, found, results[from + i].score || 0));
      showCount(results.length, false);
    }
    return pending.reduce(function (chain, data, i) {
      return chain.then(function () { return data; }).then(function (page) {
        if (id !== latest) return;
        if (isGlossary(page)) later.push([page, i]);
        else add(page, i);
      });
    }, Promise.resolve()).then(function () {
      if (id !== latest) return;
      later.forEach(function (item) { add(item[0], item[1]); });
      if (next < results.length && !kept) list.appendChild(moreItem(results, next, found, id));
      list.dataset.batch = "done";
    });
  }

  /* Pagefind finds records holding every word. When fewer than three do ("softmax
   * temperature"), records holding most of the words follow them, best first. */
  function anyWords(pf, words, all) {
    if (all.length >= 3 || words.length < 2) return all;
    return Promise.all(words.map(function (w) { return pf.search(w); })).then(function (each) {
      var byId = Object.create(null), order = [];
      all.forEach(function (r) { byId[r.id] = { r: r, n: words.length + 1, score: r.score }; order.push(byId[r.id]); });
      each.forEach(function (found) {
        (found ? found.results : []).forEach(function (r) {
          var hit = byId[r.id];
          if (!hit) { hit = byId[r.id] = { r: r, n: 0, score: 0 }; order.push(hit); }
          hit.n += 1;
          hit.score += r.score;
        });
      });
      return order.sort(function (a, b) { return b.n - a.n || b.score - a.score; }).map(function (h) { return h.r; });
    });
  }

  function moreItem(results, next, found, id) {
    var li = document.createElement("li");
    li.className = "md-search-result__item pagefind-more";
    var link = document.createElement("div");    // not a link: Material's instant navigation takes every <a>
    link.className = "md-search-result__link";
    link.setAttribute("role", "button");
    link.tabIndex = -1;
    var article = document.createElement("article");
    article.className = "md-search-result__article md-typeset";
    var p = document.createElement("p");
    p.textContent = "Show " + Math.min(BATCH, results.length - next) + " more of " + (results.length - next);
    article.appendChild(p);
    link.appendChild(article);
    link.addEventListener("click", function () {
      renderBatch(results, next, found, id).then(function () { query.focus(); });
    });
    li.appendChild(link);
    return li;
  }

  /* ---- first results on a fresh load: question titles ------------------------ */

  function escapeRegExp(text) {
    return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  }

  /* Indexes of the titles holding a word starting with each query word (a plural's "s"
   * dropped), shortest title first, as Pagefind ranks a title that says little else. */
  function titleHits(rows, words) {
    var tests = words.map(function (w) {
      var stem = w.length > 4 && /[^s]s$/.test(w) ? w.slice(0, -1) : w;
      return new RegExp("(?:^|[^\\p{L}\\p{N}])" + escapeRegExp(stem), "iu");
    });
    var hits = [];
    rows.forEach(function (row, i) {
      if (tests.every(function (t) { return t.test(row[1]); })) hits.push(i);
    });
    return hits.sort(function (a, b) { return rows[a][1].length - rows[b][1].length || a - b; });
  }

  /* [page, title, anchor] or [page, title, hash, n]: the title's first n words and the hash. */
  function titleAnchor(row) {
    if (row.length < 4) return row[2];
    var words = row[1].toLowerCase().split(/[^a-z0-9]+/).filter(Boolean);
    return words.slice(0, row[3]).concat(row[2]).join("-");
  }

  function showTitles(data, words, found, id) {
    var rows = data.titles || [];
    var hits = words.length && rows.length ? titleHits(rows, words) : [];
    if (!hits.length || id !== latest || answered) return;   // Pagefind's results will come
    list.textContent = "";
    hits.slice(0, BATCH).forEach(function (i) {
      var row = rows[i];
      var item = resultItem({ url: data.pages[row[0]] + "#" + titleAnchor(row), meta: { title: row[1] } }, found, 0);
      item.setAttribute("data-provisional", "");
      list.appendChild(item);
    });
    showCount(hits.length, true, true);
  }

  function search(value) {
    var id = ++latest;
    if (!value.trim()) {
      list.dataset.batch = "done";
      list.textContent = "";
      if (suggest) suggest.textContent = "";
      meta.removeAttribute("aria-busy");
      meta.textContent = translate("search.result.placeholder");
      return;
    }
    var found, pagefind = load();
    if (!answered) {
      Promise.all([titles, vocabulary]).then(function (got) {
        var words = queryTerms(got[1], value);
        showTitles(got[0], words, words.join(" "), id);
      });
    }
    pagefind.then(function (pf) {
      return vocabulary.then(function (vocab) {
        if (id !== latest) return null;
        showSuggestion(vocab, value);
        var words = queryTerms(vocab, value);
        found = words.join(" ");
        return pf.search(found).then(function (all) {
          answered = true;
          return all && anyWords(pf, words, all.results);
        });
      });
    }).then(function (results) {
      if (id !== latest || !results) return;
      if (!results.length) { list.textContent = ""; showCount(0, false); list.dataset.batch = "done"; return; }
      return renderBatch(results, 0, found, id);
    }).catch(function () {
      if (id !== latest) return;
      meta.removeAttribute("aria-busy");
      meta.textContent = "Search is not available right now.";
      list.dataset.batch = "done";
    });
  }

  /* ---- the box: Material's behaviour ------------------------------------- */

  query.addEventListener("focus", function () {
    // After a header label's own toggling; not if the box lost its focus meanwhile (an
    // Escape pressed right after `s` closed it, and this opened it again).
    setTimeout(function () { if (document.activeElement === query) setToggle(true); }, 0);
    load();
  });
  query.addEventListener("input", function () {
    list.dataset.batch = "waiting";          // the list answers an older query until "done"
    clearTimeout(timer);
    timer = setTimeout(function () { search(query.value); }, DEBOUNCE_MS);
  });
  query.form.addEventListener("submit", function (event) { event.preventDefault(); });
  query.form.addEventListener("reset", function () {
    setTimeout(function () { search(""); query.focus(); }, 0);
  });
  var button = document.querySelector("header [for=__search]");     // the header's search button
  if (button) button.addEventListener("click", function () { query.focus(); });   // a phone's keyboard
  if (button) button.addEventListener("pointerdown", function () { load(); });
  function reveal() {
    list.setAttribute("role", toggle.checked ? "list" : "presentation");
    list.hidden = !toggle.checked;
  }
  toggle.addEventListener("change", reveal);
  reveal();

  function links() {
    return Array.prototype.slice.call(list.querySelectorAll(":not(details) > [href], summary, details[open] [href], .pagefind-more [role=button]"));
  }

  function onKey(key) {
    var active = document.activeElement;
    if (key.mode === "global") {
      if (key.type === "f" || key.type === "s" || key.type === "/") {
        // Opened here, not left to Material's focus watcher: during an instant page switch
        // that watcher is not bound yet, and the box stayed closed to Escape.
        setToggle(true);
        query.focus();
        query.select();
        key.claim();
      } else if (key.type === "Escape" && active === query) {
        setToggle(false);
        query.blur();
      }
      return;
    }
    switch (key.type) {
      case "Enter":                                // from the box: open the best result
        if (active && active.closest(".pagefind-more")) {
          active.click();
          key.claim();
        } else if (active === query) {
          var first = list.querySelector(".md-search-result__item:not(.pagefind-more) [href]");
          if (first) first.click();
          key.claim();
        }
        break;
      case "ArrowRight":                           // take the suggestion, as in Material
        if (active === query && suggest && suggest.textContent && query.selectionStart === query.value.length) {
          query.value = suggest.textContent;
          query.dispatchEvent(new Event("input"));
          key.claim();
        }
        break;
      case "Escape":
      case "Tab":
        setToggle(false);
        query.blur();
        break;
      case "ArrowUp":
      case "ArrowDown":
        var els = [query].concat(links());
        var i = Math.max(0, els.indexOf(active));
        els[(i + els.length + (key.type === "ArrowUp" ? -1 : 1)) % els.length].focus();
        key.claim();
        break;
      default:
        if (active !== query) query.focus();
    }
  }

  /* Material's keyboard$ in spirit (it may not exist yet: its bundle loads after this script):
   * "global" keys are left alone while the reader types in a field. */
  function typingInField(el) {
    return !!el && (el.isContentEditable || /^(INPUT|SELECT|TEXTAREA)$/.test(el.tagName));
  }
  window.addEventListener("keydown", function (event) {
    if (event.metaKey || event.ctrlKey) return;
    var key = { mode: toggle.checked ? "search" : "global", type: event.key,
                claim: function () { event.preventDefault(); event.stopPropagation(); } };
    if (key.mode === "global" && typingInField(document.activeElement) && event.key !== "Escape") return;
    onKey(key);
  });
  /* ---- the page a result opens: mark the searched words in that question ---- */
  /* (Material's search.highlight does this in Material mode, but it needs Material's index.) */

  function highlight() {
    var terms = (new URLSearchParams(location.search).get("h") || "").split(/\s+/)
      .filter(function (w) { return w.length > 1; })
      .map(escapeRegExp);
    var target = location.hash && document.getElementById(decodeURIComponent(location.hash.slice(1)));
    if (!terms.length || !target) return;
    var pattern = new RegExp("(" + terms.join("|") + ")", "i");
    [target, target.nextElementSibling].forEach(function (scope) {
      if (!scope) return;
      var walker = document.createTreeWalker(scope, NodeFilter.SHOW_TEXT), found = [];
      while (walker.nextNode()) {
        var node = walker.currentNode;
        if (pattern.test(node.nodeValue) && !node.parentElement.closest("script, style, mark, .arithmatex, .headerlink")) {
          found.push(node);
        }
      }
      found.forEach(function (text) {
        var parts = text.nodeValue.split(new RegExp(pattern.source, "gi")), bits = document.createDocumentFragment();
        parts.forEach(function (part, i) {
          if (i % 2 === 0) { bits.appendChild(document.createTextNode(part)); return; }
          var mark = document.createElement("mark");
          mark.setAttribute("data-md-highlight", "");
          mark.textContent = part;
          bits.appendChild(mark);
        });
        text.parentNode.replaceChild(bits, text);
      });
    });
  }

  document.addEventListener("DOMContentLoaded", function () {   // Material's bundle has run by now
    if (window.document$) window.document$.subscribe(function () { setTimeout(highlight, 0); });
  });

})();
