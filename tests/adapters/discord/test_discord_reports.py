"""Confidential reports on Discord, end to end: /report -> modal -> core -> lead DMs -> Acknowledge."""

from __future__ import annotations

import logging
from typing import Any

import pytest

from assistant.models import ReportStatus, UserRef
from tests.adapters.discord.conftest import DEPUTY, LEAD_A, LEAD_B, REPORTER, STRANGER, RunningBot, StartBot
from tests.adapters.discord.test_discord_policy import EPHEMERAL, MODAL, buttons, callbacks, wait_followups
from tests.fakes.discord_api import APP_ID, GENERAL_CHANNEL_ID, LEADS_CHANNEL_ID, RestCall

WHAT = "@everyone <@123> <@&456> A volunteer, J.S., has been messaging a 14-year-old member on Snapchat late at night."


def form(
    what: str = WHAT,
    *,
    who: str = "J.S. (volunteer), member aged 14",
    when: str = "Last week, Snapchat",
    category: str = "online_contact",
    danger: bool = False,
) -> list[dict[str, Any]]:
    """A submitted report form as Discord sends it: each input inside its label."""

    def label(component: dict[str, Any]) -> dict[str, Any]:
        return {"type": 18, "component": component}

    return [
        label({"type": 4, "custom_id": "what", "value": what}),
        label({"type": 4, "custom_id": "who", "value": who}),
        label({"type": 4, "custom_id": "when", "value": when}),
        label({"type": 21, "custom_id": "category", "value": category}),
        label({"type": 23, "custom_id": "danger", "value": danger}),
    ]


def lead(lead_id: str) -> UserRef:
    return UserRef(platform="discord", user_id=lead_id)


async def submit_report(
    running: RunningBot, components: list[dict[str, Any]] | None = None, *, custom_id: str = "pb:report:form"
) -> tuple[dict[str, Any], RestCall]:
    payload = await running.fake.submit_modal(custom_id, running.fake.users[REPORTER], components or form())
    [receipt] = await wait_followups(running, payload)
    return payload, receipt


async def delivered_to(running: RunningBot, *lead_ids: str) -> dict[str, RestCall]:
    """Wait until each lead has a successfully delivered DM; return the last one per lead."""
    fake = running.fake

    def done() -> bool:
        return all(
            fake.dm_channel_of(lead_id) is not None
            and any(id(call) in fake._responses for call in fake.messages_to_user(lead_id))
            for lead_id in lead_ids
        )

    await fake.wait_for(done)
    return {
        lead_id: [call for call in fake.messages_to_user(lead_id) if id(call) in fake._responses][-1]
        for lead_id in lead_ids
    }


def reference_in(receipt: RestCall) -> str:
    content: str = receipt.json["content"]
    return next(word.strip(".,") for word in content.split() if word.startswith("SG-"))


def assert_nothing_in_the_channel(running: RunningBot) -> None:
    fake = running.fake
    assert not fake.calls_to("POST", f"/channels/{GENERAL_CHANNEL_ID}/messages")
    for call in fake.calls:
        if call.path.startswith(f"/webhooks/{APP_ID}/"):  # follow-ups to the reporter
            assert call.json["flags"] & EPHEMERAL


async def test_report_opens_a_five_part_form(running: RunningBot) -> None:
    payload = await running.fake.slash_command("report", running.fake.users[REPORTER])
    [response] = await running.fake.wait_for_call("POST", f"/interactions/{payload['id']}/{payload['token']}/callback")
    assert response.json["type"] == MODAL
    modal = response.json["data"]
    assert modal["custom_id"] == "pb:report:form"
    inputs = [row["component"] for row in modal["components"]]
    assert [item["custom_id"] for item in inputs] == ["what", "who", "when", "category", "danger"]
    assert inputs[0]["required"] is True
    assert_nothing_in_the_channel(running)


async def test_a_report_reaches_each_lead_privately_and_nothing_appears_in_the_channel(
    running: RunningBot,
) -> None:
    _payload, receipt = await submit_report(running)
    reference = reference_in(receipt)
    assert receipt.json["flags"] & EPHEMERAL
    assert "Snapchat" not in receipt.json["content"]  # the reference, never the report's text
    dms = await delivered_to(running, LEAD_A, LEAD_B)
    for dm in dms.values():
        body = dm.json
        assert body["allowed_mentions"] == {"parse": []}
        [embed] = body["embeds"]
        assert reference in embed["title"]
        assert "Snapchat late at night" in embed["description"]
        assert "@everyone" in embed["description"]  # shown as typed, pings nobody
        labels = buttons(body)
        assert labels["Acknowledge"]["custom_id"] == f"pb:report:ack:{reference}"
        assert labels["Close"]["custom_id"] == f"pb:report:close:{reference}"
    assert running.fake.dm_channel_of(DEPUTY) is None  # no deputy configured
    assert_nothing_in_the_channel(running)


