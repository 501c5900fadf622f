"""Split a policy document's text into clauses the way a reader sees them.

Pure functions, no I/O. The input is text already extracted from a file (see `documents.py`),
often messy: PDF and Word extractions with page furniture and sentences broken across pages.

A clause is one of: a numbered clause (`6.14 ...`), a list item (with its nested items), a
short list kept whole, or a plain paragraph. Each keeps the heading path it sits under and,
for list items, the line that introduces the list (a sentence ending ":", or a heading such as
"Volunteers must not:") as context. Clause text is verbatim apart from whitespace.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

# --- line classification ----------------------------------------------------------------------

# Bullet glyphs that never start a word. Word and PDF extractions often keep a Symbol or Wingdings
# bullet as a private-use character (U+F0B7, U+F0A7, U+F0D8...), sometimes with no space after it.
_GLYPHS = "•▪◦●·∙‣⁃○◆◇■□➢►▸✓✔❖\uf0b7\uf0a7\uf0d8\uf076\uf0fc\uf0e0\uf06e\uf0a8\uf02d\uf097"
_LONE_GLYPH = re.compile(rf"^\s*[{_GLYPHS}]\s*$")
# page numbers, a lone bullet or dash, rules: a line with no words of the policy
_PAGE_FURNITURE = re.compile(
    rf"^\s*(?:page\s*\|?\s*\d+(?:\s*(?:of|/)\s*\d+)?|\d{{1,3}}|[-–—*|{_GLYPHS}]|[-*_=]{{3,}}|\+[-=+]{{3,}}\+)\s*$",
    re.IGNORECASE,
)
# a line repeated this often, of this many characters, is a running header or footer (no policy repeats a
# sentence five times; a repeated heading, list item or table cell is kept: see _without_running_lines)
RUNNING_LINE_REPEATS = 5
RUNNING_LINE_MIN_CHARS = 12
# a footer carrying its page's number ("Uncontrolled when printed    Page 3 of 7") differs on every page but by it
_PAGE_NUMBER = re.compile(r"\bpage\s*\d+(?:\s*(?:of|/)\s*\d+)?\b", re.IGNORECASE)
FILL_IN = re.compile(r"[.…_]{4,}")  # a dotted or underlined space to fill in ("Signed ……………")
_DATE_ALONE = re.compile(
    r"^(?:\d{1,2}(?:st|nd|rd|th)?\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{4}$"
    r"|^\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}$",
    re.IGNORECASE,
)
# A Markdown page's front matter near the top: page settings, not policy. YAML ("---\ntitle: ...\n---", every
# line a setting or a setting's indented part, or it is text between two rules) or TOML, as Hugo writes it
# ("+++\ntitle = ...\n+++")
_FRONT_MATTER = re.compile(
    r"\A(?:[^\n]*\n){0,3}?\s*(?:---[ \t]*\n[A-Za-z_][\w-]*:[^\n]*\n(?:[A-Za-z_][\w-]*:[^\n]*\n|[ \t]+[^\n]*\n)*---"
    r"|\+\+\+[ \t]*\n[A-Za-z_][\w-]*[ \t]*=[^\n]*\n(?:[^\n]*\n){0,40}?\+\+\+)[ \t]*\n"
)
_TABLE_ROW = re.compile(r"^\s*\|.*\|.*\|\s*$")  # "| Role | Name |": a Markdown table's row
_TABLE_RULE = re.compile(r"^\s*\|?(?:\s*:?-{3,}:?\s*\|)+\s*(?::?-{3,}:?\s*)?$")  # "|---|---|" under the header
_SETTING = re.compile(r"^([A-Za-z_][\w-]*)[ \t]*[:=][ \t]*(.*)$")
# "## Principles", and "##Principles" as people type it too (before a capital: "#1" is not a heading)
_MD_HEADING = re.compile(r"^\s{0,3}(#{1,6})(?:\s+|(?=[A-Z]))(.*?)\s*#*\s*$")
# markup lines that are never text: a reStructuredText directive (".. include:: common.rst") or link target
# (".. _abuse:"), an MkDocs admonition's opening ("!!! note", its title kept), a Docusaurus one (":::note"), a
# Hugo shortcode or Liquid tag alone on its line ("{{< card-column >}}", "{% include contact.html %}"), a
# kramdown attribute list ("{:.no_toc}"), and a contents line linking to a section of the page ("4. [Training](#4)")
_DIRECTIVE = re.compile(
    r"^\s*(?:\.\.\s+(?:[\w:-]+::|_[^:\n]+:\s*$)|:::\s*\w*\s*$|(?:\{\{[<%].*?[>%]\}\}|\{%.*?%\}\s*)+$"
    r"|\{:[^}\n]*\}\s*$|(?:[-*+•]|\d{1,3}[.)])?\s*\[[^\]\n]+\]\(#[^)\s]*\)\s*$)"
)
# a table of contents' entry: a title, dot leaders and its page number (a Word file's own contents are dropped
# by their style as it is read)
_CONTENTS_ENTRY = re.compile(r"^\s*\S.{0,100}?(?:\s*(?:\.\s*){3,}|\s*…+)\s*(?P<page>\d{1,3})\s*$")
_CONTENTS_TITLE = re.compile(r"^\s*(?:#+\s*)?\**\s*(?:table of )?contents:?\s*\**\s*$", re.IGNORECASE)
MIN_CONTENTS_ENTRIES = 3
_ADMONITION = re.compile(r"^\s*(?:!!!|\?\?\?\+?)\s*[\w-]+(?:\s+\"([^\"]*)\")?\s*$")
_UNDERLINE = re.compile(r"^\s{0,3}(={3,}|-{3,}|~{3,}|\^{3,})\s*$")
_UNDERLINE_LEVEL = {"=": 1, "-": 2, "~": 3, "^": 4}
# a line of a contact card: a short label and its value, or a picture of the person
_CARD_LINE = re.compile(r"^\s*(?:[\w][\w .-]{0,24}:\s*\S|<img\b|!\[)")
CARD_LINE_WORDS = 12
# a "heading" this long is a paragraph its page set in a heading's type (an <h4> of three sentences)
HEADING_MAX_WORDS = 30
TITLE_MAX = 120  # characters: an underlined line longer than this is a paragraph over a rule
_BOLD_LINE = re.compile(r"^\s*\*\*(.+?)\*\*\s*[:.]?\s*$")
# "6.14 Photographs", "1.1. This policy", "3.1: This", "1. Introduction", "7 Access to images"
_LONE_NUMBER = re.compile(r"^\s*\d{1,2}(?:\.\d{1,2}){1,3}\.?\s*$")  # "2.1" alone; a bare "2" is a page number
_NUMBERED = re.compile(r"^\s*(\d{1,2}(?:\.\d{1,2}){0,3})(?:[.:)])?\s+(\S.*)$")
# "- item", "* item", "+ item", "• item", "a) item", "(a) item", "a. item", "i) item", "1) item", "(1) item"
_BULLET = re.compile(
    rf"^(?P<indent>\s*)(?:[{_GLYPHS}]\s*|(?:[-*+o]|\(?(?P<letter>[a-z]|[ivx]{{1,4}})[.)]|\(?(?P<digit>\d{{1,2}})\))\s+)"
    r"(?P<text>\S.*)$"
)
_BLOCKQUOTE = re.compile(r"^\s*>\s?")
# runs of spaces inside a line (a PDF's table columns laid out with spaces) are one space in a quote
_SPACE_RUN = re.compile(r" {2,}")

# A line ending like this is unfinished: the next lowercase line continues the sentence.
_UNFINISHED = re.compile(r"[a-z,;(/&-]\s*$")
_OPEN_ENDING = re.compile(r"\b(must|should|will|can|may|are|is|to|by|that|include|including)\s*$")
# a Word paste's sentence broken over paragraphs: a lone conjunction, a line going on with one, a verb
# left without its object ("The church appoints" / "Jo Bloggs")
_CONJUNCTION_LINE = re.compile(r"^(?:and|or|and/or|&)$")
_CONTINUING = re.compile(r"^(?:and|or|but|who|which|whose)\s+[a-z]")
_ENDED = re.compile(r"[.!?:;]\s*$")
# a line the extraction broke after a hyphen inside a word ("child-on-" / "child abuse", "DBS-" / "checked")
_BROKEN_AT_HYPHEN = re.compile(r"[A-Za-z0-9]-$")
_NEEDS_OBJECT = re.compile(
    r"[a-z]\s+(?:appoints|appoint|appointed|believes|recognises|recognizes|requires|expects|ensures|"
    r"undertakes|acknowledges|affirms|commits|agrees|are|is)\s*$"
)
_LABEL_AND_VALUE = re.compile(r":\s*\S.*\d")  # "Date policy to be reviewed: 1st March 2030"
_INTRO = re.compile(r"(?:[:;]|[:;]\s*[-–]|\s[-–])\s*$")
_INTRODUCES_SUBCLAUSES = re.compile(r":\s*[-–]?\s*$")  # "6.1 Leaders must:", over 6.1.1, 6.1.2...

LONG_PARAGRAPH = 1200  # characters: longer paragraphs are split at sentence boundaries
SHORT_LIST = 450  # a whole list this short (intro included) is one clause
HEADING_PATH = " › "  # between the headings a clause sits under: "4 Procedures › 3 Concerns"
# a paragraph ending ":" over short paragraphs introduces them as a list whose bullets were lost (a web
# page's <p> after <p>, a Word list typed as paragraphs), or over one, completes it ("contacted on:" / a number)
PARA_ITEM_MAX = 400
LONG_INTRO = 300  # characters: a list's intro paragraph longer than this keeps only its last sentence
# characters: a line this short ending ":" over headings ("Users must NOT:") says how to read every list below
# them; a longer one is a clause of its own, which would weigh on the ranking of every clause it was read with
SECTIONS_INTRO_MAX = 40
FULL_LINE = 0.85  # share of a block's widest line: a line this long was wrapped by the extraction
WRAPPED_WIDTH_MAX = 130  # characters: a page's lines are no wider; longer lines are unwrapped paragraphs
WRAPPED_MIN_LINES = 20  # fewer lines of text than this tell no page width
WRAPPED_SHARE = 0.3  # on a wrapped page at least this share of the lines end near its width
# a list item that is a rule of its own: a sentence or more, capital to full stop ("OSM is the only place...")
_WHOLE_SENTENCE = re.compile(r"^[A-Z][^\n]*?\b\w+\b(?:\s+\S+){4,}[.!?][\"'”’)]*$")
TINY_ITEM = 60  # lists of items this short on average are kept whole ("Blogs", "Podcasts")


@dataclass
class Block:
    kind: str  # heading | numbered | item | para | row (of a table; `introduces` holds its header row)
    text: str
    number: str = ""  # its own number; for a paragraph, the numbered clause it is indented under
    level: int = 0  # heading level, or list indent
    children: list[Block] = field(default_factory=list)
    introduces: str = ""  # a heading that ends "...must not:" introduces what follows, in these words
    marker: str = ""  # a list item's bullet: "-", "•", "a)" (letters and numbers as "a)" and "1)")
    printed: str = ""  # a lettered or numbered item's letter or number as printed: "(b)", "ii.", "3)"
    titled_line: bool = False  # a heading that was a numbered line ("3. Concerns"), not a Markdown or bold one


@dataclass(frozen=True)
class RawClause:
    ref: str
    heading: str
    context: str  # an intro line for list items, else ""
    text: str
    label: str = ""  # the number or letter printed before the clause's first words ("11.3.1", "3.1:", "(b)")


def _clean_heading(text: str) -> str:
    text = FILL_IN.sub(" ", text)  # "Torphins Playgroup …………": the dots of a line to sign on
    text = re.sub(r"[*_]{1,3}", "", text)
    text = text.strip().strip("\"“”'‘’").strip()
    return text.rstrip(":.").strip()


CAPITALS_TITLE_WORDS = 14  # a numbered title in capitals this long is still a title (else 9 words)
# a numbered line that says what to do ("Be vigilant...", "At no time...") is a rule, not a title
_RULE_WORDS = re.compile(
    r"^(?:be|do|don'?t|ensure|avoid)\b|\b(?:must|should|shall|never|not|no time|always)\b", re.IGNORECASE
)


def _is_numbered_heading(rest: str, opens_its_subclauses: bool = False) -> bool:
    """`2. Scope and definitions` is a heading; `3. Must not use social media to bully.` is a clause. A comma
    reads as a sentence's ("3. If in doubt, ask"), unless the next line is the first of its subclauses ("15.
    Online grooming, exploitation and radicalisation" over "15.1 ...")."""
    words = rest.split()
    # a title in capitals may run longer ("3. MOBILE PHONES AND DEVICES ON POOLSIDE AND IN CHANGING ROOMS")
    longest = CAPITALS_TITLE_WORDS if rest.isupper() else 9
    if rest.endswith((".", "?", "!", ";", ",")) or len(words) > longest or (", " in rest and not opens_its_subclauses):
        return False
    if rest.endswith((":", "-", "–")) and len(words) > 4:
        return False  # "In this policy the following definitions apply: -" introduces text
    if _LABEL_AND_VALUE.search(rest):
        return False  # "3. Date policy to be reviewed: 1st March 2030" is a label and its value, not a title
    if _RULE_WORDS.search(rest):
        return False  # "14. At no time make any comment to the media" is a rule, however short
    if _OPEN_ENDING.search(rest.lower()):
        return False  # "4. We believe that", over its list, is the list's intro
    return bool(words) and (words[0][:1].isupper() or words[0][:1].isdigit())


