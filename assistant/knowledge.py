"""Load `knowledge/` (or an organisation's own folder or file) into validated models, once, at startup.

A knowledge folder holds policy documents (.txt, .md, .html, .docx, .pdf, anywhere below it), an optional
`manifest.toml` naming them, and optionally its own `vocabulary.toml` and `concerns.toml`; the
bundled vocabulary and concern lexicon are used where the folder has none. A malformed manifest or
vocabulary stops startup with an error naming the file; an unreadable document is reported by name
and the rest still load.
"""

from __future__ import annotations

import re
import tomllib
from datetime import date
from pathlib import Path
from typing import TypeVar

from pydantic import Field, ValidationError, field_validator, model_validator

from assistant.contacts import gives_contact_details
from assistant.documents import SUPPORTED, SUPPORTED_NAMES, DocumentText, read_document, unsupported
from assistant.errors import KnowledgeError, UnreadableDocument
from assistant.models import Clause, DocumentInfo, Frozen, Vocabulary, check_pattern
from assistant.segmentation import RawClause, page_settings, segment, split_front_matter
from assistant.settings import BUNDLED_KNOWLEDGE
from assistant.worry_model import WorryModel

M = TypeVar("M", bound=Frozen)
# files of a knowledge folder that are data, not policy (`reranker_adapter.npz`: the re-ranker's, see settings)
DATA_FILES = {
    "manifest.toml",
    "vocabulary.toml",
    "concerns.toml",
    "concern_model.json",
    "concern_examples.jsonl",
    "reranker_adapter.npz",
}


class ManifestEntry(Frozen):
    file: str
    title: str = Field(min_length=1)
    organisation: str = ""
    review_date: date | None = None
    review_text: str = ""


class Manifest(Frozen):
    document: tuple[ManifestEntry, ...] = ()


class Situation(Frozen):
    """A kind of worry with a procedure of its own, and how the clauses giving that procedure read."""

    when: str  # regular expression on the lower-cased message
    add: str  # words that procedure's clauses use, looked for beside the reporting terms
    prefer: str  # regular expression on the lower-cased clause: a clause giving that procedure
    # a kind of harm (not a way of telling, like a secret): a clause opening in its wording is its route, and
    # a worry of another kind quotes it last
    kind_of_harm: bool = False

    @field_validator("when", "prefer")
    @classmethod
    def _compiles(cls, pattern: str) -> str:
        return check_pattern(pattern)


# A name in braces in a pattern ("{lead}"): the lexicon's fragment of that name. A regular expression's own
# braces hold digits ("{0,40}"), never a name.
FRAGMENT_NAME = re.compile(r"\{([a-z][a-z_]*)\}")


def expand_fragments(value: object, fragments: dict[str, str], where: str) -> object:
    """`value` (a pattern, or lists and tables of them) with each "{name}" replaced by that fragment, as a group of
    its own, so it reads the same wherever it stands. A name with no fragment is an error naming `where`."""
    if isinstance(value, str):

        def fragment(found: re.Match[str]) -> str:
            if (text := fragments.get(found.group(1))) is None:
                raise ValueError(f"{where}: no fragment named {found.group(0)} (see [fragments])")
            return f"(?:{text})"

        return FRAGMENT_NAME.sub(fragment, value)
    if isinstance(value, list):
        return [expand_fragments(item, fragments, f"{where}[{number}]") for number, item in enumerate(value)]
    if isinstance(value, dict):
        return {key: expand_fragments(item, fragments, f"{where}.{key}") for key, item in value.items()}
    return value


def resolve_fragments(fragments: dict[str, str]) -> dict[str, str]:
    """Each fragment with the fragments it names expanded in it. One that names itself, however indirectly, is
    an error."""
    resolved: dict[str, str] = {}

    def resolve(name: str, naming: tuple[str, ...]) -> str:
        if name in naming:
            raise ValueError(f"fragments.{name}: names itself ({' -> '.join((*naming[naming.index(name) :], name))})")
        if name not in resolved:
            named = {
                other: resolve(other, (*naming, name))
                for other in FRAGMENT_NAME.findall(fragments[name])
                if other in fragments
            }
            resolved[name] = str(expand_fragments(fragments[name], named, f"fragments.{name}"))
        return resolved[name]

    for name in fragments:
        resolve(name, ())
    return resolved


