"""A quote as its reader would see the policy: its words untouched, its formatting marks taken out.

Policies kept as Markdown or web pages carry their formatting in the text: `**Do not call 999**`,
`<strong>`, `[the reporting form](https://...)`. Quoted as they are, a member of staff reading on a
phone sees the marks instead of the emphasis. The JSON answer keeps the clause verbatim (it is what
`policybot eval` matches); people are shown this reading of it.
"""

from __future__ import annotations

import html
import re

# inline tags that only format; a tag that structures a page (a table, a list) is left to html_text
_INLINE_TAG = re.compile(r"</?(?:strong|b|em|i|u|mark|small|span|sup|sub|code|font)\b[^>]*>", re.IGNORECASE)
_LINE_BREAK_TAG = re.compile(r"<br\s*/?>", re.IGNORECASE)
_LINK = re.compile(r"\[([^\]\n]+)\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
_AUTOLINK = re.compile(r"<((?:https?://|mailto:)[^>\s]+)>")
_STRONG = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
# a single * or _ round words, not inside a word ("snake_case", "5*3") nor a web address
_EMPHASIS = re.compile(r"(?<![\w*/\\])([*_])(?=[^\s*_])(.+?)(?<=[^\s*_\\])\1(?![\w*])")
_ESCAPED = re.compile(r"\\([\\`*_{}\[\]()#+\-.!<>])")
_ENTITY = re.compile(r"&(?:#\d+|#x[0-9a-f]+|[a-z]+);", re.IGNORECASE)
# an image is read as the words it stands for, its alt text ("Simon Apen-Sadler, Safeguarding Lead")
_IMAGE_TAG = re.compile(r"<img\b[^>]*>", re.IGNORECASE)
_ALT = re.compile(r"""\balt\s*=\s*(?:"([^"]*)"|'([^']*)')""", re.IGNORECASE)
_MARKDOWN_IMAGE = re.compile(r"!\[([^\]\n]*)\]\([^)\n]*\)")
_HTML_LINK = re.compile(r"""<a\b[^>]*?href\s*=\s*["']([^"']*)["'][^>]*>(.*?)</a\s*>""", re.IGNORECASE | re.DOTALL)
_KRAMDOWN_ATTRIBUTES = re.compile(r"\{:[^}\n]*\}")  # "[the form](...){:target=\"_blank\"}"
# reStructuredText: a link ("`indicator`_", "`the form <https://...>`_"), a role (":ref:`abuse`"), a substitution
_RST_LINK = re.compile(r"(?::[\w-]+:)?`([^`<\n]+?)(?:\s*<[^>\n]*>)?`_{0,2}")
_RST_SUBSTITUTION = re.compile(r"(?<![\w|])\|(?=\S)([^|\n]{1,60}?)(?<=\S)\|(?![\w|])")


def _link(match: re.Match[str]) -> str:
    return _link_to(match.group(1), match.group(2))


def _link_to(text: str, address: str) -> str:
    text, address = text.strip(), address.removeprefix("mailto:").removeprefix("tel:")
    if text.replace(" ", "") == address.replace(" ", "") or not address:
        return text
    return f"{text} ({address})"


def _alt_text(match: re.Match[str]) -> str:
    alt = _ALT.search(match.group(0))
    return (alt.group(1) or alt.group(2) or "") if alt else ""


def readable(text: str) -> str:
    """The text without Markdown emphasis, inline HTML tags and link syntax; links keep their address, images
    are their alt text."""
    if "<" in text:
        text = _IMAGE_TAG.sub(_alt_text, _HTML_LINK.sub(lambda m: _link_to(m.group(2), m.group(1)), text))
        text = _LINE_BREAK_TAG.sub(" ", _INLINE_TAG.sub("", text))
        text = _AUTOLINK.sub(r"\1", text)
    if "{:" in text:
        text = _KRAMDOWN_ATTRIBUTES.sub("", text)
    if "`" in text:
        text = _RST_LINK.sub(r"\1", text)
    if "|" in text:
        text = _RST_SUBSTITUTION.sub(r"\1", text)
    if "](" in text:
        text = _LINK.sub(_link, _MARKDOWN_IMAGE.sub(r"\1", text))
    if "*" in text or "_" in text:
        text = _EMPHASIS.sub(r"\2", _STRONG.sub(r"\2", text))
    if "\\" in text:
        text = _ESCAPED.sub(r"\1", text)
    if "&" in text and _ENTITY.search(text):
        text = html.unescape(text)
    return text
