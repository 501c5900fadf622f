"""The Slack app: `/policy` answers, the `/report` form, DMs, @mentions and the App Home, on slack-bolt.

`policybot slack --port PORT` serves Bolt's `POST /slack/events` (commands, interactivity and
events) and `GET /healthz`; `policybot slack --socket` connects over Socket Mode instead.

This adapter does three things only: translate a Slack payload into our models (`to_*`), call the
core (`PolicyAdvisor`, `ReportDesk`), and render the result as Block Kit (`adapters.slack_views`),
sent with `send_*`. Handlers are `on_*`. Slack's rules live here: acknowledge within 3 seconds
(answer in the ack when it is ready in time, else through `response_url`), use `trigger_id` at
once, skip retried events, and escape user text. Everything else is the core's business.

One error boundary (`SlackBot.on_error`, Bolt's `app.error`): a `UserFacingError` is shown to the
person privately; any other exception is a fault, logged once with its traceback and ids (never
question or report text, never payload bodies), and the person gets the fixed apology privately.
A failure on a message not addressed to the bot posts nothing.
"""

from __future__ import annotations

import argparse
import asyncio
import functools
import logging
import re
import signal
import sys
import time
from collections import OrderedDict
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass
from typing import Any, Literal

import aiohttp
from aiohttp import web
from pydantic import ValidationError
from slack_bolt.adapter.aiohttp import to_aiohttp_response, to_bolt_request
from slack_bolt.adapter.socket_mode.aiohttp import AsyncSocketModeHandler
from slack_bolt.async_app import AsyncAck, AsyncApp
from slack_bolt.response import BoltResponse
from slack_sdk.errors import SlackApiError
from slack_sdk.http_retry.builtin_async_handlers import (
    AsyncConnectionErrorRetryHandler,
    AsyncRateLimitErrorRetryHandler,
)
from slack_sdk.web.async_client import AsyncWebClient
from slack_sdk.webhook.async_client import AsyncWebhookClient

from adapters import slack_views as views
from adapters.slack_notifier import SlackNotifier
from assistant import messages
from assistant.answers import PolicyAdvisor, build_advisor
from assistant.bootstrap import open_report_desk
from assistant.errors import (
    ConfigurationError,
    InvalidReport,
    KnowledgeError,
    NoOneToReceive,
    UnknownRecipient,
    UserFacingError,
)
from assistant.models import (
    Answer,
    Frozen,
    Recipients,
    Report,
    ReportCategory,
    ReportDraft,
    UserRef,
)
from assistant.ports import Clock
from assistant.reports import ReportDesk
from assistant.settings import CoreSettings, SlackSettings, load

log = logging.getLogger("policybot.slack")


def library_logger(name: str) -> logging.Logger:
    """A logger for Bolt or slack_sdk that never goes below INFO: at DEBUG they log request and
    response bodies (questions, reports), which must never reach a log."""
    logger = logging.getLogger(name)
    logger.setLevel(max(logger.getEffectiveLevel(), logging.INFO))
    return logger


ACK_BUDGET = 2.0  # seconds of Slack's 3 we spend waiting for an answer before acking empty
RESPONSE_URL_USES = 5  # Slack's limits on one response_url
RESPONSE_URL_LIFETIME = 30 * 60.0
SEEN_EVENTS_MAX = 10_000
SEEN_EVENTS_TTL = 60 * 60.0

# --- translation in: Slack payloads -> our models -------------------------------------------------


class SlashCommand(Frozen):
    user_id: str
    channel_id: str
    text: str
    response_url: str
    trigger_id: str


class ButtonPress(Frozen):
    user_id: str
    value: str
    trigger_id: str
    response_url: str | None = None
    channel_id: str | None = None
    message_ts: str | None = None


class IncomingMessage(Frozen):
    """A question typed to the bot: in its DM, or as an @mention in a channel."""

    kind: Literal["dm", "mention"]
    user_id: str
    channel_id: str
    text: str
    ts: str
    thread_ts: str | None = None


class LeadMessage(Frozen):
    """Where a lead's copy of a report is, so a modal's submission can update it."""

    reference: str
    channel_id: str = ""
    message_ts: str = ""


# Slack's markup in the text of a message or a command: a mention, a channel or a link in angle brackets ("<@U123>",
# "<!here>", "<#C123|general>", "<https://example.org|our page>"), and the three characters it uses escaped
_MARKUP = re.compile(r"<([^<>]*)>")
_EVERYONE = frozenset({"here", "channel", "everyone"})


