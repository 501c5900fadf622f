"""Reading OpenDocument text (.odt) policies: a real LibreOffice file, and files the tests write part by part."""

from __future__ import annotations

import zipfile
from datetime import date
from pathlib import Path

import pytest

from assistant.answers import PolicyAdvisor
from assistant.documents import read_document
from assistant.errors import UnreadableDocument
from assistant.knowledge import load_knowledge

NAMESPACES = " ".join(
    f'xmlns:{prefix}="urn:oasis:names:tc:opendocument:xmlns:{name}"'
    for prefix, name in [
        ("office", "office:1.0"),
        ("style", "style:1.0"),
        ("text", "text:1.0"),
        ("table", "table:1.0"),
        ("draw", "drawing:1.0"),
        ("fo", "xsl-fo-compatible:1.0"),
    ]
)


def write_odt(path: Path, body: str, *, styles: str = "", automatic: str = "", master: str = "") -> Path:
    """An .odt package as LibreOffice lays one out: the mimetype first and stored, then the XML parts."""
    content = (
        f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {NAMESPACES} office:version="1.3">'
        f"<office:automatic-styles>{automatic}</office:automatic-styles>"
        f"<office:body><office:text>{body}</office:text></office:body></office:document-content>"
    )
    style_part = (
        f'<?xml version="1.0" encoding="UTF-8"?><office:document-styles {NAMESPACES} office:version="1.3">'
        f"<office:styles>{styles}</office:styles><office:master-styles>{master}</office:master-styles>"
        "</office:document-styles>"
    )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.text")
        package.writestr("content.xml", content)
        package.writestr("styles.xml", style_part)
    return path


def paragraphs(*texts: str) -> str:
    return "".join(f"<text:p>{text}</text:p>" for text in texts)


def test_a_libreoffice_odt_reads_its_numbers_table_footer_and_title(tmp_path: Path) -> None:
    # a real writer's file (see tests/core/data/README.md): numbers LibreOffice draws, not in the text
    knowledge = load_knowledge(Path(__file__).parent / "data" / "libreoffice-numbered-lists.odt")
    (document,) = knowledge.documents
    assert document.title == "Kestrel Lane Youth Club Online Safety Policy"
    assert document.review_date == date(2025, 9, 1)  # stated in the page footer only
    clauses = [(clause.label, clause.context, clause.text) for clause in knowledge.clauses]
    assert clauses[0] == ("1.", "", "Staff must only contact young people through the club's own accounts.")
    assert ("", "", "Some text between the lists.") in clauses
    # the list going on after the paragraph between keeps its number, as LibreOffice draws it
    assert ("4.", "", "Group chats are closed at 9pm.") in clauses
    # the footnote's words are not the rule's
    assert ("3.", "", "Messages must be sent in the club's group chats, never one to one.") in clauses
    assert clauses[-2:] == [
        ("", "Role | Name | Phone", "Designated Safeguarding Lead | Asha Patel | 07700 900461"),
        ("", "Role | Name | Phone", "Deputy DSL | Tom Reyes | 07700 900462"),
    ]
    answer = PolicyAdvisor(knowledge, contact="the DSL").answer_now("whats the deputy's number")
    assert answer.hits[0].clause.text == "Deputy DSL | Tom Reyes | 07700 900462"


LIST_STYLE = (
    '<text:list-style style:name="Numbering">'
    '<text:list-level-style-number text:level="1" style:num-format="1" style:num-suffix="."/>'
    '<text:list-level-style-number text:level="2" style:num-format="1" text:display-levels="2"/>'
    '<text:list-level-style-number text:level="3" style:num-format="a" style:num-suffix=")"/>'
    "</text:list-style>"
    '<text:list-style style:name="Bullets"><text:list-level-style-bullet text:level="1" text:bullet-char="•"/>'
    "</text:list-style>"
)


def item(text: str, inner: str = "") -> str:
    return f"<text:list-item><text:p>{text}</text:p>{inner}</text:list-item>"


def test_odt_lists_are_numbered_as_they_are_drawn_at_every_level(tmp_path: Path) -> None:
    body = (
        "<text:h text:outline-level='1'>Contact</text:h>"
        '<text:list text:style-name="Numbering">'
        + item("Staff use the club's accounts only.")
        + item(
            "Friend requests",
            "<text:list>"
            + item("Staff must not accept friend requests from members.")
            + item(
                "Staff must decline a request without comment.",
                "<text:list>" + item("This applies to former members under 18.") + "</text:list>",
            )
            + "</text:list>",
        )
        + "</text:list>"
        + paragraphs("Parents are members of each group chat.")
        + '<text:list text:style-name="Numbering" text:continue-numbering="true">'
        + item("Chats close at 9pm.")
        + "</text:list>"
        + '<text:list text:style-name="Numbering">'
        + item("A new list starts again.")
        + '<text:list-item text:start-value="7"><text:p>And can be told where to start.</text:p></text:list-item>'
        + "</text:list>"
        + '<text:list text:style-name="Bullets">'
        + item("Photos are taken on the club camera.")
        + "</text:list>"
    )
    text = read_document(write_odt(tmp_path / "lists.odt", body, styles=LIST_STYLE)).text
    assert text.strip().split("\n\n") == [
        "# Contact",
        "1. Staff use the club's accounts only.",
        "2. Friend requests",
        "  2.1 Staff must not accept friend requests from members.",
        "  2.2 Staff must decline a request without comment.",
        "    a) This applies to former members under 18.",
        "Parents are members of each group chat.",
        "3. Chats close at 9pm.",  # the list before goes on, as the document says
        "1. A new list starts again.",
        "7. And can be told where to start.",
        "- Photos are taken on the club camera.",
    ]


