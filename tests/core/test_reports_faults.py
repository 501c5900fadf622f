"""Nothing is lost: failing, slow and rate-limited delivery, crashes, concurrency, two workers.

Every test runs on both backends. Retries use millisecond backoff, or a fake clock moved by hand.
"""

from __future__ import annotations

import asyncio
import logging
import random
import sqlite3
from collections import Counter
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from assistant.bootstrap import open_report_desk
from assistant.errors import DeliveryFailed, NotAllowed
from assistant.models import DeliveryKind, Report, ReportDraft, UserRef
from assistant.reports import recipients_from_ids, retry_delay
from tests.core.reports_support import (
    BACKENDS,
    LEAD,
    OTHER_LEAD,
    RATE_LIMITED,
    RECIPIENTS,
    REPORTER,
    FakeClock,
    RecordingNotifier,
    backend,
    eventually,
    settings_for,
)

TEXT = "A parent posted photos of other children from the trip in a public Facebook group."
EVERYONE = ("console:lead-a", "console:lead-b", "console:deputy-c")


@pytest.fixture(params=BACKENDS)
async def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[str]:
    async with backend(request.param, tmp_path) as url:
        yield url


def draft(submission: str) -> ReportDraft:
    return ReportDraft(reporter=REPORTER, submission_id=submission, what_happened=TEXT)


def failures_recorded(chronology: tuple[object, ...]) -> list[str]:
    return [e.detail for e in chronology if getattr(e, "action", "") == "delivery_failed"]  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("failure", "recorded"),
    [
        (RuntimeError(f"platform echoed: {TEXT}"), "unexpected RuntimeError"),
        (DeliveryFailed("HTTP 503"), "HTTP 503"),
        ("hang", "no answer within 0.2s"),
        (asyncio.CancelledError(), "the notifier was cancelled"),
    ],
    ids=["exception", "delivery-failed", "timeout", "stray-cancel"],
)
async def test_a_failing_notifier_still_delivers_after_retries(
    database_url: str, failure: BaseException | str, recorded: str
) -> None:
    notifier = RecordingNotifier()
    notifier.failures = [failure, failure]  # the first two sends fail
    settings = settings_for(database_url, delivery_timeout_seconds=0.2)
    async with open_report_desk(settings, RECIPIENTS, notifier) as desk:
        receipt = await desk.submit(draft("retry-1"))
        await eventually(lambda: len(notifier.reports) == 3)
        await desk.stop()
        report = await desk.show(receipt.reference, LEAD)
    assert notifier.deliveries() == {(who, receipt.reference): 1 for who in EVERYONE}
    failed = failures_recorded(report.chronology)
    assert len(failed) == 2
    assert all(recorded in detail for detail in failed)
    assert all(TEXT not in detail and "platform echoed" not in detail for detail in failed)


async def test_rate_limits_are_honoured_before_retrying(database_url: str) -> None:
    notifier, clock = RecordingNotifier(), FakeClock()
    notifier.failures = [RATE_LIMITED]
    async with open_report_desk(settings_for(database_url), RECIPIENTS, notifier, clock, run_worker=False) as desk:
        receipt = await desk.submit(draft("rate-1"))
        await desk.outbox.deliver_due()
        assert len(notifier.reports) == 2  # one of three was rate limited
        clock.advance(seconds=10)
        assert await desk.outbox.deliver_due() == 0  # still inside retry_after
        clock.advance(seconds=21)
        await desk.outbox.deliver_due()
        report = await desk.show(receipt.reference, LEAD)
    assert notifier.deliveries() == {(who, receipt.reference): 1 for who in EVERYONE}
    [failed] = failures_recorded(report.chronology)
    assert "rate limited" in failed and "retrying in 30.0s" in failed


async def test_a_crash_between_commit_and_delivery_delivers_on_the_next_start(database_url: str) -> None:
    before_crash = RecordingNotifier()
    async with open_report_desk(settings_for(database_url), RECIPIENTS, before_crash, run_worker=False) as desk:
        receipts = [await desk.submit(draft(f"crash-{n}")) for n in range(3)]
    assert before_crash.reports == []  # stopped after the commit, before any delivery

    after_restart = RecordingNotifier()
    async with open_report_desk(settings_for(database_url), RECIPIENTS, after_restart):
        await eventually(lambda: len(after_restart.reports) == 9)
    assert after_restart.deliveries() == {(who, r.reference): 1 for who in EVERYONE for r in receipts}


async def test_200_concurrent_reports_get_unique_references_and_each_lead_gets_each_once(
    database_url: str,
) -> None:
    notifier = RecordingNotifier()
    async with open_report_desk(settings_for(database_url), RECIPIENTS, notifier) as desk:
        receipts = await asyncio.gather(*(desk.submit(draft(f"burst-{n}")) for n in range(200)))
        await eventually(lambda: len(notifier.reports) == 600)
        open_reports = await desk.list_open(LEAD)
    references = {receipt.reference for receipt in receipts}
    assert len(references) == 200 and len(open_reports) == 200
    assert notifier.deliveries() == {(who, ref): 1 for who in EVERYONE for ref in references}


