"""/policy, DMs and @mentions end to end: signed requests into the running Bolt app over HTTP,
the real Web API client talking to our fake Slack."""

from __future__ import annotations

import json
import logging

import pytest

from adapters import slack_views as views
from assistant import messages
from tests.adapters.slack.conftest import (
    ALICE,
    ANSWERED,
    CHANNEL,
    CONCERN,
    NO_MATCH,
    Slack,
    displayed,
    eventually,
    quotes_a_policy,
)

INJECTION = "<!channel> <@U0BOSS01> can I accept a parent's friend request?"


def action_ids(blocks: list[dict[str, object]]) -> set[str]:
    return {
        str(e["action_id"])
        for b in blocks
        for e in b.get("elements", [])  # type: ignore[attr-defined]
        if isinstance(e, dict) and "action_id" in e
    }


def button_value(blocks: list[dict[str, object]], action_id: str) -> str:
    for block in blocks:
        for element in block.get("elements", []):  # type: ignore[attr-defined]
            if isinstance(element, dict) and element.get("action_id") == action_id:
                return str(element["value"])
    raise AssertionError(f"no {action_id} button")


async def test_policy_answers_privately_in_the_ack_with_the_quoted_clause_and_its_source(
    slack: Slack,
) -> None:
    status, body = await slack.command(ANSWERED)
    assert status == 200
    assert body["response_type"] == "ephemeral"
    assert quotes_a_policy(displayed(body["blocks"]))
    assert {views.SHARE, views.SHOW_OTHERS, views.HELPFUL, views.NOT_HELPFUL} <= action_ids(body["blocks"])
    # nothing was posted anywhere: the answer was the ack
    assert not [c for c in slack.api.calls if c.method.startswith("chat.")]


async def test_policy_without_a_question_shows_how_to_use_it(slack: Slack) -> None:
    status, body = await slack.command("   ")
    assert status == 200 and body["response_type"] == "ephemeral"
    assert "/policy" in body["text"]


async def test_policy_with_no_matching_clause_says_who_to_ask(slack: Slack) -> None:
    _, body = await slack.command(NO_MATCH)
    assert body["response_type"] == "ephemeral"
    assert "DSL" in json.dumps(body["blocks"])
    assert not action_ids(body["blocks"])
    assert "use /report to report it confidentially" in displayed(body["blocks"])  # a missed worry's way in


async def test_a_concern_offers_the_report_form_which_opens_with_the_question_in_it(slack: Slack) -> None:
    _, body = await slack.command(CONCERN)
    assert views.OPEN_REPORT in action_ids(body["blocks"])
    status, _ = await slack.press(views.OPEN_REPORT, button_value(body["blocks"], views.OPEN_REPORT))
    assert status == 200
    opened = await slack.api.wait_for_call("views.open")
    assert opened.body["view"]["callback_id"] == views.REPORT_FORM
    assert opened.body["trigger_id"].startswith("trigger-")
    what = next(b for b in opened.body["view"]["blocks"] if b.get("block_id") == "what_happened")
    assert what["element"]["initial_value"] == CONCERN


async def test_mentions_and_everyone_pings_in_a_question_are_shown_as_typed_and_ping_no_one(slack: Slack) -> None:
    _, body = await slack.command(INJECTION)  # as Slack sends "@channel @boss can I..."
    text = displayed(body)
    assert "<!channel>" not in text and "<@U0BOSS01>" not in text
    assert "You asked: @channel @U0BOSS01 can I accept" in text  # words, not Slack's markup: no one is pinged
    assert quotes_a_policy(text)


async def test_a_question_reads_as_typed_not_as_slacks_escapes(slack: Slack) -> None:
    # Slack sends "&", "<" and ">" escaped, and a link in its markup: the question is what was typed, shown back
    # escaped once; what was typed as text ("<!here>", sent as "&lt;!here&gt;") still pings no one
    typed = "can I share our arts &amp; crafts page <https://example.org/arts|example.org/arts> &lt;!here&gt; on insta?"
    _, body = await slack.command(typed)
    text = displayed(body)
    assert "You asked: can I share our arts &amp; crafts page example.org/arts &lt;!here&gt; on insta?" in text
    assert "&amp;amp;" not in text and "<!here>" not in text


