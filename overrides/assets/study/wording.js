/* The sentences the study pages show about counts and days: the topic bar, the home
 * page's due summary and forecast, and the progress controls' summary and import report.
 * No DOM, so tests/js runs it under node. Counts come from schedule.progress():
 * {total, known, due, graded}.
 */

export function plural(n, word) { return n + " " + word + (n === 1 ? "" : "s"); }

/* A topic page's study bar: "3 of 40 known · 2 due today". */
export function topicLine(p) {
  return p.known + " of " + p.total + " known · " + p.due + " due today";
}

/* A topic's line on the home page ("" for a topic with no entries). */
export function homeTopicLine(p) {
  return p.total ? p.due + " due today · " + p.known + " of " + p.total + " known" : "";
}

/* The home page's summary over all entries: {headline, rest, link, href} (href relative
 * to the site root: the flashcards, showing the due cards when there are some). */
export function homeSummary(p) {
  return {
    headline: plural(p.due, "question") + " due for review today",
    rest: " · " + p.known + " of " + p.total + " known · " + plural(p.graded, "question") + " graded. ",
    link: p.due ? "Review them with the flashcards" : "Study with the flashcards",
    href: "flashcards/" + (p.due ? "?show=due" : "")
  };
}

/* A forecast row's day: "Today (and overdue)", "Tomorrow", then "Thu 26 Nov" (local). */
export function dayName(iso, offset) {
  if (offset === 0) return "Today (and overdue)";
  if (offset === 1) return "Tomorrow";
  const p = iso.split("-");
  return new Date(+p[0], +p[1] - 1, +p[2]).toLocaleDateString("en-GB", { weekday: "short", day: "numeric", month: "short" });
}

/* Each forecast day's bar width in em, the busiest day 6em (an empty week: all 0). */
export function barWidths(days) {
  const most = Math.max.apply(null, days.map(function (d) { return d.count; }).concat([1]));
  return days.map(function (d) { return (d.count / most * 6).toFixed(2) + "em"; });
}

/* The progress controls' summary of this browser's grades. */
export function progressSummary(p) {
  return p.graded ? p.graded + " of " + p.total + " questions graded in this browser: " +
    p.known + " known, " + p.due + " due today." : "Nothing graded in this browser yet.";
}

/* What loading a progress file did: progress-data.importText()'s result for `name`. */
export function importReport(result, name) {
  if (result.error) return "Could not load " + name + ": " + result.error + ". Nothing changed.";
  return "Loaded " + plural(result.imported, "grade") +
    (result.notes ? " and " + plural(result.notes, "answer") : "") + " from " + name +
    (result.skipped ? " (skipped " + result.skipped + " invalid entries)." : ".");
}
