"""The report desk as reporters and leads use it, on both backends (SQLite file, PostgreSQL)."""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from assistant import messages
from assistant.bootstrap import open_report_desk
from assistant.errors import (
    ControlCharacters,
    EmptyReport,
    InvalidReport,
    NoOneToReceive,
    NotAllowed,
    ReportClosed,
    ReportTooLong,
    UnknownRecipient,
)
from assistant.models import (
    WHAT_HAPPENED_MAX,
    Decision,
    ReportCategory,
    ReportDraft,
    ReportStatus,
    UserRef,
)
from assistant.reports import ReportDesk, recipients_from_ids
from tests.core.reports_support import (
    BACKENDS,
    CHAIR,
    DEPUTY,
    LEAD,
    OTHER_LEAD,
    RECIPIENTS,
    REPORTER,
    STRANGER,
    FakeClock,
    RecordingNotifier,
    backend,
    eventually,
    settings_for,
)

TEXT = "Volunteer J messaged a 14-year-old on Snapchat at 22:10 asking to meet. She said 'he scares me'."


@dataclass
class Desk:
    desk: ReportDesk
    notifier: RecordingNotifier
    clock: FakeClock


@pytest.fixture(params=BACKENDS)
async def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[str]:
    async with backend(request.param, tmp_path) as url:
        yield url


@pytest.fixture
async def lead_desk(database_url: str) -> AsyncIterator[Desk]:
    """A desk whose outbox is driven by hand (`deliver_due`), on a clock the test moves."""
    notifier, clock = RecordingNotifier(), FakeClock()
    async with open_report_desk(settings_for(database_url), RECIPIENTS, notifier, clock, run_worker=False) as desk:
        yield Desk(desk, notifier, clock)


def draft(submission: str = "view-1", text: str = TEXT, **fields: object) -> ReportDraft:
    return ReportDraft(reporter=REPORTER, submission_id=submission, what_happened=text, **fields)  # type: ignore[arg-type]


async def test_a_report_reaches_every_lead_and_deputy_privately_once(database_url: str) -> None:
    notifier = RecordingNotifier()
    async with open_report_desk(settings_for(database_url), RECIPIENTS, notifier) as desk:
        receipt = await desk.submit(draft(category=ReportCategory.ONLINE_CONTACT))
        await eventually(lambda: len(notifier.reports) == 3)
        assert re.fullmatch(r"SG-\d{4}-0001", receipt.reference)
        assert not receipt.duplicate
        assert TEXT not in receipt.model_dump_json()
        assert notifier.deliveries() == {
            ("console:lead-a", receipt.reference): 1,
            ("console:lead-b", receipt.reference): 1,
            ("console:deputy-c", receipt.reference): 1,
        }
        assert notifier.seen_text == [TEXT] * 3
        await desk.stop()  # lets the worker finish recording what it delivered
        report = await desk.show(receipt.reference, LEAD)
        delivered = sorted(e.detail for e in report.chronology if e.action == "delivered")
        assert delivered == ["console:deputy-c", "console:lead-a", "console:lead-b"]


async def test_references_are_human_and_sequential_per_year(lead_desk: Desk) -> None:
    first = await lead_desk.desk.submit(draft("one"))
    second = await lead_desk.desk.submit(draft("two"))
    assert (first.reference, second.reference) == ("SG-2026-0001", "SG-2026-0002")
    lead_desk.clock.advance(days=365)
    assert (await lead_desk.desk.submit(draft("three"))).reference == "SG-2027-0001"


async def test_the_same_submission_twice_makes_one_report(lead_desk: Desk) -> None:
    first = await lead_desk.desk.submit(draft("view-9"))
    again = await lead_desk.desk.submit(draft("view-9"))
    await lead_desk.desk.outbox.deliver_due()
    assert again.duplicate and again.reference == first.reference
    assert [s.reference for s in await lead_desk.desk.list_open(LEAD)] == [first.reference]
    assert lead_desk.notifier.deliveries()[("console:lead-a", first.reference)] == 1


