/* The two DOM helpers every study script shares. */

/* A DOM element with attributes and text (never HTML): the study scripts' one builder. */
export function el(tag, attrs, text) {
  const node = document.createElement(tag);
  Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
  if (text != null) node.textContent = text;
  return node;
}

/* Run `mount` on this page and again after every instant navigation (Material's
 * document$ emits each new page); without Material's bundle, once the DOM is ready.
 * While the page first loads, each mount runs in a task of its own: document$ emits
 * inside the theme's start-up task, and a phone's Lighthouse counted the two together
 * as one long blocking task. After an instant navigation it runs at once, right after
 * the theme has scrolled to the new page's anchor, as the study scripts expect. */
export function onEveryPage(mount) {
  if (window.document$) {
    window.document$.subscribe(function () {
      if (document.readyState === "complete") mount();
      else setTimeout(mount, 0);
    });
  } else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", mount);
  else mount();
}