def plain_text(slack_text: str) -> str:
    """What the person typed, from the text Slack sends of it: a mention or a link as it showed ("@here",
    "#general", a link's words or address) and "&", "<", ">" as themselves. Shown back to anyone, it is escaped
    again, so it pings no one."""

    def shown(found: re.Match[str]) -> str:
        target, _, label = found.group(1).partition("|")
        if target.startswith("!"):  # <!here>, <!subteam^S123|@leads>, <!date^...|fallback>
            name = target[1:].split("^", 1)[0]
            return f"@{name}" if name in _EVERYONE else label
        if target[:1] in ("@", "#"):  # a person or a channel, by its id and perhaps its name
            return target[0] + (label.lstrip("@#") or target[1:])
        return label or target  # a link

    return _MARKUP.sub(shown, slack_text).replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")


def to_slash_command(body: dict[str, Any]) -> SlashCommand:
    return SlashCommand(
        user_id=str(body.get("user_id", "")),
        channel_id=str(body.get("channel_id", "")),
        text=plain_text(str(body.get("text", ""))),
        response_url=str(body.get("response_url", "")),
        trigger_id=str(body.get("trigger_id", "")),
    )


def to_button_press(body: dict[str, Any]) -> ButtonPress:
    action = (body.get("actions") or [{}])[0]
    container = body.get("container") or {}
    channel = (body.get("channel") or {}).get("id") or container.get("channel_id")
    return ButtonPress(
        user_id=str((body.get("user") or {}).get("id", "")),
        value=str(action.get("value", "")),
        trigger_id=str(body.get("trigger_id", "")),
        response_url=body.get("response_url"),
        channel_id=channel,
        message_ts=container.get("message_ts"),
    )


MENTION = re.compile(r"<@[UW][A-Z0-9]+(?:\|[^>]*)?>")


def to_incoming_message(event: dict[str, Any]) -> IncomingMessage:
    kind: Literal["dm", "mention"] = "mention" if event.get("type") == "app_mention" else "dm"
    text = str(event.get("text", ""))
    if kind == "mention":
        text = MENTION.sub(" ", text, count=1)  # the @mention of the bot itself
    return IncomingMessage(
        kind=kind,
        user_id=str(event.get("user", "")),
        channel_id=str(event.get("channel", "")),
        text=plain_text(text),
        ts=str(event.get("ts", "")),
        thread_ts=event.get("thread_ts"),
    )


def to_user(user_id: str, display_name: str = "") -> UserRef:
    return UserRef(platform="slack", user_id=user_id, display_name=display_name[:200])


def input_value(state: dict[str, Any], block_id: str) -> Any:
    """The `value` element's state in one input block (`None` when left empty)."""
    element = (state.get(block_id) or {}).get("value") or {}
    match element.get("type"):
        case "plain_text_input":
            return element.get("value") or ""
        case "static_select":
            return (element.get("selected_option") or {}).get("value")
        case "checkboxes":
            return [o.get("value") for o in element.get("selected_options") or []]
        case "users_select":
            return element.get("selected_user")
    return None


def to_report_draft(body: dict[str, Any]) -> ReportDraft:
    """A submitted report form as the core's draft; the view id makes a retried submission one report."""
    view = body["view"]
    state = (view.get("state") or {}).get("values") or {}
    user = body.get("user") or {}
    category = input_value(state, "category")
    return ReportDraft(
        reporter=to_user(str(user.get("id", "")), str(user.get("name", ""))),
        submission_id=str(view.get("id", "")),
        what_happened=input_value(state, "what_happened") or "",
        who=input_value(state, "who") or "",
        when_where=input_value(state, "when_where") or "",
        category=ReportCategory(category) if category in set(ReportCategory) else ReportCategory.OTHER,
        immediate_danger="yes" in (input_value(state, "immediate_danger") or []),
        evidence=input_value(state, "evidence") or "",
        concerns_recipient=input_value(state, "concerns_recipient"),
    )


def to_lead_message(value: str) -> LeadMessage | None:
    try:
        return LeadMessage.model_validate_json(value)
    except ValidationError:
        return None


def to_recipients(slack: SlackSettings, core: CoreSettings) -> Recipients:
    return Recipients(
        leads=tuple(to_user(u) for u in slack.safeguarding_leads),
        deputies=tuple(to_user(u) for u in slack.safeguarding_deputies),
        alternates=tuple(to_user(u) for u in core.slack_safeguarding_alternates),
    )


def form_field(err: InvalidReport) -> str:
    """Which input of the report form an error from the core belongs to."""
    if isinstance(err, UnknownRecipient | NoOneToReceive):
        return "concerns_recipient"
    field = getattr(err, "field", None)
    return field if field in {"what_happened", "who", "when_where", "evidence"} else "what_happened"


# --- Slack's delivery rules -----------------------------------------------------------------------


