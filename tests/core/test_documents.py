"""Reading .docx, .pdf and web-page policies made by the tests, and folders with bad files in them (.odt: test_odt)."""

from __future__ import annotations

import codecs
import textwrap
import zipfile
from datetime import date
from pathlib import Path
from typing import Any

import docx
import pytest
from docx.document import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from docx.text.paragraph import Paragraph
from pypdf import PageObject, PdfWriter

from assistant.answers import PolicyAdvisor
from assistant.documents import read_document
from assistant.errors import KnowledgeError, UnreadableDocument
from assistant.knowledge import load_knowledge
from assistant.pdf_tables import find_tables


def make_docx(path: Path) -> None:
    document = docx.Document()
    document.add_heading("Riverside Youth Club - Social Media Policy", level=1)
    document.add_heading("Contact with young people", level=2)
    document.add_paragraph("Staff must not accept friend requests from young people on personal accounts.")
    document.add_paragraph("Staff should use the club's work phone to message parents.")
    document.add_heading("Photographs", level=2)
    document.add_paragraph(
        "Photos of young people may only be posted on the club's official page.", style="List Bullet"
    )
    document.add_paragraph("Written parental consent is needed before any photo is posted.", style="List Bullet")
    document.save(str(path))


def _pdf_escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def make_pdf(path: Path, pages: list[list[str]]) -> None:
    """A minimal valid PDF, one text line per entry, each page its own content stream."""
    streams = []
    for lines in pages:
        ops = ["BT", "/F1 11 Tf", "14 TL", "50 740 Td"]
        ops += [f"({_pdf_escape(line)}) Tj T*" for line in lines]
        streams.append("\n".join([*ops, "ET"]))
    _write_pdf(path, streams)


Cell = list[str]  # a table cell's lines, as it wraps them


def make_table_pdf(path: Path, pages: list[tuple[list[str], list[list[Cell]], list[str]]]) -> None:
    """A PDF whose pages each have lines of text, a table, and more lines, drawn as a word processor draws
    them: each cell's lines at its column's place, cell after cell, a row under the tallest cell above it."""
    columns = [50, 190, 330, 440]
    streams = []
    for before, rows, after in pages:
        lines: list[tuple[int, int, str]] = []  # x, y, text
        top = 740
        for line in before:
            lines.append((50, top, line))
            top -= 14
        for row in rows:
            for column, cell in zip(columns, row, strict=False):
                lines += [(column, top - 12 * number, text) for number, text in enumerate(cell)]
            top -= 12 * max(len(cell) for cell in row) + 4
        for line in after:
            top -= 10
            lines.append((50, top, line))
        ops = [f"BT /F1 10 Tf 1 0 0 1 {x} {y} Tm ({_pdf_escape(text)}) Tj ET" for x, y, text in lines]
        streams.append("\n".join(ops))
    _write_pdf(path, streams)


