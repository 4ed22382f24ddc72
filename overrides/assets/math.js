/* Load MathJax (served by this site, see generator/publish/site.py) only when a formula comes
 * into view, and typeset again after every instant navigation. Answers are folded by
 * default, so most readers of a page with math see none of it until they open an
 * answer: waiting for the first visible formula spares a phone 260 KB of MathJax and
 * a second of script on most page loads. Formulas inside closed <details> or hidden
 * tabs have no box, so the IntersectionObserver reports them once they are shown.
 * Configuration as Material documents for pymdown.arithmatex in generic mode. */
import { onEveryPage } from "./study/dom.js";

var src = new URL("mathjax/tex-chtml.js", import.meta.url).href;
var state = "idle";          // idle -> loading -> ready
var again = false;           // a page change arrived while MathJax was loading

function retypeset() {
  const MathJax = window.MathJax;
  MathJax.startup.output.clearCache();
  MathJax.typesetClear();
  MathJax.texReset();
  return MathJax.typesetPromise();
}

function load() {
  state = "loading";
  // eslint-disable-next-line no-restricted-syntax -- MathJax reads its configuration there
  window.MathJax = {
    // Typeset a formula when it comes into view, not the whole page at once; and filter what a
    // formula asks for (\bbox[position:fixed], \mmlToken{mi}[href="javascript:..."]): the
    // build disarms the html extension's commands, the safe extension keeps URLs to http(s),
    // ids and classes to "mjx-" and styles to a short list in the browser too.
    loader: { load: ["ui/lazy", "ui/safe"] },
    tex: {
      inlineMath: [["\\(", "\\)"]],
      displayMath: [["\\[", "\\]"]],
      processEscapes: true,
      processEnvironments: true
    },
    options: { ignoreHtmlClass: ".*|", processHtmlClass: "arithmatex" },
    startup: {
      ready: function () {
        window.MathJax.startup.defaultReady();
        window.MathJax.startup.promise.then(function () {
          state = "ready";
          if (again) { again = false; return retypeset(); }
        });
      }
    }
  };
  var tag = document.createElement("script");
  tag.src = src;
  tag.async = true;
  document.head.appendChild(tag);
}

var watcher = null;           // the IntersectionObserver of the current page

function typesetPage() {
  if (state === "idle") load();
  else if (state === "loading") again = true;
  else retypeset();
}

function onPage() {
  if (watcher) watcher.disconnect();
  watcher = null;
  var formulas = document.querySelectorAll(".arithmatex");
  if (!formulas.length) return;
  if (!("IntersectionObserver" in window)) return typesetPage();
  watcher = new IntersectionObserver(function (entries, observer) {
    if (!entries.some(function (e) { return e.isIntersecting; })) return;
    observer.disconnect();
    if (watcher === observer) watcher = null;
    typesetPage();              // the whole page at once, hidden formulas included
  }, { rootMargin: "50% 0px" });
  formulas.forEach(function (el) { watcher.observe(el); });
}

/* Typeset math added after the page loaded (the flashcards), loading MathJax first if
 * this page had none. While it loads there is nothing more to do: MathJax's start-up
 * typesets the whole page as it is then, node included. (Asking for a second pass right
 * after it, as `again` does for a page change, cleared the lazily typeset formulas and
 * left their spans empty.) */
export function typeset(node) {
  if (state === "ready") {
    window.MathJax.typesetPromise([node]).catch(function () { /* leave the TeX source visible */ });
  } else if (state === "idle") {
    load();
  }
}

onEveryPage(onPage);
