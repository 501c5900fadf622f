"""The Slack app under test: the real Bolt app over real HTTP, the real Web API client, our fake Slack.

`slack` sends requests to the running app exactly as Slack does (signed; slash commands
form-encoded, interactivity as `payload=`, events as JSON); `slack_api` is the fake Web API the app
talks to, and records everything it was sent.
"""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import inspect
import itertools
import json
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import aiohttp
import pytest

from adapters import slack_views as views
from adapters.slack_bot import SlackService, open_slack_service, serve_http
from assistant.answers import PolicyAdvisor, build_advisor
from assistant.encryption import generate_key
from assistant.ports import Clock
from assistant.settings import CoreSettings, SlackSettings
from tests.fakes.slack_api import WAIT_SECONDS, SlackApiFake

SIGNING_SECRET = "8f742231b10e8888abcd99yyyzzz85a5"
REPORT_KEY = generate_key()
LEAD = "ULEAD0001"
DEPUTY = "UDEPUTY01"
ALICE = "UALICE001"  # a member of staff
CHANNEL = "CGENERAL1"

ANSWERED = "can I accept a parent's friend request?"
CONCERN = "a young person is being groomed online"
NO_MATCH = "what colour is the sky"

_advisor: PolicyAdvisor | None = None


def shared_advisor() -> PolicyAdvisor:
    """The bundled knowledge, indexed once for the whole run (it never changes under test)."""
    global _advisor
    if _advisor is None:
        _advisor = build_advisor(CoreSettings(_env_file=None))  # type: ignore[call-arg]
    return _advisor


async def eventually(condition: Callable[[], bool | Awaitable[bool]]) -> None:
    """Wait until something the app does in the background has happened (or fail after a while)."""
    async with asyncio.timeout(WAIT_SECONDS):
        while True:
            result = condition()
            if await result if inspect.isawaitable(result) else result:
                return
            await asyncio.sleep(0.02)


def quotes_a_policy(text: str) -> bool:
    """The text quotes a clause (a `>` quote) and cites one of the loaded documents by title."""
    titles = [doc.title for doc in shared_advisor().documents]
    return "\n>" in text and any(f"*{views.escape(title)}*, clause " in text for title in titles)


def displayed(payload: Any) -> str:
    """Every text Slack would show (or parse for mentions) in a payload: not button values, which
    are data handed back to the app, never rendered."""
    if isinstance(payload, dict):
        return "\n".join(displayed(v) for k, v in payload.items() if k not in {"value", "action_id", "block_id"})
    if isinstance(payload, list):
        return "\n".join(displayed(v) for v in payload)
    return payload if isinstance(payload, str) else ""


def sign(body: str, *, secret: str = SIGNING_SECRET, timestamp: int | None = None) -> dict[str, str]:
    """The headers Slack sends with a request (docs.slack.dev: verifying requests from Slack)."""
    ts = str(int(time.time()) if timestamp is None else timestamp)
    digest = hmac.new(secret.encode(), f"v0:{ts}:{body}".encode(), hashlib.sha256).hexdigest()
    return {"X-Slack-Request-Timestamp": ts, "X-Slack-Signature": f"v0={digest}"}


