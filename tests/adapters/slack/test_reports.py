"""Confidential reports end to end: /report -> views.open -> view_submission -> lead DMs, the lead's
buttons, the reporter told privately, and nothing ever in the channel where /report was typed."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

import aiohttp
import pytest

from adapters import slack_views as views
from adapters.slack_bot import to_user
from assistant import messages
from tests.adapters.slack.conftest import (
    ALICE,
    CHANNEL,
    DEPUTY,
    LEAD,
    MinuteLater,
    Slack,
    core_settings,
    displayed,
    eventually,
    reference_in,
    report_values,
    running_app,
    slack_settings,
)
from tests.fakes.slack_api import Call, SlackApiFake

WHAT = "J.B. sent a 14 year old <!channel> messages on Snapchat asking to meet <@U0BOSS01>"


def nothing_in_the_channel(api: SlackApiFake) -> None:
    """No call ever targeted the channel, and no response_url (which posts there) was used."""
    assert not [c for c in api.calls if c.channel == CHANNEL]
    assert not [c for c in api.calls if c.method.startswith("response_url:")]


def buttons(call: Call) -> dict[str, str]:
    return {
        e["action_id"]: e["value"]
        for b in call.body.get("blocks") or []
        for e in b.get("elements", [])
        if e.get("type") == "button"
    }


async def submit_report(slack: Slack, what: str = WHAT, *, view_id: str = "VREPORT01", **fields: Any) -> Any:
    status, body = await slack.submit(views.render_report_modal(), report_values(what, **fields), view_id=view_id)
    assert status == 200
    return body


async def test_report_opens_the_form_at_once_and_posts_nothing(slack: Slack) -> None:
    status, body = await slack.command("", command="/report")
    assert status == 200 and not body
    opened = await slack.api.wait_for_call("views.open")
    assert opened.body["trigger_id"] == "trigger-000002"  # the one this command carried
    assert opened.body["view"]["callback_id"] == views.REPORT_FORM
    nothing_in_the_channel(slack.api)


async def test_a_report_goes_only_to_the_leads_and_deputies_and_the_reporter_gets_the_reference(
    slack: Slack,
) -> None:
    await slack.command("", command="/report")
    ack = await submit_report(slack, who="J.B.", when_where="Tuesday, Snapchat")
    assert ack["response_action"] == "update"
    reference = reference_in(ack)
    assert reference.startswith("SG-")

    for recipient in (LEAD, DEPUTY):
        dm = await slack.api.wait_for_call("chat.postMessage", channel=recipient)
        shown = displayed(dm.body)
        assert reference in shown and "Tuesday, Snapchat" in shown and "14 year old" in shown
        assert "<!channel>" not in shown and "<@U0BOSS01>" not in shown and "&lt;!channel&gt;" in shown
        assert set(buttons(dm)) == {views.LEAD_ACK, views.LEAD_NOTE, views.LEAD_CLOSE}
        assert "14 year old" not in dm.body["text"]  # the notification shows the reference only

    receipt = await slack.api.wait_for_call("chat.postMessage", channel=ALICE)
    assert reference in displayed(receipt.body) and "14 year old" not in receipt.text_dump()
    nothing_in_the_channel(slack.api)
    # only the leads, the deputy and the reporter were sent anything
    assert {c.channel for c in slack.api.calls_to("chat.postMessage")} == {LEAD, DEPUTY, ALICE}


async def test_immediate_danger_puts_999_first_in_the_confirmation(slack: Slack) -> None:
    ack = await submit_report(slack, danger=True)
    shown = displayed(ack["view"])
    assert shown.index(views.escape(messages.CALL_999_NOW)) < shown.index("SG-")
    receipt = await slack.api.wait_for_call("chat.postMessage", channel=ALICE)
    assert views.escape(messages.CALL_999_NOW) in displayed(receipt.body)


async def test_the_same_form_submitted_twice_makes_one_report(slack: Slack) -> None:
    first = await submit_report(slack, view_id="VTWICE001")
    second = await submit_report(slack, view_id="VTWICE001")
    assert reference_in(first) == reference_in(second)
    await slack.api.wait_for_call("chat.postMessage", channel=LEAD)
    await slack.api.wait_for_call("chat.postMessage", channel=DEPUTY)
    open_reports = await slack.service.bot.desk.list_open(to_user(LEAD))
    assert [r.reference for r in open_reports] == [reference_in(first)]
    assert len(slack.api.calls_to("chat.postMessage", channel=ALICE)) == 1


async def test_an_empty_report_is_refused_on_the_form_and_nothing_is_sent(slack: Slack) -> None:
    ack = await submit_report(slack, "   ")
    assert ack == {"response_action": "errors", "errors": {"what_happened": messages.EMPTY_REPORT}}
    assert not slack.api.calls_to("chat.postMessage")


async def test_a_report_about_a_lead_never_reaches_them(slack: Slack) -> None:
    await submit_report(slack, concerns=LEAD)
    await slack.api.wait_for_call("chat.postMessage", channel=DEPUTY)
    await slack.api.wait_for_call("chat.postMessage", channel=ALICE)
    assert not slack.api.calls_to("chat.postMessage", channel=LEAD)


async def test_the_lead_acknowledges_the_message_updates_and_the_reporter_is_told_privately(
    slack: Slack,
) -> None:
    reference = reference_in(await submit_report(slack))
    dm = await slack.api.wait_for_call("chat.postMessage", channel=LEAD)
    await slack.press(
        views.LEAD_ACK,
        reference,
        user=LEAD,
        channel="D" + LEAD,
        message_ts="1700000000.000009",
        ephemeral=False,
    )
    updated = await slack.api.wait_for_call("chat.update")
    assert updated.body["channel"] == "D" + LEAD and updated.body["ts"] == "1700000000.000009"
    assert views.LEAD_ACK not in buttons(updated) and views.LEAD_CLOSE in buttons(updated)
    assert "acknowledged" in displayed(updated.body).lower()
    notice = await slack.api.wait_for(
        lambda c: c.method == "chat.postMessage" and c.channel == ALICE and "acknowledged" in c.text_dump()
    )
    assert reference in notice.text_dump() and "14 year old" not in notice.text_dump()
    assert dm.body["blocks"]
    nothing_in_the_channel(slack.api)


async def test_the_lead_adds_a_note_and_closes_the_report_through_modals(slack: Slack) -> None:
    reference = reference_in(await submit_report(slack))
    await slack.api.wait_for_call("chat.postMessage", channel=LEAD)
    where = {"user": LEAD, "channel": "D" + LEAD, "message_ts": "1700000000.000009", "ephemeral": False}

    await slack.press(views.LEAD_NOTE, reference, **where)  # type: ignore[arg-type]
    note_form = (await slack.api.wait_for_call("views.open")).body["view"]
    ack = await slack.submit(
        note_form,
        {"note": {"value": {"type": "plain_text_input", "value": "Rang <!here>"}}},
        user=LEAD,
        view_id="VNOTE0001",
    )
    assert ack == (200, None)
    noted = await slack.api.wait_for_call("chat.update")
    assert "Rang &lt;!here&gt;" in displayed(noted.body)

    await slack.press(views.LEAD_CLOSE, reference, **where)  # type: ignore[arg-type]
    close_form = (
        await slack.api.wait_for(
            lambda c: c.method == "views.open" and c.body["view"]["callback_id"] == views.CLOSE_FORM
        )
    ).body["view"]
    await slack.submit(
        close_form,
        {"outcome": {"value": {"type": "plain_text_input", "value": "Referred to LADO"}}},
        user=LEAD,
        view_id="VCLOSE001",
    )
    closed = await slack.api.wait_for(lambda c: c.method == "chat.update" and "Referred to LADO" in c.text_dump())
    assert not buttons(closed)
    report = await slack.service.bot.desk.show(reference, to_user(LEAD))
    assert report.status == "closed"
    assert [e.action for e in report.chronology if e.action in {"note", "closed"}] == ["note", "closed"]


async def test_reports_lists_open_reports_for_leads_and_refuses_everyone_else(slack: Slack) -> None:
    reference = reference_in(await submit_report(slack))
    await slack.command("", command="/reports", user=LEAD)
    listing = await slack.api.wait_for_call("response_url:" + slack.last_response_url.rsplit("/", 1)[1])
    assert listing.body["response_type"] == "ephemeral" and reference in displayed(listing.body)
    assert "14 year old" not in listing.text_dump()

    await slack.command("", command="/reports", user=ALICE)
    refusal = await slack.api.wait_for_call("response_url:" + slack.last_response_url.rsplit("/", 1)[1])
    assert refusal.body["response_type"] == "ephemeral"
    assert views.escape(messages.NOT_ALLOWED) in displayed(refusal.body)
    assert reference not in refusal.text_dump()


async def test_show_sends_the_whole_report_to_the_leads_dm(slack: Slack) -> None:
    reference = reference_in(await submit_report(slack))
    await slack.api.wait_for_call("chat.postMessage", channel=LEAD)
    await slack.press(views.LEAD_SHOW, reference, user=LEAD)
    await eventually(lambda: len(slack.api.calls_to("chat.postMessage", channel=LEAD)) == 2)
    assert "14 year old" in displayed(slack.api.calls_to("chat.postMessage", channel=LEAD)[1].body)
    nothing_in_the_channel(slack.api)


async def test_a_non_lead_pressing_a_lead_button_is_refused_and_nothing_changes(slack: Slack) -> None:
    reference = reference_in(await submit_report(slack))
    await slack.press(views.LEAD_ACK, reference, user=ALICE)
    refusal = await slack.api.wait_for_call("response_url:" + slack.last_response_url.rsplit("/", 1)[1])
    assert views.escape(messages.NOT_ALLOWED) in displayed(refusal.body)
    assert refusal.body["response_type"] == "ephemeral"
    assert not slack.api.calls_to("chat.update")
    report = await slack.service.bot.desk.show(reference, to_user(LEAD))
    assert report.status == "new"


async def test_a_rate_limited_lead_dm_is_delivered_later(slack: Slack) -> None:
    slack.api.fail("chat.postMessage", channel=LEAD, times=3, status=429, retry_after=0)
    reference = reference_in(await submit_report(slack))
    # slack_sdk retries the 429 itself (Retry-After), then the core's outbox retries the delivery
    await eventually(lambda: len(slack.api.calls_to("chat.postMessage", channel=LEAD)) == 4)

    async def delivered_to_lead() -> bool:
        report = await slack.service.bot.desk.show(reference, to_user(DEPUTY))
        return any(e.action == "delivered" and LEAD in e.detail for e in report.chronology)

    await eventually(delivered_to_lead)
    assert len(slack.api.calls_to("chat.postMessage", channel=LEAD)) == 4


async def test_a_report_acked_by_a_process_that_dies_is_delivered_after_restart(
    slack_api: SlackApiFake, tmp_path: Path
) -> None:
    core = core_settings(tmp_path)
    settings = slack_settings(slack_api)
    slack_api.hold("chat.postMessage", channel=LEAD)
    async with running_app(core, settings) as (service, url), aiohttp.ClientSession() as session:
        slack = Slack(url, slack_api, session, service)
        reference = reference_in(await submit_report(slack))  # acked: stored, with its deliveries
        await slack_api.wait_for_call("chat.postMessage", channel=LEAD)  # in flight, unanswered
        # ... and the process goes away before Slack answered the lead's DM
    slack_api.release_all()
    attempts = len(slack_api.calls_to("chat.postMessage", channel=LEAD))
    async with running_app(core, settings, clock=MinuteLater()) as (service, _):
        await eventually(lambda: len(slack_api.calls_to("chat.postMessage", channel=LEAD)) > attempts)
        delivered = slack_api.calls_to("chat.postMessage", channel=LEAD)[-1]
        assert reference in displayed(delivered.body)
        assert "14 year old" in displayed(delivered.body)

        async def recorded() -> bool:
            report = await service.bot.desk.show(reference, to_user(DEPUTY))
            return any(e.action == "delivered" and LEAD in e.detail for e in report.chronology)

        await eventually(recorded)
    assert not [c for c in slack_api.calls if c.channel == CHANNEL]


async def test_when_the_receipt_dm_fails_the_reporter_is_not_told_to_try_again(
    slack: Slack, caplog: pytest.LogCaptureFixture
) -> None:
    slack.api.fail("chat.postMessage", channel=ALICE, status=200, error="cannot_dm_bot", retry_after=None)
    with caplog.at_level(logging.WARNING):
        ack = await submit_report(slack)
        assert reference_in(ack).startswith("SG-")  # the form showed the reference
        await eventually(lambda: "receipt DM for SG-" in caplog.text)
    await slack.api.wait_for_call("chat.postMessage", channel=LEAD)
    assert not [c for c in slack.api.calls if messages.SORRY in c.text_dump()]


async def test_choosing_someone_who_is_not_a_lead_or_deputy_is_refused_on_that_field(slack: Slack) -> None:
    ack = await submit_report(slack, concerns=ALICE)
    assert ack["response_action"] == "errors"
    assert ALICE in ack["errors"]["concerns_recipient"]
    assert not slack.api.calls_to("chat.postMessage")