async def test_immediate_danger_receipt_tells_the_reporter_to_call_999(lead_desk: Desk) -> None:
    receipt = await lead_desk.desk.submit(draft(immediate_danger=True))
    confirmation = messages.report_received(receipt.reference, immediate_danger=receipt.immediate_danger)
    assert receipt.immediate_danger
    assert confirmation.startswith("If someone is in immediate danger, call 999")
    assert "confidential to the safeguarding lead(s)" in confirmation
    assert "anonymous" not in confirmation.lower()
    assert receipt.reference in confirmation


@pytest.mark.parametrize(
    ("fields", "error", "field_name"),
    [
        ({"text": ""}, EmptyReport, ""),
        ({"text": "  \n\t "}, EmptyReport, ""),
        ({"text": "x" * (WHAT_HAPPENED_MAX + 1)}, ReportTooLong, "what happened"),
        ({"who": "y" * 501}, ReportTooLong, "who it concerns"),
        ({"evidence": "z" * 1001}, ReportTooLong, "evidence"),
        ({"text": "secret words\x00hidden"}, ControlCharacters, "what happened"),
        ({"when_where": "secret words\x1b[2J"}, ControlCharacters, "when and where"),
        ({"text": "secret words \ud800"}, ControlCharacters, "what happened"),
    ],
)
async def test_bad_reports_are_refused_clearly_without_quoting_or_storing_them(
    lead_desk: Desk, fields: dict[str, str], error: type[InvalidReport], field_name: str
) -> None:
    with pytest.raises(error) as raised:
        await lead_desk.desk.submit(draft(**fields))
    assert field_name in raised.value.message
    assert "Nothing has been sent" in raised.value.message
    assert "secret" not in raised.value.message and "xxxx" not in raised.value.message
    assert await lead_desk.desk.list_open(LEAD) == []


async def test_new_lines_and_tabs_are_kept_and_windows_line_ends_normalised(lead_desk: Desk) -> None:
    receipt = await lead_desk.desk.submit(draft(text="line one\r\n\tline two\rthree"))
    report = await lead_desk.desk.show(receipt.reference, LEAD)
    assert report.what_happened == "line one\n\tline two\nthree"


async def test_a_report_about_a_lead_never_reaches_them(lead_desk: Desk) -> None:
    receipt = await lead_desk.desk.submit(draft(concerns_recipient="lead-a", category=ReportCategory.COLLEAGUE_CONDUCT))
    await lead_desk.desk.outbox.deliver_due()
    received = {who for who, _ in lead_desk.notifier.deliveries()}
    assert received == {"console:lead-b", "console:deputy-c", "console:chair-d"}
    assert await lead_desk.desk.list_open(LEAD) == []
    with pytest.raises(NotAllowed) as about_them:
        await lead_desk.desk.show(receipt.reference, LEAD)
    with pytest.raises(NotAllowed) as no_such:
        await lead_desk.desk.show("SG-2026-9999", LEAD)
    assert about_them.value.message == no_such.value.message == messages.NOT_ALLOWED
    assert (await lead_desk.desk.show(receipt.reference, CHAIR)).reference == receipt.reference


async def test_a_report_about_a_deputy_goes_to_the_leads_and_alternates(lead_desk: Desk) -> None:
    await lead_desk.desk.submit(draft(concerns_recipient="deputy-c"))
    await lead_desk.desk.outbox.deliver_due()
    received = {who for who, _ in lead_desk.notifier.deliveries()}
    assert received == {"console:lead-a", "console:lead-b", "console:chair-d"}
    assert await lead_desk.desk.list_open(DEPUTY) == []


@pytest.mark.parametrize("blank", ["", "  "])
async def test_a_blank_answer_to_is_it_about_a_lead_means_no_one(lead_desk: Desk, blank: str) -> None:
    await lead_desk.desk.submit(draft(concerns_recipient=blank))
    await lead_desk.desk.outbox.deliver_due()
    assert {who for who, _ in lead_desk.notifier.deliveries()} == {
        "console:lead-a",
        "console:lead-b",
        "console:deputy-c",
    }


