"""Confidential safeguarding reports: intake, validation, routing, the lead's actions and the outbox.

A report is validated, then stored with one delivery job per recipient in ONE transaction; only
then does the reporter get the reference. A worker (`Outbox`) delivers the jobs through the
platform's `ReportNotifier`, retrying with exponential backoff and jitter until each recipient has it,
and re-sends (escalates) reports nobody acknowledged in time. Jobs live in the store, so a process
killed between commit and delivery delivers on its next start.

Who may work on a report: a person currently configured as a lead, deputy or alternate on this
desk's platform, to whom the report was routed. So a report about a lead is never shown to them,
and a non-recipient can't learn whether a reference exists (same refusal either way).
"""

from __future__ import annotations

import asyncio
import csv
import io
import json
import logging
import random
import re
import time
import unicodedata
import uuid
from collections.abc import Iterable, Sequence
from contextlib import suppress
from datetime import timedelta
from typing import Literal

from assistant import messages
from assistant.errors import (
    ControlCharacters,
    DeliveryFailed,
    EmptyReport,
    InvalidReport,
    NoOneToReceive,
    NotAllowed,
    ReportClosed,
    ReportTooLong,
    UnknownRecipient,
)
from assistant.feedback import FeedbackLog
from assistant.models import (
    EVIDENCE_MAX,
    NOTE_MAX,
    SHORT_FIELD_MAX,
    WHAT_HAPPENED_MAX,
    ChronologyEntry,
    Decision,
    DeliveryJob,
    DeliveryKind,
    DeliveryProblem,
    Platform,
    Receipt,
    Recipients,
    Report,
    ReportDraft,
    ReportStatus,
    ReportSummary,
    UserRef,
    Vote,
)
from assistant.ports import Clock, ReportNotifier, ReportStore
from assistant.settings import CoreSettings

log = logging.getLogger(__name__)

ExportFormat = Literal["json", "csv"]
OPEN = (ReportStatus.NEW, ReportStatus.ACKNOWLEDGED)
_REFERENCE = re.compile(r"SG-\d{4}-\d{4,}")
_ALLOWED_CONTROLS = {"\n", "\t"}
_ERROR_DETAIL_MAX = 200
_CLAIM_BATCH = 64


# --- validation --------------------------------------------------------------------------------


def clean_text(label: str, value: str, limit: int, *, required: bool = False) -> str:
    """Normalise new lines and check one free-text field. Errors name the field, never quote it."""
    value = value.replace("\r\n", "\n").replace("\r", "\n")
    if required and not value.strip():
        raise EmptyReport(messages.EMPTY_REPORT)
    if len(value) > limit:
        raise ReportTooLong(messages.field_too_long(label, len(value), limit))
    if any(unicodedata.category(char) in ("Cc", "Cs") and char not in _ALLOWED_CONTROLS for char in value):
        raise ControlCharacters(messages.field_has_control_characters(label))
    return value


def validate_draft(draft: ReportDraft) -> ReportDraft:
    """The draft with normalised text, or an `InvalidReport` saying which box to fix."""
    return draft.model_copy(
        update={
            "what_happened": clean_text("what happened", draft.what_happened, WHAT_HAPPENED_MAX, required=True),
            "who": clean_text("who it concerns", draft.who, SHORT_FIELD_MAX),
            "when_where": clean_text("when and where", draft.when_where, SHORT_FIELD_MAX),
            "evidence": clean_text("evidence", draft.evidence, EVIDENCE_MAX),
            # a form's blank "is it about a lead?" answer means no one
            "concerns_recipient": (draft.concerns_recipient or "").strip() or None,
        }
    )


def _required_text(label: str, value: str, limit: int, empty_message: str) -> str:
    if not value.strip():
        raise InvalidReport(empty_message)
    return clean_text(label, value, limit)


def normalise_reference(reference: str) -> str | None:
    candidate = reference.strip().upper()
    return candidate if _REFERENCE.fullmatch(candidate) else None


# --- routing -----------------------------------------------------------------------------------


