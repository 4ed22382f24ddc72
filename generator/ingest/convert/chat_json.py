"""Converter: chat exports (ChatGPT's `conversations.json`, Claude's export) into Markdown.

    [{"title": "RAG prep", "mapping": {id: {"message": {"author": {"role": "user"},
      "content": {"parts": ["What is RAG?"]}}, "parent": …, "children": […]}, …},
      "current_node": id}]                          <- ChatGPT
    [{"name": "RAG prep", "chat_messages": [{"sender": "human", "text": "What is RAG?"}, …]}]
                                                    <- Claude
    <script>var jsonData = [ …the same JSON… ]      <- ChatGPT's chat.html: read, never run

become, one conversation a section and each turn under its speaker:

    ## RAG prep
    #### User
    What is RAG?
    #### Assistant
    Retrieval-augmented generation …               <- its own headings five levels down at least

which generator.ingest.chat_turns then reads as questions and answers. Of a ChatGPT thread
whose prompts were edited or replies regenerated, the branch the export marks as current
is read (else the latest); system and tool messages and hidden ones are left out.
"""

from __future__ import annotations

import json
import re
from pathlib import PurePosixPath
from typing import Any

from generator.ingest.decode import decode
from generator.model import Line, Location, Problem

NAME = "chat"
SNIFF_BYTES = 200_000
SPEAKERS = {"user": "User", "human": "User", "assistant": "Assistant"}
HEADING = re.compile(r"^(#{1,6})(?=[ \t]|$)")
FENCE = re.compile(r"^[ \t]{0,3}(`{3,}|~{3,})")
TURN_LEVEL = 4
EMBEDDED = "var jsonData = "
BLANKS = re.compile(r"\s*")
HIDDEN = "is_visually_hidden_from_conversation"
MAX_MESSAGES = 100_000


def matches(data: bytes, suffix: str) -> bool:
    head = data[:SNIFF_BYTES].lstrip(b"\xef\xbb\xbf \t\r\n")
    if head.startswith(b"<") and EMBEDDED.encode() in head:  # ChatGPT's chat.html
        head = head[head.index(EMBEDDED.encode()) :]
    elif not head.startswith((b"[", b"{")):
        return False
    return (b'"mapping"' in head and b'"author"' in head) or (
        b'"chat_messages"' in head and b'"sender"' in head
    )


def convert(data: bytes, path: str) -> tuple[list[Line], list[Problem]]:
    text, problems = decode(data, path)
    try:
        embedded = text.find(EMBEDDED) if text.lstrip().startswith("<") else -1
        if embedded >= 0:  # chat.html holds the same JSON in a script: read it, run nothing
            start = BLANKS.match(text, embedded + len(EMBEDDED)).end()  # type: ignore[union-attr]
            value = json.JSONDecoder().raw_decode(text, start)[0]
        else:
            value = json.loads(text)
    except (ValueError, RecursionError) as exc:
        where = Location(path, getattr(exc, "lineno", 1))
        return [], [*problems, Problem(where, f"not readable JSON: {exc}", "error")]
    conversations = value if isinstance(value, list) else [value]
    title = PurePosixPath(path).stem.replace("_", " ").replace("-", " ").strip().capitalize()
    out = [Line(1, f"# {title}"), Line(1, "")]
    finder = _LineFinder(text)
    chats = [c for c in conversations if isinstance(c, dict)]
    for conversation in chats:
        out += _conversation(conversation, finder)
    if len(chats) == 1 and len(out) > 2:  # one conversation: its title is the page's
        out = out[2:]
        out[0] = Line(out[0].no, "#" + out[0].text)
    if len(out) <= 2:
        return [], [*problems, Problem(Location(path, 1), "no chat messages in this export", "error")]
    return out, problems


def _conversation(conversation: dict[str, Any], finder: _LineFinder) -> list[Line]:
    name = " ".join(str(conversation.get("title") or conversation.get("name") or "").split())
    turns = _chatgpt(conversation) if isinstance(conversation.get("mapping"), dict) else _claude(conversation)
    if not turns:
        return []
    at = finder.line(turns[0][2])
    out = [Line(at, f"## {name or 'Conversation'}"), Line(at, "")]
    for role, body, key in turns:
        at = finder.line(key)
        out += [Line(at, f"{'#' * TURN_LEVEL} {SPEAKERS[role]}"), Line(at, "")]
        out += [Line(at, text) for text in _demoted(body)] + [Line(at, "")]
    return out


def _chatgpt(conversation: dict[str, Any]) -> list[tuple[str, str, str]]:
    """(role, text, message id) of the current branch, root first."""
    mapping = {k: v for k, v in conversation["mapping"].items() if isinstance(v, dict)}
    node = conversation.get("current_node")
    if not isinstance(node, str) or node not in mapping:  # no current branch: the latest, from the root
        node = next((k for k, v in mapping.items() if not v.get("parent")), None)
        seen = set()
        while node in mapping and node not in seen and _children(mapping[node]):
            seen.add(node)
            node = _children(mapping[node])[-1]
    thread: list[dict[str, Any]] = []
    seen = set()
    while isinstance(node, str) and node in mapping and node not in seen and len(thread) < MAX_MESSAGES:
        seen.add(node)
        thread.append(mapping[node])
        node = mapping[node].get("parent")
    turns = []
    for entry in reversed(thread):
        message = _dict(entry.get("message"))
        if _dict(message.get("metadata")).get(HIDDEN):
            continue
        role = _dict(message.get("author")).get("role")
        parts = _dict(message.get("content")).get("parts")
        body = "\n\n".join(p for p in parts if isinstance(p, str)).strip() if isinstance(parts, list) else ""
        if isinstance(role, str) and role in SPEAKERS and body:
            turns.append((role, body, str(message.get("id") or "")))
    return turns


def _children(entry: dict[str, Any]) -> list[str]:
    children = entry.get("children")
    return [c for c in children if isinstance(c, str)] if isinstance(children, list) else []


def _dict(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _claude(conversation: dict[str, Any]) -> list[tuple[str, str, str]]:
    turns = []
    messages = conversation.get("chat_messages")
    for message in messages if isinstance(messages, list) else []:
        if not isinstance(message, dict):
            continue
        content = message.get("content")
        body = message.get("text") or "\n\n".join(
            str(part.get("text", ""))
            for part in (content if isinstance(content, list) else [])
            if isinstance(part, dict)
        )
        role = message.get("sender")
        if isinstance(role, str) and role in SPEAKERS and isinstance(body, str) and body.strip():
            turns.append((role, body.strip(), str(message.get("uuid") or "")))
    return turns


def _demoted(body: str) -> list[str]:
    """The message's lines, its headings moved below the turn's (`#` -> `#####`) outside code."""
    out, fence = [], ""
    for line in body.split("\n"):
        opened = FENCE.match(line)
        if opened and (not fence or (opened.group(1)[0] == fence[0] and len(opened.group(1)) >= len(fence))):
            fence = "" if fence else opened.group(1)
        elif not fence:
            line = HEADING.sub(lambda m: "#" * min(6, len(m.group(1)) + TURN_LEVEL), line, count=1)
        out.append(line)
    return out


class _LineFinder:
    """The line of the file where a message's id stands, searching forward only (linear)."""

    def __init__(self, text: str) -> None:
        self.text, self.at, self.no = text, 0, 1

    def line(self, key: str) -> int:
        found = self.text.find(f'"{key}"', self.at) if key else -1
        if found >= 0:
            self.no += self.text.count("\n", self.at, found)
            self.at = found
        return self.no
