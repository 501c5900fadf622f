"""`policybot discord`: the Discord bot (discord.py 2.7.1, pinned: we set two of its internal seams).

The adapter translates Discord events into core calls and renders the results; policy and report
decisions live in the core. Entry points, each translated once at the edge:

- `/policy question:` and a DM to the bot -> `PolicyAdvisor.answer` -> quoted clauses as embeds;
- `/report [about_lead:]` -> a modal -> `ReportDesk.submit` -> ephemeral receipt; the core's outbox
  then DMs each lead through `DiscordNotifier`;
- the lead's Acknowledge / Close buttons and `/reports` -> `ReportDesk`.

Discord's rules: every interaction is deferred (ephemerally) before any core call; every message
is sent with `allowed_mentions` that ping nobody; long text is split by `discord_views`.

Seams: `discord.http.Route.BASE` is set to `DISCORD_API_URL`, so every REST call (interaction
callbacks, follow-up webhooks included) goes there; and the gateway address is the one that API's
`GET /gateway/bot` returns (a plain `Client` would otherwise dial its built-in `gateway.discord.gg`).

One error boundary: `on_fault`. Expected outcomes (`UserFacingError`) are shown privately; any
other exception is logged once with its traceback but without its message (which could quote a
question or a report), and the user sees `messages.SORRY`.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import logging
import secrets
import sys
import traceback
from collections.abc import AsyncIterator, Awaitable, Callable
from datetime import timedelta
from re import Match
from typing import Any, cast

import discord
import yarl
from discord import app_commands
from discord.gateway import DiscordWebSocket

from adapters.discord_notifier import DiscordNotifier
from adapters.discord_views import (
    ACK_TEMPLATE,
    ANSWER_PREFIX,
    CLOSE_FORM_PREFIX,
    CLOSE_TEMPLATE,
    FIELD_OUTCOME,
    NO_PINGS,
    OPEN_REPORT_ID,
    REPORT_FORM_ID,
    Reply,
    ReportFields,
    render_answer,
    render_close_form,
    render_open_reports,
    render_other_matches,
    render_receipt,
    render_report_form,
    render_shared_quote,
    to_form_values,
    to_report_fields,
)
from assistant import messages
from assistant.answers import PolicyAdvisor, build_advisor
from assistant.bootstrap import open_report_desk
from assistant.errors import ConfigurationError, InvalidReport, UserFacingError
from assistant.models import Answer, AnswerStatus, Recipients, ReportCategory, ReportDraft, UserRef
from assistant.reports import ReportDesk
from assistant.settings import CoreSettings, DiscordLogin, DiscordSettings, load

log = logging.getLogger(__name__)

ANSWER_BUTTONS_LIFETIME = timedelta(minutes=14)  # within the 15-minute interaction token
INVITE_SCOPES = ("bot", "applications.commands")
# Send Messages + Embed Links in the fallback channel; everything else goes through interactions
# and DMs, which need no guild permission.
INVITE_PERMISSIONS = discord.Permissions(send_messages=True, embed_links=True)


# --- the seams ----------------------------------------------------------------------------------


def point_at_api(api_url: str) -> None:
    """Every REST call discord.py makes builds its URL from `Route.BASE` (webhooks and callbacks too)."""
    discord.http.Route.BASE = api_url.rstrip("/")


async def point_at_gateway(client: discord.Client) -> str:
    """Dial the gateway that our API names, as Discord asks bots to, instead of the built-in one."""
    _shards, url, _limits = await client.http.get_bot_gateway()
    DiscordWebSocket.DEFAULT_GATEWAY = yarl.URL(url)
    return url


# --- translation in -----------------------------------------------------------------------------


def to_user(user: discord.User | discord.Member) -> UserRef:
    return UserRef(platform="discord", user_id=str(user.id), display_name=user.display_name[:200])


def to_recipients(settings: DiscordSettings, core: CoreSettings) -> Recipients:
    def refs(ids: list[str]) -> tuple[UserRef, ...]:
        return tuple(UserRef(platform="discord", user_id=user_id) for user_id in ids)

    return Recipients(
        leads=refs(settings.safeguarding_leads),
        deputies=refs(settings.safeguarding_deputies),
        alternates=refs(core.discord_safeguarding_alternates),
    )


def to_report_draft(interaction: discord.Interaction, fields: ReportFields, concerns: str | None) -> ReportDraft:
    return ReportDraft(
        reporter=to_user(interaction.user),
        submission_id=str(interaction.id),
        what_happened=fields.what_happened,
        who=fields.who,
        when_where=fields.when_where,
        category=fields.category or ReportCategory.OTHER,
        immediate_danger=fields.immediate_danger,
        concerns_recipient=concerns,
    )


def to_concerns_recipient(custom_id: str) -> str | None:
    suffix = custom_id.removeprefix(REPORT_FORM_ID).removeprefix(":")
    return suffix if suffix.isdigit() else None


def describe_fault(error: BaseException) -> str:
    """The traceback of a fault and its causes, with exception types but not their messages."""
    lines: list[str] = []
    seen: set[int] = set()
    current: BaseException | None = error
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        lines.append("Traceback (most recent call last):\n")
        lines += traceback.format_tb(current.__traceback__)
        kind = f"{type(current).__module__}.{type(current).__qualname__}"
        if isinstance(current, discord.HTTPException):
            kind += f" (HTTP {current.status}, code {current.code})"
        lines.append(f"{kind}: [message withheld: it may quote user text]\n")
        current = current.__cause__ or current.__context__
        if current is not None:
            lines.append("Caused by:\n")
    return "".join(lines)


def interaction_label(interaction: discord.Interaction) -> str:
    """What the logs may say about an interaction: kinds and ids only."""
    data = cast(dict[str, Any], interaction.data or {})
    what = data.get("name") or str(data.get("custom_id", "")).split(":")[:3]
    return f"interaction {interaction.id} ({interaction.type.name} {what}) from user {interaction.user.id}"


# --- the bot ------------------------------------------------------------------------------------


class PolicyBot(discord.Client):
    def __init__(self, settings: DiscordSettings, advisor: PolicyAdvisor, desk: ReportDesk | None = None) -> None:
        intents = discord.Intents.none()
        intents.guilds = True  # channels, so a fallback channel can be found; no member or message intents
        intents.dm_messages = True  # DMs to the bot are questions (DM content needs no privileged intent)
        super().__init__(intents=intents, allowed_mentions=NO_PINGS)
        point_at_api(settings.api_url)
        self.settings = settings
        self.advisor = advisor
        self.desk = desk
        self.logged_in = asyncio.Event()
        self.live_answers: set[str] = set()  # keys of answers whose buttons still work
        self.tree = app_commands.CommandTree(self)
        self.tree.error(self.on_app_command_error)
        add_commands(self.tree, self)

    async def setup_hook(self) -> None:
        self.add_dynamic_items(AcknowledgeButton, CloseButton, OpenReportButton)
        await point_at_gateway(self)
        if self.settings.guild_id is not None:
            guild = discord.Object(id=self.settings.guild_id)
            self.tree.copy_global_to(guild=guild)
            await self.tree.sync(guild=guild)
        else:
            await self.tree.sync()
        self.logged_in.set()
        log.info("logged in as %s; commands synced", self.user.id if self.user else "?")

    def require_desk(self) -> ReportDesk:
        if self.desk is None:
            raise RuntimeError("reporting is not running")
        return self.desk

    # --- the error boundary -------------------------------------------------------------------

    async def on_fault(self, error: BaseException, *, where: str, reply: Callable[[str], Awaitable[Any]]) -> None:
        if isinstance(error, app_commands.CommandInvokeError):
            error = error.original
        if isinstance(error, UserFacingError):
            text = error.message
        else:
            log.error("fault handling %s\n%s", where, describe_fault(error))
            text = messages.SORRY
        try:
            await reply(text)
        except discord.HTTPException as err:
            log.warning("could not tell the user about a problem with %s (HTTP %s)", where, err.status)

    async def on_app_command_error(self, interaction: discord.Interaction, error: app_commands.AppCommandError) -> None:
        await self.on_fault(error, where=interaction_label(interaction), reply=private_reply(interaction))

    @contextlib.asynccontextmanager
    async def boundary(self, interaction: discord.Interaction) -> AsyncIterator[None]:
        try:
            yield
        except Exception as error:
            await self.on_fault(error, where=interaction_label(interaction), reply=private_reply(interaction))

    # --- policy answers -----------------------------------------------------------------------

    async def on_policy(self, interaction: discord.Interaction, question: str) -> None:
        await interaction.response.defer(ephemeral=True, thinking=True)
        answer = await self.advisor.answer(question)
        view = AnswerView(self, answer, shareable=interaction.guild_id is not None)
        await send_followups(interaction, render_answer(answer), view=view)

    async def on_message(self, message: discord.Message) -> None:
        if message.author.bot or message.guild is not None:
            return  # only DMs are addressed to the bot; a guild message never gets a reply
        channel = message.channel

        async def reply(text: str) -> None:
            await channel.send(content=text, allowed_mentions=NO_PINGS)

        try:
            answer = await self.advisor.answer(message.content)
            view = AnswerView(self, answer, shareable=False)
            await send_messages(channel, render_answer(answer), view=view)
        except Exception as error:
            await self.on_fault(error, where=f"DM {message.id} from user {message.author.id}", reply=reply)

    async def on_other_matches(self, interaction: discord.Interaction, answer: Answer) -> None:
        await send_private(interaction, render_other_matches(answer))

    async def on_share(self, interaction: discord.Interaction, answer: Answer) -> None:
        reply = render_shared_quote(answer.hits[0], interaction.user.id)
        await interaction.response.send_message(
            content=reply.content, embeds=reply.first_embeds, allowed_mentions=NO_PINGS
        )
        for embeds in reply.more_embeds:
            await interaction.followup.send(embeds=embeds, allowed_mentions=NO_PINGS)

    async def on_feedback(self, interaction: discord.Interaction, answer: Answer, *, helpful: bool) -> None:
        await interaction.response.defer(ephemeral=True, thinking=True)
        hit = answer.hits[0]
        await self.require_desk().feedback.record(
            "discord", hit.clause.source, hit.clause.ref, helpful, question=answer.question
        )
        await send_private(interaction, Reply(content=messages.DISCORD_FEEDBACK_THANKS))

    # --- reports: the reporter's side ---------------------------------------------------------

    async def on_report_command(self, interaction: discord.Interaction, about_lead: discord.User | None) -> None:
        await open_form(interaction, render_report_form(str(about_lead.id) if about_lead else None))

    async def on_interaction(self, interaction: discord.Interaction) -> None:
        """Forms are handled from their custom_id, without in-memory state: a form that was open
        while the bot restarted still files its report. A button under an answer that has gone
        (restart, or older than its 15-minute token) gets a clear message instead of a failure."""
        data = cast(dict[str, Any], interaction.data or {})
        custom_id = str(data.get("custom_id", ""))
        if interaction.type is discord.InteractionType.component and custom_id.startswith(ANSWER_PREFIX):
            if custom_id.split(":")[2] not in self.live_answers:  # answered before a restart, or too long ago
                async with self.boundary(interaction):
                    await send_private(interaction, Reply(content=messages.DISCORD_ANSWER_EXPIRED))
            return
        if interaction.type is not discord.InteractionType.modal_submit:
            return
        components = cast(list[dict[str, Any]], data.get("components", []))
        async with self.boundary(interaction):
            if custom_id == REPORT_FORM_ID or custom_id.startswith(REPORT_FORM_ID + ":"):
                await self.on_report_form(interaction, to_report_fields(components), to_concerns_recipient(custom_id))
            elif custom_id.startswith(CLOSE_FORM_PREFIX):
                outcome = str(to_form_values(components).get(FIELD_OUTCOME) or "")
                await self.on_close_form(interaction, custom_id.removeprefix(CLOSE_FORM_PREFIX), outcome)

    async def on_report_form(
        self, interaction: discord.Interaction, fields: ReportFields, concerns: str | None
    ) -> None:
        await interaction.response.defer(ephemeral=True, thinking=True)
        draft = to_report_draft(interaction, fields, concerns)
        try:
            receipt = await self.require_desk().submit(draft)
        except InvalidReport as err:
            view = RetryReportView(self, fields, concerns)
            text = f"{err.message}\n{messages.DISCORD_REPORT_NOT_SENT}"
            await send_private(interaction, Reply(content=text), view=view)
            return
        log.info("report %s filed from %s", receipt.reference, interaction_label(interaction))
        await send_private(interaction, Reply(content=render_receipt(receipt)))

    # --- reports: the lead's side -------------------------------------------------------------

    async def on_acknowledge(self, interaction: discord.Interaction, reference: str) -> None:
        await interaction.response.defer(ephemeral=True, thinking=True)
        await self.require_desk().acknowledge(reference, to_user(interaction.user))
        await send_private(interaction, Reply(content=messages.discord_acknowledged(reference)))

    async def on_close_form(self, interaction: discord.Interaction, reference: str, outcome: str) -> None:
        await interaction.response.defer(ephemeral=True, thinking=True)
        await self.require_desk().close(reference, to_user(interaction.user), outcome)
        await send_private(interaction, Reply(content=messages.discord_closed(reference)))

    async def on_reports_command(self, interaction: discord.Interaction) -> None:
        await interaction.response.defer(ephemeral=True, thinking=True)
        desk, lead = self.require_desk(), to_user(interaction.user)
        summaries = await desk.list_open(lead)
        problems = await desk.delivery_problems(lead)
        await send_private(interaction, render_open_reports(summaries, problems))


def client_of(interaction: discord.Interaction) -> PolicyBot:
    return cast(PolicyBot, interaction.client)


# --- translation out: sending -------------------------------------------------------------------


def private_reply(interaction: discord.Interaction) -> Callable[[str], Awaitable[None]]:
    async def reply(text: str) -> None:
        await send_private(interaction, Reply(content=text))

    return reply


async def send_private(interaction: discord.Interaction, reply: Reply, *, view: discord.ui.View | None = None) -> None:
    """Ephemeral, whether or not the interaction was deferred; the view goes on the last message."""
    if not interaction.response.is_done():
        await interaction.response.defer(ephemeral=True, thinking=True)
    await send_followups(interaction, reply, view=view)


async def send_followups(interaction: discord.Interaction, reply: Reply, *, view: discord.ui.View | None) -> None:
    batches: list[list[discord.Embed]] = reply.embeds or [[]]
    for index, embeds in enumerate(batches):
        extra: dict[str, Any] = {"view": view} if view is not None and index == len(batches) - 1 else {}
        await interaction.followup.send(
            content=reply.content if index == 0 else "",
            embeds=embeds,
            ephemeral=True,
            allowed_mentions=NO_PINGS,
            **extra,
        )


async def send_messages(channel: discord.abc.Messageable, reply: Reply, *, view: discord.ui.View) -> None:
    batches: list[list[discord.Embed]] = reply.embeds or [[]]
    for index, embeds in enumerate(batches):
        extra: dict[str, Any] = {"view": view} if index == len(batches) - 1 else {}
        await channel.send(
            content=reply.content if index == 0 else None, embeds=embeds, allowed_mentions=NO_PINGS, **extra
        )


async def open_form(interaction: discord.Interaction, modal: discord.ui.Modal) -> None:
    """Show a modal; its submission is handled statelessly in `PolicyBot.on_interaction`."""
    await interaction.response.send_modal(modal)
    modal.stop()  # nothing in memory waits for it


# --- buttons ------------------------------------------------------------------------------------


class AnswerView(discord.ui.View):
    """Buttons under one answer, for as long as its interaction token lives."""

    def __init__(self, bot: PolicyBot, answer: Answer, *, shareable: bool) -> None:
        super().__init__(timeout=ANSWER_BUTTONS_LIFETIME.total_seconds())
        self.bot = bot
        self.answer = answer
        self.voted: set[int] = set()
        self.key = secrets.token_hex(6)
        bot.live_answers.add(self.key)
        quoted = answer.status is AnswerStatus.ANSWERED and bool(answer.hits)
        if quoted and len(answer.hits) > 1:
            self.add_button(messages.DISCORD_BUTTON_OTHERS, discord.ButtonStyle.secondary, self.bot.on_other_matches)
        if quoted and shareable:
            self.add_button(messages.DISCORD_BUTTON_SHARE, discord.ButtonStyle.primary, self.bot.on_share)
        if quoted:
            self.add_button(messages.DISCORD_BUTTON_HELPFUL, discord.ButtonStyle.success, self.on_helpful)
            self.add_button(messages.DISCORD_BUTTON_NOT_HELPFUL, discord.ButtonStyle.secondary, self.on_not_helpful)
        if answer.status is AnswerStatus.CONCERN:
            self.add_item(OpenReportButton())

    def add_button(
        self,
        label: str,
        style: discord.ButtonStyle,
        action: Callable[[discord.Interaction, Answer], Awaitable[None]],
    ) -> None:
        custom_id = f"{ANSWER_PREFIX}{self.key}:{len(self.children)}"
        button: discord.ui.Button[AnswerView] = discord.ui.Button(label=label, style=style, custom_id=custom_id)

        async def callback(interaction: discord.Interaction) -> None:
            await action(interaction, self.answer)

        button.callback = callback  # type: ignore[method-assign]
        self.add_item(button)

    async def on_timeout(self) -> None:
        self.bot.live_answers.discard(self.key)

    async def on_helpful(self, interaction: discord.Interaction, answer: Answer) -> None:
        await self.vote(interaction, answer, helpful=True)

    async def on_not_helpful(self, interaction: discord.Interaction, answer: Answer) -> None:
        await self.vote(interaction, answer, helpful=False)

    async def vote(self, interaction: discord.Interaction, answer: Answer, *, helpful: bool) -> None:
        if interaction.user.id in self.voted:  # one vote per person per answer
            await send_private(interaction, Reply(content=messages.DISCORD_FEEDBACK_THANKS))
            return
        self.voted.add(interaction.user.id)
        await self.bot.on_feedback(interaction, answer, helpful=helpful)

    async def on_error(self, interaction: discord.Interaction, error: Exception, item: discord.ui.Item[Any]) -> None:
        await self.bot.on_fault(error, where=interaction_label(interaction), reply=private_reply(interaction))


class RetryReportView(discord.ui.View):
    """After a report the core refused (too long, control characters...): reopen the form, filled in."""

    def __init__(self, bot: PolicyBot, fields: ReportFields, concerns: str | None) -> None:
        super().__init__(timeout=ANSWER_BUTTONS_LIFETIME.total_seconds())
        self.bot = bot
        self.fields = fields
        self.concerns = concerns
        button: discord.ui.Button[RetryReportView] = discord.ui.Button(
            label=messages.DISCORD_BUTTON_RETRY_REPORT, style=discord.ButtonStyle.primary
        )
        button.callback = self.on_retry  # type: ignore[method-assign]
        self.add_item(button)

    async def on_retry(self, interaction: discord.Interaction) -> None:
        await open_form(interaction, render_report_form(self.concerns, prefill=self.fields))

    async def on_error(self, interaction: discord.Interaction, error: Exception, item: discord.ui.Item[Any]) -> None:
        await self.bot.on_fault(error, where=interaction_label(interaction), reply=private_reply(interaction))


class OpenReportButton(discord.ui.DynamicItem[discord.ui.Button[Any]], template=OPEN_REPORT_ID):
    """Under a `concern` answer: opens the report form. Works after a restart (nothing in memory)."""

    def __init__(self) -> None:
        super().__init__(
            discord.ui.Button(
                label=messages.DISCORD_BUTTON_REPORT,
                style=discord.ButtonStyle.danger,
                custom_id=OPEN_REPORT_ID,
            )
        )

    @classmethod
    async def from_custom_id(
        cls, interaction: discord.Interaction, item: discord.ui.Item[Any], match: Match[str], /
    ) -> OpenReportButton:
        return cls()

    async def callback(self, interaction: discord.Interaction) -> None:
        async with client_of(interaction).boundary(interaction):
            await open_form(interaction, render_report_form())


class AcknowledgeButton(discord.ui.DynamicItem[discord.ui.Button[Any]], template=ACK_TEMPLATE):
    """On a lead's copy of a report. The reference is in the custom_id: works after a restart."""

    def __init__(self, reference: str) -> None:
        self.reference = reference
        super().__init__(
            discord.ui.Button(
                label=messages.DISCORD_BUTTON_ACK,
                style=discord.ButtonStyle.success,
                custom_id=f"pb:report:ack:{reference}",
            )
        )

    @classmethod
    async def from_custom_id(
        cls, interaction: discord.Interaction, item: discord.ui.Item[Any], match: Match[str], /
    ) -> AcknowledgeButton:
        return cls(match["reference"])

    async def callback(self, interaction: discord.Interaction) -> None:
        bot = client_of(interaction)
        async with bot.boundary(interaction):
            await bot.on_acknowledge(interaction, self.reference)


