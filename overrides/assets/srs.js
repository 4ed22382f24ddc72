/* Study state shared by every page: grades in localStorage, the SM-2 review
 * schedule, and the question data from questions.json. Exposes window.LLMStudy;
 * study.js (topic and home pages) and flashcards.js build on it.
 *
 * State (localStorage "llm-study:v1"), keyed by the stable question ids, so it
 * survives rebuilds of the site:
 *   {"version": 1,
 *    "cards": {"<question id>": {"ef": 2.5, "reps": 1, "interval": 1,
 *                                "due": "2026-11-24", "last": "2026-11-23",
 *                                "grade": "knew" | "again", "n": 1, "t": 1790000000000}},
 *    "prefs": {"showAll": false}}
 *
 * SM-2 (SuperMemo 2), with two grades: "I knew it" is quality 4, "Not yet" quality 1.
 *   ease' = max(1.3, ease + 0.1 - (5 - q) * (0.08 + (5 - q) * 0.02))
 *   q >= 3: reps + 1; interval 1 day, then 6 days, then round(interval * ease')
 *   q <  3: reps = 0, interval 0: due again today, so it stays in today's queue.
 * A card is due when due <= today (local date); never graded means "new".
 * A grade is written to every id of a merged duplicate group, so the site entry,
 * its flashcard and each source's question share one schedule.
 *
 * A question whose id changed (a cleaner reading of its title) lists its former ids
 * as aliases in study-index.json; grades saved under a former id move to the id now,
 * when the index loads and when a progress file is imported (the newer grade wins).
 */