async def test_two_workers_sharing_one_store_deliver_each_report_once(database_url: str) -> None:
    notifier = RecordingNotifier()  # both processes deliver through the same platform
    settings = settings_for(database_url)
    async with (
        open_report_desk(settings, RECIPIENTS, notifier) as first,
        open_report_desk(settings, RECIPIENTS, notifier) as second,
    ):
        receipts = await asyncio.gather(
            *(first.submit(draft(f"a-{n}")) for n in range(60)),
            *(second.submit(draft(f"b-{n}")) for n in range(60)),
            *(second.submit(draft(f"a-{n}")) for n in range(20)),  # platform retries via the other process
        )
        await eventually(lambda: len(notifier.reports) == 360)
        await asyncio.sleep(0.2)  # give a double delivery the chance to show up
    references = {receipt.reference for receipt in receipts}
    assert len(references) == 120
    assert notifier.deliveries() == {(who, ref): 1 for who in EVERYONE for ref in references}


async def test_a_lead_who_cannot_be_reached_is_visible_to_the_others_and_retried_slowly(
    database_url: str,
) -> None:
    notifier, clock = RecordingNotifier(), FakeClock()
    notifier.fail_for["console:lead-b"] = DeliveryFailed("cannot DM this user", permanent=True)
    async with open_report_desk(
        settings_for(database_url, delivery_permanent_retry_minutes=60),
        RECIPIENTS,
        notifier,
        clock,
        run_worker=False,
    ) as desk:
        receipt = await desk.submit(draft("perm-1"))
        await desk.outbox.deliver_due()
        [summary] = await desk.list_open(LEAD)
        [problem] = await desk.delivery_problems(LEAD)
        assert summary.undelivered_to == ("console:lead-b",)
        assert problem.permanent and problem.recipient == "console:lead-b"
        assert problem.kind is DeliveryKind.REPORT and problem.last_error == "cannot DM this user"

        clock.advance(minutes=59)
        assert await desk.outbox.deliver_due() == 0
        del notifier.fail_for["console:lead-b"]  # they opened their DMs
        clock.advance(minutes=2)
        await desk.outbox.deliver_due()
        assert (await desk.list_open(LEAD))[0].undelivered_to == ()
        assert await desk.delivery_problems(LEAD) == []
        report = await desk.show(receipt.reference, OTHER_LEAD)
    assert notifier.deliveries() == {(who, receipt.reference): 1 for who in EVERYONE}
    [failed] = failures_recorded(report.chronology)
    assert "console:lead-b" in failed and "refused" in failed


async def test_unacknowledged_reports_are_re_sent_as_escalations(database_url: str) -> None:
    notifier, clock = RecordingNotifier(), FakeClock()
    settings = settings_for(database_url, ack_timeout_minutes=60, max_escalations=2)
    async with open_report_desk(settings, RECIPIENTS, notifier, clock, run_worker=False) as desk:
        ignored = await desk.submit(draft("ignored"))
        seen = await desk.submit(draft("seen"))
        await desk.outbox.deliver_due()
        await desk.acknowledge(seen.reference, LEAD)

        clock.advance(minutes=30)
        assert await desk.outbox.escalate_overdue() == 0
        clock.advance(minutes=31)
        assert await desk.outbox.escalate_overdue() == 1
        assert await desk.outbox.escalate_overdue() == 0  # not twice for one lapse
        await desk.outbox.deliver_due()
        for _ in range(3):  # two more lapses, but at most two escalations
            clock.advance(minutes=61)
            await desk.outbox.escalate_overdue()
            await desk.outbox.deliver_due()
        report = await desk.show(ignored.reference, LEAD)
    escalations = Counter((who, ref) for who, ref, escalation in notifier.reports if escalation)
    assert escalations == {(who, ignored.reference): 2 for who in EVERYONE}
    assert [e.action for e in report.chronology].count("escalated") == 2


class SlowNotifier(RecordingNotifier):
    """Deliveries take a while, so shutdown happens in the middle of one."""

    def __init__(self) -> None:
        super().__init__()
        self.started = asyncio.Event()

    async def send_report(self, recipient: UserRef, report: Report, *, escalation: bool) -> None:
        self.started.set()
        await asyncio.sleep(0.05)
        await super().send_report(recipient, report, escalation=escalation)


async def test_shutting_down_mid_delivery_finishes_it_so_nobody_gets_it_twice(database_url: str) -> None:
    slow = SlowNotifier()
    async with open_report_desk(settings_for(database_url), RECIPIENTS, slow) as desk:
        receipt = await desk.submit(draft("shutdown-1"))
        await slow.started.wait()
    assert len(slow.reports) == 3  # the pass in progress was allowed to finish and be recorded

    after_restart = RecordingNotifier()
    async with open_report_desk(settings_for(database_url), RECIPIENTS, after_restart, run_worker=False) as desk:
        assert await desk.outbox.deliver_due() == 0
        report = await desk.show(receipt.reference, LEAD)
    assert after_restart.reports == []
    assert [e.action for e in report.chronology].count("delivered") == 3