class CloseButton(discord.ui.DynamicItem[discord.ui.Button[Any]], template=CLOSE_TEMPLATE):
    def __init__(self, reference: str) -> None:
        self.reference = reference
        super().__init__(
            discord.ui.Button(
                label=messages.DISCORD_BUTTON_CLOSE,
                style=discord.ButtonStyle.secondary,
                custom_id=f"pb:report:close:{reference}",
            )
        )

    @classmethod
    async def from_custom_id(
        cls, interaction: discord.Interaction, item: discord.ui.Item[Any], match: Match[str], /
    ) -> CloseButton:
        return cls(match["reference"])

    async def callback(self, interaction: discord.Interaction) -> None:
        async with client_of(interaction).boundary(interaction):
            await open_form(interaction, render_close_form(self.reference))


def render_lead_actions(reference: str) -> discord.ui.View:
    view = discord.ui.View(timeout=None)
    view.add_item(AcknowledgeButton(reference))
    view.add_item(CloseButton(reference))
    return view


# --- commands -----------------------------------------------------------------------------------


def add_commands(tree: app_commands.CommandTree[PolicyBot], bot: PolicyBot) -> None:
    everywhere = app_commands.allowed_contexts(guilds=True, dms=True, private_channels=True)
    installed_in_servers = app_commands.allowed_installs(guilds=True, users=False)

    @tree.command(name="policy", description=messages.DISCORD_POLICY_DESCRIPTION)
    @app_commands.describe(question=messages.DISCORD_QUESTION_DESCRIPTION)
    @everywhere
    @installed_in_servers
    async def policy(interaction: discord.Interaction, question: str) -> None:
        await bot.on_policy(interaction, question)

    @tree.command(name="report", description=messages.DISCORD_REPORT_DESCRIPTION)
    @app_commands.describe(about_lead=messages.DISCORD_ABOUT_LEAD_DESCRIPTION)
    @everywhere
    @installed_in_servers
    async def report(interaction: discord.Interaction, about_lead: discord.User | None = None) -> None:
        await bot.on_report_command(interaction, about_lead)

    @tree.command(name="reports", description=messages.DISCORD_REPORTS_DESCRIPTION)
    @everywhere
    @installed_in_servers
    async def reports(interaction: discord.Interaction) -> None:
        await bot.on_reports_command(interaction)


