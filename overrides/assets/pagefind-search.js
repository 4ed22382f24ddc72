/* Pagefind behind Material's search box (builds whose search mode is "pagefind").
 *
 * Material's search plugin is absent from those builds, so this does for the box in
 * partials/pagefind-search.html what Material's search component does: focus opens it,
 * `f`, `s` or `/` focus it, arrows move through the results, Enter opens the best one,
 * Escape or Tab close it. Pagefind's runtime (pagefind/pagefind.js under the site root) is
 * imported once, on idle or on first focus, and fetches only the index chunks a query needs.
 * One result per question: Pagefind's sub-results start at headings with an id, and a
 * question's <h2> id is the question id. Results link to page?h=words#id, so study.js opens
 * the folded answer the words are in. Index text is untrusted: it goes in as text nodes,
 * only Pagefind's <mark> around matched words becomes an element.
 */
(function () {
  "use strict";
  var box = document.querySelector("[data-pagefind-search]");
  var toggle = document.getElementById("__search");
  var configScript = document.getElementById("__config");
  if (!box || !toggle || !configScript) return;
  var config = JSON.parse(configScript.textContent);
  var base = new URL(config.base || ".", location.href);     // the site root, e.g. /llm-study/
  var words = config.translations || {};
  var query = box.querySelector(".md-search__input");
  var meta = box.querySelector(".md-search-result__meta");
  var list = box.querySelector(".md-search-result__list");
  var DEBOUNCE_MS = 100;
  var PAGES = 4;           // pages whose questions are fetched per batch (a topic page's data is large)
  var MARK = /<mark>([\s\S]*?)<\/mark>/g;
  var ENTITY = /&(amp|lt|gt|quot|#39|#x27|apos);/g;
  var ENTITIES = { amp: "&", lt: "<", gt: ">", quot: '"', "#39": "'", "#x27": "'", apos: "'" };
  var runtime = null, latest = 0, timer = 0;

  function translate(key, count) {
    return (words[key] || "").replace("#", String(count));
  }

  function setToggle(open) {
    if (toggle.checked !== open) toggle.click();    // as Material does: its CSS and watchers follow
  }

  function load() {
    if (!runtime) {
      runtime = import(new URL("pagefind/pagefind.js", base).href).then(function (pf) {
        return Promise.resolve(pf.options({ baseUrl: base.pathname }))
          .then(function () { return pf.init(); })
          .then(function () { return pf; });
      });
      runtime.catch(function () { runtime = null; });   // offline a moment: try again next time
    }
    return runtime;
  }

  /* ---- results: one item per question ------------------------------------ */

  function decode(text) {
    return text.replace(ENTITY, function (_, name) { return ENTITIES[name]; });
  }

  function appendMarked(parent, excerpt) {
    var last = 0, m;
    MARK.lastIndex = 0;
    while ((m = MARK.exec(excerpt))) {
      parent.appendChild(document.createTextNode(decode(excerpt.slice(last, m.index))));
      var mark = document.createElement("mark");
      mark.textContent = decode(m[1]);
      parent.appendChild(mark);
      last = MARK.lastIndex;
    }
    parent.appendChild(document.createTextNode(decode(excerpt.slice(last))));
  }

  function score(sub) {
    return (sub.weighted_locations || []).reduce(function (sum, w) { return sum + (w.balanced_score || 0); }, 0);
  }

  /* A page's questions: sub-results under an <h2>; deeper headings (inside an answer) count
   * for the question above them. A page without any (home, about) is one item itself. */
  function itemsOf(page) {
    var items = [];
    (page.sub_results || []).forEach(function (sub) {
      var level = sub.anchor ? Number(sub.anchor.element.slice(1)) || 1 : 1;
      var last = items[items.length - 1];
      if (level > 2 && last) {
        last.score += score(sub);
        if (last.excerpt.indexOf("<mark>") === -1) last.excerpt = sub.excerpt || last.excerpt;
      } else if (level === 2) {
        items.push({ url: sub.url, title: sub.title, excerpt: sub.excerpt || "", score: score(sub), page: false });
      }
    });
    if (!items.length) {
      var title = (page.meta && page.meta.title) || page.url;
      items.push({ url: page.url, title: title, excerpt: page.excerpt || "", score: 0, page: true });
    }
    return items;
  }

  function resultItem(item, terms) {
    var url = new URL(item.url, location.href);
    url.searchParams.set("h", terms);
    var li = document.createElement("li");
    li.className = "md-search-result__item";
    var link = document.createElement("a");
    link.className = "md-search-result__link";
    link.href = url.href;
    link.tabIndex = -1;
    var article = document.createElement("article");
    article.className = "md-search-result__article md-typeset";
    article.setAttribute("data-md-score", item.score.toFixed(2));
    if (item.page) {
      var icon = document.createElement("div");
      icon.className = "md-search-result__icon md-icon";
      article.appendChild(icon);
    }
    var heading = document.createElement(item.page ? "h1" : "h2");
    heading.textContent = decode(item.title || "").replace(/\s*¶\s*$/, "");
    article.appendChild(heading);
    if (item.excerpt) {
      var p = document.createElement("p");
      appendMarked(p, item.excerpt);
      article.appendChild(p);
    }
    link.appendChild(article);
    li.appendChild(link);
    return li;
  }

  function showCount(n, more) {
    meta.textContent = n === 0 ? translate("search.result.none", 0)
      : n === 1 && !more ? translate("search.result.one", 1)
      : translate("search.result.other", more ? n + "+" : n);
  }

  /* Fetch the next batch of pages and add each page's questions, best first, as soon as that
   * page arrives (Pagefind ranks the pages; a topic page's data takes ~0.2 s to fetch and
   * excerpt, so waiting for the whole batch would hold back the first results). */
  function renderBatch(pages, from, terms, id, shown) {
    var pending = pages.slice(from, from + PAGES).map(function (r) { return r.data(); });
    var next = from + PAGES;
    var more = list.querySelector(".pagefind-more");
    if (more) more.remove();
    return pending.reduce(function (chain, data) {
      return chain.then(function () { return data; }).then(function (page) {
        if (id !== latest) return;
        if (from === 0 && shown === 0) list.textContent = "";   // the previous query's results go now
        var items = itemsOf(page).sort(function (a, b) { return b.score - a.score; });
        items.forEach(function (item) { list.appendChild(resultItem(item, terms)); });
        shown += items.length;
        showCount(shown, next < pages.length);
      });
    }, Promise.resolve()).then(function () {
      if (id === latest && next < pages.length) list.appendChild(moreItem(pages, next, terms, id, shown));
    });
  }

  function moreItem(pages, next, terms, id, shown) {
    var li = document.createElement("li");
    li.className = "md-search-result__item pagefind-more";
    var link = document.createElement("div");    // not a link: Material's instant navigation takes every <a>
    link.className = "md-search-result__link";
    link.setAttribute("role", "button");
    link.tabIndex = -1;
    var article = document.createElement("article");
    article.className = "md-search-result__article md-typeset";
    var p = document.createElement("p");
    p.textContent = "Show results from " + (pages.length - next) + " more pages";
    article.appendChild(p);
    link.appendChild(article);
    link.addEventListener("click", function () {
      renderBatch(pages, next, terms, id, shown).then(function () { query.focus(); });
    });
    li.appendChild(link);
    return li;
  }

  function search(value) {
    var id = ++latest;
    var terms = value.trim();
    if (!terms) {
      list.textContent = "";
      meta.textContent = translate("search.result.placeholder");
      return;
    }
    load().then(function (pf) { return pf.search(terms); }).then(function (found) {
      if (id !== latest || !found) return;
      if (!found.results.length) { list.textContent = ""; showCount(0, false); return; }
      return renderBatch(found.results, 0, terms, id, 0);
    }).catch(function () {
      if (id === latest) meta.textContent = "Search is not available right now.";
    });
  }

  /* ---- the box: Material's behaviour ------------------------------------- */

  query.addEventListener("focus", function () {
    setTimeout(function () { setToggle(true); }, 0);   // after a header label's own toggling
    load();
  });
  query.addEventListener("input", function () {
    clearTimeout(timer);
    if (runtime && query.value.trim()) runtime.then(function (pf) { pf.preload(query.value.trim()); });
    timer = setTimeout(function () { search(query.value); }, DEBOUNCE_MS);
  });
  query.form.addEventListener("submit", function (event) { event.preventDefault(); });
  query.form.addEventListener("reset", function () {
    setTimeout(function () { search(""); query.focus(); }, 0);
  });
  var button = document.querySelector("header [for=__search]");     // the header's search button
  if (button) button.addEventListener("click", function () { query.focus(); });   // a phone's keyboard
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
        query.focus();
        query.select();
        key.claim();
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
    if (key.mode === "global" && typingInField(document.activeElement)) return;
    onKey(key);
  });
  /* ---- the page a result opens: mark the searched words in that question ---- */
  /* (Material's search.highlight does this in Material mode, but it needs Material's index.) */

  function highlight() {
    var terms = (new URLSearchParams(location.search).get("h") || "").split(/\s+/)
      .filter(function (w) { return w.length > 1; })
      .map(function (w) { return w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"); });
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

  var idle = window.requestIdleCallback || function (fn) { return setTimeout(fn, 1500); };
  idle(function () { load(); }, { timeout: 3000 });
})();