async def test_naming_someone_who_is_not_a_lead_is_refused_and_nothing_is_stored(lead_desk: Desk) -> None:
    with pytest.raises(UnknownRecipient) as raised:
        await lead_desk.desk.submit(draft(concerns_recipient="nobody-9"))
    assert "nobody-9" in raised.value.message
    assert await lead_desk.desk.list_open(LEAD) == []


async def test_a_report_about_the_only_lead_with_nobody_else_is_refused(database_url: str) -> None:
    alone = recipients_from_ids("console", ["solo"])
    async with open_report_desk(settings_for(database_url), alone, RecordingNotifier(), run_worker=False) as desk:
        with pytest.raises(NoOneToReceive) as raised:
            await desk.submit(draft(concerns_recipient="solo"))
    assert "LADO" in raised.value.message


async def test_non_leads_get_the_same_polite_refusal_for_everything(lead_desk: Desk) -> None:
    receipt = await lead_desk.desk.submit(draft())
    desk = lead_desk.desk
    refusals = []
    for attempt in (
        desk.show(receipt.reference, STRANGER),
        desk.show("SG-2026-0404", STRANGER),
        desk.show("not a reference", LEAD),
        desk.acknowledge(receipt.reference, REPORTER),
        desk.add_note(receipt.reference, STRANGER, "note"),
        desk.close(receipt.reference, STRANGER, "done"),
        desk.list_open(STRANGER),
        desk.export(STRANGER, "json"),
        desk.purge(STRANGER),
        desk.delivery_problems(STRANGER),
    ):
        with pytest.raises(NotAllowed) as raised:
            await attempt
        refusals.append(raised.value.message)
    assert set(refusals) == {messages.NOT_ALLOWED}
    assert not desk.is_recipient(STRANGER) and desk.is_recipient(CHAIR)
    # the same person on another platform is someone else
    assert not desk.is_recipient(UserRef(platform="slack", user_id="lead-a"))


async def test_the_lead_works_a_report_through_and_every_read_is_recorded(lead_desk: Desk) -> None:
    desk = lead_desk.desk
    receipt = await desk.submit(draft())
    await desk.outbox.deliver_due()
    [summary] = await desk.list_open(LEAD)
    assert summary.status is ReportStatus.NEW and summary.reference == receipt.reference

    shown = await desk.show(receipt.reference.lower(), LEAD)
    assert shown.what_happened == TEXT and shown.reporter == REPORTER
    assert shown.chronology[-1].action == "viewed" and shown.chronology[-1].actor == "console:lead-a"

    acknowledged = await desk.acknowledge(receipt.reference, LEAD)
    again = await desk.acknowledge(receipt.reference, OTHER_LEAD)
    await desk.outbox.deliver_due()
    assert acknowledged.status is ReportStatus.ACKNOWLEDGED
    assert [e.action for e in again.chronology].count("acknowledged") == 1
    assert lead_desk.notifier.notices == [
        ("console:amy", receipt.reference, messages.reporter_notice("acknowledged", receipt.reference))
    ]

    await desk.add_note(receipt.reference, OTHER_LEAD, "Spoke to the young person's parent.")
    decided = await desk.record_decision(
        receipt.reference, LEAD, Decision.REFERRED_LADO, "Allegation about a volunteer"
    )
    assert decided.chronology[-1].detail == "referred_lado: Allegation about a volunteer"
    closed = await desk.close(receipt.reference, LEAD, "LADO advised; volunteer stood down.")
    assert closed.status is ReportStatus.CLOSED
    assert await desk.list_open(LEAD) == []
    with pytest.raises(ReportClosed):
        await desk.add_note(receipt.reference, LEAD, "late")
    with pytest.raises(ReportClosed):
        await desk.close(receipt.reference, LEAD, "again")
    actions = [e.action for e in (await desk.show(receipt.reference, DEPUTY)).chronology]
    assert actions[0] == "submitted" and actions[-1] == "viewed"
    assert {"viewed", "acknowledged", "reporter_notified", "note", "decision", "closed"} <= set(actions)


