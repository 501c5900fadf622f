"""The core's `ReportNotifier` port on Slack: reports and reporter notices as DMs from the app.

`chat.postMessage` to a user id posts in the app's DM with that person (Slack opens it). Failures
become `DeliveryFailed` so the core's outbox retries them: 429 carries Slack's `Retry-After`;
errors that can never work as configured (the user left, the bot can't DM them) are marked
permanent. No exception raised here carries report text.
"""

from __future__ import annotations

import logging

import aiohttp
from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from adapters.slack_views import escape, render_report_for_lead, render_report_text
from assistant.errors import DeliveryFailed
from assistant.models import Report, UserRef

log = logging.getLogger("policybot.slack")

# Slack errors that retrying will not fix until an admin changes something.
PERMANENT_ERRORS = frozenset(
    {
        "account_inactive",
        "user_not_found",
        "user_disabled",
        "cannot_dm_bot",
        "channel_not_found",
        "not_in_channel",
        "is_archived",
        "invalid_auth",
        "not_authed",
        "token_revoked",
        "missing_scope",
        "messages_tab_disabled",
    }
)


class SlackNotifier:
    def __init__(self, client: AsyncWebClient) -> None:
        self.client = client

    async def send_report(self, recipient: UserRef, report: Report, *, escalation: bool) -> None:
        await self.send_dm(
            recipient.user_id,
            text=render_report_text(report, escalation=escalation),
            blocks=render_report_for_lead(report, escalation=escalation),
        )
        log.info("report %s delivered to %s", report.reference, recipient.user_id)

    async def send_reporter_notice(self, reporter: UserRef, reference: str, notice: str) -> None:
        await self.send_dm(reporter.user_id, text=escape(notice), blocks=None)
        log.info("notice on report %s sent to its reporter", reference)

    async def send_dm(self, user_id: str, *, text: str, blocks: list[dict[str, object]] | None) -> None:
        try:
            await self.client.chat_postMessage(channel=user_id, text=text, blocks=blocks)
        except SlackApiError as err:
            raise to_delivery_failed(err) from None
        except (TimeoutError, aiohttp.ClientError) as err:
            raise DeliveryFailed(f"could not reach Slack ({type(err).__name__})") from None


def to_delivery_failed(err: SlackApiError) -> DeliveryFailed:
    """Slack's answer, as the core's delivery error: the error code only, never the message body."""
    code = str(err.response.get("error", "unknown_error"))
    if err.response.status_code == 429:
        retry_after = float(err.response.headers.get("Retry-After", "1") or 1)
        return DeliveryFailed("slack: ratelimited", retry_after=retry_after)
    return DeliveryFailed(f"slack: {code}", permanent=code in PERMANENT_ERRORS)