class SeenEvents:
    """Event ids already taken on, so a retried event (HTTP `X-Slack-Retry-Num`, Socket Mode
    `retry_attempt`) is acknowledged and skipped. Per process, bounded, forgotten after an hour."""

    def __init__(self, *, limit: int = SEEN_EVENTS_MAX, ttl: float = SEEN_EVENTS_TTL) -> None:
        self.limit = limit
        self.ttl = ttl
        self._seen: OrderedDict[str, float] = OrderedDict()

    def first_time(self, event_id: str) -> bool:
        now = time.monotonic()
        while self._seen and (len(self._seen) >= self.limit or next(iter(self._seen.values())) < now - self.ttl):
            self._seen.popitem(last=False)
        if event_id in self._seen:
            return False
        self._seen[event_id] = now
        return True


class ResponseUrls:
    """Slack allows 5 uses of a `response_url` within 30 minutes of its issue; this keeps count.
    A url is counted from when we first use it (we use each one as soon as Slack sends it)."""

    def __init__(self) -> None:
        self._uses: OrderedDict[str, tuple[float, int]] = OrderedDict()

    def take(self, url: str, *, now: float | None = None) -> bool:
        now = time.monotonic() if now is None else now
        while self._uses and next(iter(self._uses.values()))[0] < now - 2 * RESPONSE_URL_LIFETIME:
            self._uses.popitem(last=False)  # long expired: forget
        first, uses = self._uses.get(url, (now, 0))
        if uses >= RESPONSE_URL_USES or now - first > RESPONSE_URL_LIFETIME:
            return False
        self._uses[url] = (first, uses + 1)
        return True


def retry_handlers() -> list[Any]:
    """slack_sdk retries nothing on 429 by default: honour Slack's Retry-After on every call."""
    return [AsyncConnectionErrorRetryHandler(), AsyncRateLimitErrorRetryHandler(max_retry_count=2)]


def build_web_client(slack: SlackSettings, session: aiohttp.ClientSession) -> AsyncWebClient:
    return AsyncWebClient(
        token=slack.bot_token.get_secret_value(),
        base_url=slack.api_url,
        session=session,
        retry_handlers=retry_handlers(),
        logger=library_logger("policybot.slack.web"),
    )


# --- the bot ------------------------------------------------------------------------------------------


Listener = Callable[[AsyncAck, dict[str, Any]], Awaitable[None]]