# --- running ------------------------------------------------------------------------------------


def quiet_library_logs() -> None:
    """discord.py logs request bodies and gateway events at DEBUG: they would hold user text."""
    for name in ("discord", "aiohttp"):
        logger = logging.getLogger(name)
        if logger.getEffectiveLevel() < logging.INFO:
            logger.setLevel(logging.INFO)


@contextlib.asynccontextmanager
async def running_bot(
    core: CoreSettings, settings: DiscordSettings, *, advisor: PolicyAdvisor | None = None
) -> AsyncIterator[tuple[PolicyBot, asyncio.Task[None]]]:
    """Build the core, open the report desk, log in and connect. Yields the bot and its connection task."""
    quiet_library_logs()
    if advisor is None:
        advisor = await asyncio.to_thread(build_advisor, core)  # reads and indexes the documents
    bot = PolicyBot(settings, advisor)
    notifier = DiscordNotifier(
        bot,
        logged_in=bot.logged_in,
        lead_view=render_lead_actions,
        fallback_channel_id=settings.lead_channel_id,
    )
    async with open_report_desk(core, to_recipients(settings, core), notifier) as desk:
        bot.desk = desk
        async with bot:
            connection = asyncio.create_task(bot.start(settings.token.get_secret_value()))
            try:
                yield bot, connection
            finally:
                await bot.close()
                with contextlib.suppress(Exception, asyncio.CancelledError):
                    await connection