def _unique(people: Iterable[UserRef]) -> tuple[UserRef, ...]:
    seen: dict[str, UserRef] = {}
    for person in people:
        seen.setdefault(person.key, person)
    return tuple(seen.values())


def route(recipients: Recipients, concerns_recipient: str | None) -> tuple[UserRef, ...]:
    """Who receives a report: leads and deputies; never the person it is about.

    A report about a lead or deputy goes to everyone else plus the alternates (e.g. the chair of
    trustees). A report about an alternate goes to the leads and deputies as usual.
    """
    usual = _unique((*recipients.leads, *recipients.deputies))
    if concerns_recipient is None:
        return usual
    if concerns_recipient in {person.user_id for person in usual}:
        chosen = _unique((*usual, *recipients.alternates))
    elif concerns_recipient in {person.user_id for person in recipients.alternates}:
        chosen = usual
    else:
        raise UnknownRecipient(messages.unknown_recipient(concerns_recipient[:64]))
    chosen = tuple(person for person in chosen if person.user_id != concerns_recipient)
    if not chosen:
        raise NoOneToReceive(messages.NO_ONE_TO_RECEIVE)
    return chosen


def recipients_from_ids(
    platform: Platform, leads: Sequence[str], deputies: Sequence[str] = (), alternates: Sequence[str] = ()
) -> Recipients:
    """Recipients from configured ids (settings hold ids; names come from the platform, if at all)."""

    def people(ids: Sequence[str]) -> tuple[UserRef, ...]:
        return tuple(UserRef(platform=platform, user_id=user_id) for user_id in ids)

    return Recipients(leads=people(leads), deputies=people(deputies), alternates=people(alternates))


# --- retries -----------------------------------------------------------------------------------


def retry_delay(
    attempts: int,
    *,
    base: float,
    cap: float,
    retry_after: float | None,
    rng: random.Random,
) -> float:
    """Exponential backoff with "equal jitter", never sooner than the platform's `retry_after`."""
    ceiling = min(cap, base * 2.0 ** min(max(0, attempts - 1), 64))  # no float overflow after days of retries
    delay = ceiling / 2 + rng.uniform(0, ceiling / 2)
    return max(delay, retry_after or 0.0)


def _failure_reason(error: BaseException, timeout: float) -> tuple[str, float | None, bool]:
    """(safe description, retry_after, permanent). Only DeliveryFailed's own words are kept:
    other exceptions may echo a platform response, so only their type is recorded."""
    if isinstance(error, DeliveryFailed):
        return str(error)[:_ERROR_DETAIL_MAX], error.retry_after, error.permanent
    if isinstance(error, TimeoutError):
        return f"no answer within {timeout:g}s", None, False
    return f"unexpected {type(error).__name__}", None, False


# --- the desk ----------------------------------------------------------------------------------


