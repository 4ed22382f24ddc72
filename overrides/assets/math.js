/* Load MathJax (served by this site, see generator/site.py) only on pages that hold
 * math, and typeset again after every instant navigation. Configuration as Material
 * documents for pymdownx.arithmatex in generic mode. */
(function () {
  "use strict";
  var script = document.currentScript;
  var src = new URL("mathjax/tex-chtml.js", script ? script.src : location.href).href;
  var state = "idle";          // idle -> loading -> ready
  var again = false;           // a page change arrived while MathJax was loading

  function retypeset() {
    MathJax.startup.output.clearCache();
    MathJax.typesetClear();
    MathJax.texReset();
    return MathJax.typesetPromise();
  }

  function load() {
    state = "loading";
    window.MathJax = {
      tex: {
        inlineMath: [["\\(", "\\)"]],
        displayMath: [["\\[", "\\]"]],
        processEscapes: true,
        processEnvironments: true
      },
      options: { ignoreHtmlClass: ".*|", processHtmlClass: "arithmatex" },
      startup: {
        ready: function () {
          MathJax.startup.defaultReady();
          MathJax.startup.promise.then(function () {
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

  function onPage() {
    if (!document.querySelector(".arithmatex")) return;
    if (state === "idle") load();
    else if (state === "loading") again = true;
    else retypeset();
  }

  // For study mode's flashcards (flashcards.js): typeset math added after page load,
  // loading MathJax first if this page had none.
  window.LLMStudyMath = {
    typeset: function (node) {
      if (state === "ready") return MathJax.typesetPromise([node]);
      again = true;                 // typeset the whole page (node included) once ready
      if (state === "idle") load();
    }
  };

  if (window.document$) window.document$.subscribe(onPage);
  else document.addEventListener("DOMContentLoaded", onPage);
})();