@dataclass
class SlackBot:
    """Holds the core and the Slack client; each `on_*` translates, calls the core, renders, sends."""

    advisor: PolicyAdvisor
    desk: ReportDesk
    client: AsyncWebClient
    session: aiohttp.ClientSession
    # how long to wait for the core before acknowledging empty and answering later (Slack allows 3 s)
    ack_budget: float = ACK_BUDGET

    def __post_init__(self) -> None:
        self.seen = SeenEvents()
        self.response_urls = ResponseUrls()

    # --- outbound ----------------------------------------------------------------------------

    async def send_response(self, url: str | None, **message: Any) -> bool:
        """Post to a `response_url` within Slack's limits. False when it can't be used (the caller
        falls back to the Web API)."""
        if not url or not self.response_urls.take(url):
            return False
        webhook = AsyncWebhookClient(url, session=self.session, retry_handlers=retry_handlers())
        response = await webhook.send_dict(message)
        if response.status_code != 200:
            log.warning("response_url refused (%s)", response.status_code)
            return False
        return True

    async def send_private(
        self,
        user_id: str,
        *,
        blocks: list[views.Block],
        text: str,
        response_url: str | None = None,
        channel_id: str | None = None,
        thread_ts: str | None = None,
        replace_original: bool = False,
    ) -> None:
        """Something only this person sees: through the response_url if there is one, else an
        ephemeral message in the channel, else their DM with the app."""
        sent = await self.send_response(
            response_url,
            response_type="ephemeral",
            replace_original=replace_original,
            text=text,
            blocks=blocks,
        )
        if sent:
            return
        if channel_id and not channel_id.startswith("D"):
            await self.client.chat_postEphemeral(
                channel=channel_id, user=user_id, text=text, blocks=blocks, thread_ts=thread_ts
            )
        else:
            await self.send_dm(user_id, blocks=blocks, text=text)

    async def send_dm(self, user_id: str, *, blocks: list[views.Block] | None, text: str) -> None:
        await self.client.chat_postMessage(channel=user_id, text=text, blocks=blocks)

    async def send_home(self, user_id: str) -> None:
        actor = to_user(user_id)
        reports = await self.desk.list_open(actor) if self.desk.is_recipient(actor) else None
        await self.client.views_publish(user_id=user_id, view=views.render_home(self.advisor.documents, reports))

    async def send_lead_copy(self, where: ButtonPress | LeadMessage, actor: UserRef, report: Report) -> None:
        """Update the lead's copy of the report in place (or send a fresh one if we can't find it)."""
        channel = where.channel_id
        ts = where.message_ts
        text = views.render_report_text(report)
        blocks = views.render_report_for_lead(report)
        if channel and ts:
            await self.client.chat_update(channel=channel, ts=ts, text=text, blocks=blocks)
        else:
            await self.send_dm(actor.user_id, blocks=blocks, text=text)

    # --- /policy, DMs and mentions ---------------------------------------------------------

    async def answer_within(self, question: str, ack: AsyncAck | None) -> tuple[Answer, bool]:
        """The core's answer; if it isn't ready within `ack_budget`, ack empty first (Slack's 3 s)
        and keep waiting. Returns the answer and whether the ack is still ours to send."""
        if ack is None:
            return await self.advisor.answer(question), False
        task = asyncio.ensure_future(self.advisor.answer(question))
        try:
            return await asyncio.wait_for(asyncio.shield(task), self.ack_budget), True
        except TimeoutError:
            await ack()
            return await task, False

    async def on_policy_command(self, ack: AsyncAck, body: dict[str, Any]) -> None:
        command = to_slash_command(body)
        if not command.text.strip():
            await ack(response_type="ephemeral", text=messages.SLACK_USAGE, blocks=views.render_usage())
            return
        answer, ack_is_ours = await self.answer_within(command.text, ack)
        text, blocks = views.render_answer_text(answer), views.render_answer(answer)
        if ack_is_ours:
            await ack(response_type="ephemeral", text=text, blocks=blocks)
        else:
            await self.send_private(
                command.user_id,
                response_url=command.response_url,
                channel_id=command.channel_id,
                text=text,
                blocks=blocks,
            )

    async def on_message(self, ack: AsyncAck, body: dict[str, Any]) -> None:
        """Direct messages to the app are questions, answered in the DM. Other messages are ignored."""
        event = body["event"]
        if event.get("channel_type") != "im" or event.get("subtype") or event.get("bot_id"):
            return
        message = to_incoming_message(event)
        await self.answer_message(message)

    async def on_mention(self, ack: AsyncAck, body: dict[str, Any]) -> None:
        """An @mention is a question, answered in its thread, visible only to the asker."""
        await self.answer_message(to_incoming_message(body["event"]))

    async def answer_message(self, message: IncomingMessage) -> None:
        if not message.text.strip():
            text, blocks = messages.SLACK_USAGE, views.render_usage()
        else:
            answer, _ = await self.answer_within(message.text, None)
            text = views.render_answer_text(answer)
            blocks = views.render_answer(answer, shareable=message.kind == "mention")
        if message.kind == "dm":
            await self.client.chat_postMessage(channel=message.channel_id, text=text, blocks=blocks)
        else:
            await self.client.chat_postEphemeral(
                channel=message.channel_id,
                user=message.user_id,
                thread_ts=message.thread_ts or message.ts,
                text=text,
                blocks=blocks,
            )

    # --- buttons on an answer --------------------------------------------------------------

    async def rebuild_answer(self, press: ButtonPress) -> tuple[Answer, views.AnswerRef] | None:
        ref = views.to_answer_ref(press.value)
        if ref is None:
            return None
        answer, _ = await self.answer_within(ref.q, None)
        return answer, ref

    async def on_show_others(self, ack: AsyncAck, body: dict[str, Any]) -> None:
        await ack()
        press = to_button_press(body)
        rebuilt = await self.rebuild_answer(press)
        if rebuilt is None:
            return
        answer, _ = rebuilt
        await self.send_private(
            press.user_id,
            response_url=press.response_url,
            channel_id=press.channel_id,
            replace_original=True,
            text=views.render_answer_text(answer),
            blocks=views.render_answer(answer, expanded=True),
        )

    async def on_share(self, ack: AsyncAck, body: dict[str, Any]) -> None:
        """Post the quote and its citation in the channel (never the question), as the app."""
        await ack()
        press = to_button_press(body)
        rebuilt = await self.rebuild_answer(press)
        if rebuilt is None:
            return
        answer, ref = rebuilt
        if ref.i >= len(answer.hits):
            await self.send_private(
                press.user_id,
                response_url=press.response_url,
                channel_id=press.channel_id,
                text=messages.SLACK_ANSWER_CHANGED,
                blocks=views.render_notice(messages.SLACK_ANSWER_CHANGED),
            )
            return
        hit = answer.hits[ref.i]
        text, blocks = views.citation(hit), views.render_shared(hit, press.user_id)
        if not await self.send_response(
            press.response_url, response_type="in_channel", replace_original=False, text=text, blocks=blocks
        ):
            await self.client.chat_postMessage(channel=press.channel_id or press.user_id, text=text, blocks=blocks)

    async def on_feedback(self, ack: AsyncAck, body: dict[str, Any]) -> None:
        await ack()
        press = to_button_press(body)
        helpful = (body.get("actions") or [{}])[0].get("action_id") == views.HELPFUL
        rebuilt = await self.rebuild_answer(press)
        if rebuilt is None or not rebuilt[0].hits:
            return
        answer, _ = rebuilt
        await self.record_feedback(answer, helpful=helpful)
        await self.send_private(
            press.user_id,
            response_url=press.response_url,
            channel_id=press.channel_id,
            replace_original=True,
            text=views.render_answer_text(answer),
            blocks=views.render_answer(answer, feedback_given=True),
        )

    async def record_feedback(self, answer: Answer, *, helpful: bool) -> None:
        top = answer.hits[0].clause
        await self.desk.feedback.record("slack", top.source, top.ref, helpful, answer.question)

    # --- reports: the reporter's side ----------------------------------------------------------

    async def on_report_command(self, ack: AsyncAck, body: dict[str, Any]) -> None:
        await ack()
        await self.client.views_open(trigger_id=to_slash_command(body).trigger_id, view=views.render_report_modal())

    async def on_open_report(self, ack: AsyncAck, body: dict[str, Any]) -> None:
        """The button under a `concern` answer: the report form, with the question as a start."""
        await ack()
        press = to_button_press(body)
        ref = views.to_answer_ref(press.value)
        await self.client.views_open(
            trigger_id=press.trigger_id, view=views.render_report_modal(what_happened=ref.q if ref else "")
        )

    async def on_report_submitted(self, ack: AsyncAck, body: dict[str, Any]) -> None:
        """Stored (and its deliveries queued) by the core before the ack; the reporter's receipt
        replaces the form and also arrives in their DM. Nothing goes to any channel."""
        draft = to_report_draft(body)
        submit = asyncio.ensure_future(self.desk.submit(draft))
        try:
            receipt = await asyncio.wait_for(asyncio.shield(submit), self.ack_budget)
        except TimeoutError:
            await ack(response_action="update", view=views.render_pending_view())
            receipt = await submit
        except InvalidReport as err:
            await ack(response_action="errors", errors={form_field(err): err.message})
            return
        else:
            await ack(response_action="update", view=views.render_receipt_view(receipt))
        log.info("report %s submitted (duplicate=%s)", receipt.reference, receipt.duplicate)
        if receipt.duplicate:
            return
        try:
            await self.send_dm(
                draft.reporter.user_id,
                blocks=views.render_receipt(receipt),
                text=views.escape(views.receipt_text(receipt)),
            )
        except SlackApiError as err:
            # Not a fault to apologise for: the report is stored and on its way, and the form already
            # showed the reference. An apology here would only invite a second report.
            log.warning("receipt DM for %s not delivered (%s)", receipt.reference, err.response.get("error"))

    # --- reports: the lead's side ----------------------------------------------------------------

    async def on_reports_command(self, ack: AsyncAck, body: dict[str, Any]) -> None:
        command = to_slash_command(body)
        await ack()
        summaries = await self.desk.list_open(to_user(command.user_id))
        await self.send_private(
            command.user_id,
            response_url=command.response_url,
            channel_id=command.channel_id,
            text=messages.slack_open_reports(len(summaries)),
            blocks=views.render_open_reports(summaries),
        )

    async def on_lead_show(self, ack: AsyncAck, body: dict[str, Any]) -> None:
        """The whole report goes to the lead's DM (never a channel, not even ephemerally)."""
        await ack()
        press = to_button_press(body)
        report = await self.desk.show(press.value, to_user(press.user_id))
        await self.send_dm(
            press.user_id, blocks=views.render_report_for_lead(report), text=views.render_report_text(report)
        )

    async def on_lead_acknowledge(self, ack: AsyncAck, body: dict[str, Any]) -> None:
        await ack()
        press = to_button_press(body)
        actor = to_user(press.user_id)
        report = await self.desk.acknowledge(press.value, actor)
        await self.send_lead_copy(press, actor, report)

    async def on_lead_note(self, ack: AsyncAck, body: dict[str, Any]) -> None:
        await self.send_lead_form(ack, body, views.render_note_modal)

    async def on_lead_close(self, ack: AsyncAck, body: dict[str, Any]) -> None:
        await self.send_lead_form(ack, body, views.render_close_modal)

    async def send_lead_form(
        self, ack: AsyncAck, body: dict[str, Any], render: Callable[[str, str], dict[str, Any]]
    ) -> None:
        """A lead's note or close form, remembering which DM to update when it is submitted."""
        await ack()
        press = to_button_press(body)
        where = LeadMessage(reference=press.value, channel_id=press.channel_id or "", message_ts=press.message_ts or "")
        await self.client.views_open(trigger_id=press.trigger_id, view=render(press.value, where.model_dump_json()))

    async def on_note_submitted(self, ack: AsyncAck, body: dict[str, Any]) -> None:
        await self.finish_lead_form(ack, body, "note")

    async def on_close_submitted(self, ack: AsyncAck, body: dict[str, Any]) -> None:
        await self.finish_lead_form(ack, body, "outcome")

    async def finish_lead_form(self, ack: AsyncAck, body: dict[str, Any], field: str) -> None:
        view = body["view"]
        where = to_lead_message(view.get("private_metadata", ""))
        if where is None:
            await ack()
            return
        text = input_value((view.get("state") or {}).get("values") or {}, field) or ""
        actor = to_user(str((body.get("user") or {}).get("id", "")))
        try:
            if field == "note":
                report = await self.desk.add_note(where.reference, actor, text)
            else:
                report = await self.desk.close(where.reference, actor, text)
        except UserFacingError as err:
            await ack(response_action="errors", errors={field: err.message})
            return
        await ack()
        await self.send_lead_copy(where, actor, report)

    # --- App Home ------------------------------------------------------------------------------

    async def on_home_opened(self, ack: AsyncAck, body: dict[str, Any]) -> None:
        event = body["event"]
        if event.get("tab", "home") == "home":
            await self.send_home(str(event.get("user", "")))

    # --- Slack's retries ---------------------------------------------------------------------

    async def skip_retried_events(
        self,
        body: dict[str, Any],
        next: Callable[[], Awaitable[None]],  # Bolt passes it by this name
    ) -> BoltResponse | None:
        """Middleware: an event we have already taken on is acknowledged and not processed again."""
        event_id = body.get("event_id") if body.get("type") == "event_callback" else None
        if event_id and not self.seen.first_time(str(event_id)):
            log.info("skipped a retried event %s", event_id)
            return BoltResponse(status=200, body="")
        await next()
        return None

    # --- the error boundary ------------------------------------------------------------------

    def guarded(self, listener: Listener) -> Listener:
        """Route a fault raised after the ack to `on_error` too.

        Bolt sends a listener's failure to `app.error`, but when it happens after `ack()` (as our
        slow work does) Bolt also forgets the ack it has not yet sent (slack_bolt 1.x's asyncio
        listener runner resets `ack.response`), so Slack would get no answer. Faults after the ack
        therefore go to the same boundary from here, and the ack stands.
        """

        @functools.wraps(listener)
        async def run(ack: AsyncAck, body: dict[str, Any]) -> None:
            try:
                await listener(ack, body)
            except Exception as error:
                if ack.response is None:
                    raise  # not acknowledged yet: Bolt's app.error answers in the ack
                await self.on_error(error, body, None)

        return run

    async def on_error(
        self, error: Exception, body: dict[str, Any], response: BoltResponse | None
    ) -> BoltResponse | None:
        """Bolt's `app.error`: the one place faults are logged and people told, privately."""
        where = describe(body)
        if isinstance(error, UserFacingError):
            text = error.message
            log.info("%s: %s", where, type(error).__name__)
        else:
            text = messages.SORRY
            log.error(
                "fault in %s: %s",
                where,
                type(error).__name__,
                exc_info=(type(error), error, error.__traceback__),
            )
        try:
            return await self.tell_privately(body, text, response)
        except Exception as err:  # the apology itself failed: nothing more we can do but log it
            log.error("could not tell the user about a fault in %s: %s", where, type(err).__name__)
            return None

    async def tell_privately(
        self, body: dict[str, Any], text: str, response: BoltResponse | None
    ) -> BoltResponse | None:
        blocks = views.render_notice(text)
        kind = body.get("type")
        if "command" in body or kind == "block_actions":
            if "command" in body and response is not None:  # not acknowledged yet: the apology is the ack
                return BoltResponse(status=200, body={"response_type": "ephemeral", "text": views.escape(text)})
            source = to_slash_command(body) if "command" in body else to_button_press(body)
            await self.send_private(
                source.user_id,
                response_url=source.response_url,
                channel_id=source.channel_id,
                text=views.escape(text),
                blocks=blocks,
            )
        elif kind == "view_submission":
            user_id = str((body.get("user") or {}).get("id", ""))
            if response is not None:
                view = views.render_notice_view(text)
                return BoltResponse(status=200, body={"response_action": "update", "view": view})
            await self.send_dm(user_id, blocks=blocks, text=views.escape(text))
        elif kind == "event_callback":
            event = body.get("event") or {}
            if event.get("type") == "app_mention" or (
                event.get("type") == "message" and event.get("channel_type") == "im" and not event.get("subtype")
            ):
                message = to_incoming_message(event)
                if message.kind == "dm":
                    await self.client.chat_postMessage(
                        channel=message.channel_id, text=views.escape(text), blocks=blocks
                    )
                else:
                    await self.client.chat_postEphemeral(
                        channel=message.channel_id,
                        user=message.user_id,
                        thread_ts=message.thread_ts or message.ts,
                        text=views.escape(text),
                        blocks=blocks,
                    )
            # anything else was not addressed to the bot: post nothing
        return None


