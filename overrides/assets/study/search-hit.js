/* Landing from a search hit on a topic page: the words of the search (Material puts them
 * in the address as ?h=…) and which folded answer mentions them. No DOM (study.js opens
 * the answer), so tests/js runs it under node.
 */

/* The search's words from the `h` parameter, lower case, without query syntax (+word,
 * -word, word*, word~2, word^10) and, for words over 4 letters, without the
 * ending lunr's stemmer drops, so a stem matches the page's text. */
export function searchTerms(h) {
  if (!h) return [];
  return h.toLowerCase().split(/\s+/).map(function (t) {
    return t.replace(/^[+-]/, "").replace(/[*~^:\d]*$/, "").replace(/[^\w-]/g, "");
  }).filter(function (t) { return t.length >= 2; }).map(function (t) {
    return t.length > 4 ? t.replace(/(ing|ed|es|s)$/, "") : t;
  });
}

/* Whether `text` holds any of the terms (searchTerms()'s, lower case). */
export function mentions(text, terms) {
  const lower = text.toLowerCase();
  return terms.some(function (t) { return lower.indexOf(t) !== -1; });
}

/* The index of the first text that mentions a term, or -1. */
export function firstMentioning(texts, terms) {
  for (let i = 0; i < texts.length; i++) if (mentions(texts[i], terms)) return i;
  return -1;
}