def test_odt_headings_numbered_by_outline_under_a_title_and_bold_titles(tmp_path: Path) -> None:
    styles = (
        '<style:style style:name="Title" style:family="paragraph"/>'
        '<style:style style:name="Strong" style:family="text"><style:text-properties fo:font-weight="bold"/>'
        "</style:style>"
        '<text:outline-style style:name="Outline">'
        '<text:outline-level-style text:level="1" style:num-format="1" style:num-suffix="."/>'
        '<text:outline-level-style text:level="2" style:num-format=""/>'
        "</text:outline-style>"
    )
    body = (
        '<text:p text:style-name="Title">Riverside Youth Club Safeguarding Policy</text:p>'
        "<text:h text:outline-level='1'>Photographs</text:h>"
        + paragraphs("Photos are taken on the club camera only.")
        + '<text:p><text:span text:style-name="Strong">Sharing photos</text:span></text:p>'
        + paragraphs("Photos are never posted with a child's full name.")
        + "<text:h text:outline-level='1'>Contact</text:h>"
        + "<text:h text:outline-level='2'>Messages</text:h>"
        + paragraphs("Staff never message a child one to one.")
    )
    knowledge = load_knowledge(write_odt(tmp_path / "headings.odt", body, styles=styles))
    assert knowledge.documents[0].title == "Riverside Youth Club Safeguarding Policy"
    headings = {clause.text: clause.heading for clause in knowledge.clauses}
    assert headings["Photos are taken on the club camera only."] == "1 Photographs"
    assert headings["Photos are never posted with a child's full name."] == "1 Photographs › Sharing photos"
    assert headings["Staff never message a child one to one."] == "2 Contact › Messages"


def test_odt_text_reads_as_it_shows_without_notes_comments_deletions_or_contents(tmp_path: Path) -> None:
    body = (
        "<text:tracked-changes><text:changed-region text:id='c1'><text:deletion>"
        "<text:p>Staff may accept friend requests from parents.</text:p>"
        "</text:deletion></text:changed-region></text:tracked-changes>"
        "<text:table-of-content><text:index-body>"
        + paragraphs("Photographs\t2", "Contact\t3")
        + "</text:index-body></text:table-of-content>"
        "<text:h text:outline-level='1'>Photographs</text:h>"
        "<text:p>Staff<text:s text:c='2'/>must not<text:change text:change-id='c1'/> post photos"
        "<office:annotation><text:p>Check this with the DSL</text:p></office:annotation>"
        " of <text:span>young people</text:span> on their own"
        "<text:note><text:note-citation>1</text:note-citation><text:note-body><text:p>Or anyone else's.</text:p>"
        "</text:note-body></text:note> accounts.<text:line-break/>Photos are deleted each term."
        "<draw:frame><draw:text-box><text:p>DSL: Sam Jones, 07700 900123</text:p></draw:text-box></draw:frame></text:p>"
        "<text:section>"
        + paragraphs("Staff must not give young people their personal phone numbers.")
        + "</text:section>"
    )
    text = read_document(write_odt(tmp_path / "shown.odt", body)).text
    assert text.strip().split("\n\n") == [
        "# Photographs",
        "Staff  must not post photos of young people on their own accounts.\nPhotos are deleted each term.",
        "DSL: Sam Jones, 07700 900123",  # a text box, read after the paragraph it stands by
        "Staff must not give young people their personal phone numbers.",
    ]


def test_odt_table_merged_cells_count_once_and_a_merged_row_titles_the_rows_under_it(tmp_path: Path) -> None:
    def row(*cells: str) -> str:
        return "<table:table-row>" + "".join(f"<table:table-cell>{paragraphs(c)}</table:table-cell>" for c in cells)

    body = (
        "<table:table><table:table-header-rows>"
        + row("Role", "Name", "Phone")
        + "</table:table-row></table:table-header-rows>"
        + '<table:table-row><table:table-cell table:number-columns-spanned="3"><text:p>Out of hours</text:p>'
        + "</table:table-cell><table:covered-table-cell/><table:covered-table-cell/></table:table-row>"
        + row("Duty manager", "Alex Kim", "07700 900777")
        + "</table:table-row>"
        + row("On-call DSL", "Sam Jones", "07700 900123")
        + "</table:table-row></table:table>"
    )
    text = read_document(write_odt(tmp_path / "table.odt", body)).text
    assert text.split("\n") == [
        "Role | Name | Phone",
        "",
        "Out of hours",
        "",
        "Duty manager | Alex Kim | 07700 900777",
        "On-call DSL | Sam Jones | 07700 900123",
        "",
    ]
    contacts = [(clause.heading, clause.text) for clause in load_knowledge(tmp_path / "table.odt").clauses]
    assert contacts == [  # a row each, titled by the merged row, as a Word table's are
        ("Out of hours", "Duty manager | Alex Kim | 07700 900777"),
        ("Out of hours", "On-call DSL | Sam Jones | 07700 900123"),
    ]