def _rejoin_column_bullets(lines: list[str]) -> list[str]:
    """Put bullets a PDF extraction printed as a column of their own back in front of their items.

    `•` / `•` / `` / `at induction` / `at regular updates` becomes `• at induction` / `• at regular
    updates`: a run of k lone bullets, then (after blank lines) a block of text that reads as k items.
    A block that doesn't stays as it was (and the lone bullets go as page furniture).
    """
    out: list[str] = []
    i = 0
    while i < len(lines):
        if not _LONE_GLYPH.match(lines[i]):
            out.append(lines[i])
            i += 1
            continue
        run = i
        while run < len(lines) and _LONE_GLYPH.match(lines[run]):
            run += 1
        bullets = run - i
        start = run
        while start < len(lines) and not lines[start].strip():
            start += 1
        end = start
        while end < len(lines) and lines[end].strip() and not _LONE_GLYPH.match(lines[end]):
            end += 1
        items = _wrapped_items(lines[start:end])
        if len(items) == bullets:
            out.extend(f"• {item}" for item in items)
            i = end
        else:
            out.extend(lines[i:run])
            i = run
    return out


def _wrapped_items(block: list[str]) -> list[str]:
    """A block's lines as items, a line that fills the column carrying on into the next one."""
    width = max((len(line.rstrip()) for line in block), default=0)
    items: list[str] = []
    full = False
    for line in block:
        if items and full:
            items[-1] = _joined(items[-1], line)
        else:
            items.append(line.strip())
        full = len(line.rstrip()) >= FULL_LINE * width
    return items


def wrap_width(lines: list[str]) -> int:
    """The width an extraction wrapped its lines at (most lines of a wrapped page end near it), or 0 when the
    text is not wrapped: a Markdown or Word paragraph is one line, as long as it runs."""
    lengths = sorted(len(line.rstrip()) for line in lines if len(line.strip()) > 20)  # text, not titles
    if len(lengths) < WRAPPED_MIN_LINES:
        return 0
    width = lengths[int(0.9 * (len(lengths) - 1))]  # the longest lines but a few
    near = sum(1 for n in lengths if n >= FULL_LINE * width)
    return width if width <= WRAPPED_WIDTH_MAX and near >= WRAPPED_SHARE * len(lengths) else 0


def _continues_numbering(last: str, number: str) -> bool:
    """`number` could come next after `last` ("2.3" after "2.2", "3" or "2.2.1"), or there was no number yet."""
    if not last:
        return True
    parts = [int(part) for part in last.split(".") if part]
    following = {".".join(map(str, [*parts[:level], parts[level] + 1])) for level in range(len(parts))}
    return number.rstrip(".") in following | {f"{last}.1", "1"}


def _cut_at_page_end(previous: str, line: str, width: int) -> bool:
    """`previous` filled the page's width and stopped mid-sentence, and `line` is no title in capitals
    ("APPENDIX A - ..."): the sentence goes on in `line`. Two columns set side by side ("Signed: ...     Signed:
    ...") are no sentence."""
    first = line.split()[0]  # a line of text: blank lines never reach here
    return (
        width > 0
        and len(previous.rstrip()) >= FULL_LINE * width
        and not _ENDED.search(previous)
        and "   " not in previous.strip()
        and not (len(first) >= 5 and first.isupper())
    )


