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

onEveryPage(name);
