/* Material's bundle fetches search/search_index.json on every page load, before anyone
 * searches (319 KB at 300 questions, megabytes at 10,000). This runs before the bundle
 * and holds that one request back until a reader reaches for search: focus in the
 * search box or its toggle, the `/` or `s` shortcut, or a page opened from a search
 * result (`?h=`, which highlights with the index). Every other request goes through. */
(function () {
  "use strict";
  var INDEX = /\/search\/search_index\.json(?:[?#]|$)/;
  var open = XMLHttpRequest.prototype.open;
  var send = XMLHttpRequest.prototype.send;
  var released = false;
  var waiting = [];

  function release() {
    if (released) return;
    released = true;
    waiting.splice(0).forEach(function (go) { go(); });
  }

  // Material requests JSON with XMLHttpRequest; only the index's `send` waits.
  XMLHttpRequest.prototype.open = function (method, url) {
    this.searchIndex = INDEX.test(String(url));
    return open.apply(this, arguments);
  };
  XMLHttpRequest.prototype.send = function () {
    var request = this;
    var args = arguments;
    if (released || !request.searchIndex) return send.apply(request, args);
    waiting.push(function () { send.apply(request, args); });
  };

  if (/[?&]h=/.test(location.search)) release();
  document.addEventListener("focusin", function (event) {
    var target = event.target;
    if (target && target.closest && target.closest(".md-search, label[for='__search']")) release();
  }, true);
  document.addEventListener("pointerdown", function (event) {
    var target = event.target;
    if (target && target.closest && target.closest("label[for='__search'], .md-search")) release();
  }, true);
  document.addEventListener("keydown", function (event) {
    if (event.key === "/" || event.key === "s" || event.key === "S") release();
  }, true);
})();
