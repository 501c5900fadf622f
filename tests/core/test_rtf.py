"""Reading Rich Text Format (.rtf) policies: a real LibreOffice file, and files the tests write."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.answers import PolicyAdvisor
from assistant.errors import UnreadableDocument
from assistant.knowledge import load_knowledge


def test_a_libreoffice_rtf_reads_its_numbered_rules_and_table_a_row_a_clause() -> None:
    # a real writer's file (see tests/core/data/README.md)
    knowledge = load_knowledge(Path(__file__).parent / "data" / "libreoffice-numbered-lists.rtf")
    assert knowledge.documents[0].title == "Kestrel Lane Youth Club Online Safety Policy"
    clauses = [(clause.label, clause.context, clause.text) for clause in knowledge.clauses]
    assert ("1.", "", "Staff must only contact young people through the club's own accounts.") in clauses
    assert ("4.", "", "Group chats are closed at 9pm.") in clauses
    assert clauses[-2:] == [
        ("", "Role | Name | Phone", "Designated Safeguarding Lead | Asha Patel | 07700 900461"),
        ("", "Role | Name | Phone", "Deputy DSL | Tom Reyes | 07700 900462"),
    ]
    answer = PolicyAdvisor(knowledge, contact="the DSL").answer_now("whats the deputy's number")
    assert answer.hits[0].clause.text == "Deputy DSL | Tom Reyes | 07700 900462"


WORD_RTF = (
    r"{\rtf1\ansi\ansicpg1252\deff0{\fonttbl{\f0 Calibri;}{\f1\fcharset2 Symbol;}}"
    r"{\header\pard Riverside Youth Club\par}"
    r"\pard\plain Photographs\par"
    r"\pard Staff must not:\par"
    r"{\listtext\pard\plain\f1 \'b7\tab}\pard post photos of members on their own accounts;\par"
    r"{\listtext\pard\plain\f1 \'b7\tab}\pard tag members or name them in a post.\par"
    r"\pard Photos are taken on the club\rquote s camera, caf\'e9 trips included \u8211? never on a phone.\par"
    r"{\pict\pngblip 89504e470d0a1a0a}"
    r"\pard Key people\par"
    r"\trowd\cellx3000\cellx6000 Role\cell Phone\cell\row"
    r"\trowd\cellx3000\cellx6000 Welfare Officer\cell 07700 900820\cell\row"
    r"\trowd\cellx3000\cellx6000 Deputy Welfare Officer\cell 07700 900821\cell\row"
    r"\pard Every concern is reported the same day.\par}"
)


def test_a_word_rtfs_bullets_table_and_characters_read_as_written(tmp_path: Path) -> None:
    (tmp_path / "policy.rtf").write_text(WORD_RTF, encoding="ascii")
    clauses = [(clause.heading, clause.context, clause.text) for clause in load_knowledge(tmp_path).clauses]
    assert clauses == [
        (
            "Photographs",
            "",
            "Staff must not:\npost photos of members on their own accounts;\ntag members or name them in a post.",
        ),
        ("Photographs", "", "Photos are taken on the club’s camera, café trips included – never on a phone."),
        ("Key people", "Role | Phone", "Welfare Officer | 07700 900820"),
        ("Key people", "Role | Phone", "Deputy Welfare Officer | 07700 900821"),
        ("Key people", "", "Every concern is reported the same day."),
    ]


@pytest.mark.parametrize(
    "content",
    [b"\x89PNG\r\n\x1a\n not text at all", b"Staff must not post photos.", b""],
)
def test_a_file_named_rtf_that_is_not_one_is_named_with_why(tmp_path: Path, content: bytes) -> None:
    (tmp_path / "policy.rtf").write_bytes(content)
    with pytest.raises(UnreadableDocument, match=r"policy\.rtf: is not a valid Rich Text Format \(\.rtf\) file"):
        load_knowledge(tmp_path / "policy.rtf")


def test_an_rtfs_headings_are_read_from_its_stylesheet(tmp_path: Path) -> None:
    # RTF marks a heading only by its style's number; Word names the styles in lower case, LibreOffice in title case
    rtf = (
        r"{\rtf1\ansi{\stylesheet{\s0 Normal;}{\s15\ql\b\fs40 Title;}{\s1\ql\b\fs32 heading 1;}"
        r"{\s2\ql\b\fs28 heading 2;}{\s16\fs20 footer;}}"
        r"\pard\plain\s15\b\fs40 Riverside Youth Club Social Media Policy\par"
        r"\pard\plain\s1\b\fs32 Photographs\par"
        r"\pard\plain\s0 Photos are taken on the club camera only.\par"
        r"\pard\plain\s2\b\fs28 Sharing photos\par"
        r"\pard\plain\s0 Photos are never posted with a child's full name.\par"
        r"\pard\plain\s16 Page 1\par}"
    )
    (tmp_path / "policy.rtf").write_text(rtf, encoding="ascii")
    knowledge = load_knowledge(tmp_path / "policy.rtf")
    assert knowledge.documents[0].title == "Riverside Youth Club Social Media Policy"
    headings = {clause.text: clause.heading for clause in knowledge.clauses}
    assert headings["Photos are taken on the club camera only."] == "Photographs"
    assert headings["Photos are never posted with a child's full name."] == "Photographs › Sharing photos"


def test_an_rtfs_footer_gives_its_review_date_and_quotes_its_contact_line_once(tmp_path: Path) -> None:
    # before, an RTF's headers and footers were not read: a review date kept only in the footer went unseen
    knowledge = load_knowledge(Path(__file__).parent / "data" / "libreoffice-numbered-lists.rtf")
    assert knowledge.documents[0].review_text == "Review date: 1 September 2025"
    footer = "Worried about a child? Call our DSL, Sam Jones, on 07700 900123"
    rtf = (
        r"{\rtf1\ansi{\headerl\pard Riverside \{Youth\} Club\par}{\headerr\pard Riverside \{Youth\} Club\par}"
        r"{\footer\pard Page {\field{\*\fldinst PAGE}{\fldrslt 1}}\tab " + footer + r"\par}"
        r"\pard Photos are taken on the club camera only.\par"
        r"\pard Lifts are given only with a parent's written consent.\par}"
    )
    (tmp_path / "policy.rtf").write_text(rtf, encoding="ascii")
    quoted = [(clause.heading, clause.text) for clause in load_knowledge(tmp_path / "policy.rtf").clauses]
    assert quoted == [
        ("", "Photos are taken on the club camera only."),
        ("", "Lifts are given only with a parent's written consent."),
        ("Page header and footer", footer),  # once, however many page kinds carry it; "Riverside..." never
    ]


def test_text_a_tracked_change_deleted_is_never_quoted(tmp_path: Path) -> None:
    # LibreOffice puts a deletion in a group of its own; Word marks it inside a run's group. striprtf keeps both.
    rtf = (
        r"{\rtf1\ansi\pard{\loch Lifts are given only }{\deleted\revauthdel1 \loch when a parent phones \{ahead\}.}"
        r"{\revised\revauth1 \loch with a parent's written consent.}\par"
        r"\pard Photos are taken {\rtlch\ltrch\deleted\insrsid1 on any phone}{\insrsid2 on the club camera}"
        r" {\deleted0 only}.\par}"
    )
    (tmp_path / "policy.rtf").write_text(rtf, encoding="ascii")
    assert [clause.text for clause in load_knowledge(tmp_path / "policy.rtf").clauses] == [
        "Lifts are given only with a parent's written consent.",
        "Photos are taken on the club camera only.",
    ]