def test_an_odt_pages_footer_gives_its_review_date_and_quotes_its_contact_line(tmp_path: Path) -> None:
    footer = "Worried about a child? Call our DSL, Sam Jones, on 07700 900123"
    master = (
        '<style:master-page style:name="Standard"><style:header><text:p>Riverside Youth Club</text:p></style:header>'
        f"<style:footer><text:p>Review date: May 2021<text:tab/>Page 1</text:p><text:p>{footer}</text:p>"
        "</style:footer></style:master-page>"
    )
    body = paragraphs("Staff must never accept friend requests from young people.")
    knowledge = load_knowledge(write_odt(tmp_path / "footer.odt", body, master=master))
    assert knowledge.documents[0].review_date == date(2021, 5, 31)
    assert [(clause.heading, clause.text) for clause in knowledge.clauses] == [
        ("", "Staff must never accept friend requests from young people."),
        ("Page header and footer", footer),
    ]


def _zip(path: Path, parts: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as package:
        for name, data in parts.items():
            package.writestr(name, data)
    return path


SPREADSHEET = f"<office:document-content {NAMESPACES}><office:body><office:spreadsheet/></office:body>".encode()


@pytest.mark.parametrize(
    ("parts", "why"),
    [
        (None, r"is not a valid OpenDocument \(.odt\) file"),
        ({"styles.xml": b"<x/>"}, r"is not a valid OpenDocument \(.odt\) file \(it has no content.xml\)"),
        ({"content.xml": b"<office:document-content"}, r"is damaged \(its content.xml cannot be read\)"),
        ({"content.xml": SPREADSHEET + b"</office:document-content>"}, "is an OpenDocument file without text"),
        # saved with a password: LibreOffice lists its parts' encryption in the manifest
        (
            {"META-INF/manifest.xml": b"<manifest:encryption-data/>", "content.xml": b"\x93\x1f scrambled"},
            r"is a password-protected OpenDocument file \(save a copy without the password\)",
        ),
        # a zip bomb: 70 MB of XML packed into 70 kB
        (
            {"content.xml": b"<a>" + b" " * 70_000_000 + b"</a>"},
            r"is too large to read \(content.xml unpacks to 66 MB\)",
        ),
    ],
)
def test_a_damaged_or_wrong_odt_is_named_with_why(tmp_path: Path, parts: dict[str, bytes] | None, why: str) -> None:
    path = tmp_path / "policy.odt"
    if parts is None:
        path.write_bytes(b"PK\x03\x04 not really a zip")
    else:
        _zip(path, parts)
    with pytest.raises(UnreadableDocument, match=rf"policy\.odt: {why}"):
        load_knowledge(path)


def test_an_odt_declaring_an_entity_never_reads_the_file_it_names(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("the lead's home address")
    content = (
        f'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY leak SYSTEM "file://{secret}">]>'
        f"<office:document-content {NAMESPACES}><office:body><office:text>"
        "<text:p>Staff must not share &leak; addresses.</text:p>"
        "</office:text></office:body></office:document-content>"
    )
    knowledge = load_knowledge(_zip(tmp_path / "policy.odt", {"content.xml": content.encode()}))
    assert [clause.text for clause in knowledge.clauses] == ["Staff must not share addresses."]


def test_an_odt_with_damaged_numbers_in_its_markup_still_reads(tmp_path: Path) -> None:
    # a run of spaces, a heading level and a list's start as a damaged or hostile file may give them
    body = (
        "<text:h text:outline-level='999999'>Photographs</text:h>"
        "<text:p>Staff<text:s text:c='99999999'/>must not<text:s text:c='lots'/>post photos.</text:p>"
        '<text:list text:style-name="Roman"><text:list-item text:start-value="x"><text:p>One.</text:p></text:list-item>'
        '<text:list-item text:start-value="5000000"><text:p>Two.</text:p></text:list-item></text:list>'
    )
    styles = (
        '<text:list-style style:name="Roman">'
        '<text:list-level-style-number text:level="1" style:num-format="i" style:num-suffix="."/></text:list-style>'
    )
    text = read_document(write_odt(tmp_path / "damaged.odt", body, styles=styles)).text
    assert text.strip().split("\n\n") == [
        "###### Photographs",
        f"Staff{' ' * 100}must not post photos.",
        "i. One.",
        "5000000. Two.",
    ]
