"""Damaged policy files, as a half-copied download or a failing disk leaves them: each is read or named, never a
traceback that stops the rest of the folder loading."""

from __future__ import annotations

import random
from pathlib import Path

import docx
import pytest

from assistant.documents import read_document
from assistant.errors import UnreadableDocument
from assistant.knowledge import load_knowledge

DATA = Path(__file__).parent / "data"
DAMAGED_COPIES = 40  # of each file: a third cut short, the rest with bytes changed


def word_file(folder: Path) -> Path:
    document = docx.Document()
    document.add_heading("Riverside Youth Club Social Media Policy", level=0)
    document.add_paragraph("Staff must not post photos of members on their own accounts.", style="List Number")
    document.add_table(rows=2, cols=2).cell(0, 0).text = "Designated Safeguarding Lead"
    document.sections[0].footer.paragraphs[0].text = "Review date: May 2021"
    document.save(str(folder / "policy.docx"))
    return folder / "policy.docx"


def damaged_copies(data: bytes, seed: int) -> list[bytes]:
    """The same file damaged DAMAGED_COPIES ways, the same ways every run."""
    chance = random.Random(seed)
    copies = []
    for number in range(DAMAGED_COPIES):
        damaged = bytearray(data)
        if number % 3 == 0:
            damaged = damaged[: chance.randrange(1, len(damaged))]
        else:
            for _ in range(chance.randrange(1, 20)):
                damaged[chance.randrange(len(damaged))] = chance.randrange(256)
        copies.append(bytes(damaged))
    return copies


@pytest.mark.parametrize(
    "source",
    [
        "word",
        "libreoffice-numbered-lists.odt",
        "libreoffice-numbered-lists.rtf",
        "chromium-bulleted-policy.pdf",
        "libreoffice-two-column-contacts.pdf",
        "weasyprint-listed-policy.pdf",
        "libreoffice-swimming-club.doc",
        "libreoffice-text-box.doc",
    ],
)
def test_a_damaged_file_is_read_or_named_never_a_traceback(tmp_path: Path, source: str) -> None:
    original = word_file(tmp_path) if source == "word" else DATA / source
    target = tmp_path / f"damaged{original.suffix}"
    named = 0
    for seed, data in enumerate(damaged_copies(original.read_bytes(), seed=len(source))):
        target.write_bytes(data)
        try:
            read_document(target)
        except UnreadableDocument as err:
            named += 1
            assert str(err).startswith(f"{target}: "), seed  # the file, then why, in words
    assert named > 0  # the damage reached the reader: some copies can't be read, and were named


def test_a_folder_with_a_damaged_file_still_loads_its_good_ones(tmp_path: Path) -> None:
    good = word_file(tmp_path)
    (tmp_path / "cut.odt").write_bytes((DATA / "libreoffice-numbered-lists.odt").read_bytes()[:5000])
    knowledge = load_knowledge(tmp_path)
    assert [document.source for document in knowledge.documents] == [good.name]
    assert [Path(problem.split(": ")[0]).name for problem in knowledge.problems] == ["cut.odt"]