class Slack:
    """Plays Slack's side: sends signed requests to the app's /slack/events."""

    def __init__(self, url: str, api: SlackApiFake, session: aiohttp.ClientSession, service: SlackService) -> None:
        self.service = service  # to check what the core stored, through its public API
        self.url = url
        self.api = api
        self.session = session
        self._ids = itertools.count(1)

    async def post(
        self,
        body: str,
        content_type: str,
        *,
        headers: dict[str, str] | None = None,
        secret: str = SIGNING_SECRET,
    ) -> tuple[int, Any]:
        all_headers = {"Content-Type": content_type, **sign(body, secret=secret), **(headers or {})}
        async with self.session.post(f"{self.url}/slack/events", data=body.encode(), headers=all_headers) as resp:
            text = await resp.text()
            try:
                return resp.status, json.loads(text) if text else None
            except json.JSONDecodeError:
                return resp.status, text

    def next_id(self, prefix: str) -> str:
        return f"{prefix}{next(self._ids):06d}"

    async def command(
        self, text: str, *, command: str = "/policy", user: str = ALICE, channel: str = CHANNEL
    ) -> tuple[int, Any]:
        """A slash command, form-encoded. Its response_url is `fake.response_url("cmd-<n>")`."""
        self.last_response_url = self.api.response_url(self.next_id("cmd-"))
        form = {
            "token": "legacy-verification-token",
            "team_id": "T0000001",
            "team_domain": "example",
            "channel_id": channel,
            "channel_name": "general",
            "user_id": user,
            "user_name": user.lower(),
            "command": command,
            "text": text,
            "api_app_id": "A0000001",
            "is_enterprise_install": "false",
            "response_url": self.last_response_url,
            "trigger_id": self.next_id("trigger-"),
        }
        return await self.post(urlencode(form), "application/x-www-form-urlencoded")

    async def interact(self, payload: dict[str, Any]) -> tuple[int, Any]:
        """Interactivity: a form with one field, `payload=<json>`."""
        return await self.post(urlencode({"payload": json.dumps(payload)}), "application/x-www-form-urlencoded")

    async def press(
        self,
        action_id: str,
        value: str,
        *,
        user: str = ALICE,
        channel: str = CHANNEL,
        message_ts: str = "1700000000.000001",
        ephemeral: bool = True,
    ) -> tuple[int, Any]:
        """A button press on a message. Its response_url is `fake.response_url("act-<n>")`."""
        self.last_response_url = self.api.response_url(self.next_id("act-"))
        return await self.interact(
            {
                "type": "block_actions",
                "team": {"id": "T0000001", "domain": "example"},
                "user": {"id": user, "username": user.lower(), "name": user.lower(), "team_id": "T0000001"},
                "api_app_id": "A0000001",
                "token": "legacy-verification-token",
                "container": {
                    "type": "message",
                    "message_ts": message_ts,
                    "channel_id": channel,
                    "is_ephemeral": ephemeral,
                },
                "trigger_id": self.next_id("trigger-"),
                "channel": {"id": channel, "name": "general"},
                "response_url": self.last_response_url,
                "actions": [
                    {
                        "action_id": action_id,
                        "block_id": "b1",
                        "value": value,
                        "type": "button",
                        "action_ts": "1700000001.000001",
                    }
                ],
            }
        )

    async def submit(
        self,
        view: dict[str, Any],
        values: dict[str, dict[str, Any]],
        *,
        user: str = ALICE,
        view_id: str = "VREPORT01",
    ) -> tuple[int, Any]:
        """A modal's submission, with `values` as Slack's state: {block_id: {"value": element_state}}."""
        return await self.interact(
            {
                "type": "view_submission",
                "team": {"id": "T0000001", "domain": "example"},
                "user": {"id": user, "username": user.lower(), "name": user.lower(), "team_id": "T0000001"},
                "api_app_id": "A0000001",
                "token": "legacy-verification-token",
                "trigger_id": self.next_id("trigger-"),
                "view": {
                    **view,
                    "id": view_id,
                    "team_id": "T0000001",
                    "state": {"values": values},
                    "hash": "1700000000.abc",
                    "private_metadata": view.get("private_metadata", ""),
                },
            }
        )

    async def event(
        self, event: dict[str, Any], *, event_id: str | None = None, retry_num: int | None = None
    ) -> tuple[int, Any]:
        """An Events API callback, JSON. A retry repeats the event_id with X-Slack-Retry-Num."""
        body = {
            "token": "legacy-verification-token",
            "team_id": "T0000001",
            "api_app_id": "A0000001",
            "event": event,
            "type": "event_callback",
            "event_id": event_id or self.next_id("Ev"),
            "event_time": int(time.time()),
            "authorizations": [{"team_id": "T0000001", "user_id": "UBOT0001", "is_bot": True}],
        }
        headers = {} if retry_num is None else {"X-Slack-Retry-Num": str(retry_num), "X-Slack-Retry-Reason": "timeout"}
        return await self.post(json.dumps(body), "application/json", headers=headers)