class ReportDesk:
    """The core's report API for one platform's recipients, over a shared store."""

    def __init__(
        self,
        store: ReportStore,
        recipients: Recipients,
        notifier: ReportNotifier,
        settings: CoreSettings,
        clock: Clock,
        *,
        rng: random.Random | None = None,
    ) -> None:
        platforms = {person.platform for person in (*recipients.leads, *recipients.deputies, *recipients.alternates)}
        if len(platforms) != 1:
            raise ValueError("all recipients of one ReportDesk must be on one platform")
        self.platform: Platform = recipients.leads[0].platform
        self._store = store
        self._recipients = recipients
        self._settings = settings
        self._clock = clock
        self._people = {
            person.key: person for person in (*recipients.alternates, *recipients.deputies, *recipients.leads)
        }
        self.outbox = Outbox(store, notifier, settings, clock, self.platform, self._people, rng=rng)
        self.feedback = FeedbackLog(store, clock, store_question_text=settings.store_question_text)

    # --- reporter's side -----------------------------------------------------------------------

    async def submit(self, draft: ReportDraft) -> Receipt:
        """Validate, store with its delivery jobs in one transaction, and return the reference."""
        if draft.reporter.platform != self.platform:
            raise ValueError(f"a {draft.reporter.platform} report was given to the {self.platform} desk")
        draft = validate_draft(draft)
        chosen = route(self._recipients, draft.concerns_recipient)
        now = self._clock.now()
        entry = ChronologyEntry(
            at=now,
            actor=draft.reporter.key,
            action="submitted",
            detail="routed to " + ", ".join(person.key for person in chosen),
        )
        reference, duplicate = await self._store.create_report(draft, created_at=now, recipients=chosen, entry=entry)
        log.info("report %s received on %s%s", reference, self.platform, " (duplicate)" if duplicate else "")
        if not duplicate:
            self.outbox.wake()
        return Receipt(reference=reference, immediate_danger=draft.immediate_danger, duplicate=duplicate)

    # --- lead's side ---------------------------------------------------------------------------

    def is_recipient(self, user: UserRef) -> bool:
        """Is this person a configured lead, deputy or alternate here (may use the lead's commands)?"""
        return user.key in self._people

    async def _authorise(self, reference: str, actor: UserRef) -> str:
        ref = normalise_reference(reference)
        if ref is None or not self.is_recipient(actor) or not await self._store.has_access(ref, actor):
            log.info("refused %s access to a report", actor.key)
            raise NotAllowed(messages.NOT_ALLOWED)
        return ref

    def _require_recipient(self, actor: UserRef) -> None:
        if not self.is_recipient(actor):
            log.info("refused %s a lead-only action", actor.key)
            raise NotAllowed(messages.NOT_ALLOWED)

    async def _load(self, reference: str) -> Report:
        report = await self._store.load_report(reference)
        if report is None:  # purged between the access check and now
            raise NotAllowed(messages.NOT_ALLOWED)
        return report

    def _entry(self, actor: UserRef, action: str, detail: str = "") -> ChronologyEntry:
        return ChronologyEntry(at=self._clock.now(), actor=actor.key, action=action, detail=detail)

    async def list_open(self, actor: UserRef) -> list[ReportSummary]:
        """Open reports routed to this lead, oldest first: no free text, so no read is recorded."""
        self._require_recipient(actor)
        return await self._store.list_reports(actor, OPEN)

    async def show(self, reference: str, actor: UserRef) -> Report:
        """The whole report with its chronology; the read itself is recorded first."""
        ref = await self._authorise(reference, actor)
        await self._store.update_report(ref, [self._entry(actor, "viewed")])
        return await self._load(ref)

    async def _acknowledge(self, ref: str, actor: UserRef) -> bool:
        acknowledged = await self._store.update_report(
            ref,
            [self._entry(actor, "acknowledged")],
            set_status=ReportStatus.ACKNOWLEDGED,
            require_status=(ReportStatus.NEW,),
            notify_reporter="acknowledged",
        )
        if acknowledged:
            log.info("report %s acknowledged by %s", ref, actor.key)
            self.outbox.wake()
        return acknowledged

    async def acknowledge(self, reference: str, actor: UserRef) -> Report:
        """Mark it acknowledged (once) and queue the reporter's private note. Idempotent."""
        ref = await self._authorise(reference, actor)
        await self._acknowledge(ref, actor)
        return await self._load(ref)

    async def _change_open(
        self, ref: str, actor: UserRef, entry: ChronologyEntry, *, set_status: ReportStatus | None = None
    ) -> Report:
        """Work on an open report; working on a new one acknowledges it first (the lead has seen it)."""
        await self._acknowledge(ref, actor)
        if not await self._store.update_report(ref, [entry], set_status=set_status, require_status=OPEN):
            raise ReportClosed(messages.REPORT_CLOSED)
        return await self._load(ref)

    async def add_note(self, reference: str, actor: UserRef, note: str) -> Report:
        ref = await self._authorise(reference, actor)
        text = _required_text("note", note, NOTE_MAX, messages.EMPTY_NOTE)
        return await self._change_open(ref, actor, self._entry(actor, "note", text))

    async def record_decision(self, reference: str, actor: UserRef, decision: Decision, reason: str) -> Report:
        """Record whether it was referred (social care, police, LADO) or not, and why."""
        ref = await self._authorise(reference, actor)
        text = _required_text("reason", reason, NOTE_MAX, messages.EMPTY_REASON)
        return await self._change_open(ref, actor, self._entry(actor, "decision", f"{decision.value}: {text}"))

    async def close(self, reference: str, actor: UserRef, outcome: str) -> Report:
        ref = await self._authorise(reference, actor)
        text = _required_text("outcome", outcome, NOTE_MAX, messages.EMPTY_OUTCOME)
        report = await self._change_open(ref, actor, self._entry(actor, "closed", text), set_status=ReportStatus.CLOSED)
        log.info("report %s closed by %s", ref, actor.key)
        return report

    async def export(self, actor: UserRef, fmt: ExportFormat) -> str:
        """Every report routed to this lead (all statuses), for the organisation's records.

        Each export is recorded in each report's chronology.
        """
        self._require_recipient(actor)
        reports = []
        for ref in await self._store.accessible_references(actor):
            await self._store.update_report(ref, [self._entry(actor, "exported", fmt)])
            report = await self._store.load_report(ref)
            if report is not None:
                reports.append(report)
        log.info("%s exported %d reports as %s", actor.key, len(reports), fmt)
        return render_json(reports) if fmt == "json" else render_csv(reports)

    async def voted_questions(self, actor: UserRef) -> list[Vote]:
        """The votes kept with their question text (POLICYBOT_STORE_QUESTION_TEXT), for the organisation's own
        question set. A lead's action: a question can name a child."""
        self._require_recipient(actor)
        votes = await self.feedback.votes()
        log.info("%s exported %d voted questions", actor.key, len(votes))
        return votes

    async def purge(self, actor: UserRef) -> int:
        """Delete closed reports (routed to this lead) closed longer ago than the retention period."""
        self._require_recipient(actor)
        cutoff = self._clock.now() - timedelta(days=self._settings.retention_days)
        purged = await self._store.purge_closed(actor, closed_before=cutoff)
        log.info("%s purged %d closed reports", actor.key, purged)
        return purged

    async def delivery_problems(self, actor: UserRef) -> list[DeliveryProblem]:
        """Deliveries (of reports routed to this lead) that have failed and are still being retried."""
        self._require_recipient(actor)
        return await self._store.delivery_problems(actor)

    # --- the worker ----------------------------------------------------------------------------

    def start(self) -> None:
        self.outbox.start()

    async def stop(self) -> None:
        await self.outbox.stop()