def describe(body: dict[str, Any]) -> str:
    """Ids that locate a request in the logs: never text, never the payload."""
    if "command" in body:
        return f"command {body.get('command')} from {body.get('user_id')} in {body.get('channel_id')}"
    kind = body.get("type")
    user = (body.get("user") or {}).get("id")
    if kind == "block_actions":
        action = (body.get("actions") or [{}])[0].get("action_id")
        return f"action {action} from {user}"
    if kind in {"view_submission", "view_closed"}:
        return f"{kind} {(body.get('view') or {}).get('callback_id')} from {user}"
    if kind == "event_callback":
        event = body.get("event") or {}
        ids = f"{body.get('event_id')} from {event.get('user')} in {event.get('channel')}"
        return f"event {event.get('type')} {ids}"
    return f"request {kind}"


def build_app(bot: SlackBot, slack: SlackSettings) -> AsyncApp:
    """The Bolt app, with our listeners and our error boundary."""
    app = AsyncApp(
        client=bot.client,
        signing_secret=slack.signing_secret.get_secret_value(),
        logger=library_logger("policybot.slack.bolt"),
        # our listeners ack first and keep working after; Bolt answers Slack as soon as they ack
        process_before_response=False,
    )
    app.use(bot.skip_retried_events)
    listen = bot.guarded
    app.command("/policy")(listen(bot.on_policy_command))
    app.command("/report")(listen(bot.on_report_command))
    app.command("/reports")(listen(bot.on_reports_command))
    app.action(views.SHOW_OTHERS)(listen(bot.on_show_others))
    app.action(views.SHARE)(listen(bot.on_share))
    app.action(views.HELPFUL)(listen(bot.on_feedback))
    app.action(views.NOT_HELPFUL)(listen(bot.on_feedback))
    app.action(views.OPEN_REPORT)(listen(bot.on_open_report))
    app.action(views.LEAD_SHOW)(listen(bot.on_lead_show))
    app.action(views.LEAD_ACK)(listen(bot.on_lead_acknowledge))
    app.action(views.LEAD_NOTE)(listen(bot.on_lead_note))
    app.action(views.LEAD_CLOSE)(listen(bot.on_lead_close))
    app.view(views.REPORT_FORM)(listen(bot.on_report_submitted))
    app.view(views.NOTE_FORM)(listen(bot.on_note_submitted))
    app.view(views.CLOSE_FORM)(listen(bot.on_close_submitted))
    app.event("app_mention")(listen(bot.on_mention))
    app.event("message")(listen(bot.on_message))
    app.event("app_home_opened")(listen(bot.on_home_opened))
    app.error(bot.on_error)
    return app


