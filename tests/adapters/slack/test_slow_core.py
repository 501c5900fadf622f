"""When the core isn't ready in time, Slack still gets its ack within 3 s and the answer follows.

The app is run with no time to wait (`ack_budget=0`), which is what a slow core looks like to Slack.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import aiohttp
import pytest

from adapters import slack_views as views
from tests.adapters.slack.conftest import (
    ALICE,
    ANSWERED,
    CHANNEL,
    LEAD,
    Slack,
    core_settings,
    displayed,
    quotes_a_policy,
    reference_in,
    report_values,
    running_app,
    slack_settings,
)
from tests.fakes.slack_api import SlackApiFake


@pytest.fixture
async def slow(slack_api: SlackApiFake, tmp_path: Path) -> AsyncIterator[Slack]:
    async with running_app(core_settings(tmp_path), slack_settings(slack_api), ack_budget=0) as (service, url):
        async with aiohttp.ClientSession() as session:
            yield Slack(url, slack_api, session, service)


async def test_policy_acks_empty_then_answers_through_the_response_url(slow: Slack) -> None:
    status, body = await slow.command(ANSWERED)
    assert status == 200 and not body  # the bare ack
    answer = await slow.api.wait_for_call("response_url:" + slow.last_response_url.rsplit("/", 1)[1])
    assert answer.body["response_type"] == "ephemeral"
    assert quotes_a_policy(displayed(answer.body["blocks"]))
    assert not slow.api.calls_to("chat.postMessage", channel=CHANNEL)


async def test_a_report_form_shows_received_then_the_reference_arrives_by_dm(slow: Slack) -> None:
    status, ack = await slow.submit(views.render_report_modal(), report_values("Something worrying"))
    assert status == 200 and ack["response_action"] == "update"
    assert "SG-" not in displayed(ack["view"])
    receipt = await slow.api.wait_for_call("chat.postMessage", channel=ALICE)
    assert "SG-" in displayed(receipt.body)
    await slow.api.wait_for_call("chat.postMessage", channel=LEAD)
    assert reference_in({"view": {"blocks": receipt.body["blocks"]}}).startswith("SG-")