# --- the outbox --------------------------------------------------------------------------------


class Outbox:
    """Delivers this platform's jobs from the store: retries, escalation, restart recovery.

    Each pass leases due jobs (so another worker sharing the store skips them), calls the notifier
    with a timeout, and records the outcome. A job is marked delivered only after the notifier
    returned, so a crash in between means one repeat delivery, never a lost one.
    """

    def __init__(
        self,
        store: ReportStore,
        notifier: ReportNotifier,
        settings: CoreSettings,
        clock: Clock,
        platform: Platform,
        people: dict[str, UserRef],
        *,
        rng: random.Random | None = None,
    ) -> None:
        self._store = store
        self._notifier = notifier
        self._settings = settings
        self._clock = clock
        self._platform = platform
        self._people = people
        self._rng = rng or random.Random()
        self._owner = f"{platform}-{uuid.uuid4().hex[:12]}"
        self._wake = asyncio.Event()
        self._task: asyncio.Task[None] | None = None
        self._stopping = False

    def wake(self) -> None:
        """Look for due work now (after a submit or an acknowledgement)."""
        self._wake.set()

    def start(self) -> None:
        if self._task is None:
            self._task = asyncio.create_task(self._run(), name=f"policybot-outbox-{self._platform}")
            self._task.add_done_callback(self._report_unexpected_end)

    def _report_unexpected_end(self, task: asyncio.Task[None]) -> None:
        if task is self._task and not task.cancelled() and task.exception() is not None:
            log.error("the %s delivery worker stopped", self._platform, exc_info=task.exception())

    async def stop(self) -> None:
        """Let the pass in progress finish (so nothing sent goes unrecorded and is sent twice later),
        then stop. A pass stuck longer than one delivery timeout is cancelled; its leases expire and
        the next start delivers those jobs."""
        task, self._task = self._task, None
        if task is None:
            return
        self._stopping = True
        self._wake.set()
        try:
            await asyncio.wait_for(asyncio.shield(task), self._settings.delivery_timeout_seconds + 5)
        except TimeoutError:
            task.cancel()
            with suppress(asyncio.CancelledError):
                await task
        except asyncio.CancelledError:
            task.cancel()  # we are being cancelled ourselves: don't leave the worker behind
            raise
        finally:
            self._stopping = False

    async def _run(self) -> None:
        poll = self._settings.delivery_poll_seconds
        last_escalation_check = float("-inf")
        while not self._stopping:
            self._wake.clear()
            delay = poll
            try:
                if time.monotonic() - last_escalation_check >= poll:
                    last_escalation_check = time.monotonic()
                    await self.escalate_overdue()
                if await self.deliver_due() >= _CLAIM_BATCH:
                    continue  # there may be more due right now
                due = await self._store.next_delivery_due(self._platform)
                if due is not None:
                    delay = min(poll, max(0.01, (due - self._clock.now()).total_seconds()))
            except Exception:
                log.exception("delivery pass on %s failed; retrying in %gs", self._platform, poll)
            if self._stopping:
                break
            with suppress(TimeoutError):
                async with asyncio.timeout(delay):
                    await self._wake.wait()

    async def deliver_due(self) -> int:
        """One pass: deliver every due job for this platform. Returns how many were attempted.

        Sends run concurrently; whichever finish together are recorded in one transaction, so a
        slow recipient neither holds up the others' records nor costs a commit per delivery.
        """
        now = self._clock.now()
        lease = timedelta(seconds=self._settings.delivery_timeout_seconds + 30)
        jobs = await self._store.claim_deliveries(
            self._platform, now=now, lease_until=now + lease, owner=self._owner, limit=_CLAIM_BATCH
        )
        reports: dict[str, Report | Exception | None] = {}
        for job in jobs:
            if job.reference not in reports:
                try:
                    reports[job.reference] = await self._store.load_report(job.reference, with_chronology=False)
                except Exception as error:  # one unreadable report must not hold up the others
                    log.error("report %s could not be loaded for delivery: %s", job.reference, type(error).__name__)
                    reports[job.reference] = error
        sending: dict[asyncio.Task[Exception | None], DeliveryJob] = {}
        for job in jobs:
            report = reports[job.reference]
            if isinstance(report, Exception):
                await self._record_failure(job, report)
            elif report is not None:  # None: purged, and its jobs with it
                sending[asyncio.create_task(self._attempt(job, report))] = job
        try:
            while sending:
                finished, _ = await asyncio.wait(sending, return_when=asyncio.FIRST_COMPLETED)
                delivered = []
                for task in finished:
                    job = sending.pop(task)
                    failure = task.result()
                    if failure is None:
                        delivered.append((job, self._delivered_entry(job)))
                    else:
                        await self._record_failure(job, failure)
                if delivered:
                    await self._store.complete_deliveries(delivered, owner=self._owner)
        finally:
            for task in sending:
                task.cancel()
        return len(jobs)

    def _person(self, user: UserRef) -> UserRef:
        return self._people.get(user.key, user)

    async def _attempt(self, job: DeliveryJob, report: Report) -> Exception | None:
        """Send once, within the timeout. Returns what went wrong, if anything."""
        if job.kind is not DeliveryKind.NOTICE and job.recipient.key not in self._people:
            # Taken off the recipients since it was queued: never send them a report now.
            return DeliveryFailed("no longer a configured lead, deputy or alternate", permanent=True)
        try:
            async with asyncio.timeout(self._settings.delivery_timeout_seconds):
                if job.kind is DeliveryKind.NOTICE:
                    notice = messages.reporter_notice(job.notice, report.reference)
                    await self._notifier.send_reporter_notice(report.reporter, report.reference, notice)
                else:
                    escalation = job.kind is DeliveryKind.ESCALATION
                    await self._notifier.send_report(self._person(job.recipient), report, escalation=escalation)
        except Exception as error:
            return error
        except asyncio.CancelledError:
            task = asyncio.current_task()
            if task is not None and task.cancelling():
                raise  # we are being stopped
            # A notifier that lets a stray CancelledError escape must not stop delivery for everyone.
            return DeliveryFailed("the notifier was cancelled")
        return None

    def _delivered_entry(self, job: DeliveryJob) -> ChronologyEntry:
        action = "reporter_notified" if job.kind is DeliveryKind.NOTICE else "delivered"
        detail = job.recipient.key + (f" (escalation {job.round})" if job.kind is DeliveryKind.ESCALATION else "")
        return ChronologyEntry(at=self._clock.now(), actor="system", action=action, detail=detail)

    async def _record_failure(self, job: DeliveryJob, error: Exception) -> None:
        why, retry_after, permanent = _failure_reason(error, self._settings.delivery_timeout_seconds)
        if permanent:
            delay = self._settings.delivery_permanent_retry_minutes * 60
            outlook = f"the platform refused it; retrying every {delay / 60:g} minutes"
        else:
            delay = retry_delay(
                job.attempts,
                base=self._settings.delivery_retry_base_seconds,
                cap=self._settings.delivery_retry_max_seconds,
                retry_after=retry_after,
                rng=self._rng,
            )
            outlook = f"retrying in {delay:.1f}s"
        now = self._clock.now()
        detail = f"{job.kind.value} to {job.recipient.key}, attempt {job.attempts}: {why}; {outlook}"
        log.warning(
            "report %s: delivery to %s failed (attempt %d): %s",
            job.reference,
            job.recipient.key,
            job.attempts,
            why,
        )
        await self._store.fail_delivery(
            job,
            owner=self._owner,
            next_attempt_at=now + timedelta(seconds=delay),
            permanent=permanent,
            error=why,
            entry=ChronologyEntry(at=now, actor="system", action="delivery_failed", detail=detail),
        )

    async def escalate_overdue(self) -> int:
        """Re-send unacknowledged reports to all their recipients, flagged as escalations."""
        now = self._clock.now()
        minutes = self._settings.ack_timeout_minutes
        cutoff = now - timedelta(minutes=minutes)
        escalated = 0
        for ref in await self._store.overdue_reports(
            self._platform, sent_before=cutoff, max_rounds=self._settings.max_escalations
        ):
            entry = ChronologyEntry(
                at=now,
                actor="system",
                action="escalated",
                detail=f"not acknowledged within {minutes:g} minutes; re-sent to every recipient",
            )
            if await self._store.escalate(ref, at=now, sent_before=cutoff, entry=entry):
                log.warning("report %s not acknowledged in time: escalated", ref)
                escalated += 1
        if escalated:
            self.wake()
        return escalated


