/* The one page-level script every page loads (besides a11y.js): it imports each study
 * script only on a page that holds what that script works on, so a topic page without
 * the flashcards or the progress controls never fetches their code, and a page whose
 * formulas are all MathML (generator/publish/mathml.py) never fetches math.js.
 *
 * Runs on this page and after every instant navigation (onEveryPage: Material's
 * document$). An imported module mounts itself with onEveryPage too: document$ replays
 * the current page to a late subscriber, so a module imported after a navigation still
 * sees that page, and import() fetches and runs each module once.
 * A new page-level script is one row here and one condition in main.html (README, "Page speed"). */
import { onEveryPage } from "./study/dom.js";

const SCRIPTS = [
  [".qa, #study-due, .due-count[data-topic]", "./study.js"],
  ["div#flashcards", "./flashcards.js"],
  ["#study-progress", "./progress.js"],
  [".arithmatex", "./math.js"],             // a formula the build could not convert
  [".md-content abbr", "./tooltips.js"]
];

function load() {
  SCRIPTS.forEach(function (row) {
    if (document.querySelector(row[0])) {
      import(row[1]).catch(function (error) { console.error("could not load " + row[1], error); });
    }
  });
}

onEveryPage(load);