def _joined(left: str, right: str) -> str:
    """Two lines of one sentence as one: a space between them, but none after a hyphen that ended the first line
    inside a word ("one-to-" / "one contact" is "one-to-one contact")."""
    left, right = left.rstrip(), right.strip()
    if _BROKEN_AT_HYPHEN.search(left) and right[:1].isalnum():
        return left + right
    return f"{left} {right}" if left else right


def _join_broken_lines(lines: list[str]) -> list[str]:
    """Repair sentences split across a page or paragraph break in an extraction.

    `...must not be published on social` / `` / `media. Unless ...` becomes one line: the earlier line
    is unfinished and the later one starts in lower case. A sentence pasted into Word a phrase a
    paragraph (`The church appoints` / `Jo Bloggs, Safeguarding Officer` / `and` / `supports them in their
    role`) is one line too: after a verb that needs its object, around a lone `and`, or before a line going
    on with `and`. List items, numbered lines and headings are never joined to anything.
    """
    out: list[str] = []
    # the last line as the page has it, not the sentence joined so far: only a line that filled the width was
    # cut off by a page break
    last_line = ""
    pending_blank = 0
    joins_next = False  # the line before was a lone "and": the next line goes on the same sentence
    width = wrap_width(lines)
    last_number = ""  # of the last numbered line: a number out of its sequence may be a wrapped line's first word
    for line in lines:
        if not line.strip():
            pending_blank += 1
            continue
        stripped = line.strip()
        previous = out[-1] if out else ""
        numbered = _NUMBERED.match(line)
        number = numbered.group(1) if numbered else ""
        follows = _continues_numbering(last_number, number) if last_number else number == "1"  # 1 starts one
        # a number that goes on a sentence, not a clause's: "...on VHF Channel" / "16 or by dialling 999", and
        # before any numbered line "(Under 7 to Under" / "12) and junior players"
        stray_number = bool(
            numbered and numbered.group(2)[:1].islower() and previous and not _ENDED.search(previous) and not follows
        ) or bool(
            # "...where the students are under" / "16. Each group must...": a sentence ending on a number,
            # wrapped onto a line of its own straight after a line that filled the width
            numbered
            and previous
            and not pending_blank
            and _UNFINISHED.search(previous)
            and _cut_at_page_end(last_line, stripped, width)
            and not (last_number and follows)
        )
        if numbered and not stray_number:
            last_number = number
        structural = not stray_number and bool(_BULLET.match(line) or numbered or _MD_HEADING.match(line))
        lone_conjunction = _CONJUNCTION_LINE.match(stripped) is not None
        goes_on = (
            stray_number
            or joins_next
            or lone_conjunction
            or (stripped[:1].islower() and _UNFINISHED.search(previous) is not None)
            or (_CONTINUING.match(stripped) is not None and not _ENDED.search(previous))
            or (pending_blank > 0 and _NEEDS_OBJECT.search(previous) is not None)
            # a line the extraction wrapped at the page's width, cut off by a page break: it goes on after it,
            # whatever the case of its next word ("must hold a current enhanced" / "DBS check and ...")
            or (pending_blank > 0 and _cut_at_page_end(last_line, stripped, width))
        )
        if previous and goes_on and not structural and not _MD_HEADING.match(previous):
            out[-1] = _joined(previous, stripped)
            last_line = stripped
            joins_next = lone_conjunction
        else:
            joins_next = False
            if pending_blank and out:
                out.append("")
            out.append(line.rstrip())
            last_line = out[-1]
        pending_blank = 0
    return out


_DANGLING = re.compile(r"\b(?:the|a|an|of|and|or|for|with|in|on|at|from|our|their|your|its)\s*$", re.IGNORECASE)


def _title_over_text(line: str, following: str, then: str = "", *, listing: bool = False) -> bool:
    """A short title on the line straight above its text, with no blank line between (PDF and Word).

    `Indecent images` over `There are no circumstances that will justify...` is a title; a wrapped
    paragraph's first line fills the width like the lines after it, so it is never this short. A title
    over a title over its text (`Staff responsibilities` / `Child safeguarding` / `Staff must not:`) is one
    too.
    """
    text, after = line.strip(), following.strip()
    if (item := _BULLET.match(after)) and not item["letter"]:
        after = item["text"]  # a title over a bulleted list ("Consent" / "• Parents are asked...")
    if not _title_like(text, listing=listing) or not after or not after[:1].isupper():
        return False
    if len(text) <= 0.6 * len(after) or _STEP_LABEL.match(text):
        return True
    return bool(then) and _title_like(after, listing=listing) and _title_over_text(following, then, listing=listing)


# a title naming several things ("Photographs, filming and live-streaming"); other commas are a sentence's
_LISTED_TITLE = re.compile(r"^[^,]+(?:, [^,]+)*,? (?:and|&|or) [^,]+$")


def _title_like(text: str, *, listing: bool = False) -> bool:
    """Short (ten words at most: "Concerns about a club official or another adult in football"), capitalised,
    with no sentence punctuation and not ending mid-phrase; with `listing`, it may name several things ("Photographs,
    filming and live-streaming"), as a plain line may (a numbered one with commas is more often a clause's first
    line)."""
    words = text.split()
    if not words or len(words) > 10 or len(text) > 70 or not text[:1].isupper() or re.search(r"[.?!;:]", text):
        return False
    if "," in text and not (listing and _LISTED_TITLE.match(text)):
        return False
    return not (_OPEN_ENDING.search(text.lower()) or _DANGLING.search(text))


def _sub_item(above: Block | None, item: Block) -> bool:
    """`• Volunteers must:` then `- be aged 17 or over;`: a list under an item, its indent lost in extraction.

    Word gives each level of a nested list its own bullet; when the extraction keeps the bullets but
    not the indents, an item ending ":" followed by items with another bullet is their parent.
    """
    if above is None or above.kind != "item" or not above.text.endswith(":") or item.level < above.level:
        return False
    if item.marker == above.marker:
        return False
    return not above.children or above.children[-1].marker == item.marker


def _numbers_back_on_their_text(lines: list[str]) -> list[str]:
    """A clause number a PDF printed in a column of its own ("2.1" on a line, its text on the next) goes
    back in front of its text, so that the clause is cited as 2.1 and does not begin with its number."""
    result: list[str] = []
    for line in lines:
        text_after_number = line.strip() and not (_NUMBERED.match(line) or _BULLET.match(line))
        if result and _LONE_NUMBER.match(result[-1]) and text_after_number:
            result[-1] = f"{result[-1].strip()} {line.strip()}"
        else:
            result.append(line)
    return result


def _underlined_titles(lines: list[str]) -> list[str]:
    """A title underlined with "===" or "---" (Markdown's setext headings, reStructuredText's titles, with
    or without a line above too) becomes a "#" heading of its level, so that what follows sits in its
    section. A rule after a blank line is not an underline: it divides, and is dropped as furniture."""
    result: list[str] = []
    index = 0
    while index < len(lines):
        line = lines[index]
        under = _UNDERLINE.match(lines[index + 1]) if index + 1 < len(lines) else None
        above = result[-1] if result else ""
        if under and line.strip() and len(line.strip()) <= TITLE_MAX and not _UNDERLINE.match(line):
            if not above.strip() or _UNDERLINE.match(above):
                if result and _UNDERLINE.match(above):
                    result.pop()  # a reStructuredText overline
                level = _UNDERLINE_LEVEL.get(under.group(1)[0], 3)
                result.append(f"{'#' * level} {line.strip()}")
                index += 2
                continue
        result.append(line)
        index += 1
    return result


def split_front_matter(text: str) -> tuple[str, str]:
    """A page's front matter (with any lines above it) and the rest of its text."""
    unix = text.replace("\r\n", "\n")
    found = _FRONT_MATTER.search(unix)
    return (found.group(0), unix[found.end() :]) if found else ("", text)


def page_settings(front_matter: str) -> dict[str, str]:
    """The settings of a front matter `split_front_matter` found ("title: Safeguarding children"), keys
    lower-cased; the first of a key wins."""
    settings: dict[str, str] = {}
    for line in front_matter.splitlines():
        if setting := _SETTING.match(line):
            settings.setdefault(setting.group(1).lower(), setting.group(2).strip().strip("'\""))
    return settings


def _keep_lines_before_front_matter(match: re.Match[str]) -> str:
    before = re.split(r"---|\+\+\+", match.group(0), maxsplit=1)[0]
    return before + "\n"


