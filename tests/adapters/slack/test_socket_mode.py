"""Socket Mode: the same app over a websocket it opens to (our fake) Slack; retried envelopes once."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from adapters import slack_views as views
from adapters.slack_bot import open_slack_service, serve_socket
from tests.adapters.slack.conftest import (
    ALICE,
    ANSWERED,
    CHANNEL,
    NO_MATCH,
    core_settings,
    displayed,
    quotes_a_policy,
    shared_advisor,
    slack_settings,
)
from tests.fakes.slack_api import SlackApiFake


@pytest.fixture
async def socket_app(slack_api: SlackApiFake, tmp_path: Path) -> AsyncIterator[SlackApiFake]:
    settings = slack_settings(slack_api, app_token="xapp-1-A0000001-test")
    async with open_slack_service(core_settings(tmp_path), settings, advisor=shared_advisor()) as service:
        async with serve_socket(service, settings):
            await slack_api.wait_for_socket()
            yield slack_api


def dm_event(text: str, ts: str) -> dict[str, object]:
    return {
        "type": "event_callback",
        "team_id": "T0000001",
        "api_app_id": "A0000001",
        "event_id": "Ev0SOCKET1" if text == ANSWERED else "Ev0SOCKET2",
        "event_time": 1700000000,
        "event": {
            "type": "message",
            "channel_type": "im",
            "channel": "DALICE001",
            "user": ALICE,
            "text": text,
            "ts": ts,
        },
    }


async def test_a_slash_command_over_socket_mode_is_answered_in_its_ack(socket_app: SlackApiFake) -> None:
    assert socket_app.calls_to("apps.connections.open")[0].token == "xapp-1-A0000001-test"
    await socket_app.send_envelope(
        {
            "envelope_id": "env-command-1",
            "type": "slash_commands",
            "accepts_response_payload": True,
            "payload": {
                "command": "/policy",
                "text": ANSWERED,
                "user_id": ALICE,
                "channel_id": CHANNEL,
                "team_id": "T0000001",
                "response_url": socket_app.response_url("socket-cmd"),
                "trigger_id": "trigger-socket",
            },
        }
    )
    reply = await socket_app.wait_for_socket_reply("env-command-1")
    assert reply["payload"]["response_type"] == "ephemeral"
    assert quotes_a_policy(displayed(reply["payload"]["blocks"]))
    assert views.SHARE in json.dumps(reply["payload"]["blocks"])


async def test_a_retried_envelope_is_acknowledged_and_answered_once(socket_app: SlackApiFake) -> None:
    first = {
        "envelope_id": "env-ev-1",
        "type": "events_api",
        "accepts_response_payload": False,
        "retry_attempt": 0,
        "retry_reason": "",
        "payload": dm_event(ANSWERED, "1700000600.000100"),
    }
    await socket_app.send_envelope(first)
    await socket_app.wait_for_socket_reply("env-ev-1")
    await socket_app.wait_for_call("chat.postMessage", channel="DALICE001")
    await socket_app.send_envelope({**first, "envelope_id": "env-ev-2", "retry_attempt": 1, "retry_reason": "timeout"})
    await socket_app.wait_for_socket_reply("env-ev-2")  # acknowledged, so Slack stops retrying
    # a later, different event is answered: so by now the retry would have been too
    await socket_app.send_envelope(
        {**first, "envelope_id": "env-ev-3", "payload": dm_event(NO_MATCH, "1700000601.000100")}
    )
    await socket_app.wait_for(lambda c: c.method == "chat.postMessage" and "anything I can quote" in c.text_dump())
    assert len(socket_app.calls_to("chat.postMessage", channel="DALICE001")) == 2
