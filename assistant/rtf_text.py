"""A Rich Text Format file's words (.rtf: what Word, WordPad and LibreOffice save for any word processor), read
by striprtf and laid out as the lines segmentation reads: a paragraph a line with a blank line after it, list
items with the bullet or number the file writes before them ("•", "1.", "a."), a table's rows a line each, their
cells apart by " | ". RTF has no headings as such; a short title line is found by segmentation, as in a text
taken from Word. The pages' headers and footers are not read.
"""

from __future__ import annotations

import re

from striprtf.striprtf import rtf_to_text

# a list item as Word and LibreOffice write it: its marker (a bullet, "1.", "a)", "2.3") and a tab
_LIST_ITEM = re.compile(r"^\s*(?P<marker>[•·o▪\-\uf0b7\uf0a7]|\(?[0-9a-zA-Z]{1,3}(?:\.[0-9]{1,3})*[.)])\t\s*")
_BULLETS = frozenset("•·o▪-\uf0b7\uf0a7")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")  # raw bytes of an embedded object (\bin), never words


class NotAnRtf(ValueError):
    """The file is not Rich Text Format: why, in plain words."""


def read_rtf(data: bytes) -> str:
    """The text of an RTF file's bytes (ASCII with escapes, by the format's definition)."""
    if not data.lstrip().startswith(b"{\\rtf"):
        raise NotAnRtf("is not a valid Rich Text Format (.rtf) file")
    # the file's 8-bit characters are escapes in its code page (\'e9); any byte outside ASCII is stray
    # (striprtf's one function is untyped: it takes and gives a str)
    words = rtf_to_text(data.decode("latin-1"), encoding="cp1252", errors="replace")  # type: ignore[no-untyped-call]
    text = _CONTROL.sub("", words)
    lines: list[str] = []
    for raw in text.split("\n"):
        line = raw.strip()
        if not line:
            continue
        if line.endswith("|") and "|" in line[:-1]:  # a table row: "Role|Name|Phone|"
            lines.append(" | ".join(cell.strip() for cell in line[:-1].split("|")))
            continue
        if lines and " | " in lines[-1]:
            lines.append("")  # a table's end
        if item := _LIST_ITEM.match(raw):
            marker = item["marker"]
            line = f"{'-' if marker in _BULLETS else marker} {raw[item.end() :].strip()}"
        lines += [line, ""]
    return "\n".join(lines)
