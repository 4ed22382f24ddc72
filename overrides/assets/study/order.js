/* The site's entries in the order the topic pages show them, from questions.json or
 * study-index.json. No DOM, so tests/js runs it under node and checks it against the
 * order of the generator's study-index.json.
 *
 * Mirrors generator/render_layout.py: a duplicate group is one entry whose members are
 * sorted by (kind: answered, MCQ, prompt; source order; number in the source; id), the
 * first member being the primary; entries follow the topics' order, and within a topic
 * their primary's sort key. Hidden questions have no entry.
 */
const KIND_ORDER = new Map([["open", 0], ["mcq", 1], ["prompt", 2]]);

function rankOf(items) {
  return new Map(items.map(function (item, i) { return [item.id, i]; }));
}

function compareIds(a, b) { return a < b ? -1 : a > b ? 1 : 0; }

/* {topics, sources, entries}: entries {id, ids, topic, kind, primary, members, difficulty}
 * (difficulty: the first member's that a source marked, else null). */
export function entriesFromQuestions(doc) {
  const topics = doc.topics || [], sources = doc.sources || [];
  const sourceRank = rankOf(sources), topicRank = rankOf(topics);
  // Unknown keys sort last, as generator/render_layout.py's question_sort_key does.
  function rank(table, key, missing) { return table.has(key) ? table.get(key) : missing; }
  function byKey(a, b) {
    return (rank(KIND_ORDER, a.kind, 3) - rank(KIND_ORDER, b.kind, 3)) ||
      (rank(sourceRank, a.source, sources.length) - rank(sourceRank, b.source, sources.length)) ||
      (a.n - b.n) || compareIds(a.id, b.id);
  }
  const groups = new Map();
  (doc.questions || []).forEach(function (q) {
    if (q.hidden) return;
    const key = q.group || q.id;
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key).push(q);
  });
  const entries = Array.from(groups.values(), function (group) {
    const members = group.slice().sort(byKey);
    const rated = members.find(function (m) { return m.difficulty; });
    return { id: members[0].id, ids: members.map(function (m) { return m.id; }),
             topic: members[0].topic, kind: members[0].kind, primary: members[0], members: members,
             difficulty: rated ? rated.difficulty : null };
  });
  entries.sort(function (a, b) {
    return (rank(topicRank, a.topic, topics.length) - rank(topicRank, b.topic, topics.length)) ||
      byKey(a.primary, b.primary);
  });
  return { topics: topics, sources: sources, entries: entries };
}

/* {entries, aliases}: study-index.json's rows [topic, id, other ids…] as {topic, id, ids},
 * and its map of former ids to ids now ({} when absent or malformed). */
export function entriesFromIndex(doc) {
  const aliases = doc && doc.aliases && typeof doc.aliases === "object" && !Array.isArray(doc.aliases)
    ? doc.aliases : {};
  return { aliases: aliases, entries: ((doc && doc.entries) || []).map(function (row) {
    return { topic: row[0], id: row[1], ids: row.slice(1) };
  }) };
}