def report_values(
    what_happened: str,
    *,
    who: str = "",
    when_where: str = "",
    category: str = "online_contact",
    danger: bool = False,
    evidence: str = "",
    concerns: str | None = None,
) -> dict[str, dict[str, Any]]:
    """The report form's state as Slack sends it on submission."""

    def text(value: str) -> dict[str, Any]:
        return {"value": {"type": "plain_text_input", "value": value or None}}

    return {
        "what_happened": text(what_happened),
        "who": text(who),
        "when_where": text(when_where),
        "category": {
            "value": {
                "type": "static_select",
                "selected_option": {"value": category, "text": {"type": "plain_text"}},
            }
        },
        "immediate_danger": {"value": {"type": "checkboxes", "selected_options": [{"value": "yes"}] if danger else []}},
        "evidence": text(evidence),
        "concerns_recipient": {"value": {"type": "users_select", "selected_user": concerns}},
    }


class MinuteLater:
    """The restarted process's clock: it comes back a minute later, after the dead one's lease on
    the delivery (the core's delivery timeout + 30 s) has run out."""

    def now(self) -> datetime:
        return datetime.now(UTC) + timedelta(minutes=1)


def reference_in(ack: Any) -> str:
    text = displayed(ack["view"])
    start = text.index("SG-")
    return text[start : start + 12]


@pytest.fixture
async def slack_api() -> AsyncIterator[SlackApiFake]:
    fake = await SlackApiFake().start()
    try:
        yield fake
    finally:
        await fake.stop()


def core_settings(tmp_path: Path, **overrides: Any) -> CoreSettings:
    values: dict[str, Any] = {
        "database_url": f"sqlite:///{tmp_path / 'policybot.db'}",
        "report_key": REPORT_KEY,
        "delivery_retry_base_seconds": 0.05,
        "delivery_retry_max_seconds": 0.5,
        "delivery_poll_seconds": 0.1,
        "delivery_timeout_seconds": 5.0,
        **overrides,
    }
    return CoreSettings(_env_file=None, **values)  # type: ignore[call-arg]


def slack_settings(api: SlackApiFake, **overrides: Any) -> SlackSettings:
    values: dict[str, Any] = {
        "bot_token": "xoxb-test-token",
        "signing_secret": SIGNING_SECRET,
        "api_url": api.api_url,
        "safeguarding_leads": [LEAD],
        "safeguarding_deputies": [DEPUTY],
        **overrides,
    }
    return SlackSettings(_env_file=None, **values)  # type: ignore[call-arg]


# Time enough to answer in the ack however busy the machine (an answer past the budget goes to the response_url,
# which the tests of that path set up with a budget of 0: test_slow_core.py)
TESTS_ACK_BUDGET = 30.0


@asynccontextmanager
async def running_app(
    core: CoreSettings, slack: SlackSettings, clock: Clock | None = None, *, ack_budget: float = TESTS_ACK_BUDGET
) -> AsyncIterator[tuple[SlackService, str]]:
    async with open_slack_service(core, slack, advisor=shared_advisor(), clock=clock, ack_budget=ack_budget) as service:
        async with serve_http(service, host="127.0.0.1", port=0) as port:
            yield service, f"http://127.0.0.1:{port}"


@pytest.fixture
async def slack(slack_api: SlackApiFake, tmp_path: Path) -> AsyncIterator[Slack]:
    async with running_app(core_settings(tmp_path), slack_settings(slack_api)) as (service, url):
        async with aiohttp.ClientSession() as session:
            yield Slack(url, slack_api, session, service)