(function () {
  "use strict";
  var KEY = "llm-study:v1";
  var ID = /^[A-Za-z0-9_-]{1,200}$/;
  var DATE = /^\d{4}-\d{2}-\d{2}$/;
  var MAX_IMPORT_BYTES = 5 * 1024 * 1024;
  var KIND_ORDER = { open: 0, mcq: 1, prompt: 2 };

  // Material's #__config holds the site root relative to the page first loaded;
  // resolve it now, because instant navigation changes location but not the config.
  var siteRoot = (function () {
    var el = document.getElementById("__config");
    var base = ".";
    try { base = (el && JSON.parse(el.textContent).base) || "."; } catch (e) { base = "."; }
    return new URL(base.replace(/\/?$/, "/"), location.href);
  })();

  function pad(n) { return (n < 10 ? "0" : "") + n; }
  function isoDate(d) { return d.getFullYear() + "-" + pad(d.getMonth() + 1) + "-" + pad(d.getDate()); }
  function today() { return isoDate(new Date()); }
  function addDays(iso, days) {
    var p = iso.split("-");
    return isoDate(new Date(+p[0], +p[1] - 1, +p[2] + days));
  }

  function emptyState() { return { version: 1, cards: {}, prefs: {} }; }

  function load() {
    try {
      var raw = window.localStorage.getItem(KEY);
      if (!raw) return emptyState();
      var checked = validate(JSON.parse(raw));
      return checked.state || emptyState();
    } catch (e) {
      return emptyState();   // storage blocked or corrupt: study without saving
    }
  }

  function save(state) {
    try { window.localStorage.setItem(KEY, JSON.stringify(state)); return true; } catch (e) { return false; }
  }

  function validCard(c) {
    return c && typeof c === "object" &&
      typeof c.ef === "number" && c.ef >= 1.3 && c.ef <= 5 &&
      Number.isInteger(c.reps) && c.reps >= 0 && c.reps < 10000 &&
      Number.isInteger(c.interval) && c.interval >= 0 && c.interval <= 36500 &&
      typeof c.due === "string" && DATE.test(c.due) &&
      typeof c.last === "string" && DATE.test(c.last) &&
      (c.grade === "knew" || c.grade === "again");
  }

  function cleanCard(c) {
    return { ef: c.ef, reps: c.reps, interval: c.interval, due: c.due, last: c.last, grade: c.grade,
             n: Number.isInteger(c.n) && c.n > 0 ? c.n : 1,
             t: typeof c.t === "number" && isFinite(c.t) ? c.t : 0 };
  }

  /* {state, skipped} for a well-formed document, {error} otherwise. */
  function validate(doc) {
    if (!doc || typeof doc !== "object" || Array.isArray(doc)) return { error: "not a progress file (expected a JSON object)" };
    if (doc.version !== 1) return { error: "unsupported version " + JSON.stringify(doc.version) + " (expected 1)" };
    if (!doc.cards || typeof doc.cards !== "object" || Array.isArray(doc.cards)) return { error: "no \"cards\" object" };
    var state = emptyState(), skipped = 0;
    Object.keys(doc.cards).forEach(function (id) {
      if (ID.test(id) && validCard(doc.cards[id])) state.cards[id] = cleanCard(doc.cards[id]);
      else skipped += 1;
    });
    if (doc.prefs && typeof doc.prefs === "object" && typeof doc.prefs.showAll === "boolean") {
      state.prefs.showAll = doc.prefs.showAll;
    }
    return { state: state, skipped: skipped };
  }

  function newer(theirs, mine) {
    return !mine || theirs.last > mine.last || (theirs.last === mine.last && theirs.t >= mine.t);
  }

  /* Parse and validate an imported file's text; merge keeps the newer grade per id.
   * `aliases` (former id -> id now, from study-index.json) moves old ids first. */
  function importText(text, current, aliases) {
    if (text.length > MAX_IMPORT_BYTES) return { error: "file too large" };
    var doc;
    try { doc = JSON.parse(text); } catch (e) { return { error: "not valid JSON" }; }
    var checked = validate(doc);
    if (checked.error) return checked;
    migrate(checked.state, aliases);
    var merged = { version: 1, cards: Object.assign({}, current.cards), prefs: current.prefs };
    var count = 0;
    Object.keys(checked.state.cards).forEach(function (id) {
      if (newer(checked.state.cards[id], merged.cards[id])) merged.cards[id] = checked.state.cards[id];
      count += 1;
    });
    migrate(merged, aliases);
    return { state: merged, imported: count, skipped: checked.skipped };
  }

  /* Move grades saved under a former id to the question's id now; returns how many moved. */
  function migrate(state, aliases) {
    var moved = 0;
    if (!aliases) return moved;
    Object.keys(state.cards).forEach(function (old) {
      if (!Object.prototype.hasOwnProperty.call(aliases, old)) return;
      var now = aliases[old];
      if (typeof now !== "string" || !ID.test(now) || now === old) return;
      if (newer(state.cards[old], state.cards[now])) state.cards[now] = state.cards[old];
      delete state.cards[old];
      moved += 1;
    });
    return moved;
  }

  /* Saved grades under former ids, moved for good (and the page told) once the index is here. */
  function migrateSaved(aliases) {
    var state = load();
    if (migrate(state, aliases) && save(state)) {
      document.dispatchEvent(new CustomEvent("llm-study:change"));
    }
  }

  function review(card, knew, day) {
    var q = knew ? 4 : 1;
    var c = card ? cleanCard(card) : { ef: 2.5, reps: 0, interval: 0, n: 0 };
    c.ef = Math.max(1.3, Math.round((c.ef + 0.1 - (5 - q) * (0.08 + (5 - q) * 0.02)) * 100) / 100);
    if (q < 3) {
      c.reps = 0;
      c.interval = 0;
    } else {
      c.reps += 1;
      c.interval = c.reps === 1 ? 1 : c.reps === 2 ? 6 : Math.max(1, Math.round(c.interval * c.ef));
    }
    c.due = addDays(day, c.interval);
    c.last = day;
    c.grade = knew ? "knew" : "again";
    c.n = (c.n || 0) + 1;
    c.t = Date.now();
    return c;
  }

  /* Grade one site entry: every id of its duplicate group gets the same schedule. */
  function grade(ids, knew) {
    var state = load();
    var card = review(latest(state, ids), knew, today());
    ids.forEach(function (id) { state.cards[id] = card; });
    save(state);
    document.dispatchEvent(new CustomEvent("llm-study:change"));
    return card;
  }

  function latest(state, ids) {
    var best = null;
    ids.forEach(function (id) {
      var c = state.cards[id];
      if (c && (!best || c.last > best.last || (c.last === best.last && c.t > best.t))) best = c;
    });
    return best;
  }

  function status(card, day) {
    if (!card) return "new";
    return card.due <= day ? "due" : card.grade === "knew" ? "known" : "learning";
  }

  /* questions.json, fetched once per visit, shaped into entries: one per
   * duplicate group (the site's entries), with the primary member first. */
  var dataPromise = null;
  function loadData() {
    if (!dataPromise) {
      dataPromise = fetch(new URL("questions.json", siteRoot).href)
        .then(function (r) { if (!r.ok) throw new Error("questions.json: HTTP " + r.status); return r.json(); })
        .then(shape);
      dataPromise.catch(function () { dataPromise = null; });   // let a later page try again
    }
    return dataPromise;
  }

  /* study-index.json: [topic, id, other ids...] per site entry; enough for progress(). */
  var indexPromise = null;
  function loadIndex() {
    if (!indexPromise) {
      indexPromise = fetch(new URL("study-index.json", siteRoot).href)
        .then(function (r) { if (!r.ok) throw new Error("study-index.json: HTTP " + r.status); return r.json(); })
        .then(function (doc) {
          var aliases = doc.aliases && typeof doc.aliases === "object" ? doc.aliases : {};
          migrateSaved(aliases);
          return { aliases: aliases, entries: (doc.entries || []).map(function (row) {
            return { topic: row[0], ids: row.slice(1), id: row[1] };
          }) };
        });
      indexPromise.catch(function () { indexPromise = null; });
    }
    return indexPromise;
  }

  function shape(doc) {
    var rank = {};
    (doc.sources || []).forEach(function (s, i) { rank[s.id] = i; });
    var groups = {}, order = [];
    (doc.questions || []).forEach(function (q) {
      if (q.hidden) return;
      var key = q.group || q.id;
      if (!groups[key]) { groups[key] = []; order.push(key); }
      groups[key].push(q);
    });
    var entries = order.map(function (key) {
      var members = groups[key].slice().sort(function (a, b) {
        return (KIND_ORDER[a.kind] - KIND_ORDER[b.kind]) || (rank[a.source] - rank[b.source]) ||
          (a.n - b.n) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
      });
      return { id: members[0].id, ids: members.map(function (m) { return m.id; }),
               topic: members[0].topic, kind: members[0].kind, primary: members[0], members: members };
    });
    return { topics: doc.topics || [], sources: doc.sources || [], entries: entries };
  }

  /* {total, known, due, graded} over entries, optionally of one topic. */
  function progress(data, topic) {
    var state = load(), day = today();
    var out = { total: 0, known: 0, due: 0, graded: 0 };
    data.entries.forEach(function (e) {
      if (topic && e.topic !== topic) return;
      out.total += 1;
      var card = latest(state, e.ids);
      if (!card) return;
      out.graded += 1;
      if (card.grade === "knew") out.known += 1;
      if (card.due <= day) out.due += 1;
    });
    return out;
  }

  /* A DOM element with attributes and text (never HTML): the study scripts' one builder. */
  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (text != null) node.textContent = text;
    return node;
  }

  window.LLMStudy = {
    KEY: KEY, siteRoot: siteRoot, today: today, addDays: addDays,
    load: load, save: save, validate: validate, importText: importText, migrate: migrate,
    review: review, grade: grade, latest: latest, status: status,
    loadData: loadData, loadIndex: loadIndex, progress: progress, el: el
  };

  // Grades saved under ids a question had before move on any page, not only where counts show.
  if (Object.keys(load().cards).length) loadIndex().catch(function () { /* offline: next time */ });
})();
