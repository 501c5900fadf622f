"""Private delivery on Discord: the `ReportNotifier` port, implemented with DMs.

Each lead (and deputy) gets the whole report as a DM with Acknowledge / Close buttons. Failures
become `DeliveryFailed` (never carrying report text) so the core's outbox records and retries them:

- a 429 is left to discord.py's rate limiter, which waits and retries the same request; only a
  limit longer than discord.py will wait becomes `DeliveryFailed(retry_after=...)`;
- 403 code 50007 (the lead's DMs are closed to the bot) posts the report in the private fallback
  channel `DISCORD_LEAD_CHANNEL_ID` when one is configured (once per report, recipient and round),
  then fails permanently, so the core keeps retrying slowly and shows the failure to the other
  leads (`/reports`, `policybot reports show`).
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable

import discord

from adapters.discord_views import NO_PINGS, pack_embeds, render_report_for_lead
from assistant import messages
from assistant.errors import DeliveryFailed
from assistant.models import Report, UserRef

log = logging.getLogger(__name__)

DMS_CLOSED = 50007  # "Cannot send messages to this user"


class DiscordNotifier:
    def __init__(
        self,
        client: discord.Client,
        *,
        logged_in: asyncio.Event,
        lead_view: Callable[[str], discord.ui.View],
        fallback_channel_id: int | None = None,
    ) -> None:
        self._client = client
        self._logged_in = logged_in
        self._lead_view = lead_view
        self._fallback_channel_id = fallback_channel_id
        self._fallback_posted: set[tuple[str, str, bool]] = set()

    async def send_report(self, recipient: UserRef, report: Report, *, escalation: bool) -> None:
        await self._logged_in.wait()
        batches = pack_embeds(render_report_for_lead(report, escalation=escalation))
        try:
            await self._send_dm(recipient, batches, view=self._lead_view(report.reference))
        except discord.Forbidden as err:
            if err.code == DMS_CLOSED:
                await self._post_fallback(recipient, report, escalation=escalation)
            raise DeliveryFailed(describe_refusal(err), permanent=True) from None
        except discord.RateLimited as err:
            raise DeliveryFailed("Discord rate limit", retry_after=err.retry_after) from None
        except discord.HTTPException as err:
            raise DeliveryFailed(describe_refusal(err)) from None

    async def send_reporter_notice(self, reporter: UserRef, reference: str, notice: str) -> None:
        await self._logged_in.wait()
        try:
            channel = await self._client.create_dm(discord.Object(id=int(reporter.user_id)))
            await channel.send(content=notice[:2000], allowed_mentions=NO_PINGS)
        except discord.Forbidden as err:
            raise DeliveryFailed(describe_refusal(err), permanent=True) from None
        except discord.RateLimited as err:
            raise DeliveryFailed("Discord rate limit", retry_after=err.retry_after) from None
        except discord.HTTPException as err:
            raise DeliveryFailed(describe_refusal(err)) from None

    async def _send_dm(self, recipient: UserRef, batches: list[list[discord.Embed]], *, view: discord.ui.View) -> None:
        channel = await self._client.create_dm(discord.Object(id=int(recipient.user_id)))
        for index, embeds in enumerate(batches):
            last = index == len(batches) - 1
            if last:
                await channel.send(embeds=embeds, view=view, allowed_mentions=NO_PINGS)
            else:
                await channel.send(embeds=embeds, allowed_mentions=NO_PINGS)

    async def _post_fallback(self, recipient: UserRef, report: Report, *, escalation: bool) -> None:
        key = (report.reference, recipient.key, escalation)
        if self._fallback_channel_id is None or key in self._fallback_posted:
            return
        channel = self._client.get_channel(self._fallback_channel_id) or await self._client.fetch_channel(
            self._fallback_channel_id
        )
        if not isinstance(channel, discord.abc.Messageable):
            log.error("DISCORD_LEAD_CHANNEL_ID %s is not a text channel", self._fallback_channel_id)
            return
        note = messages.discord_fallback_note(f"<@{recipient.user_id}>")
        batches = pack_embeds(render_report_for_lead(report, escalation=escalation, note=note))
        try:
            for index, embeds in enumerate(batches):
                view = self._lead_view(report.reference) if index == len(batches) - 1 else None
                if view is None:
                    await channel.send(embeds=embeds, allowed_mentions=NO_PINGS)
                else:
                    await channel.send(embeds=embeds, view=view, allowed_mentions=NO_PINGS)
        except discord.HTTPException as err:
            log.error(
                "report %s: fallback channel %s refused it (%s)",
                report.reference,
                self._fallback_channel_id,
                describe_refusal(err),
            )
            return
        self._fallback_posted.add(key)
        log.warning(
            "report %s: DMs closed for %s; posted to fallback channel %s",
            report.reference,
            recipient.key,
            self._fallback_channel_id,
        )


def describe_refusal(err: discord.HTTPException) -> str:
    """Status and Discord's error code only: the response text may quote what we sent."""
    if err.code == DMS_CLOSED:
        return "Discord refused the DM: the recipient's DMs are closed to the bot (code 50007)"
    return f"Discord refused the request (HTTP {err.status}, code {err.code})"
