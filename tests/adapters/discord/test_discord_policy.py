"""Policy answers on Discord, end to end: real discord.py client, fake Discord over HTTP + websocket."""

from __future__ import annotations

from typing import Any

from tests.adapters.discord.conftest import LEAD_A, REPORTER, RunningBot, StartBot
from tests.fakes.discord_api import APP_ID, GENERAL_CHANNEL_ID, GUILD_ID, RestCall

EPHEMERAL = 64
DEFERRED_MESSAGE = 5
CHANNEL_MESSAGE = 4
MODAL = 9
FRIEND_REQUEST = "can I accept a parent's friend request on facebook?"


def callbacks(running: RunningBot, payload: dict[str, Any]) -> list[RestCall]:
    return running.fake.calls_to("POST", f"/interactions/{payload['id']}/{payload['token']}/callback")


def followups(running: RunningBot, payload: dict[str, Any]) -> list[RestCall]:
    return running.fake.calls_to("POST", f"/webhooks/{APP_ID}/{payload['token']}")


async def wait_followups(running: RunningBot, payload: dict[str, Any], count: int = 1) -> list[RestCall]:
    return await running.fake.wait_for_call("POST", f"/webhooks/{APP_ID}/{payload['token']}", count)


def buttons(message_json: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {
        item["label"]: item
        for row in message_json.get("components", [])
        for item in row.get("components", [])
        if item.get("type") == 2
    }


async def ask(running: RunningBot, question: str, *, in_guild: bool = True) -> tuple[dict[str, Any], RestCall]:
    user = running.fake.users[REPORTER]
    payload = await running.fake.slash_command("policy", user, {"question": question}, in_guild=in_guild)
    [answer] = await wait_followups(running, payload)
    return payload, answer


async def test_the_bot_logs_in_syncs_its_commands_and_dials_the_gateway_its_api_names(
    running: RunningBot,
) -> None:
    fake = running.fake
    paths = [(call.method, call.path) for call in fake.calls]
    assert paths[:3] == [("GET", "/users/@me"), ("GET", "/oauth2/applications/@me"), ("GET", "/gateway/bot")]
    [sync] = fake.calls_to("PUT", f"/applications/{APP_ID}/commands")
    commands = {command["name"]: command for command in sync.json}
    assert set(commands) == {"policy", "report", "reports"}
    assert all(command["contexts"] == [0, 1, 2] for command in commands.values())  # servers and DMs
    [question] = commands["policy"]["options"]
    assert (question["name"], question["type"], question["required"]) == ("question", 3, True)
    assert fake.gateway_connections == 1
    assert fake.gateway_query == {"v": "10", "encoding": "json", "compress": "zlib-stream"}
    intents = fake.identify_payload["intents"]
    assert intents == (1 << 0) | (1 << 12)  # guilds + direct messages: nothing privileged
    assert not intents & (1 << 15)  # no message-content intent


async def test_policy_answers_privately_with_the_quoted_clause_and_its_source(running: RunningBot) -> None:
    payload, answer = await ask(running, FRIEND_REQUEST)
    [deferral] = callbacks(running, payload)
    assert deferral.json == {"type": DEFERRED_MESSAGE, "data": {"flags": EPHEMERAL}}
    body = answer.json
    assert body["flags"] & EPHEMERAL
    assert body["allowed_mentions"]["parse"] == []
    [embed] = body["embeds"][:1]
    assert embed["title"] and "Clause " in embed["footer"]["text"]
    assert "friend" in embed["description"].lower()
    labels = buttons(body)
    assert {"Share quote in channel", "Helpful", "Not helpful"} <= set(labels)
    assert not running.fake.calls_to("POST", f"/channels/{GENERAL_CHANNEL_ID}/messages")


async def test_mentions_in_a_question_never_ping(running: RunningBot) -> None:
    _payload, answer = await ask(running, "@everyone <@123> <@&456> can I text a young person?")
    assert answer.json["allowed_mentions"] == {"parse": []}


async def test_policy_works_in_a_dm_with_the_bot(running: RunningBot) -> None:
    _payload, answer = await ask(running, FRIEND_REQUEST, in_guild=False)
    assert answer.json["flags"] & EPHEMERAL
    assert answer.json["embeds"]
    assert "Share quote in channel" not in buttons(answer.json)  # nothing to share into


async def test_a_dm_to_the_bot_is_a_question_answered_in_the_dm(running: RunningBot) -> None:
    fake = running.fake
    await fake.direct_message(fake.users[REPORTER], FRIEND_REQUEST)
    [reply] = await fake.wait_for_call("POST", f"/channels/{fake.dm_channel_of(REPORTER)}/messages")
    assert reply.json["embeds"] and "friend" in reply.json["embeds"][0]["description"].lower()
    assert reply.json["allowed_mentions"]["parse"] == []


async def test_a_message_in_a_server_channel_gets_no_reply(running: RunningBot) -> None:
    fake = running.fake
    await fake.guild_message(fake.users[REPORTER], FRIEND_REQUEST)
    await fake.direct_message(fake.users[LEAD_A], FRIEND_REQUEST)  # processed after the guild message
    await fake.wait_for_call("POST", f"/channels/{fake.dm_channel_of(LEAD_A)}/messages")
    assert not fake.calls_to("POST", f"/channels/{GENERAL_CHANNEL_ID}/messages")


async def test_an_empty_dm_gets_a_clear_message(running: RunningBot) -> None:
    fake = running.fake
    await fake.direct_message(fake.users[REPORTER], "   ?!  ")
    [reply] = await fake.wait_for_call("POST", f"/channels/{fake.dm_channel_of(REPORTER)}/messages")
    assert "Please type a question" in reply.json["content"]


async def test_share_posts_the_quote_and_citation_in_the_channel_but_not_the_question(
    running: RunningBot,
) -> None:
    fake = running.fake
    question = "secret wording: " + FRIEND_REQUEST
    _payload, answer = await ask(running, question)
    share = buttons(answer.json)["Share quote in channel"]
    click = await fake.click(share["custom_id"], fake.users[REPORTER], message=fake.sent_message(answer))
    [response] = await fake.wait_for_call("POST", f"/interactions/{click['id']}/{click['token']}/callback")
    data = response.json["data"]
    assert response.json["type"] == CHANNEL_MESSAGE
    assert not data.get("flags", 0) & EPHEMERAL  # visible in the channel
    assert data["embeds"][0]["description"] == answer.json["embeds"][0]["description"]
    assert "secret wording" not in str(data)
    assert data["allowed_mentions"]["parse"] == []


async def test_other_matches_shows_the_next_clauses_privately(running: RunningBot) -> None:
    fake = running.fake
    _payload, answer = await ask(running, "can I post photos of young people on social media?")
    others = buttons(answer.json).get("Other matches")
    assert others is not None, "the bundled policies have several clauses about photos"
    click = await fake.click(others["custom_id"], fake.users[REPORTER], message=fake.sent_message(answer))
    [reply] = await wait_followups(running, click)
    assert reply.json["flags"] & EPHEMERAL
    assert reply.json["embeds"]
    assert reply.json["embeds"][0]["description"] != answer.json["embeds"][0]["description"]


async def test_helpful_and_not_helpful_are_counted_by_the_core(running: RunningBot) -> None:
    fake = running.fake
    _payload, answer = await ask(running, FRIEND_REQUEST)
    labels = buttons(answer.json)
    message = fake.sent_message(answer)
    first = await fake.click(labels["Helpful"]["custom_id"], fake.users[REPORTER], message=message)
    await wait_followups(running, first)
    second = await fake.click(labels["Not helpful"]["custom_id"], fake.users[LEAD_A], message=message)
    [thanks] = await wait_followups(running, second)
    assert thanks.json["flags"] & EPHEMERAL
    [count] = await running.desk.feedback.counts()
    assert (count.helpful, count.not_helpful) == (1, 1)


async def test_a_concern_offers_the_report_form(running: RunningBot) -> None:
    fake = running.fake
    _payload, answer = await ask(running, "I think a child is being groomed online")
    labels = buttons(answer.json)
    assert "Make a confidential report" in labels
    assert "/report" in answer.json["content"]
    click = await fake.click(
        labels["Make a confidential report"]["custom_id"],
        fake.users[REPORTER],
        message=fake.sent_message(answer),
    )
    [response] = await fake.wait_for_call("POST", f"/interactions/{click['id']}/{click['token']}/callback")
    assert response.json["type"] == MODAL
    assert response.json["data"]["custom_id"] == "pb:report:form"


async def test_a_fault_is_logged_once_without_the_question_and_the_user_gets_an_apology(
    start_bot: StartBot, caplog: Any
) -> None:
    async with start_bot() as running:
        fake = running.fake
        secret = "zebra-unicorn-secret"
        # Discord refuses the answer once, quoting what we sent back at us.
        fake.fail("POST", rf"/webhooks/{APP_ID}/[^/]+", status=400, body={"message": secret, "code": 50035})
        user = fake.users[REPORTER]
        payload = await fake.slash_command("policy", user, {"question": f"{secret} {FRIEND_REQUEST}"})
        [_refused, apology] = await wait_followups(running, payload, 2)
    assert apology.json["content"].startswith("Sorry, something went wrong")
    assert apology.json["flags"] & EPHEMERAL
    faults = [record for record in caplog.records if record.getMessage().startswith("fault handling")]
    assert len(faults) == 1
    assert "Traceback" in faults[0].getMessage() and "HTTPException (HTTP 400, code 50035)" in faults[0].getMessage()
    assert secret not in caplog.text
    assert GUILD_ID  # the fault happened in a server channel


async def test_a_huge_or_binary_question_gets_a_clean_answer(running: RunningBot) -> None:
    for question in ["\x00\x01\x02\ufffe" * 1500, "photos " * 850]:  # Discord's 6,000-character option limit
        payload, answer = await ask(running, question)
        assert answer.json["flags"] & EPHEMERAL
        assert not answer.json["content"].startswith("Sorry, something went wrong")
        assert len(answer.json["content"]) <= 2000
        assert callbacks(running, payload)


async def test_buttons_under_an_answer_from_before_a_restart_say_so_instead_of_failing(
    start_bot: StartBot,
) -> None:
    async with start_bot() as running:
        _payload, answer = await ask(running, FRIEND_REQUEST)
        message = running.fake.sent_message(answer)
    async with start_bot() as restarted:
        fake = restarted.fake
        click = await fake.click(buttons(message)["Helpful"]["custom_id"], fake.users[REPORTER], message=message)
        [reply] = await wait_followups(restarted, click)
        assert reply.json["flags"] & EPHEMERAL
        assert reply.json["content"] == "That answer has expired. Please ask again."
        assert await restarted.desk.feedback.counts() == []