# The lexicon's fields that hold regular expressions: each is compiled when the knowledge loads, so a bad one
# stops startup naming concerns.toml and the field, not a traceback at the first question.
PATTERN_FIELDS = (
    "procedure_action",
    "procedure_role",
    "procedure_urgency",
    "lead_duty",
    "fallback_route",
    "unreachable_route",
    "lead_away",
    "emergency_route",
)
PATTERN_LIST_FIELDS = (
    "harm",
    "incident",
    "topic_question",
    "disclosure",
    "hypothetical",
    "ongoing",
    "conditional",
    "purpose",
    "asks_whether_harm",
    "asks_whether_to_report",
    "everyday_conduct",
    "at_risk",
    "adult_red_flags",
    "danger",
    "worry",
    "own_conduct",
    "good_news",
    "criticism_of_us",
)


class ConcernLexicon(Frozen):
    """Regular expressions (matched on lower-cased text) that tell a worry from a question."""

    harm: tuple[str, ...] = Field(min_length=1)  # something harmful is happening to someone
    incident: tuple[str, ...] = Field(min_length=1)  # ...to a real person, not a topic asked about
    topic_question: tuple[str, ...] = ()  # "what does the policy say about grooming?"
    # ...unless someone has actually told the writer of harm ("a girl just told me her dad hits her, what's the
    # policy?"): a disclosure is a worry whatever it then asks, unless the message is a hypothetical
    disclosure: tuple[str, ...] = ()
    hypothetical: tuple[str, ...] = ()
    # ...or what it describes is going on ("keeps messaging her", "hasn't come back since friday", "every
    # week"): "does it count as bullying if a group keep kicking the same lad out?" asks about a real lad
    ongoing: tuple[str, ...] = ()
    conditional: tuple[str, ...] = ()  # "if a child...": hypothetical, unless what it describes is ongoing
    # why the writer asks, when it is for no real case ("for the training quiz", "doing a talk for the yr 8s"):
    # a question about a subject, whatever it describes
    purpose: tuple[str, ...] = ()
    # the writer asks whether what they describe is harm ("does it count as neglect?", "is it a safeguarding
    # thing?"), or whether to report what an adult keeps doing ("is that reportable?"): a worry when it is a real
    # case about someone at risk, however mild its words
    asks_whether_harm: tuple[str, ...] = ()
    asks_whether_to_report: tuple[str, ...] = ()
    adults: tuple[str, ...] = ()  # ...that an adult does: words for adults in a role of trust ("coach", "carer")
    # ...or other adults ("husband", "uncle"): "her uncle" alone is nobody in particular
    other_adults: tuple[str, ...] = ()
    # ...unless what the adult keeps doing is everyday work gone wrong ("keeps forgetting the registers")
    everyday_conduct: tuple[str, ...] = ()
    at_risk: tuple[str, ...] = ()  # ...and names someone who may be at risk: a child, a resident, a service user
    # what an adult does with someone at risk that makes a worry (alone with them overnight, photos where
    # they change, "our secret"): in a real case or about a particular adult, however it is asked; asked in
    # general, a question
    adult_red_flags: tuple[str, ...] = ()
    danger: tuple[str, ...] = ()  # someone may be in danger right now: 999 first
    reporting_terms: str  # words of the clauses that say how and to whom to report
    # signs of harm (words or short phrases, lower case) and their weight: several weak signs together
    # ("always hungry", "goes quiet", "flinches") describe harm no single pattern names
    signs: dict[str, float] = Field(default_factory=dict)
    signs_needed: float = Field(default=2.0, gt=0)
    # ...of which these are injuries ("bruise", "black eye"): no sign of harm in a message telling of an accident that
    # casts no doubt on it (`accidental`: "black eye at cricket, the ball came off his pad"). Empty: none.
    injury_signs: tuple[str, ...] = ()
    accidental: str = ""
    # the writer's own unease ("prob nothing but", "what do I do?"): with it, half the signs will do
    worry: tuple[str, ...] = ()
    # the writer asking about something they did or mean to do ("was that a bad idea?", "can I drop her
    # home?"): the learned check alone must then be surer before it calls the message a worry
    own_conduct: tuple[str, ...] = ()
    own_conduct_probability: float = Field(default=0.8, gt=0, lt=1)
    # news told with pride or relief ("so proud of her", "hes ok now"), or as already handled ("spoken to both and rang
    # home"): the learned check alone never makes it a worry
    good_news: tuple[str, ...] = ()
    # what an activity is about ("a play about county lines", "the county lines film"): the group named `subject`,
    # which the check reads as "it"
    activity_subject: tuple[str, ...] = ()
    # someone criticising the organisation or its staff online ("one of the dads has been slagging us off on fb"): a
    # matter for the social media policy, which the learned check alone never makes a worry
    criticism_of_us: tuple[str, ...] = ()
    # kinds of worry with a procedure of their own: about a member of staff -> the allegations procedure
    situation: tuple[Situation, ...] = ()
    # what a clause saying what to do with a worry looks like: an action ("report", "inform") and whom
    # to ("the Designated Safeguarding Lead"), better still with when ("immediately")
    procedure_action: str = r"\b(report|inform|tell|notify|contact|refer|raise)\b"
    procedure_role: str = r"\b(designated|safeguarding lead|dsl)\b"
    procedure_urgency: str = r"\b(immediately|as soon as)\b"
    # a clause whose subject is the lead ("The child protection officer should contact social services..."):
    # what happens after a report, not what the person telling does. Empty: no such rule.
    lead_duty: str = ""
    # a clause for when the usual route fails ("If you feel the Club has not acted on a concern..."). Empty: none.
    fallback_route: str = ""
    # a clause opening on the lead being out of reach ("If the DSL cannot be reached..."), counted as a fallback
    # unless the message says so (`lead_away`: "karen's not in today"). Empty: none.
    unreachable_route: str = ""
    lead_away: str = ""
    # a clause on what to do in an emergency ("call 999"): first for a worry happening now. Empty: none.
    emergency_route: str = ""
    # pieces of pattern that several patterns share ("the lead's names"), each written once: "{lead}" in any
    # pattern, or in another fragment, stands for fragments["lead"]
    fragments: dict[str, str] = Field(default_factory=dict)

    @model_validator(mode="before")
    @classmethod
    def _expand_fragments(cls, data: object) -> object:
        if not isinstance(data, dict):
            return data  # pydantic names what is wrong with it
        fragments = data.get("fragments", {})
        if not isinstance(fragments, dict) or not all(isinstance(text, str) for text in fragments.values()):
            return data  # ...and with this
        fragments = resolve_fragments(fragments)
        for name, text in fragments.items():  # each must compile alone, used or not, to stand as a group of its own
            try:
                check_pattern(text)
            except ValueError as error:
                raise ValueError(f"fragments.{name}: {error}") from None
        return {
            key: value if key == "fragments" else expand_fragments(value, fragments, key) for key, value in data.items()
        }

    @field_validator(*PATTERN_FIELDS)
    @classmethod
    def _compiles_one(cls, pattern: str) -> str:
        return check_pattern(pattern)

    @field_validator(*PATTERN_LIST_FIELDS)
    @classmethod
    def _compiles(cls, patterns: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(check_pattern(pattern) for pattern in patterns)

    @property
    def lead_titles(self) -> str:
        """The titles of the person worries go to, as a pattern (`fragments.lead`); empty when none is given."""
        return resolve_fragments(self.fragments).get("lead", "")


class KnowledgeBase(Frozen):
    documents: tuple[DocumentInfo, ...]
    clauses: tuple[Clause, ...]
    vocabulary: Vocabulary
    concerns: ConcernLexicon
    worry_model: WorryModel | None = None  # the learned check for a worry told in everyday words
    problems: tuple[str, ...] = ()  # documents skipped, each "path: why"


# --- review dates -----------------------------------------------------------------------------

_MONTHS = {
    name: index
    for index, names in enumerate(
        [
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ],
        start=1,
    )
    for name in names
}
_SEASON_END = {"spring": (5, 31), "summer": (8, 31), "autumn": (11, 30), "fall": (11, 30), "winter": (2, 28)}
_REVIEW_LINE = re.compile(  # "review_date: 2014-11-25" too: a web page's front matter
    r"(?:date\s+(?:policy\s+)?(?:to\s+be\s+)?reviewed|review[\s_-]date|date\s+of\s+(?:next\s+)?review|"
    r"next[\s_-]review(?:[\s_-]date)?|to\s+be\s+reviewed(?:\s+by)?)\b[\s:\-–\t]*([^\n]{3,40})",
    re.IGNORECASE,
)
_LINE_PARTS = re.compile(r"\s+\|\s+|\t+")  # a footer's or a table row's parts
_REVIEW_MARKS = re.compile(r"[*_`|]+")  # Markdown marks, and a table cell's edge
_DAY_MONTH_YEAR = re.compile(r"(\d{1,2})\s*(?:st|nd|rd|th)?\s+([a-z]+)\s+(\d{4})", re.IGNORECASE)
_MONTH_YEAR = re.compile(r"\b([a-z]+)\s+(\d{4})\b", re.IGNORECASE)
_NUMERIC = re.compile(r"\b(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\b")
_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")


def _month_end(year: int, month: int) -> date:
    if month == 12:
        return date(year, 12, 31)
    return date.fromordinal(date(year, month + 1, 1).toordinal() - 1)


def parse_review_date(phrase: str) -> date | None:
    """`10th July 2021` -> 2021-07-10; `April 2024` -> 2024-04-30; `Spring 2020` -> 2020-05-31."""
    if m := _DAY_MONTH_YEAR.search(phrase):
        month = _MONTHS.get(m.group(2).lower())
        if month:
            try:
                return date(int(m.group(3)), month, int(m.group(1)))
            except ValueError:
                return None
    if m := _ISO.search(phrase):
        try:
            return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        except ValueError:
            return None
    if m := _NUMERIC.search(phrase):  # UK order: day/month/year
        try:
            return date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
        except ValueError:
            return None
    if m := _MONTH_YEAR.search(phrase):
        word, year = m.group(1).lower(), int(m.group(2))
        if word in _MONTHS:
            return _month_end(year, _MONTHS[word])
        if word in _SEASON_END:
            month, day = _SEASON_END[word]
            return date(year + (1 if word == "winter" else 0), month, day)
    return None


def find_review_date(text: str) -> tuple[date, str] | None:
    """The first review date a document states, with the document's own words for it."""
    for m in _REVIEW_LINE.finditer(text):
        when = parse_review_date(m.group(1))
        if when is not None:
            # up to the part of the line giving the date: a footer goes on "| Page 3", a tab's stop further
            parts = _LINE_PARTS.split(m.group(0))
            upto = next((n for n, part in enumerate(parts) if parse_review_date(part) is not None), len(parts) - 1)
            # shown to the reader as the policy says it, without its Markdown marks ("**Next review:** May 2025")
            return when, " ".join(_REVIEW_MARKS.sub(" ", " | ".join(parts[: upto + 1])).split())
    return None


# --- titles -----------------------------------------------------------------------------------


# a top-level heading, "# Policy statement #" without its closing #s, and "#Sparrowpit Church ..." as typed
_TOP_HEADING = re.compile(r"^\s{0,3}#(?:\s+|(?=[A-Z]))(.+?)(?:\s+#+)?\s*$", re.MULTILINE)
_FIRST_HEADING = re.compile(r"^\s{0,3}#{1,6}\s*(.+?)(?:\s+#+)?\s*$", re.MULTILINE)
_TITLE_LINE = re.compile(r"\A\s*#{2,6}\s*(.+?)(?:\s+#+)?\s*$", re.MULTILINE)


_KIND_OF_DOCUMENT = re.compile(r"\b(?:polic(?:y|ies)|procedures?|guidance|code of conduct|handbook|protocol)\b", re.I)
_POINTS_AT_ITSELF = re.compile(r"\b(?:this|the)\s+$", re.IGNORECASE)  # "this policy", "the procedure"
_NUMBERING = re.compile(r"^\d+[:.)]?\s+")
_OPENING_FURNITURE = re.compile(r"^(?:page\s*\d+(?:\s*(?:of|/)\s*\d+)?|\d+|v(?:ersion)?\s*[\d.]+)$", re.IGNORECASE)
_ADDRESS = re.compile(
    r"://|\bwww\.|\.(?:com|org|uk)\b|^source\b", re.IGNORECASE
)  # a web address, or where it came from
_MARKUP = re.compile(r"[:*_`#|\[\]]")  # fields and marks a title line never has (":Title: KEY POLICIES")
OPENING_LINES = 12  # a document's title is among its first lines...
TITLE_LINE_WORDS = 8  # ...set in lines this short ("SAFEGUARDING AND CHILD", "PROTECTION POLICY")...
TITLE_WORDS = 14  # ...or one line this long
FIELD_LABELS = 2  # a line with this many labelled fields ("Issued: ... | Review: ...") is no title
_FIELD_LABEL = re.compile(r"(?:^|\|\s*)[A-Z][\w ]{0,25}:\s")
TITLE_LINES = 2  # a line naming the document takes the short line above it into its title (the organisation)


def _title_in_opening(body: str, *, from_first_line: bool = False) -> str:
    """A document's title as its first lines set it: the first run of short lines (or one line)
    that names a kind of document ("Whistleblowing Policy", "CHILD PROTECTION & SAFEGUARDING / POLICY"), up to
    the line naming it; with `from_first_line`, only a run that opens the text. Its metadata is no help
    ("Policy Template", "Word Document")."""
    lines = [" ".join(_NUMBERING.sub("", line).split()) for line in body.splitlines()[: OPENING_LINES * 3]]
    # a page number, a version or a date over the title ("Page 1 of 68", "V1", "March 2020") is not part of it
    lines = [
        line
        for line in lines
        if line and not _OPENING_FURNITURE.match(line) and not _is_date(line) and not _ADDRESS.search(line)
    ][:OPENING_LINES]
    run: list[str] = []
    wrapped = ""  # a longer line just above that named nothing and ended no sentence: a title's first part
    for number, line in enumerate(lines):
        if from_first_line and number > 0 and not run:
            return ""  # the first line began no title
        words = line.split()
        if len(_FIELD_LABEL.findall(line)) >= FIELD_LABELS:
            run, wrapped = [], ""  # "Issued: February 2025 | Review: ... | Policy owner: ..." is fields
            continue
        short = len(words) <= TITLE_LINE_WORDS and not line.endswith((".", ":", ",")) and "…" not in line
        if not short:
            # a longer line naming the document is its title, or ends the title the short lines above begin
            # ("HARTSDALE RUGBY FOOTBALL CLUB" / "Safeguarding and Online Conduct Policy - Mini, Junior and
            # Adult Sections"); a sentence naming a policy ("We adopt the RFU Safeguarding Policy.") is none
            if len(words) <= TITLE_WORDS and not line.endswith(".") and _names_the_document(line):
                return " ".join([*run, line]) if len(run) + 1 <= TITLE_LINES else line
            run, wrapped = [], "" if line.endswith((".", ",")) else line
            continue
        run.append(line)
        if _names_the_document(" ".join(run)):
            title = " ".join(run)
            if wrapped and len(run) == 1 and _KIND_OF_DOCUMENT.fullmatch(line.strip()):
                title = f"{wrapped} {title}"  # "...AND PROFESSIONAL BOUNDARIES" / "PROCEDURE", a title a PDF wrapped
            return title if len(title.split()) <= TITLE_WORDS else ""
    return ""


def _is_date(line: str) -> bool:
    return len(line.split()) <= 4 and parse_review_date(line) is not None


def _names_the_document(text: str) -> bool:
    """Names a kind of document, and not as the label of a field ("Policy Owner: ...") nor as a section's
    heading speaking of it ("WHY WE HAVE THIS POLICY")."""
    found = _KIND_OF_DOCUMENT.search(text)
    return (
        found is not None
        and (found.start() > 0 or len(text.split()) <= 4)
        and not _POINTS_AT_ITSELF.search(text[: found.start()])
    )


def _title_from(text: str, path: Path) -> str:
    """The document's one top-level heading, unless the page's front matter names it otherwise (a site's page
    often starts at its first section, "# Policy statement"); else the file's name."""
    settings, body = split_front_matter(text)
    page_title = page_settings(settings).get("title", "")
    top_headings = _TOP_HEADING.findall(body)
    if not top_headings and (first := _TITLE_LINE.match(body)):
        top_headings = [first.group(1)]  # no top-level heading: a heading on the first line is the title
    if len(top_headings) == 1:  # several are the document's sections, not its title
        heading = re.sub(r"[*_]", "", top_headings[0]).strip()
        # "Child Protection and Safeguarding" under the page title "Child Protection" is the fuller title
        return heading if heading.lower().startswith(page_title.lower()) else page_title
    if page_title:
        return page_title
    # several top-level headings, the first naming the document and its subject ("# Northstowe Karate Club
    # Safeguarding Policy", then "# Policy", "# Purpose"): it is the title, and the others its sections
    first_heading = _FIRST_HEADING.search(body)
    heading = re.sub(r"[*_]", "", first_heading.group(1)).strip() if first_heading else ""
    if (kind := _KIND_OF_DOCUMENT.search(heading)) and kind.start() > 0 and len(heading.split()) <= TITLE_WORDS:
        return heading
    if path.suffix.lower() in (".pdf", ".docx", ".odt", ".rtf") and (opening := _title_in_opening(body)):
        return opening
    # a plain text without Markdown headings, whose first line names it ("SOCIAL MEDIA POLICY")
    if path.suffix.lower() in (".txt", ".md") and first_heading is None:
        opening = _title_in_opening(body, from_first_line=True)
        if opening and not _MARKUP.search(opening):
            return opening
    stem = re.sub(r"[_\-]+", " ", path.stem).strip()
    return stem[:1].upper() + stem[1:] if stem else path.name


# --- loading ----------------------------------------------------------------------------------


def _read_toml(path: Path) -> dict[str, object]:
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except (OSError, tomllib.TOMLDecodeError) as err:
        raise KnowledgeError(f"{path}: cannot be read as TOML ({err})") from None


def _worry_model(folder: Path | None) -> WorryModel | None:
    path = _data_file(folder, "concern_model.json")
    if not path.is_file():
        return None
    try:
        return WorryModel.model_validate_json(path.read_bytes())
    except (OSError, ValidationError) as err:
        raise KnowledgeError(f"{path}: not a concern model ({str(err).splitlines()[0]})") from None


def _validated(path: Path, model: type[M]) -> M:
    try:
        return model.model_validate(_read_toml(path))
    except ValidationError as err:
        first = err.errors()[0]
        place = ".".join(str(part) for part in first["loc"])
        where = f"{place}: " if place else ""  # a check of the whole file (a group's `include`) has no place
        message = first["msg"].removeprefix("Value error, ")  # our own validators' words, as written
        raise KnowledgeError(f"{path}: {where}{message}") from None


def _data_file(folder: Path | None, name: str) -> Path:
    if folder is not None and (folder / name).is_file():
        return folder / name
    return BUNDLED_KNOWLEDGE / name


def _left_by_the_system(name: str) -> bool:
    """A file Word or Windows leaves beside documents, not a policy: Word's lock file while a document is open
    ("~$policy.docx") and its temporary files ("~WRL0001.tmp"), Windows' thumbnails and folder settings."""
    return name.startswith("~") or name.lower() in ("thumbs.db", "desktop.ini")


def _document_files(root: Path) -> tuple[list[Path], list[str]]:
    files: list[Path] = []
    problems: list[str] = []
    for path in sorted(root.rglob("*")):
        relative = path.relative_to(root)
        if any(part.startswith(".") for part in relative.parts) or not path.is_file():
            continue
        if path.name in DATA_FILES or path.name.lower().startswith("readme") or _left_by_the_system(path.name):
            continue
        if path.suffix.lower() in SUPPORTED:
            files.append(path)
        else:
            problems.append(f"{path}: skipped, {unsupported(path.suffix)}")
    return files, problems


def load_knowledge(path: Path) -> KnowledgeBase:
    """Load a knowledge folder, or a single policy file, into clauses ready to index."""
    if not path.exists():
        raise KnowledgeError(f"{path}: no such file or folder")
    folder = path if path.is_dir() else None
    if folder is not None:
        files, problems = _document_files(folder)
        manifest_path = folder / "manifest.toml"
    else:
        files, problems = [path], []
        # a file inside a knowledge folder (knowledge/documents/x.txt) is named by that folder's manifest
        candidates = [path.parent / "manifest.toml", path.parent.parent / "manifest.toml"]
        manifest_path = next((c for c in candidates if c.is_file()), candidates[0])
    manifest = Manifest()
    if manifest_path.is_file():
        manifest = _validated(manifest_path, Manifest)
    entries = {entry.file: entry for entry in manifest.document}

    documents: list[DocumentInfo] = []
    clauses: list[Clause] = []
    for file in files:
        try:
            document = read_document(file)
        except UnreadableDocument as err:
            if folder is None:
                raise
            problems.append(str(err))
            continue
        info = _document_info(file, document, entries.get(file.name))
        raw = segment(document.text)
        raw += _margin_clauses(document.margins) if raw else []
        if not raw:
            problems.append(f"{file}: no clauses found")
            continue
        documents.append(info)
        clauses.extend(
            Clause(
                document=info.title,
                source=info.source,
                ref=item.ref,
                heading=item.heading,
                context=item.context,
                text=item.text,
                label=item.label,
                position=index,
            )
            for index, item in enumerate(raw)
        )
    if not clauses:
        detail = "; ".join(problems) if problems else f"no {SUPPORTED_NAMES} files"
        raise KnowledgeError(f"{path}: no policy text could be loaded ({detail})")
    vocabulary = _validated(_data_file(folder, "vocabulary.toml"), Vocabulary)
    concerns = _validated(_data_file(folder, "concerns.toml"), ConcernLexicon)
    return KnowledgeBase(
        documents=tuple(documents),
        clauses=tuple(clauses),
        vocabulary=vocabulary,
        concerns=concerns,
        worry_model=_worry_model(folder),
        problems=tuple(problems),
    )


MARGINS_HEADING = "Page header and footer"


def _margin_clauses(margins: str) -> list[RawClause]:
    """The lines of a document's running header and footer that give contact details ("Worried about a child?
    Call our DSL, Sam Jones, on 07700 900123"), each a clause under a heading saying where it stands. The rest
    of them, the policy's name and its page numbers, answers nothing."""
    lines = [line for line in margins.splitlines() if gives_contact_details(line)]
    return segment(f"## {MARGINS_HEADING}\n\n" + "\n\n".join(lines)) if lines else []  # "#" would title the document


def _document_info(file: Path, document: DocumentText, entry: ManifestEntry | None) -> DocumentInfo:
    text = document.text
    # a review date stated in the text, else in a page's running footer ("Review date: May 2021 | Page 3")
    stated = find_review_date(text) or find_review_date(document.margins)
    if entry is not None:
        review_date = entry.review_date or (stated[0] if stated else None)
        review_text = entry.review_text or (stated[1] if stated else "")
        return DocumentInfo(
            title=entry.title,
            source=file.name,
            organisation=entry.organisation,
            review_date=review_date,
            review_text=review_text,
        )
    return DocumentInfo(
        title=_title_from(text, file),
        source=file.name,
        review_date=stated[0] if stated else None,
        review_text=stated[1] if stated else "",
    )
