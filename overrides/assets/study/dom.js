/* The two DOM helpers every study script shares. */

/* A DOM element with attributes and text (never HTML): the study scripts' one builder. */
export function el(tag, attrs, text) {
  const node = document.createElement(tag);
  Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
  if (text != null) node.textContent = text;
  return node;
}

/* Run `mount` on this page and again after every instant navigation (Material's
 * document$ emits each new page); without Material's bundle, once the DOM is ready. */
export function onEveryPage(mount) {
  if (window.document$) window.document$.subscribe(mount);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", mount);
  else mount();
}
