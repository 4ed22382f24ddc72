/* Accessible names Material leaves out (axe: aria-dialog-name, aria-progressbar-name):
 * the search dialog and the instant-navigation progress bar. Run on every page change. */
import { onEveryPage } from "./study/dom.js";

const NAMES = [
  [".md-search[role=dialog]", "Search"],
  [".md-progress[role=progressbar]", "Page loading"]
];

function name() {
  NAMES.forEach(function (pair) {
    document.querySelectorAll(pair[0]).forEach(function (el) {
      if (!el.hasAttribute("aria-label")) el.setAttribute("aria-label", pair[1]);
    });
  });
}

/* Every answer toggle reads "Answer": a screen reader's list of them said nothing else.
 * Each is named after its question too ("Answer: What is beam search?"), its visible word first. */
function nameAnswers() {
  document.querySelectorAll(".qa > details.answer > summary").forEach(function (summary) {
    const heading = summary.closest(".qa").previousElementSibling;
    if (summary.hasAttribute("aria-label") || !heading || !/^H[2-6]$/.test(heading.tagName)) return;
    const title = Array.from(heading.childNodes)
      .filter(function (node) { return !(node.classList && node.classList.contains("headerlink")); })
      .map(function (node) { return node.textContent; })
      .join("")
      .trim();
    if (title) summary.setAttribute("aria-label", summary.textContent.trim() + ": " + title);
  });
}

onEveryPage(function () {
  name();
  nameAnswers();
});