def _auto_numbered_items(blocks: list[Block]) -> list[Block]:
    """Markdown numbers every item of an ordered list `1.`: then they are list items, not clauses 1, 1, 1.

    A document whose numbered lines are all `1.` (and never `2.`) is written that way; its items keep
    the bullets indented under them as their own sub-items.
    """
    numbers = [block.number for block in blocks if block.kind == "numbered"]
    if numbers.count("1") < 2 or "2" in numbers:
        return blocks
    result: list[Block] = []
    for block in blocks:
        if block.kind == "numbered" and block.number == "1":
            block = Block("item", block.text, level=0, children=block.children)
        previous = result[-1] if result else None
        nested = previous is not None and previous.kind == "item" and block.level >= previous.level + 2
        if block.kind == "item" and previous is not None and nested:
            previous.children.append(block)
            continue
        result.append(block)
    return result


def _without_running_lines(lines: list[str]) -> list[str]:
    """Lines without a PDF's running header and footer: the same line of words on page after page.

    A Markdown heading, a list item or a short table cell ("Yes", "x") may repeat; those stay. A numbered
    line does not: template policies head every page with their own number and title ("1.2 Safeguarding
    children, young people and"), and no numbered clause is written out five times.
    """
    counts = Counter(" ".join(line.split()) for line in lines)
    # a footer with its page's number, as it reads on every page: "Uncontrolled when printed Page 3 of 7" -> "...page"
    unnumbered = {line: _PAGE_NUMBER.sub("page", line) for line in counts if _PAGE_NUMBER.search(line)}
    numbered_pages = Counter(unnumbered.values())
    running = {
        line
        for line, count in counts.items()
        # a long line on many pages, or a footer's date ("June 2020") on more than one
        if (
            (count >= RUNNING_LINE_REPEATS and len(line) >= RUNNING_LINE_MIN_CHARS)
            or (count > 1 and _DATE_ALONE.match(line))
            or (line in unnumbered and numbered_pages[unnumbered[line]] > 1)
        )
        and not _MD_HEADING.match(line)
        and not _BULLET.match(line)
    }
    return [line for line in lines if " ".join(line.split()) not in running] if running else lines


def _without_contents(lines: list[str]) -> list[str]:
    """Lines without the document's table of contents: a run of entries, a title and its page number after
    dot leaders ("3. Photographs and videos ........ 3"), their page numbers never going back, and
    the "Contents" title over them. Kept, it would be quoted as an answer: it names every subject and says
    nothing of any. A list of contacts ("Police ........ 999", "DSL ........ 07700 900123") is no run of
    page numbers. (A contents line on its own is weighed down as a blank form when ranked: `is_blank_form`.)"""
    # a cheap look first: an entry ends in its page number
    entries = [_CONTENTS_ENTRY.match(line) if line.rstrip()[-1:].isdigit() else None for line in lines]
    dropped: set[int] = set()
    start = 0
    while start < len(lines):
        if entries[start] is None:
            start += 1
            continue
        run = [start]  # entries, blank lines between them allowed
        cursor = start + 1
        while cursor < len(lines) and (entries[cursor] is not None or not lines[cursor].strip()):
            if entries[cursor] is not None:
                run.append(cursor)
            cursor += 1
        pages = [int(entry["page"]) for entry in (entries[number] for number in run) if entry]
        if len(run) >= MIN_CONTENTS_ENTRIES and pages == sorted(pages):
            dropped.update(range(run[0], run[-1] + 1))
            above = next((n for n in range(run[0] - 1, -1, -1) if lines[n].strip()), None)
            if above is not None and _CONTENTS_TITLE.match(lines[above]):
                dropped.add(above)
        start = cursor
    return [line for number, line in enumerate(lines) if number not in dropped] if dropped else lines


# A table laid out in plain text (a contacts list as a PDF's text or a Word paste keeps it): cells apart by
# three spaces or more, a tab, or a pipe between spaces ("Role   | Name   | Contact"), in columns that line up
_CELL_GAP = re.compile(r" {3,}|\t+| +\| +")
_PLAIN_RULE = re.compile(r"^[\s|:+=-]*-{3,}[\s|:+=-]*$")  # "-----|-----" under the header
_NOT_A_CELL = re.compile(rf"^(?:\d{{1,2}}(?:\.\d{{1,2}})*[.:)]?|[{_GLYPHS}*o-]|\(?[a-z][.)])$")  # "5.6", "•", "a)"
MIN_TABLE_ROWS = 2  # under the first line...
MIN_PIPED_ROWS = 1  # ...with pipes between the cells, the table standing apart
MIN_TABLE_COLUMNS = 2  # apart by spaces or by a pipe (a Word, PDF or web page table's cells)...
MIN_TABBED_COLUMNS = 3  # ...but two apart by tabs ("Issue date<tab>April 2023") are a document's details
MAX_HEADER_CELL = 40  # characters: a header names its column ("Role", "Contact"), it says nothing
COLUMN_SLACK = 2  # characters a cell may start off its column


def names_columns(cells: Sequence[str], longest: int = MAX_HEADER_CELL) -> bool:
    """A table's first line is its header: short cells stating no value ("Role", "Contact"), where a row's would
    ("07700 900 820", an e-mail address)."""
    return all(len(cell) <= longest and not any(ch.isdigit() or ch == "@" for ch in cell) for cell in cells)


def is_list_marker(text: str) -> bool:
    """A clause's number or a list's bullet standing alone ("5.6", "•", "a)"), as a table's first cell may."""
    return bool(_NOT_A_CELL.match(text))


def _cells(line: str) -> list[tuple[int, str]]:
    """A line's cells: where each starts, and its text."""
    cells, start = [], len(line) - len(line.lstrip())
    for gap in _CELL_GAP.finditer(line, start):
        if gap.start() > start:
            cells.append((start, line[start : gap.start()].strip()))
        start = gap.end()
    if line[start:].strip():
        cells.append((start, line[start:].strip()))
    return [(column, text.strip("| ")) for column, text in cells if text.strip("| ")]


def _plain_tables(lines: list[str]) -> dict[int, str]:
    """The lines of tables laid out in plain text: each line's number -> "header", "row", "more" (a cell's
    wrapped line, or a row's, under the row above) or "rule". A table is a run of three lines or more without a
    blank (two, with pipes between the cells and a blank line after), each with its cells in the first line's
    columns, of which there are two or more (three, where tabs part them: two columns of tabs are a document's
    details, lined up only by chance); a row's own line
    starts in the first column and has two cells or more, a wrapped line starts further in. A line of numbered
    or bulleted text ("5.6    Coaches may film...") is never a row."""
    found: dict[int, str] = {}
    cells_of = [_cells(line) for line in lines]  # read once: a line is tried as a header, and as a row of those above
    index = 0
    while index < len(lines):
        header = cells_of[index]
        piped = " | " in lines[index]
        least = MIN_TABLE_COLUMNS if piped or "\t" not in lines[index] else MIN_TABBED_COLUMNS
        if len(header) < least or _NOT_A_CELL.match(header[0][1]) or _TABLE_ROW.match(lines[index]):
            index += 1
            continue
        columns = [column for column, _ in header]
        marks: dict[int, str] = {}
        rows = 0
        following = index + 1
        while following < len(lines) and lines[following].strip():
            line = lines[following]
            if _PLAIN_RULE.match(line):
                marks[following] = "rule"
                following += 1
                continue
            cells = cells_of[following]
            if len(columns) < MIN_TABBED_COLUMNS and not piped and "\t" in line:
                break  # tabs line up only by chance: two columns of them are a document's details
            # a table of two columns is one only as long as its pipes go on: a line of two words after it is text
            aligned = (piped and (len(columns) > MIN_TABLE_COLUMNS or " | " in line)) or all(
                any(abs(c - column) <= COLUMN_SLACK for column in columns) for c, _ in cells
            )
            starts_row = abs(cells[0][0] - columns[0]) <= COLUMN_SLACK if cells else False
            # a line of one cell in the first column ("Deputy Lead: Rachel Kimani") is text after the table
            if not aligned or not cells or _NOT_A_CELL.match(cells[0][1]) or (starts_row and len(cells) < 2):
                break
            marks[following] = "row" if starts_row else "more"
            rows += starts_row
            following += 1
        # a Word or PDF table stands apart, a blank line after it; a plain-text table wrapped at a page's edge
        # runs on into the lines of its rows' ends
        whole = following >= len(lines) or not lines[following].strip()
        if rows >= MIN_TABLE_ROWS or (piped and whole and rows >= MIN_PIPED_ROWS):
            # a first line stating what a row does ("07700 900 820", "@") is a row, with no header over it
            found[index] = "header" if names_columns([text for _, text in header]) else "row"
            found.update(marks)
            index = following
        else:
            index += 1
    return found


