/* The site's entries in the order the topic pages show them. The generator writes that
 * order once, to study-index.json (rows [topic, id, other ids…], a duplicate group's
 * primary first: generator/render/layout.py); the browser takes it from there and fills
 * each row in with questions.json's records, so nothing here sorts or could disagree.
 * No DOM, so tests/js runs it under node, on real builds too.
 */

/* {entries, aliases}: study-index.json's rows [topic, id, other ids…] as {topic, id, ids},
 * and its map of former ids to ids now ({} when absent or malformed). */
export function entriesFromIndex(doc) {
  const aliases = doc && doc.aliases && typeof doc.aliases === "object" && !Array.isArray(doc.aliases)
    ? doc.aliases : {};
  return { aliases: aliases, entries: ((doc && doc.entries) || []).map(function (row) {
    return { topic: row[0], id: row[1], ids: row.slice(1) };
  }) };
}

/* {topics, sources, entries} for the flashcards: one entry per index row, in the index's
 * order, as {id, ids, topic, kind, primary, members, difficulty}. `members` are the
 * questions.json records of the row's ids, in the row's order, the first being the
 * primary; `difficulty` is the first a member's source marked, else null. An id that
 * questions.json lacks (the two files of different builds) is left out, and so is a row
 * left with none. `questions` is questions.json; `index` is entriesFromIndex()'s result. */
export function deckEntries(questions, index) {
  const byId = new Map((questions.questions || []).map(function (q) { return [q.id, q]; }));
  const entries = [];
  index.entries.forEach(function (row) {
    const members = row.ids.map(function (id) { return byId.get(id); }).filter(Boolean);
    if (!members.length) return;
    const rated = members.find(function (m) { return m.difficulty; });
    entries.push({ id: members[0].id, ids: members.map(function (m) { return m.id; }),
                   topic: row.topic, kind: members[0].kind, primary: members[0], members: members,
                   difficulty: rated ? rated.difficulty : null });
  });
  return { topics: questions.topics || [], sources: questions.sources || [], entries: entries };
}