def invite_url(application_id: int) -> str:
    return discord.utils.oauth_url(application_id, permissions=INVITE_PERMISSIONS, scopes=INVITE_SCOPES)


async def fetch_application_id(login: DiscordLogin) -> int:
    """Log in over REST only (no gateway) and read the application's id."""
    point_at_api(login.api_url)
    client = discord.Client(intents=discord.Intents.none())
    async with client:
        await client.login(login.token.get_secret_value())
        if client.application_id is None:
            raise RuntimeError("Discord did not say which application this token belongs to")
        return client.application_id


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="policybot discord", description="Run the Discord bot.")
    sub = parser.add_subparsers(dest="action")
    invite = sub.add_parser("invite-url", help="print the OAuth2 URL that adds the bot to a server")
    invite.add_argument(
        "--application-id", type=int, help="the application's id (default: ask Discord, using DISCORD_TOKEN)"
    )
    return parser.parse_args(argv[1:])


def main(argv: list[str]) -> int:
    args = parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    try:
        if args.action == "invite-url":
            if args.application_id is not None:
                print(invite_url(args.application_id))
                return 0
            login = load(DiscordLogin)
            print(invite_url(asyncio.run(fetch_application_id(login))))
            return 0
        settings = load(DiscordSettings)
        core = load(CoreSettings)
        asyncio.run(serve(core, settings))
    except ConfigurationError as err:
        print(f"policybot discord: {err}", file=sys.stderr)
        return 2
    except discord.LoginFailure:
        print("policybot discord: Discord refused DISCORD_TOKEN; copy the bot token again.", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 0
    return 0


async def serve(core: CoreSettings, settings: DiscordSettings) -> None:
    async with running_bot(core, settings) as (_bot, connection):
        await connection
