/* Material's search boosts a page above its own sections, so a topic whose title names
 * the query ("Hallucinations, Bias & Responsible AI" for "hallucination") shows only
 * its title and folds every matching question under "N more on this page". Readers
 * search for questions: this moves each page's best section out of the fold, right
 * under the page, as Material shows it when a section wins. Results keep their order,
 * links and keyboard navigation; only the fold changes. */
const LIST = ".md-search-result__list";
const LINK = "a.md-search-result__link";

function unfold(item) {
  const more = item.querySelector(":scope > details.md-search-result__more");
  if (!more || item.querySelectorAll(`:scope > ${LINK}`).length > 1) return;
  const best = more.querySelector(LINK);
  if (!best) return;
  more.before(best);
  const left = more.querySelectorAll(LINK).length;
  const label = more.querySelector("summary div") || more.querySelector("summary");
  if (!left) more.remove();
  else if (label) label.textContent = label.textContent.replace(/\d+/, String(left));
}

function watch(list) {
  const run = () => list.querySelectorAll(":scope > li.md-search-result__item").forEach(unfold);
  new MutationObserver(run).observe(list, { childList: true });
  run();
}

const list = document.querySelector(LIST);
if (list) watch(list);
