"""Reading Word 97-2003 (.doc) policies: real LibreOffice files, one altered as a password or an older Word would
leave it, and Word and RTF files saved under one another's names."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from assistant.answers import PolicyAdvisor
from assistant.documents import read_document
from assistant.errors import UnreadableDocument
from assistant.knowledge import load_knowledge

SWIMMING_CLUB = Path(__file__).parent / "data" / "libreoffice-swimming-club.doc"


def test_a_word_97_file_reads_as_the_word_file_it_was_saved_from() -> None:
    # a real writer's file (see tests/core/data/README.md); before, a .doc was refused with "save it as .docx"
    knowledge = load_knowledge(SWIMMING_CLUB)
    document = knowledge.documents[0]
    assert document.title == "Otterbrook Swimming Club Safeguarding Policy"  # its Title style
    assert document.review_text == "Review date: May 2021"  # from the page footer
    clauses = [(clause.heading, clause.label, clause.context, clause.text) for clause in knowledge.clauses]
    assert clauses == [
        ("Photographs and filming", "", "", "Parents may film their own child at galas from the spectator area."),
        ("Photographs and filming", "1.", "", "No filming on poolside or in the changing rooms."),
        ("Photographs and filming", "2.", "", "Photos for the club's Facebook page need written consent:"),
        ("Photographs and filming", "1.", "", "from a parent for swimmers under 16;"),  # a list of its own
        ("Photographs and filming", "2.", "", "from the swimmer too from 13."),
        ("Photographs and filming", "3.", "", "Never post a swimmer's full name with a photo."),
        ("Photographs and filming", "", "", "Coaches may film strokes for teaching, on the club iPad only."),
        ("Photographs and filming", "4.", "", "Films are deleted at the end of each season."),  # the list goes on
        (
            "Who to tell",
            "",
            "",
            # a hyperlink is a field: its words stay, its code (HYPERLINK "https://...") goes; the name is UTF-16
            "Report any worry on the concern form the same day.\n"
            "Welfare Officer: Łucja Nowak, 07700 900321\n"
            "Deputy Welfare Officer: Tom Ebbs, 07700 900322",
        ),
        ("Who to tell", "", "Role | Contact", "LADO | 01632 960755"),
        ("Who to tell", "", "Role | Contact", "Police | 999 in an emergency"),
        # a short paragraph typed in bold titles what follows it; a long one is a rule in bold
        ("Who to tell › Online safety", "", "", "Swimmers under 18 are never messaged one to one."),
        (
            "Who to tell › Online safety",
            "",
            "",
            "Every coach, volunteer and parent helper must read this policy before their first session.",
        ),
    ]
    answer = PolicyAdvisor(knowledge, contact="the Welfare Officer").answer_now("can parents film at galas?")
    assert answer.hits[0].clause.text == "Parents may film their own child at galas from the spectator area."
    assert [notice.review_text for notice in answer.stale] == ["Review date: May 2021"]


def _with_word_stream_changed(tmp_path: Path, at: int, value: bytes) -> Path:
    """The real file with bytes of its Word document stream's header changed, as another writer's might be. The
    stream starts on a 512-byte sector of the compound file, with Word's signature."""
    data = bytearray(SWIMMING_CLUB.read_bytes())
    start = next(n for n in range(512, len(data), 512) if data[n : n + 2] == b"\xec\xa5")
    data[start + at : start + at + len(value)] = value
    target = tmp_path / "policy.doc"
    target.write_bytes(bytes(data))
    return target


@pytest.mark.parametrize(
    ("at", "value", "why"),
    [
        (0x0A, b"\x00\x13", "is a password-protected Word file (save a copy without one)"),  # fEncrypted set
        (0x00, b"\xdc\xa5\x65\x00", "is a Word file older than Word 97 (open it in Word and save it as .docx)"),
        (0x02, b"\x65\x00", "is a Word file older than Word 97 (open it in Word and save it as .docx)"),  # nFib 101
        (0x00, b"\x00\x00", "is not a valid Word 97-2003 (.doc) file"),  # no Word file's signature
    ],
)
def test_a_doc_it_cannot_read_is_named_with_what_to_do(tmp_path: Path, at: int, value: bytes, why: str) -> None:
    target = _with_word_stream_changed(tmp_path, at, value)
    with pytest.raises(UnreadableDocument) as raised:
        read_document(target)
    assert str(raised.value) == f"{target}: {why}"


def test_a_word_or_rtf_file_saved_under_another_kinds_name_is_read_as_what_it_is(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_heading("Photographs", level=1)
    document.add_paragraph("Photos are taken only on the club camera.")
    document.save(str(tmp_path / "renamed-docx.doc"))
    (tmp_path / "renamed-rtf.doc").write_text(
        r"{\rtf1\ansi\deff0{\fonttbl{\f0 Calibri;}}\pard Lifts are given only with a parent's consent.\par}",
        encoding="ascii",
    )
    (tmp_path / "renamed-doc.docx").write_bytes(SWIMMING_CLUB.read_bytes())  # and the other way round
    (tmp_path / "renamed-doc.rtf").write_bytes(SWIMMING_CLUB.read_bytes())
    (tmp_path / "neither.doc").write_bytes(b"\xd0\xcf\x11\xe0 not the rest of an old Word file")
    knowledge = load_knowledge(tmp_path)
    assert sorted(clause.text for clause in knowledge.clauses if "camera" in clause.text or "Lifts" in clause.text) == [
        "Lifts are given only with a parent's consent.",
        "Photos are taken only on the club camera.",
    ]
    swimming = [d.source for d in knowledge.documents if d.title == "Otterbrook Swimming Club Safeguarding Policy"]
    assert sorted(swimming) == ["renamed-doc.docx", "renamed-doc.rtf"]
    assert knowledge.problems == (f"{tmp_path / 'neither.doc'}: is not a valid Word 97-2003 (.doc) file",)


def test_a_docs_tracked_deletion_is_never_quoted() -> None:
    # a real writer's file (see tests/core/data/README.md): the deleted words were quoted as if still the rule
    clauses = load_knowledge(Path(__file__).parent / "data" / "libreoffice-tracked-change.doc").clauses
    assert [clause.text for clause in clauses] == ["Lifts are given only with a parent's written consent."]


def test_a_docs_text_box_is_read_after_the_paragraph_it_stands_by() -> None:
    # a real writer's file (see tests/core/data/README.md): the lead named in a box on the front page was lost
    knowledge = load_knowledge(Path(__file__).parent / "data" / "libreoffice-text-box.doc")
    assert [(clause.heading, clause.text) for clause in knowledge.clauses] == [
        ("Who to contact", "Report any concern the same day."),
        ("Who to contact", "Designated Safeguarding Lead: Jo Bloggs, 07700 900123"),
        ("Photographs", "Photos are taken only on the club camera."),
    ]