# --- running it ---------------------------------------------------------------------------------------


@dataclass
class SlackService:
    app: AsyncApp
    bot: SlackBot


@asynccontextmanager
async def open_slack_service(
    core: CoreSettings,
    slack: SlackSettings,
    *,
    advisor: PolicyAdvisor | None = None,
    clock: Clock | None = None,
    ack_budget: float = ACK_BUDGET,
) -> AsyncIterator[SlackService]:
    """Everything the app needs, opened in order and closed in reverse: the policy advisor, the HTTP
    session and Slack client, the report desk (store and delivery worker). An `advisor` already
    built from the same settings may be passed in (tests and the benchmark index the knowledge once);
    `clock` is the core's Clock port (default: the system clock); `ack_budget`, how long a command or
    form waits for the core before it is acknowledged empty and answered afterwards."""
    if advisor is None:
        advisor = await asyncio.to_thread(build_advisor, core)
    async with aiohttp.ClientSession() as session:
        client = build_web_client(slack, session)
        notifier = SlackNotifier(client)
        async with open_report_desk(core, to_recipients(slack, core), notifier, clock) as desk:
            bot = SlackBot(advisor=advisor, desk=desk, client=client, session=session, ack_budget=ack_budget)
            yield SlackService(app=build_app(bot, slack), bot=bot)