async def test_immediate_danger_tells_the_reporter_to_call_999_first(running: RunningBot) -> None:
    _payload, receipt = await submit_report(running, form(danger=True, category="other"))
    assert receipt.json["content"].startswith("**If someone is in immediate danger, call 999")
    dms = await delivered_to(running, LEAD_A, LEAD_B)
    fields = {field["name"]: field["value"] for field in dms[LEAD_A].json["embeds"][0]["fields"]}
    assert fields["Someone is in immediate danger"].startswith("YES")


async def test_a_report_about_a_lead_never_reaches_that_lead(running: RunningBot) -> None:
    fake = running.fake
    payload = await fake.slash_command(
        "report",
        fake.users[REPORTER],
        {"about_lead": LEAD_A},
        resolved={"users": {LEAD_A: fake.users[LEAD_A]}},
    )
    [response] = await fake.wait_for_call("POST", f"/interactions/{payload['id']}/{payload['token']}/callback")
    custom_id = response.json["data"]["custom_id"]
    assert custom_id == f"pb:report:form:{LEAD_A}"
    _payload, receipt = await submit_report(running, custom_id=custom_id)
    await delivered_to(running, LEAD_B)
    report = await running.desk.show(reference_in(receipt), lead(LEAD_B))
    assert report.concerns_recipient == LEAD_A
    assert fake.dm_channel_of(LEAD_A) is None


async def test_the_same_submission_twice_makes_one_report(running: RunningBot) -> None:
    fake = running.fake
    payload, first = await submit_report(running)
    await fake.dispatch("INTERACTION_CREATE", payload)  # a replayed event (e.g. after a RESUME)
    [_, second] = await wait_followups(running, payload, 2)
    assert reference_in(first) == reference_in(second)
    assert len(await running.desk.list_open(lead(LEAD_A))) == 1


async def test_a_rate_limited_lead_dm_is_delivered_later(running: RunningBot) -> None:
    fake = running.fake
    fake.rate_limit("POST", r"/channels/\d+/messages", times=1, retry_after=0.05)
    _payload, receipt = await submit_report(running)
    await delivered_to(running, LEAD_A, LEAD_B)
    attempts = fake.calls_to("POST", r"/channels/\d+/messages")
    assert len(attempts) == 3  # one 429, then discord.py waited and sent it again
    report = await running.desk.show(reference_in(receipt), lead(LEAD_A))
    delivered = {entry.detail for entry in report.chronology if entry.action == "delivered"}
    assert delivered == {f"discord:{LEAD_A}", f"discord:{LEAD_B}"}


async def test_a_lead_with_closed_dms_crashes_nothing_and_the_fallback_channel_gets_it(
    running_with_fallback: RunningBot,
) -> None:
    running = running_with_fallback
    fake = running.fake
    fake.close_dms_of(LEAD_A)
    _payload, receipt = await submit_report(running)
    reference = reference_in(receipt)
    await delivered_to(running, LEAD_B)  # the other lead still gets it
    [fallback] = await fake.wait_for_call("POST", f"/channels/{LEADS_CHANNEL_ID}/messages")
    embed = fallback.json["embeds"][0]
    assert "Snapchat late at night" in embed["description"]
    assert any(f"<@{LEAD_A}>" in field["value"] for field in embed["fields"])
    assert fallback.json["allowed_mentions"] == {"parse": []}
    # retried (slowly in production; quickly here)
    await fake.wait_for(lambda: len(fake.messages_to_user(LEAD_A)) >= 2)
    # visible to the other leads and in the core's chronology (`policybot reports show`)
    report = await running.desk.show(reference, lead(LEAD_B))
    failures = [entry for entry in report.chronology if entry.action == "delivery_failed"]
    assert failures and all(f"discord:{LEAD_A}" in entry.detail for entry in failures)
    assert all("Snapchat" not in entry.detail for entry in failures)
    payload = await fake.slash_command("reports", fake.users[LEAD_B])
    [listing] = await wait_followups(running, payload)
    text = str(listing.json["embeds"])
    assert reference in text and f"<@{LEAD_A}>" in text
    # once the lead opens their DMs, the retry delivers it; the fallback was posted once only
    fake.open_dms_of(LEAD_A)
    await delivered_to(running, LEAD_A)
    assert len(fake.calls_to("POST", f"/channels/{LEADS_CHANNEL_ID}/messages")) == 1


async def test_acknowledge_tells_the_reporter_privately_even_after_a_restart(start_bot: StartBot) -> None:
    async with start_bot() as running:
        _payload, receipt = await submit_report(running)
        reference = reference_in(receipt)
        dms = await delivered_to(running, LEAD_A, LEAD_B)
        lead_message = running.fake.sent_message(dms[LEAD_A])
    async with start_bot() as restarted:  # same database, new process: nothing in memory
        fake = restarted.fake
        ack = buttons(lead_message)["Acknowledge"]["custom_id"]
        click = await fake.click(ack, fake.users[LEAD_A], message=lead_message, in_guild=False)
        [confirmation] = await wait_followups(restarted, click)
        assert confirmation.json["flags"] & EPHEMERAL
        assert reference in confirmation.json["content"]
        await fake.wait_for(lambda: bool(fake.messages_to_user(REPORTER)))
        [notice] = fake.messages_to_user(REPORTER)
        assert "acknowledged" in notice.json["content"] and reference in notice.json["content"]
        assert notice.json["allowed_mentions"] == {"parse": []}
        report = await restarted.desk.show(reference, lead(LEAD_B))
        assert report.status is ReportStatus.ACKNOWLEDGED