def parse_blocks(text: str) -> list[Block]:
    """Turn document text into a flat list of blocks, nesting sub-items under their parent item."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u00a0", " ").replace("\f", "\n")
    text = _FRONT_MATTER.sub(_keep_lines_before_front_matter, text, count=1)
    lines = [
        ln
        for ln in _rejoin_column_bullets(_underlined_titles(text.split("\n")))
        if not _PAGE_FURNITURE.match(ln) and not _DIRECTIVE.match(ln)
    ]
    lines = [_ADMONITION.sub(r"\1", ln) for ln in _without_running_lines(_without_contents(lines))]
    # a blockquote marker, and Markdown's hard line break (a trailing backslash), are not words
    lines = [_BLOCKQUOTE.sub("", ln).removesuffix("\\") for ln in lines]
    lines = _join_broken_lines(_numbers_back_on_their_text(lines))

    blocks: list[Block] = []
    paragraph: list[str] = []
    open_block: Block | None = None  # a numbered clause or item whose wrapped lines may follow
    continued: set[int] = set()  # ids of numbered blocks that ran onto a second line
    # the number of the last numbered clause: a paragraph indented after it is more of that clause, as
    # Markdown nests it ("4. We will:" / "   - ..." / "   All current members must...")
    last_number = ""

    def flush_paragraph() -> None:
        nonlocal last_number
        if paragraph:
            indented = paragraph[0].startswith(("  ", "\t"))
            text = functools.reduce(_joined, (s.strip() for s in paragraph))
            blocks.append(Block("para", text, number=last_number if indented else ""))
            last_number = last_number if indented else ""
            paragraph.clear()

    table_header = ""
    plain_table = _plain_tables(lines)
    for index, line in enumerate(lines):
        if not line.strip():
            flush_paragraph()
            open_block = None
            continue
        if part := plain_table.get(index):
            # a table laid out in plain text: as a Markdown table, each row a clause under the header row
            flush_paragraph()
            open_block = None
            text = line.strip()  # its runs of spaces are one in the quote, as every clause's (`_Assembler.add`)
            if part == "header":
                table_header = text
                continue
            if index - 1 not in plain_table:
                table_header = ""  # a table without a header row: its first line is a row
            if part == "more" and blocks and blocks[-1].kind == "row":
                blocks[-1].text = _joined(blocks[-1].text, text)
            elif part != "rule":
                blocks.append(Block("row", text, introduces=table_header))
            continue
        if (m := _MD_HEADING.match(line)) and len(m.group(2).split()) > HEADING_MAX_WORDS:
            line = m.group(2)  # a paragraph set as a heading: its words, without the marks
        elif m:
            flush_paragraph()
            open_block = None
            last_number = ""
            title = _clean_heading(m.group(2))
            if title:
                number = ""
                if n := _NUMBERED.match(title):
                    number, title = n.group(1), _clean_heading(n.group(2))
                raw = m.group(2).strip().rstrip("*_ ").strip()
                introduces = raw.lstrip("*_ ") if raw.endswith(":") else ""
                blocks.append(Block("heading", title, number=number, level=len(m.group(1)), introduces=introduces))
            continue
        if _TABLE_ROW.match(line):
            # a Markdown table: each row a clause of its own, quoted under the header row ("| Role | Name |")
            flush_paragraph()
            open_block = None
            if not _TABLE_RULE.match(line):
                if index > 0 and _TABLE_ROW.match(lines[index - 1]) and table_header:
                    blocks.append(Block("row", line.strip(), introduces=table_header))
                else:
                    table_header = line.strip()
            continue
        if (b := _BULLET.match(line)) and _paragraph_follows(lines, index):
            if _BOLD_LINE.match(b["text"]):
                line = b["text"]  # "- **Training**" over a paragraph: a bold title set as a list item
            elif b["letter"] and _title_like(b["text"].strip()) and not _lettered_item_above(lines, index):
                line = f"**{b['text'].strip()}**"  # "a) Good practice" over a paragraph: a lettered section title
        if (m := _BOLD_LINE.match(line)) and not _bold_sentence_opening_text(m.group(1), lines, index):
            flush_paragraph()
            open_block = None
            last_number = ""
            inner = m.group(1).strip()
            introduces = inner if inner.endswith(":") else (f"{inner}:" if m.group(0).rstrip().endswith(":") else "")
            blocks.append(Block("heading", _clean_heading(inner), level=7, introduces=introduces))
            continue
        if m := _BULLET.match(line):
            flush_paragraph()
            indent = len(m["indent"].expandtabs(4))
            marker = "a)" if m["letter"] else "1)" if m["digit"] else line.strip()[:1]
            printed = line[len(m["indent"]) : m.start("text")].strip() if m["letter"] or m["digit"] else ""
            item = Block(
                "item",
                m["text"].strip(),
                number=m["letter"] or m["digit"] or "",
                level=indent,
                marker=marker,
                printed=printed,
            )
            if _sub_item(blocks[-1] if blocks else None, item):
                blocks[-1].children.append(item)
                open_block = item
                continue
            parent = blocks[-1] if blocks else None
            # a deeper-indented item belongs to the item just above it
            while parent is not None and parent.kind == "item" and parent.children:
                if parent.children[-1].level + 2 <= indent:
                    parent = parent.children[-1]
                else:
                    break
            if parent is not None and parent.kind == "item" and indent >= parent.level + 2:
                parent.children.append(item)
            else:
                blocks.append(item)
            open_block = item
            continue
        if m := _NUMBERED.match(line):
            flush_paragraph()
            open_block = Block("numbered", m.group(2).strip(), number=m.group(1))
            blocks.append(open_block)
            last_number = open_block.number
            continue
        if (
            open_block is not None
            and open_block.kind == "numbered"
            and id(open_block) not in continued
            and _title_over_text(open_block.text, line)
        ):
            open_block = None  # "9.1 Work phones" straight over its text is that text's title
        if open_block is not None and open_block.kind == "item" and _ENDED.search(open_block.text):
            following = lines[index + 1] if index + 1 < len(lines) else ""
            bullet = _BULLET.match(following)
            if (bullet and not bullet["letter"] and _title_like(line.strip(), listing=True)) or _title_over_text(
                line, following, listing=True
            ):
                open_block = None  # "Photos in class and at events" between two lists (Word) titles the next one
        if open_block is not None:
            # a wrapped line of a PDF or hard-wrapped text: it continues the clause or item above
            open_block.text = _joined(open_block.text, line)
            continued.add(id(open_block))
            continue
        # a title straight under a paragraph's last sentence, as Word puts one: "...the next day." / "Concerns
        # about a club official" / "Any concern about..."
        if (not paragraph or _ENDED.search(paragraph[-1])) and _title_over_text(
            line,
            lines[index + 1] if index + 1 < len(lines) else "",
            lines[index + 2] if index + 2 < len(lines) else "",
            listing=True,
        ):
            flush_paragraph()
            blocks.append(Block("para", line.strip()))  # judged a heading or not with what follows it
            continue
        # Markdown folds consecutive lines into one paragraph; so do we.
        paragraph.append(line)
    flush_paragraph()
    # a numbered line with a list indented under it ("6. Definitions" / "   - Child: ...") is that list's
    # intro, as Markdown nests it, not a section heading
    nesting = {id(block) for block, after in itertools.pairwise(blocks) if after.kind == "item" and after.level >= 2}
    titled: list[Block] = []
    lines_titled: dict[int, Block] = {}  # a numbered line taken for a title -> the line as it was
    section_level = 0  # of the last Markdown heading: a numbered title below it is a part of its section
    for block, after in itertools.zip_longest(blocks, blocks[1:]):
        if block.kind == "heading" and block.level <= 6:
            section_level = block.level
        elif id(block) not in continued | nesting:
            as_written = block
            block = _numbered_heading(block, after)
            if block.kind == "heading":
                block.level = max(block.level, section_level + 1)
                lines_titled[id(block)] = as_written
        titled.append(block)
    titled = _comma_titles_among_titles(titled, lines_titled)
    return _auto_numbered_items(_titles_over_nothing_as_items(titled, lines_titled))


def _comma_titles_among_titles(blocks: list[Block], lines_titled: dict[int, Block]) -> list[Block]:
    """A numbered title with commas ("6. Remote learning, video calls and online tutoring") is a heading too
    when the numbered lines before and after it are: sections titled one after another, not a rule."""
    top = [i for i, block in enumerate(blocks) if block.number and "." not in block.number.rstrip(".")]
    for before, here, after in zip(top, top[1:], top[2:], strict=False):
        block = blocks[here]
        if (
            block.kind == "numbered"
            and blocks[before].titled_line
            and blocks[after].titled_line
            and _is_numbered_heading(block.text, opens_its_subclauses=True)
        ):
            blocks[here] = _numbered_heading(block, among_titles=True)
            lines_titled[id(blocks[here])] = block
    return blocks


def _bold_sentence_opening_text(inner: str, lines: list[str], index: int) -> bool:
    """A bold sentence with its paragraph's text on the next line ("**Dr Ross, Owner and Founder.**" /
    "Telephone 07541 ...") is that paragraph's first line, not a heading over it."""
    if not inner.rstrip("*_ ").endswith((".", "!", "?")) or index + 1 >= len(lines):
        return False
    return _paragraph_line(lines[index + 1])