def build_web_app(app: AsyncApp) -> web.Application:
    """Bolt's endpoint for Slack and a health check for the host."""

    async def on_slack_request(request: web.Request) -> web.Response:
        return await to_aiohttp_response(await app.async_dispatch(await to_bolt_request(request)))

    async def on_health_check(request: web.Request) -> web.Response:
        return web.json_response({"ok": True})

    web_app = web.Application()
    web_app.router.add_post("/slack/events", on_slack_request)
    web_app.router.add_get("/healthz", on_health_check)
    return web_app


@asynccontextmanager
async def serve_http(service: SlackService, *, host: str = "0.0.0.0", port: int = 0) -> AsyncIterator[int]:
    """Serve HTTP mode; yields the bound port (port 0 picks a free one)."""
    runner = web.AppRunner(build_web_app(service.app), handle_signals=False, access_log=None)
    await runner.setup()
    try:
        await web.TCPSite(runner, host, port).start()
        yield int(runner.addresses[0][1])
    finally:
        await runner.cleanup()


@asynccontextmanager
async def serve_socket(service: SlackService, slack: SlackSettings) -> AsyncIterator[AsyncSocketModeHandler]:
    """Socket Mode: Slack sends the same payloads over a websocket the app opens; no public URL."""
    if slack.app_token is None:
        raise ConfigurationError(messages.SLACK_APP_TOKEN_MISSING)
    handler = AsyncSocketModeHandler(service.app, slack.app_token.get_secret_value(), web_client=service.bot.client)
    await handler.connect_async()  # type: ignore[no-untyped-call]
    try:
        yield handler
    finally:
        await handler.close_async()  # type: ignore[no-untyped-call]


