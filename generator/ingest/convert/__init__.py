"""Converters: documents that are not read as they are become Markdown or HTML lines first.

Each module exposes:
    NAME: str                                   -- shown with the reader in `check`
    matches(data: bytes, suffix: str) -> bool   -- a sniff of the bytes; the suffix is only a hint
    convert(data: bytes, path: str) -> tuple[list[Line], list[Problem]]

The lines then go to the readers like any text file (`generator.ingest.readers`), so a
notebook's Markdown cells are read by the Markdown reader and a Word file's HTML by
the HTML reader. A Line's `no` points into the original document (see
`model.Document.converted_from`). The first converter whose `matches` is true wins;
a file no converter claims is decoded as text.
"""

from __future__ import annotations

from types import ModuleType

from generator.ingest.convert import chat_json, csv_records, docx, json_records, notebook, pdf, rst

# Notebooks and chat exports are JSON too: their sniffs are the stricter ones, so they go first.
CONVERTERS: tuple[ModuleType, ...] = (pdf, docx, notebook, chat_json, json_records, csv_records, rst)


def pick_converter(data: bytes, suffix: str) -> ModuleType | None:
    for converter in CONVERTERS:
        if converter.matches(data, suffix):
            return converter
    return None