def _paragraph_follows(lines: list[str], index: int) -> bool:
    """The next line with text is a paragraph's."""
    return _paragraph_line(next((line for line in lines[index + 1 :] if line.strip()), ""))


def _lettered_item_above(lines: list[str], index: int) -> bool:
    """The line with text above is a lettered item ("a) Staff" over "b) Volunteers"): one list, not titles."""
    above = next((line for line in reversed(lines[:index]) if line.strip()), "")
    return bool((item := _BULLET.match(above)) and item["letter"])


def _paragraph_line(line: str) -> bool:
    """A line of a paragraph's text: not blank, a list item, a numbered line or a heading."""
    return bool(line.strip()) and not (
        _BULLET.match(line) or _NUMBERED.match(line) or _MD_HEADING.match(line) or _BOLD_LINE.match(line)
    )


def _after(blocks: list[Block], index: int) -> Block | None:
    """The block after `index`, if there is one."""
    return blocks[index + 1] if index + 1 < len(blocks) else None


def _titles_over_nothing_as_items(blocks: list[Block], lines_titled: dict[int, Block]) -> list[Block]:
    """Short numbered lines one after another ("1. Communication in connection with the business" /
    "2. Personal email in breaks") are a numbered list, not sections with nothing in them: a numbered
    title closed at once (by a heading of its level or above, or the end) is a list item, and so are
    the lines numbered on from it."""
    result: list[Block] = []
    previous_number = ""
    clause_number = ""  # the last numbered clause's: "3. Photographs and videos" after clause 2 is its peer
    for index, block in enumerate(blocks):
        line = lines_titled.get(id(block))
        following = _after(blocks, index)
        empty = following is None or (following.kind == "heading" and following.level <= block.level)
        next_number = _follows(previous_number, block.number)
        # "1. Communication in connection with the business" over "2. Communication in relation to events..."
        sibling = following is not None and following.kind == "numbered" and _follows(block.number, following.number)
        peer = line is not None and _follows(clause_number, line.number)
        if line is not None and not peer and (empty or next_number or sibling):
            block = Block("item", line.text, number=line.number, marker="1)")
            previous_number = line.number
        elif block.kind == "numbered" and next_number:  # the list goes on in longer lines
            block = Block("item", block.text, number=block.number, marker="1)", children=block.children)
            previous_number = block.number
        else:
            previous_number = ""
        if block.kind != "para":
            clause_number = block.number if block.kind in ("numbered", "heading") else ""
        result.append(block)
    return result


def _follows(number: str, then: str) -> bool:
    return number.isdigit() and then == str(int(number) + 1)


def _numbered_heading(block: Block, after: Block | None = None, *, among_titles: bool = False) -> Block:
    """`2. Scope and definitions` on a line of its own is a section heading, not a clause. A comma is a
    title's too when its first subclause follows, or when it stands `among_titles` (numbered titles around it)."""
    if block.kind != "numbered":
        return block
    opens = after is not None and after.kind == "numbered" and after.number == f"{block.number.rstrip('.')}.1"
    if not _is_numbered_heading(block.text, opens_its_subclauses=opens or among_titles):
        return block
    if "." not in block.number.rstrip("."):
        return Block("heading", _clean_heading(block.text), number=block.number, level=2, titled_line=True)
    if len(block.text) < 60:
        return Block("heading", _clean_heading(block.text), number=block.number, level=3, titled_line=True)
    return block


# --- clause assembly --------------------------------------------------------------------------


def _item_text(item: Block) -> str:
    parts = [item.text]
    for child in item.children:
        parts.append(_item_text(child))
    return "\n".join(parts)


_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z“\"(])")


def _split_long(text: str) -> list[str]:
    """Split a very long paragraph at sentence ends into readable, quotable pieces."""
    if len(text) <= LONG_PARAGRAPH:
        return [text]
    sentences = _SENTENCE_END.split(text)
    pieces: list[str] = []
    current = ""
    for sentence in sentences:
        if current and len(current) + len(sentence) + 1 > LONG_PARAGRAPH * 0.7:
            pieces.append(current)
            current = sentence
        else:
            current = f"{current} {sentence}".strip()
    if current:
        pieces.append(current)
    return pieces


class _Assembler:
    def __init__(self) -> None:
        # (level, "6 Responsibilities", "6", whether a numbered line titled it)
        self.headings: list[tuple[int, str, str, bool]] = []
        self.section_number = ""
        self.clauses: list[RawClause] = []
        self.counters: dict[str, int] = {}
        self.seen_heading = False
        self.introduced_by = ""
        # "Users must NOT:" over the sections "5.1 Youth safety", "5.2 Data": it introduces what each of them
        # lists, until a heading at its own level or above (the level of the heading it sits under)
        self.sections_intro: tuple[str, int] | None = None
        # refs given under each heading path, to keep a paragraph's ref from a numbered clause's ("1")
        self.numbered: set[tuple[str, str]] = set()
        self.paragraphs: dict[tuple[str, str], int] = {}  # -> the paragraph's place in self.clauses

    @property
    def heading_path(self) -> str:
        return HEADING_PATH.join(title for _, title, _, _ in self.headings)

    def enter_heading(self, block: Block) -> None:
        first = not self.seen_heading
        self.seen_heading = True
        if first and block.level == 1 and not block.number:
            return  # the document's own title: context for nothing in particular
        while self.headings and self.headings[-1][0] >= block.level:
            self.headings.pop()
        label = f"{block.number} {block.text}".strip() if block.number else block.text
        self.headings.append((block.level, label, block.number, block.titled_line))
        self.section_number = block.number
        if self.sections_intro and block.level <= self.sections_intro[1]:
            self.sections_intro = None
        self.introduced_by = block.introduces or (self.sections_intro[0] if self.sections_intro else "")

    def introduce_sections(self, text: str) -> None:
        """A paragraph ending ":" right over a heading introduces the sections below it."""
        self.sections_intro = (text, self.headings[-1][0] if self.headings else 0)

    def continuation_ref(self, number: str) -> str:
        """The ref of one more paragraph of clause 4 ("4 ¶2", "4 ¶3"); under a heading "4. ..." its own refs."""
        if number == self.section_number:
            return ""
        self.counters[f"#{number}"] = self.counters.get(f"#{number}", 1) + 1
        return f"{number} ¶{self.counters[f'#{number}']}"

    def close_numbered_peer(self, number: str) -> None:
        """Clause "4." ends the part that the title "3. Concerns", numbered at the same depth, opened."""
        if not self.headings or not number:
            return
        _, _, opened, titled_line = self.headings[-1]
        if titled_line and opened != number and opened.count(".") == number.count("."):
            self.headings.pop()
            self.section_number = self.headings[-1][2] if self.headings else ""
            self.introduced_by = ""

    def _ref(self, number: str = "") -> str:
        path = self.heading_path
        if number:
            # "1. Policy statement", its paragraph, then its own list "1.", "2.": the paragraph is "1 ¶1"
            if (earlier := self.paragraphs.pop((path, number), None)) is not None:
                self.clauses[earlier] = replace(self.clauses[earlier], ref=f"{number} ¶1")
            self.numbered.add((path, number))
            return number
        base = self.section_number or (self.headings[-1][1] if self.headings else "")
        while True:
            self.counters[base] = self.counters.get(base, 0) + 1
            count = self.counters[base]
            if not base:
                return f"paragraph {count}"
            ref = base if count == 1 else f"{base} ¶{count}"
            if (path, ref) not in self.numbered:  # a paragraph after the list "1.", "2." is not "1" again
                self.paragraphs[(path, ref)] = len(self.clauses)
                return ref

    def add(self, text: str, *, number: str = "", context: str = "", label: str = "") -> None:
        context = _SPACE_RUN.sub(" ", context)
        if not number and self._adds_to_contact_card(text.strip(), context):
            return
        for piece in _split_long(_SPACE_RUN.sub(" ", text.strip())):
            if piece:
                self.clauses.append(RawClause(self._ref(number), self.heading_path, context, piece, label))
                label = ""  # printed before the first piece only

    def _adds_to_contact_card(self, text: str, context: str) -> bool:
        """Short lines one after another giving someone's details ("Email: ...", "Tel: ...", their photo) are
        one clause: who a lead is and how to reach them answer together."""
        last = self.clauses[-1] if self.clauses else None
        if (
            last is None
            or not _card_line(text)
            or (last.heading, last.context) != (self.heading_path, context)
            or last.ref[:1].isdigit()
            or not all(_card_line(line) for line in last.text.split("\n"))
        ):
            return False
        self.clauses[-1] = replace(last, text=f"{last.text}\n{text}")
        return True

    def add_list(self, intro: Block | None, items: list[Block], number: str) -> None:
        # under a heading such as "Staff must not:", each item is quoted with it, or it reads backwards
        intro_text = intro.text if intro else self.introduced_by
        if intro is not None and len(intro_text) > LONG_INTRO and len(sentences := _SENTENCE_END.split(intro_text)) > 1:
            # a long paragraph whose last sentence introduces the list: the rest is a clause of its own
            self.add(" ".join(sentences[:-1]), number=number)
            intro_text = sentences[-1]
        item_texts = [_item_text(item) for item in items]
        whole = "\n".join([intro_text, *item_texts]).strip()
        average = sum(len(t) for t in item_texts) / max(1, len(item_texts))
        rules = intro is None and len(item_texts) > 1 and all(_WHOLE_SENTENCE.match(t) for t in item_texts)
        if (len(whole) <= SHORT_LIST or average <= TINY_ITEM) and not rules:
            if intro is None:  # the heading introduces it: quoted with it, not part of its text
                self.add("\n".join(item_texts), number=number, context=intro_text)
            else:
                self.add(whole, number=number)
            return
        # the intro line stays with its list: it is every item's context, not a clause alone
        for ordinal, (item, text) in enumerate(zip(items, item_texts, strict=True), start=1):
            # an item of clause 4 is cited "4 (b)" by its own letter, else "4 (item 2)"
            cited = f"{number} ({item.number or f'item {ordinal}'})" if number else ""
            self.add(text, number=cited, context=intro_text, label=item.printed)  # quoted as printed: "(b) ..."


