/* Glossary tooltips for <abbr title> (Markdown's abbr extension), on hover and on
 * keyboard focus, in Material's own tooltip markup and styles (.md-tooltip2).
 * Why not Material's `content.tooltips` feature: it mounts observers on every
 * abbreviation when a page loads, and a topic page holds 150 of them; that alone
 * cost a mobile Lighthouse run ~15 performance points. One delegated listener set
 * costs nothing until a reader points at a term. */
import { onEveryPage } from "./study/dom.js";

const SELECTOR = "abbr[title], abbr[data-title]";
const TIP_ID = "__glossary_tooltip";
let tip = null;
let host = null;

function text(el) { return el.getAttribute("data-title") || el.getAttribute("title") || ""; }

function show(el) {
  if (host === el) return;
  hide();
  host = el;
  // The expansion moves to data-title while shown, so the browser's own title
  // tooltip does not appear on top of this one.
  el.setAttribute("data-title", text(el));
  el.removeAttribute("title");
  el.setAttribute("aria-describedby", TIP_ID);

  tip = document.createElement("div");
  tip.className = "md-tooltip2 md-tooltip2--bottom";
  tip.id = TIP_ID;
  tip.setAttribute("role", "tooltip");
  var inner = document.createElement("div");
  inner.className = "md-tooltip2__inner md-typeset";
  inner.textContent = el.getAttribute("data-title");
  tip.appendChild(inner);
  document.body.appendChild(tip);

  var box = el.getBoundingClientRect();
  var style = tip.style;
  style.setProperty("--md-tooltip-host-x", box.left + window.scrollX + "px");
  style.setProperty("--md-tooltip-host-y", box.top + window.scrollY + "px");
  style.setProperty("--md-tooltip-x", box.width / 2 + "px");
  style.setProperty("--md-tooltip-y", 8 + box.height + "px");
  style.setProperty("--md-tooltip-width", inner.getBoundingClientRect().width + "px");
  style.setProperty("--md-tooltip-tail", "0px");
  // Next frame, so the opacity transition runs from the hidden state.
  requestAnimationFrame(function () { if (tip) tip.classList.add("md-tooltip2--active"); });
}

function hide() {
  if (tip) tip.remove();
  tip = null;
  if (!host) return;
  host.setAttribute("title", host.getAttribute("data-title"));
  host.removeAttribute("data-title");
  host.removeAttribute("aria-describedby");
  host = null;
}

function target(event) {
  return event.target instanceof Element ? event.target.closest(SELECTOR) : null;
}

document.addEventListener("mouseover", function (event) {
  var el = target(event);
  if (el) show(el);
});
document.addEventListener("mouseout", function (event) {
  if (host && target(event) === host && !host.contains(event.relatedTarget)
      && document.activeElement !== host) hide();
});
document.addEventListener("focusin", function (event) {
  var el = target(event);
  if (el) show(el); else hide();
});
document.addEventListener("focusout", function (event) {
  if (host && target(event) === host) hide();
});
document.addEventListener("keydown", function (event) {
  if (event.key === "Escape") hide();
});
window.addEventListener("resize", hide);

// Instant navigation swaps the page under a shown tooltip. (Which terms are tab
// stops is study.js's business: the first occurrence of each.)
onEveryPage(hide);