# --- export ------------------------------------------------------------------------------------

_CSV_COLUMNS = (
    "reference",
    "created_at",
    "status",
    "category",
    "immediate_danger",
    "reporter",
    "what_happened",
    "who",
    "when_where",
    "evidence",
    "concerns_recipient",
    "chronology",
)


def render_json(reports: Sequence[Report]) -> str:
    return json.dumps([report.model_dump(mode="json") for report in reports], indent=2, ensure_ascii=False)


def _cell(value: str) -> str:
    """Stop spreadsheet programs from running report text as a formula (CSV injection)."""
    return "'" + value if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value


def render_csv(reports: Sequence[Report]) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(_CSV_COLUMNS)
    for report in reports:
        chronology = "\n".join(
            f"{entry.at.isoformat()} {entry.actor} {entry.action}" + (f": {entry.detail}" if entry.detail else "")
            for entry in report.chronology
        )
        reporter = f"{report.reporter.key} {report.reporter.display_name}".strip()
        row = [
            report.reference,
            report.created_at.isoformat(),
            report.status.value,
            report.category.value,
            "yes" if report.immediate_danger else "no",
            reporter,
            report.what_happened,
            report.who,
            report.when_where,
            report.evidence,
            report.concerns_recipient or "",
            chronology,
        ]
        writer.writerow([_cell(value) for value in row])
    return out.getvalue()