async def test_working_on_a_new_report_acknowledges_it(lead_desk: Desk) -> None:
    receipt = await lead_desk.desk.submit(draft())
    report = await lead_desk.desk.add_note(receipt.reference, LEAD, "Called the reporter back.")
    assert report.status is ReportStatus.ACKNOWLEDGED
    await lead_desk.desk.outbox.deliver_due()
    assert len(lead_desk.notifier.notices) == 1


@pytest.mark.parametrize("blank", ["", "   "])
async def test_notes_decisions_and_outcomes_need_words(lead_desk: Desk, blank: str) -> None:
    receipt = await lead_desk.desk.submit(draft())
    with pytest.raises(InvalidReport, match="can't be empty"):
        await lead_desk.desk.add_note(receipt.reference, LEAD, blank)
    with pytest.raises(InvalidReport, match="reason"):
        await lead_desk.desk.record_decision(receipt.reference, LEAD, Decision.NOT_REFERRED, blank)
    with pytest.raises(InvalidReport, match="outcome"):
        await lead_desk.desk.close(receipt.reference, LEAD, blank)


async def test_export_gives_the_records_in_json_and_spreadsheet_safe_csv(lead_desk: Desk) -> None:
    first = await lead_desk.desk.submit(draft("a"))
    formula = '=HYPERLINK("http://evil.example","click")'
    second = await lead_desk.desk.submit(draft("b", text=formula, who="@someone"))

    exported = json.loads(await lead_desk.desk.export(LEAD, "json"))
    assert [r["reference"] for r in exported] == [first.reference, second.reference]
    assert exported[0]["what_happened"] == TEXT
    assert exported[0]["chronology"][-1]["action"] == "exported"

    rows = list(csv.DictReader(io.StringIO(await lead_desk.desk.export(LEAD, "csv"))))
    assert [row["reference"] for row in rows] == [first.reference, second.reference]
    assert rows[0]["what_happened"] == TEXT
    assert rows[1]["what_happened"] == "'" + formula and rows[1]["who"] == "'@someone"
    assert "exported: json" in rows[0]["chronology"]


async def test_purge_removes_only_closed_reports_past_retention(database_url: str) -> None:
    clock, notifier = FakeClock(), RecordingNotifier()
    settings = settings_for(database_url, retention_days=30)
    async with open_report_desk(settings, RECIPIENTS, notifier, clock, run_worker=False) as desk:
        old = await desk.submit(draft("old"))
        kept_open = await desk.submit(draft("open"))
        await desk.close(old.reference, LEAD, "No further action")
        clock.advance(days=20)
        recent = await desk.submit(draft("recent"))
        await desk.close(recent.reference, LEAD, "Resolved")
        clock.advance(days=15)
        assert await desk.purge(LEAD) == 1
        with pytest.raises(NotAllowed):
            await desk.show(old.reference, LEAD)
        remaining = [r["reference"] for r in json.loads(await desk.export(LEAD, "json"))]
        assert remaining == [kept_open.reference, recent.reference]


async def test_feedback_counts_per_clause_and_keeps_questions_only_when_allowed(database_url: str) -> None:
    for store_text in (False, True):
        settings = settings_for(database_url, store_question_text=store_text)
        async with open_report_desk(settings, RECIPIENTS, RecordingNotifier(), run_worker=False) as desk:
            await desk.feedback.record("slack", "social-media.docx", "6.14", True, "can I friend a parent?")
            await desk.feedback.record("discord", "social-media.docx", "6.14", False, "friend a parent?")
            await desk.feedback.record("slack", "code-of-conduct.pdf", "2.1", True)
            counts = await desk.feedback.counts()
            votes = await desk.feedback.votes()
    assert [(c.source, c.clause_ref, c.helpful, c.not_helpful) for c in counts] == [
        ("code-of-conduct.pdf", "2.1", 2, 0),
        ("social-media.docx", "6.14", 2, 2),
    ]
    assert [(v.question, v.source, v.clause_ref, v.helpful) for v in votes] == [  # only from the opted-in round
        ("can I friend a parent?", "social-media.docx", "6.14", True),
        ("friend a parent?", "social-media.docx", "6.14", False),
    ]
