/* FSRS-6 (Free Spaced Repetition Scheduler), the scheduler of Anki since 23.10, as the
 * PyPI package `fsrs` 6.3.2 (py-fsrs) computes it: tests/test_fsrs_parity.py replays the
 * same review logs through both and compares every due time, stability and difficulty.
 * No DOM and no storage.
 *
 * A card: {state: "learning" | "review" | "relearning", step: 0.. | null,
 *          s: stability in days | null, d: difficulty 1..10 | null,
 *          due: ms since epoch, last: ms since epoch | null}.
 * A new card is {state: "learning", step: 0, s: null, d: null, due: now, last: null}.
 * Ratings: 1 Again, 2 Hard, 3 Good, 4 Easy. Fuzz is off, so a schedule is reproducible.
 */
export const AGAIN = 1, HARD = 2, GOOD = 3, EASY = 4;

const MINUTE = 60000;
export const DAY = 86400000;

export const DEFAULTS = Object.freeze({
  // py-fsrs 6.3.2 DEFAULT_PARAMETERS
  w: Object.freeze([0.212, 1.2931, 2.3065, 8.2956, 6.4133, 0.8334, 3.0194, 0.001, 1.8722, 0.1666,
    0.796, 1.4835, 0.0614, 0.2629, 1.6483, 0.6014, 1.8729, 0.5425, 0.0912, 0.0658, 0.1542]),
  retention: 0.9,
  // One step each: "I knew it" on a new card goes straight to review; "Not yet" brings
  // the card back in 10 minutes, within the same study session.
  learningSteps: Object.freeze([10 * MINUTE]),
  relearningSteps: Object.freeze([10 * MINUTE]),
  maxInterval: 36500
});

const S_MIN = 0.001;

export function newCard(now) {
  return { state: "learning", step: 0, s: null, d: null, due: now, last: null };
}

/* Python's round(): halves go to the even neighbour (Math.round sends them up). */
function roundHalfEven(x) {
  const r = Math.round(x);
  return Math.abs(x % 1) === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

/* The difficulty a first review with `rating` gives (default parameters). */
export function initialDifficulty(rating, cfg = DEFAULTS) { return model(cfg).initialD(rating); }

function clampD(d) { return Math.min(Math.max(d, 1), 10); }
function clampS(s) { return Math.max(s, S_MIN); }

function model(cfg) {
  const w = cfg.w;
  const decay = -w[20];
  const factor = Math.pow(0.9, 1 / decay) - 1;

  function initialD(rating) { return w[4] - Math.pow(Math.E, w[5] * (rating - 1)) + 1; }

  return {
    initialS(rating) { return clampS(w[rating - 1]); },
    initialD(rating) { return clampD(initialD(rating)); },
    retrievability(card, now) {
      const elapsed = Math.max(0, Math.floor((now - card.last) / DAY));
      return Math.pow(1 + factor * elapsed / card.s, decay);
    },
    interval(s) {
      const days = roundHalfEven((s / factor) * (Math.pow(cfg.retention, 1 / decay) - 1));
      return Math.min(Math.max(days, 1), cfg.maxInterval);
    },
    shortTermS(s, rating) {
      let inc = Math.pow(Math.E, w[17] * (rating - 3 + w[18])) * Math.pow(s, -w[19]);
      if (rating >= HARD) inc = Math.max(inc, 1);
      return clampS(s * inc);
    },
    nextD(d, rating) {
      const delta = -(w[6] * (rating - 3));
      const damped = d + (10 - d) * delta / 9;
      return clampD(w[7] * initialD(EASY) + (1 - w[7]) * damped);
    },
    nextS(d, s, r, rating) {
      if (rating === AGAIN) {
        const long = w[11] * Math.pow(d, -w[12]) * (Math.pow(s + 1, w[13]) - 1) *
          Math.pow(Math.E, (1 - r) * w[14]);
        return clampS(Math.min(long, s / Math.pow(Math.E, w[17] * w[18])));
      }
      const hard = rating === HARD ? w[15] : 1;
      const easy = rating === EASY ? w[16] : 1;
      return clampS(s * (1 + Math.pow(Math.E, w[8]) * (11 - d) * Math.pow(s, -w[9]) *
        (Math.pow(Math.E, (1 - r) * w[10]) - 1) * hard * easy));
    }
  };
}

/* Stability and difficulty after a review at `now`. */
function memory(m, card, rating, now) {
  if (card.s === null || card.d === null) return { s: m.initialS(rating), d: m.initialD(rating) };
  const sameDay = card.last !== null && Math.floor((now - card.last) / DAY) < 1;
  const s = sameDay ? m.shortTermS(card.s, rating) : m.nextS(card.d, card.s, m.retrievability(card, now), rating);
  return { s: s, d: m.nextD(card.d, rating) };
}

/* The step a learning or relearning card moves to, or null when it graduates to review. */
function stepping(steps, step, rating) {
  if (!steps.length || (step >= steps.length && rating !== AGAIN)) return null;
  if (rating === AGAIN) return { step: 0, wait: steps[0] };
  if (rating === HARD) {
    const wait = step === 0 ? (steps.length === 1 ? steps[0] * 1.5 : (steps[0] + steps[1]) / 2) : steps[step];
    return { step: step, wait: wait };
  }
  if (rating === GOOD && step + 1 < steps.length) return { step: step + 1, wait: steps[step + 1] };
  return null;
}

/* The card after one review with `rating` at `now` (ms); `card` is left alone. */
export function schedule(card, rating, now, cfg = DEFAULTS) {
  const m = model(cfg);
  const mem = memory(m, card, rating, now);
  const out = { state: card.state, step: card.step, s: mem.s, d: mem.d, due: now, last: now };
  let next = null;
  if (card.state === "review") {
    if (rating === AGAIN && cfg.relearningSteps.length) {
      next = { state: "relearning", step: 0, wait: cfg.relearningSteps[0] };
    }
  } else {
    const steps = card.state === "learning" ? cfg.learningSteps : cfg.relearningSteps;
    const moved = stepping(steps, card.step, rating);
    if (moved) next = { state: card.state, step: moved.step, wait: moved.wait };
  }
  if (next) {
    out.state = next.state;
    out.step = next.step;
    out.due = now + next.wait;
  } else {
    out.state = "review";
    out.step = null;
    out.due = now + m.interval(mem.s) * DAY;
  }
  return out;
}

/* The probability of recalling `card` at `now` (0 for a card never reviewed). */
export function retrievability(card, now, cfg = DEFAULTS) {
  if (card.last === null || card.s === null) return 0;
  return model(cfg).retrievability(card, now);
}
