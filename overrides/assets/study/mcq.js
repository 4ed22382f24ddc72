/* Multiple-choice options as buttons with right/wrong feedback: the topic pages'
 * questions (study.js) and the flashcards (flashcards.js). */
import { el } from "./dom.js";
import { optionMarks, playable, verdict } from "./verdict.js";

/* Turn an <ol class="mcq" data-correct="B"> of <li data-letter> into option buttons;
 * onAnswer(right) runs after each pick. Does nothing twice, or without a known answer. */
export function enhanceMcq(list, onAnswer) {
  var correct = (list.getAttribute("data-correct") || "").trim();
  if (list.classList.contains("mcq--interactive")) return;
  var items = Array.prototype.slice.call(list.querySelectorAll(":scope > li[data-letter]"));
  if (!playable(correct, items.map(function (li) { return li.getAttribute("data-letter"); }))) return;
  list.classList.add("mcq--interactive");
  var feedback = el("p", { "class": "mcq-feedback", "aria-live": "polite" });
  list.parentNode.insertBefore(feedback, list.nextSibling);
  items.forEach(function (li) {
    var letter = li.getAttribute("data-letter");
    var button = el("button", { type: "button", "class": "mcq-option", "data-letter": letter });
    button.appendChild(el("span", { "class": "mcq-letter", "aria-hidden": "true" }, letter + "."));
    var body = el("span", { "class": "mcq-text" });
    while (li.firstChild) {
      var child = li.firstChild;
      if (child.nodeType === 1 && child.tagName === "P") {   // buttons hold phrasing content only
        while (child.firstChild) body.appendChild(child.firstChild);
        li.removeChild(child);
      } else {
        body.appendChild(child);
      }
    }
    button.setAttribute("aria-label", "Option " + letter + ": " + body.textContent.trim());
    button.appendChild(body);
    li.appendChild(button);
    button.addEventListener("click", function () { choose(list, letter, correct, feedback, onAnswer); });
  });
}

function choose(list, picked, correct, feedback, onAnswer) {
  list.querySelectorAll("button.mcq-option").forEach(function (b) {
    var marks = optionMarks(b.getAttribute("data-letter"), picked, correct);
    b.classList.toggle("mcq-option--picked", marks.picked);
    b.classList.toggle("mcq-option--right", marks.right);
    b.classList.toggle("mcq-option--wrong", marks.wrong);
    b.setAttribute("aria-pressed", marks.pressed ? "true" : "false");
  });
  var said = verdict(picked, correct);
  feedback.className = "mcq-feedback " + (said.right ? "mcq-feedback--right" : "mcq-feedback--wrong");
  feedback.textContent = said.text;
  if (onAnswer) onAnswer(said.right);
}
