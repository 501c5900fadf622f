"""Slack's delivery rules that live in the adapter: response_url limits, retries, rate limits."""

from __future__ import annotations

from adapters.slack_bot import RESPONSE_URL_USES, ResponseUrls, SeenEvents
from tests.adapters.slack.conftest import ALICE, ANSWERED, CHANNEL, Slack


def test_a_response_url_is_used_at_most_five_times() -> None:
    urls = ResponseUrls()
    assert [urls.take("https://hooks.slack.com/a") for _ in range(RESPONSE_URL_USES + 1)] == [True] * 5 + [False]
    assert urls.take("https://hooks.slack.com/b")


def test_a_response_url_is_not_used_after_thirty_minutes() -> None:
    urls = ResponseUrls()
    assert urls.take("https://hooks.slack.com/c", now=1000.0)
    assert urls.take("https://hooks.slack.com/c", now=1000.0 + 29 * 60)
    assert not urls.take("https://hooks.slack.com/c", now=1000.0 + 31 * 60)


def test_an_event_id_is_taken_on_once_and_the_memory_stays_bounded() -> None:
    seen = SeenEvents(limit=3)
    assert seen.first_time("Ev1") and not seen.first_time("Ev1")
    for event_id in ("Ev2", "Ev3", "Ev4", "Ev5"):
        assert seen.first_time(event_id)
    assert seen.first_time("Ev1")  # long forgotten: the oldest go first


async def test_a_rate_limited_web_api_call_is_sent_again_after_retry_after(slack: Slack) -> None:
    slack.api.fail("chat.postEphemeral", status=429, retry_after=0)
    await slack.event(
        {
            "type": "app_mention",
            "channel": CHANNEL,
            "user": ALICE,
            "text": f"<@UBOT0001> {ANSWERED}",
            "ts": "1700000700.000100",
        }
    )
    await slack.api.wait_for(lambda c: c.method == "chat.postEphemeral" and len(slack.api.calls_to(c.method)) == 2)
    assert [c.body["user"] for c in slack.api.calls_to("chat.postEphemeral")] == [ALICE, ALICE]
