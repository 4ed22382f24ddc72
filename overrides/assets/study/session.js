/* One flashcards session as data: the order the cards come in (as listed, or shuffled)
 * and Anki's relearning within the session: a card graded "Not yet" comes back a few
 * cards later, however often it takes. No DOM, so tests/js runs it under node.
 *
 * A session is {queue, pos}: queue holds {entry, repeat} items (entry: an index into the
 * filtered deck; repeat: 0 the first time the card is shown, 1 the second, …), pos is the
 * item on screen. Grading "Not yet" inserts the same entry GAP cards further on (or last,
 * when fewer are left); grading the same showing again replaces that decision, so an MCQ
 * pick followed by a grade button never queues a card twice.
 */

// Cards shown between a "Not yet" and its repeat. Anki's relearning step is 10 minutes;
// on a static page, without a clock the learner keeps to, a few cards stand for it.
export const GAP = 5;

/* A copy of `items` in a random order (Fisher–Yates); random() returns [0, 1) as Math.random. */
export function shuffled(items, random) {
  const out = items.slice();
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    const t = out[i]; out[i] = out[j]; out[j] = t;
  }
  return out;
}

/* A session over `count` cards, in deck order or shuffled with `random`. */
export function start(count, random) {
  const order = [];
  for (let i = 0; i < count; i++) order.push(i);
  return { queue: (random ? shuffled(order, random) : order).map(function (i) { return { entry: i, repeat: 0 }; }),
           pos: 0 };
}

/* The deck index of the card on screen, or -1 for an empty session. */
export function current(session) {
  const item = session.queue[session.pos];
  return item ? item.entry : -1;
}

/* Record the grade of the card on screen: "Not yet" queues it again (once per showing),
 * "I knew it" takes back a repeat this showing queued. Returns how many cards come
 * before the repeat (null when none is queued). */
export function graded(session, knew) {
  const item = session.queue[session.pos];
  if (!item) return null;
  if (knew) {
    if (item.again) {
      const at = session.queue.indexOf(item.again);
      if (at > session.pos) session.queue.splice(at, 1);
      item.again = null;
    }
    return null;
  }
  if (!item.again || session.queue.indexOf(item.again) <= session.pos) {
    item.again = { entry: item.entry, repeat: item.repeat + 1 };
    session.queue.splice(Math.min(session.pos + 1 + GAP, session.queue.length), 0, item.again);
  }
  return session.queue.indexOf(item.again) - session.pos - 1;
}

/* Move by `step` items; false (and no move) past either end. */
export function move(session, step) {
  const next = session.pos + step;
  if (next < 0 || next >= session.queue.length) return false;
  session.pos = next;
  return true;
}

/* How many repeats are still ahead of the card on screen. */
export function repeatsAhead(session) {
  let n = 0;
  for (let i = session.pos + 1; i < session.queue.length; i++) if (session.queue[i].repeat) n += 1;
  return n;
}