async def test_desks_for_different_platforms_share_a_store_but_deliver_only_their_own(
    database_url: str,
) -> None:
    slack_people = recipients_from_ids("slack", ["U0LEAD1"], ["U0DEPUTY"])
    slack_reporter = UserRef(platform="slack", user_id="U0AMY")
    on_slack, on_console = RecordingNotifier(), RecordingNotifier()
    settings = settings_for(database_url)
    async with (
        open_report_desk(settings, slack_people, on_slack) as slack_desk,
        open_report_desk(settings, RECIPIENTS, on_console) as console_desk,
    ):
        from_slack = await slack_desk.submit(
            ReportDraft(reporter=slack_reporter, submission_id="V123", what_happened=TEXT)
        )
        from_console = await console_desk.submit(draft("V123"))  # same id on another platform: another report
        await eventually(lambda: len(on_slack.reports) == 2 and len(on_console.reports) == 3)
        with pytest.raises(ValueError, match="slack report was given to the console desk"):
            await console_desk.submit(ReportDraft(reporter=slack_reporter, submission_id="x", what_happened=TEXT))
        assert [s.reference for s in await console_desk.list_open(LEAD)] == [from_console.reference]
        with pytest.raises(NotAllowed):
            await slack_desk.show(from_console.reference, UserRef(platform="slack", user_id="U0LEAD1"))
    assert from_slack.reference != from_console.reference
    assert {who for who, _, _ in on_slack.reports} == {"slack:U0LEAD1", "slack:U0DEPUTY"}
    assert {ref for _, ref, _ in on_console.reports} == {from_console.reference}


async def test_someone_taken_off_the_recipients_is_not_sent_a_queued_report(database_url: str) -> None:
    async with open_report_desk(settings_for(database_url), RECIPIENTS, RecordingNotifier(), run_worker=False) as desk:
        receipt = await desk.submit(draft("before-change"))
    fewer = recipients_from_ids("console", ["lead-a"], ["deputy-c"])  # lead-b has left
    notifier = RecordingNotifier()
    async with open_report_desk(settings_for(database_url), fewer, notifier, run_worker=False) as desk:
        await desk.outbox.deliver_due()
        [problem] = await desk.delivery_problems(LEAD)
    assert {who for who, _ in notifier.deliveries()} == {"console:lead-a", "console:deputy-c"}
    assert problem.recipient == "console:lead-b" and problem.permanent
    assert problem.reference == receipt.reference


async def test_report_text_never_reaches_the_logs(database_url: str, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    notifier = RecordingNotifier()
    notifier.failures = [RuntimeError(f"platform echoed: {TEXT}"), DeliveryFailed("HTTP 500")]
    clock = FakeClock()
    settings = settings_for(database_url, ack_timeout_minutes=1)
    async with open_report_desk(settings, RECIPIENTS, notifier, clock, run_worker=False) as desk:
        receipt = await desk.submit(draft("logged-1"))
        for _ in range(3):
            clock.advance(minutes=2)
            await desk.outbox.escalate_overdue()
            await desk.outbox.deliver_due()
        await desk.show(receipt.reference, LEAD)
        await desk.add_note(receipt.reference, LEAD, f"note about {TEXT}")
        await desk.export(LEAD, "csv")
        with pytest.raises(NotAllowed):
            await desk.show(receipt.reference, UserRef(platform="console", user_id="nosy"))
        await desk.close(receipt.reference, LEAD, TEXT)
    assert "SG-" in caplog.text  # the logs say what happened, by reference...
    assert TEXT not in caplog.text and "platform echoed" not in caplog.text  # ...never the text


@pytest.mark.parametrize("attempts", [1, 2, 5, 12, 10_000])
def test_backoff_grows_to_its_cap_with_jitter_and_honours_retry_after(attempts: int) -> None:
    rng = random.Random(7)
    delays = [retry_delay(attempts, base=2, cap=300, retry_after=None, rng=rng) for _ in range(50)]
    ceiling = min(300, 2 * 2 ** min(attempts - 1, 64))
    assert all(ceiling / 2 <= delay <= ceiling for delay in delays)
    assert len(set(delays)) > 1  # jittered, so many clients don't retry in step
    assert retry_delay(attempts, base=2, cap=300, retry_after=900, rng=rng) == 900


async def test_one_damaged_report_does_not_hold_up_the_others(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'damaged.db'}"
    notifier = RecordingNotifier()
    async with open_report_desk(settings_for(url), RECIPIENTS, notifier, run_worker=False) as desk:
        damaged = await desk.submit(draft("damaged"))
        healthy = await desk.submit(draft("healthy"))
        damage_row(tmp_path / "damaged.db", damaged.reference)  # e.g. a disk fault, or a bad restore
        await desk.outbox.deliver_due()
        problems = await desk.delivery_problems(LEAD)
    assert {ref for _, ref in notifier.deliveries()} == {healthy.reference}
    assert {p.reference for p in problems} == {damaged.reference}
    assert all("WrongReportKey" in p.last_error for p in problems)


def damage_row(database: Path, reference: str) -> None:
    with sqlite3.connect(database) as conn:
        conn.execute("UPDATE reports SET sealed = x'01deadbeef' WHERE reference = ?", (reference,))