_PART_LABEL = re.compile(
    r"^(?:part|section|appendix|annex|schedule|chapter)\s+(?:[a-z]|\d{1,2}|[ivx]{1,4})\s*[:.\-–—]\s+(?=\S)",
    re.IGNORECASE,
)
# "Step 2 - Tell the DSL": a step of a procedure is titled like a part, but sits inside its section
_STEP_LABEL = re.compile(r"^(?:step|stage)\s+\d{1,2}\s*[:.\-–—]\s+(?=\S)", re.IGNORECASE)


_TITLE_CASE_LIST = re.compile(r"^[^,]+(?:, [^,]+)+ (?:and|&) \S")  # "Photography, Filming and Video"
TITLED_PARAGRAPH = 80  # characters: a paragraph, not another line of a contact card


# a title with a label before a colon: "Branch Out: communication with young people"
_LABELLED_TITLE = re.compile(r"^[A-Z][\w'’-]*(?: [A-Z][\w'’-]*){0,2}: [^:]+$")


def _looks_like_heading(block: Block, following: Block | None) -> bool:
    """A short title-like line in a Word/PDF extraction: `Your responsibilities when using social media`."""
    if block.kind != "para" or following is None:
        return False
    # "PART B: THE STANDARDS", "Section 3 - Reporting": the part's label is no sentence's
    text = _PART_LABEL.sub("", block.text, count=1)
    step = _STEP_LABEL.match(text)
    text = text[step.end() :] if step else text
    words = [word for word in text.split() if any(ch.isalnum() for ch in word)]  # "–" and "&" are no words
    if following.kind == "item":
        # "Volunteers" or "Cameras and videos and storage of images" over a list is its title; "Employees at
        # LEAPS must" or "We will:" introduce it
        if len(words) > 8 or text.endswith(":") or _OPEN_ENDING.search(text.lower()):
            return False
    if not words or len(words) > 10 or len(text) > 80 or not words[0][:1].isupper():
        return False
    # "Key commitment 1", "Appendix 2", "Emergencies - when to call 999" are titles, and so is a step's ("Record
    # it within 24 hours"); other digits are dates, numbers and addresses
    untitled = re.sub(r"\s\d{1,2}$|\b999\b", "", text)
    if (any(ch.isdigit() for ch in untitled) and not step) or "\t" in text:
        return False
    if text.endswith(":"):
        return following.kind == "numbered" and ":" not in text[:-1]
    # a title in capitals may list its subjects: "GIFTS, MONEY, WILLS AND FAVOURS", and so may one in title case
    # over a paragraph ("Transport, Competitions and Overnight Stays"; not "Helen Marsh, DSL" over "Tel: ...")
    listed = text.isupper() or (
        _TITLE_CASE_LIST.match(text) is not None
        and (
            (
                all(word[:1].isupper() for word in words if len(word) > 3)
                and following.kind == "para"
                and len(following.text) > TITLED_PARAGRAPH
            )
            # in sentence case over a list or over a title of its own ("Photographs, filming and live-streaming" /
            # "Consent"), where a contact card's "Helen Marsh, DSL" never is
            or following.kind == "item"
            or (following.kind == "para" and _title_like(following.text, listing=True))
        )
    )
    listed = listed or _sentence_case_listing(text, following)
    punctuation = r"[.?!;:]" if listed else r"[.?!;,:]"
    if following.kind == "item" and _LABELLED_TITLE.match(text):
        punctuation = r"[.?!;,]"  # "Branch Out: communication with young people" over its list is its title
    return not re.search(punctuation, text)


def _sentence_case_listing(text: str, following: Block) -> bool:
    """A title in sentence case naming several things over its paragraph: "Concerns about a worker, volunteer or
    member of the clergy". Its second word is in lower case, where a contact card's "Helen Marsh, DSL" is a name."""
    words = text.split()
    return (
        len(words) >= 4
        and words[1][:1].islower()
        and _LISTED_TITLE.match(text) is not None
        and following.kind == "para"
        and len(following.text) > TITLED_PARAGRAPH
    )


def _starts_section(blocks: list[Block], index: int) -> bool:
    """The block at `index` is a heading, or a line read as one."""
    block = blocks[index]
    return block.kind == "heading" or _looks_like_heading(block, _after(blocks, index))


FAQ_QUESTION_WORDS = 40  # a paragraph asking this much is an FAQ's question, not a case told at length


_FAQ_LABELS = (
    re.compile(r"^(?:Q|Question)\s*[:.)]\s", re.IGNORECASE),
    re.compile(r"^(?:A|Answer)\s*[:.)]\s", re.IGNORECASE),
)


def _asks_and_is_answered(block: Block, following: Block | None) -> bool:
    """A plain paragraph that is one question, with a plain paragraph after it that answers, not asks; or
    paragraphs labelled so ("Q: A young coach wants to follow me..." / "A: ...")."""
    if following is None or not block.kind == following.kind == "para" or block.number or following.number:
        return False
    asks, answers = _FAQ_LABELS
    if asks.match(block.text) and answers.match(following.text):
        return True
    return (
        block.text.endswith("?")
        and block.text.count("?") == 1
        and len(block.text.split()) <= FAQ_QUESTION_WORDS
        and "?" not in following.text
    )


def _sentence_items_end(blocks: list[Block], start: int) -> int:
    """Where the numbered lines from `start` that go on their intro's sentence ("1. for coaching only;") end,
    if they number from 1; else 0."""
    end = start
    while end < len(blocks) and blocks[end].kind == "numbered" and blocks[end].number == str(end - start + 1):
        if not blocks[end].text[:1].islower():
            return 0
        end += 1
    return end if end > start else 0