async def test_show_other_matches_replaces_the_answer_with_all_of_them(slack: Slack) -> None:
    _, body = await slack.command(ANSWERED)
    await slack.press(views.SHOW_OTHERS, button_value(body["blocks"], views.SHOW_OTHERS))
    reply = await slack.api.wait_for_call("response_url:" + slack.last_response_url.rsplit("/", 1)[1])
    assert reply.body["replace_original"] is True and reply.body["response_type"] == "ephemeral"
    shares = [e for b in reply.body["blocks"] for e in b.get("elements", []) if e.get("action_id") == views.SHARE]
    assert len(shares) >= 2  # every match, each with its own share button


async def test_share_posts_the_quote_and_citation_in_the_channel_but_not_the_question(slack: Slack) -> None:
    _, body = await slack.command("my private worry: " + ANSWERED)
    await slack.press(views.SHARE, button_value(body["blocks"], views.SHARE))
    shared = await slack.api.wait_for_call("response_url:" + slack.last_response_url.rsplit("/", 1)[1])
    assert shared.body["response_type"] == "in_channel"
    text = shared.text_dump()
    assert "clause" in text and ">" in text
    assert "my private worry" not in text


async def test_helpful_and_not_helpful_are_counted_and_the_buttons_go(slack: Slack) -> None:
    _, body = await slack.command(ANSWERED)
    for action in (views.HELPFUL, views.HELPFUL, views.NOT_HELPFUL):
        await slack.press(action, button_value(body["blocks"], action))
        reply = await slack.api.wait_for_call("response_url:" + slack.last_response_url.rsplit("/", 1)[1])
        assert reply.body["replace_original"] is True
        assert views.HELPFUL not in action_ids(reply.body["blocks"])
    counts = await slack.service.bot.desk.feedback.counts()
    assert [(c.helpful, c.not_helpful) for c in counts] == [(2, 1)]


async def test_a_direct_message_is_answered_in_the_dm(slack: Slack) -> None:
    status, _ = await slack.event(
        {
            "type": "message",
            "channel_type": "im",
            "channel": "DALICE001",
            "user": ALICE,
            "text": ANSWERED,
            "ts": "1700000100.000100",
        }
    )
    assert status == 200
    reply = await slack.api.wait_for_call("chat.postMessage", channel="DALICE001")
    assert "clause" in reply.text_dump()
    assert views.SHARE not in action_ids(reply.body["blocks"])


async def test_a_mention_is_answered_privately_in_its_thread(slack: Slack) -> None:
    await slack.event(
        {
            "type": "app_mention",
            "channel": CHANNEL,
            "user": ALICE,
            "text": f"<@UBOT0001> {ANSWERED}",
            "ts": "1700000200.000100",
        }
    )
    reply = await slack.api.wait_for_call("chat.postEphemeral")
    assert reply.body["user"] == ALICE and reply.body["channel"] == CHANNEL
    assert reply.body["thread_ts"] == "1700000200.000100"
    assert not slack.api.calls_to("chat.postMessage")


async def test_a_mention_reads_as_typed(slack: Slack) -> None:
    await slack.event(
        {
            "type": "app_mention",
            "channel": CHANNEL,
            "user": ALICE,
            "text": f"<@UBOT0001> <@U0BOSS01|boss> &amp; me: {ANSWERED}",
            "ts": "1700000250.000100",
        }
    )
    reply = await slack.api.wait_for_call("chat.postEphemeral")
    assert f"You asked: @boss &amp; me: {ANSWERED}" in displayed(reply.body["blocks"])  # the bot's own mention gone


async def test_a_retried_event_is_answered_once(slack: Slack) -> None:
    event = {
        "type": "message",
        "channel_type": "im",
        "channel": "DALICE001",
        "user": ALICE,
        "text": ANSWERED,
        "ts": "1700000300.000100",
    }
    await slack.event(event, event_id="Ev0RETRY1")
    await slack.api.wait_for_call("chat.postMessage", channel="DALICE001")
    status, _ = await slack.event(event, event_id="Ev0RETRY1", retry_num=1)
    assert status == 200
    # a later, different question is answered: so by now the retry would have been too
    await slack.event({**event, "ts": "1700000301.000100", "text": NO_MATCH}, event_id="Ev0OTHER1")
    await slack.api.wait_for(lambda c: c.method == "chat.postMessage" and "anything I can quote" in c.text_dump())
    assert len(slack.api.calls_to("chat.postMessage", channel="DALICE001")) == 2


