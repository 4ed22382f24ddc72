"""The words for "question" and "answer" that label them in other languages, as regex
alternations for the label patterns of the segmenter, the titles, the answers and the
labelled reader: "**Pregunta 3:** …" / "Respuesta: …", "Frage 2: …" / "Antwort: …",
"问题1：…" / "答：…". English ("Q", "Question", "A", "Ans", "Answer") is each pattern's own.

Full-width colons (U+FF1A) follow them as often as ASCII ones: FULL_COLON.
"""

from __future__ import annotations

QUESTION_WORDS = "pregunta|pergunta|frage|domanda|vraag|pytanie|вопрос|soru|问题|問題|질문"
ANSWER_WORDS = (
    "respuesta|resposta|réponse|reponse|antwort|risposta|antwoord|odpowiedź|ответ|cevap|答案|回答|答|답변"
)
FULL_COLON = "\uff1a"