async def test_close_asks_for_the_outcome_and_closes_the_report(running: RunningBot) -> None:
    fake = running.fake
    _payload, receipt = await submit_report(running)
    reference = reference_in(receipt)
    dms = await delivered_to(running, LEAD_A, LEAD_B)
    message = fake.sent_message(dms[LEAD_B])
    click = await fake.click(
        buttons(message)["Close"]["custom_id"], fake.users[LEAD_B], message=message, in_guild=False
    )
    [response] = callbacks(running, click) or await fake.wait_for_call(
        "POST", f"/interactions/{click['id']}/{click['token']}/callback"
    )
    assert response.json["type"] == MODAL
    close_form = response.json["data"]["custom_id"]
    outcome = [{"type": 18, "component": {"type": 4, "custom_id": "outcome", "value": "Referred to the LADO."}}]
    submitted = await fake.submit_modal(close_form, fake.users[LEAD_B], outcome, in_guild=False)
    [done] = await wait_followups(running, submitted)
    assert reference in done.json["content"]
    report = await running.desk.show(reference, lead(LEAD_A))
    assert report.status is ReportStatus.CLOSED


async def test_reports_is_for_leads_only(running: RunningBot) -> None:
    fake = running.fake
    _payload, receipt = await submit_report(running)
    stranger = await fake.slash_command("reports", fake.users[STRANGER])
    [refusal] = await wait_followups(running, stranger)
    assert refusal.json["flags"] & EPHEMERAL
    assert reference_in(receipt) not in str(refusal.json)
    assert refusal.json["content"].startswith("Sorry, that isn't available to you")
    lead_a = await fake.slash_command("reports", fake.users[LEAD_A], in_guild=False)
    [listing] = await wait_followups(running, lead_a)
    assert listing.json["flags"] & EPHEMERAL
    assert reference_in(receipt) in listing.json["embeds"][0]["description"]
    assert "Snapchat" not in str(listing.json)


@pytest.mark.parametrize(
    ("what", "expected"),
    [
        ("   ", "Please describe what happened"),
        ("He sent \x07\x1b[31m this", "invisible control characters"),
    ],
)
async def test_a_refused_report_loses_nothing(running: RunningBot, what: str, expected: str) -> None:
    fake = running.fake
    _payload, reply = await submit_report(running, form(what))
    assert reply.json["flags"] & EPHEMERAL
    assert expected in reply.json["content"]
    again = buttons(reply.json)["Edit and send again"]
    click = await fake.click(again["custom_id"], fake.users[REPORTER], message=fake.sent_message(reply))
    [response] = await fake.wait_for_call("POST", f"/interactions/{click['id']}/{click['token']}/callback")
    assert response.json["type"] == MODAL
    prefilled = {row["component"]["custom_id"]: row["component"] for row in response.json["data"]["components"]}
    assert prefilled["who"]["value"] == "J.S. (volunteer), member aged 14"
    assert await running.desk.list_open(lead(LEAD_A)) == []
    assert_nothing_in_the_channel(running)


async def test_report_text_never_reaches_the_logs(start_bot: StartBot, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    async with start_bot() as running:
        _payload, receipt = await submit_report(running, form("zebra-unicorn-disclosure happened"))
        await delivered_to(running, LEAD_A, LEAD_B)
    assert reference_in(receipt) in caplog.text  # the logs do say what happened to which report
    assert "zebra-unicorn" not in caplog.text


async def test_deputies_get_the_report_too(start_bot: StartBot) -> None:
    async with start_bot(safeguarding_deputies=DEPUTY) as running:
        await submit_report(running)
        dms = await delivered_to(running, LEAD_A, LEAD_B, DEPUTY)
        assert all(buttons(dm.json)["Acknowledge"] for dm in dms.values())
        assert_nothing_in_the_channel(running)


async def test_closed_dms_without_a_fallback_channel_still_reach_the_other_lead(running: RunningBot) -> None:
    fake = running.fake
    fake.close_dms_of(LEAD_B)
    _payload, receipt = await submit_report(running)
    await delivered_to(running, LEAD_A)
    await fake.wait_for(lambda: len(fake.messages_to_user(LEAD_B)) >= 2)  # refused, retried
    report = await running.desk.show(reference_in(receipt), lead(LEAD_A))
    assert any(
        entry.action == "delivery_failed" and f"discord:{LEAD_B}" in entry.detail and "50007" in entry.detail
        for entry in report.chronology
    )
    assert not fake.calls_to("POST", f"/channels/{LEADS_CHANNEL_ID}/messages")
    assert_nothing_in_the_channel(running)