def _paragraph_items_end(blocks: list[Block], start: int) -> int:
    """Where the short plain paragraphs from `start` end, if there is one or more; else 0."""
    end = start
    while end < len(blocks):
        block = blocks[end]
        if block.kind != "para" or block.number or len(block.text) > PARA_ITEM_MAX or block.text.endswith(":"):
            break
        if _looks_like_heading(block, _after(blocks, end)):
            break
        end += 1
    return end if end > start else 0


def segment(text: str) -> list[RawClause]:
    """Split document text into clauses, in document order."""
    blocks = parse_blocks(text)
    asm = _Assembler()
    # one top-level heading is the document's title; several are its sections ("# Scope", "# Reporting")
    asm.seen_heading = sum(block.kind == "heading" and block.level == 1 for block in blocks) > 1
    intro = ""  # a numbered clause ending "...apply: -" introduces the paragraphs after it
    intro_number = ""
    intro_count = 0
    # "6.1 Leaders must:" over "6.1.1 treat all members with respect;": the intro of its own subclauses
    numbered_intro: tuple[str, str] = ("", "")
    i = 0
    while i < len(blocks):
        block = blocks[i]
        if _looks_like_heading(block, _after(blocks, i)):
            introduces = block.text if block.text.endswith(":") else ""
            # a part ("PART B: THE STANDARDS") holds the numbered sections after it, not the one before
            # ...and a step of a procedure ("Step 2 - Tell the DSL") sits inside the section before it
            level = 1 if _PART_LABEL.match(block.text) else 8 if _STEP_LABEL.match(block.text) else 7
            block = Block("heading", _clean_heading(block.text), level=level, introduces=introduces)
        if block.kind != "para":
            intro = ""
        if block.kind == "heading":
            asm.enter_heading(block)
            i += 1
            continue
        if block.kind == "row":
            asm.add(block.text, context=block.introduces)
            i += 1
            continue
        if block.kind == "item":
            j = i
            while j < len(blocks) and blocks[j].kind == "item":
                j += 1
            # lettered items under a numbered title are cited by its number and their letter ("10 (b)")
            lettered = asm.section_number and all(item.number for item in blocks[i:j])
            asm.add_list(None, blocks[i:j], number=asm.section_number if lettered else "")
            i = j
            continue
        # a paragraph or numbered clause; if it introduces a list, they go together
        following = i + 1
        if (
            block.text.endswith(":")
            and len(block.text) <= SECTIONS_INTRO_MAX
            and following < len(blocks)
            and _starts_section(blocks, following)
        ):
            asm.introduce_sections(block.text)
        if block.kind == "para" and block.text.endswith(":") and (end := _paragraph_items_end(blocks, following)):
            asm.add_list(block, [Block("item", b.text, marker="-") for b in blocks[following:end]], number="")
            i = end
            continue
        if block.kind == "para" and block.text.endswith(":") and (end := _sentence_items_end(blocks, following)):
            # "Parents choose whether images may be used:" / "1. for coaching only;": its list, not clauses 1 to 3
            asm.add_list(block, [replace(b, kind="item") for b in blocks[following:end]], number="")
            i = end
            continue
        listed = following < len(blocks) and blocks[following].kind == "item"
        reads_as_intro = bool(_INTRO.search(block.text)) or len(block.text) < 200 or block.text.endswith(" must")
        # a list Markdown nests under a numbered clause is that clause's, whether or not the clause reads
        # as its intro: its items are cited by the clause's number ("9 (a)")
        nested = block.kind == "numbered" and listed and blocks[following].level >= 2
        if listed and (reads_as_intro or nested):
            j = following
            while j < len(blocks) and blocks[j].kind == "item":
                j += 1
            asm.close_numbered_peer(block.number)
            if reads_as_intro:
                asm.add_list(block, blocks[following:j], number=block.number)
            else:
                asm.add(block.text, number=block.number)
                asm.add_list(None, blocks[following:j], number=block.number)
            i = j
            continue
        if _asks_and_is_answered(block, _after(blocks, i)):
            # a question and its answer, each a paragraph ("Can I film pupils on my phone?" / "No. Use an
            # academy iPad."): the answer alone says "No" to nothing
            asm.add(f"{block.text}\n{blocks[following].text}", context=asm.introduced_by)
            i += 2
            continue
        if intro and block.kind == "para":
            intro_count += 1
            asm.add(block.text, number=f"{intro_number} ¶{intro_count}", context=intro)
        elif block.kind == "para" and block.number:
            asm.add(block.text, number=asm.continuation_ref(block.number), context=asm.introduced_by)
        elif block.kind == "numbered" and numbered_intro[0] and block.number.startswith(f"{numbered_intro[0]}."):
            asm.add(block.text, number=block.number, context=numbered_intro[1])
        else:
            # under a heading such as "Coaches must not:", each clause is quoted with it, or it reads backwards
            asm.add(block.text, number=block.number, context=asm.introduced_by)
        if block.kind == "numbered" and _INTRO.search(block.text):
            intro, intro_number, intro_count = block.text, block.number, 1
        if block.kind == "numbered" and _INTRODUCES_SUBCLAUSES.search(block.text):
            numbered_intro = (block.number.rstrip("."), block.text)
        i += 1
    return _distinct_refs(_printed_numbers(asm.clauses, text))


_LABEL_WORDS = 4  # words of a clause's text that must follow its number on the line


def _printed_numbers(clauses: list[RawClause], text: str) -> list[RawClause]:
    """Each numbered clause keeps its number as the document prints it ("11.3.1 Staff must...", "3.1: Do
    not..."), so that its quote is the line word for word. Its ref is the number; its text starts after it."""
    printed: dict[str, list[tuple[str, str]]] = {}
    for line in text.splitlines():
        if m := _NUMBERED.match(line):  # the numbered lines the blocks were read from
            label = line[: m.start(2)].strip()  # the number with its "." or ":" as printed
            printed.setdefault(m.group(1), []).append((label, " ".join(m.group(2).split()[:_LABEL_WORDS])))
    labelled = []
    for clause in clauses:
        opening = " ".join(clause.text.split()[:_LABEL_WORDS])
        found = [label for label, first in printed.get(clause.ref, ()) if opening.startswith(first)]
        labelled.append(replace(clause, label=found[0]) if found else clause)
    return labelled


def _card_line(text: str) -> bool:
    """A line of someone's contact details: "Tel: 07700 900123", "E-Mail: lead@club.org", an image of them."""
    return "\n" not in text and len(text.split()) <= CARD_LINE_WORDS and bool(_CARD_LINE.match(text))


def _distinct_refs(clauses: list[RawClause]) -> list[RawClause]:
    """A list numbered afresh under each heading ("Coaches must not: 1. 2. 3.", "Parents: 1. 2.") would cite
    two clauses as "1": such refs name their section too, "1 (Coaches must not)"."""
    if not clauses:
        return clauses  # a document all page furniture
    # the pieces of one long clause follow one another under one ref: they are one clause, counted once
    firsts = [
        c for c, before in zip(clauses, [None, *clauses[:-1]], strict=True) if before is None or before.ref != c.ref
    ]
    counts = Counter(clause.ref for clause in firsts if clause.ref[:1].isdigit())
    # the sections holding a ref some other section uses too: their numbered clauses all name the section
    shared = {clause.heading for clause in clauses if counts[clause.ref] > 1 and clause.heading}
    names = _section_names(shared)
    return [
        replace(clause, ref=f"{clause.ref} ({names[clause.heading]})")
        if clause.ref[:1].isdigit() and clause.heading in shared
        else clause
        for clause in clauses
    ]


def _section_names(paths: set[str]) -> dict[str, str]:
    """Each heading path by its last heading, or by as many of its last headings as tell it from the
    others: two lists under "E-mail › Unacceptable" and "Internet › Unacceptable" are not both "Unacceptable"."""
    parts = {path: path.split(HEADING_PATH) for path in paths}
    depth = dict.fromkeys(paths, 1)
    while True:
        names = {path: HEADING_PATH.join(parts[path][-depth[path] :]) for path in paths}
        uses = Counter(names.values())
        clashing = [path for path in paths if uses[names[path]] > 1 and depth[path] < len(parts[path])]
        if not clashing:
            return names
        for path in clashing:
            depth[path] += 1