async def run(core: CoreSettings, slack: SlackSettings, *, socket: bool, port: int, host: str) -> None:
    """Serve until SIGTERM (the host restarting the process) or SIGINT, then close everything in order.
    Nothing is lost if the process dies instead: reports are stored before they are acknowledged."""
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(signum, stop.set)
    async with open_slack_service(core, slack) as service:
        if socket:
            async with serve_socket(service, slack):
                log.info("Slack app connected in Socket Mode")
                await stop.wait()
        else:
            async with serve_http(service, host=host, port=port) as bound:
                log.info("Slack app listening on http://%s:%d/slack/events", host, bound)
                await stop.wait()
    log.info("Slack app stopped")


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="policybot slack", description=messages.SLACK_CLI_ABOUT)
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument("--port", type=int, help="HTTP mode: the port to serve /slack/events on (default: $PORT)")
    mode.add_argument("--socket", action="store_true", help="Socket Mode (needs SLACK_APP_TOKEN)")
    parser.add_argument("--host", default="0.0.0.0", help="HTTP mode: the address to bind (default 0.0.0.0)")
    return parser.parse_args(argv)


def check_mode(args: argparse.Namespace, slack: SlackSettings) -> int:
    """The port for HTTP mode; complains about what Socket Mode or HTTP mode lacks."""
    if args.socket:
        if slack.app_token is None:
            raise ConfigurationError(messages.SLACK_APP_TOKEN_MISSING)
        return 0
    port = args.port if args.port is not None else slack.port
    if port is None:
        raise ConfigurationError(messages.SLACK_PORT_MISSING)
    return int(port)


def load_settings(args: argparse.Namespace) -> tuple[CoreSettings, SlackSettings, int]:
    """Every setting checked at once, so an admin sees every missing or malformed value together."""
    problems: list[str] = []
    core = slack = None
    try:
        core = load(CoreSettings)
    except ConfigurationError as err:
        problems += str(err).split("; ")
    try:
        slack = load(SlackSettings)
    except ConfigurationError as err:
        problems += str(err).split("; ")
    port = 0
    if slack is not None:
        try:
            port = check_mode(args, slack)
        except ConfigurationError as err:
            problems.append(str(err))
    if problems or core is None or slack is None:
        raise ConfigurationError("; ".join(problems))
    return core, slack, port


def main(argv: list[str]) -> int:
    """`policybot slack [--port PORT | --socket]`; argv[0] is "slack"."""
    args = parse_args(argv[1:])
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    try:
        core, slack, port = load_settings(args)
    except ConfigurationError as err:
        for problem in str(err).split("; "):
            print(f"policybot slack: {problem}", file=sys.stderr)
        return 2
    try:
        asyncio.run(run(core, slack, socket=args.socket, port=port, host=args.host))
    except (ConfigurationError, KnowledgeError) as err:
        print(f"policybot slack: {err}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 0
    return 0