async def test_other_messages_in_channels_are_ignored(slack: Slack) -> None:
    await slack.event(
        {
            "type": "message",
            "channel_type": "channel",
            "channel": CHANNEL,
            "user": ALICE,
            "text": ANSWERED,
            "ts": "1700000400.000100",
        }
    )
    await slack.event(
        {
            "type": "message",
            "channel_type": "im",
            "channel": "DALICE001",
            "user": ALICE,
            "text": NO_MATCH,
            "ts": "1700000401.000100",
        }
    )
    await slack.api.wait_for_call("chat.postMessage", channel="DALICE001")
    assert not slack.api.calls_to("chat.postMessage", channel=CHANNEL)
    assert not slack.api.calls_to("chat.postEphemeral")


async def test_a_badly_signed_request_is_refused_with_401(slack: Slack) -> None:
    status, _ = await slack.post("command=%2Fpolicy&text=hi", "application/x-www-form-urlencoded", secret="wrong")
    assert status == 401
    stale = {"X-Slack-Request-Timestamp": "1000000000"}
    status, _ = await slack.post("command=%2Fpolicy&text=hi", "application/x-www-form-urlencoded", headers=stale)
    assert status == 401
    assert not [c for c in slack.api.calls if c.method != "auth.test"]


async def test_url_verification_is_answered_with_the_challenge(slack: Slack) -> None:
    body = json.dumps(
        {
            "token": "t",
            "challenge": "3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P",
            "type": "url_verification",
        }
    )
    status, reply = await slack.post(body, "application/json")
    assert status == 200 and reply["challenge"].startswith("3eZbrw1a")


async def test_health_check(slack: Slack) -> None:
    async with slack.session.get(f"{slack.url}/healthz") as resp:
        assert resp.status == 200


async def test_a_fault_is_logged_once_without_the_question_and_the_asker_gets_the_apology_privately(
    slack: Slack, caplog: pytest.LogCaptureFixture
) -> None:
    slack.api.fail("chat.postEphemeral", status=200, error="internal_error", retry_after=None)
    with caplog.at_level(logging.INFO):
        await slack.event(
            {
                "type": "app_mention",
                "channel": CHANNEL,
                "user": ALICE,
                "text": "<@UBOT0001> secret words " + ANSWERED,
                "ts": "1700000500.000100",
            }
        )
        apology = await slack.api.wait_for(
            lambda c: c.method == "chat.postEphemeral" and views.escape(messages.SORRY) in c.text_dump()
        )
    assert apology.body["user"] == ALICE and apology.body["thread_ts"] == "1700000500.000100"
    faults = [r for r in caplog.records if r.name == "policybot.slack" and r.levelno >= logging.ERROR]
    assert len(faults) == 1 and faults[0].exc_info is not None
    assert "secret words" not in caplog.text


async def test_a_fault_on_something_not_addressed_to_the_bot_posts_nothing(
    slack: Slack, caplog: pytest.LogCaptureFixture
) -> None:
    slack.api.fail("views.publish", status=200, error="internal_error", retry_after=None)
    with caplog.at_level(logging.ERROR):
        await slack.event({"type": "app_home_opened", "user": ALICE, "channel": "DALICE001", "tab": "home"})
        await eventually(
            lambda: any("app_home_opened" in r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR)
        )
    assert not [c for c in slack.api.calls if c.method.startswith("chat.")]


@pytest.mark.parametrize("text", ["\x00\x01\x02 binary junk \xff\ufffe", "x" * 100_000])
async def test_junk_and_huge_questions_get_a_clean_private_answer(slack: Slack, text: str) -> None:
    status, body = await slack.command(text)
    assert status == 200 and body["response_type"] == "ephemeral"
    assert messages.SORRY not in json.dumps(body)


async def test_a_question_with_no_words_gets_the_cores_message_privately_and_no_fault(
    slack: Slack, caplog: pytest.LogCaptureFixture
) -> None:
    status, body = await slack.command("?!? ...")
    assert status == 200 and body["response_type"] == "ephemeral"
    assert views.escape(messages.EMPTY_QUESTION) in body["text"]
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]


async def test_even_with_debug_logging_no_question_text_reaches_the_logs(
    slack: Slack, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.DEBUG):
        await slack.command("zebra crossing " + ANSWERED)
        await slack.event(
            {
                "type": "message",
                "channel_type": "im",
                "channel": "DALICE001",
                "user": ALICE,
                "text": "zebra crossing " + ANSWERED,
                "ts": "1700000800.000100",
            }
        )
        await slack.api.wait_for_call("chat.postMessage", channel="DALICE001")
    assert "zebra" not in caplog.text