def _write_pdf(path: Path, streams: list[str]) -> None:
    """A minimal valid PDF of these pages' content streams, in Helvetica."""
    objects: list[bytes] = []
    page_ids = [3 + 2 * i for i in range(len(streams))]
    font_id = 3 + 2 * len(streams)
    objects.append(b"<< /Type /Catalog /Pages 2 0 R >>")
    kids = " ".join(f"{pid} 0 R" for pid in page_ids)
    objects.append(f"<< /Type /Pages /Kids [{kids}] /Count {len(streams)} >>".encode())
    for index, content in enumerate(streams):
        content_id = page_ids[index] + 1
        objects.append(
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents {content_id} 0 R "
            f"/Resources << /Font << /F1 {font_id} 0 R >> >> >>".encode()
        )
        stream = content.encode("latin-1")
        objects.append(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
    objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{offset:010d} 00000 n \n".encode() for offset in offsets)
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    path.write_bytes(bytes(out))


def test_a_word_documents_own_table_of_contents_is_not_read(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_heading("Riverside Youth Club - Social Media Policy", level=0)
    document.styles.add_style("TOC 1", WD_STYLE_TYPE.PARAGRAPH)
    for number, title in enumerate(["Contact with young people", "Photographs", "Reporting a concern"], start=2):
        document.add_paragraph(f"{title}\t{number}", style="TOC 1")
    document.add_heading("Contact with young people", level=1)
    document.add_paragraph("Staff must not accept friend requests from young people on personal accounts.")
    document.save(str(tmp_path / "policy.docx"))
    texts = [clause.text for clause in load_knowledge(tmp_path / "policy.docx").clauses]
    assert texts == ["Staff must not accept friend requests from young people on personal accounts."]


def content_control(gallery: str, paragraphs: list[tuple[str, str]]) -> Any:
    """A Word content control (w:sdt) of a building-block gallery ("Cover Pages") holding these paragraphs,
    each (its style's id, its text)."""
    inner = "".join(
        f'<w:p><w:pPr><w:pStyle w:val="{style}"/></w:pPr><w:r><w:t>{text}</w:t></w:r></w:p>'
        for style, text in paragraphs
    )
    return parse_xml(
        f'<w:sdt {nsdecls("w")}><w:sdtPr><w:docPartObj><w:docPartGallery w:val="{gallery}"/></w:docPartObj>'
        f"</w:sdtPr><w:sdtContent>{inner}</w:sdtContent></w:sdt>"
    )


def test_a_word_documents_cover_page_in_a_content_control_is_read_and_its_contents_list_is_not(
    tmp_path: Path,
) -> None:
    # Word's cover pages and its table of contents stand in content controls, which python-docx passes over:
    # the title and the review date on the cover were lost, so a stale policy was quoted without a warning
    document = docx.Document()
    document.add_heading("Contact with young people", level=1)
    document.add_paragraph("Staff must not accept friend requests from young people on personal accounts.")
    body = document.element.body
    contents = [("TOCHeading", "Contents"), ("TOC1", "Contact with young people 2")]
    cover = [("Title", "Riverside Youth Club Social Media Policy"), ("Normal", "Review date: May 2021")]
    body.insert(0, content_control("Table of Contents", contents))
    body.insert(0, content_control("Cover Pages", cover))
    document.save(str(tmp_path / "policy.docx"))
    knowledge = load_knowledge(tmp_path / "policy.docx")
    assert knowledge.documents[0].title == "Riverside Youth Club Social Media Policy"
    assert knowledge.documents[0].review_text == "Review date: May 2021"
    texts = [clause.text for clause in knowledge.clauses]
    assert "Staff must not accept friend requests from young people on personal accounts." in texts
    assert not any(text.endswith(" 2") or text == "Contents" for text in texts)


def _in_control(xml: str) -> str:
    return f"<w:sdt><w:sdtPr/><w:sdtContent>{xml}</w:sdtContent></w:sdt>"


def _word_cell(text: str) -> str:
    return f"<w:tc><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:tc>"


def test_a_word_templates_fields_and_repeating_rows_in_a_table_are_read(tmp_path: Path) -> None:
    # a model policy's contacts table filled in through content controls: python-docx's rows and cells pass over
    # a repeating section's rows, a control around a cell and a control around a cell's paragraph, so the
    # names the organisation typed in were lost
    document = docx.Document()
    document.add_heading("Key contacts", level=1)
    filled_in = _in_control("<w:p><w:r><w:t>Helen Marsh, 01632 960211</w:t></w:r></w:p>")
    rows = (
        f"<w:tr>{_word_cell('Role')}{_word_cell('Contact')}</w:tr>"
        f"<w:tr>{_word_cell('Designated Safeguarding Lead')}<w:tc>{filled_in}</w:tc></w:tr>"
        + _in_control(
            f"<w:tr>{_word_cell('Deputy DSL')}{_in_control(_word_cell('Tom Adeyemi, 01632 960212'))}</w:tr>"
            f"<w:tr>{_word_cell('LADO')}{_word_cell('01632 960755')}</w:tr>"
        )
    )
    document.element.body.insert(
        len(document.element.body) - 1, parse_xml(f"<w:tbl {nsdecls('w')}><w:tblPr/>{rows}</w:tbl>")
    )
    # and a paragraph a template binds to its data, in a custom XML element
    document.element.body.insert(
        len(document.element.body) - 1,
        parse_xml(
            f'<w:customXml {nsdecls("w")} w:element="rule"><w:p><w:r>'
            "<w:t>The DSL is on call during every session.</w:t></w:r></w:p></w:customXml>"
        ),
    )
    document.save(str(tmp_path / "policy.docx"))
    clauses = load_knowledge(tmp_path / "policy.docx").clauses
    assert [(clause.context, clause.text) for clause in clauses] == [
        ("Role | Contact", "Designated Safeguarding Lead | Helen Marsh, 01632 960211"),
        ("Role | Contact", "Deputy DSL | Tom Adeyemi, 01632 960212"),
        ("Role | Contact", "LADO | 01632 960755"),
        ("", "The DSL is on call during every session."),
    ]


def test_a_review_date_in_a_word_or_pdf_files_footer_is_the_documents_and_no_clause(tmp_path: Path) -> None:
    # the footer is where many policies state it: a stale policy was quoted without a warning
    document = docx.Document()
    document.add_heading("Riverside Youth Club Social Media Policy", level=0)
    document.add_paragraph("Staff must never accept friend requests from young people.")
    document.sections[0].footer.paragraphs[0].text = "Review date: May 2021\tPage 1"
    document.save(str(tmp_path / "policy.docx"))
    rules = [
        "Staff must never accept friend requests from young people.",
        "Photos of members are taken only on the club camera.",
        "Every concern is reported to the Welfare Officer the same day.",
    ]
    make_pdf(
        tmp_path / "policy.pdf",
        [
            ["Riverside Youth Club Social Media Policy", rule, f"Review date: May 2021 | Page {n}"]
            for n, rule in enumerate(rules, 1)
        ],
    )
    for name in ("policy.docx", "policy.pdf"):
        knowledge = load_knowledge(tmp_path / name)
        assert (knowledge.documents[0].review_date, knowledge.documents[0].review_text) == (
            date(2021, 5, 31),
            "Review date: May 2021",
        ), name
        assert not any("Review date" in clause.text for clause in knowledge.clauses), name


def test_a_word_document_under_review_reads_with_its_tracked_changes_accepted(tmp_path: Path) -> None:
    document = docx.Document()
    paragraph = document.add_paragraph("Staff must not ")
    stamp = 'w:id="{}" w:author="DSL" w:date="2025-01-06T09:00:00Z"'
    paragraph._p.append(parse_xml(f"<w:ins {nsdecls('w')} {stamp.format(1)}><w:r><w:t>ever </w:t></w:r></w:ins>"))
    paragraph.add_run("post photos")
    paragraph._p.append(
        parse_xml(f"<w:del {nsdecls('w')} {stamp.format(2)}><w:r><w:delText> of anyone</w:delText></w:r></w:del>")
    )
    paragraph.add_run(" of children.")
    document.save(str(tmp_path / "policy.docx"))
    (clause,) = load_knowledge(tmp_path / "policy.docx").clauses
    assert clause.text == "Staff must not ever post photos of children."


TEXT_BOX = """<w:r {ns}><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor><a:graphic><a:graphicData>
<wps:wsp><wps:txbx><w:txbxContent><w:p><w:r><w:t>Designated Safeguarding Lead: Jo Bloggs, 07700 900123</w:t></w:r></w:p>
</w:txbxContent></wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice><mc:Fallback><w:pict>
<v:rect><v:textbox><w:txbxContent><w:p><w:r><w:t>Designated Safeguarding Lead: Jo Bloggs, 07700 900123</w:t></w:r></w:p>
</w:txbxContent></v:textbox></v:rect></w:pict></mc:Fallback></mc:AlternateContent></w:r>"""


def test_a_word_documents_text_box_is_read_once_after_the_paragraph_it_stands_by(tmp_path: Path) -> None:
    # the safeguarding lead boxed on a policy's front page, as Word saves a box: twice, once for older readers
    document = docx.Document()
    document.add_heading("Riverside Youth Club - Safeguarding Policy", level=0)
    document.add_heading("Who to contact", level=1)
    anchor = document.add_paragraph("Report any concern the same day.")
    extra = (
        'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
        'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
        'xmlns:v="urn:schemas-microsoft-com:vml"'
    )
    anchor._p.append(parse_xml(TEXT_BOX.format(ns=f"{nsdecls('w', 'wp', 'a')} {extra}")))
    document.save(str(tmp_path / "policy.docx"))
    texts = [(clause.heading, clause.text) for clause in load_knowledge(tmp_path / "policy.docx").clauses]
    assert texts == [
        ("Who to contact", "Report any concern the same day."),
        ("Who to contact", "Designated Safeguarding Lead: Jo Bloggs, 07700 900123"),
    ]


def test_a_word_document_keeps_headings_lists_and_words(tmp_path: Path) -> None:
    make_docx(tmp_path / "riverside.docx")
    knowledge = load_knowledge(tmp_path / "riverside.docx")
    assert knowledge.documents[0].title == "Riverside Youth Club - Social Media Policy"
    texts = {c.text: c for c in knowledge.clauses}
    clause = texts["Staff must not accept friend requests from young people on personal accounts."]
    assert clause.heading == "Contact with young people"
    assert clause.source == "riverside.docx"
    photos = next(c for c in knowledge.clauses if "official page" in c.text)
    assert photos.heading == "Photographs"
    consent = texts["Written parental consent is needed before any photo is posted."]  # each bullet a rule
    assert consent.heading == "Photographs"


def test_a_pdf_repairs_the_sentence_split_across_its_pages(tmp_path: Path) -> None:
    make_pdf(
        tmp_path / "policy.pdf",
        [
            ["1. Contact", "1.1 Staff must never add a young person as a friend on", "Page 1 of 2"],
            ["social media or reply to their direct messages.", "1.2 Staff must report any contact at once."],
        ],
    )
    clauses = load_knowledge(tmp_path / "policy.pdf").clauses
    refs = {c.ref: c.text for c in clauses}
    assert refs["1.1"] == (
        "Staff must never add a young person as a friend on social media or reply to their direct messages."
    )
    assert refs["1.2"] == "Staff must report any contact at once."
    assert not any("Page 1" in c.text for c in clauses)


def test_a_pdf_given_one_word_a_line_reads_as_its_sentences_with_every_word(tmp_path: Path) -> None:
    # as a Google Docs export comes out of pypdf: every word on a line of its own, page after page
    pages = [
        [
            f"Safeguarding rule {page}.{n}: Safeguarding concerns are reported to the Safeguarding Lead by the end "
            f"of session {n} on day {page}."
            for n in range(1, 4)
        ]
        for page in range(1, 4)
    ]
    make_pdf(tmp_path / "policy.pdf", [" ".join(sentences).split() for sentences in pages])
    texts = " ".join(clause.text for clause in load_knowledge(tmp_path / "policy.pdf").clauses)
    # no word is lost as a "running header" for being on every page
    assert "Safeguarding concerns are reported to the Safeguarding Lead by the end of session 2 on day 3." in texts


def test_a_pdf_with_no_blank_lines_keeps_its_paragraphs_and_titles_apart(tmp_path: Path) -> None:
    # as LibreOffice writes a PDF and pypdf reads it: no blank line between paragraphs, and a space
    # left at the end of each wrapped line but not at a paragraph's or a title's end
    make_pdf(
        tmp_path / "policy.pdf",
        [
            [
                "Personal allowances of residents are held in the office safe. Every withdrawal is ",
                "signed for by two members of staff and a receipt is kept. Staff must never hold ",
                "the bank card or PIN of a resident.",
                "TRANSPORT AND OUTINGS",
                "Residents are taken to hospital and GP appointments in the minibus of the home or by ",
                "taxi, with a member of staff as escort. Staff must not take residents out in ",
                "their own car unless the Registered Manager has agreed in advance.",
                "Drivers must hold business use insurance and show it to the office once a year, ",
                "before their first trip with a resident.",
                "- If a minibus breaks down, seek help from the driver on duty, the office, or the ",
                "recovery service",
                "Incidents",  # a title after a list item that ends no sentence, over a wrapped paragraph
                "Any accident on an outing is reported to the Registered Manager the same day, and ",
                "written up in the log.",
            ]
        ],
    )
    clauses = load_knowledge(tmp_path / "policy.pdf").clauses
    assert [(c.heading, c.text[:40]) for c in clauses] == [
        ("", "Personal allowances of residents are hel"),
        ("TRANSPORT AND OUTINGS", "Residents are taken to hospital and GP a"),
        ("TRANSPORT AND OUTINGS", "Drivers must hold business use insurance"),
        ("Incidents", "Any accident on an outing is reported to"),
    ]
    assert clauses[2].text.endswith("or the recovery service")  # the list item, under its paragraph
    assert clauses[1].text.endswith(
        "Staff must not take residents out in their own car unless the Registered Manager has agreed in advance."
    )


def test_a_short_pdfs_running_header_and_footer_are_dropped_and_the_sentence_they_cut_goes_on(tmp_path: Path) -> None:
    # three pages, so each line repeats only three times: too few for the repeated-line rule of text files
    header, footer = "Lantern Young Carers Social Media | Version 2.1", "Page {} | Uncontrolled when printed"
    make_pdf(
        tmp_path / "policy.pdf",
        [
            [
                header,
                "1. Messages",
                "1.1 If a message suggests a young carer is in danger, call 999 and give",
                footer.format(1),
            ],
            [
                header,
                "the details, then leave a message for the DSL.",
                "1.2 Do not message back and forth.",
                footer.format(2),
            ],
            [header, "2. Groups", "2.1 We do not put young carers into WhatsApp groups.", footer.format(3)],
        ],
    )
    clauses = load_knowledge(tmp_path / "policy.pdf").clauses
    assert {c.ref: c.text for c in clauses} == {
        "1.1": "If a message suggests a young carer is in danger, call 999 and give the details, then leave a message "
        "for the DSL.",
        "1.2": "Do not message back and forth.",
        "2.1": "We do not put young carers into WhatsApp groups.",
    }


def test_an_email_address_a_pdfs_table_cell_broke_across_lines_is_whole(tmp_path: Path) -> None:
    make_pdf(
        tmp_path / "contacts.pdf",
        [
            [
                "Who to contact",
                "Designated Safeguarding Lead Helen Marsh 01632 960211 dsl@eastgatemu",
                "sic.example.org",
                "Data Protection Lead Anne Forsyth data@hartshirecricket.",
                "example",
                "Chair Robert Eames chair@club.example.org",
                "Staff must report any concern the same day. Write to safeguarding@club.example.org.",
                "Safeguarding Officers",
                "Each event has one.",
            ]
        ],
    )
    text = " ".join(c.text for c in load_knowledge(tmp_path / "contacts.pdf").clauses)
    assert "dsl@eastgatemusic.example.org" in text
    assert "data@hartshirecricket.example" in text
    assert "chair@club.example.org Staff must report" in text  # a whole address, then the next line's words
    assert "safeguarding@club.example.org.Safeguarding" not in text  # an address ending a sentence, then a title


def test_letters_a_pdf_joined_or_split_with_invisible_marks_are_plain_letters(tmp_path: Path) -> None:
    # text copied out of a PDF keeps its ligatures: "ﬁ" is one character, and split the word it was in
    (tmp_path / "policy.txt").write_text(
        "Conﬁdentiality\n\nThe Designated Safeguarding Ofﬁcer keeps records conﬁdential and ﬂags any concern.\n",
        encoding="utf-8",
    )
    (clause,) = load_knowledge(tmp_path / "policy.txt").clauses
    assert clause.text == "The Designated Safeguarding Officer keeps records confidential and flags any concern."
    assert clause.heading == "Confidentiality"
    # marks that show nothing split words too: Word's optional hyphen (at a line's end, the word goes on), a
    # web page's zero-width space
    (tmp_path / "policy.txt").write_text(
        "Photos\n\nStaff must not post photos on social\u200bmedia without the safe\u00adguarding lead's con\u00ad\n"
        "sent.\n",
        encoding="utf-8",
    )
    (clause,) = load_knowledge(tmp_path / "policy.txt").clauses
    assert clause.text == "Staff must not post photos on socialmedia without the safeguarding lead's consent."


def test_a_pdf_that_is_all_page_furniture_is_named_as_having_no_text(tmp_path: Path) -> None:
    make_pdf(tmp_path / "cover.pdf", [["Riverside Club confidential document"]] * 6)
    (tmp_path / "policy.md").write_text("# Photos\n\nStaff must not post photos of children.\n")
    knowledge = load_knowledge(tmp_path)
    assert [doc.source for doc in knowledge.documents] == ["policy.md"]
    assert any("cover.pdf" in problem for problem in knowledge.problems)


def test_a_pdf_is_titled_as_its_first_lines_set_its_title(tmp_path: Path) -> None:
    body = [f"Rule {n}: volunteers never meet a young person alone outside sessions." for n in range(1, 4)]
    make_pdf(
        tmp_path / "policy_v3_FINAL.pdf",
        [["Page 1 of 2", "March 2020", "CHILD PROTECTION &", "SAFEGUARDING", "POLICY", "RIVERSIDE YOUTH CLUB", *body]],
    )
    # a field labelled "Policy ..." in a table over the text is not a title: the file's name is used
    make_pdf(tmp_path / "rugby.pdf", [["Policy Owner General Manager, Community Rugby Approved by", *body]])
    # the organisation's name over a title line too long to be one of a run of short ones; a sentence naming a
    # policy below it is no title
    make_pdf(
        tmp_path / "hartsdale.pdf",
        [
            [
                "HARTSDALE RUGBY FOOTBALL CLUB",
                "Safeguarding and Online Conduct Policy - Mini, Junior and Adult Sections",
                "Our club adopts the RFU Safeguarding Policy in full.",
                *body,
            ]
        ],
    )
    make_pdf(tmp_path / "sentence.pdf", [["Our club adopts the RFU Safeguarding Policy in full.", *body]])
    # fields are no title, nor a section's heading speaking of "this policy"; a title the page wrapped is whole
    make_pdf(
        tmp_path / "care-home.pdf",
        [
            [
                "Issued: February 2025 | Review: February 2026 | Policy owner: Registered Manager",
                "WHY WE HAVE THIS POLICY",
                *body,
            ]
        ],
    )
    make_pdf(
        tmp_path / "outreach.pdf",
        [["YOUTH OUTREACH TEAM: SAFEGUARDING, DIGITAL CONTACT AND PROFESSIONAL BOUNDARIES", "PROCEDURE", *body]],
    )
    titles = {doc.source: doc.title for doc in load_knowledge(tmp_path).documents}
    assert titles == {
        "policy_v3_FINAL.pdf": "CHILD PROTECTION & SAFEGUARDING POLICY",
        "rugby.pdf": "Rugby",
        "hartsdale.pdf": "HARTSDALE RUGBY FOOTBALL CLUB Safeguarding and Online Conduct Policy - Mini, Junior and "
        "Adult Sections",
        "sentence.pdf": "Sentence",
        "care-home.pdf": "Care home",
        "outreach.pdf": "YOUTH OUTREACH TEAM: SAFEGUARDING, DIGITAL CONTACT AND PROFESSIONAL BOUNDARIES PROCEDURE",
    }


def test_a_folder_loads_what_it_can_and_names_what_it_cannot(tmp_path: Path) -> None:
    (tmp_path / "good.md").write_text("# Phones\n\nStaff must not use personal phones for photos.\n")
    make_docx(tmp_path / "riverside.docx")
    (tmp_path / "broken.docx").write_bytes(b"PK\x03\x04 this is not really a zip")
    (tmp_path / "broken.odt").write_bytes(b"PK\x03\x04 nor is this")
    (tmp_path / "broken.pdf").write_bytes(b"%PDF-1.4 nothing useful here")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02\xff" * 100)
    (tmp_path / "empty.txt").write_text("   \n")
    (tmp_path / "sheet.xlsx").write_bytes(b"whatever")
    (tmp_path / "scripts-only.html").write_text("<html><head><script>var a = 1;</script></head><body></body></html>")
    (tmp_path / "junk.html").write_bytes(b"<p>\x00\x01\x02\xff" * 100)
    (tmp_path / "old-policy.doc").write_bytes(b"\xd0\xcf\x11\xe0 an old Word file")
    make_pdf(tmp_path / "scanned.pdf", [[""], [""]])  # pictures of pages: no words
    knowledge = load_knowledge(tmp_path)
    assert {d.source for d in knowledge.documents} == {"good.md", "riverside.docx"}
    problems = {Path(problem.split(": ")[0]).name: problem for problem in knowledge.problems}
    for name, why in [
        ("broken.docx", "not a valid Word"),
        ("broken.pdf", "not a valid PDF"),
        ("broken.odt", "not a valid OpenDocument (.odt) file"),
        ("binary.txt", "binary file"),
        ("empty.txt", "contains no text"),
        ("sheet.xlsx", "unsupported file type"),
        ("scripts-only.html", "contains no text"),
        ("junk.html", "binary file"),
        ("old-policy.doc", "not a valid Word 97-2003 (.doc) file"),
        # what to do, where an office's usual file can't be read
        ("scanned.pdf", "a scanned PDF? save the policy as a PDF or .docx from Word"),
    ]:
        assert why in problems[name]


def test_files_word_and_windows_leave_in_a_folder_are_passed_over_not_named_as_problems(tmp_path: Path) -> None:
    # a folder on a shared drive while someone has the policy open: Word's lock file was named "not a valid Word
    # file" on every start, and Windows' thumbnail cache "unsupported file type .db"
    make_docx(tmp_path / "policy.docx")
    (tmp_path / "~$policy.docx").write_bytes(b"\x0bSam Jones" + b"\x00" * 150)
    (tmp_path / "~WRL0003.tmp").write_bytes(b"\x00" * 64)
    (tmp_path / "Thumbs.db").write_bytes(b"\xd0\xcf\x11\xe0" + b"\x00" * 60)
    (tmp_path / "desktop.ini").write_text("[.ShellClassInfo]\n", encoding="ascii")
    knowledge = load_knowledge(tmp_path)
    assert [document.source for document in knowledge.documents] == ["policy.docx"]
    assert knowledge.problems == ()


def test_a_word_file_that_unpacks_to_far_more_than_a_policy_is_named_not_read(tmp_path: Path) -> None:
    # a zip bomb: a part of 70 MB packed into 70 kB, which python-docx would read into memory whole
    make_docx(tmp_path / "policy.docx")
    with zipfile.ZipFile(tmp_path / "policy.docx", "a", zipfile.ZIP_DEFLATED) as package:
        package.writestr("word/media/image1.png", b"\x00" * 70_000_000)
    with pytest.raises(UnreadableDocument, match=r"policy\.docx: is too large to read \(it unpacks to 67 MB\)"):
        load_knowledge(tmp_path / "policy.docx")


def test_a_stray_zero_byte_in_text_copied_from_a_pdf_loses_nothing(tmp_path: Path) -> None:
    (tmp_path / "photos.md").write_bytes(
        b"# Photos\n\nChoose ONE option only. \x00\n\nStaff must not post photos of girls on personal accounts.\n"
    )
    texts = [c.text for c in load_knowledge(tmp_path).clauses]
    assert texts == ["Choose ONE option only.", "Staff must not post photos of girls on personal accounts."]


def test_a_single_unreadable_file_is_an_error_naming_it(tmp_path: Path) -> None:
    bad = tmp_path / "policy.pdf"
    bad.write_bytes(b"not a pdf at all")
    with pytest.raises(UnreadableDocument, match=r"policy\.pdf: is not a valid PDF file"):
        load_knowledge(bad)


def test_a_folder_with_no_policy_text_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "notes.xlsx").write_bytes(b"x")
    with pytest.raises(KnowledgeError, match="no policy text could be loaded"):
        load_knowledge(tmp_path)


def test_windows_1252_text_is_read(tmp_path: Path) -> None:
    (tmp_path / "old.txt").write_bytes("Staff must not post pupils\x92 photos \x96 ever.".encode("latin-1"))
    clause = load_knowledge(tmp_path / "old.txt").clauses[0]
    assert clause.text == "Staff must not post pupils’ photos – ever."


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be"])
def test_unicode_text_as_notepad_and_word_save_it_is_read(tmp_path: Path, encoding: str) -> None:
    # Notepad's "Unicode" and Word's "Unicode Text" are UTF-16 with a byte-order mark: half its bytes are zeros, and
    # it was refused as "a binary file"
    text = "# Photographs\r\n\r\n1. Photos of café trips are taken on the club camera – never a phone.\r\n"
    data = text.encode(encoding) if encoding == "utf-16" else codecs.BOM_UTF16_BE + text.encode(encoding)
    (tmp_path / "policy.txt").write_bytes(data)
    knowledge = load_knowledge(tmp_path / "policy.txt")
    assert knowledge.documents[0].title == "Photographs"
    assert [clause.text for clause in knowledge.clauses] == [
        "Photos of café trips are taken on the club camera – never a phone."
    ]
    (tmp_path / "policy.txt").write_bytes(codecs.BOM_UTF16_LE + b"\x00\xd8")  # half of a character pair, alone
    with pytest.raises(UnreadableDocument, match="is not valid UTF-16 text"):
        read_document(tmp_path / "policy.txt")


PAGE = """<!DOCTYPE html>
<html><head><title>Club site</title><style>p { color: red; }</style>
<script>var menu = "Home | About";</script></head>
<body><nav><a href="/">Home</a></nav>
<h1>Hillside Tennis Club &ndash; Child Protection Policy</h1>
<p>This policy applies to every coach
and volunteer at the club.</p>
<p><b>Those working with children should:</b></p>
<ol><li>Never be alone with a child in the changing rooms.</li>
<li>Report any concern the same day to the club&#39;s welfare officer.</li></ol>
<h2>Photographs</h2>
<p>Photos of juniors are only taken with <strong>written</strong> consent from a parent.<br>
They are kept on the club laptop.</p>
</body></html>
"""


@pytest.mark.parametrize("name", ["policy.html", "policy.htm", "saved-page-source.txt"])
def test_a_web_page_reads_as_its_headings_lists_and_paragraphs(tmp_path: Path, name: str) -> None:
    (tmp_path / name).write_text(PAGE, encoding="utf-8")
    knowledge = load_knowledge(tmp_path / name)
    assert knowledge.documents[0].title == "Hillside Tennis Club – Child Protection Policy"
    by_ref = {c.ref: c for c in knowledge.clauses}
    # a numbered list under a bold line that introduces it, each item quoted with that line
    assert by_ref["1"].text == "Never be alone with a child in the changing rooms."
    assert by_ref["2"].text == "Report any concern the same day to the club's welfare officer."
    assert by_ref["1"].context == "Those working with children should:"
    photos = next(c for c in knowledge.clauses if c.text.startswith("Photos of juniors"))
    # a line break inside a paragraph is not a new clause
    assert photos.text == (
        "Photos of juniors are only taken with written consent from a parent. They are kept on the club laptop."
    )
    assert photos.heading.endswith("Photographs")
    texts = " ".join(c.text for c in knowledge.clauses)
    assert "This policy applies to every coach and volunteer at the club." in texts  # wrapped source, one line
    assert "color" not in texts and "var menu" not in texts and "<" not in texts  # no style, script or tags


def test_a_text_pasted_into_a_web_page_keeps_its_lines_and_paragraphs(tmp_path: Path) -> None:
    # a policy published as one <pre> block, as LibreOffice saves a text file as a page: its line breaks and
    # blank lines are its structure, not whitespace to collapse
    body = (
        "Riverside Scouts\n\nOnline Safety Policy\n\nWho to contact\n\n"
        "District Commissioner\tHelen Marsh\t07700 900412\n"
        "Safeguarding Lead\tRaj Bhatti\t07700 900187\n\n"
        "Key principles\n\n"
        "\u2022\tNo adult should be in private one-to-one contact with a young person.\n"
        "\u2022\tThink before you post &amp; share.\n"
    )
    (tmp_path / "policy.html").write_text(
        f"<html><head><style>pre {{ font-family: monospace }}</style></head><body><pre>{body}</pre>"
        + "<p>Page footer</p>" * 8
        + "</body></html>",
        encoding="utf-8",
    )
    clauses = load_knowledge(tmp_path / "policy.html").clauses
    texts = [c.text for c in clauses]
    assert "No adult should be in private one-to-one contact with a young person." in texts
    assert "Think before you post & share." in texts
    rules = next(c for c in clauses if c.text.startswith("No adult"))
    assert rules.heading.endswith("Key principles")
    assert not any("Helen Marsh" in t and "No adult" in t for t in texts)  # the contacts are not the rules


def test_contact_details_in_a_word_or_pdf_files_footer_are_quoted_under_its_name(tmp_path: Path) -> None:
    # "Worried about a child?" on every page's foot: the only place the policy names its DSL
    footer = "Worried about a child? Call our DSL, Sam Jones, on 07700 900123"
    document = docx.Document()
    document.add_heading("Riverside Youth Club Social Media Policy", level=0)
    document.add_paragraph("Staff must never accept friend requests from young people.")
    document.sections[0].footer.paragraphs[0].text = f"{footer}\tPage 1"
    document.save(str(tmp_path / "policy.docx"))
    rules = [
        "Staff must never accept friend requests from young people.",
        "Photos of members are taken only on the club camera.",
        "Every concern is reported to the Welfare Officer the same day.",
    ]
    make_pdf(tmp_path / "policy.pdf", [[rule, footer, f"Page {n} of 3"] for n, rule in enumerate(rules, 1)])
    for name in ("policy.docx", "policy.pdf"):
        knowledge = load_knowledge(tmp_path / name)
        quoted = [(clause.heading, clause.text) for clause in knowledge.clauses if "Sam Jones" in clause.text]
        assert quoted == [("Page header and footer", footer)], name  # once, however many pages
        answer = PolicyAdvisor(knowledge, contact="the DSL").answer_now("who's our DSL?")
        assert answer.hits[0].clause.text == footer, name


def test_a_web_pages_table_of_data_is_a_row_a_clause_and_a_table_laying_out_the_page_is_its_text(
    tmp_path: Path,
) -> None:
    # each cell was a line of its own: the role a heading over the number, the header lost
    contacts = (
        "<table><thead><tr><th>Role</th><th>Contact</th></tr></thead><tbody>"
        "<tr><td>Designated Safeguarding Lead</td><td>Helen Marsh,<br>01632 960211</td></tr>"
        "<tr><td><b>Deputy DSL</b></td><td>Tom Adeyemi, <a href='tel:01632960212'>01632 960212</a></td></tr>"
        "<tr><td><p>LADO</p></td><td><p>Eastshire Council</p><p>01632 960755</p></td></tr>"
        "</tbody></table>"
    )
    layout = (
        "<table><tr><td><h2>Photographs</h2><p>Photos are taken only on the club camera.</p></td>"
        "<td><h2>Lifts</h2><p>Lifts are given only with a parent's written consent.</p></td></tr></table>"
    )
    (tmp_path / "policy.html").write_text(
        f"<html><body><h1>Riverside Youth Club Safeguarding Policy</h1><h2>Key contacts</h2>{contacts}{layout}"
        "</body></html>",
        encoding="utf-8",
    )
    clauses = load_knowledge(tmp_path / "policy.html").clauses
    assert [(clause.context, clause.text) for clause in clauses[:3]] == [
        ("Role | Contact", "Designated Safeguarding Lead | Helen Marsh, 01632 960211"),
        ("Role | Contact", "Deputy DSL | Tom Adeyemi, 01632 960212"),
        ("Role | Contact", "LADO | Eastshire Council 01632 960755"),  # a site's editor puts each cell in a <p>
    ]
    assert [(clause.heading, clause.text) for clause in clauses[3:]] == [
        ("Photographs", "Photos are taken only on the club camera."),
        ("Lifts", "Lifts are given only with a parent's written consent."),
    ]


def test_a_markdown_file_with_a_few_tags_or_an_html_table_is_still_markdown(tmp_path: Path) -> None:
    rows = "".join(f"  <tr>\n    <th>Review {n}</th>\n    <td>May 202{n}</td>\n  </tr>\n" for n in range(4))
    (tmp_path / "policy.md").write_text(
        "# Photo policy\n\n1. Photos need written consent.<br>Ask the parent first.\n\n"
        "2. Photos are kept on the club laptop.\n\n"
        "###### Phones\n\nI use my phone during sessions only to:\n"
        "+ call parents in an emergency\n+ take photos parents have agreed to\n\n"
        f"<table>\n{rows}</table>\n",
        encoding="utf-8",
    )
    clauses = load_knowledge(tmp_path / "policy.md").clauses
    assert [c.ref for c in clauses[:2]] == ["1", "2"]
    assert clauses[0].text == "Photos need written consent.<br>Ask the parent first."  # quoted as written
    phones = next(c for c in clauses if c.heading.endswith("Phones"))
    assert phones.text.splitlines()[1:] == ["call parents in an emergency", "take photos parents have agreed to"]


def test_a_react_or_svelte_page_reads_as_its_text_without_its_code(tmp_path: Path) -> None:
    react = (
        'import React from "react"\nimport { Heading } from "../components/headings"\n\n'
        "const Text = styled.p`\n  font-size: 1.1em;\n`\n\n"
        "export default function Safeguarding() {\n  return <PageBase>\n"
        "    <Text>Every leader holds a current DBS check.</Text>\n"
        "    <Subheading>Photographs</Subheading>\n"
        "    <Text>Photos of young people are taken only on the group camera.</Text>\n"
        "    <BulletList>\n      <li>Ask a parent before any photo is posted.</li>\n"
        "      <li>Delete photos from the camera after each trip.</li>\n"
        "      <li>Never post a young person's full name with a photo.</li>\n"
        "      <li>Keep the camera locked away between sessions.</li>\n    </BulletList>\n"
        "    <Subheading>Trips</Subheading>\n    <BulletList>\n"
        + "".join(f"      <li>Trip rule {n}: the leader carries the register.</li>\n" for n in range(1, 5))
        + "    </BulletList>\n"
        "    <Text>Questions go to the <Link mailto='x'>welfare officer</Link>.</Text>\n"
        "  </PageBase>\n}\n"
    )
    svelte = (
        "<script>\n  import Page from '$lib/components/Page.svelte';\n</script>\n\n"
        "{#snippet header(id, name)}\n  <h2 {id}>{name}</h2>\n{/snippet}\n\n"
        "<Page title=\"Safeguarding\">\n  {@render header('travel', 'Travelling to the event')}\n"
        "  <p>Volunteers meet participants at the station.</p>\n  <p>Parents are told when their child arrives.</p>\n"
        "  <p>Participants travel in pairs after dark.</p>\n  <p>Nobody travels alone at night.</p>\n"
        "  <p>Lost tickets are replaced at the desk.</p>\n  <p>Taxis are booked by the organisers.</p>\n"
        "  {@render header('photos', 'Event photography')}\n  <p>Photos are posted with consent only.</p>\n</Page>\n"
    )
    (tmp_path / "safeguarding.js.txt").write_text(react, encoding="utf-8")
    (tmp_path / "safeguarding.svelte.txt").write_text(svelte, encoding="utf-8")
    clauses = load_knowledge(tmp_path).clauses
    texts = [c.text for c in clauses]
    assert "Every leader holds a current DBS check." in texts
    assert "Questions go to the welfare officer." in texts  # an inline component stays in its sentence
    # a short list stays with the paragraph over it, as one clause
    photo_rules = [c.text for c in clauses if c.heading.endswith("Photographs")]
    assert photo_rules == [
        "Photos of young people are taken only on the group camera.\nAsk a parent before any photo is posted.\n"
        "Delete photos from the camera after each trip.\nNever post a young person's full name with a photo.\n"
        "Keep the camera locked away between sessions."
    ]
    travel = [c for c in clauses if c.heading.endswith("Travelling to the event")]
    assert travel and travel[0].text == "Volunteers meet participants at the station."
    everything = " ".join(c.text + c.heading for c in clauses)
    for code in ("import", "styled", "export", "{#snippet", "@render", "font-size", "<"):
        assert code not in everything


def test_a_vue_page_reads_as_the_text_of_its_template_with_each_items_paragraph_on_its_number(
    tmp_path: Path,
) -> None:
    vue = (
        "<template>\n  <div>\n    <h1>Safeguarding Children Policy &amp; Procedures</h1>\n"
        '    <nav><ul><li><a href="/">Home</a></li><li><a href="/teams">Teams</a></li></ul></nav>\n'
        '    <ol class="list-decimal">\n'
        '      <li class="mb-8">\n        <p>The club acknowledges its responsibility to safeguard every child.</p>\n'
        "      </li>\n"
        "      <li>\n        <p>We endorse the FA's recruitment guidelines and we will:</p>\n"
        "        <ul>\n"
        + "".join(
            f"          <li><p>Step {n}: check the volunteer's references in full.</p></li>\n" for n in range(1, 5)
        )
        + "        </ul>\n      </li>\n    </ol>\n  </div>\n</template>\n\n"
        "<script>\nexport default { name: 'Safeguarding' }\n</script>\n"
    )
    (tmp_path / "safeguarding.vue.txt").write_text(vue, encoding="utf-8")
    clauses = load_knowledge(tmp_path / "safeguarding.vue.txt").clauses
    # a Vue page keeps all its text in <template>; none of it is lost, and no clause is a bare "1." or "-"
    assert (clauses[0].ref, clauses[0].text) == (
        "1",
        "The club acknowledges its responsibility to safeguard every child.",
    )
    # a short list stays whole with the line that introduces it, under the number of its item
    assert (clauses[1].ref, clauses[1].text.splitlines()) == (
        "2",
        ["We endorse the FA's recruitment guidelines and we will:"]
        + [f"Step {n}: check the volunteer's references in full." for n in range(1, 5)],
    )
    assert not any(c.text.strip(" -.0123456789") == "" or "Teams" in c.text for c in clauses)


def test_a_next_page_keeps_the_words_of_its_data_list_and_drops_its_code(tmp_path: Path) -> None:
    # a church's safeguarding page in Next.js: who the safeguarding lead is lives in the page's data list
    page = (
        "'use client'\n\nimport { motion } from 'framer-motion'\n\nexport default function SafeguardingPage() {\n"
        "  const team = [\n    {\n      role: 'Designated Person for Safeguarding (DPS)',\n"
        "      name: 'KIRSTY HART',\n      icon: Shield,\n      contact: {\n        email: 'dps@church.example'\n"
        '      },\n    },\n  ]\n\n  return (\n    <div className="min-h-screen pt-20">\n'
        "      {/* Header */}\n      <h1>Safeguarding</h1>\n"
        '      <p className="text-lg">Every worker attends safeguarding training each year.</p>\n'
        "      <p>Concerns are reported to the safeguarding team the same day.</p>\n"
        "      {team.map((member, index) => {\n        const Icon = member.icon\n        return (\n"
        "          <div key={member.name}>\n            <h3>{member.name}</h3>\n            <p>{member.role}</p>\n"
        "            {member.contact && (\n              <a href={`mailto:${member.contact.email}`}>Email</a>\n"
        "            )}\n          </div>\n        )\n      })}\n"
        + "".join(f"      <p>Rule {n} of the safeguarding policy applies to every worker.</p>\n" for n in range(6))
        + "    </div>\n  )\n}\n"
    )
    (tmp_path / "page.tsx.txt").write_text(page, encoding="utf-8")
    clauses = load_knowledge(tmp_path / "page.tsx.txt").clauses
    texts = [c.text for c in clauses]
    assert "Every worker attends safeguarding training each year." in texts
    # the list's words stand where the page shows them, after its title, not before it where they are defined;
    # the template showing each member adds no words of its own (an "Email" label, an empty heading)
    assert texts[:3] == [
        "Every worker attends safeguarding training each year.",
        "Concerns are reported to the safeguarding team the same day.",
        "Designated Person for Safeguarding (DPS) KIRSTY HART dps@church.example",
    ]
    assert all(c.text.startswith("Rule") and not c.heading for c in clauses[3:])
    everything = " ".join(texts + [c.heading for c in clauses])
    for code in ("use client", "import", "member.", "className", "=>", "Shield", "min-h-screen", "Header"):
        assert code not in everything


def test_a_data_list_passed_to_a_component_stands_where_it_is_passed_and_an_unshown_one_where_it_is_defined(
    tmp_path: Path,
) -> None:
    page = (
        "import { Contacts } from './contacts'\n\n"
        "const leads = [\n  { role: 'Welfare Officer', name: 'Sam Jones', phone: '07700 900123' },\n"
        "  {\n    role: 'Deputy Welfare Officer',\n    name: 'Ali Khan',\n  }]\n\n"
        "const sponsors = [\n  {\n    note: 'Our kit is sponsored by Riverside Building Society.',\n  },\n]\n\n"
        "export default function Welfare() {\n  return (\n    <main>\n      <h1>Club welfare</h1>\n"
        + "".join(f"      <p>Welfare rule {n} applies at every training session.</p>\n" for n in range(6))
        + "      <h2>Who to talk to</h2>\n      <Contacts people={leads} />\n    </main>\n  )\n}\n"
    )
    (tmp_path / "welfare.jsx.txt").write_text(page, encoding="utf-8")
    clauses = load_knowledge(tmp_path / "welfare.jsx.txt").clauses
    by_text = {c.text: c for c in clauses}
    # an object on one line, and one whose list closes on its own last line, are each a paragraph
    assert by_text["Welfare Officer Sam Jones 07700 900123"].heading.endswith("Who to talk to")
    assert by_text["Deputy Welfare Officer Ali Khan"].heading.endswith("Who to talk to")
    # a list the page never names in its markup keeps its words, where the code defines it
    assert list(by_text).index("Our kit is sponsored by Riverside Building Society.") < list(by_text).index(
        "Welfare rule 0 applies at every training session."
    )


def test_web_page_sources_are_read_as_they_are_kept_and_their_title_components_title_them(tmp_path: Path) -> None:
    rules = "".join(f"        <p>Rule {n}: leaders sign the register at every session.</p>\n" for n in range(6))
    gatsby = (
        'import React from "react"\nimport PageTitle from "../components/pageTitle"\n\n'
        "export default () => {\n  return (\n    <Layout>\n"
        '      <PageTitle title="General Policy Regarding Misconduct Prevention" />\n'
        '      <div className="container">\n' + rules + "        <p>Ask{\" \"}the chaplain{' '}first.</p>\n"
        "      </div>\n    </Layout>\n  )\n}\n"
    )
    nextjs = (
        'import type { Metadata } from "next";\n\nexport const metadata: Metadata = {\n'
        '  title: "Child Protection Policy",\n  description:\n'
        '    "A football club\'s child protection policy.",\n};\n\n'
        'export default function Page() {\n  return (\n    <PolicyPage title="Child Protection Policy">\n'
        + rules
        + "    </PolicyPage>\n  );\n}\n"
    )
    (tmp_path / "misconduct.js").write_text(gatsby, encoding="utf-8")
    (tmp_path / "child-protection.tsx").write_text(nextjs, encoding="utf-8")
    knowledge = load_knowledge(tmp_path)
    assert knowledge.problems == ()  # .js and .tsx are a website's own files, read like any page
    titles = {doc.source: doc.title for doc in knowledge.documents}
    assert titles == {
        "misconduct.js": "General Policy Regarding Misconduct Prevention",
        "child-protection.tsx": "Child Protection Policy",
    }
    texts = [clause.text for clause in knowledge.clauses]
    assert "Ask the chaplain first." in texts  # JSX's {" "} is a space
    assert not any("description" in text or "football club" in text for text in texts)  # the page's settings


def test_a_paragraph_set_as_a_heading_is_quoted_as_a_paragraph(tmp_path: Path) -> None:
    long_heading = " ".join(["Our chapel seeks to provide a safe and secure environment for every child."] * 3)
    (tmp_path / "policy.md").write_text(
        f"# Chapel policy\n\n#### {long_heading}\n\n## Rules\n\nNo adult is alone with a child.\n"
    )
    assert load_knowledge(tmp_path).clauses[0].text == long_heading


def test_the_markup_of_site_generators_in_a_markdown_policy_is_read_as_its_text(tmp_path: Path) -> None:
    (tmp_path / "policy.md").write_text(
        "# Toy Library Safeguarding\n\n## Contacts\n\nIf a concern is urgent, contact the Front Door at once.\n\n"
        '<div class="alert" role="alert">\n    <h4>How to contact the Front Door</h4>\n'
        '    <p>Phone <a href="tel:01273290400">01273 290400</a> during working hours</p>\n</div>\n\n'
        '<br>\n\n## Staff\n\n!!! note "Training"\n\n    Staff are not trained to decide whether abuse happened.\n\n'
        ":::note\nVolunteers are never alone with a child.\n:::\n",
        encoding="utf-8",
    )
    (tmp_path / "policy.rst").write_text(
        "Recruitment\n===========\n\n.. _vetting:\n\n"
        "Every new team member has an enhanced DBS check before starting.\n\n"
        "+------------+\n| Signs      |\n+============+\n",
        encoding="utf-8",
    )
    knowledge = load_knowledge(tmp_path)
    texts = [clause.text for clause in knowledge.clauses]
    # the HTML box is read as its heading and lines; nothing is left of "<div", "<br>", "!!!", ":::", ".. _"
    contact = next(c for c in knowledge.clauses if "01273 290400" in c.text)
    assert contact.heading.endswith("How to contact the Front Door")
    assert "Staff are not trained to decide whether abuse happened." in texts
    assert "Volunteers are never alone with a child." in texts
    assert "Every new team member has an enhanced DBS check before starting." in texts
    everything = "\n".join(texts)
    for markup in ("<div", "<br>", "!!!", ":::", ".. _", "+===="):
        assert markup not in everything


def test_a_web_list_items_second_paragraph_is_cited_by_the_items_number(tmp_path: Path) -> None:
    items = "".join(
        f"<li><p>Rule {n}: leaders sign the register at every session.</p>"
        f"<p>The register for rule {n} is kept in the office.</p></li>"
        for n in range(1, 5)
    )
    (tmp_path / "policy.html").write_text(f"<html><body><h1>Club policy</h1><ol>{items}</ol></body></html>")
    refs = [(c.ref, c.text) for c in load_knowledge(tmp_path).clauses]
    assert refs[:2] == [
        ("1", "Rule 1: leaders sign the register at every session."),
        ("1 ¶2", "The register for rule 1 is kept in the office."),
    ]


def test_a_word_documents_own_list_numbers_and_tables_are_read_in_their_place(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("Riverside Club Safeguarding Policy", style="Title")
    document.add_heading("Photographs", level=1)
    document.add_paragraph("Staff must follow these rules:")
    for rule in ("Ask a parent for written consent first.", "Never post a child's full name with a photo."):
        document.add_paragraph(rule, style="List Number")  # Word draws the numbers; they are not in the text
    document.add_heading("Who to contact", level=1)
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "Designated Safeguarding Lead", "Sam Jones 07700 900123"
    document.add_heading("Social media", level=1)
    document.add_paragraph("Staff must not accept friend requests from young people.")
    document.save(str(tmp_path / "policy.docx"))
    knowledge = load_knowledge(tmp_path / "policy.docx")
    assert knowledge.documents[0].title == "Riverside Club Safeguarding Policy"
    rules = [c for c in knowledge.clauses if c.heading.startswith("Photographs")]
    assert [(c.ref, c.text) for c in rules] == [
        ("1", "Ask a parent for written consent first."),
        ("2", "Never post a child's full name with a photo."),
    ]
    # the contacts table stands under its own heading, not after the last section
    lead = next(c for c in knowledge.clauses if "Sam Jones" in c.text)
    assert lead.heading == "Who to contact"


def add_word_table(document: Document, rows: list[list[str]]) -> None:
    table = document.add_table(rows=len(rows), cols=len(rows[0]))
    for number, row in enumerate(rows):
        for column, text in enumerate(row):
            table.cell(number, column).text = text


def test_each_row_of_a_word_table_is_a_clause_quoted_under_its_header(tmp_path: Path) -> None:
    # a contacts table's rows ran together into one paragraph, tabs and all: "who's the deputy?" quoted them all
    document = docx.Document()
    document.add_heading("Key people", level=1)
    add_word_table(
        document,
        [
            ["Role", "Name", "Phone"],
            ["Designated Safeguarding Lead", "Helen Marsh", "01632 960211"],
            ["Deputy DSL", "Tom Adeyemi", "01632 960212"],
            ["LADO", "", "01632 960755"],
        ],
    )
    document.add_paragraph("The DSL is on call during every session.")
    document.save(str(tmp_path / "policy.docx"))
    clauses = load_knowledge(tmp_path / "policy.docx").clauses
    assert [(clause.context, clause.text) for clause in clauses] == [
        ("Role | Name | Phone", "Designated Safeguarding Lead | Helen Marsh | 01632 960211"),
        ("Role | Name | Phone", "Deputy DSL | Tom Adeyemi | 01632 960212"),
        ("Role | Name | Phone", "LADO | | 01632 960755"),
        ("", "The DSL is on call during every session."),
    ]
    answer = PolicyAdvisor(load_knowledge(tmp_path), contact="the DSL").answer_now("whats the deputy's number?")
    assert answer.hits[0].clause.text == "Deputy DSL | Tom Adeyemi | 01632 960212"


def test_a_word_table_of_two_columns_without_a_header_is_a_row_a_clause(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_heading("Who to contact", level=1)
    add_word_table(
        document,
        [
            ["", ""],  # a title row, merged into one cell below
            ["Welfare Officer", "Natalie Pearce, 07700 900820"],
            ["Deputy Welfare Officer", "Owen Griffiths, 07700 900821 | weekends"],
        ],
    )
    table = document.tables[0]
    table.cell(0, 0).merge(table.cell(0, 1)).text = "Club contacts"
    document.save(str(tmp_path / "policy.docx"))
    clauses = load_knowledge(tmp_path / "policy.docx").clauses
    # a row's first cell states who, its second how to reach them: no header over them, and each its own clause
    assert [(clause.context, clause.text) for clause in clauses] == [
        ("", "Welfare Officer | Natalie Pearce, 07700 900820"),
        ("", "Deputy Welfare Officer | Owen Griffiths, 07700 900821 / weekends"),
    ]
    assert all(clause.heading.endswith("Club contacts") for clause in clauses)  # the merged row titles them


def test_a_word_table_boxing_text_or_numbering_rules_is_read_as_its_text(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_heading("Photographs", level=1)
    add_word_table(document, [["Remember: never post a photo of a young person without written consent."]])
    add_word_table(
        document,
        [
            ["1.", "Photos are taken only on the club camera."],
            ["2.", "Photos are deleted from the camera after each event."],
        ],
    )
    document.save(str(tmp_path / "policy.docx"))
    clauses = load_knowledge(tmp_path / "policy.docx").clauses
    assert [(clause.ref, clause.text) for clause in clauses] == [
        ("paragraph 1", "Remember: never post a photo of a young person without written consent."),
        ("1", "Photos are taken only on the club camera."),
        ("2", "Photos are deleted from the camera after each event."),
    ]


def test_a_word_documents_titles_typed_in_bold_are_its_title_and_headings(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph().add_run("Riverside Martial Arts").bold = True
    document.add_paragraph().add_run("Physical abuse:").bold = True
    document.add_paragraph("A form of abuse which may involve hitting, shaking or otherwise causing physical harm.")
    document.add_paragraph().add_run("Recording:").bold = True
    document.add_paragraph("Write down what the child said, in their words, the same day.")
    document.save(str(tmp_path / "policy.docx"))
    knowledge = load_knowledge(tmp_path / "policy.docx")
    assert knowledge.documents[0].title == "Riverside Martial Arts"
    assert [(c.heading, c.text) for c in knowledge.clauses] == [
        ("Physical abuse", "A form of abuse which may involve hitting, shaking or otherwise causing physical harm."),
        ("Recording", "Write down what the child said, in their words, the same day."),
    ]


def _numbered(paragraph: Paragraph, num_id: int, level: int) -> None:
    properties = paragraph._p.get_or_add_pPr()
    properties.append(
        parse_xml(f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{level}"/><w:numId w:val="{num_id}"/></w:numPr>')
    )


def _with_two_level_numbering(num_id: int) -> Document:
    """A new Word document with a list numbered "1." at its first level and "1.1" at its second."""
    document = docx.Document()
    numbering = document.part.numbering_part.element
    numbering.append(
        parse_xml(
            f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{num_id}">'
            '<w:lvl w:ilvl="0"><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>'
            '<w:lvl w:ilvl="1"><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%2"/></w:lvl>'
            "</w:abstractNum>"
        )
    )
    numbering.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="{num_id}"><w:abstractNumId w:val="{num_id}"/></w:num>'))
    return document


def test_word_multilevel_numbers_are_read_as_the_clause_numbers_they_show(tmp_path: Path) -> None:
    # a policy numbered by Word itself, "1." then "1.1", "1.2" (its level texts "%1." and "%1.%2")
    document = _with_two_level_numbering(90)
    lines = [
        ("Photographs", 0),
        ("Staff must not post photos of young people on their own accounts.", 1),
        ("Photos are deleted from club devices at the end of each term.", 1),
        ("Contact", 0),
        ("Staff must not give young people their personal phone numbers.", 1),
    ]
    for text, level in lines:
        _numbered(document.add_paragraph(text), 90, level)
    document.save(str(tmp_path / "numbered.docx"))
    refs = {c.text: c.ref for c in load_knowledge(tmp_path / "numbered.docx").clauses}
    assert refs["Staff must not post photos of young people on their own accounts."] == "1.1"
    assert refs["Photos are deleted from club devices at the end of each term."] == "1.2"
    assert refs["Staff must not give young people their personal phone numbers."] == "2.1"


def test_word_numbered_headings_keep_their_numbers_and_number_their_clauses(tmp_path: Path) -> None:
    # headings numbered by Word ("1.", "2.") and their paragraphs by the same list ("1.1", "2.1")
    document = _with_two_level_numbering(91)
    _numbered(document.add_heading("Photographs", level=1), 91, 0)
    _numbered(document.add_paragraph("Staff must not post photos of young people on their own accounts."), 91, 1)
    _numbered(document.add_heading("Contact", level=1), 91, 0)
    _numbered(document.add_paragraph("Staff must not give young people their personal phone numbers."), 91, 1)
    document.save(str(tmp_path / "headed.docx"))
    clauses = load_knowledge(tmp_path / "headed.docx").clauses
    assert [(c.ref, c.heading) for c in clauses] == [("1.1", "1 Photographs"), ("2.1", "2 Contact")]


def test_a_word_list_with_damaged_numbers_in_its_markup_still_reads(tmp_path: Path) -> None:
    # a level or a first number that is no number (or a hostile one) loaded nothing of the folder: a traceback
    document = docx.Document()
    numbering = document.part.numbering_part.element
    numbering.append(
        parse_xml(
            f'<w:abstractNum {nsdecls("w")} w:abstractNumId="94">'
            '<w:lvl w:ilvl="0"><w:start w:val="abc"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>'
            "</w:abstractNum>"
        )
    )
    numbering.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="94"><w:abstractNumId w:val="94"/></w:num>'))
    for text, level in [("Staff use the club's accounts only.", "x"), ("Chats close at 9pm.", "99999999")]:
        paragraph = document.add_paragraph(text)
        paragraph._p.get_or_add_pPr().append(
            parse_xml(f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{level}"/><w:numId w:val="94"/></w:numPr>')
        )
    document.save(str(tmp_path / "damaged.docx"))
    read = "\n".join(clause.text for clause in load_knowledge(tmp_path / "damaged.docx").clauses)
    assert read == "Staff use the club's accounts only.\nChats close at 9pm."  # the second nested under the first


def test_a_word_file_cut_short_is_named_as_damaged_and_the_rest_of_the_folder_loads(tmp_path: Path) -> None:
    # a half-copied file: its text's XML ends mid-tag, and lxml's error stopped the whole folder loading
    make_docx(tmp_path / "riverside.docx")
    with zipfile.ZipFile(tmp_path / "riverside.docx") as whole, zipfile.ZipFile(tmp_path / "cut.docx", "w") as cut:
        for info in whole.infolist():
            data = whole.read(info)
            cut.writestr(info, data[: len(data) // 2] if info.filename == "word/document.xml" else data)
    knowledge = load_knowledge(tmp_path)
    assert [document.source for document in knowledge.documents] == ["riverside.docx"]
    assert any(
        problem.endswith("cut.docx: is a damaged Word (.docx) file (open it in Word and save it again)")
        for problem in knowledge.problems
    )


def test_a_word_file_naming_a_header_it_no_longer_holds_reads_its_text(tmp_path: Path) -> None:
    # a header's part lost from the package (an editor's crash, a careless tool): python-docx raised KeyError, and
    # the whole folder failed to load with a traceback
    document = docx.Document()
    document.add_paragraph("Staff must not post photos of members on their own accounts.")
    document.sections[0]._sectPr.insert(
        0, parse_xml(f'<w:headerReference {nsdecls("w", "r")} w:type="default" r:id="rId999"/>')
    )
    document.save(str(tmp_path / "policy.docx"))
    knowledge = load_knowledge(tmp_path / "policy.docx")
    assert [clause.text for clause in knowledge.clauses] == [
        "Staff must not post photos of members on their own accounts."
    ]


def test_a_word_list_going_on_after_a_paragraph_between_keeps_its_numbers(tmp_path: Path) -> None:
    # Word (and pandoc) start a list that goes on after a note as a list of its own, told to start at "4."
    document = _with_two_level_numbering(92)
    numbering = document.part.numbering_part.element
    numbering.append(
        parse_xml(
            f'<w:num {nsdecls("w")} w:numId="93"><w:abstractNumId w:val="92"/>'
            '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="4"/></w:lvlOverride></w:num>'
        )
    )
    for text in ("Staff use the club's accounts only.", "Staff never message one to one.", "Chats close at 9pm."):
        _numbered(document.add_paragraph(text), 92, 0)
    document.add_paragraph("Parents are members of each group chat.")
    _numbered(document.add_paragraph("Photos are taken on the club camera."), 93, 0)
    document.save(str(tmp_path / "continued.docx"))
    refs = {c.text: c.ref for c in load_knowledge(tmp_path / "continued.docx").clauses}
    assert refs["Chats close at 9pm."] == "3"
    assert refs["Photos are taken on the club camera."] == "4"


CONTACTS_HEADER: list[Cell] = [["Role"], ["Name"], ["Phone"], ["Email"]]
CONTACTS: list[list[Cell]] = [
    [
        ["Designated", "Safeguarding Lead", "(DSL)"],
        ["Helen Marsh"],
        ["01632 960211"],
        ["dsl@eastgatemu", "sic.example.org"],
    ],
    [["Deputy DSL"], ["Tom Adeyemi"], ["01632 960212"], ["centre@eastgate", "music.example.org"]],
    [
        ["Safeguarding", "Trustee"],
        ["Dr Priya Nair"],
        ["07700 900455"],
        ["trustee.safeguar", "ding@eastgatem", "usic.example.org"],
    ],
    [["LADO"], ["-"], ["01632 960755"], ["lado@eastshire.example.gov.uk"]],
]


def test_a_pdfs_table_is_read_a_row_at_a_time_under_its_header(tmp_path: Path) -> None:
    # pypdf's plain text gives a table cell by cell: wrapped cells a word or two a line, rows run together
    make_table_pdf(
        tmp_path / "policy.pdf",
        [
            (
                ["2. Key people"],
                [CONTACTS_HEADER, *CONTACTS],
                ["The DSL or Deputy DSL is on call during all teaching hours, including Saturday mornings."],
            )
        ],
    )
    clauses = load_knowledge(tmp_path / "policy.pdf").clauses
    rows = {clause.text: clause for clause in clauses if " | " in clause.text}
    assert list(rows) == [
        "Designated Safeguarding Lead (DSL) | Helen Marsh | 01632 960211 | dsl@eastgatemusic.example.org",
        "Deputy DSL | Tom Adeyemi | 01632 960212 | centre@eastgatemusic.example.org",
        "Safeguarding Trustee | Dr Priya Nair | 07700 900455 | trustee.safeguarding@eastgatemusic.example.org",
        "LADO | - | 01632 960755 | lado@eastshire.example.gov.uk",
    ]
    assert {clause.context for clause in rows.values()} == {"Role | Name | Phone | Email"}
    assert (
        clauses[-1].text == "The DSL or Deputy DSL is on call during all teaching hours, including Saturday mornings."
    )
    answer = PolicyAdvisor(load_knowledge(tmp_path), contact="the DSL").answer_now("whats the deputy's number?")
    assert answer.hits[0].clause.text.startswith("Deputy DSL | Tom Adeyemi | 01632 960212")


def test_a_pdfs_table_going_on_over_the_page_is_one_table(tmp_path: Path) -> None:
    # the header is repeated on the next page, and the last row's address goes on there
    last = [["Chair of", "Trustees"], ["Martin Cole"], ["07700 900456"], ["chair@eastgate"]]
    make_table_pdf(
        tmp_path / "policy.pdf",
        [
            (["Key people"], [CONTACTS_HEADER, *CONTACTS[:2], last], []),
            ([], [CONTACTS_HEADER, [[], [], [], ["music.example.org"]], *CONTACTS[2:]], ["Review due 2027."]),
        ],
    )
    texts = [clause.text for clause in load_knowledge(tmp_path / "policy.pdf").clauses]
    rows = [text for text in texts if " | " in text]
    assert rows[2] == "Chair of Trustees | Martin Cole | 07700 900456 | chair@eastgatemusic.example.org"
    assert [row.split(" | ")[0] for row in rows] == [
        "Designated Safeguarding Lead (DSL)",
        "Deputy DSL",
        "Chair of Trustees",
        "Safeguarding Trustee",
        "LADO",
    ]
    assert "Review due 2027." in texts


@pytest.mark.parametrize(
    "layout",
    [
        # a numbered clause with a gap after its number, then its wrapped lines
        "5.6     Coaches may film     training for analysis\n        only on club devices.\nThe end.\n",
        # the same, its text a column of its own: a list, not a table of two columns
        "5.6     Coaches may film swimmers for stroke analysis\n        only on club devices.\nThe end.\n",
        # a header of three cells over lines that run across its columns
        "Name        Role        Phone\nThe officer can be reached at any time through the club office.\n",
    ],
)
def test_text_that_only_looks_like_a_table_is_no_table(layout: str) -> None:
    assert find_tables(layout) == []


def test_a_pdfs_table_of_two_columns_is_read_a_row_at_a_time(tmp_path: Path) -> None:
    # which lines make a row the layout can't tell ("Designated Safeguarding" / "Lead (DSL)" beside two lines
    # of contact details): the plain text, writing the table cell by cell, can
    make_table_pdf(
        tmp_path / "policy.pdf",
        [
            (
                ["2. Key people"],
                [
                    [["Role"], ["Contact"]],
                    [["Designated Safeguarding", "Lead (DSL)"], ["Helen Marsh, 01632 960211,", "dsl@eastgate.example"]],
                    [["Deputy DSL"], ["Tom Adeyemi, 01632 960212"]],
                    [["Safeguarding Trustee"], ["Dr Priya Nair, 07700 900455"]],
                ],
                # the next section's title stands in the first column, under the table: no row of it
                ["3. Photographs", "Photos of members are taken only on the club camera."],
            )
        ],
    )
    clauses = load_knowledge(tmp_path / "policy.pdf").clauses
    assert [(clause.context, clause.text) for clause in clauses] == [
        ("Role | Contact", "Designated Safeguarding Lead (DSL) | Helen Marsh, 01632 960211, dsl@eastgate.example"),
        ("Role | Contact", "Deputy DSL | Tom Adeyemi, 01632 960212"),
        ("Role | Contact", "Safeguarding Trustee | Dr Priya Nair, 07700 900455"),
        ("", "Photos of members are taken only on the club camera."),
    ]
    assert clauses[-1].heading == "3 Photographs"


@pytest.mark.parametrize("algorithm", ["RC4-128", "AES-256"])
def test_a_pdf_locked_against_editing_is_read_and_one_locked_to_open_is_named(tmp_path: Path, algorithm: str) -> None:
    # published policies are often locked against editing: encrypted, with an empty password to open them
    make_pdf(tmp_path / "plain.pdf", [["Staff must never accept friend requests from young people."]])
    for name, password in (("locked.pdf", ""), ("secret.pdf", "open-sesame")):
        writer = PdfWriter(clone_from=tmp_path / "plain.pdf")
        writer.encrypt(user_password=password, owner_password="owner-only", algorithm=algorithm)
        writer.write(tmp_path / name)
    (locked,) = load_knowledge(tmp_path / "locked.pdf").clauses
    assert locked.text == "Staff must never accept friend requests from young people."
    with pytest.raises(UnreadableDocument) as raised:
        load_knowledge(tmp_path / "secret.pdf")
    assert "secret.pdf" in str(raised.value) and "password-protected" in str(raised.value)


def test_a_libreoffice_pdfs_table_of_two_columns_is_read_a_row_at_a_time() -> None:
    # a real writer's PDF (see tests/core/data/README.md): wrapped roles, addresses broken at their hyphens
    clauses = load_knowledge(Path(__file__).parent / "data" / "libreoffice-two-column-contacts.pdf").clauses
    assert [(clause.context, clause.text) for clause in clauses] == [
        (
            "Role | Contact",
            "Designated Safeguarding Lead (DSL) and Centre Manager | "
            "Helen Marsh, 01632 960211, dsl@riverside-youth-club.example.org",
        ),
        ("Role | Contact", "Deputy DSL | Tom Adeyemi, 01632 960212"),
        (
            "Role | Contact",
            "Safeguarding Trustee | Dr Priya Nair, 07700 900455, trustee@riverside-youth-club.example.org",
        ),
        ("Role | Contact", "LADO | 01632 960755"),
        ("", "Photos of members are taken only on the club camera and deleted after each term."),
    ]


def test_a_weasyprint_pdfs_list_markers_drawn_last_go_back_before_their_items() -> None:
    # a real WeasyPrint PDF (see tests/core/data/README.md): the bullets and numbers came after the page's text,
    # so the rules ran together as one paragraph and "1.", "2.", "3." were each quoted as a clause
    knowledge = load_knowledge(Path(__file__).parent / "data" / "weasyprint-listed-policy.pdf")
    assert [(clause.ref, clause.text) for clause in knowledge.clauses][1:] == [
        (
            "1",
            "Leaders must not:\n"
            "send a young person a private message on any app;\n"
            "add a young person to a group chat without their parent's consent;\n"
            "share their personal phone number with a young person.",
        ),
        ("1", "Write down what you saw or were told, in the young person's own words."),
        ("2", "Tell the Group Safeguarding Lead, Priya Shah, on 07700 900456 the same day."),
        ("3", "If a young person is in immediate danger, call 999 first."),
    ]
    answer = PolicyAdvisor(knowledge, contact="the GSL").answer_now("who is our safeguarding lead?")
    assert answer.hits[0].clause.text.startswith("Tell the Group Safeguarding Lead, Priya Shah")


def test_a_browsers_pdf_reads_as_its_paragraphs_and_bulleted_rules() -> None:
    # a real Chromium PDF (see tests/core/data/README.md): paragraphs ran together, the rules lost their bullets
    knowledge = load_knowledge(Path(__file__).parent / "data" / "chromium-bulleted-policy.pdf")
    assert knowledge.documents[0].title == "Riverside Youth Club Social Media Policy"
    assert [(clause.heading, clause.text) for clause in knowledge.clauses][1:] == [
        (
            "Contact with young people",
            "Staff and volunteers keep their contact with young people to the club's own accounts and group "
            "chats, which a second adult can always see.",
        ),
        (
            "Contact with young people",
            "Staff and volunteers must not:\n"
            "accept or send friend or follow requests from young people on personal accounts;\n"
            "message a young person one to one, on any app;\n"
            "give a young person their personal phone number.",
        ),
        (
            "Photographs",
            "Photos of members are taken only on the club camera, with their parent's written consent, and are "
            "deleted from it at the end of each term.",
        ),
        (
            "Photographs",
            "Worried about a young person? Tell the Designated Safeguarding Lead, Sam Jones, on 07700 900123 the "
            "same day.",
        ),
    ]


def _placed(x: int, y: int, text: str, size: int = 10) -> str:
    return f"BT /F1 {size} Tf 1 0 0 1 {x} {y} Tm ({_pdf_escape(text)}) Tj ET"


def _drawn_label(x: int, y: int, text: str = "") -> str:
    """A tagged list item's label: a small filled square (a bullet drawn as a shape), or its number as text."""
    shown = _placed(x, y, text) if text else f"{x} {y} 4 4 re f"
    return f"/Lbl <</MCID 0>> BDC {shown} EMC"


def test_a_pdfs_paragraphs_are_told_apart_by_the_space_between_them_and_drawn_bullets_kept(tmp_path: Path) -> None:
    # no line keeps a space at its end (as LibreOffice's do), so only the space between lines tells a paragraph's
    # end; the bullets are shapes, marked as list labels, and a rule drawn across the page is no bullet
    ops = [
        # a title in large type wrapped over two lines: its lines are as far apart as its size asks, no further
        _placed(50, 790, "Riverside Youth Club Social Media and", size=20),
        _placed(50, 766, "Photography Policy", size=20),
        _placed(50, 740, "Photographs", size=14),
        _placed(50, 712, "Photos of members are taken only on the club camera, with"),
        _placed(50, 699, "the written consent of a parent, and are deleted from it at the"),
        _placed(50, 686, "end of each term."),
        "50 676 500 1 re f",  # a rule across the page, not in a list
        _placed(50, 662, "Staff must not:"),
        _drawn_label(56, 650),
        _placed(70, 649, "post photos of members on their own accounts;"),
        _drawn_label(56, 637),
        _placed(70, 636, "tag members or name them in a post."),
        _drawn_label(50, 610, text="1."),
        _placed(70, 610, "The Welfare Officer checks the club page each week."),
    ]
    _write_pdf(tmp_path / "policy.pdf", ["\n".join(ops)])
    paragraphs = read_document(tmp_path / "policy.pdf").text.split("\n\n")
    assert paragraphs[:2] == ["Riverside Youth Club Social Media and\nPhotography Policy", "Photographs"]
    knowledge = load_knowledge(tmp_path / "policy.pdf")
    assert knowledge.documents[0].title == "Riverside Youth Club Social Media and Photography Policy"
    clauses = [(clause.heading, clause.text) for clause in knowledge.clauses]
    assert clauses == [
        (
            "Photographs",
            "Photos of members are taken only on the club camera, with the written consent of a parent, and are "
            "deleted from it at the end of each term.",
        ),
        (
            "Photographs",
            "Staff must not:\npost photos of members on their own accounts;\ntag members or name them in a post.",
        ),
        ("Photographs", "The Welfare Officer checks the club page each week."),
    ]


def test_a_pdfs_paragraphs_written_line_after_line_in_one_text_object_are_told_apart(tmp_path: Path) -> None:
    # as WeasyPrint and many writers do: each line ended by moving to the next (T*), pypdf giving "line\n" pieces
    paragraphs = [
        ["Photos of members are taken only on the club camera and are", "deleted from it at the end of each term."],
        ["Staff must not post photos of members on their own accounts", "or tag members in a post, even when asked."],
        ["The Welfare Officer checks the club page each week and keeps", "a record of what was taken down."],
    ]
    ops = ["BT", "/F1 10 Tf", "13 TL", "50 700 Td"]
    for number, lines in enumerate(paragraphs):
        if number:
            ops.append("0 -11 Td T*")  # the space between paragraphs: a line and a bit
        ops += [f"({_pdf_escape(line)}) Tj T*" for line in lines[:-1]] + [f"({_pdf_escape(lines[-1])}) Tj"]
    _write_pdf(tmp_path / "policy.pdf", ["\n".join([*ops, "ET"])])
    read = read_document(tmp_path / "policy.pdf").text
    assert read.strip().split("\n\n") == ["\n".join(lines) for lines in paragraphs]


def test_a_pdf_rewritten_by_ghostscript_reads_its_joined_letters_as_letters() -> None:
    # a real file (see tests/core/data/README.md): "identi昀椀ed", "sta昀昀" matched no question's words
    knowledge = load_knowledge(Path(__file__).parent / "data" / "ghostscript-confidentiality.pdf")
    assert knowledge.documents[0].title == "Riverside Youth Club Confidentiality Policy"
    assert [clause.text for clause in knowledge.clauses] == [
        "Staff must keep confidential anything a young person tells them, unless it has to be shared to keep them "
        "safe.",
        "Concerns identified by staff are flagged to the Designated Safeguarding Lead the same day, in the office's "
        "first-floor filing cabinet.",
    ]


@pytest.mark.parametrize("count", [2, 3])
def test_a_pdf_page_set_in_columns_of_text_reads_each_column_in_order(tmp_path: Path, count: int) -> None:
    # a leaflet's columns side by side: the layout lines them up like a table's; they are not one
    columns = [
        "Staff must never accept friend requests from young people on their personal accounts.",
        "Photographs of members may only be taken on the club camera and kept on the club drive.",
        "Any worry about the safety of a young person is reported to the Welfare Officer the same day.",
    ][:count]
    make_table_pdf(
        tmp_path / "leaflet.pdf",
        [(["Online safety at Riverside"], [[textwrap.wrap(text, 26) for text in columns]], [])],
    )
    text = " ".join(" ".join(clause.text.split()) for clause in load_knowledge(tmp_path / "leaflet.pdf").clauses)
    assert all(column in text for column in columns)


def test_a_pdf_page_whose_layout_cannot_be_read_keeps_its_plain_text(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # pypdf's layout mode is newer than its plain text: a page it fails on is read as before, table and all
    make_table_pdf(tmp_path / "policy.pdf", [(["Key people"], [CONTACTS_HEADER, *CONTACTS], ["Review due 2027."])])
    plain_text = PageObject.extract_text

    def failing_layout(page: PageObject, *args: Any, **kwargs: Any) -> str:
        if kwargs.get("extraction_mode") == "layout":
            raise ZeroDivisionError("float division by zero")
        return plain_text(page, *args, **kwargs)

    monkeypatch.setattr(PageObject, "extract_text", failing_layout)
    text = " ".join(clause.text for clause in load_knowledge(tmp_path / "policy.pdf").clauses)
    assert "Tom Adeyemi 01632 960212" in text and "Review due 2027." in text
    assert " | " not in text


def test_a_web_pages_table_reads_as_a_word_tables_does_a_merged_row_titling_and_numbers_listing(
    tmp_path: Path,
) -> None:
    contacts = (
        "<table><tr><th>Role</th><th>Name</th><th>Phone</th></tr>"
        "<tr><td colspan='3'>Out of hours</td></tr>"
        "<tr><td>Duty manager</td><td>Alex Kim</td><td>07700 900777</td></tr>"
        "<tr><td>On-call DSL</td><td>Sam Jones</td><td>07700 900123</td></tr></table>"
    )
    rules = (
        "<table><tr><td>1.</td><td>Photos are taken only on the club camera.</td></tr>"
        "<tr><td>2.</td><td>Photos are deleted from the camera after each event.</td></tr></table>"
    )
    (tmp_path / "policy.html").write_text(
        f"<html><body><h1>Riverside Youth Club Policy</h1><h2>Who to call</h2>{contacts}<h2>Photographs</h2>{rules}"
        "</body></html>",
        encoding="utf-8",
    )
    clauses = [(c.heading, c.ref, c.text) for c in load_knowledge(tmp_path / "policy.html").clauses]
    assert clauses == [  # as the same tables in a Word file give them
        ("Who to call › Out of hours", "Out of hours", "Duty manager | Alex Kim | 07700 900777"),
        ("Who to call › Out of hours", "Out of hours ¶2", "On-call DSL | Sam Jones | 07700 900123"),
        ("Photographs", "1", "Photos are taken only on the club camera."),  # was quoted "| Photos are..."
        ("Photographs", "2", "Photos are deleted from the camera after each event."),
    ]
