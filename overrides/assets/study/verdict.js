/* A multiple-choice pick judged: how each option is marked and what the feedback line
 * says. No DOM (mcq.js makes the buttons), so tests/js runs it under node.
 */

/* {picked, right, wrong, pressed} for the option `letter` after `picked` was chosen. */
export function optionMarks(letter, picked, correct) {
  return { picked: letter === picked, right: letter === correct,
           wrong: letter === picked && picked !== correct, pressed: letter === picked };
}

/* {right, text} for a pick: whether it is the correct answer, and the sentence that says so. */
export function verdict(picked, correct) {
  const right = picked === correct;
  return { right: right, text: right ? "Correct: " + correct + " is the right answer."
    : "Not quite: you picked " + picked + ", the correct answer is " + correct + "." };
}

/* Whether a list's options can be played: a correct letter is known and one option has it. */
export function playable(correct, letters) {
  return Boolean(correct) && letters.indexOf(correct) !== -1;
}
